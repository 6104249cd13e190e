"""The pages of a PDF, numbered, up to a limit, whichever library walks its page tree.

A damaged page tree keeps the pages before the damage (a warning says which were
skipped); damage before the first page is a :class:`~release_parser.errors.ReadError`.
Pages past ``limit`` are counted, never read, and a warning says so.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import TypeVar

from ..errors import ReadError, ReleaseWarning, ResourceLimitError

__all__ = ["numbered_pages"]

Page = TypeVar("Page")


def numbered_pages(
    pages: Iterator[Page], source: str, limit: int, *, total: Callable[[int], str],
    describe: Callable[[BaseException], str] = lambda error: str(error) or type(error).__name__,
) -> Iterator[tuple[int, Page]]:
    """``pages`` numbered from 1, the first ``limit`` of them.

    ``total(seen)`` gives the page count for the warning about the pages left unread;
    ``describe`` words a library's error for the message.
    """
    number = 0
    while True:
        try:
            page = next(pages, None)
        except MemoryError as error:
            raise ResourceLimitError(f"{source}: not enough memory to read the page tree") from error
        except Exception as error:  # a broken page tree: keep the pages before it
            if number == 0:
                raise ReadError(f"{source}: the PDF's page tree is damaged ({describe(error)})") from error
            warnings.warn(f"{source}: pages after {number} skipped: the page tree is damaged ({error})",
                          ReleaseWarning, stacklevel=4)
            return
        if page is None:
            return
        number += 1
        if number > limit:
            warnings.warn(f"{source}: only the first {limit} of {total(number)} pages were read (max_pages)",
                          ReleaseWarning, stacklevel=4)
            return
        yield number, page
