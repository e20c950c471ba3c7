"""A process that forks after the Rust thread pools have run must not deadlock, and gets the same results.

fork() copies only the calling thread: pools made before it look alive in the child but have no threads there.
saidwho keys its pools by process id and builds new ones in the child (src/parallel.rs). Each child here runs
with a time limit; a hang fails the test instead of hanging the suite.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import time
import warnings

import pandas as pd
import pytest
import saidwho as sw
from saidwho.align import cluster_quotes

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

TIMEOUT = 60.0

TEXTS = [
    "“We will not give up,” Mr Zelenskiy said in Kyiv on Tuesday.",
    "Russian President Vladimir Putin said the war could be a “long process”.",
    "",
    "Ukraine says Russia uses troops like “cannon fodder”, a Ukrainian official told Reuters.",
    "“The situation is extremely difficult,” Putin said. “We will see,” he added in Moscow.",
] * 40

GAZ = sw.Gazetteer.from_records([
    {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]},
    {"id": "putin", "name": "Vladimir Putin", "label": "PERSON", "aliases": ["Putin", "Vladimir Putin"]},
    {"id": "ukraine", "name": "Ukraine", "label": "GPE", "aliases": ["Ukraine"]},
    {"id": "russia", "name": "Russia", "label": "GPE", "aliases": ["Russia"]},
    {"id": "reuters", "name": "Reuters", "label": "ORG", "aliases": ["Reuters"]},
])


def _batches(n_threads: int | None) -> dict[str, pd.DataFrame]:
    """Every batch entry point, on ``n_threads`` threads (None: all cores)."""
    corpus = sw.analyze_many(TEXTS, gazetteer=GAZ, n_threads=n_threads, progress=False)
    quotes = corpus.quotes()
    aligned = cluster_quotes(
        pd.DataFrame({"doc": quotes["doc"], "start": quotes["start"], "end": quotes["end"],
                      "text": quotes["text"].astype(object), "speaker": quotes["speaker_id"].astype(object)}),
        n_threads=n_threads,
    )
    return {
        "find_batch": GAZ.find_batch(TEXTS, n_threads=n_threads),
        "extract_quotes_batch": sw.extract_quotes_batch(TEXTS, gazetteer=GAZ, n_threads=n_threads),
        "entities": corpus.entities(),
        "quotes": quotes,
        "people": corpus.people(),
        "cluster_quotes": aligned,
    }


def _plain(tables: dict[str, pd.DataFrame]) -> dict[str, list]:
    """Tables as plain lists (comparable across processes, whatever the dtypes)."""
    return {k: df.astype(object).where(df.notna(), None).values.tolist() for k, df in tables.items()}


def _wait(pid: int, timeout: float) -> int:
    """The child's exit status; kills it and fails when it runs past ``timeout`` (a deadlock)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return status
        time.sleep(0.02)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail(f"the forked child did not finish within {timeout:.0f} s: deadlock after fork")


def _fork_and_run(n_threads: int | None) -> dict[str, list]:
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+: forking a multi-threaded process
        pid = os.fork()
    if pid == 0:  # child: run the batches, send the results, leave without cleanup
        code = 0
        try:
            os.close(read_fd)
            data = pickle.dumps(_plain(_batches(n_threads)))
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        except BaseException:  # noqa: BLE001 - report anything as a failure exit code
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(write_fd)
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    os.set_blocking(read_fd, False)
    try:
        while True:
            try:
                chunk = os.read(read_fd, 1 << 16)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)
                continue
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
    status = _wait(pid, max(1.0, deadline - time.monotonic()))
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child failed (status {status})"
    return pickle.loads(b"".join(chunks))


@pytest.mark.parametrize("n_threads", [None, 2, 1])
def test_batches_after_fork_finish_with_the_same_results(n_threads):
    before = _plain(_batches(n_threads))  # the pools of this size now exist in the parent
    assert before["quotes"] and before["entities"] and before["find_batch"]
    child = _fork_and_run(n_threads)
    assert child == before
    # and the parent still works (its pools were not touched by the child)
    assert _plain(_batches(n_threads)) == before


def test_fork_after_every_pool_size_then_fork_again():
    """Grandchildren too: each generation gets its own pools."""
    for n in (None, 1, 2, 3):
        _batches(n)
    expected = _plain(_batches(2))
    assert _fork_and_run(2) == expected
    assert _fork_and_run(3) == expected


def _child_job(i: int) -> list:
    t = TEXTS[i % 5]
    df = GAZ.find_batch([t, t], n_threads=2)
    quotes = sw.analyze_many([t], gazetteer=GAZ, progress=False).quotes()
    return [df[["doc", "start", "end", "text"]].values.tolist(), quotes["text"].astype(object).tolist()]


def test_multiprocessing_fork_pool_after_rayon_ran():
    _batches(None)
    _batches(2)
    expected = [_child_job(i) for i in range(10)]
    ctx = multiprocessing.get_context("fork")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with ctx.Pool(2) as pool:
            got = pool.map_async(_child_job, range(10)).get(timeout=TIMEOUT)
    assert got == expected
