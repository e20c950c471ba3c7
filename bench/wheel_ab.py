#!/usr/bin/env python3
"""Two saidwho wheels side by side in one run: the same job, alternating rounds, one thread, as a ratio.

  python3 ../shared/bench/make_corpus.py /tmp/corpus.txt 50          # once: the 50 MB bench corpus
  python3 bench/wheel_ab.py --old OLD.whl --new NEW.whl [--corpus /tmp/corpus.txt] [--rounds 3]
                            [--job analyze|extract_quotes_batch] [--new-args reported=False]

Each wheel is installed (once, with pandas) into its own virtualenv under ``--venvs`` (default
/tmp/saidwho-ab). Every round runs the old and then the new wheel in fresh processes: a process reads the
corpus, splits it into documents at blank lines, loads the default gazetteer and warms up (not timed), then
times the job on one thread — ``analyze_many(docs, n_threads=1, progress=False)`` or
``extract_quotes_batch(docs, n_threads=1)``. It prints MB/s (wall clock and CPU time; the median over rounds), peak
RSS, the number of quotes, and new/old ratios. Alternating rounds in one run keeps a shared machine's load
about equal for both; compare the ratios, not the absolute MB/s. Nothing is asserted.

``--callgrind --docs 300`` instead counts instructions (valgrind's callgrind) of the job on the first 300
documents, once per wheel, minus a run that only loads (same documents, same gazetteer): a figure that does not
depend on what else the machine is doing.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

WORKER = r"""
import json, resource, sys, time
import saidwho as sw
path, job, extra, ndocs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
text = open(path, encoding="utf-8").read()
docs = [d for d in text.split("\n\n") if d.strip()][: ndocs or None]
mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
gaz = sw.default_gazetteer()
if job == "analyze":
    run = lambda ds: sw.analyze_many(ds, n_threads=1, progress=False, **extra).quotes()
else:
    run = lambda ds: sw.extract_quotes_batch(ds, n_threads=1, **extra)
if job == "load":
    sys.exit(0)
run(docs[:50])
t0, c0 = time.perf_counter(), time.process_time()
q = run(docs)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
kinds = {str(k): int(v) for k, v in q["kind"].value_counts().items()}
print(json.dumps(dict(mb=mb, wall=wall, cpu=cpu, quotes=len(q), kinds=kinds,
                      rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""


def venv_python(root: Path, name: str, wheel: str) -> str:
    """A virtualenv with `wheel` installed (reinstalled when the wheel file changed)."""
    env = root / name
    py = env / "bin" / "python"
    stamp = env / "wheel.txt"
    key = f"{os.path.abspath(wheel)} {os.path.getmtime(wheel)}"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "pandas", "tqdm"], check=True)
    if not stamp.exists() or stamp.read_text() != key:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", wheel], check=True)
        stamp.write_text(key)
    return str(py)


def callgrind(args, pys, extra, env) -> int:
    import re
    import tempfile

    def count(py: str, job: str, kw: dict) -> int:
        out = tempfile.mktemp(prefix="cg.")
        r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", py, "-c", WORKER,
                            args.corpus, job, json.dumps(kw), str(args.docs or 300)],
                           capture_output=True, text=True, env=env, check=False)
        os.unlink(out)
        return int(re.search(r"Collected : (\d+)", r.stderr).group(1))

    n = {}
    for name in ("old", "new"):
        base = count(pys[name], "load", {})
        n[name] = count(pys[name], args.job, extra[name]) - base
        print(f"{name}: {n[name]:,} instructions for {args.job} of {args.docs or 300} documents", flush=True)
    print(f"new/old instructions = {n['new'] / n['old']:.3f} (speed ratio {n['old'] / n['new']:.3f})")
    return 0


def kwargs(items: list[str]) -> dict:
    out = {}
    for it in items:
        k, _, v = it.partition("=")
        out[k] = {"True": True, "False": False}.get(v, v)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the wheel before the change")
    ap.add_argument("--new", required=True, help="the wheel after the change")
    ap.add_argument("--corpus", default="/tmp/corpus.txt")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--job", choices=["analyze", "extract_quotes_batch"], default="analyze")
    ap.add_argument("--new-args", nargs="*", default=[], help="keyword arguments for the new wheel's call only")
    ap.add_argument("--venvs", default="/tmp/saidwho-ab")
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--callgrind", action="store_true", help="count instructions instead of timing")
    args = ap.parse_args()
    root = Path(args.venvs)
    root.mkdir(parents=True, exist_ok=True)
    pys = {"old": venv_python(root, "old", args.old), "new": venv_python(root, "new", args.new)}
    extra = {"old": {}, "new": kwargs(args.new_args)}
    env = dict(os.environ, OPENBLAS_NUM_THREADS=os.environ.get("OPENBLAS_NUM_THREADS", "1"))
    if args.callgrind:
        return callgrind(args, pys, extra, env)
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    for r in range(args.rounds):
        for name in ("old", "new"):
            out = subprocess.run([pys[name], "-c", WORKER, args.corpus, args.job, json.dumps(extra[name]),
                                  str(args.docs)],
                                 check=True, capture_output=True, text=True, env=env).stdout
            res = json.loads(out.strip().splitlines()[-1])
            runs[name].append(res)
            print(f"round {r + 1} {name}: {res['mb'] / res['wall']:.1f} MB/s wall, {res['mb'] / res['cpu']:.1f} "
                  f"MB/CPU-s, {res['quotes']:,} quotes {res['kinds']}, peak RSS {res['rss_mb']:.0f} MB",
                  flush=True)
    med = {n: (statistics.median(x["mb"] / x["wall"] for x in v), statistics.median(x["mb"] / x["cpu"] for x in v))
           for n, v in runs.items()}
    load = os.getloadavg()[0]
    print(f"\n{args.job}, one thread, {runs['old'][0]['mb']:.1f} MB, {args.rounds} rounds, load {load:.1f}")
    print(f"old {med['old'][0]:.1f} MB/s ({med['old'][1]:.1f} MB/CPU-s)   new {med['new'][0]:.1f} MB/s "
          f"({med['new'][1]:.1f} MB/CPU-s)   new/old = {med['new'][0] / med['old'][0]:.3f} wall, "
          f"{med['new'][1] / med['old'][1]:.3f} CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
