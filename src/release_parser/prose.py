"""Figures stated in sentences: "an operating loss of JPY 830 million in 2Q03".

Each figure in a highlight or paragraph becomes a :class:`ProseFact` with a
metric (the noun phrase it is about), a period (from the words around it, else
the lead line above it, else the release's own period), a measure (value, a
YoY/QoQ change, a target, a threshold) and a sign taken from the wording
("loss", "a decrease of").

The reading is deliberately local: a figure's metric comes from the words
between it and the figure before it; when those say nothing, it inherits the
previous figure's metric (and a loss's sign), as in "a loss of JPY 830 million
in 2Q03 and JPY 100 million in 1Q04".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .headers import PeriodContext, implied_base
from .model import Provenance
from .normalize.dates import find_dates
from .normalize.numbers import ParsedNumber, try_parse_number
from .normalize.periods import FiscalPeriod, find_periods
from .normalize.units import lookup_unit
from .wording import QUARTER_ON_QUARTER, TARGET_WORDS, YEAR_ON_YEAR

__all__ = ["ProseUnit", "ProseFact", "extract_prose_facts"]

MAX_UNIT_CHARS = 5_000
MAX_METRIC_WORDS = 8

_FIGURE = re.compile(
    r"""
    (?<![\w.,\-+/:$¥￥€£△▲=])
    (?P<approx>(?:approximately|approx\.|about|around|nearly|almost|roughly)\s+)?
    (?P<currency>(?:JPY|US\$|USD|EUR|GBP|\$|¥|￥|€|£)\s?)?
    (?P<number>[△▲]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[△▲]?\d+(?:\.\d+)?)(?![\d.]\d?)
    (?P<scale>\s?(?:thousand|million|billion|trillion|mn|bn)\b)?
    (?![\d,]\d|[:\-/]\w|\s*=)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"\s?(%|percent\b|[A-Za-z]+)")
_CLAUSE_BREAK = re.compile(r"[;()\[\]]|\.(?=\s+[A-Z]|\s*$)")
_LABEL = re.compile(r"^\W*(?P<label>[A-Za-z][^:]{0,60}):\s+")
_NOTE = re.compile(r"^\W*(?:notes?|source|\*)\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")

_BASE_BEFORE = re.compile(r"(?:from|since|to|compared\s+(?:to|with)|versus|vs\.?|over|against|than|previous)\s+(?:the\s+)?$", re.IGNORECASE)
_YOY = re.compile(rf"^\s*{YEAR_ON_YEAR}\b", re.IGNORECASE)
_QOQ = re.compile(rf"^\s*{QUARTER_ON_QUARTER}\b", re.IGNORECASE)
_DECREASE = re.compile(r"\b(?:decreas\w*|declin\w*|down|fell|fall\w*|drop\w*|lower|reduc\w*|shrank|contract(?:ed|ion))\b", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:increas\w*|decreas\w*|declin\w*|grew|grow\w*|growth|rose|ris\w*|up|down|fell|fall\w*|drop\w*|improv\w*|change\w*|by)\b", re.IGNORECASE)
_LOSS = re.compile(r"\b(?P<kind>operating|net|ordinary|pre-?tax|gross)?\s*loss(?:es)?\b", re.IGNORECASE)
_TARGET = re.compile(rf"\b(?:{TARGET_WORDS}|expected\s+to\s+be|planned)\b", re.IGNORECASE)
_THRESHOLD = re.compile(r"\b(?:topped|exceed\w*|surpass\w*|over|more\s+than|above|at\s+least|under|below|less\s+than)\s*$", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<noun>[A-Za-z]+)", re.IGNORECASE)
_VERB_FORM = re.compile(r"(?:ed|ing)$", re.IGNORECASE)
# words that say what kind of figure it is, or when, rather than what it measures
_NOT_METRIC = re.compile(
    rf"\b(?:{YEAR_ON_YEAR}|{QUARTER_ON_QUARTER}|(?:previous|new|original|revised)\s+targets?|{TARGET_WORDS}|"
    r"first|second|third|fourth|half|quarter|full[- ]year|fiscal\s+year|nine\s+months|six\s+months|three\s+months)\b",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    """a an the and or but while whereas which that this these those it its our their from since to by of for in on at
    with as into than over under about around approximately approx some nearly yoy qoq y/y q/q was were is are be been
    increase increased increasing decrease decreased decreasing decline declined declining rose fell grew up down
    compared initially expected having acquired achieved generated including continued continuing reaching reached
    totaling totalling totaled totalled amounted showing recording posting reporting providing targeting expecting
    exceeding exceeded topped substantially significantly steadily now also result both respectively each per""".split()
)
_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|reached|totaled|totalled|amounted|increased|decreased|rose|fell|grew|"
    r"declined|improved|topped|exceeded|continued|stood|turned|remained)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProseUnit:
    """A piece of prose to read: a bullet, a paragraph or a heading."""

    text: str
    provenance: Provenance
    section: str | None = None
    lead: bool = False  # a heading or emphasized bullet: its period leads what follows
    parent: int | None = None  # index of the parent unit (nested bullets)
    restart: bool = False  # a heading or table came before: earlier lead lines no longer apply


