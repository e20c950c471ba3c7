"""One Gazetteer (and the analysis around it) used from 8 Python threads at once gives the sequential results.

Matching releases the GIL, so the threads really run the Rust core at the same time, sharing one compiled
gazetteer and the crate's thread pools.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
import saidwho as sw
from saidwho.align import cluster_quotes

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
N_THREADS = 8
ROUNDS = 5


@pytest.fixture(scope="module")
def gaz():
    return sw.default_gazetteer()


def _texts() -> list[str]:
    # the seeds, and pieces of them in several string storages (Latin-1, UCS-2, UCS-4)
    out = list(SEEDS)
    for s in SEEDS:
        out.append(s[: len(s) // 2])
        out.append("Ünïcödé " + s[len(s) // 3:])
        out.append("😀 " + s[: len(s) // 4] + " 𝔘𝔨𝔯𝔞𝔦𝔫𝔢")
    return out


def _work(gaz: sw.Gazetteer, texts: list[str]) -> list:
    """Everything a user may call on a shared gazetteer, reduced to plain values."""
    out: list = []
    for t in texts:
        out.append([(m.start, m.end, m.text, m.id, m.label) for m in gaz.find(t)])
        out.append(gaz.find_spans(t, overlapping=True))
        doc = sw.analyze(t, gazetteer=gaz)
        out.append([(q.start, q.end, q.kind, q.speaker_id, q.group) for q in doc.quotes])
        out.append([(p.id, p.name, len(p.mentions)) for p in doc.people])
    for n in (None, 1, 2):
        out.append(gaz.find_batch(texts, n_threads=n).astype(object).values.tolist())
        corpus = sw.analyze_many(texts, gazetteer=gaz, n_threads=n, progress=False)
        out.append(corpus.quotes().astype(object).where(lambda d: d.notna(), None).values.tolist())
        out.append(corpus.entities().astype(object).values.tolist())
    q = sw.extract_quotes_batch(texts, gazetteer=gaz, n_threads=2)
    out.append(q.astype(object).where(q.notna(), None).values.tolist())
    return out


def _in_threads(fn, n: int) -> list:
    """Run ``fn(i)`` in ``n`` threads released together; re-raise the first error."""
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[i] = fn(i)
        except BaseException as e:  # noqa: BLE001 - collected and re-raised below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
        assert not t.is_alive(), "a thread did not finish (deadlock?)"
    if errors:
        raise errors[0]
    return results


def test_eight_threads_share_one_gazetteer(gaz):
    texts = _texts()
    expected = _work(gaz, texts)
    assert any(expected[0]), "the seeds have entities"
    results = _in_threads(lambda i: [_work(gaz, texts) for _ in range(ROUNDS)], N_THREADS)
    for per_thread in results:
        for got in per_thread:
            assert got == expected


def test_threads_with_different_texts_do_not_mix_results(gaz):
    """Each thread works on its own texts at the same time: no result lands in another thread's output."""
    texts = _texts()
    per_thread = [[t for k, t in enumerate(texts) if k % N_THREADS == i] or [texts[0]] for i in range(N_THREADS)]
    expected = [_work(gaz, ts) for ts in per_thread]
    got = _in_threads(lambda i: _work(gaz, per_thread[i]), N_THREADS)
    assert got == expected


def test_threads_build_the_default_and_the_handle_once():
    import saidwho.dask as swd

    g = sw.Gazetteer.from_records([{"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]}])
    h = swd.handle(g)
    swd._CACHE.pop(h.digest, None)  # as in a fresh worker process
    before = swd.build_count()
    gazs = _in_threads(lambda i: h.get(), N_THREADS)
    assert swd.build_count() == before + 1
    assert all(x is gazs[0] for x in gazs)
    assert [m.id for m in gazs[0].find("From Kiev.")] == ["kyiv"]
    defaults = _in_threads(lambda i: sw.default_gazetteer(), N_THREADS)
    assert all(x is defaults[0] for x in defaults)


def test_alignment_from_threads():
    quotes = sw.analyze_many(_texts(), progress=False).quotes()
    frame = quotes[["doc", "start", "end", "text"]].astype({"text": object}).assign(
        speaker=quotes["speaker_id"].astype(object))
    expected = cluster_quotes(frame, n_threads=2)
    got = _in_threads(lambda i: cluster_quotes(frame, n_threads=1 + i % 2), N_THREADS)
    for g in got:
        assert g.equals(expected)
