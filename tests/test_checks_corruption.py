"""Corrupted parses of real documents: the checks flag the faults that touch a cell they cover.

Each corruption changes one thing the way real parse failures do (see
checks_corruption.py). A corruption counts when it touches a cell some check read on
the clean parse; it is flagged when the corrupted parse fails a check the clean one
did not. Value faults (a digit swap, a lost sign) change the arithmetic and are
flagged almost always. Structural faults keep each table's own sums intact: a shifted
row is flagged where it leaves a change beside a blank, a column a year off where a
change no longer finds its period in its table, and a moved label only where another
table, a prose figure or a total ties the figure to its row.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from checks_corruption import CORRUPTIONS

import release_parser as rp
from release_parser.checks import cell_verdicts, run_checks

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def detection(releases: list[rp.Release]) -> tuple[Counter[str], Counter[str]]:
    """Corruptions touching a covered cell, and those flagged, by kind."""
    touched: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for release in releases:
        clean = run_checks(release)
        covered = set(cell_verdicts(clean))
        clean_failures = {r.describe() for r in clean if not r.passed}
        for corrupt in CORRUPTIONS:
            for corruption in corrupt(release, random.Random(7)):
                if not corruption.touched & covered:
                    continue
                touched[corruption.kind] += 1
                results = run_checks(corruption.release)
                flagged[corruption.kind] += any(not r.passed and r.describe() not in clean_failures for r in results)
    return touched, flagged


def test_corrupted_samples_are_flagged():
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".htm") and p.stem != "README")
    touched, flagged = detection([rp.parse(p) for p in paths])
    rate = {kind: flagged[kind] / touched[kind] for kind in touched}
    assert touched["swap_digits"] >= 200 and rate["swap_digits"] >= 0.93
    assert touched["drop_sign"] >= 40 and rate["drop_sign"] >= 0.88
    assert rate["move_label"] >= 0.30
    assert rate["shift_column"] >= 0.50  # a change beside the cell the shift left blank
    assert rate["year_off"] >= 0.70  # a change whose period its table no longer prints
    assert sum(flagged.values()) / sum(touched.values()) >= 0.70


def test_corrupted_iij_layouts_are_flagged(shared_dir):
    paths = sorted((shared_dir / "iij-layouts").glob("*.txt"))
    releases = [rp.parse(p) for p in paths]
    for release in releases:
        assert all(r.passed for r in run_checks(release)), release.source
    touched, flagged = detection(releases)
    assert touched["swap_digits"] >= 20 and flagged["swap_digits"] == touched["swap_digits"]
    assert flagged["drop_sign"] == touched["drop_sign"]
