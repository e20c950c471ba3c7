#!/usr/bin/env python3
"""Scale-out benchmark: saidwho.dask on a LocalCluster vs one process, and gazetteer builds per worker.

  python bench/dask_bench.py [--mb 50] [--workers 2] [--partitions 16] [--gazetteer default|PATH.tsv]

The corpus is the 50 MB benchmark corpus (``../shared/bench/make_corpus.py``, cached in bench/data/corpus.txt)
split into its documents at blank lines (``--mb`` takes a prefix). Runs, side by side in one invocation:

1. one process, one thread: ``sw.analyze_many(docs, n_threads=1)`` then ``.entities()`` and ``.quotes()``;
2. one process, all cores: the same with ``n_threads=None``;
3. Dask, ``--workers`` worker processes of one thread each: ``saidwho.dask.analyze`` over ``--partitions``
   partitions read by the workers from files (bench/data/parts-*), ``dask.compute(entities, quotes)``.

Dask runs once cold (the workers build the gazetteer), then the three modes alternate for ``--reps`` rounds
(the load of a shared machine changes during a run). Prints median seconds, MB/s, speed-ups against mode 1,
CPU seconds (this process + the workers: wall time on a busy machine says little), the row counts (must be
equal), and the gazetteer builds in each worker process (``client.run(saidwho.dask.build_count)``: 1 each,
whatever the number of tasks). Appends one JSON line to ``--out`` (default bench/results_dask.jsonl).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))


def corpus(mb: float) -> list[str]:
    data = os.environ.get("BENCH_DATA", os.path.join(HERE, "data"))
    path = os.path.join(data, "corpus.txt")
    if not os.path.exists(path):
        maker = os.path.join(SHARED, "bench", "make_corpus.py")
        if not os.path.exists(maker):
            sys.exit(f"no {path} and no {maker}: set SHARED to the folder holding bench/make_corpus.py")
        os.makedirs(data, exist_ok=True)
        subprocess.run([sys.executable, maker, path], check=True)
    with open(path, encoding="utf-8") as f:
        text = f.read(int(mb * 1e6))
    return [d for d in text.split("\n\n") if d.strip()]


def read_part(path: str) -> pd.Series:
    """One partition: the documents of one file, with their global ids."""
    with open(path, encoding="utf-8") as f:
        part = json.load(f)
    ids = [f"d{part['start'] + i}" for i in range(len(part["docs"]))]
    return pd.Series(part["docs"], index=ids, dtype=object)


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--reps", type=int, default=3, help="rounds of the three warm modes (medians reported)")
    ap.add_argument("--gazetteer", default="default", help="'default' or a TSV file (id, label, alias)")
    ap.add_argument("--out", default=os.path.join(HERE, "results_dask.jsonl"))
    a = ap.parse_args()

    import dask
    import dask.dataframe as dd
    import distributed
    import saidwho as sw
    import saidwho.dask as swd

    docs = corpus(a.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    series = pd.Series(docs, index=[f"d{i}" for i in range(len(docs))], dtype=object)
    if a.gazetteer == "default":
        t_build, gaz = timed(sw.default_gazetteer)
        h = swd.handle()
    else:
        t_build, gaz = timed(lambda: sw.Gazetteer.from_tsv(a.gazetteer, case="insensitive"))
        h = swd.handle(gaz)
    print(f"corpus: {len(docs):,} documents, {mb:.1f} MB; gazetteer {a.gazetteer}: {len(gaz):,} entries, "
          f"built in {t_build:.2f} s on the driver; handle pickles to {len(__import__('pickle').dumps(h))} bytes")

    # Partitions are read by the workers from files (as from Parquet or text files in real use), so the task
    # graph carries file names, not 50 MB of text.
    part_dir = os.path.join(os.environ.get("BENCH_DATA", os.path.join(HERE, "data")), f"parts-{a.mb:g}-{a.partitions}")
    os.makedirs(part_dir, exist_ok=True)
    files = []
    bounds = [round(k * len(docs) / a.partitions) for k in range(a.partitions + 1)]
    for k in range(a.partitions):
        f = os.path.join(part_dir, f"part-{k:03d}.json")
        if not os.path.exists(f):
            with open(f, "w", encoding="utf-8") as out:
                json.dump({"start": bounds[k], "docs": docs[bounds[k]:bounds[k + 1]]}, out)
        files.append(f)
    d = dd.from_map(read_part, files, meta=series.iloc[:0])

    cluster = distributed.LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    client = distributed.Client(cluster)

    def cpu_now() -> float:
        """CPU seconds of this process and of every worker process (a shared machine inflates wall time)."""
        return time.process_time() + sum(client.run(time.process_time).values())

    def single(n_threads):
        c = sw.analyze_many(series, gazetteer=gaz, n_threads=n_threads, progress=False)
        return len(c.entities()), len(c.quotes())

    def on_dask():
        t = swd.analyze(d, h)
        e, q = dask.compute(t.entities, t.quotes)
        return len(e), len(q)

    runs = {"process_1_thread": lambda: single(1), "process_all_cores": lambda: single(None), "dask": on_dask}
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
    rows: dict[str, tuple] = {}
    try:
        c0 = cpu_now()
        cold, rows["dask_cold"] = timed(on_dask)  # the workers build the gazetteer here
        cold_cpu = cpu_now() - c0
        print(f"{'dask (cold)':>22}: {cold:7.2f} s  {mb / cold:6.2f} MB/s  {cold_cpu:7.2f} CPU s")
        for rep in range(a.reps):  # alternate the modes: the machine's load changes during a run
            for name, fn in runs.items():
                c0 = cpu_now()
                secs, rows[name] = timed(fn)
                cpu = cpu_now() - c0
                samples[name].append((secs, cpu))
                print(f"{name:>22}: {secs:7.2f} s  {mb / secs:6.2f} MB/s  {cpu:7.2f} CPU s  (round {rep + 1})")
        builds = client.run(swd.build_count, h.digest)
    finally:
        client.close()
        cluster.close()
    results = {"dask_cold": {"seconds": round(cold, 3), "cpu_seconds": round(cold_cpu, 3), "rows": rows["dask_cold"]}}
    for name, ss in samples.items():
        results[name] = {"seconds": round(statistics.median(x for x, _ in ss), 3),
                         "cpu_seconds": round(statistics.median(c for _, c in ss), 3), "rows": rows[name]}
    results["dask"]["builds_per_worker"] = sorted(builds.values())
    print(f"gazetteer builds per worker process: {sorted(builds.values())} "
          f"({a.partitions} partitions x {1 + a.reps} runs = {a.partitions * (1 + a.reps)} analysis tasks)")
    base = results["process_1_thread"]["seconds"]
    for name, r in results.items():
        r["speedup_vs_1_thread"] = round(base / r["seconds"], 2)
        r["cpu_per_mb"] = round(r["cpu_seconds"] / mb, 4)
    print("median wall-time speed-up vs one process, one thread: " + ", ".join(
        f"{k} {v['speedup_vs_1_thread']}x" for k, v in results.items() if k != "process_1_thread"))
    print("CPU seconds per MB: " + ", ".join(f"{k} {v['cpu_per_mb']}" for k, v in results.items()))
    same = len({tuple(r["rows"]) for r in results.values()}) == 1
    print(f"row counts equal across runs: {same}")
    record = {"bench": "dask", "mb": round(mb, 1), "documents": len(docs), "workers": a.workers, "reps": a.reps,
              "partitions": a.partitions, "gazetteer": a.gazetteer, "cores": os.cpu_count(), "rows_equal": same,
              "results": results, "time": time.strftime("%Y-%m-%d %H:%M:%S")}
    with open(a.out, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    if not same:
        sys.exit("row counts differ between runs")


if __name__ == "__main__":
    main()
