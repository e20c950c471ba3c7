"""The Spark recipe (saidwho.spark) on a local Spark session with 2 cores.

Runs when pyspark and Java are installed; skips cleanly otherwise. Results equal the single-process ones; the
gazetteer is built once per Python worker however many batches it handles; a task uses one thread.
"""
from __future__ import annotations

import os
import shutil
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
import saidwho as sw

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")  # pyspark on pandas 3
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("pyspark needs Java", allow_module_level=True)
import saidwho.spark as sws  # after the skips: needs pyspark
from saidwho.dask import handle

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the Python workers run this interpreter (with saidwho installed), not whatever python3 is on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # pyspark on pandas 3
        s = (SparkSession.builder.master("local[2]").appName("saidwho-test")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "8")  # several batches per task
             .config("spark.python.worker.reuse", "true")
             .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def gaz():
    return sw.Gazetteer.from_records([
        {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]},
        {"id": "bakhmut", "name": "Bakhmut", "label": "GPE"},
        {"id": "zelenskiy", "name": "Volodymyr Zelenskiy", "label": "PERSON", "aliases": ["Zelenskiy"]},
        {"id": "putin", "name": "Vladimir Putin", "label": "PERSON", "aliases": ["Putin"]},
    ])


def _texts() -> pd.DataFrame:
    paras = [p for s in SEEDS for p in s.split("\n") if p.strip()]
    texts = ["\n".join(paras[k % len(paras): k % len(paras) + 1 + k % 3]) for k in range(48)]
    texts[5] = None
    return pd.DataFrame({"id": [f"d{k:02d}" for k in range(len(texts))], "text": texts})


def _sorted(df: pd.DataFrame) -> list:
    df = df.astype(object).where(df.notna(), None)
    return sorted(df.values.tolist(), key=lambda r: (r[0], r[1], r[2]))


def test_quotes_and_entities_equal_single_process(spark, gaz, tmp_path):
    pdf = _texts()
    sdf = spark.createDataFrame(pdf).repartition(3)
    h = handle(gaz, path=tmp_path / "g.swg")
    q = sws.quotes(sdf, gazetteer=h).toPandas()
    e = sws.entities(sdf, gazetteer=h).toPandas()
    local = sw.analyze_many(pd.Series(pdf["text"].tolist(), index=pdf["id"], dtype=object), gazetteer=gaz,
                            progress=False)
    lq, le = local.quotes(), local.entities()
    assert len(lq) > 10 and len(le) > 40
    assert list(q.columns) == list(lq.columns)
    assert _sorted(q) == _sorted(lq[q.columns])
    assert _sorted(e) == _sorted(le[e.columns])
    assert sws.errors(sdf, gazetteer=h).count() == 0


def test_quotes_udf_keeps_rows_aligned(spark, gaz, tmp_path):
    from pyspark.sql import functions as F

    pdf = _texts()
    sdf = spark.createDataFrame(pdf).repartition(2)
    udf = sws.quotes_udf(gaz, path=tmp_path / "g.swg")
    with_quotes = sdf.withColumn("quotes", udf("text"))
    assert with_quotes.count() == len(pdf)
    flat = with_quotes.select("id", F.explode("quotes").alias("q")).select("id", "q.*").toPandas()
    table = sws.quotes(sdf, gazetteer=gaz, path=tmp_path / "g.swg").toPandas()
    flat = flat.rename(columns={"id": "doc"})
    assert _sorted(flat[table.columns]) == _sorted(table)
    counts = {r["id"]: len(r["quotes"]) for r in with_quotes.select("id", "quotes").collect()}
    assert counts["d05"] == 0  # the missing text


def test_gazetteer_built_once_per_python_worker_and_one_thread(spark, gaz, tmp_path):
    h = handle(gaz, path=tmp_path / "g.swg")

    def probe(batches):
        from saidwho._threads import resolve_threads
        from saidwho.dask import build_count
        from saidwho.spark import _analyze

        for pdf in batches:
            _analyze(pd.Series(pdf["text"].to_numpy(dtype=object), dtype=object), h, "raise")
            yield pd.DataFrame({"pid": [os.getpid()], "builds": [build_count(h.digest)],
                                "threads": [resolve_threads(None)]})

    sdf = spark.createDataFrame(_texts()).repartition(4)
    out = sdf.mapInPandas(probe, "pid long, builds long, threads long").toPandas()
    assert len(out) >= 6  # batches of 8 rows in 4 tasks
    assert out["pid"].nunique() < len(out)  # workers handled several batches
    assert set(out["builds"]) == {1}  # and built the gazetteer once each
    assert set(out["threads"]) == {1}


def test_wrong_arguments(spark):
    sdf = spark.createDataFrame(_texts())
    with pytest.raises(ValueError, match="no column 'body'"):
        sws.quotes(sdf, text_col="body")
    with pytest.raises(ValueError, match="on_error"):
        sws.entities(sdf, on_error="skip")
    with pytest.raises(TypeError):
        sws.quotes(_texts())
