"""Spark recipes: entities and quotes of a Spark DataFrame of texts, the gazetteer built once per worker.

Two ways, both over an iterator of Arrow batches (pandas), so each Python worker builds the gazetteer once and
then streams batches through the Rust core:

1. **Tables** (one row per quote / entity): ``quotes(df)``, ``entities(df)`` run ``mapInPandas``.

   >>> import saidwho.spark as sws                                                   # doctest: +SKIP
   >>> q = sws.quotes(df, text_col="text", id_col="id")   # Spark DataFrame: doc, start, end, text, kind, ...
   >>> q.groupBy("speaker_id").count().show()                                       # doctest: +SKIP

2. **A column** (one array of quotes per text, rows stay aligned): ``quotes_udf()`` is a ``pandas_udf`` of type
   ``Iterator[pd.Series] -> Iterator[pd.Series]``:

   >>> from pyspark.sql import functions as F                                        # doctest: +SKIP
   >>> df2 = df.withColumn("quotes", sws.quotes_udf()("text"))
   >>> df2.select("id", F.explode("quotes").alias("q")).select("id", "q.*")          # doctest: +SKIP

The recipe, if you write your own UDF: make the handle on the driver (``saidwho.dask.handle(gaz, path)``: a
few hundred bytes; ``path`` on storage every executor reads, e.g. a shared or distributed file system), capture
it in the function, and call ``handle.get()`` inside it: the first batch in a Python worker builds the
gazetteer, later batches and tasks in that worker reuse it (Spark reuses Python workers by default,
``spark.python.worker.reuse``). A broadcast variable of the handle works the same way; broadcasting the
gazetteer itself would ship and rebuild megabytes per executor for nothing. Inside a Spark task saidwho uses
one thread per task (Spark already runs one task per core); ``SAIDWHO_NUM_THREADS`` overrides it.

``on_error="record"`` turns texts that cannot be analysed into rows of ``errors(df)`` instead of failing the
task. Needs ``pyspark`` (and Java); this module imports it only when called.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

from ._optional import require
from .dask import GazetteerHandle, handle
from .gazetteer import Gazetteer

__all__ = ["entities", "errors", "quotes", "quotes_udf"]

# Column name -> Spark SQL type; "doc" takes the type of the id column.
_ENTITIES = [("start", "long"), ("end", "long"), ("text", "string"), ("id", "string"), ("label", "string"),
             ("name", "string")]
_QUOTES = [("start", "long"), ("end", "long"), ("text", "string"), ("kind", "string"), ("group", "long"),
           ("speaker", "string"), ("speaker_start", "long"), ("speaker_end", "long"), ("speaker_id", "string"),
           ("speaker_name", "string"), ("cue", "string"), ("cue_start", "long"), ("cue_end", "long")]
_ERRORS = [("error", "string")]
_COLUMNS = {"entities": _ENTITIES, "quotes": _QUOTES, "errors": _ERRORS}


def _analyze(texts: pd.Series, h: GazetteerHandle, on_error: str, reported: bool = True) -> Any:
    from .document import analyze_many

    gaz = h.get()  # built on the first batch of this Python worker, then cached
    return analyze_many(texts, gazetteer=False if gaz is None else gaz, progress=False, on_error=on_error,
                        reported=reported)


def _plain(df: pd.DataFrame, cols: list[tuple[str, str]]) -> pd.DataFrame:
    """A table with Arrow-friendly plain dtypes (categoricals as str, nullable ints kept)."""
    out = {"doc": df["doc"].reset_index(drop=True)}
    for name, kind in cols:
        col = df[name].reset_index(drop=True)
        if kind == "string":
            col = col.astype(object).where(col.notna(), None)
        elif isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype("int64")
        out[name] = col
    return pd.DataFrame(out)


def _schema(df: Any, id_col: str, cols: list[tuple[str, str]]) -> str:
    """The output schema as DDL: ``doc`` of the id column's type, then the table's columns."""
    doc = df.schema[id_col].dataType.simpleString()
    return ", ".join([f"`doc` {doc}"] + [f"`{n}` {t}" for n, t in cols])


def _check(df: Any, text_col: str, id_col: str | None, on_error: str) -> None:
    if on_error not in ("raise", "record"):
        raise ValueError(f"on_error must be 'raise' or 'record', not {on_error!r}")
    if not hasattr(df, "mapInPandas"):
        raise TypeError(f"df must be a pyspark.sql.DataFrame, not {type(df).__name__}")
    for c in (text_col, id_col):
        if c is not None and c not in df.columns:
            raise ValueError(f"df has no column {c!r}; columns: {df.columns}")


def _tables(kind: str, df: Any, text_col: str, id_col: str, gazetteer: Any, path: Any, on_error: str,
            reported: bool = True) -> Any:
    _check(df, text_col, id_col, on_error)
    h = handle(gazetteer, path)
    cols = _COLUMNS[kind]

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            # an unnamed index: the id column of the result is "doc", whatever id_col is called
            texts = pd.Series(pdf[text_col].to_numpy(dtype=object), index=pd.Index(pdf[id_col], name=None),
                              dtype=object)
            yield _plain(getattr(_analyze(texts, h, on_error, reported), kind)(), cols)

    return df.select(id_col, text_col).mapInPandas(run, _schema(df, id_col, cols))


def entities(df: Any, text_col: str = "text", id_col: str = "id",
             gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *, path: str | None = None,
             on_error: str = "raise") -> Any:
    """A Spark DataFrame of entity mentions: doc (the ``id_col`` value), start, end, text, id, label, name.
    Offsets are code points of the text (Python ``str`` offsets)."""
    return _tables("entities", df, text_col, id_col, gazetteer, path, on_error)


def quotes(df: Any, text_col: str = "text", id_col: str = "id",
           gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *, path: str | None = None,
           on_error: str = "raise", reported: bool = True) -> Any:
    """A Spark DataFrame of quotes: doc and the columns of :meth:`saidwho.Corpus.quotes` (kind as a string;
    ``reported=False``: no reported speech of kind ``indirect``)."""
    return _tables("quotes", df, text_col, id_col, gazetteer, path, on_error, reported)


def errors(df: Any, text_col: str = "text", id_col: str = "id",
           gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *, path: str | None = None) -> Any:
    """The texts that cannot be analysed (doc, error), as ``on_error="record"`` reports them."""
    return _tables("errors", df, text_col, id_col, gazetteer, path, "record")


_QUOTE_STRUCT = ("array<struct<start:long,end:long,text:string,kind:string,group:long,speaker:string,"
                 "speaker_start:long,speaker_end:long,speaker_id:string,speaker_name:string,cue:string,"
                 "cue_start:long,cue_end:long>>")


def quotes_udf(gazetteer: Gazetteer | GazetteerHandle | None | bool = None, *, path: str | None = None,
               reported: bool = True) -> Any:
    """A ``pandas_udf`` (iterator of batches) giving each text its quotes as an array of structs; a missing
    text gives an empty array. A text that cannot be analysed fails the task with ``ValueError`` naming its
    position in the batch (use :func:`quotes` with ``on_error="record"`` to keep going)."""
    pandas_udf = require("pyspark.sql.functions", "saidwho.spark.quotes_udf").pandas_udf

    h = handle(gazetteer, path)
    names = [n for n, _ in _QUOTES]

    @pandas_udf(_QUOTE_STRUCT)  # type: ignore[call-overload]
    def saidwho_quotes(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for texts in batches:
            texts = pd.Series(texts.to_numpy(dtype=object), dtype=object)  # positions 0..n-1
            table = _plain(_analyze(texts, h, "raise", reported).quotes(), _QUOTES)
            rows: list[list[dict[str, Any]]] = [[] for _ in range(len(texts))]
            for rec in table.to_dict("records"):
                rows[rec["doc"]].append({n: (None if pd.isna(rec[n]) else rec[n]) for n in names})
            yield pd.Series(rows)

    return saidwho_quotes
