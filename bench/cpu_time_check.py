#!/usr/bin/env python3
"""The harness's cases timed in CPU seconds instead of wall seconds: a cross-check for a shared machine.

  BENCH_DATA=bench/data BENCH_PLUGINS=bench/saidwho_cases.py python bench/cpu_time_check.py \\
      --size g1k --cases hyperscan:ww_exact,saidwho:find_spans [--reps 3]

On a machine whose cores other work is using, wall-clock MB/s depends on how much of a core a case got; the
CPU time the process used (``time.process_time``) depends much less on it. Loads ../shared/bench/peers_bench.py
(``--harness``) as a module, builds each case the same way and prints, per case, the fastest search in CPU
seconds and MB per CPU-second. Single-threaded cases only (a multi-threaded one adds its threads' CPU time).
Not a replacement for the harness run: no fresh process per case, no peak RSS.
"""

import argparse
import gc
import importlib.util
import os
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="g1k")
    ap.add_argument("--cases", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--harness", default=os.path.join(HERE, "..", "..", "shared", "bench", "peers_bench.py"))
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("peers_bench", a.harness)
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    with open(os.path.join(harness.DATA, "corpus.txt"), encoding="utf-8") as f:
        text = f.read()
    mb = len(text.encode("utf-8")) / 1e6
    keys, k2e, rows = harness.load_gaz(a.size)
    for name in a.cases.split(","):
        search = harness.CASES[name][0](keys, k2e, rows)
        best = float("inf")
        for _ in range(a.reps):
            gc.collect()
            c0 = time.process_time()
            n = len(search(text))
            best = min(best, time.process_time() - c0)
        print(f"{a.size} {name}: {best:.3f} CPU s, {mb / best:.1f} MB per CPU-second, {n:,} matches", flush=True)
        del search
        gc.collect()


if __name__ == "__main__":
    main()
