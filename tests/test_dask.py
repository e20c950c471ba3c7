"""saidwho.dask on a real cluster: distributed.LocalCluster with 2 worker processes.

Results equal the single-process ones (same rows, same order, ids round-trip); the gazetteer travels as a small
handle and is built once per worker process, whatever the number of tasks; inside a worker a batch uses one
thread per task.
"""
from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest
import saidwho as sw

dd = pytest.importorskip("dask.dataframe")
dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import saidwho.dask as swd  # after the importorskips: needs dask

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
N_PARTITIONS = 8


def _texts() -> pd.Series:
    paras = [p for s in SEEDS for p in s.split("\n") if p.strip()]
    texts = ["\n".join(paras[k % len(paras): k % len(paras) + 1 + k % 4]) for k in range(60)]
    texts[7] = None
    texts[20] = ""
    ids = [f"doc-{(k * 37) % 101:03d}" for k in range(len(texts))]
    return pd.Series(texts, index=ids, dtype=object)


def _value(v):
    if hasattr(v, "tolist") and not isinstance(v, str):  # a list cell (Arrow list column)
        return [_value(x) for x in v.tolist()]
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    return None if pd.api.types.is_scalar(v) and pd.isna(v) else v


def _plain(df: pd.DataFrame) -> list:
    return [[_value(v) for v in row] for row in df.reset_index(drop=True).astype(object).values.tolist()]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    cache = tmp_path_factory.mktemp("saidwho-cache")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None,
        env={"SAIDWHO_CACHE_DIR": str(cache)},
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def gaz():
    return sw.Gazetteer.from_records([
        {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]},
        {"id": "bakhmut", "name": "Bakhmut", "label": "GPE", "aliases": ["Artemivsk"]},
        {"id": "zelenskiy", "name": "Volodymyr Zelenskiy", "label": "PERSON", "aliases": ["Zelenskiy"]},
        {"id": "putin", "name": "Vladimir Putin", "label": "PERSON", "aliases": ["Putin"]},
        {"id": "russia", "name": "Russia", "label": "GPE", "aliases": ["Russian"]},
    ])


def _builds(client, h) -> dict[str, int]:
    return client.run(swd.build_count, h.digest)


def test_results_equal_single_process_and_builds_once_per_worker(client, gaz, tmp_path):
    texts = _texts()
    d = dd.from_pandas(texts, npartitions=N_PARTITIONS, sort=False)
    assert d.npartitions == N_PARTITIONS
    h = swd.handle(gaz, path=tmp_path / "gaz.swg")
    assert len(pickle.dumps(h)) < 1000
    ents = swd.entities(d, h)
    quotes = swd.quotes(d, h)
    people = swd.people(d, h)
    e, q, p = dask.compute(ents, quotes, people)
    local = sw.analyze_many(texts, gazetteer=gaz, progress=False)
    assert len(local.entities()) > 50 and len(local.quotes()) > 10
    assert _plain(e) == _plain(local.entities())
    assert _plain(q) == _plain(local.quotes())
    assert _plain(p) == _plain(local.people())
    assert list(e.columns) == list(local.entities().columns)
    # 3 tables x 8 partitions = 24 tasks on 2 worker processes: one build in each worker that ran a task
    builds = _builds(client, h)
    assert len(builds) == 2
    assert sorted(builds.values()) in ([1, 1], [0, 1])
    # more tasks with the same handle build nothing more
    dask.compute(swd.entities(d, h), swd.quotes(d, gaz, path=tmp_path / "gaz.swg"))
    assert _builds(client, h) == builds


def test_default_gazetteer_travels_by_name(client):
    texts = _texts()
    d = dd.from_pandas(texts, npartitions=4, sort=False)
    h = swd.handle()
    assert (h.digest, h.path) == ("default", None)
    assert len(pickle.dumps(h)) < 200
    got = swd.analyze(d)
    e, q = dask.compute(got.entities, got.quotes)
    local = sw.analyze_many(texts, progress=False)
    assert _plain(e) == _plain(local.entities())
    assert _plain(q) == _plain(local.quotes())
    assert all(n <= 1 for n in _builds(client, h).values())


