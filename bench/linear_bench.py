#!/usr/bin/env python3
"""Linear time: the gazetteer scan and whole-document analysis on 1, 10 and 100 MB of text.

  python bench/linear_bench.py [--sizes 1,10,100] [--gazetteer g30k] [--reps 3]

The text is the shared 50 MB benchmark corpus (bench/data/corpus.txt, made by run_gazetteer_bench.sh or
../shared/bench/make_corpus.py), repeated to reach 100 MB, cut at n MB. For each size, in CPU seconds of this
process (``time.process_time``, far less sensitive than wall time to other work on a shared machine; all
calls run on one thread), fastest of --reps:

- ``find_spans``: ``Gazetteer.from_tsv(bench/data/<gazetteer>.tsv, case="insensitive").find_spans(text)`` on
  the text as ONE str of n MB;
- ``analyze``: ``sw.analyze(text)`` (default gazetteer) on the text as ONE document of n MB;
- ``analyze_many``: ``sw.analyze_many(docs, n_threads=1)`` on the same text split at blank lines.

Linear time means MB per CPU-second stays flat from 1 to 100 MB. A benchmark script, never a timed test.
"""

from __future__ import annotations

import argparse
import gc
import os
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu(fn, reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        gc.collect()
        c = time.process_time()
        out = fn()
        best = min(best, time.process_time() - c)
        del out
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--gazetteer", default="g30k")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--cases", default="find_spans,analyze,analyze_many")
    ap.add_argument("--data", default=os.environ.get("BENCH_DATA", os.path.join(HERE, "data")))
    a = ap.parse_args()
    import saidwho as sw

    with open(os.path.join(a.data, "corpus.txt"), encoding="utf-8") as f:
        base = f.read()
    sizes = [int(s) for s in a.sizes.split(",")]
    need = max(sizes) * 1_000_000
    full = base
    while len(full.encode("utf-8")) < need:
        full += "\n\n" + base
    cases = a.cases.split(",")
    gaz = sw.Gazetteer.from_tsv(os.path.join(a.data, f"{a.gazetteer}.tsv"), case="insensitive")
    default = sw.default_gazetteer()
    print(f"load: {os.getloadavg()[0]:.2f}; gazetteer {a.gazetteer} ({len(gaz):,} entries); MB per CPU-second")
    for n in sizes:
        text = full.encode("utf-8")[: n * 1_000_000].decode("utf-8", errors="ignore")
        mb = len(text.encode("utf-8")) / 1e6
        reps = a.reps if n < 100 else 1
        row = [f"{n:>4} MB"]
        if "find_spans" in cases:
            s = cpu(lambda t=text: gaz.find_spans(t), reps)
            row.append(f"find_spans {mb / s:7.1f} ({s:6.2f} s)")
        if "analyze" in cases:
            s = cpu(lambda t=text: sw.analyze(t, gazetteer=default), reps)
            row.append(f"analyze {mb / s:6.1f} ({s:6.2f} s)")
        if "analyze_many" in cases:
            docs = [d for d in text.split("\n\n") if d.strip()]
            s = cpu(lambda d=docs: sw.analyze_many(d, gazetteer=default, n_threads=1, progress=False), reps)
            row.append(f"analyze_many {mb / s:6.1f} ({s:6.2f} s, {len(docs):,} docs)")
        print("  ".join(row), flush=True)


if __name__ == "__main__":
    main()
