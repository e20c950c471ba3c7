"""Analyse news articles: entities, people and who said what.

Usage: python examples/analyze.py FILE.txt [FILE.txt ...]
"""
from __future__ import annotations

import sys

import saidwho as sw


def main(paths: list[str]) -> None:
    gaz = sw.default_gazetteer()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        doc = sw.analyze(text, gazetteer=gaz)
        print(f"=== {path}: {len(text):,} chars")
        counts: dict[tuple[str, str], int] = {}
        for m in doc.entities:
            counts[(m.label, m.name)] = counts.get((m.label, m.name), 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
        print("entities:", ", ".join(f"{name} ({label}) x{n}" for (label, name), n in top))
        print("people:  ", ", ".join(f"{p.name} x{len(p.mentions)}" for p in doc.people))
        print("who said what:")
        for q in doc.quotes:
            if q.kind == "scare":
                continue
            who = q.speaker_name or (q.speaker.text if q.speaker else "?")
            cue = q.cue.text if q.cue else "-"
            snippet = q.text if len(q.text) <= 70 else q.text[:67] + "..."
            print(f"  [{q.kind:8}] {who:22} {cue:14} “{snippet}”")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
