#!/usr/bin/env python3
"""Rough figures of saidwho.Gazetteer for the gazetteer engine (not the benchmark: bench/ runs the peers
side by side). Wall and CPU time are both shown because the machine is shared.

Usage: python3 /work/shared/bench/make_corpus.py /tmp/corpus.txt 50
       mkdir -p /tmp/bench && cp ../shared/bench/g1k.tsv ../shared/bench/g30k.tsv /tmp/bench/
       xz -dc ../shared/bench/g250k.tsv.xz > /tmp/bench/g250k.tsv   (gmax likewise, for the load figure)
       python scripts/gazetteer_figures.py [--corpus /tmp/corpus.txt] [--data /tmp/bench]
"""

import argparse
import os
import pickle
import tempfile
import time

import saidwho as sw


def timed(f, repeat=1):
    best_w = best_c = float("inf")
    out = None
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        out = f()
        best_w, best_c = min(best_w, time.perf_counter() - w), min(best_c, time.process_time() - c)
    return out, best_w, best_c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/tmp/corpus.txt")
    ap.add_argument("--data", default="/tmp/bench")
    ap.add_argument("--sizes", default="g1k,g30k,g250k")
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        text = f.read()
    mb = len(text.encode("utf-8")) / 1e6
    docs = [d for d in text.split("\n\n") if d]
    print(f"corpus {mb:.1f} MB, {len(docs)} documents")
    for size in args.sizes.split(","):
        path = os.path.join(args.data, f"{size}.tsv")
        g, bw, bc = timed(lambda p=path: sw.Gazetteer.from_tsv(p, case="insensitive"))
        spans, w, c = timed(lambda g=g: g.find_spans(text), repeat=3)
        print(
            f"{size}: {len(g)} entries, {g.n_aliases} aliases; from_tsv {bw:.2f}s wall / {bc:.2f}s cpu; "
            f"find_spans {mb / w:.1f} MB/s wall, {mb / c:.1f} MB/s cpu, {len(spans)} matches; "
            f"pickle {len(pickle.dumps(g)) / 1e6:.1f} MB"
        )
        del spans
        for n in (1, 2):
            df, w, c = timed(lambda g=g, n=n: g.find_batch(docs, n_threads=n), repeat=2)
            print(
                f"  find_batch n_threads={n}: {mb / w:.1f} MB/s wall ({w:.2f}s, cpu {c:.2f}s), {len(df)} rows"
            )
    gmax = os.path.join(args.data, "gmax.tsv")
    if os.path.exists(gmax):
        g, bw, bc = timed(lambda: sw.Gazetteer.from_tsv(gmax, case="insensitive"))
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "gmax.swg")
            g.save(p)
            size = os.path.getsize(p)
            del g
            g, lw, lc = timed(lambda: sw.Gazetteer.load(p), repeat=3)
        print(
            f"gmax: {len(g)} entries, {g.n_aliases} aliases; from_tsv {bw:.2f}s wall / {bc:.2f}s cpu; "
            f"saved {size / 1e6:.1f} MB; load {lw:.2f}s wall / {lc:.2f}s cpu"
        )


if __name__ == "__main__":
    main()
