"""Gazetteers: entities with aliases, found in text exactly, whole words only, fast.

>>> import saidwho as sw
>>> gaz = sw.Gazetteer.from_records([
...     {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]},
...     {"id": "us", "name": "United States", "label": "GPE", "aliases": ["US", "U.S."]},
... ])
>>> text = "In KYIV, not Kyivstar, U.S. officials said us."
>>> [(m.text, m.id, text[m.start:m.end]) for m in gaz.find(text)]
[('KYIV', 'kyiv', 'KYIV'), ('U.S.', 'us', 'U.S.')]

Semantics (the Rust core documents the same, rule by rule):

- Whole words: a match ``[s, e)`` never starts or ends inside a word (word chars: Unicode L*, M*, N* and
  ``_``). "Russia" matches in "Russia’s", "Russian" in "Russian-held", "Kyiv" not inside "Kyivstar".
- Leftmost-longest, non-overlapping by default, and exact: validity is checked before choosing, so with aliases
  "Kyiv" and "Kyiv T", "Kyiv" is found in "Kyiv Tower". ``overlapping=True`` returns every valid match.
- ``case="smart"`` (default): aliases written all in capitals or with a digit ("US", "FSB", "S-400", "U.S.")
  match case-sensitively, the others with full Unicode case folding (``str.casefold``: ß = ss, ﬁ = fi).
  ``"insensitive"`` and ``"sensitive"`` apply to all aliases. An alias may be a dict
  ``{"alias": "Reading", "case": "sensitive", "context": True}`` to override the case or to ask for a
  proper-name context (capitalised, not sentence-initial, not next to another capitalised word).
- Apostrophes ’ ' ʼ are equal, hyphens and dashes are equal, any run of white space equals one space;
  ``accents="fold"`` also makes "Zürich" = "Zurich".
- Offsets are ``str`` offsets: ``text[m.start:m.end] == m.text`` always. A lone surrogate raises ValueError.
- An alias shared by several entries gives one match whose ``candidates`` are ranked by ``priority`` (higher
  first, ties in gazetteer order); ``id``/``label``/``name`` are the top candidate's.
- The name of an entry is always one of its aliases. Entries with the same id merge (their aliases unite).
  An empty or blank alias is an error (``GazetteerInputError``), in records and in files alike.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import math
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ._missing import blank_missing
from ._saidwho import Entry, Match, _Gazetteer
from ._threads import resolve_threads

__all__ = ["Entry", "Gazetteer", "Match"]

_OPENERS: dict[str, Any] = {".xz": lzma.open, ".lzma": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}


def _read_bytes(path: str | os.PathLike) -> tuple[bytes, str]:
    p = os.fspath(path)
    if not isinstance(p, str):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    opener = _OPENERS.get(os.path.splitext(p)[1].lower())
    with opener(p, "rb") if opener else open(p, "rb") as f:
        return f.read(), p


def _is_missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


class Gazetteer:
    """An immutable compiled gazetteer. Build it with a ``from_*`` constructor or ``Gazetteer.load``.

    ``len(gaz)`` counts entries; ``for e in gaz`` yields ``Entry`` objects; ``"kyiv" in gaz`` tests an id;
    ``gaz["kyiv"]`` returns that ``Entry``. Gazetteers pickle compactly (their saved binary form).
    """

    __slots__ = ("_core", "_ids", "_labels", "_names")
    _core: _Gazetteer
    _ids: Any
    _labels: Any
    _names: Any

    def __init__(self, _core: _Gazetteer):
        if not isinstance(_core, _Gazetteer):
            raise TypeError("use Gazetteer.from_records / from_csv / from_tsv / from_dataframe / load")
        object.__setattr__(self, "_core", _core)
        object.__setattr__(self, "_ids", None)
        object.__setattr__(self, "_labels", None)
        object.__setattr__(self, "_names", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Gazetteer is immutable; extend() and merge() return a new one")

    # ----- constructors -----
    @classmethod
    def from_records(cls, records: Iterable[dict], case: str = "smart", accents: str = "keep") -> Gazetteer:
        """Build from dicts with ``id`` (required), ``name``, ``label``, ``aliases`` (a list of str or of alias
        dicts), optional ``priority`` (number) and ``attrs`` (dict); any other key becomes an attribute.

        >>> Gazetteer.from_records([{"id": "fsb", "name": "FSB", "label": "ORG"}]).find("the FSB")[0].id
        'fsb'
        """
        return cls(_Gazetteer.from_records(records, case, accents))

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike,
        alias_sep: str = "|",
        case: str = "smart",
        accents: str = "keep",
        delimiter: str = ",",
    ) -> Gazetteer:
        """Read a CSV file (``.gz``/``.xz``/``.bz2`` decompressed). With a header row: columns ``id``, ``name``,
        ``label``, ``aliases`` (separated by ``alias_sep``), optional ``priority``; other columns become
        attributes. Without one: ``id, label, alias`` rows, one alias per row. Same ids merge. Errors name the
        file and line (``GazetteerInputError``)."""
        data, name = _read_bytes(path)
        return cls(_Gazetteer.from_table(data, name, delimiter, alias_sep, case, accents))

    @classmethod
    def from_tsv(
        cls, path: str | os.PathLike, alias_sep: str = "|", case: str = "smart", accents: str = "keep"
    ) -> Gazetteer:
        """Like ``from_csv`` with tabs and no quoting; reads the ``id<TAB>label<TAB>alias`` benchmark layout."""
        data, name = _read_bytes(path)
        return cls(_Gazetteer.from_table(data, name, "\t", alias_sep, case, accents))

    @classmethod
    def from_dataframe(
        cls, df: Any, alias_sep: str = "|", case: str = "smart", accents: str = "keep"
    ) -> Gazetteer:
        """Build from a pandas DataFrame with columns as in ``from_csv``. An ``aliases`` cell may be a list or a
        string separated by ``alias_sep``; missing cells (None/NaN) are skipped."""
        import pandas as pd

        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"df must be a pandas DataFrame, not {type(df).__name__}")
        cols = [str(c) for c in df.columns]
        if "id" not in cols:
            raise ValueError("the DataFrame has no 'id' column")
        records = []
        for row in df.itertuples(index=False, name=None):
            rec: dict[str, Any] = {}
            attrs: dict[str, Any] = {}
            for col, v in zip(cols, row):
                if col in ("aliases", "alias"):
                    if isinstance(v, str):
                        rec["aliases"] = [a for a in v.split(alias_sep)] if v.strip() else []
                    elif _is_missing(v):
                        rec["aliases"] = []
                    else:
                        rec["aliases"] = list(v)
                elif col in ("id", "name", "label"):
                    if not _is_missing(v):
                        rec[col] = v if isinstance(v, str) else str(v)
                elif col == "priority":
                    if not _is_missing(v):
                        rec["priority"] = float(v)
                elif not _is_missing(v):
                    attrs[col] = v.item() if hasattr(v, "item") else v
            rec["attrs"] = attrs
            records.append(rec)
        return cls.from_records(records, case=case, accents=accents)

    @classmethod
    def from_bytes(cls, data: bytes) -> Gazetteer:
        """Load from ``to_bytes()`` output; ``GazetteerFormatError`` if corrupt, truncated, foreign or newer."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return cls(_Gazetteer.from_bytes(bytes(data)))

    @classmethod
    def load(cls, path: str | os.PathLike) -> Gazetteer:
        """Load a file written by ``save``."""
        with open(path, "rb") as f:
            data = f.read()
        try:
            return cls.from_bytes(data)
        except Exception as e:  # add the path to format errors
            if type(e).__name__ == "GazetteerFormatError":
                raise type(e)(f"{os.fspath(path)}: {e}") from None
            raise

    def to_bytes(self) -> bytes:
        """The compact versioned binary form (magic, version, CRC-32, payload)."""
        return self._core.to_bytes()

    def save(self, path: str | os.PathLike) -> None:
        """Write the binary form to ``path``."""
        data = self.to_bytes()
        with open(path, "wb") as f:
            f.write(data)

    def extend(self, records: Iterable[dict]) -> Gazetteer:
        """A new gazetteer with these records added; a record with an existing id adds its aliases to it."""
        return Gazetteer(self._core.extend(records))

    def merge(self, other: Gazetteer) -> Gazetteer:
        """A new gazetteer with ``other``'s entries added (same ids merge; this gazetteer's options)."""
        if not isinstance(other, Gazetteer):
            raise TypeError(f"other must be a Gazetteer, not {type(other).__name__}")
        return Gazetteer(self._core.merge(other._core))

    def __reduce__(self):
        from .default import default_gazetteer, is_default

        if is_default(self):  # the embedded default travels by name: a few bytes, rebuilt once per process
            return (default_gazetteer, ())
        return (Gazetteer.from_bytes, (self.to_bytes(),))

    # ----- container protocol -----
    def __len__(self) -> int:
        return len(self._core)

    def __iter__(self) -> Iterator[Entry]:
        core = self._core
        return (core.entry_at(i) for i in range(len(core)))

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self._core.index_of(id) is not None

    def __getitem__(self, id: str) -> Entry:
        if not isinstance(id, str):
            raise TypeError(f"gazetteer keys are entry ids (str), not {type(id).__name__}")
        i = self._core.index_of(id)
        if i is None:
            raise KeyError(id)
        return self._core.entry_at(i)

    @property
    def n_aliases(self) -> int:
        """Number of (entry, alias) pairs."""
        return self._core.n_aliases

    @property
    def case(self) -> str:
        return self._core.case

    @property
    def accents(self) -> str:
        return self._core.accents

    def __repr__(self) -> str:
        return (
            f"Gazetteer({len(self)} entries, {self.n_aliases} aliases, case={self.case!r}, "
            f"accents={self.accents!r})"
        )

    # ----- matching -----
    def find(self, text: str, overlapping: bool = False) -> list[Match]:
        """The entity mentions of ``text`` as ``Match`` objects (start, end, text, id, label, name,
        candidates, alias), in text order."""
        return self._core.find(text, overlapping)

    def find_spans(self, text: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
        """Low-level ``find``: ``(start, end, entry index)`` tuples, the index in gazetteer order
        (``list(gaz)[i]``)."""
        return self._core.find_spans(text, overlapping)

    def _categories(self):
        import pandas as pd

        if self._ids is None:
            labels, codes = self._core.label_codes()
            import numpy as np

            object.__setattr__(self, "_ids", pd.Index(self._core.ids(), dtype=object))
            object.__setattr__(
                self, "_labels", (pd.Index(labels, dtype=object), np.frombuffer(codes, dtype=np.int32))
            )
        return self._ids, self._labels

    def _names_index(self):
        """The canonical name of every entry, in gazetteer order (cached; for tables)."""
        import pandas as pd

        if self._names is None:
            object.__setattr__(self, "_names", pd.Index([e.name for e in self], dtype=object))
        return self._names

    def _columns(self, texts, n_threads, overlapping):
        if isinstance(texts, str):
            raise TypeError("texts must be a list of str, not a single str (use find for one text)")
        n_threads = resolve_threads(n_threads) or None  # one thread inside a Dask/Spark task
        texts = blank_missing(list(texts))  # None/NaN/pd.NA: a document without matches
        return self._core.find_batch_columns(texts, n_threads, overlapping)

    def find_batch(self, texts: Iterable[str], n_threads: int | None = None, overlapping: bool = False):
        """Match many texts in parallel (all cores unless ``n_threads``; the GIL is released) into a pandas
        DataFrame with columns ``doc`` (position in ``texts``), ``start``, ``end``, ``text``, ``id``, ``label``.
        ``text``, ``id`` and ``label`` are Categoricals (built from codes: no Python object per match). A missing
        text (None, NaN, ``pd.NA``) has no matches."""
        import numpy as np
        import pandas as pd

        doc, start, end, entry, text_codes, text_cats = self._columns(texts, n_threads, overlapping)
        ids, (labels, label_of) = self._categories()
        entry = np.frombuffer(entry, dtype=np.int32)
        return pd.DataFrame(
            {
                "doc": np.frombuffer(doc, dtype=np.int64),
                "start": np.frombuffer(start, dtype=np.int64),
                "end": np.frombuffer(end, dtype=np.int64),
                "text": pd.Categorical.from_codes(
                    np.frombuffer(text_codes, dtype=np.int32), categories=pd.Index(text_cats, dtype=object)
                ),
                "id": pd.Categorical.from_codes(entry, categories=ids),
                "label": pd.Categorical.from_codes(label_of[entry], categories=labels),
            }
        )

    def find_batch_arrow(self, texts: Iterable[str], n_threads: int | None = None, overlapping: bool = False):
        """``find_batch`` as a ``pyarrow.Table`` (text, id and label dictionary-encoded). Needs pyarrow."""
        from ._optional import require

        pa = require("pyarrow", "find_batch_arrow")
        import numpy as np

        doc, start, end, entry, text_codes, text_cats = self._columns(texts, n_threads, overlapping)
        ids, (labels, label_of) = self._categories()
        entry = np.frombuffer(entry, dtype=np.int32)
        return pa.table(
            {
                "doc": pa.array(np.frombuffer(doc, dtype=np.int64)),
                "start": pa.array(np.frombuffer(start, dtype=np.int64)),
                "end": pa.array(np.frombuffer(end, dtype=np.int64)),
                "text": pa.DictionaryArray.from_arrays(
                    pa.array(np.frombuffer(text_codes, dtype=np.int32)), pa.array(text_cats, type=pa.string())
                ),
                "id": pa.DictionaryArray.from_arrays(pa.array(entry), pa.array(list(ids), type=pa.string())),
                "label": pa.DictionaryArray.from_arrays(
                    pa.array(label_of[entry]), pa.array(list(labels), type=pa.string())
                ),
            }
        )
