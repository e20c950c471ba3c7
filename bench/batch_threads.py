#!/usr/bin/env python3
"""find_batch thread scaling: the benchmark corpus split into its documents, 1 thread vs 2 threads.

  BENCH_DATA=bench/data python bench/batch_threads.py [--size g250k] [--reps 3] [--out results_batch.jsonl]

Builds the gazetteer as the ``saidwho:find_spans`` case does (one record per lower-cased alias,
case="insensitive"), splits corpus.txt at blank lines (13,786 pieces of the 50 MB corpus: its 13,354
documents, a few cut at an inner blank line) and times ``gaz.find_batch(docs, n_threads=n)`` end to end (list of str in, pandas DataFrame out), alternating
1 and 2 threads for ``--reps`` rounds. Prints and appends one JSON line: medians, MB/s, the ratio
(1-thread seconds / 2-thread seconds; issue 2's target is >= 1.7), the parallelism each thread count reached
(process CPU seconds / wall seconds: it shows whether the call is parallel even when other work on a shared
machine takes one of the cores and spoils the wall-clock ratio) and the row counts, which must be equal.
Not pinned: it needs both cores, so on a shared machine run it when the machine is otherwise quiet.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from saidwho_cases import saidwho_records


def load_keys(path):
    """The harness's keys: unique lower-cased aliases of an ``id<TAB>type<TAB>alias`` file, sorted."""
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            keys.add(line.rstrip("\n").split("\t")[2].lower())
    return sorted(keys)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="g250k")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts; the ratio uses the first two")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    import saidwho as sw

    load = round(os.getloadavg()[0], 1)

    data = os.environ.get("BENCH_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    with open(os.path.join(data, "corpus.txt"), encoding="utf-8") as f:
        text = f.read()
    docs = text.split("\n\n")
    nbytes = len(text.encode("utf-8"))
    del text
    keys = load_keys(os.path.join(data, f"{a.size}.tsv"))
    gaz = sw.Gazetteer.from_records(saidwho_records(keys), case="insensitive")
    threads = [int(t) for t in a.threads.split(",")]
    times = {t: [] for t in threads}
    cpu = {t: [] for t in threads}
    rows = {}
    gaz.find_batch(docs[:200], n_threads=threads[0])  # warm up (thread pool, page faults)
    for _ in range(a.reps):
        for t in threads:
            c0, t0 = time.process_time(), time.perf_counter()
            df = gaz.find_batch(docs, n_threads=t)
            times[t].append(time.perf_counter() - t0)
            cpu[t].append(time.process_time() - c0)
            rows[t] = len(df)
            del df
    med = {t: statistics.median(v) for t, v in times.items()}
    t1, t2 = threads[0], threads[1] if len(threads) > 1 else threads[0]
    res = {
        "case": "saidwho:find_batch",
        "size": a.size,
        "n_keys": len(keys),
        "n_docs": len(docs),
        "corpus_bytes": nbytes,
        "threads": threads,
        "times_s": {str(t): [round(x, 3) for x in v] for t, v in times.items()},
        "med_s": {str(t): round(m, 3) for t, m in med.items()},
        "mb_s_1": round(nbytes / 1e6 / med[t1], 2),
        "mb_s_2": round(nbytes / 1e6 / med[t2], 2),
        "ratio": round(med[t1] / med[t2], 3),
        # CPU seconds of all the process's threads per call: cpu/wall is the parallelism a call reached (near
        # 2 for a fully parallel call on 2 free cores); cpu[2] / cpu[1] is the work added by threading
        "cpu_s": {str(t): [round(x, 3) for x in v] for t, v in cpu.items()},
        "parallelism": {str(t): round(sum(cpu[t]) / sum(times[t]), 2) for t in threads},
        "n_rows": {str(t): n for t, n in rows.items()},
        "cpus": os.cpu_count(),
        "load": load,  # 1-minute load average before the runs: > 0.5 means other work shared the cores
    }
    if len(set(rows.values())) != 1:
        res["error"] = f"row counts differ between thread counts: {rows}"
    line = json.dumps(res)
    print(line, flush=True)
    if a.out:
        with open(a.out, "a", encoding="utf-8") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