@dataclass(frozen=True)
class ProseFact:
    """One figure stated in prose.

    ``sentence`` is the sentence that states it; ``char_start``/``char_end`` locate
    ``raw`` in the whole bullet or paragraph, whose first line is ``provenance.line``.
    """

    metric: str
    period: FiscalPeriod | None
    base_period: FiscalPeriod | None
    measure: str
    value: float
    unit: str | None
    scale: int
    is_percent: bool
    approximate: bool
    raw: str
    sentence: str
    char_start: int
    char_end: int
    section: str | None
    provenance: Provenance


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    number: ParsedNumber
    has_unit: bool

    @property
    def value(self) -> float:
        value = self.number.value
        assert value is not None, "_figures keeps no NA markers"
        return value


@dataclass(frozen=True)
class _Reading:
    """What a figure inherits from the one read before it."""

    fact: ProseFact
    negative_wording: bool  # its sign came from "loss" wording, which carries over "and ..."


def extract_prose_facts(units: Sequence[ProseUnit], context: PeriodContext) -> list[ProseFact]:
    """Every figure stated in ``units``, in reading order."""
    facts: list[ProseFact] = []
    lead = context.default_period
    subjects: list[str | None] = []
    carried: _Reading | None = None
    for unit in units:
        text = unit.text[:MAX_UNIT_CHARS]
        periods = find_periods(text, context.calendar, reference_year=context.reference_year)
        if unit.restart:
            lead, carried = context.default_period, None
        if unit.lead:
            subject_periods = [p for s, _, p in periods if not _BASE_BEFORE.search(text[:s])]
            lead = subject_periods[0] if subject_periods else (context.default_period if unit.restart else lead)
            carried = None
        own_subject = _subject(text)
        parent_subject = subjects[unit.parent] if unit.parent is not None and unit.parent < len(subjects) else None
        subjects.append(own_subject or parent_subject)
        if _NOTE.match(text):
            continue
        continues = text.lstrip()[:1] in "([" or unit.parent is not None
        if not continues:
            carried = None
        reader = _UnitReader(unit, text, periods, lead, own_subject, carried, parent_subject)
        readings = reader.read()
        facts.extend(r.fact for r in readings)
        if readings:
            carried = readings[-1]
    return facts


def _subject(text: str) -> str | None:
    """The noun phrase a sentence is about: the label before a colon, or the words before its verb."""
    label = _LABEL.match(text)
    if label:
        return _clean_metric(label.group("label"))
    verb = _VERB.search(text)
    if verb:
        return _clean_metric(text[: verb.start()])
    return None


def _clean_metric(phrase: str) -> str | None:
    """A metric name from the words before a figure, or None when they name nothing."""
    phrase = re.sub(r"\*\*|[\[\]()\"“”]", " ", phrase)
    phrase = _NOT_METRIC.sub(" ", phrase)
    phrase = _after_last_clause_comma(phrase)
    words = [w for w in phrase.split() if not any(ch.isdigit() for ch in w)]
    while words and words[0].lower().strip(".:;-–") in _FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1].lower().strip(".:;-–") in _FUNCTION_WORDS:
        words.pop()
    text = " ".join(words).strip(" -:–.")
    if not text or len(words) > MAX_METRIC_WORDS or not any(len(w) >= 3 for w in words):
        return None
    if len(words) == 1 and _VERB_FORM.search(text):
        return None
    return text[0].upper() + text[1:]


def _after_last_clause_comma(phrase: str) -> str:
    """Words after the last comma, unless that comma only lists nouns ("selling, general and ...")."""
    if "," not in phrase:
        return phrase
    left, right = phrase.rsplit(",", 1)
    left_words = [w for w in left.split() if w.lower() not in _FUNCTION_WORDS]
    if len(left_words) == 1 and " and " in right:
        return left_words[0] + "," + right
    return right


def _metric_from(phrase: str) -> tuple[str | None, bool]:
    """The metric a phrase names, and whether it named a loss ("operating loss" -> "Operating income")."""
    verb = _VERB.search(phrase)
    if verb and _clean_metric(phrase[: verb.start()]):
        phrase = phrase[: verb.start()]
    loss = _LOSS.search(phrase)
    if loss:
        phrase = _LOSS.sub(lambda m: f"{m.group('kind') or ''} income", phrase)
    return _clean_metric(phrase), bool(loss)


