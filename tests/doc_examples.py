"""The code examples of README.md and docs/*.md, read as the tests in test_doc_examples.py run them.

Doctest examples (``>>>``) are run by pytest's doctest collection. The others are:

- python blocks: run in order, one namespace per page, as a script (``__name__`` is
  ``"__main__"``) in a scratch folder holding copies of ``samples/`` and ``tests/data/``;
- text blocks of ``$ release-parser ...`` commands: each command is run and what the
  page shows under it must be what it prints (``...`` stands for any lines, or for the
  rest of a line). A command continues on the next line after a trailing backslash,
  and a ``# comment`` after it is left out.

A block may be prepared by an HTML comment right above it, invisible on the page:
``<!-- example: file PATH TEXT -->`` writes TEXT to PATH first,
``<!-- example: remove PATH -->`` removes PATH first (an example that starts afresh), and
``<!-- example: skip REASON -->`` leaves the block out, saying why.
"""

from __future__ import annotations

import glob
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_BLOCK = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
_DIRECTIVE = re.compile(r"<!-- example: (?P<verb>file|remove|skip) (?P<rest>.*?) -->")


@dataclass
class Block:
    """One fenced block of a page."""

    page: Path
    line: int
    lang: str
    body: str
    files: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skip: str | None = None

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def is_python(self) -> bool:
        return self.lang == "python" and ">>>" not in self.body

    @property
    def is_commands(self) -> bool:
        return self.lang == "text" and self.body.lstrip().startswith("$ release-parser")


@dataclass
class Command:
    """A command of a text block and the output the page shows for it."""

    argv: list[str]
    shown: list[str]


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, each with the directives written right above it."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        block = Block(page, text.count("\n", 0, match.start()) + 1, match.group("lang"), match.group("body"))
        above = text[:match.start()].rstrip("\n").rsplit("\n\n", 1)[-1]
        for directive in _DIRECTIVE.finditer(above):
            if directive.group("verb") == "skip":
                block.skip = directive.group("rest")
            elif directive.group("verb") == "remove":
                block.removed.append(directive.group("rest"))
            else:
                path, _, content = directive.group("rest").partition(" ")
                block.files.append((path, content))
        found.append(block)
    return found


def runnable_pages() -> dict[Path, list[Block]]:
    """Each page's python and command blocks, in page order."""
    pages = {}
    for page in PAGES:
        chosen = [block for block in blocks(page) if block.is_python or block.is_commands]
        if chosen:
            pages[page] = chosen
    return pages


def commands(block: Block) -> list[Command]:
    """The commands of a text block, with the lines shown under each."""
    found: list[Command] = []
    lines = block.body.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.startswith("$ "):
            if found:
                found[-1].shown.append(line)
            index += 1
            continue
        command = line[2:]
        while command.endswith("\\"):
            index += 1
            command = command[:-1] + " " + lines[index].strip()
        argv = [expanded for token in shlex.split(command, comments=True) for expanded in _globbed(token, command)]
        found.append(Command(argv[1:], []))
        index += 1
    for command in found:
        while command.shown and not command.shown[-1].strip():
            command.shown.pop()
    return found


def _globbed(token: str, command: str) -> list[str]:
    """``token`` expanded as a shell would: a pattern not in quotes becomes the files it matches."""
    quoted = f"'{token}'" in command or f'"{token}"' in command
    if quoted or not any(mark in token for mark in "*?["):
        return [token]
    return sorted(glob.glob(token)) or [token]


def matches(shown: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is what ``shown`` shows: lines compared with spaces collapsed,
    a line ``...`` standing for any lines and a trailing ``...`` for the rest of a line."""
    pattern = "".join(_line_pattern(line) for line in shown)
    return re.fullmatch(pattern, "".join(_normal(line) + "\n" for line in printed), re.DOTALL) is not None


def _normal(line: str) -> str:
    return " ".join(line.split())


def _line_pattern(line: str) -> str:
    normal = _normal(line)
    if normal == "...":
        return r"(?:.*\n)*?"
    if normal.endswith("..."):
        return re.escape(normal[:-3]) + r".*\n"
    return re.escape(normal) + r"\n"
