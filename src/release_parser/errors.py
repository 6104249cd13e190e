"""Every exception and warning the package raises.

All errors derive from :class:`ReleaseParserError`, so callers can catch the
whole family with one ``except`` clause. Errors about malformed values also
derive from :class:`ValueError`, as a bad value is what they report.
"""

from __future__ import annotations

__all__ = [
    "ReleaseParserError",
    "ReadError",
    "EmptyInputError",
    "UnsupportedInputError",
    "NotARegularFileError",
    "NotAPDFError",
    "EncryptedPDFError",
    "NoTextLayerError",
    "ResourceLimitError",
    "SizeLimitError",
    "ContentLimitError",
    "OperatorLimitError",
    "TimeLimitError",
    "LayoutError",
    "ConsistencyError",
    "NormalizationError",
    "NumberFormatError",
    "PeriodFormatError",
    "UnitFormatError",
    "IngestError",
    "DatabaseError",
    "SchemaVersionError",
    "DocumentLoadError",
    "ReleaseWarning",
]


class ReleaseParserError(Exception):
    """Base class of every error raised by release_parser."""


class ReadError(ReleaseParserError):
    """The source could not be read into text."""


class EmptyInputError(ReadError):
    """The source holds no bytes, or no text at all."""


class UnsupportedInputError(ReadError):
    """The source is neither text nor a PDF (binary junk, an image, ...)."""


class NotARegularFileError(UnsupportedInputError):
    """The path is a FIFO, a device, a socket or a directory: only regular files are read."""


class NotAPDFError(UnsupportedInputError):
    """The source was expected to be a PDF but is not one."""


class EncryptedPDFError(ReadError):
    """The PDF is encrypted and no (or a wrong) ``password=`` was given."""


class NoTextLayerError(ReadError):
    """The PDF has pages but no extractable text (scanned or image-only)."""


class ResourceLimitError(ReadError):
    """Reading stopped at a configured bound (``max_pages``, time or size limit)."""


class SizeLimitError(ResourceLimitError):
    """The source holds more bytes or characters than the reader takes."""


class ContentLimitError(ResourceLimitError):
    """A PDF page or document inflates to more content than ``max_content_bytes`` allows."""


class OperatorLimitError(ResourceLimitError):
    """A PDF page draws more operators and glyphs than ``max_operators`` allows."""


class TimeLimitError(ResourceLimitError):
    """Reading took longer than ``timeout`` seconds (checked inside pages, not only between them)."""


class LayoutError(ReleaseParserError):
    """The text was read but its structure cannot be segmented as asked."""


class ConsistencyError(ReleaseParserError):
    """A strict parse found figures that contradict the release's own arithmetic.

    ``failures`` holds the failed :class:`~release_parser.checks.CheckResult` objects.
    """

    def __init__(self, message: str, failures: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.failures = failures


class NormalizationError(ReleaseParserError, ValueError):
    """A value could not be normalized. ``text`` holds the offending input."""

    def __init__(self, message: str, text: str | None = None) -> None:
        super().__init__(message)
        self.text = text


class NumberFormatError(NormalizationError):
    """A string is not a number in any notation the parser knows."""


class PeriodFormatError(NormalizationError):
    """A string is not a fiscal period in any notation the parser knows."""


class UnitFormatError(NormalizationError):
    """A unit or scale caption could not be understood."""


class IngestError(ReleaseParserError):
    """A batch ingest cannot go on (one bad file never raises: it becomes a row of errors)."""


class DatabaseError(IngestError):
    """The database cannot be opened, read or written (bad URL, server down, disk full, ...)."""


class SchemaVersionError(DatabaseError):
    """The database's recorded schema is not the one this code writes.

    ``found`` is the version recorded in the database (None when it holds tables of
    the same names but no ``schema_info``), ``expected`` the code's version.
    """

    def __init__(self, message: str, *, found: int | None, expected: int) -> None:
        super().__init__(message)
        self.found = found
        self.expected = expected


class DocumentLoadError(IngestError):
    """The database refused one document's rows; nothing of it was written.

    An ingest records it as a row of ``errors`` (stage ``"load"``) and goes on.
    """


class ReleaseWarning(UserWarning):
    """Something in a release was skipped or guessed; the message says where."""
