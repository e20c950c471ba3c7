#!/usr/bin/env python3
"""Precision report of the default gazetteer: the most frequent matched aliases per label on a corpus.

    python3 /work/shared/bench/make_corpus.py /tmp/corpus.txt 50      # the 50 MB benchmark corpus
    .venv/bin/python bench/default_gazetteer_report.py /tmp/corpus.txt [--top 50] [--json out.json]

Common-word false positives ("Long", "Nice", "Price", "May") show up at the top of such lists, so this is the
place to look after changing the data (scripts/build_default_gazetteer.py). Uses ``saidwho.default_gazetteer()``
when the Rust engine is available, otherwise (``--standin`` forces it) the pure-Python stand-in matcher in
scripts/standin_matcher.py over the same shipped records. Documents (separated by blank lines) repeat in the
benchmark corpus, so each distinct document is matched once and its counts multiplied: the counts are those of
the whole file.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_matcher(force_standin: bool):
    if not force_standin:
        try:
            import saidwho as sw

            if hasattr(sw, "Gazetteer") and hasattr(sw, "default_gazetteer"):
                return "saidwho engine", sw.default_gazetteer().find
        except ImportError:
            pass
    sys.path.insert(0, str(ROOT / "scripts"))
    from standin_matcher import StandinMatcher

    path = ROOT / "python" / "saidwho" / "data" / "default_gazetteer.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return "stand-in matcher (scripts/standin_matcher.py)", StandinMatcher(records).find


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--standin", action="store_true", help="use the stand-in matcher even if the engine exists")
    ap.add_argument("--json", type=Path, help="also write the full counts here")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus} not found: python3 ../shared/bench/make_corpus.py {args.corpus} 50", file=sys.stderr)
        return 2

    engine, find = load_matcher(args.standin)
    text = args.corpus.read_text(encoding="utf-8")
    docs = collections.Counter(d for d in text.split("\n\n") if d.strip())
    t0 = time.perf_counter()
    by_label: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    ids: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for doc, times in docs.items():
        for m in find(doc):
            by_label[m.label][m.text] += times
            ids[(m.label, m.text)][m.id] += times
    secs = time.perf_counter() - t0
    mb = len(text.encode("utf-8")) / 1e6
    print(f"# default gazetteer report: {args.corpus} ({mb:.1f} MB, {sum(docs.values())} documents, "
          f"{len(docs)} distinct), engine: {engine}, matched distinct documents in {secs:.1f} s")
    totals = {lab: sum(c.values()) for lab, c in by_label.items()}
    print("# matches per label: " + ", ".join(f"{lab} {n}" for lab, n in sorted(totals.items())))
    for label in sorted(by_label):
        print(f"\n## {label}: {totals[label]} matches, {len(by_label[label])} distinct texts; top {args.top}")
        for alias, n in by_label[label].most_common(args.top):
            top_id = ids[(label, alias)].most_common(1)[0][0]
            print(f"{n:8d}  {alias:<30s} {top_id}")
    if args.json:
        out = {lab: dict(c.most_common()) for lab, c in by_label.items()}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
