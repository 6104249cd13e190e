"""Any text gives a valid release or a typed error: never another exception."""

from hypothesis import HealthCheck, given, settings, strategies as st

import release_parser as rp
from release_parser.frames import FACT_COLUMNS, HIGHLIGHT_COLUMNS, PROSE_FACT_COLUMNS

PIECES = st.sampled_from(
    [
        "\t", "  ", "\n", "\n\n", "|", "---", "===", "(", ")", "-", "—", "△", "%", "*1", "^{*2}", "**",
        "2Q04", "1H03", "FY2004", "YoY % Change", "QoQ", "(JPY millions)", "10,512", "(830)", "14.4%",
        "Total Revenues", "Operating loss of JPY 830 million in 2Q03", "- ▶ ", "✓ ", "• ", "Highlights",
        "Year Ending March 31, 2005", "November 11, 2004", "Inc.", "continued", "up", "down", "$1.2 million",
        "First Half", "Dec 31, 2009", "Target", "nine months ended December 31, 2010", ":", ",", "0", "1,2",
    ]
)
DOCUMENTS = st.one_of(st.lists(PIECES, max_size=80).map("".join), st.text(max_size=400))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_text_parses_or_fails_typed(text):
    try:
        release = rp.parse_text(text)
    except rp.ReleaseParserError:
        return
    assert list(release.facts.columns) == list(FACT_COLUMNS)
    assert list(release.highlights.columns) == list(HIGHLIGHT_COLUMNS)
    assert list(release.prose_facts.columns) == list(PROSE_FACT_COLUMNS)
    for table in release.tables:
        assert table.frame.shape == (len(table.line_items), len(table.columns))
        assert table.raw.shape == table.frame.shape
    repr(release)
    release._repr_html_()


def test_frames_have_their_declared_dtypes(reference_sample):
    release = rp.parse(reference_sample)
    for frame, columns in ((release.facts, FACT_COLUMNS), (release.highlights, HIGHLIGHT_COLUMNS),
                           (release.prose_facts, PROSE_FACT_COLUMNS)):
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
            name: ("string" if kind == "string" else kind) for name, kind in columns.items()
        }


def test_summaries_for_terminal_and_notebook(reference_sample):
    release = rp.parse(reference_sample)
    text = repr(release)
    assert "Internet Initiative Japan Inc." in text and "3 tables" in text
    table_text = repr(release.tables[0])
    assert "Second Quarter of FY2004 (JPY millions)" in table_text and "10,512" in table_text and "-830" in table_text
    html = release._repr_html_()
    assert "<table" in html and "Second Quarter of FY2004" in html
