#!/usr/bin/env python3
"""Explain the difference between two match dumps of the harness (``peers_bench.py worker ... --dump F``).

  python bench/diff_dumps.py bench/data/peer.tsv bench/data/sw.tsv [--corpus bench/data/corpus.txt] [--top 15]

A dump has one ``start<TAB>end<TAB>key`` line per match (str offsets into corpus.txt). Prints how many spans
only one side found, the most frequent matched texts among them (so a systematic cause, such as apostrophe
normalisation or case folding, stands out), and a few examples with their context.
"""

import argparse
import collections


def read_dump(path):
    with open(path, encoding="utf-8") as f:
        return {(int(s), int(e)): k for s, e, k in (line.rstrip("\n").split("\t") for line in f if line.strip())}


def show(text, s, e, width=40):
    left = text[max(0, s - width):s].replace("\n", "⏎")
    right = text[e:e + width].replace("\n", "⏎")
    return f"{left}[{text[s:e]}]{right}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--corpus", default="bench/data/corpus.txt")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    a, b = read_dump(args.a), read_dump(args.b)
    with open(args.corpus, encoding="utf-8") as f:
        text = f.read()
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    print(f"{args.a}: {len(a):,} matches; {args.b}: {len(b):,} matches; difference {len(b) - len(a):+,}")
    print(f"same spans: {len(set(a) & set(b)):,}; only in A: {len(only_a):,}; only in B: {len(only_b):,}")
    for name, only in (("A", only_a), ("B", only_b)):
        if not only:
            continue
        freq = collections.Counter(text[s:e] for s, e in only)
        print(f"\nonly in {name}, most frequent texts:")
        for t, n in freq.most_common(args.top):
            print(f"  {n:7,}  {t!r}")
        print(f"only in {name}, examples:")
        step = max(1, len(only) // args.examples)
        for s, e in only[::step][: args.examples]:
            print(f"  {s}-{e}: {show(text, s, e)}")


if __name__ == "__main__":
    main()
