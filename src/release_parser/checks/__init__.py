"""Arithmetic self-verification of a parsed release.

Each rule family has its module (:mod:`.changes`, :mod:`.totals`, :mod:`.period_sums`,
:mod:`.ratios`, :mod:`.agreement`, :mod:`.balance`); :func:`run_checks` runs them
all and returns :class:`CheckResult` objects. ``Release.checks`` shows them as a
DataFrame and ``Release.facts.verified`` marks the cells they read.
"""

from .result import CellRef, CheckResult
from .runner import Verdict, cell_verdicts, raise_on_failed_checks, run_checks, verdict_of

__all__ = ["CellRef", "CheckResult", "Verdict", "cell_verdicts", "raise_on_failed_checks", "run_checks", "verdict_of"]
