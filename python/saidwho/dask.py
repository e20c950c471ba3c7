"""Dask helpers: entities and quotes for a Dask Series of texts, the gazetteer built once per worker.

>>> import dask.dataframe as dd, pandas as pd, saidwho.dask as swd       # doctest: +SKIP
>>> texts = dd.from_pandas(pd.Series(["“We hold,” Mr Zelenskiy said in Kyiv."] * 1000), npartitions=8)
>>> swd.quotes(texts).compute()                                          # doctest: +SKIP

A gazetteer never travels to workers as its automaton. It travels as a :class:`GazetteerHandle` — the default's
name, or a content hash plus the path of a saved copy — a few hundred bytes when pickled. Each worker process
rebuilds the gazetteer from the handle on first use and caches it by content hash, so it is built once per
worker process, never once per task (``build_count()`` tells how often this process built one).

A gazetteer made in memory (``from_records``) is saved once to ``path`` (default: a file named by its hash in
``SAIDWHO_CACHE_DIR`` or ``~/.cache/saidwho``); on a multi-machine cluster pass a ``path`` every worker can read.
Inside a worker, batch calls use one thread per task (the cluster already runs one task per core).
"""
from __future__ import annotations

import hashlib
import os
import threading
from typing import Any

import pandas as pd

from .gazetteer import Gazetteer

_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer] = {}
_BUILDS = 0


def build_count() -> int:
    """How many gazetteers this process has built from handles (for tests and benchmarks)."""
    return _BUILDS


def _cache_dir() -> str:
    d = os.environ.get("SAIDWHO_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "saidwho")
    os.makedirs(d, exist_ok=True)
    return d


class GazetteerHandle:
    """A small, picklable reference to a gazetteer: ``"default"``, or a content hash and a saved file.

    ``handle.get()`` returns the gazetteer, built at most once per process and cached by hash.
    """

    __slots__ = ("digest", "path")

    def __init__(self, digest: str, path: str | None) -> None:
        self.digest = digest
        self.path = path

    def __reduce__(self):
        return (GazetteerHandle, (self.digest, self.path))

    def __repr__(self) -> str:
        return f"GazetteerHandle({self.digest[:12]!r}, path={self.path!r})"

    def get(self) -> Gazetteer:
        global _BUILDS
        gaz = _CACHE.get(self.digest)
        if gaz is not None:
            return gaz
        with _LOCK:
            gaz = _CACHE.get(self.digest)
            if gaz is None:
                if self.digest == "default":
                    from .default import default_gazetteer

                    gaz = default_gazetteer()
                else:
                    if self.path is None:
                        raise ValueError(f"gazetteer {self.digest[:12]} has no saved path to rebuild it from")
                    with open(self.path, "rb") as f:
                        data = f.read()
                    if hashlib.sha256(data).hexdigest() != self.digest:
                        raise ValueError(f"{self.path}: content does not match the gazetteer's hash "
                                         f"{self.digest[:12]} (the file changed after the handle was made)")
                    gaz = Gazetteer.from_bytes(data)
                _BUILDS += 1
                _CACHE[self.digest] = gaz
        return gaz


def handle(gazetteer: Gazetteer | GazetteerHandle | None = None, path: str | None = None) -> GazetteerHandle:
    """A :class:`GazetteerHandle` for ``gazetteer`` (``None``: the default gazetteer).

    A user gazetteer is saved to ``path`` (or the cache directory) unless a file with the same content exists.
    """
    if isinstance(gazetteer, GazetteerHandle):
        return gazetteer
    if gazetteer is None:
        return GazetteerHandle("default", None)
    if not isinstance(gazetteer, Gazetteer):
        raise TypeError(f"gazetteer must be a saidwho.Gazetteer or None, not {type(gazetteer).__name__}")
    from .default import default_gazetteer

    if gazetteer is default_gazetteer():
        return GazetteerHandle("default", None)
    data = gazetteer.to_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if path is None:
        path = os.path.join(_cache_dir(), f"{digest}.swg")
    path = os.path.abspath(path)
    if not os.path.exists(path) or os.path.getsize(path) != len(data):
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    with _LOCK:
        _CACHE.setdefault(digest, gazetteer)
    return GazetteerHandle(digest, path)


def _texts(part: pd.Series) -> list[Any]:
    return list(part.array)


def _entities_partition(part: pd.Series, h: GazetteerHandle) -> pd.DataFrame:
    from .document import analyze_many

    return analyze_many(part, gazetteer=h.get(), progress=False).entities()


def _quotes_partition(part: pd.Series, h: GazetteerHandle) -> pd.DataFrame:
    from .document import analyze_many

    return analyze_many(part, gazetteer=h.get(), progress=False).quotes()


def _meta(kind: str) -> pd.DataFrame:
    from .document import analyze_many

    # The empty table of the right shape: analyse nothing.
    corpus = analyze_many(pd.Series([], dtype=object), gazetteer=Gazetteer.from_records([]), progress=False)
    return getattr(corpus, kind)()


def entities(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None = None) -> Any:
    """A Dask DataFrame of entity mentions (the columns of :meth:`saidwho.Corpus.entities`) for a Dask Series."""
    h = handle(gazetteer)
    return texts.map_partitions(_entities_partition, h, meta=_meta("entities"))


def quotes(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None = None) -> Any:
    """A Dask DataFrame of quotes (the columns of :meth:`saidwho.Corpus.quotes`) for a Dask Series of texts."""
    h = handle(gazetteer)
    return texts.map_partitions(_quotes_partition, h, meta=_meta("quotes"))