def test_the_task_graph_stays_small_for_a_large_gazetteer(gaz, tmp_path):
    big = sw.Gazetteer.from_records(
        [{"id": f"e{i}", "name": f"Name{i} Surname{i}", "label": "PERSON", "aliases": [f"N{i}"]}
         for i in range(20_000)]
    )
    assert len(big.to_bytes()) > 500_000
    texts = _texts()
    d = dd.from_pandas(texts, npartitions=4, sort=False)
    graph = dict(swd.entities(d, big, path=tmp_path / "big.swg").__dask_graph__())
    size = len(pickle.dumps(graph))
    assert size < 100_000 + len(pickle.dumps(texts)), size


def test_string_dtype_and_missing_values_round_trip(client, gaz, tmp_path):
    """dask converts object columns to Arrow strings with pd.NA for missing: still missing documents."""
    texts = _texts()
    with dask.config.set({"dataframe.convert-string": True}):
        d = dd.from_pandas(texts, npartitions=3, sort=False)
    h = swd.handle(gaz, path=tmp_path / "g2.swg")
    t = swd.analyze(d, h, on_error="record")
    e, err = dask.compute(t.entities, t.errors)
    assert err.empty
    local = sw.analyze_many(texts, gazetteer=gaz, progress=False).entities()
    assert _plain(e) == _plain(local)


def test_a_bad_document_is_an_error_row_or_a_named_exception(client, gaz, tmp_path):
    texts = _texts()
    texts.iloc[11] = "Kyiv \ud800 said"
    texts.iloc[40] = b"bytes"
    bad_ids = [texts.index[11], texts.index[40]]
    with dask.config.set({"dataframe.convert-string": False}):
        d = dd.from_pandas(texts, npartitions=4, sort=False)
    h = swd.handle(gaz, path=tmp_path / "g3.swg")
    t = swd.analyze(d, h, on_error="record")
    e, q, err = dask.compute(t.entities, t.quotes, t.errors)
    assert err["doc"].tolist() == bad_ids
    good = texts.drop(bad_ids)
    local = sw.analyze_many(good, gazetteer=gaz, progress=False)
    assert _plain(e) == _plain(local.entities())
    assert _plain(q) == _plain(local.quotes())
    # whichever bad partition fails first names its document
    with pytest.raises((ValueError, TypeError), match="|".join(repr(i) for i in bad_ids)):
        swd.entities(d, h).compute()


def test_one_thread_per_task_inside_workers(client):
    from saidwho._threads import resolve_threads

    assert resolve_threads(None) == 0  # all cores here
    assert client.submit(resolve_threads, None, pure=False).result() == 1
    assert client.submit(resolve_threads, 2, pure=False).result() == 2


def test_handles_check_their_file(gaz, tmp_path):
    p = tmp_path / "g.swg"
    h = swd.handle(gaz, path=p)
    assert p.read_bytes() == gaz.to_bytes()
    again = swd.handle(gaz, path=p)
    assert again == h and hash(again) == hash(h)
    p.write_bytes(sw.Gazetteer.from_records([]).to_bytes())
    swd._CACHE.pop(h.digest, None)  # as in a fresh worker
    with pytest.raises(ValueError, match="does not match"):
        h.get()
    p.unlink()
    with pytest.raises(OSError, match="every worker"):
        h.get()
    with pytest.raises(TypeError):
        swd.handle("default")
    assert swd.handle(False).get() is None


@pytest.mark.parametrize("bad", [pd.Series(["a"]), pd.DataFrame({"t": ["a"]}), ["a"]], ids=["Series", "DataFrame",
                                                                                           "list"])
def test_non_dask_input_is_a_type_error(bad):
    with pytest.raises(TypeError):
        swd.entities(bad)


def test_whole_dask_frame_is_a_type_error():
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a", "b"]}), npartitions=1)
    with pytest.raises(TypeError, match="column"):
        swd.quotes(ddf)
    with pytest.raises(ValueError, match="on_error"):
        swd.quotes(ddf["text"], on_error="skip")
