"""Dask helpers: entities, quotes and people for a Dask Series of texts, the gazetteer built once per worker.

>>> import dask.dataframe as dd, pandas as pd, saidwho.dask as swd                 # doctest: +SKIP
>>> texts = dd.from_pandas(pd.Series(["“We hold,” Mr Zelenskiy said in Kyiv."] * 1000), npartitions=8)
>>> swd.quotes(texts).compute()                                                    # doctest: +SKIP
>>> t = swd.analyze(texts, on_error="record")        # all tables, each partition analysed once
>>> ents, quotes, errors = dask.compute(t.entities, t.quotes, t.errors)            # doctest: +SKIP

The tables have the columns of :meth:`saidwho.Corpus.entities` / ``quotes`` / ``people`` / ``errors``; ``doc``
holds the Series' index value of each text, so ids round-trip through the cluster. ``None``/NaN/``pd.NA`` texts
are missing documents (no rows); a text that is not valid Unicode raises, or with ``on_error="record"`` becomes
a row of ``errors`` and the rest of its partition is analysed as usual.

**The gazetteer travels as a handle.** A gazetteer never goes to the workers as its automaton. It travels as a
:class:`GazetteerHandle`, about 200 bytes pickled: ``"default"`` (the embedded default gazetteer), ``"none"``
(``gazetteer=False``), or a content hash (sha256 of the saved form) plus the path of a saved copy. Each worker
process builds the gazetteer from the handle on first use and caches it by hash, so it is built once per worker
process, never once per task; ``build_count()`` tells how often the calling process built one, e.g.
``client.run(saidwho.dask.build_count)`` for every worker.

A gazetteer made in memory (``from_records``) is saved once, to ``path`` or else to a file named by its hash in
``$SAIDWHO_CACHE_DIR`` (default ``~/.cache/saidwho``). On a cluster of several machines pass a ``path`` on a
file system every worker reads (or ``handle(gaz, path=...)`` once and pass the handle). A worker checks the
file's hash and refuses a file that changed.

**Threads.** Inside a worker a batch uses one thread per task (the cluster already runs a task per core; see
``saidwho._threads``); ``SAIDWHO_NUM_THREADS`` overrides it.
"""
from __future__ import annotations

import hashlib
import os
import threading
from typing import Any, NamedTuple

import pandas as pd

from ._optional import require
from .gazetteer import Gazetteer

__all__ = ["GazetteerHandle", "Tables", "analyze", "build_count", "entities", "handle", "people", "quotes"]

_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer | None] = {}
_BUILDS: dict[str, int] = {}  # digest -> how many times this process built it
_TABLES = ("entities", "quotes", "people", "errors")


def build_count(digest: str | None = None) -> int:
    """How many gazetteers this process has built from handles (of one ``digest``, or of all); for tests and
    benchmarks: ``client.run(saidwho.dask.build_count)`` gives it for every worker."""
    if digest is None:
        return sum(_BUILDS.values())
    return _BUILDS.get(digest, 0)