def _figures(text: str, periods, dates) -> list[_Figure]:
    taken = [(s, e) for s, e, _ in periods] + [(s, e) for s, e, _ in dates]
    figures = []
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or text[:start].rstrip().endswith("="):
            continue  # inside a period or date, or an exchange rate "JPY119.02 = US$1.00"
        unit_match = _UNIT_AFTER.match(text, end)
        has_unit = False
        if unit_match and (unit_match.group(1) == "%" or unit_match.group(1).lower() == "percent" or lookup_unit(unit_match.group(1))):
            end = unit_match.end()
            has_unit = True
        number = try_parse_number(text[start:end])
        if number is None or number.value is None:
            continue
        bare = not (has_unit or match.group("currency") or match.group("scale"))
        if bare and _YEAR_ONLY.match(match.group("number")):
            continue
        figures.append(_Figure(start, end, number, not bare))
    return figures


class _UnitReader:
    """Reads the figures of one prose unit, in order."""

    def __init__(self, unit: ProseUnit, text: str, periods, lead, subject, carried: _Reading | None, parent_subject):
        self.unit = unit
        self.text = text
        self.periods = periods
        self.lead = lead
        self.subject = subject
        self.carried = carried
        self.parent_subject = parent_subject
        self.label = _LABEL.match(text)
        self.topic: FiscalPeriod | None = None
        self.about_targets = False

    def read(self) -> list[_Reading]:
        figures = _figures(self.text, self.periods, find_dates(self.text))
        readings: list[_Reading] = []
        previous: _Reading | None = None
        sentence_end = -1
        for index, figure in enumerate(figures):
            if figure.start > sentence_end:  # a new sentence: its opening words set its topic
                sentence_start, sentence_end = self._sentence_around(figure.start)
                opening = self.text[sentence_start : figure.start]
                self.topic = self._topic_in_opening(sentence_start, figure.start) or self._topic_before(sentence_start, figures)
                self.about_targets = _TARGET.search(opening) is not None
            clause_start = self._clause_start(figure.start)
            phrase_start = clause_start
            if index and figures[index - 1].end > clause_start and not self._is_qualifier(figures[index - 1], clause_start):
                phrase_start = figures[index - 1].end
            next_start = figures[index + 1].start if index + 1 < len(figures) else len(self.text)
            after_end = min(next_start, self._clause_end(figure.end))
            reading = self._read(figure, phrase_start, after_end, previous)
            if reading is not None:
                readings.append(reading)
                previous = reading
        return readings

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

    def _topic_before(self, sentence_start: int, figures: Sequence[_Figure]) -> FiscalPeriod | None:
        """The period of the last earlier sentence with no figures ("... targets for FY2008.")."""
        topic = None
        for start, _, period in self.periods:
            if start >= sentence_start:
                break
            if not any(f.start < start < f.end + 40 for f in figures) and not _BASE_BEFORE.search(self.text[:start]):
                topic = period
        return topic

    def _is_qualifier(self, figure: _Figure, clause_start: int) -> bool:
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

    def _periods_around(self, figure: _Figure, phrase_start: int, after_end: int):
        """The (subject, base) periods printed around a figure.

        After it: "... in 2Q03" names its period, "... compared to 1Q04" its base.
        Before it, only a period printed right against it counts: "1Q04 - 8,076".
        """
        subject = base = None
        for start, end, period in self.periods:
            if figure.end <= start < after_end:
                between = self.text[figure.end : start]
                if _BASE_BEFORE.search(between):
                    base = base or period
                elif subject is None and _SUBJECT_BEFORE.search(between):
                    subject = period
            elif phrase_start <= start and end <= figure.start:
                if _ADJACENT.match(self.text[end : figure.start]) or _TOPIC_BEFORE.search(self.text[phrase_start:start]):
                    subject = subject or period
        return subject, base

    def _read(self, figure: _Figure, phrase_start: int, after_end: int, previous: _Reading | None) -> _Reading | None:
        number = figure.number
        phrase = self.text[phrase_start : figure.start]
        after = self.text[figure.end : after_end]
        subject, base = self._periods_around(figure, phrase_start, after_end)
        # "... JPY83,000 million in revenues and JPY3,400 million in operating income": words
        # opening with "in" name the figure before, not this one
        metric, loss = _metric_from(phrase) if not _NAMES_PREVIOUS.match(phrase) else (None, False)
        if metric is None and self.label and phrase_start <= self.label.end():
            metric, loss = _metric_from(self.label.group("label"))
        named_after = _METRIC_AFTER.match(after) if metric is None else None
        if named_after is not None:
            first, last = figure.end + named_after.start("metric"), figure.end + named_after.end("metric")
            if not any(s < last and first < e for s, e, _ in self.periods):
                metric = _clean_metric(named_after.group("metric"))
        inherited = metric is None
        if inherited:
            # the figure before it in this unit, this unit's subject, the unit it continues, its parent bullet
            if previous is None and self.subject is None and self.carried is not None:
                previous = self.carried
            metric = previous.fact.metric if previous is not None else (self.subject or self.parent_subject)
        if metric is None:
            return None
        if not figure.has_unit and subject is None and not _NUMBER_OF.search(metric):
            return None  # a bare number with no period beside it: an address, a count of things in passing
        conversion = (
            previous is not None and inherited and number.unit == "USD" and previous.fact.unit not in (None, "USD")
        )
        if conversion and previous is not None:
            return self._conversion(figure, previous)
        if subject is None and _YEAR_EARLIER.match(after) and (self.topic or self.lead) is not None:
            subject = implied_base("yoy", self.topic or self.lead)
        listed = previous.fact.period if inherited and previous is not None else None
        period = subject or self.topic or listed or self.lead
        measure = _measure(number, phrase, after, period, base)
        if measure == "value" and self.about_targets:
            measure = "target"
        negative_wording = loss or (inherited and previous is not None and previous.negative_wording and measure == "value")
        negative = negative_wording or (measure not in _LEVEL_MEASURES and bool(_DECREASE.search(phrase)))
        if measure in _LEVEL_MEASURES:
            base = None
        elif base is None and period is not None:
            base = implied_base(measure, period)
        unit = number.unit
        if unit is None and inherited and previous is not None and not number.is_percent and previous.fact.unit != "%":
            unit = previous.fact.unit
        if unit is None and not number.is_percent:
            counted = _NUMBER_OF.search(metric)
            if counted:
                unit = lookup_unit(counted.group("noun")) or counted.group("noun").lower()
        value = -abs(figure.value) if negative else figure.value
        return _Reading(self._fact(figure, metric, period, base, measure, value, unit), negative_wording)

    def _conversion(self, figure: _Figure, previous: _Reading) -> _Reading:
        """"JPY41,118 million ($392.0 million)": the dollar figure repeats the yen one in USD."""
        first = previous.fact
        value = -abs(figure.value) if first.value < 0 else figure.value
        fact = self._fact(figure, first.metric, first.period, first.base_period, first.measure, value, "USD")
        return _Reading(fact, previous.negative_wording)

    def _fact(self, figure, metric, period, base, measure, value, unit) -> ProseFact:
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
            char_start=figure.start,
            char_end=figure.end,
            section=self.unit.section,
            provenance=replace(self.unit.provenance, raw=raw),
        )


