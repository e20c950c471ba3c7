#!/usr/bin/env python3
"""Whole-document analysis speed: ``sw.analyze_many`` over the 50 MB benchmark corpus, 1 thread vs 2 threads.

  python3 ../shared/bench/make_corpus.py /tmp/corpus.txt 50      # once: 50 MB, documents separated by blank lines
  .venv/bin/python bench/analyze_bench.py /tmp/corpus.txt [--threads 1,2] [--out bench/results_analyze.jsonl]

Each thread count runs in a fresh process, so that its peak memory is its own. A process reads the corpus, splits
it into documents at blank lines, loads the default gazetteer and warms up on a few documents (none of this is
timed), then times ``analyze_many(docs, n_threads=n, progress=False)`` — str in, a Corpus of column buffers out —
and, separately, building the pandas tables from it (``quotes()``, ``entities()``, ``people()``,
``who_said_what()``). It reports MB/s of UTF-8 text (wall clock, and CPU time, which a busy machine disturbs
less), peak RSS and its growth over what the texts and the gazetteer already took, and the rows of each table,
which must be equal across thread counts. Workers run with OPENBLAS_NUM_THREADS=1 unless it is set (saidwho
never calls BLAS; numpy's idle BLAS threads would only compete for the cores).

Issue 5's targets: >= 20 MB/s on one thread, and two threads >= 1.7x that (the ratio printed). The machine is
shared: run it once, when it is quiet if you can, and read the load average printed with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def rss_mb() -> float:
    """Current resident set size (Linux /proc), MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def worker(path: str, threads: int) -> dict:
    import saidwho as sw

    with open(path, encoding="utf-8") as f:
        text = f.read()
    mb = len(text.encode("utf-8")) / 1e6
    docs = text.split("\n\n")
    del text
    sw.default_gazetteer()
    sw.analyze_many(docs[:20], n_threads=threads, progress=False).who_said_what()
    base = rss_mb()

    c0, w0 = time.process_time(), time.perf_counter()
    corpus = sw.analyze_many(docs, n_threads=threads, progress=False)
    analyze_s, analyze_cpu = time.perf_counter() - w0, time.process_time() - c0

    w1 = time.perf_counter()
    rows = {name: len(getattr(corpus, name)()) for name in ("quotes", "entities", "people", "who_said_what")}
    tables_s = time.perf_counter() - w1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KB on Linux
    return {
        "threads": threads, "docs": len(docs), "mb": round(mb, 2),
        "analyze_s": round(analyze_s, 3), "analyze_cpu_s": round(analyze_cpu, 3),
        "mb_s": round(mb / analyze_s, 2), "mb_s_cpu": round(mb / analyze_cpu, 2),
        "tables_s": round(tables_s, 3),
        "peak_rss_mb": round(peak, 1), "rss_before_mb": round(base, 1), "rss_growth_mb": round(peak - base, 1),
        "rows": rows, "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="/tmp/corpus.txt", help="the corpus made by make_corpus.py")
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts; the ratio uses the first two")
    ap.add_argument("--out", default="", help="append the JSON results to this file")
    ap.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print(f"{a.corpus}: no such file; make it with: python3 ../shared/bench/make_corpus.py {a.corpus} 50",
              file=sys.stderr)
        return 2
    if a.worker:
        print(json.dumps(worker(a.corpus, a.worker)))
        return 0

    import saidwho as sw

    results = []
    for n in (int(x) for x in a.threads.split(",")):
        env = dict(os.environ)
        env.setdefault("OPENBLAS_NUM_THREADS", "1")  # numpy's idle BLAS threads would compete for the 2 cores
        out = subprocess.run([sys.executable, __file__, a.corpus, "--worker", str(n)], capture_output=True,
                             text=True, check=False, env=env)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"{n} thread(s): {r['mb_s']:6.2f} MB/s wall ({r['analyze_s']:.2f} s; CPU {r['mb_s_cpu']:.2f} MB/s), "
              f"tables {r['tables_s']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB "
              f"(+{r['rss_growth_mb']:.0f} MB over texts and gazetteer), load {r['loadavg']}", flush=True)
    first = results[0]
    print(f"corpus: {first['mb']} MB, {first['docs']:,} documents; saidwho {sw.__version__}")
    print("rows: " + ", ".join(f"{k} {v:,}" for k, v in first["rows"].items()))
    if any(r["rows"] != first["rows"] for r in results):
        print("ROWS DIFFER between thread counts: " + json.dumps([r["rows"] for r in results]))
        return 1
    summary = {"bench": "analyze_many", "results": results}
    if len(results) >= 2:
        ratio = results[1]["mb_s"] / first["mb_s"]
        summary["ratio"] = round(ratio, 2)
        print(f"{results[1]['threads']} threads / {first['threads']}: {ratio:.2f}x (target >= 1.7x); "
              f"1 thread {first['mb_s']:.1f} MB/s (target >= 20)")
    if a.out:
        with open(a.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(summary) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