def _cache_dir() -> str:
    d = os.environ.get("SAIDWHO_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "saidwho")
    os.makedirs(d, exist_ok=True)
    return d


class GazetteerHandle:
    """A small picklable reference to a gazetteer: ``"default"``, ``"none"``, or a content hash and a file.

    ``handle.get()`` returns the gazetteer (``None`` for ``"none"``), built at most once per process and cached
    by hash. Make one with :func:`handle`.
    """

    __slots__ = ("digest", "path")

    def __init__(self, digest: str, path: str | None) -> None:
        if not isinstance(digest, str) or not digest:
            raise TypeError("digest must be a non-empty str")
        self.digest = digest
        self.path = path

    def __reduce__(self):
        return (GazetteerHandle, (self.digest, self.path))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GazetteerHandle) and (self.digest, self.path) == (other.digest, other.path)

    def __hash__(self) -> int:
        return hash((self.digest, self.path))

    def __repr__(self) -> str:
        return f"GazetteerHandle({self.digest[:12]!r}, path={self.path!r})"

    def get(self) -> Gazetteer | None:
        """The gazetteer, built on first use in this process and then cached (thread-safe)."""
        if self.digest in _CACHE:
            return _CACHE[self.digest]
        with _LOCK:
            if self.digest in _CACHE:
                return _CACHE[self.digest]
            gaz: Gazetteer | None
            if self.digest == "none":
                gaz = None
            elif self.digest == "default":
                from .default import default_gazetteer

                gaz = default_gazetteer()
            else:
                if self.path is None:
                    raise ValueError(f"gazetteer {self.digest[:12]} has no saved path to rebuild it from")
                try:
                    with open(self.path, "rb") as f:
                        data = f.read()
                except OSError as e:
                    raise OSError(f"cannot read the gazetteer of handle {self.digest[:12]} from {self.path}: "
                                  f"{e.strerror or e} (on a cluster, save it where every worker can read it: "
                                  "saidwho.dask.handle(gaz, path=...))") from e
                if hashlib.sha256(data).hexdigest() != self.digest:
                    raise ValueError(f"{self.path}: content does not match the gazetteer's hash "
                                     f"{self.digest[:12]} (the file changed after the handle was made)")
                gaz = Gazetteer.from_bytes(data)
            _BUILDS[self.digest] = _BUILDS.get(self.digest, 0) + 1
            _CACHE[self.digest] = gaz
        return gaz


def _is_default(gazetteer: Gazetteer) -> bool:
    """Whether ``gazetteer`` is the default one, without building the default to find out."""
    from . import default

    return default._build.cache_info().currsize > 0 and gazetteer is default._build()


def handle(gazetteer: Gazetteer | GazetteerHandle | None | bool = None, path: str | os.PathLike | None = None
           ) -> GazetteerHandle:
    """A :class:`GazetteerHandle` for ``gazetteer``: ``None`` the default gazetteer, ``False`` none, or a
    :class:`saidwho.Gazetteer`, which is saved to ``path`` (or the cache directory) unless that file already
    holds it.

    >>> handle().digest, handle(False).digest
    ('default', 'none')
    """
    if isinstance(gazetteer, GazetteerHandle):
        return gazetteer
    if gazetteer is None:
        return GazetteerHandle("default", None)
    if gazetteer is False:
        return GazetteerHandle("none", None)
    if not isinstance(gazetteer, Gazetteer):
        raise TypeError("gazetteer must be a saidwho.Gazetteer, None (the default), False (none) or a "
                        f"GazetteerHandle, not {type(gazetteer).__name__}")
    if _is_default(gazetteer):
        return GazetteerHandle("default", None)
    data = gazetteer.to_bytes()
    digest = hashlib.sha256(data).hexdigest()
    target = os.path.abspath(os.fspath(path) if path is not None else os.path.join(_cache_dir(), f"{digest}.swg"))
    if not _holds(target, digest):
        tmp = f"{target}.{os.getpid()}.{threading.get_ident()}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    with _LOCK:
        _CACHE.setdefault(digest, gazetteer)
    return GazetteerHandle(digest, target)


def _holds(path: str, digest: str) -> bool:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest() == digest
    except OSError:
        return False


# ----- one partition -----

def _corpus(part: pd.Series, h: GazetteerHandle, on_error: str, reported: bool = True) -> Any:
    from .document import analyze_many

    gaz = h.get()
    return analyze_many(part, gazetteer=False if gaz is None else gaz, progress=False, on_error=on_error,
                        reported=reported)


def _table(part: pd.Series, h: GazetteerHandle, kind: str, on_error: str, reported: bool = True) -> pd.DataFrame:
    return getattr(_corpus(part, h, on_error, reported), kind)()


def _tables(part: pd.Series, h: GazetteerHandle, on_error: str, reported: bool = True) -> dict[str, pd.DataFrame]:
    # Plain tables, not the Corpus: a Corpus pickles with its gazetteer if it moves between workers.
    corpus = _corpus(part, h, on_error, reported)
    return {kind: getattr(corpus, kind)() for kind in _TABLES}


def _pick(tables: dict[str, pd.DataFrame], kind: str) -> pd.DataFrame:
    return tables[kind]


