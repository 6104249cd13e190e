"""Hostile text input and special files: typed errors or valid frames, never a hang."""

from __future__ import annotations

import codecs
import io
import os
import threading

import pytest

import release_parser as rp
from release_parser import readers
from release_parser.cli import main

TABLE = "\t2Q04\t1Q04\nTotal Revenues\t10,512\t8,675\nOperating Income\t830\t612\n"


def _revenue(release: rp.Release) -> list[float]:
    facts = release.facts
    return facts[facts.line_item == "Total Revenues"].value.tolist()


def test_lone_surrogates_in_a_string_become_replacement_characters():
    release = rp.parse_text(TABLE + "\n- Revenue rose \ud800 on data \udc80 services\n")
    assert _revenue(release) == [10512, 8675]
    texts = release.highlights.text.tolist()  # Arrow strings: would fail on a surrogate
    assert any("\ufffd" in text for text in texts)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for text in texts for ch in text)


def test_a_surrogate_pair_in_a_string_is_joined_into_its_character():
    release = rp.parse_text(TABLE.replace("Operating Income", "Operating Income \ud83d\ude00"))
    assert "Operating Income \U0001f600" in release.facts.line_item.tolist()


@pytest.mark.parametrize("tail", [b"x", b"\x00\xd8", b"\x00\xd8x", b"\x00\xdc\x00"])
def test_utf16_with_an_odd_length_or_a_lone_surrogate_decodes(tail):
    data = codecs.BOM_UTF16_LE + TABLE.encode("utf-16-le") + tail
    release = rp.parse(data)
    assert _revenue(release) == [10512, 8675]
    release.facts, release.highlights  # noqa: B018 - the frames build


def test_utf16_big_endian_with_an_odd_length_decodes():
    release = rp.parse(codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be") + b"\xd8")
    assert _revenue(release) == [10512, 8675]


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_devices_are_refused_without_reading(path):
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    with pytest.raises(rp.NotARegularFileError, match="character device"):
        rp.parse(path)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(rp.NotARegularFileError, match="a directory"):
        rp.parse(tmp_path)


def test_a_fifo_named_like_a_release_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: outcome.append(_raised(rp.parse, fifo)), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("parse blocked on a FIFO")
    assert isinstance(outcome[0], rp.NotARegularFileError) and "a FIFO" in str(outcome[0])


def _raised(function, *args) -> BaseException | None:
    try:
        function(*args)
    except BaseException as error:  # noqa: BLE001 - handed to the test thread
        return error
    return None


class _Endless(io.RawIOBase):
    """A binary stream that never ends and claims to be tiny."""

    name = "endless.txt"
    size = 10  # what a lying stat would report

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"A" * len(buffer)
        self.served = getattr(self, "served", 0) + len(buffer)
        return len(buffer)


def test_an_endless_stream_is_cut_at_the_byte_cap(monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 2_000_000)
    stream = _Endless()
    with pytest.raises(rp.SizeLimitError, match="more than 2,000,000 bytes"):
        rp.parse(stream)
    assert stream.served <= 2_000_000 + (1 << 20) + 1024


def test_a_file_growing_past_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 100_000)
    path = tmp_path / "big.txt"
    path.write_text(TABLE * 5_000)
    with pytest.raises(rp.SizeLimitError):
        rp.parse(path)


def test_ansi_escapes_in_a_document_are_printed_escaped(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_text("\x1b]0;owned\x07Example Corp.\n\n" + TABLE.replace("Operating Income", "\x1b[2J\x1b[31mOperating Income"))
    assert main(["parse", str(path), "--what", "facts", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x1b[31mOperating Income" in out


def test_escaping_ends_with_the_command(capsys):
    import sys

    stdout = sys.stdout
    main(["period", "2Q04"])
    assert sys.stdout is stdout
    assert "fiscal_year" in capsys.readouterr().out
