"""Reading the figures of one bullet or paragraph: the metric, period, measure and sign of each.

The reading is deliberately local: a figure's metric comes from the words
between it and the figure before it; when those say nothing, it inherits the
previous figure's metric (and a loss's sign), as in "a loss of JPY 830 million
in 2Q03 and JPY 100 million in 1Q04". Within one sentence, figures listed
together share what is said once: "1Q22 total revenues up 9.8% and operating
profit up 15.3% year over year" gives both figures 1Q22 and YoY.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .headers import implied_base
from .normalize.numbers import ParsedNumber
from .normalize.periods import FiscalPeriod
from .normalize.units import lookup_unit
from .prose_figures import Figure
from .prose_metric import VERB, clean_metric, label_of, metric_from
from .prose_types import ProseFact, ProseUnit
from .wording import QUARTER_ON_QUARTER, TARGET_WORDS, YEAR_ON_YEAR

__all__ = ["Reading", "PieceReader"]

Periods = Sequence[tuple[int, int, FiscalPeriod]]

_CLAUSE_BREAK = re.compile(r"[;()\[\]]|\.(?=\s+[A-Z]|\s*$)")
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z(])")
_BASE_BEFORE = re.compile(
    r"(?:from|since|to|compared\s+(?:to|with)|versus|vs\.?|over|against|than|previous)\s+"
    r"(?:(?:in|for|during)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_YOY = re.compile(rf"^\s*{YEAR_ON_YEAR}\b", re.IGNORECASE)
_QOQ = re.compile(rf"^\s*{QUARTER_ON_QUARTER}\b", re.IGNORECASE)
_DECREASE = re.compile(
    r"\b(?:decreas\w*|declin\w*|down|fell|fall\w*|drop\w*|lower|reduc\w*|shrank|slipp?\w*|contract(?:ed|ion))\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:increas\w*|decreas\w*|declin\w*|grew|grow\w*|growth|rose|ris\w*|up|down|fell|fall\w*|drop\w*|improv\w*|"
    r"change\w*|slipp?\w*|climb\w*|jump\w*|higher|lower|by)\b",
    re.IGNORECASE,
)
# "35.1% higher than in 3Q06", "5.3% ahead of last year": the comparison follows the figure
_COMPARED_AFTER = re.compile(
    r"^\s*(?P<way>(?:higher|lower|more|less|above|below)\s+than|ahead\s+of|behind)\b", re.IGNORECASE
)
# ... and the comparison is with the year before
_LAST_YEAR = re.compile(
    r"^\s*(?:higher|lower|more|less|above|below|ahead|behind)\s+(?:than|of)?\s*"
    r"(?:(?:the\s+)?(?:last|prior|previous)\s+year\b|a\s+year\s+(?:ago|earlier|before))",
    re.IGNORECASE,
)
# the change word stands right before an amount: "up JPY500 YoY", "increased by JPY2 billion"
_CHANGE_RIGHT_BEFORE = re.compile(
    r"\b(?:up|down|increas\w*|decreas\w*|rose|fell|grew|declin\w*|improv\w*)(?:\s+by)?\s*$", re.IGNORECASE
)
# "as planned", "weaker-than-planned": the plan is a yardstick, not the figure's kind
_TARGET = re.compile(rf"(?<!as\s)(?<!than\s)(?<!than-)\b(?:{TARGET_WORDS}|expected\s+to\s+be|planned)\b", re.IGNORECASE)
_THRESHOLD = re.compile(r"\b(?:topped|exceed\w*|surpass\w*|over|more\s+than|above|at\s+least|under|below|less\s+than)\s*$", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<noun>[A-Za-z]+)", re.IGNORECASE)
_TOPIC_BEFORE = re.compile(r"(?:\b(?:for|during)\s+(?:the\s+)?|\(\s*)$", re.IGNORECASE)
# "net income in fiscal 2025 was": a period after its metric's noun, then the verb to the figure
_IN_AFTER_NOUN = re.compile(r"\b[A-Za-z]{3,}\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_VERB_TO_FIGURE = re.compile(r"^\s*(?:,\s*)?(?:was|were|is|are|of|totaled|totalled|reached|amounted\s+to|came\s+in\s+at|stood\s+at)\s*$",
                             re.IGNORECASE)
_YEAR_EARLIER = re.compile(
    r"^\W*(?:a\s+year\s+(?:earlier|ago|before)|in\s+the\s+(?:prior|previous|same\s+period\s+of\s+the\s+previous)\s+(?:fiscal\s+)?year)",
    re.IGNORECASE,
)
# (lower case "in": a sentence opening "In fiscal 2025 we ..." names its own figure)
_NAMES_PREVIOUS = re.compile(r"^\s*(?:in\s+[A-Za-z]|(?i:from|compared\s+(?:to|with)|versus|vs\.?)\s)")
# "up 93% from a year ago", "up 16% from the previous quarter": the comparison in words
_FROM = r"^\s*(?:from|compared\s+(?:to|with)|versus|vs\.?|over|on)\s+"
_FROM_YEAR_AGO = re.compile(
    _FROM + r"(?:a\s+year\s+(?:ago|earlier)|the\s+year[\s-]ago\s+(?:quarter|period)|(?:the\s+)?(?:same\s+(?:quarter|period)\s+(?:of\s+)?)?"
    r"(?:last|(?:the\s+)?(?:prior|previous)|the\s+prior[\s-]year)\s+(?:year|period|quarter)?)", re.IGNORECASE)
_FROM_QUARTER_AGO = re.compile(_FROM + r"(?:the\s+)?(?:previous|prior|preceding|last|sequential)\s+quarter\b", re.IGNORECASE)
_METRIC_AFTER = re.compile(r"^\s+in\s+(?P<metric>[A-Za-z][A-Za-z -]{2,40}?)\s*(?:,|\band\b|\.|$)")
# a percent followed by the ratio it is: "(10.8% adjusted operating margin)"
_RATIO_AFTER = re.compile(r"^\s+(?P<metric>(?:[A-Za-z][A-Za-z-]*\s+){0,4}(?:margin|ratio|rate|yield))\b", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(r"\b(?:in|for|of|during|at)\s+(?:the\s+)?$", re.IGNORECASE)
_ADJACENT = re.compile(r"^\s*+(?:[-–:=]\s*+)?$")
# a period that qualifies the noun after it: "1Q22 total revenues", "our FY2010 year-end dividend"
# or that is the subject of its clause: "because 1H FY2010 included a gain of ..."
_QUALIFIER_BEFORE = re.compile(
    r"(?:^\s*|\b(?:the|our|its|their|with|and|because|as|while|whereas|when|(?:full|whole)[\s-]year)\s+)$", re.IGNORECASE
)
_QUALIFIER_AFTER = re.compile(r"^\s+[A-Za-z]")
# "these recurring revenues made up 79% of total revenues"
_SHARE_VERB = re.compile(r"\b(?:made\s+up|accounted\s+for|represent(?:ed|s)?|comprised?)\s*$", re.IGNORECASE)
_SHARE_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?P<whole>[A-Za-z][A-Za-z -]{2,40}?)\s*(?:[,.;)]|$)")
# "improved to 6.4% from 5.7%": a level reached, then the level it was reached from
_LEVEL_REACHED = re.compile(r"\bto\s*$", re.IGNORECASE)
_LEVEL_FROM = re.compile(r"^\W*from\s*$", re.IGNORECASE)
_OPENS_CLAUSE = re.compile(r"^\W*(?:and\W*)?$", re.IGNORECASE)
_LEVEL_MEASURES = frozenset({"value", "target", "threshold"})
#: Units of a difference between two percents ("2.0 points", "40 bps").
_POINT_UNITS = frozenset({"points", "bp"})
_PERCENT_CHANGES = frozenset({"yoy_pct", "qoq_pct", "pct_change"})


@dataclass(frozen=True)
class Reading:
    """One figure read, with what the figures after it may inherit."""

    fact: ProseFact
    negative_wording: bool  # its sign came from "loss" wording, which carries over "and ..."
    sentence: int = 0  # where its sentence starts
    compared: str | None = None  # "yoy"/"qoq" when printed after it ("up 5.6% YoY")
    prior: bool = False  # the level a change started from: its period is the comparison's base


class PieceReader:
    """Reads the figures of one bullet or paragraph (or one bullet inside a paragraph), in order."""

    def __init__(
        self,
        unit: ProseUnit,
        text: str,
        offset: int,
        periods: Periods,
        lead: FiscalPeriod | None,
        subject: str | None,
        carried: Reading | None,
        parent_subject: str | None,
    ) -> None:
        self.unit = unit
        self.text = text
        self.offset = offset
        self.periods = periods
        self.lead = lead
        self.subject = subject
        self.carried = carried
        self.parent_subject = parent_subject
        self.label = label_of(text)
        self.topic: FiscalPeriod | None = None
        self.sentence_period: FiscalPeriod | None = None
        self.about_targets = False

    def read(self, figures: Sequence[Figure]) -> list[Reading]:
        readings: list[Reading] = []
        previous: Reading | None = None
        sentence_start, sentence_end = 0, -1
        for index, figure in enumerate(figures):
            if figure.start > sentence_end:  # a new sentence: its opening words set its topic
                sentence_start, sentence_end = self._sentence_around(figure.start)
                opening = self.text[sentence_start : figure.start]
                self.topic = self._topic_in_opening(sentence_start, figure.start) or self._topic_before(sentence_start, figures)
                self.sentence_period = None
                self.about_targets = _TARGET.search(opening) is not None
            clause_start = self._clause_start(figure.start)
            phrase_start = clause_start
            if index and figures[index - 1].end > clause_start and not self._is_qualifier(figures[index - 1], clause_start):
                phrase_start = figures[index - 1].end
            next_start = figures[index + 1].start if index + 1 < len(figures) else len(self.text)
            after_end = min(next_start, self._clause_end(figure.end))
            same_sentence = previous if previous is not None and previous.sentence == sentence_start else None
            reading = self._read(figure, phrase_start, after_end, previous, same_sentence, (sentence_start, sentence_end))
            if reading is not None:
                readings.append(reading)
                previous = reading
        return _shared_comparisons(readings)

    def _sentence_around(self, position: int) -> tuple[int, int]:
        start = 0
        for match in _SENTENCE_END.finditer(self.text, 0, position):
            start = match.end()
        end = _SENTENCE_END.search(self.text, position)
        return start, end.start() if end else len(self.text)

    def _sentence_text(self, position: int) -> str:
        start, end = self._sentence_around(position)
        return self.text[start : end + 1].strip()

    def _topic_in_opening(self, sentence_start: int, first_figure: int) -> FiscalPeriod | None:
        """"For the nine months ended ...," or "targets (1H08) of": a period the sentence opens with."""
        for start, _, period in self.periods:
            if sentence_start <= start < first_figure and _TOPIC_BEFORE.search(self.text[sentence_start:start]):
                return period
        return None

    def _topic_before(self, sentence_start: int, figures: Sequence[Figure]) -> FiscalPeriod | None:
        """The period of the last earlier sentence with no figures ("... targets for FY2008.")."""
        topic = None
        for start, _, period in self.periods:
            if start >= sentence_start:
                break
            if not any(f.start < start < f.end + 40 for f in figures) and not _BASE_BEFORE.search(self.text[:start]):
                topic = period
        return topic

    def _is_qualifier(self, figure: Figure, clause_start: int) -> bool:
        """A figure inside a subject ("customers with over 1Gbps contracts") is no boundary."""
        return bool(_THRESHOLD.search(self.text[clause_start : figure.start]))

    def _clause_start(self, position: int) -> int:
        start = 0
        for match in _CLAUSE_BREAK.finditer(self.text, 0, position):
            start = match.end()
        return start

    def _clause_end(self, position: int) -> int:
        match = _CLAUSE_BREAK.search(self.text, position)
        return match.start() if match else len(self.text)

    def _periods_around(self, figure: Figure, phrase_start: int, after_end: int) -> tuple[FiscalPeriod | None, FiscalPeriod | None, bool]:
        """The (subject, base) periods printed around a figure, and whether the subject qualifies its metric.

        After it: "... in 2Q03" names its period, "... compared to 1Q04" its base.
        Before it, a period printed right against it counts ("1Q04 - 8,076"), and one that
        qualifies the metric's noun ("1Q22 total revenues up 9.8%").
        """
        subject = base = None
        qualifies = False
        for start, end, period in self.periods:
            if figure.end <= start < after_end:
                between = self.text[figure.end : start]
                if _BASE_BEFORE.search(between):
                    base = base or period
                elif subject is None and _SUBJECT_BEFORE.search(between):
                    subject = period
            elif phrase_start <= start and end <= figure.start:
                before = self.text[phrase_start:start]
                between = self.text[end : figure.start]
                if (_ADJACENT.match(between) or _TOPIC_BEFORE.search(before)
                        or (_IN_AFTER_NOUN.search(before) and _VERB_TO_FIGURE.match(between))):
                    subject = subject or period
                elif _QUALIFIER_BEFORE.search(before) and _QUALIFIER_AFTER.match(self.text[end : figure.start]):
                    if subject is None and not _BASE_BEFORE.search(self.text[:start]):
                        subject, qualifies = period, True
        return subject, base, qualifies

    def _without_periods(self, phrase: str, phrase_start: int) -> str:
        """The phrase with each period printed in it made a bare number, which names no metric and
        keeps the phrase's words around it: "net income in fiscal 2025" names net income."""
        for start, end, _ in reversed(self.periods):  # from the right: a replacement moves what follows it
            if phrase_start <= start and end <= phrase_start + len(phrase):
                offset = start - phrase_start
                phrase = phrase[:offset] + " 0 " + phrase[offset + end - start:]  # a word of digits: no metric word
        return phrase

    def _metric(self, figure: Figure, phrase: str, phrase_start: int, after: str) -> tuple[str | None, bool]:
        # "... JPY83,000 million in revenues and JPY3,400 million in operating income": words
        # opening with "in" name the figure before, not this one
        metric, loss = metric_from(self._without_periods(phrase, phrase_start)) if not _NAMES_PREVIOUS.match(phrase) else (None, False)
        if metric is None and self.label and phrase_start <= self.label.end():
            metric, loss = metric_from(self.label.group("label"))
        if metric is None and figure.number.is_percent and (ratio := _RATIO_AFTER.match(after)) is not None:
            return clean_metric(ratio.group("metric")), False  # "(10.8% adjusted operating margin)"
        if metric is None:
            named_after = _METRIC_AFTER.match(after)
            if named_after is not None:
                first, last = figure.end + named_after.start("metric"), figure.end + named_after.end("metric")
                if not any(s < last and first < e for s, e, _ in self.periods):
                    metric = clean_metric(named_after.group("metric"))
        return metric, loss

    def _counted_subject(self, figure: Figure, phrase: str, sentence_end: int) -> str | None:
        """"About 1,600 corporate customers and 245 employees came with ...": counted things as the subject."""
        if figure.counted is None or not _OPENS_CLAUSE.match(phrase):
            return None
        return clean_metric(figure.counted) if VERB.search(self.text, figure.end, sentence_end) else None

    def _read(
        self,
        figure: Figure,
        phrase_start: int,
        after_end: int,
        previous: Reading | None,
        same_sentence: Reading | None,
        sentence: tuple[int, int],
    ) -> Reading | None:
        sentence_start, sentence_end = sentence
        number = figure.number
        phrase = self.text[phrase_start : figure.start]
        after = self.text[figure.end : after_end]
        subject, base, qualifies = self._periods_around(figure, phrase_start, after_end)
        metric, loss = self._metric(figure, phrase, phrase_start, after)
        counted = self._counted_subject(figure, phrase, sentence_end) if metric is None else None
        metric = metric or counted
        inherited = metric is None
        if inherited:
            # the figure before it in this unit, this unit's subject, the unit it continues, its parent bullet
            if previous is None and self.subject is None and self.carried is not None:
                previous = self.carried
            metric = previous.fact.metric if previous is not None else (self.subject or self.parent_subject)
        if metric is None:
            return None
        if not figure.has_unit and counted is None and subject is None and not _NUMBER_OF.search(metric):
            return None  # a bare number with no period beside it: an address, a count of things in passing
        # "JPY41,118 million ($392.0 million)": the same amount in dollars; a percent is no amount to convert
        conversion = (previous is not None and inherited and number.unit == "USD"
                      and previous.fact.unit not in (None, "USD") and not previous.fact.is_percent)
        if conversion and previous is not None:
            return self._conversion(figure, previous)
        if qualifies:
            self.sentence_period = subject
        if subject is None and _YEAR_EARLIER.match(after) and (self.topic or self.lead) is not None:
            subject = implied_base("yoy", self.topic or self.lead)
        listed = previous.fact.period if inherited and previous is not None else None
        period = subject or self.sentence_period or self.topic or listed or self.lead
        share = _share_of(number, phrase, after)
        compared = _compared_in(after)
        gapped = same_sentence is not None and compared is None and _is_gapped(number, phrase, same_sentence)
        prior = same_sentence is not None and same_sentence.fact.measure == "value" and bool(_LEVEL_FROM.match(phrase))
        if share is not None or prior:
            measure = "value"
            if share is not None:
                metric = f"{metric} share of {share}"
        elif gapped and same_sentence is not None:
            measure = same_sentence.fact.measure  # "connectivity grew 13.7%, outsourcing 13.3%"
        else:
            measure = _measure(number, phrase, after, compared, period, base)
        if measure == "value" and self.about_targets:
            measure = "target"
        negative_wording = loss or (inherited and previous is not None and previous.negative_wording and measure == "value")
        lower = _COMPARED_AFTER.match(after)
        decrease = bool(_DECREASE.search(phrase)) or (
            lower is not None and lower.group("way").split()[0].lower() in ("lower", "less", "below", "behind")
        )
        negative = negative_wording or (measure not in _LEVEL_MEASURES and decrease)
        if gapped and same_sentence is not None:
            negative = same_sentence.fact.value < 0
        if measure in _LEVEL_MEASURES:
            base = None
        elif base is None and period is not None:
            base = implied_base(measure, period)
        unit = figure.unit
        if unit is None and inherited and previous is not None and not number.is_percent and previous.fact.unit != "%":
            unit = previous.fact.unit
        if unit is None and not number.is_percent:
            counted = _NUMBER_OF.search(metric)
            if counted:
                unit = lookup_unit(counted.group("noun")) or counted.group("noun").lower()
        value = -abs(figure.value) if negative else figure.value
        fact = self._fact(figure, metric, period, base, measure, value, unit)
        return Reading(fact, negative_wording, sentence_start, compared, prior)

    def _conversion(self, figure: Figure, previous: Reading) -> Reading:
        """"JPY41,118 million ($392.0 million)": the dollar figure repeats the yen one in USD."""
        first = previous.fact
        value = -abs(figure.value) if first.value < 0 else figure.value
        fact = self._fact(figure, first.metric, first.period, first.base_period, first.measure, value, "USD")
        return Reading(fact, previous.negative_wording, previous.sentence, previous.compared)

    def _fact(
        self,
        figure: Figure,
        metric: str,
        period: FiscalPeriod | None,
        base: FiscalPeriod | None,
        measure: str,
        value: float,
        unit: str | None,
    ) -> ProseFact:
        raw = self.text[figure.start : figure.end]
        return ProseFact(
            metric=metric,
            period=period,
            base_period=base,
            measure=measure,
            value=value,
            unit=unit,
            scale=figure.number.scale,
            is_percent=figure.number.is_percent,
            approximate=figure.number.approximate,
            raw=raw,
            sentence=self._sentence_text(figure.start),
            char_start=self.offset + figure.start,
            char_end=self.offset + figure.end,
            section=self.unit.section,
            provenance=replace(self.unit.provenance, raw=raw),
        )


