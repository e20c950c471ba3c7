#!/usr/bin/env python3
"""Resident memory of a built and of a loaded gazetteer (a sibling of memory_bench.py).

  python bench/gazetteer_memory.py [--sizes g250k,gmax]

For each size, two fresh processes: one builds ``Gazetteer.from_tsv(bench/data/<size>.tsv, case="insensitive")``,
the other loads the same gazetteer saved with ``save`` (the saved file is made once, in bench/data/). Each
reports its resident set (``VmRSS``) after ``import saidwho`` and after building / loading, and its peak
(``VmHWM``); the gazetteer's cost is the difference of the two RSS figures.
To compare two builds, run it with each installed (or with PYTHONPATH pointing at the other one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def status(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB -> MiB
    return float("nan")


def child(size: str, how: str, data: str) -> dict:
    import gc

    import saidwho as sw

    gc.collect()
    before = status("VmRSS")
    tsv = os.path.join(data, f"{size}.tsv")
    if how == "build":
        g = sw.Gazetteer.from_tsv(tsv, case="insensitive")
    else:
        g = sw.Gazetteer.load(os.path.join(data, f"{size}.swg"))
    gc.collect()
    after = status("VmRSS")
    return {"size": size, "how": how, "entries": len(g), "aliases": g.n_aliases,
            "rss_mib": round(after - before, 1), "peak_mib": round(status("VmHWM"), 1),
            "saidwho": sw.__file__}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="g250k,gmax")
    ap.add_argument("--data", default=os.environ.get("BENCH_DATA", os.path.join(HERE, "data")))
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child[0], a.child[1], a.data)))
        return
    for size in a.sizes.split(","):
        swg = os.path.join(a.data, f"{size}.swg")
        if not os.path.exists(swg):
            import saidwho as sw

            sw.Gazetteer.from_tsv(os.path.join(a.data, f"{size}.tsv"), case="insensitive").save(swg)
        for how in ("build", "load"):
            out = subprocess.run([sys.executable, __file__, "--data", a.data, "--child", size, how],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out)
            print(f"{size} {how:<5} {r['entries']:>9,} entries {r['aliases']:>9,} aliases: "
                  f"+{r['rss_mib']:7.1f} MiB RSS (peak {r['peak_mib']:7.1f} MiB)",
                  flush=True)


if __name__ == "__main__":
    main()
