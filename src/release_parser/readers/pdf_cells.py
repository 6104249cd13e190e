"""Ruled tables found as pdfplumber's table finder finds them, with its cell search made linear.

pdfplumber's ``intersections_to_cells`` looks, for every crossing of rules, through every
later crossing for those below and right of it, and rebuilds the sets of edges through two
crossings for every pair it compares: quadratic in the crossings of a page. A page of charts
has thousands. :func:`grid_cells` finds the same cells, in the same order, from each
crossing's own column and row of crossings, with each crossing's edges read once.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

__all__ = ["grid_cells", "RuledTableFinder"]

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def grid_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Box]:
    """The cells pdfplumber's ``intersections_to_cells`` gives for the same crossings, in its order.

    A cell is the smallest rectangle from a crossing to a crossing below and one right of it
    whose four sides are each drawn by one edge through both of its corners.
    """
    points = sorted(intersections)
    column: dict[float, list[Point]] = defaultdict(list)  # each x's crossings, top to bottom
    row: dict[float, list[Point]] = defaultdict(list)  # each y's crossings, left to right
    for point in points:
        column[point[0]].append(point)
        row[point[1]].append(point)
    in_column = {point: index for crossings in column.values() for index, point in enumerate(crossings)}
    in_row = {point: index for crossings in row.values() for index, point in enumerate(crossings)}
    vertical = {point: {obj_to_bbox(edge) for edge in edges["v"]} for point, edges in intersections.items()}
    horizontal = {point: {obj_to_bbox(edge) for edge in edges["h"]} for point, edges in intersections.items()}

    def connects(a: Point, b: Point) -> bool:
        return (a[0] == b[0] and not vertical[a].isdisjoint(vertical[b])) or (
            a[1] == b[1] and not horizontal[a].isdisjoint(horizontal[b]))

    cells: list[Box] = []
    for point in points:
        below, right = column[point[0]][in_column[point] + 1:], row[point[1]][in_row[point] + 1:]
        cell = _smallest_cell(point, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(point: Point, below: list[Point], right: list[Point], intersections: dict[Point, Any],
                   connects: Any) -> Box | None:
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                return (point[0], point[1], corner[0], corner[1])
    return None


class RuledTableFinder(TableFinder):
    """pdfplumber's ``TableFinder``, its cells found by :func:`grid_cells`; the same tables."""

    def __init__(self, page: Any, settings: Any = None) -> None:  # as TableFinder.__init__, but for the cell search
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        self.cells = grid_cells(self.intersections)
        self.tables = [Table(self.page, cells) for cells in cells_to_tables(self.cells)]
