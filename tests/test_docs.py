"""The documentation pages say what the code does."""

import pytest
from doc_tables import DOCS, code, table_rows

from release_parser.frames import FACT_COLUMNS, HIGHLIGHT_COLUMNS, PROSE_FACT_COLUMNS

PAGE = DOCS / "columns.md"


@pytest.mark.parametrize(
    "heading, columns",
    [("facts", FACT_COLUMNS), ("highlights", HIGHLIGHT_COLUMNS), ("prose_facts", PROSE_FACT_COLUMNS)],
)
def test_every_column_is_documented_in_order(heading, columns):
    section = PAGE.read_text(encoding="utf-8").split(f"## {heading}:", 1)[1].split("\n## ", 1)[0]
    rows = table_rows(section, "| column | dtype |")
    assert [(code(row[0]), row[1]) for row in rows] == list(columns.items())
