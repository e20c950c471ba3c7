"""Turn column buffers from the Rust core into pandas columns (numpy for numbers, Arrow-backed strings).

Strings are Arrow-backed (``pd.ArrowDtype(pa.large_string())``) when pyarrow is installed, so a table of a
million rows holds a million-row buffer, not a million Python objects; without pyarrow they are object columns.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

try:  # optional: Arrow-backed strings
    import pyarrow as _pa
except ImportError:  # pragma: no cover - depends on the environment
    _pa = None


def _ints(payload: tuple[bytes, bytes | None]) -> Any:
    values, valid = payload
    arr = np.frombuffer(values, dtype="<i8")
    if valid is None:
        return arr
    mask = np.frombuffer(valid, dtype=np.uint8) == 0
    return pd.arrays.IntegerArray(arr.copy(), mask)


def _strs(payload: tuple[bytes, bytes, bytes | None]) -> Any:
    offsets, data, valid = payload
    offs = np.frombuffer(offsets, dtype="<i8")
    n = len(offs) - 1
    if _pa is not None:
        validity = None
        null_count = 0
        if valid is not None:
            v = np.frombuffer(valid, dtype=np.uint8).astype(bool)
            null_count = int(n - v.sum())
            validity = _pa.py_buffer(np.packbits(v, bitorder="little").tobytes())
        arr = _pa.LargeStringArray.from_buffers(
            n, _pa.py_buffer(offsets), _pa.py_buffer(data), validity, null_count
        )
        return pd.arrays.ArrowExtensionArray(arr)
    text = bytes(data)
    out = np.empty(n, dtype=object)
    ok = None if valid is None else np.frombuffer(valid, dtype=np.uint8)
    for i in range(n):
        out[i] = None if ok is not None and not ok[i] else text[offs[i]:offs[i + 1]].decode("utf-8")
    return out


def _cats(payload: tuple[bytes, list[str]]) -> Any:
    codes, categories = payload
    return pd.Categorical.from_codes(np.frombuffer(codes, dtype="<i4"), categories=categories)


_DECODERS: dict[str, Callable[[Any], Any]] = {"i64": _ints, "str": _strs, "cat": _cats}


def to_columns(table: list[tuple[str, str, Any]]) -> dict[str, Any]:
    """``[(name, kind, payload)]`` from the core → ``{name: array}`` ready for ``pd.DataFrame``."""
    return {name: _DECODERS[kind](payload) for name, kind, payload in table}


def empty_strings(n: int = 0) -> Any:
    """An empty string column of the same dtype family as :func:`to_columns` makes."""
    if _pa is not None:
        return pd.arrays.ArrowExtensionArray(_pa.array([None] * n, type=_pa.large_string()))
    return np.full(n, None, dtype=object)


def strings(values: list[Any]) -> Any:
    """A string column from Python values (Arrow-backed when pyarrow is present)."""
    if _pa is not None:
        return pd.arrays.ArrowExtensionArray(_pa.array(values, type=_pa.large_string()))
    return np.array(values, dtype=object)


def take_strings(values: pd.Index, positions: np.ndarray) -> Any:
    """``values[positions]`` as a string column (Arrow-backed when pyarrow is present, without one Python str
    per row)."""
    if _pa is not None:
        arr = _pa.array(values, type=_pa.large_string()).take(_pa.array(positions))
        return pd.arrays.ArrowExtensionArray(arr)
    return np.asarray(values.take(positions), dtype=object)

