"""What a figure in a sentence measures: the noun phrase before its verb, or a label.

"Operating income reached JPY 1,136 million" names "Operating income"; so do
"Management noted that operating income rose 5%" (the reported clause), "hit by a
deferred tax expense of JPY972 million" (the agent of a participle), "recurring
revenues, which rose 16.3%" (the antecedent of a relative clause), "the new
ATM business posted an operating loss of ..." (the object, of its subject) and
"we raised our dividend forecast to JPY1,500" (the object of a transitive verb).
"""

from __future__ import annotations

import re

from .wording import QUARTER_ON_QUARTER, TARGET_WORDS, YEAR_ON_YEAR

__all__ = ["MAX_METRIC_WORDS", "VERB", "label_of", "subject_of", "clean_metric", "metric_from"]

MAX_METRIC_WORDS = 8

_LABEL = re.compile(r"^\W*(?P<label>[A-Za-z][^:]{0,60}):\s+")
_AMOUNT = re.compile(r"\d\s*(?:%|percent\b|million\b|billion\b)|JPY|US\$|\$|¥", re.IGNORECASE)
_LOSS = re.compile(r"\b(?P<kind>operating|net|ordinary|pre-?tax|gross)?\s*loss(?:es)?\b", re.IGNORECASE)
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
    compared initially expected having acquired achieved generated including continued continuing reaching
    reached totaling totalling totaled totalled amounted showing recording posting reporting providing targeting
    expecting exceeding exceeded topped substantially significantly steadily now also result both respectively each per
    we us largely mainly partly primarily""".split()
)
# words after which a new clause starts: what precedes them is not the metric
_SUBORDINATORS = frozenset("that because since although though whereas despite while when versus vs. against".split())
# "hit by", "supported by", "driven by": the agent that follows names the metric
_AGENT_PARTICIPLES = frozenset("hit driven led offset caused boosted helped weighed supported dragged".split())
VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|reached|totaled|totalled|amounted|increased|decreased|rose|fell|grew|"
    r"declined|improved|topped|exceeded|continued|stood|turned|remained|came|slipped|climbed|jumped|dropped|"
    r"edged|posted|recorded|booked|lost|made|accounted|represented|raised|lowered|lifted|revised|brings|brought|"
    r"approved|declared|paid|included|reported)\b",
    re.IGNORECASE,
)
_RELATIVE = frozenset("which that who".split())
# "X posted an operating loss of": the object is the metric, of the subject
_RECORDING = frozenset("posted recorded booked included".split())
# "we raised our dividend forecast to", "which brings the forecast to": the object is the metric
_TRANSITIVE = frozenset("raised lowered lifted revised brings brought approved declared paid reported".split())


def label_of(text: str) -> re.Match[str] | None:
    """"Purchase amount: JPY9.2 billion": the label before a colon, when it names rather than states."""
    match = _LABEL.match(text)
    if match is None:
        return None
    label = match.group("label")
    return None if VERB.search(label) or _AMOUNT.search(label) else match


def subject_of(text: str) -> str | None:
    """The noun phrase a sentence is about: the label before a colon, or the words before its verb."""
    label = label_of(text)
    if label:
        return clean_metric(label.group("label"))
    verb = VERB.search(text)
    if verb:
        return clean_metric(text[: verb.start()])
    return None


def clean_metric(phrase: str) -> str | None:
    """A metric name from the words before a figure, or None when they name nothing."""
    phrase = re.sub(r"\*+|[\[\]()\"“”]", " ", phrase)
    if ":" in phrase and phrase.rsplit(":", 1)[1].strip():
        phrase = phrase.rsplit(":", 1)[1]
    phrase = _NOT_METRIC.sub(" ", phrase)
    phrase = _after_last_clause_comma(phrase)
    words = _after_clause_openers(phrase.split())
    words = [w for w in words if not any(ch.isdigit() for ch in w)]
    while words and words[0].lower().strip(".:;-–") in _FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1].lower().strip(".:;-–") in _FUNCTION_WORDS:
        words.pop()
    text = " ".join(words).strip(" -:–.")
    if not text or len(words) > MAX_METRIC_WORDS or not any(len(w) >= 3 for w in words):
        return None
    if len(words) == 1 and re.search(r"(?:ed|ing)$", text, re.IGNORECASE):
        return None
    return text[0].upper() + text[1:]


def _after_clause_openers(words: list[str]) -> list[str]:
    """The words after the last subordinator ("noted that ...") or agent "by" ("hit by ...")."""
    cut = 0
    for index, word in enumerate(words):
        lower = word.lower().strip(",.;")
        if lower in _SUBORDINATORS:
            cut = index + 1
        elif lower == "by" and index and words[index - 1].lower().endswith(("ed",) + tuple(_AGENT_PARTICIPLES)):
            cut = index + 1
    return words[cut:] if cut < len(words) else words


def _after_last_clause_comma(phrase: str) -> str:
    """Words after the last comma, unless that comma only lists nouns ("selling, general and ...")."""
    if "," not in phrase:
        return phrase
    left, right = phrase.rsplit(",", 1)
    left_words = [w for w in left.split() if w.lower() not in _FUNCTION_WORDS]
    if len(left_words) == 1 and " and " in right:
        return left_words[0] + "," + right
    return right


def _as_income(phrase: str) -> tuple[str, bool]:
    """"operating loss" -> "operating income", and whether a loss was named."""
    loss = _LOSS.search(phrase)
    if loss:
        phrase = _LOSS.sub(lambda m: f"{m.group('kind') or ''} income", phrase)
    return phrase, bool(loss)


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def metric_from(phrase: str) -> tuple[str | None, bool]:
    """The metric a phrase names, and whether it named a loss ("operating loss" -> "Operating income")."""
    # "Reported operating profit was ...": opening the phrase, "reported" names the basis, not a verb
    verb = next((v for v in VERB.finditer(phrase) if phrase[: v.start()].strip() or v.group(0).lower() != "reported"), None)
    if verb:
        word = verb.group(0).lower()
        before, after = phrase[: verb.start()], phrase[verb.end() :]
        head, _, pronoun = before.rpartition(",")
        if head and pronoun.strip().lower() in _RELATIVE:
            before = head  # "recurring revenues, which rose": the noun before the comma
        if word in _TRANSITIVE:
            target, loss = _as_income(after)
            # "reported revenue for the quarter ended January 26, 2025, of": the object opens the clause
            named = clean_metric(target) or clean_metric(target.split(",", 1)[0])
            if named:
                return named, loss
        if word in _RECORDING:
            target, loss = _as_income(after)
            named, subject = clean_metric(target), clean_metric(before)
            if named and subject:
                return f"{named} of {_lower_first(subject)}", loss
            if named or subject:
                return named or subject, loss
        subject = clean_metric(before)
        if subject and word == "lost":
            return f"Income of {_lower_first(subject)}", True
        if subject:
            phrase = before
    phrase, loss = _as_income(phrase)
    return clean_metric(phrase), loss