def _meta(texts: Any, kind: str) -> pd.DataFrame:
    """The empty table of ``kind`` for ``texts``: the doc column has the index's dtype (and its name); ids and
    labels are categoricals whose categories are unknown until computed (the gazetteer's, the speakers')."""
    clear_known_categories = require("dask.dataframe.utils", "saidwho.dask").clear_known_categories

    from .document import analyze_many

    empty = pd.Series([], index=texts._meta.index, dtype=object)
    corpus = analyze_many(empty, gazetteer=Gazetteer.from_records([]), progress=False)
    meta = getattr(corpus, kind)()
    # ids and labels depend on the data (the gazetteer's, the speakers found): unknown until computed
    cols = [c for c in ("id", "label", "speaker_id") if c in meta.columns]
    return clear_known_categories(meta, cols=cols) if cols else meta


def _check(texts: Any, on_error: str) -> None:
    if on_error not in ("raise", "record"):
        raise ValueError(f"on_error must be 'raise' or 'record', not {on_error!r}")
    if isinstance(texts, (pd.Series, pd.DataFrame)):
        raise TypeError("texts is a pandas object: use saidwho.analyze_many, or dask.dataframe.from_pandas first")
    if not hasattr(texts, "map_partitions") or not hasattr(texts, "to_delayed"):
        raise TypeError(f"texts must be a Dask Series of texts, not {type(texts).__name__}")
    if isinstance(getattr(texts, "_meta", None), pd.DataFrame):
        raise TypeError("pass a column of texts (ddf['text']), not a whole Dask DataFrame")


def _one(kind: str, texts: Any, gazetteer: Any, path: Any, on_error: str, reported: bool = True) -> Any:
    _check(texts, on_error)
    h = handle(gazetteer, path)
    return texts.map_partitions(_table, h, kind, on_error, reported, meta=_meta(texts, kind),
                                enforce_metadata=False)


def entities(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *,
             path: str | None = None, on_error: str = "raise", reported: bool = True) -> Any:
    """A Dask DataFrame of entity mentions (doc, start, end, text, id, label, name) of a Dask Series of texts.

    ``gazetteer``: ``None`` (default gazetteer), a ``Gazetteer`` or a ``GazetteerHandle``; ``path``: where to
    save an in-memory gazetteer for the workers (see the module docstring)."""
    return _one("entities", texts, gazetteer, path, on_error, reported)


def quotes(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *,
           path: str | None = None, on_error: str = "raise", reported: bool = True) -> Any:
    """A Dask DataFrame of quotes (the columns of :meth:`saidwho.Corpus.quotes`) of a Dask Series of texts."""
    return _one("quotes", texts, gazetteer, path, on_error, reported)


def people(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *,
           path: str | None = None, on_error: str = "raise", reported: bool = True) -> Any:
    """A Dask DataFrame of person clusters (the columns of :meth:`saidwho.Corpus.people`)."""
    return _one("people", texts, gazetteer, path, on_error, reported)


class Tables(NamedTuple):
    """The tables of :func:`analyze`, lazily: compute them together (``dask.compute(t.entities, t.quotes)``)
    and each partition is analysed once."""

    entities: Any
    quotes: Any
    people: Any
    errors: Any


def analyze(texts: Any, gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *,
            path: str | None = None, on_error: str = "raise", reported: bool = True) -> Tables:
    """All tables of a Dask Series of texts, from one analysis per partition.

    With ``on_error="record"`` a text that cannot be analysed (a lone surrogate) is a row of ``errors`` (doc,
    error) and the rest of its partition is kept; with ``"raise"`` its task fails with ``ValueError`` naming it.
    """
    dask = require("dask", "saidwho.dask.analyze")
    dd = require("dask.dataframe", "saidwho.dask.analyze")

    _check(texts, on_error)
    h = handle(gazetteer, path)
    per_part = [dask.delayed(_tables)(part, h, on_error, reported) for part in texts.to_delayed()]
    tables = {}
    for kind in _TABLES:
        meta = _meta(texts, kind)
        parts = [dask.delayed(_pick)(t, kind) for t in per_part]
        tables[kind] = dd.from_delayed(parts, meta=meta, verify_meta=False)
    return Tables(**tables)
