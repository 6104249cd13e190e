"""Every code example of README.md and docs/*.md runs and shows what it prints (see doc_examples.py)."""

from __future__ import annotations

import shutil

import pytest

from release_parser import cli

from doc_examples import ROOT, Block, commands, matches, runnable_pages

PAGES = runnable_pages()


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A folder like the repository's root for the examples: samples and test data, nothing else."""
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _prepare(block: Block, folder) -> None:
    for path in block.removed:
        (folder / path).unlink(missing_ok=True)
    for path, content in block.files:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content + "\n", encoding="utf-8")


def _run_commands(block: Block, capsys) -> None:
    for command in commands(block):
        code = cli.main(command.argv)
        out, err = capsys.readouterr()
        printed = [*out.splitlines(), *err.splitlines()]
        fails = any(line.startswith("release-parser: error") for line in command.shown)
        assert (code != 0) == fails, f"{block.name}: release-parser {' '.join(command.argv)} exited {code}\n{err}"
        if command.shown:
            assert matches(command.shown, printed), (
                f"{block.name}: release-parser {' '.join(command.argv)} printed\n" + "\n".join(printed))


@pytest.mark.parametrize("page", list(PAGES), ids=lambda page: str(page.relative_to(ROOT)))
def test_page_examples_run(page, scratch, capsys):
    namespace: dict[str, object] = {"__name__": "__main__"}
    ran = 0
    for block in PAGES[page]:
        if block.skip:
            continue
        _prepare(block, scratch)
        if block.is_python:
            exec(compile(block.body, block.name, "exec"), namespace)  # noqa: S102 - the page's own example
            capsys.readouterr()
        else:
            _run_commands(block, capsys)
        ran += 1
    assert ran, f"{page.name}: every example skipped"


def test_blocks_that_are_not_examples_are_few():
    """Skipped blocks say why, and only a few are."""
    skipped = [block for blocks in PAGES.values() for block in blocks if block.skip]
    assert all(len(block.skip) > 10 for block in skipped)
    assert len(skipped) <= 2, [block.name for block in skipped]
