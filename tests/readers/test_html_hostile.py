"""Hostile HTML: huge tables, deep nesting, huge attributes, entity bombs, and nothing fetched."""

import socket

import pytest

import release_parser as rp
from release_parser.readers.html import MAX_CELLS, read_html


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to reach the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_a_million_cells_is_a_resource_limit():
    row = b"<tr>" + b"<td>1</td>" * 1000 + b"</tr>"
    with pytest.raises(rp.ResourceLimitError, match="1,000,000 table cells"):
        read_html(b"<table>" + row * 1000 + b"</table>")


def test_a_table_just_under_the_cell_limit_parses():
    rows = MAX_CELLS // 1000 // 10
    row = b"<tr><td>Item</td>" + b"<td>1</td>" * 999 + b"</tr>"
    layout = read_html(b"<table>" + row * rows + b"</table>")
    assert sum(1 for line in layout.lines if line.cells) == rows


def test_nesting_depth_of_100000_is_a_resource_limit():
    with pytest.raises(rp.ResourceLimitError, match="depth"):
        read_html(b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>")


def test_a_50_megabyte_attribute_is_refused_by_size():
    page = b'<p title="' + b"a" * (50 << 20) + b'">Revenue 10,512</p>'
    with pytest.raises(rp.ResourceLimitError, match="too large"):
        rp.parse(page)


def test_a_50_megabyte_attribute_hits_the_parser_limit_when_size_is_allowed():
    page = b'<p title="' + b"a" * (50 << 20) + b'">Revenue 10,512</p>'
    with pytest.raises(rp.ResourceLimitError, match="parser limit"):
        read_html(page, max_bytes=1 << 30)


def test_an_entity_bomb_is_not_expanded():
    entities = b"".join(
        b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1)) * 10) for level in range(1, 10)
    )
    page = b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">' + entities + b"]>" + (
        b"<html><body><p>Total &lol9; here</p></body></html>"
    )
    layout = read_html(page)
    assert len(layout.full_text) < 1000
    assert "lollollol" not in layout.full_text


def test_external_entities_dtds_and_links_are_not_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "http://example.invalid/html.dtd" '
        f'[<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<html><head><link rel="stylesheet" href="http://example.invalid/a.css"></head>'
        '<body><img src="http://example.invalid/logo.png"><p>Revenue &xxe; 10,512</p>'
        '<iframe src="http://example.invalid/frame"></iframe></body></html>'
    ).encode()
    layout = read_html(page)
    assert "TOP-SECRET-VALUE" not in layout.full_text
    assert "10,512" in layout.full_text


def test_huge_spans_are_capped():
    page = (
        b'<table><tr><td colspan="999999999">Title</td></tr>'
        b'<tr><td rowspan="999999999">Revenue</td><td>1</td></tr><tr><td>2</td></tr></table>'
    )
    layout = read_html(page)
    assert [line.text for line in layout.lines if line.cells] == ["Title", "Revenue 1", "Revenue 2"]
