"""Plain Python values (None for NA) into a pandas column of a declared dtype.

Frames here are small and many (one set per release), so pandas' per-value inference
dominates their cost; values of the expected Python types are packed straight into the
arrays behind the dtype, and anything else goes through ``pd.array`` as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["column_of"]

#: Masked dtypes: the array class, its numpy dtype, the Python types packed directly, a filler under the mask.
_MASKED: dict[str, tuple[Any, Any, frozenset[type], object]] = {
    "Float64": (pd.arrays.FloatingArray, np.float64, frozenset({float, int, type(None)}), 0.0),
    "Int64": (pd.arrays.IntegerArray, np.int64, frozenset({int, type(None)}), 0),
    "boolean": (pd.arrays.BooleanArray, np.bool_, frozenset({bool, type(None)}), False),
}
_TEXT = frozenset({str, type(None)})


def column_of(values: Sequence[Any], kind: str) -> Any:
    """``values`` as an array of dtype ``kind``: "string", "Float64", "Int64", "boolean" or "datetime64[ns]"."""
    values = list(values)
    packed = _masked(values, *_MASKED[kind]) if kind in _MASKED else _arrow_strings(values) if kind == "string" else None
    if packed is not None:
        return packed
    if kind == "string":
        return pd.array(values, dtype=pd.StringDtype())
    if kind.startswith("datetime64"):
        if all(value is None or type(value) is date for value in values):
            return np.array(values, dtype=kind)
        return pd.Series(pd.to_datetime(values), dtype=kind) if values else pd.Series([], dtype=kind)
    return pd.array(values, dtype=kind)


def _masked(values: list[Any], array: Any, dtype: Any, packed: frozenset[type], filler: object) -> Any:
    if not set(map(type, values)) <= packed:  # a bool is not taken for an integer: type(True) is bool
        return None
    if dtype is np.float64 and any(value != value for value in values if value is not None):
        return None  # NaN: pandas decides whether it is NA
    mask = np.fromiter((value is None for value in values), np.bool_, len(values))
    data = np.fromiter((filler if value is None else value for value in values), dtype, len(values))
    return array(data, mask)


def _arrow_strings(values: list[Any]) -> Any:
    dtype = pd.StringDtype()
    if dtype.storage != "pyarrow" or not set(map(type, values)) <= _TEXT:
        return None
    return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]))
