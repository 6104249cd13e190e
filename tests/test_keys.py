import pytest

from release_parser.keys import to_line_item_key


@pytest.mark.parametrize(
    "label, key",
    [
        ("Total Revenues", "total_revenues"),
        ("SG&A Expenses / R&D", "sga_expenses_rd"),
        ("Net Income (Loss)", "net_income_loss"),
        ("Ｔｏｔａｌ　Ｒｅｖｅｎｕｅｓ", "total_revenues"),
        ("  Revenues:  ", "revenues"),
    ],
)
def test_keys(label, key):
    assert to_line_item_key(label) == key
