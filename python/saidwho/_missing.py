"""Missing texts in a batch: ``None``, NaN and ``pd.NA`` (what pandas puts in a column of strings).

Batch calls keep a missing text as a document without results, so positions and ids stay aligned.

>>> import pandas as pd
>>> [is_missing(v) for v in (None, float("nan"), pd.NA, "", "x")]
[True, True, True, False, False]
>>> blank_missing(["a", None, pd.NA])
['a', '', '']
"""
from __future__ import annotations

import math
from typing import Any

try:
    from pandas import NA as _NA
except ImportError:  # pragma: no cover - pandas is a required dependency
    _NA = object()


def is_missing(v: Any) -> bool:
    """Whether ``v`` stands for a missing text (None, a float NaN, ``pd.NA``)."""
    return v is None or v is _NA or (isinstance(v, float) and math.isnan(v))


def none_for_missing(items: list[Any]) -> list[Any]:
    """``items`` with ``pd.NA`` (and NaN) replaced by None, the form the core reads as missing."""
    if any(v is _NA for v in items):
        return [None if is_missing(v) else v for v in items]
    return items


def blank_missing(items: list[Any]) -> list[Any]:
    """``items`` with missing values replaced by ``""`` (no results, same position)."""
    return ["" if is_missing(v) else v for v in items]
