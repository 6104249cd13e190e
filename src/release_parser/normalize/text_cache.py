"""A bounded memory for pure functions of a short text.

A release prints the same few figures, markers and labels many times over ("-", "2Q04",
"10,512"), and segmentation asks of each cell more than once whether it is a figure.
Short texts are remembered, up to :data:`MAX_REMEMBERED` of them per function; longer
ones are always computed, so a hostile document cannot fill memory through this.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

__all__ = ["remember_short_texts", "forget_remembered_texts", "MAX_REMEMBERED", "MAX_REMEMBERED_LENGTH"]

#: Texts remembered per function (least recently used ones are forgotten first).
MAX_REMEMBERED = 4096
#: Texts longer than this are never remembered.
MAX_REMEMBERED_LENGTH = 64

_T = TypeVar("_T")
_memories: list[Any] = []


def remember_short_texts(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function``, remembering its result for texts up to :data:`MAX_REMEMBERED_LENGTH` long.

    ``function`` must be pure and return immutable values.
    """
    remembered = lru_cache(maxsize=MAX_REMEMBERED)(function)
    _memories.append(remembered)

    @wraps(function)
    def call(text: str) -> _T:
        return remembered(text) if len(text) <= MAX_REMEMBERED_LENGTH else function(text)

    return call


def forget_remembered_texts() -> None:
    """Empty every memory (benchmarks do, so each parse is timed as a document never seen)."""
    for remembered in _memories:
        remembered.cache_clear()