def _share_of(number: ParsedNumber, phrase: str, after: str) -> str | None:
    """"made up 79% of total revenues": the whole a percent is a share of."""
    if not number.is_percent or not _SHARE_VERB.search(phrase):
        return None
    whole = _SHARE_OF.match(after)
    return whole.group("whole").strip().lower() if whole else None


def _is_gapped(number: ParsedNumber, phrase: str, before: Reading) -> bool:
    """"outsourcing service 13.3%" after "connectivity service grew 13.7%": the verb is left out."""
    return (
        number.is_percent
        and before.fact.is_percent
        and before.fact.measure in _PERCENT_CHANGES
        and not _CHANGE.search(phrase)
        and not VERB.search(phrase)
        and clean_metric(phrase) is not None
        and not _TARGET.search(phrase)
    )


def _shared_comparisons(readings: list[Reading]) -> list[Reading]:
    """"X grew 13.7%, Y 13.3% and Z 21.8% YoY": a comparison printed once holds for the sentence's changes.

    A level a change started from ("to 6.4% from 5.7%") belongs to that comparison's base
    period; with no comparison printed in its sentence, its period is unknown.
    """
    result = list(readings)
    for index, reading in enumerate(readings):
        if reading.fact.measure != "pct_change" and not reading.prior:
            continue
        same = [r for r in readings if r.sentence == reading.sentence and r.compared]
        later = [r for r in same if r.fact.char_start > reading.fact.char_start]
        chosen = later[0] if later else (same[-1] if same else None)
        if reading.prior:
            base = implied_base(chosen.compared, reading.fact.period) if chosen and reading.fact.period else None
            result[index] = replace(reading, fact=replace(reading.fact, period=base))
            continue
        if chosen is None or reading.fact.period is None:
            continue
        measure = f"{chosen.compared}_pct"
        fact = replace(reading.fact, measure=measure, base_period=implied_base(measure, reading.fact.period))
        result[index] = replace(reading, fact=fact)
    return result


