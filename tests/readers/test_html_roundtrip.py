"""Property: a table rendered to HTML with random colspans and split cells reads back to the same values."""

from hypothesis import given, settings
from hypothesis import strategies as st

from release_parser.readers.html import read_html

LABELS = st.sampled_from(["Revenue", "Cost of revenue", "Gross profit", "Operating income", "Net income", "Total assets"])


@st.composite
def tables(draw):
    columns = draw(st.integers(min_value=1, max_value=5))
    labels = draw(st.lists(LABELS, min_size=1, max_size=6, unique=True))
    values = draw(
        st.lists(
            st.lists(st.integers(min_value=-999_999, max_value=999_999), min_size=columns, max_size=columns),
            min_size=len(labels), max_size=len(labels),
        )
    )
    styles = draw(st.lists(st.sampled_from(["plain", "dollar", "paren", "percent"]), min_size=columns, max_size=columns))
    label_span = draw(st.integers(min_value=1, max_value=3))
    return labels, values, styles, label_span


def text_of(value, style):
    digits = f"{abs(value):,}"
    if style == "percent":
        digits = f"{abs(value) / 10:.1f}"
    return f"({digits})" if value < 0 else digits


def render(labels, values, styles, label_span):
    """Each value column takes three grid columns: an opening affix, the figure, a closing affix."""
    header = f'<tr><td colspan="{label_span}"></td>' + "".join(
        f'<td colspan="3">FY{2020 + i}</td>' for i in range(len(styles))
    ) + "</tr>"
    rows = [header]
    for label, row in zip(labels, values):
        cells = [f'<td colspan="{label_span}">{label}</td>']
        for value, style in zip(row, styles):
            digits = text_of(value, style).strip("()")
            opening = "$" if style == "dollar" else ""
            closing = "%" if style == "percent" else ""
            if value < 0:
                opening, closing = opening + "(", ")" + closing
            cells.append(f"<td>{opening}</td><td>{digits}</td><td>{closing}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ("<html><body><table>" + "".join(rows) + "</table></body></html>").encode()


def expected(value, style):
    text = text_of(value, style)
    if style == "dollar":
        text = "$" + text
    if style == "percent":
        text += "%"
    return text


@settings(max_examples=60)
@given(tables())
def test_rendered_table_reads_back(table):
    labels, values, styles, label_span = table
    lines = [line for line in read_html(render(labels, values, styles, label_span)).lines if line.cells]
    assert [c.text for c in lines[0].cells] == ["", *(f"FY{2020 + i}" for i in range(len(styles)))]
    for line, label, row in zip(lines[1:], labels, values):
        assert [c.text for c in line.cells] == [label, *(expected(v, s) for v, s in zip(row, styles))]
    assert len(lines) == len(labels) + 1
