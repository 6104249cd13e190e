"""The cell search finds pdfplumber's cells, in pdfplumber's order, for any set of rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import edges_to_intersections, intersections_to_cells

from release_parser.readers.pdf_cells import grid_cells


def _edge(orientation: str, at: int, start: int, length: int) -> dict[str, float | str]:
    if orientation == "h":
        return {"x0": start, "x1": start + length, "top": at, "bottom": at, "width": length, "height": 0, "orientation": "h"}
    return {"x0": at, "x1": at, "top": start, "bottom": start + length, "width": 0, "height": length, "orientation": "v"}


# places on a 10-point grid, some nudged within the finder's 3-point tolerance
place = st.tuples(st.integers(0, 12), st.sampled_from((0, 0, 0, 1, 2))).map(lambda p: p[0] * 10 + p[1])
rules = st.lists(
    st.builds(_edge, st.sampled_from("hv"), place, place, st.integers(1, 12).map(lambda n: n * 10)),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(rules)
def test_the_cells_are_pdfplumbers(edges):
    intersections = edges_to_intersections(edges, 3, 3)
    assert grid_cells(intersections) == intersections_to_cells(intersections)


def test_a_two_by_two_grid_has_four_cells_in_reading_order():
    edges = [_edge("h", y, 0, 20) for y in (0, 10, 20)] + [_edge("v", x, 0, 20) for x in (0, 10, 20)]
    assert grid_cells(edges_to_intersections(edges, 3, 3)) == [
        (0, 0, 10, 10), (0, 10, 10, 20), (10, 0, 20, 10), (10, 10, 20, 20)]
