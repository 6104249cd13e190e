"""Tables printed side by side on a slide, their rows interleaved, are read one after the other."""

import release_parser as rp
from release_parser.layout import Cell, Layout, Line, Separator
from release_parser.segment.side_by_side import split_side_by_side


def _line(number: int, *runs: tuple[str, float]) -> Line:
    cells = tuple(Cell(text, x0, x0 + 8 * len(text), number * 12, number * 12 + 10) for text, x0 in runs)
    return Line(cells=cells, page=1, number=number, raw="  ".join(t for t, _ in runs), indent=runs[0][1] if runs else 0.0,
                separator=Separator.GAP if runs else Separator.NONE)


SLIDE = (
    _line(1, ("Y/Y", 746), ("Q/Q", 828)),
    _line(2, ("NT$ billion", 55)),
    _line(3, ("4Q24", 137), ("1Q25", 233), ("2Q25", 329), ("3Q25", 427), ("4Q25", 524)),
    _line(4, ("Sales", 61), ("114.2", 137), ("118.9", 233), ("124.1", 329), ("150.3", 427), ("161.6", 524)),
    _line(5, ("Sales", 673), ("+42%", 761), ("+8%", 848)),
    _line(6, ("GP", 61), ("35.2", 137), ("37.8", 233), ("44.1", 329), ("52.4", 427), ("55.9", 524)),
    _line(7, ("GP", 684), ("+59%", 761), ("+7%", 849)),
    _line(8, ("GPM", 61), ("30.8%", 137), ("31.8%", 233), ("35.5%", 329), ("34.9%", 427), ("34.6%", 524)),
)


def test_the_left_table_is_read_before_the_box_beside_it():
    lines = split_side_by_side(SLIDE)
    texts = [" | ".join(c.text for c in line.cells) for line in lines if not line.is_blank]
    assert texts[:5] == ["NT$ billion", "4Q24 | 1Q25 | 2Q25 | 3Q25 | 4Q25", "Sales | 114.2 | 118.9 | 124.1 | 150.3 | 161.6",
                         "GP | 35.2 | 37.8 | 44.1 | 52.4 | 55.9", "GPM | 30.8% | 31.8% | 35.5% | 34.9% | 34.6%"]
    assert texts[5:] == ["Y/Y | Q/Q", "Sales | +42% | +8%", "GP | +59% | +7%"]
    assert [line.number for line in lines if not line.is_blank][5:] == [1, 5, 7]  # where each was printed


def test_the_slide_gives_both_tables_with_their_periods():
    layout = Layout(lines=SLIDE, source="deck.pdf", kind="pdf", full_text="4Q25 Results\n")
    release = rp.parse_layout(layout, calendar=rp.FiscalCalendar(12, "end"))
    assert [(t.column_labels, list(t.frame.index)) for t in release.tables] == [
        (["4Q24", "1Q25", "2Q25", "3Q25", "4Q25"], ["Sales", "GP", "GPM"]), (["Y/Y", "Q/Q"], ["Sales", "GP"])]
    facts = release.facts.set_index(["line_item", "column"])
    assert facts.loc[("GPM", "3Q25"), ["value", "period"]].tolist() == [34.9, "3Q25"]
    assert facts.loc[("GP", "Y/Y"), ["value", "measure"]].tolist() == [59.0, "yoy_pct"]


def test_a_table_with_a_change_column_is_not_two_tables():
    rows = (
        _line(1, ("2Q04", 300), ("2Q03", 400), ("YoY", 500)),
        _line(2, ("Revenues", 50), ("10,512", 300), ("9,185", 400), ("14.4%", 500)),
        _line(3, ("Costs", 50), ("8,830", 300), ("8,314", 400), ("6.2%", 500)),
        _line(4, ("Revenues", 50), ("JPY 10.5 billion", 200), ("up", 400), ("14.4%", 450)),
    )
    assert split_side_by_side(rows) == rows
