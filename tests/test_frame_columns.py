"""Columns packed straight into their dtype equal what pandas infers from the same values."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from release_parser.frame_columns import column_of


def reference(values: list[object], kind: str) -> pd.Series:
    if kind.startswith("datetime64"):
        return pd.Series(pd.to_datetime(values), dtype=kind) if values else pd.Series([], dtype=kind)
    return pd.Series(pd.array(values, dtype=pd.StringDtype() if kind == "string" else kind))


KINDS = {
    "Float64": st.one_of(st.floats(allow_nan=False), st.integers(-2**53, 2**53)),
    "Int64": st.integers(-2**63, 2**63 - 1),
    "boolean": st.booleans(),
    "string": st.text(max_size=12),
    "datetime64[ns]": st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
@given(data=st.data())
def test_a_packed_column_equals_the_inferred_one(kind, data):
    values = data.draw(st.lists(st.one_of(st.none(), KINDS[kind]), max_size=20))
    pd.testing.assert_series_equal(pd.Series(column_of(values, kind)), reference(values, kind))


@pytest.mark.parametrize("values, kind", [
    ([1.0, float("nan"), None], "Float64"),  # NaN is left to pandas
    ([True, 2, None], "Int64"),  # a bool among integers
    ([1, "x", None], "string"),  # not all text
    (["2004-04-01", None], "datetime64[ns]"),  # dates as text
])
def test_values_of_other_types_go_through_pandas(values, kind):
    pd.testing.assert_series_equal(pd.Series(column_of(values, kind)), reference(values, kind))


def test_an_integer_beyond_float_precision_stays_exact():
    assert column_of([2**62 + 1, None], "Int64")[0] == 2**62 + 1
