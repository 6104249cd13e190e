"""Which files an ingest reads, and the content id of each.

The rule, applied to every source in order:

- a **file** named one by one is always read, whatever its name (the parser
  tells text, HTML, EDGAR and PDF apart by content, and a file that is no
  release becomes a row of ``errors``);
- a **directory** is walked recursively, and a **glob pattern** (``*``, ``?``,
  ``[...]``, ``**`` for any depth) is expanded; the files found this way are
  read when their suffix is one of :data:`RELEASE_SUFFIXES` (any case); files
  or folders whose name starts with ``.`` are left out, and so are project
  files named as in :data:`NON_RELEASE_NAMES` (``README.md``, ``LICENSE.txt``,
  any case). So a folder of samples skips its ``README.md`` and its
  ``*.golden.json`` files;
- a path that does not exist, and a pattern that matches nothing, become rows
  of ``errors``; the batch goes on;
- a FIFO, a device or a socket (named, or found in a folder) becomes a row of
  ``errors`` too: it is never opened for reading, so it cannot block the batch;
- a file reached twice (``samples/`` and ``samples/a.txt``) is read once.

A document's id is the SHA-256 of its bytes (:func:`content_id`), so a renamed
copy of a file has the id of the original.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from ..readers import open_regular_file

__all__ = ["RELEASE_SUFFIXES", "NON_RELEASE_NAMES", "SourceProblem", "expand_sources", "content_id"]

#: Suffixes of the files taken from directories and glob patterns (EDGAR submissions are ``.txt``).
RELEASE_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md", ".pdf", ".htm", ".html"})

#: Names (without suffix, lower case) of files never taken from directories and patterns.
NON_RELEASE_NAMES: frozenset[str] = frozenset(
    {"readme", "license", "licence", "copying", "notice", "authors", "changelog", "changes", "contributing"}
)

_GLOB_CHARS = re.compile(r"[*?\[]")
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class SourceProblem:
    """A source that yielded no file: ``path`` as given, what went wrong and why."""

    path: str
    error_type: str
    message: str


def _is_release_file(path: Path) -> bool:
    return (
        path.suffix.lower() in RELEASE_SUFFIXES
        and not path.name.startswith(".")
        and path.stem.lower() not in NON_RELEASE_NAMES
    )


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if _is_release_file(path):
                yield path


def _hidden_below(path: Path, pattern_root: str) -> bool:
    relative = os.path.relpath(path, pattern_root) if pattern_root else str(path)
    return any(part.startswith(".") and part not in (".", "..") for part in Path(relative).parts)


def _expand_one(source: str) -> tuple[list[Path], SourceProblem | None]:
    path = Path(source)
    if path.is_dir():
        return list(_walk(path)), None
    if path.exists():  # a file, or a special file that content_id reports
        return [path], None
    if not _GLOB_CHARS.search(source):
        return [], SourceProblem(source, "FileNotFoundError", f"{source}: no such file or directory")
    root = source[: _GLOB_CHARS.search(source).start()].rpartition(os.sep)[0]
    found: list[Path] = []
    for match in sorted(glob(source, recursive=True)):
        candidate = Path(match)
        if _hidden_below(candidate, root):
            continue
        if candidate.is_dir():
            found.extend(_walk(candidate))
        elif _is_release_file(candidate):
            found.append(candidate)
    if not found:
        return [], SourceProblem(source, "FileNotFoundError", f"{source}: no release file matches")
    return found, None


def expand_sources(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[SourceProblem]]:
    """The files to read, in a stable order, and the sources that gave none.

    Parameters
    ----------
    sources
        A path, directory or glob pattern, or an iterable of them.

    Returns
    -------
    files : list of pathlib.Path
        Each file once, in the order of ``sources``; a directory's files sorted by path.
    problems : list of SourceProblem
        Paths that do not exist and patterns that match no release file.

    Examples
    --------
    >>> files, problems = expand_sources(["samples/", "samples/*.json", "no/such/file.txt"])  # doctest: +SKIP
    >>> problems[1].message  # doctest: +SKIP
    'no/such/file.txt: no such file or directory'
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    files: list[Path] = []
    problems: list[SourceProblem] = []
    seen: set[str] = set()
    for source in sources:
        found, problem = _expand_one(os.fspath(source))
        if problem is not None:
            problems.append(problem)
        for path in found:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                files.append(path)
    return files, problems


def content_id(path: str | os.PathLike[str]) -> tuple[str, int]:
    """SHA-256 hex digest of a file's bytes, and its size; read in chunks, never whole.

    Only a regular file is read: it is opened without blocking and checked
    first, so a FIFO named like a release cannot hang the batch.

    Raises
    ------
    OSError
        The file cannot be read.
    NotARegularFileError
        The path is a FIFO, a device, a socket or a directory.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as handle:
    ...     _ = handle.write(b"abc")
    >>> content_id(handle.name)
    ('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 3)
    >>> os.unlink(handle.name)
    """
    digest = hashlib.sha256()
    size = 0
    with open_regular_file(path) as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
