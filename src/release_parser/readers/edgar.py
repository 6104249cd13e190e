"""Read SEC EDGAR containers: a full submission ``.txt`` or a single ``<DOCUMENT>``.

A submission holds a ``<SEC-HEADER>`` (form type, filer, dates) and one
``<DOCUMENT>`` per file, each with ``<TYPE>``, ``<SEQUENCE>``, ``<FILENAME>``,
``<DESCRIPTION>`` and its content between ``<TEXT>`` and ``</TEXT>``. The
container is line-oriented SGML, read line by line; each document's content is
HTML (read by :mod:`.html`) or EDGAR plain text (read by :mod:`.edgar_text`).

By default the press-release exhibits are read (``<TYPE>EX-99...``), or the
first document when there is none; ``documents="all"`` reads every text or HTML
document, and any other string reads the documents of that type. The filing's
header fields are kept on :attr:`Layout.filing <release_parser.layout.Layout.filing>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import EmptyInputError, ReadError
from ..layout import Layout, Line
from .edgar_text import read_edgar_text
from .html import MAX_HTML_BYTES, read_html

__all__ = ["EdgarDocument", "EdgarFiling", "split_filing", "read_edgar", "is_edgar", "looks_like_html"]

#: Header fields kept, by their name in the ``<SEC-HEADER>``.
HEADER_FIELDS: dict[str, str] = {
    "ACCESSION NUMBER": "accession_number",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "CONFORMED PERIOD OF REPORT": "period_of_report",
    "FILED AS OF DATE": "filed",
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "FISCAL YEAR END": "fiscal_year_end",
}
_DATE_FIELDS = frozenset({"period_of_report", "filed"})
_CONTAINER_STARTS = ("<SEC-DOCUMENT>", "<SEC-HEADER>", "<DOCUMENT>", "<IMS-DOCUMENT>", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----")
_HTML_STARTS = ("<HTML", "<!DOCTYPE", "<?XML", "<BODY", "<HEAD", "<TITLE", "<DIV", "<P>", "<P ", "<TABLE ", "<FONT", "<CENTER")
_BINARY_TYPES = ("GRAPHIC", "ZIP", "EXCEL", "PDF", "XML", "JSON", "EX-101", "XSD")
_SNIFF_CHARS = 2048


@dataclass(frozen=True)
class EdgarDocument:
    """One ``<DOCUMENT>`` of a submission: its header tags and its content."""

    type: str
    text: str
    first_line: int  # line number of the content's first line in the file
    sequence: str = ""
    filename: str = ""
    description: str = ""


@dataclass(frozen=True)
class EdgarFiling:
    """A submission: its header fields (``form_type``, ``company``, ``filed``, ...) and its documents."""

    fields: tuple[tuple[str, str], ...]
    documents: tuple[EdgarDocument, ...]


def is_edgar(text: str) -> bool:
    """The text opens as an EDGAR submission or a ``<DOCUMENT>``."""
    return text.lstrip()[:64].upper().startswith(_CONTAINER_STARTS)


def looks_like_html(text: str) -> bool:
    """Content that opens with an HTML tag (after an optional ``<XBRL>`` wrapper)."""
    head = text.lstrip()[:_SNIFF_CHARS].upper()
    if head.startswith("<XBRL>"):
        head = head[len("<XBRL>"):].lstrip()
    return head.startswith(_HTML_STARTS)


def _tag_value(line: str, tag: str) -> str | None:
    """``<TYPE>EX-99.1`` -> ``EX-99.1`` for ``tag="TYPE"``."""
    opening = f"<{tag}>"
    if line[: len(opening)].upper() == opening:
        return line[len(opening):].strip()
    return None


def _header_field(line: str) -> tuple[str, str] | None:
    name, colon, value = line.partition(":")
    key = HEADER_FIELDS.get(name.strip().upper()) if colon else None
    if key is None or not value.strip():
        return None
    value = value.strip()
    if key in _DATE_FIELDS and len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return key, value


def split_filing(text: str) -> EdgarFiling:
    """The header fields and documents of an EDGAR container, in one pass over its lines."""
    fields: dict[str, str] = {}
    documents: list[EdgarDocument] = []
    current: dict[str, str] | None = None
    body: list[str] | None = None
    body_start = 0
    in_header = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        upper = line.strip().upper()
        if body is not None:
            if upper.startswith("</TEXT>"):
                assert current is not None
                documents.append(_document(current, body, body_start))
                body = None
            else:
                body.append(line)
            continue
        if upper.startswith("<SEC-HEADER>") or upper.startswith("<IMS-HEADER>"):
            in_header = True
        elif upper.startswith("</SEC-HEADER>") or upper.startswith("</IMS-HEADER>"):
            in_header = False
        elif upper == "<DOCUMENT>":
            current = {}
        elif upper == "</DOCUMENT>":
            current = None
        elif upper.startswith("<TEXT>") and current is not None:
            body, body_start = [], number + 1
            rest = line.strip()[len("<TEXT>"):]
            if rest:
                body.append(rest)
                body_start = number
        elif current is not None:
            for tag in ("TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION"):
                value = _tag_value(line.strip(), tag)
                if value is not None:
                    current[tag.lower()] = value
        elif in_header or not documents:
            field = _header_field(line)
            if field is not None and field[0] not in fields:
                fields[field[0]] = field[1]
    if body is not None and current is not None:  # a document cut off before </TEXT>
        documents.append(_document(current, body, body_start))
    return EdgarFiling(tuple(fields.items()), tuple(documents))


def _document(tags: dict[str, str], body: list[str], first_line: int) -> EdgarDocument:
    return EdgarDocument(
        type=tags.get("type", "").upper(),
        text="\n".join(body),
        first_line=first_line,
        sequence=tags.get("sequence", ""),
        filename=tags.get("filename", ""),
        description=tags.get("description", ""),
    )


def select_documents(filing: EdgarFiling, documents: str = "exhibits") -> list[EdgarDocument]:
    """The documents to read: ``"exhibits"`` (EX-99.*, else the first), ``"all"``, or one ``<TYPE>``."""
    readable = [d for d in filing.documents if not d.type.startswith(_BINARY_TYPES) and not _is_uuencoded(d.text)]
    if documents == "all":
        return readable
    if documents == "exhibits":
        exhibits = [d for d in readable if d.type.startswith("EX-99")]
        return exhibits or readable[:1]
    return [d for d in readable if d.type == documents.upper()]


def _is_uuencoded(text: str) -> bool:
    return text.lstrip()[:6].lower() == "begin "


def _read_document(document: EdgarDocument, source: str) -> Layout:
    if looks_like_html(document.text):
        return read_html(document.text, source=source, max_bytes=MAX_HTML_BYTES)
    return read_edgar_text(document.text, source=source, first_line=document.first_line)


def read_edgar(text: str, *, source: str = "<edgar>", documents: str = "exhibits") -> Layout:
    """Read the chosen documents of an EDGAR container into one layout.

    Parameters
    ----------
    text
        The container's text.
    source
        Name of the source, for messages and provenance.
    documents
        ``"exhibits"`` (the EX-99 exhibits, or the first document when there is
        none), ``"all"``, or a document type such as ``"EX-99.2"``.

    Returns
    -------
    Layout
        The documents' lines in order, each starting on a new page, with the
        filing's header fields (and the documents' types) in ``filing``.

    Raises
    ------
    EmptyInputError
        The container holds no document to read.

    Examples
    --------
    >>> text = "<DOCUMENT>\\n<TYPE>EX-99.1\\n<TEXT>\\nRevenue  10,512  9,185\\n</TEXT>\\n</DOCUMENT>"
    >>> layout = read_edgar(text)
    >>> layout.lines[0].text, dict(layout.filing)["document_types"]
    ('Revenue 10,512 9,185', 'EX-99.1')
    """
    filing = split_filing(text)
    chosen = select_documents(filing, documents)
    if not chosen:
        kinds = ", ".join(d.type or "?" for d in filing.documents) or "none"
        raise EmptyInputError(f"{source}: no EDGAR document to read (documents={documents!r}; types: {kinds})")
    layouts = []
    for document in chosen:
        try:
            layouts.append(_read_document(document, source))
        except EmptyInputError:
            continue
    if not layouts:
        raise EmptyInputError(f"{source}: the chosen EDGAR documents hold no text")
    fields = (*filing.fields, ("document_types", ",".join(d.type for d in chosen)))
    return _join(layouts, source, fields)


def _join(layouts: Sequence[Layout], source: str, fields: tuple[tuple[str, str], ...]) -> Layout:
    """One layout from several, each starting on a new page."""
    lines: list[Line] = []
    offset = 0
    for layout in layouts:
        for line in layout.lines:
            page = line.page + offset
            lines.append(replace(line, page=page, cells=tuple(replace(c, page=page) for c in line.cells)))
        offset += layout.page_count
    if not lines:
        raise ReadError(f"{source}: no lines")
    return Layout(
        lines=tuple(lines),
        source=source,
        page_count=offset,
        kind=layouts[0].kind,
        full_text="\n".join(layout.full_text for layout in layouts),
        filing=fields,
    )
