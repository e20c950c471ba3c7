"""Turn column buffers from the Rust core into pandas columns (numpy for numbers, Arrow-backed strings).

Strings are Arrow-backed (``pd.ArrowDtype(pa.large_string())``) when pyarrow is installed, so a table of a
million rows holds a million-row buffer, not a million Python objects; without pyarrow they are object columns.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
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
    # One decode of the whole buffer, then str slices at character offsets (a byte offset minus the UTF-8
    # continuation bytes before it): no bytes object and no decode per row.
    raw = np.frombuffer(data, dtype=np.uint8)
    text = bytes(data).decode("utf-8")
    if len(text) == len(raw):
        cuts = offs.tolist()
    else:
        continuation = np.flatnonzero((raw & 0xC0) == 0x80)
        cuts = (offs - np.searchsorted(continuation, offs)).tolist()
    out = np.empty(n, dtype=object)
    out[:] = [text[a:b] for a, b in pairwise(cuts)]
    if valid is not None:
        out[np.frombuffer(valid, dtype=np.uint8) == 0] = None
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



def categorical(values: Any) -> pd.Categorical:
    """A string column as a Categorical with sorted str categories (missing values stay missing), without one
    Python str per row when the column is Arrow-backed."""
    if isinstance(values, pd.Series):
        values = values.array
    if isinstance(values, pd.Categorical):
        return values
    if _pa is not None and isinstance(values, pd.arrays.ArrowExtensionArray):
        enc = _pa.chunked_array(values._pa_array).combine_chunks().dictionary_encode()  # type: ignore[attr-defined]
        cats = np.asarray(enc.dictionary.to_pylist(), dtype=object)
        codes = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        order = np.argsort(cats, kind="stable") if len(cats) else np.zeros(0, dtype=np.int64)
        remap = np.empty(len(cats) + 1, dtype=np.int64)
        remap[order] = np.arange(len(cats))
        remap[-1] = -1  # code -1 (missing) stays -1
        return pd.Categorical.from_codes(remap[codes], categories=pd.Index(cats[order], dtype=object))
    return pd.Categorical(np.asarray(values, dtype=object))


def _offsets(lengths: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]).astype(np.int64)


def span_lists(lengths: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> Any:
    """Rows of ``{"start", "end"}`` spans (``lengths[i]`` of them in row i, taken in order from the flat
    ``starts``/``ends``): an Arrow ``list<struct<start, end>>`` column when pyarrow is present, else lists of
    dicts."""
    offs = _offsets(lengths)
    if _pa is not None:
        spans = _pa.StructArray.from_arrays([_pa.array(starts, _pa.int64()), _pa.array(ends, _pa.int64())],
                                            names=["start", "end"])
        return pd.arrays.ArrowExtensionArray(_pa.LargeListArray.from_arrays(_pa.array(offs, _pa.int64()), spans))
    s, e = starts.tolist(), ends.tolist()
    out = np.empty(len(lengths), dtype=object)
    for i in range(len(lengths)):
        out[i] = [{"start": s[k], "end": e[k]} for k in range(offs[i], offs[i + 1])]
    return out


def string_lists(lengths: np.ndarray, values: pd.Index, flat: np.ndarray) -> Any:
    """Rows of strings ``values[flat[...]]`` (``lengths[i]`` of them in row i): an Arrow
    ``list<large_string>`` column when pyarrow is present, else Python lists."""
    offs = _offsets(lengths)
    flat = np.asarray(flat, dtype=np.int64)
    if _pa is not None:
        items = _pa.array(values, type=_pa.large_string()).take(_pa.array(flat)) if len(flat) else _pa.array(
            [], type=_pa.large_string())
        return pd.arrays.ArrowExtensionArray(_pa.LargeListArray.from_arrays(_pa.array(offs, _pa.int64()), items))
    taken = [values[i] for i in flat.tolist()]
    out = np.empty(len(lengths), dtype=object)
    for i in range(len(lengths)):
        out[i] = taken[offs[i]:offs[i + 1]]
    return out


def arrow_table(df: pd.DataFrame) -> Any:
    """``pyarrow.Table.from_pandas(df)`` that reads back: list columns are recorded in the pandas metadata as
    ``object`` columns, since pandas cannot rebuild an Arrow list dtype from its name (pandas-dev/pandas#57411:
    ``pd.read_parquet`` of such a file raises "data type 'list<…>[pyarrow]' not understood")."""
    import json

    assert _pa is not None
    table = _pa.Table.from_pandas(df, preserve_index=False)
    meta = table.schema.metadata or {}
    raw = meta.get(b"pandas")
    if raw is None:
        return table
    info = json.loads(raw)
    changed = False
    for col in info.get("columns", []):
        if isinstance(col.get("numpy_type"), str) and col["numpy_type"].endswith("[pyarrow]") and (
                "list<" in col["numpy_type"] or "struct<" in col["numpy_type"]):
            col["numpy_type"] = "object"
            col["pandas_type"] = "object"
            changed = True
    if not changed:
        return table
    return table.replace_schema_metadata({**meta, b"pandas": json.dumps(info).encode()})