_LEVEL_MEASURES = frozenset({"value", "target", "threshold"})
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z(])")
_TOPIC_BEFORE = re.compile(r"(?:\b(?:for|during)\s+(?:the\s+)?|\(\s*)$", re.IGNORECASE)
_YEAR_EARLIER = re.compile(
    r"^\W*(?:a\s+year\s+(?:earlier|ago|before)|in\s+the\s+(?:prior|previous|same\s+period\s+of\s+the\s+previous)\s+(?:fiscal\s+)?year)",
    re.IGNORECASE,
)
_NAMES_PREVIOUS = re.compile(r"^\s*in\s+[A-Za-z]")
_METRIC_AFTER = re.compile(r"^\s+in\s+(?P<metric>[A-Za-z][A-Za-z -]{2,40}?)\s*(?:,|\band\b|\.|$)")
_SUBJECT_BEFORE = re.compile(r"\b(?:in|for|of|during|at)\s+(?:the\s+)?$", re.IGNORECASE)
_ADJACENT = re.compile(r"^\s*[-–:=]?\s*$")


def _measure(number: ParsedNumber, phrase: str, after: str, subject, base) -> str:
    if _THRESHOLD.search(phrase):
        return "threshold"
    if _TARGET.search(phrase):
        return "target"
    changing = bool(_CHANGE.search(phrase[-40:]))
    if number.is_percent and (changing or _YOY.match(after) or _QOQ.match(after)):
        if _YOY.match(after) or (subject is not None and base is not None and base == subject.previous_year()):
            return "yoy_pct"
        if _QOQ.match(after) or (subject is not None and base is not None and base == implied_base("qoq", subject)):
            return "qoq_pct"
        return "pct_change"
    if re.search(r"\bby\s*$", phrase, re.IGNORECASE) and changing:
        return "change"
    return "value"


