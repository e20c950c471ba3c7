#!/usr/bin/env python3
"""Peak memory of ``analyze_many`` over the 50 MB benchmark corpus.

  python bench/memory_bench.py [--mb 50] [--threads N] [--gazetteer default|none]

Each measurement runs in a fresh process, which reports its peak RSS (``ru_maxrss``) at three points: after
importing saidwho and building the gazetteer, after reading the corpus and splitting it into documents (the
input itself: Python strs), and after ``analyze_many`` and building the entity and quote tables. The cost of the
analysis is the last minus the second. Also reports the row counts and the size of the result tables.
Appends one JSON line to ``--out`` (default bench/results_memory.jsonl).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(mb: float, threads: int | None, gazetteer: str) -> dict:
    import saidwho as sw

    sys.path.insert(0, HERE)
    from dask_bench import corpus

    gaz = sw.default_gazetteer() if gazetteer == "default" else False
    marks = {"gazetteer": peak_mb()}
    docs = corpus(mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    marks["input"] = peak_mb()
    t = time.perf_counter()
    c = sw.analyze_many(docs, gazetteer=gaz, n_threads=threads, progress=False)
    ents, quotes = c.entities(), c.quotes()
    secs = time.perf_counter() - t
    marks["analysed"] = peak_mb()
    tables = (ents.memory_usage(deep=True).sum() + quotes.memory_usage(deep=True).sum()) / 2**20
    return {"mb": round(size, 1), "documents": len(docs), "threads": threads, "gazetteer": gazetteer,
            "seconds": round(secs, 2), "entities": len(ents), "quotes": len(quotes),
            "tables_mib": round(tables, 1), "peak_rss_mib": {k: round(v, 1) for k, v in marks.items()},
            "analysis_mib": round(marks["analysed"] - marks["input"], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--gazetteer", default="default", choices=["default", "none"])
    ap.add_argument("--out", default=os.path.join(HERE, "results_memory.jsonl"))
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.mb, a.threads, a.gazetteer)))
        return
    cmd = [sys.executable, __file__, "--child", "--mb", str(a.mb), "--gazetteer", a.gazetteer]
    if a.threads:
        cmd += ["--threads", str(a.threads)]
    r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    p = r["peak_rss_mib"]
    print(f"{r['documents']:,} documents, {r['mb']} MB, gazetteer {r['gazetteer']}, threads {r['threads'] or 'all'}: "
          f"{r['seconds']} s, {r['entities']:,} entities, {r['quotes']:,} quotes (tables {r['tables_mib']} MiB)")
    print(f"peak RSS: {p['gazetteer']} MiB after import + gazetteer, {p['input']} MiB with the input, "
          f"{p['analysed']} MiB after analyze_many + tables (analysis: +{r['analysis_mib']} MiB)")
    r["time"] = time.strftime("%Y-%m-%d %H:%M:%S")
    with open(a.out, "a", encoding="utf-8") as f:
        f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