def _compared_in(after: str) -> str | None:
    """"yoy" or "qoq" when the words after a figure say what it is compared with."""
    if _FROM_QUARTER_AGO.match(after) or _QOQ.match(after):
        return "qoq"
    if _FROM_YEAR_AGO.match(after) or _YOY.match(after):
        return "yoy"
    return None


def _measure(
    number: ParsedNumber, phrase: str, after: str, compared: str | None, subject: FiscalPeriod | None, base: FiscalPeriod | None
) -> str:
    """The measure of a figure from its wording; ``compared`` is :func:`_compared_in` of ``after``."""
    if _THRESHOLD.search(phrase):
        return "threshold"
    if _TARGET.search(phrase):
        return "target"
    changing = bool(_CHANGE.search(phrase[-40:]) or _COMPARED_AFTER.match(after))
    if _LEVEL_REACHED.search(phrase) and not (_YOY.match(after) or _QOQ.match(after)):
        return "value"  # "improved to 6.4%"
    last_year = _LAST_YEAR.match(after) is not None
    if number.unit in _POINT_UNITS and (changing or compared or last_year):
        # "down 2.0 points from the prior quarter": a margin's move, never its level
        if compared == "yoy" or last_year:
            return "yoy_change"
        return "qoq_change" if compared == "qoq" else "change"
    if number.is_percent and (changing or compared):
        if compared == "yoy" or last_year or (
            subject is not None and base is not None and base == subject.previous_year()
        ):
            return "yoy_pct"
        if compared == "qoq" or (subject is not None and base is not None and base == implied_base("qoq", subject)):
            return "qoq_pct"
        return "pct_change"
    if not number.is_percent and _CHANGE_RIGHT_BEFORE.search(phrase):
        if _YOY.match(after):
            return "yoy_change"  # "up JPY500 YoY"
        if _QOQ.match(after):
            return "qoq_change"
    if not number.is_percent and last_year:
        return "yoy_change"  # "$40 million ahead of last year"
    if re.search(r"\bby\s*$", phrase, re.IGNORECASE) and changing:
        return "change"
    return "value"
