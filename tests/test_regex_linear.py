"""Every regular expression of the package, and hostile documents, run in linear time.

This is the one test module that asserts on time. Each compiled pattern held in
a module global (alone, or in a tuple, list or dict) is found by walking the
package, and fed strings of 10**4 and 2 * 10**4 characters repeated from its own
characters (:mod:`adversarial`), in the ways the package calls it (``match``,
``fullmatch``, ``search``, or every match of ``finditer``/``sub``/``split``,
read from the source). A case fails when doubling the input more than
:data:`MAX_RATIO` times the time and the bigger input takes at least
:data:`FLOOR` seconds, so tiny times and a busy machine cannot fail it.

The same probe runs whole documents (:mod:`pathological`) through ``parse_text``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator

import pytest

import release_parser
from adversarial import iter_cases, repeat, scaling
from pathological import DOCUMENTS, parse_document

#: Doubling the input may cost at most this factor (2.0 is linear).
MAX_RATIO = 2.5
#: Below this many seconds for the bigger input, a case passes whatever its ratio.
FLOOR = 0.05
#: A first run longer than this fails at once (a linear pattern takes milliseconds).
HARD_CAP = 1.0
#: A hostile document of DOCUMENT_N characters parses in well under this many seconds when linear.
DOCUMENT_HARD_CAP = 10.0
N = 10_000
#: Hostile part of a document (a whole parse per run: smaller than N keeps the module quick).
DOCUMENT_N = 4_000

#: Quadratic corners known and not yet fixed, with why (none today; an entry marks its case xfail).
KNOWN_QUADRATIC: dict[str, str] = {}

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")
_MODE_OF = {"finditer": "scan", "findall": "scan", "sub": "scan", "subn": "scan", "split": "scan"}


def _patterns_in(value: object) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            if isinstance(item, re.Pattern):
                yield item
    elif isinstance(value, dict):
        for item in value.values():
            if isinstance(item, re.Pattern):
                yield item


def package_patterns() -> dict[str, tuple[re.Pattern, set[str]]]:
    """Every compiled pattern of the package by ``module.NAME``, with the ways it is called."""
    modules = [importlib.import_module(info.name)
               for info in pkgutil.walk_packages(release_parser.__path__, "release_parser.")]
    modules.append(release_parser)
    sources = "\n".join(inspect.getsource(module) for module in modules)
    found: dict[str, tuple[re.Pattern, set[str]]] = {}
    seen: set[int] = set()
    for module in sorted(modules, key=lambda m: m.__name__):
        for name, value in sorted(vars(module).items()):
            for index, pattern in enumerate(_patterns_in(value)):
                if id(pattern) in seen:
                    continue
                seen.add(id(pattern))
                key = f"{module.__name__}.{name}" + (f"[{index}]" if not isinstance(value, re.Pattern) else "")
                found[key] = (pattern, _modes(name, sources) if isinstance(value, re.Pattern) else {"search", "scan"})
    return found


def _modes(name: str, sources: str) -> set[str]:
    """How the package calls the pattern ``name``; every way when it is passed around instead."""
    calls = re.findall(rf"\b{re.escape(name)}\s*\.\s*({'|'.join(_METHODS)})\(", sources)
    return {_MODE_OF.get(call, call) for call in calls} or {"search", "scan"}


def _runner(pattern: re.Pattern, mode: str) -> Callable[[str], object]:
    call = (lambda text: sum(1 for _ in pattern.finditer(text))) if mode == "scan" else getattr(pattern, mode)
    if isinstance(pattern.pattern, bytes):
        return lambda text: call(text.encode("latin-1", "ignore"))
    return call


PATTERNS = package_patterns()


def _marks(key: str) -> list:
    if key in KNOWN_QUADRATIC:
        return [pytest.mark.xfail(reason=KNOWN_QUADRATIC[key], strict=False)]
    return []


def test_the_walk_finds_the_patterns_of_every_layer():
    assert len(PATTERNS) > 100
    for key in ("release_parser.segment.lines._RULE", "release_parser.segment.lines._FOOTNOTE_MARK",
                "release_parser.segment.lines._NUMBERED_NOTE", "release_parser.segment.lines._TRAILING_PAREN_MARK",
                "release_parser.segment.lines._TRAILING_GLUED_MARK", "release_parser.metadata._COMPANY_NAME"):
        assert key in PATTERNS
    assert PATTERNS["release_parser.segment.lines._RULE"][1] == {"match"}


@pytest.mark.parametrize("key", [pytest.param(k, marks=_marks(k)) for k in PATTERNS])
def test_pattern_runs_in_linear_time(key):
    pattern, modes = PATTERNS[key]
    slow = []
    for mode in sorted(modes):
        run = _runner(pattern, mode)
        for unit, tail in iter_cases(pattern):
            measured = scaling(run, lambda n: repeat(unit, n, tail), N, floor=FLOOR, hard_cap=HARD_CAP)
            if measured.is_superlinear(max_ratio=MAX_RATIO, floor=FLOOR):
                slow.append(f"{mode} on {unit!r}*n+{tail!r}: {measured.small:.3f} s -> {measured.big:.3f} s "
                            f"(x{measured.ratio:.1f})")
                break
    assert not slow, f"{key} = {pattern.pattern!r} is superlinear: " + "; ".join(slow)


@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n)) for n in DOCUMENTS])
def test_pathological_document_parses_in_linear_time(name):
    build = DOCUMENTS[name]
    measured = scaling(parse_document, build, DOCUMENT_N, floor=0.3, hard_cap=DOCUMENT_HARD_CAP, repeats=2)
    assert not measured.is_superlinear(max_ratio=MAX_RATIO, floor=0.3), (
        f"{name}: {measured.small:.2f} s at {DOCUMENT_N:,} characters, {measured.big:.2f} s at {2 * DOCUMENT_N:,}"
        f" (x{measured.ratio:.1f})")
