"""Kill rate per module of a mutation run: ``make mutate`` prints this after ``mutmut run``.

Reads the ``*.meta`` files mutmut leaves under ``mutants/``: for each mutant, the exit
code of the tests run against it, read as mutmut reads it (``mutmut.stats``): 1 or 3, a
test failed and the mutant is killed; 0, every test passed and it survived; 5 or 33, no
test reaches it (not killed); a timeout counts as killed, since the tests stopped it. Mutants listed in ``mutation_equivalents.txt`` (one name,
a space and the reason per line) behave as the original and are left out.

Run: ``.venv/bin/python tests/mutation_report.py [mutants] [--survivors]``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
KILLED = {1, 3, 36, -24, 24, 152, 255}
SURVIVED = 0
NO_TESTS = {5, 33}


def equivalents() -> dict[str, str]:
    listed = HERE / "mutation_equivalents.txt"
    if not listed.exists():
        return {}
    pairs = (line.split(" ", 1) for line in listed.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#"))
    return {name: reason for name, reason in pairs}


def outcomes(root: Path) -> dict[str, dict[str, int]]:
    """Module name -> mutant name -> exit code."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for meta in sorted(root.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        module = ".".join(meta.relative_to(root / "src").with_suffix("").with_suffix("").parts)
        for name, code in codes.items():
            if code is not None:
                found[module][name] = code
    return found


def report(root: Path, show_survivors: bool) -> str:
    skip = equivalents()
    lines = ["| module | mutants | killed | survived | not reached | equivalent | kill rate |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    survivors = []
    for module, codes in sorted(outcomes(root).items()):
        counted = {name: code for name, code in codes.items() if name not in skip}
        killed = sum(code in KILLED for code in counted.values())
        survived = [name for name, code in counted.items() if code == SURVIVED]
        unreached = sum(code in NO_TESTS for code in counted.values())
        rate = killed / len(counted) if counted else 1.0
        lines.append(f"| {module} | {len(counted)} | {killed} | {len(survived)} | {unreached} |"
                     f" {len(codes) - len(counted)} | {rate:.1%} |")
        survivors.extend(survived)
    if show_survivors:
        lines += ["", "Survivors:", *survivors]
    return "\n".join(lines)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(report(Path(arguments[0] if arguments else "mutants"), "--survivors" in sys.argv))
