"""Bullet levels stay linear in the depth of the outline: each bullet is compared with a bounded
number of open bullets, not with every open one."""

from __future__ import annotations

import pytest

from release_parser.layout import Line
from release_parser.segment.blocks import BulletBlock
from release_parser.segment.bullets import BulletLevels


def _bullet(signature: str, indent: float) -> BulletBlock:
    return BulletBlock(Line((), 1, 1, ""), "text", signature[-1], signature, indent)


class CountingLevels(BulletLevels):
    """Counts the open bullets each new bullet is compared with."""

    comparisons = 0

    def _same_column(self, known, block):  # type: ignore[no-untyped-def]
        self.comparisons += 1
        return super()._same_column(known, block)


@pytest.mark.parametrize("depth", [4_000])
def test_deep_outline_compares_each_bullet_a_bounded_number_of_times(depth: int) -> None:
    levels = CountingLevels(0.5)
    placed = [levels.place(_bullet("-", float(i)), i, False) for i in range(depth)]
    assert placed[-1] == (depth, depth - 2)
    assert [level for level, _ in placed] == list(range(1, depth + 1))
    assert levels.comparisons <= 3 * depth


def test_returning_to_a_shallow_bullet_closes_the_deeper_ones() -> None:
    levels = CountingLevels(0.5)
    for i in range(1_000):
        levels.place(_bullet("-", float(i)), i, False)
    before = levels.comparisons
    assert levels.place(_bullet("-", 0.2), 1_000, False) == (1, None)
    assert levels.comparisons - before <= 3
    assert levels.place(_bullet("-", 1.0), 1_001, False) == (2, 1_000)


def test_same_signature_and_indent_is_one_level_among_others() -> None:
    levels = BulletLevels(2.0)
    signatures = ["✓", "-▶", "-▶", "✓", "-▶"]
    assert [levels.place(_bullet(s, 0.0), i, False) for i, s in enumerate(signatures)] == [
        (1, None), (2, 0), (2, 0), (1, None), (2, 3)
    ]


def test_an_emphasized_bullet_never_nests_under_a_plain_one() -> None:
    levels = BulletLevels(0.5)
    levels.place(_bullet("-", 0.0), 0, False)
    levels.place(_bullet("-", 2.0), 1, False)
    assert levels.place(_bullet("✓", 4.0), 2, True) == (1, None)


def test_a_non_positive_tolerance_is_refused() -> None:
    with pytest.raises(ValueError):
        BulletLevels(0.0)
