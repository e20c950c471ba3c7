"""1,000 repeated calls leave the resident memory flat: nothing is kept per call (results, texts, pools).

The bound is generous (allocator noise, pandas caches), and the work per call is large enough that a leak of
the text or of the results of each call would exceed it several times over.
"""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
import saidwho as sw

psutil = pytest.importorskip("psutil")

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
TEXT = "\n\n".join(SEEDS * 3)  # ~30 kB, ~100 entities and ~60 quotes per call
CALLS = 1000
BOUND_MB = 40  # a leak of one copy of TEXT per call alone would be ~30 MB (UTF-8) to ~120 MB (UCS-4)


def _rss_mb() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / 2**20


CASES = {
    "find": lambda gaz: gaz.find(TEXT),
    "find_batch": lambda gaz: gaz.find_batch([TEXT, TEXT[:5000]], n_threads=2),
    "analyze": lambda gaz: sw.analyze(TEXT, gazetteer=gaz).quotes,
    "extract_quotes": lambda gaz: sw.extract_quotes(TEXT, gazetteer=gaz),
    "analyze_many": lambda gaz: sw.analyze_many([TEXT, None, ""], gazetteer=gaz, progress=False).quotes(),
    "from_bytes": lambda gaz: sw.Gazetteer.from_bytes(SMALL_BYTES),
    "bad_input": lambda gaz: _raises(lambda: gaz.find("bad \ud800 text " + TEXT[:2000])),
}

SMALL_BYTES = sw.Gazetteer.from_records(
    [{"id": f"e{i}", "name": f"Name {i}", "label": "ORG", "aliases": [f"Alias {i}", f"A{i}"]} for i in range(500)]
).to_bytes()


def _raises(fn) -> None:
    try:
        fn()
    except ValueError:
        return
    raise AssertionError("expected ValueError")


@pytest.mark.parametrize("case", list(CASES))
def test_repeated_calls_leave_rss_flat(case):
    gaz = sw.default_gazetteer()
    fn = CASES[case]
    for _ in range(50):  # warm up: pools, caches, allocator arenas
        fn(gaz)
    before = _rss_mb()
    for _ in range(CALLS):
        fn(gaz)
    grown = _rss_mb() - before
    assert grown < BOUND_MB, f"{case}: RSS grew by {grown:.1f} MB over {CALLS} calls"
