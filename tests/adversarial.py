"""Adversarial inputs built from a regular expression's own characters, and a scaling probe.

:func:`adversarial_units` reads a compiled pattern's parse tree and returns the
pieces a hostile string is made of: every literal character and a member of
every character class it names (range ends and middles, one character per
category such as ``\\d`` or ``\\s``), its literal words, each character followed
by a blank, and all characters at once. :func:`repeat` turns a piece into a
string of exactly ``n`` characters plus a tail (nothing, or a character that
matches no class, so that a match must fail at the very end).

:func:`scaling` times a function on inputs of ``n`` and ``2n`` characters and
reports the ratio; tests and benchmarks share it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from re import _constants as sre
from re import _parser as sre_parse

__all__ = ["adversarial_units", "repeat", "TAILS", "Scaling", "scaling"]

#: What ends an adversarial string: nothing, or a character no pattern of the package names.
TAILS = ("", "\x00")

_CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "7",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "a",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_WORD: " ",
    sre.CATEGORY_LINEBREAK: "\n",
    sre.CATEGORY_NOT_LINEBREAK: "a",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def _class_members(items: list, chars: set[str]) -> None:
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE:
            low, high = value
            chars.update({chr(low), chr(high), chr((low + high) // 2)})
        elif op is sre.CATEGORY:
            chars.add(_CATEGORY_SAMPLES.get(value, "a"))
        elif op is sre.NEGATE:
            chars.update({"a", " ", "7"})


def _walk(tree, chars: set[str], words: set[str]) -> None:
    """Collect the characters and literal words of a parsed pattern."""
    run: list[str] = []
    for op, value in tree:
        if op is sre.LITERAL:
            run.append(chr(value))
            chars.add(chr(value))
            continue
        if len(run) > 1:
            words.add("".join(run))
        run = []
        if op is sre.NOT_LITERAL:
            chars.add("b" if chr(value) == "a" else "a")
        elif op is sre.ANY:
            chars.add("a")
        elif op is sre.IN:
            _class_members(value, chars)
        elif op in _REPEATS:
            _walk(value[2], chars, words)
        elif op is sre.SUBPATTERN:
            _walk(value[-1], chars, words)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            _walk(value, chars, words)
        elif op is sre.BRANCH:
            for branch in value[1]:
                _walk(branch, chars, words)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _walk(value[1], chars, words)
        elif op is sre.GROUPREF_EXISTS:
            _walk(value[1], chars, words)
            if value[2] is not None:
                _walk(value[2], chars, words)
    if len(run) > 1:
        words.add("".join(run))


def adversarial_units(pattern: re.Pattern) -> list[str]:
    """The pieces hostile strings for ``pattern`` are repeated from, in a stable order.

    >>> adversarial_units(re.compile(r"^[ \\t]*-{3,}$"))
    ['\\t', '\\t ', '\\t -', ' ', ' \\t', '-', '-\\t', '- ']
    """
    chars: set[str] = set()
    words: set[str] = set()
    _walk(sre_parse.parse(pattern.pattern, pattern.flags), chars, words)
    blanks = sorted(c for c in chars if c.isspace())[:2] or [" "]
    units = set(chars) | words
    units |= {piece + blank for piece in chars | words for blank in blanks if piece != blank}
    units.add("".join(sorted(chars)))
    return sorted(unit for unit in units if unit)


def repeat(unit: str, n: int, tail: str = "") -> str:
    """``unit`` repeated to exactly ``n`` characters, then ``tail``.

    >>> repeat("ab", 5, "!")
    'ababa!'
    """
    return (unit * (n // len(unit) + 1))[:n] + tail


@dataclass(frozen=True)
class Scaling:
    """Seconds at ``n`` and at ``2n`` characters; ``ratio`` is 2.0 for a linear cost."""

    small: float
    big: float

    @property
    def ratio(self) -> float:
        return self.big / self.small if self.small > 0 else float("inf")

    def is_superlinear(self, *, max_ratio: float, floor: float) -> bool:
        """Slower than linear by more than ``max_ratio``, and not within ``floor`` seconds (noise)."""
        return self.big >= floor and self.ratio > max_ratio


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def scaling(
    run: Callable[[str], object], make: Callable[[int], str], n: int, *, floor: float, hard_cap: float, repeats: int = 3
) -> Scaling:
    """Time ``run(make(n))`` and ``run(make(2 * n))``.

    The bigger input runs first: when it takes less than ``floor`` seconds
    nothing can fail, and that one run is all the case costs (``small`` is then
    0.0). Otherwise each size is timed ``repeats`` times and the fastest run
    counts, so a stall of the machine cannot fail a linear case; a first run
    longer than ``hard_cap`` is not repeated.
    """
    small_text, big_text = make(n), make(2 * n)
    big = _seconds(lambda: run(big_text))
    if big < floor:
        return Scaling(0.0, big)
    small = _seconds(lambda: run(small_text))
    if big > hard_cap:
        return Scaling(small, big)
    small = min([small, *(_seconds(lambda: run(small_text)) for _ in range(repeats - 1))])
    big = min([big, *(_seconds(lambda: run(big_text)) for _ in range(repeats - 1))])
    return Scaling(small, big)


def iter_cases(pattern: re.Pattern) -> Iterator[tuple[str, str]]:
    """``(unit, tail)`` of every adversarial string of ``pattern``."""
    for unit in adversarial_units(pattern):
        for tail in TAILS:
            yield unit, tail
