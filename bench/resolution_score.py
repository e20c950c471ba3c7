"""Speaker resolution on PolNeAR: is a quote's ``speaker_name`` the person or organisation its Source refers to?

    python bench/resolution_score.py                 # bench/resolution_sample.tsv on PolNeAR train
    python bench/resolution_score.py --verbose       # ... and every miss
    python bench/resolution_score.py --json          # the figures as one JSON line

PolNeAR's gold gives a quote's Source as the local mention ("he", "the Florida senator"), so
``polnear_score.py``'s speaker accuracy says whether saidwho found the mention, not whom it resolved it to.
``bench/resolution_sample.tsv`` holds hand-annotated referents for quotes whose Source is a pronoun or a
description (offsets and names only; its header gives the annotation conventions). For each row this finds
saidwho's quote at the row's span (spans compared after the scorer's ``norm_span``: marks, spaces and edge
punctuation stripped; quotes of kind "scare" and "indirect" count too, so that ``found`` measures the span,
not the kind) and counts it correct when its ``speaker_name`` names the referent:

    name(x)   casefold, accents and periods dropped, curly apostrophes straightened, a leading "the" and
              honorifics (Mr, Mrs, Ms, Miss, Dr) dropped, one-letter initials dropped ("Harry M. Reid" = "Harry Reid")
    correct   name(speaker_name) equals name(referent) or name(an alias); or the referent is a person and
              speaker_name is one word equal to the referent's surname (its last word, not Jr/Sr/II/III).
              Anything else is wrong: no partial credit ("Clinton" for the Hillary Clinton campaign, a first
              name, the wrong person, no name at all).

Reported: n (rows), found (a saidwho quote at that span), mention (its speaker span overlaps the gold Source, as
polnear_score.py's speaker accuracy counts it), correct, and resolved accuracy over all rows and over found rows,
each split by the Source's form (pronoun / description). Nothing from PolNeAR is copied into the repository:
without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import glob
import importlib.util
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SCORER = SHARED / "eval" / "polnear_score.py"
POLNEAR = SHARED / "eval" / "polnear"
SAMPLE = ROOT / "bench" / "resolution_sample.tsv"

COLUMNS = ["article", "quote_start", "quote_end", "referent", "aliases", "form", "entity"]
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def read_sample(path: Path = SAMPLE) -> list[dict]:
    """The sample's rows as dicts (offsets as int, aliases as a list); '#' lines are comments."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if reader.fieldnames != COLUMNS:
        raise ValueError(f"{path}: columns {reader.fieldnames}, expected {COLUMNS}")
    rows = []
    for r in reader:
        r["quote_start"], r["quote_end"] = int(r["quote_start"]), int(r["quote_end"])
        r["aliases"] = [a for a in r["aliases"].split("|") if a]
        rows.append(r)
    return rows


def name_key(s: str | None) -> str:
    """The comparison form of a name (see the module docstring)."""
    if not s:
        return ""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold().replace("’", "'").replace("‘", "'").replace(".", " ")
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(w for w in words if len(w) > 1 or not w.isalpha())


def surname(referent: str) -> str:
    words = [w for w in name_key(referent).split() if w not in SUFFIXES]
    return words[-1] if words else ""


def is_correct(pred: str | None, row: dict) -> bool:
    p = name_key(pred)
    if not p:
        return False
    if p in {name_key(row["referent"]), *map(name_key, row["aliases"])}:
        return True
    return row["entity"] == "person" and " " not in p and p == surname(row["referent"])


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def first_annotations(split_dir: Path) -> dict[str, str]:
    """Article id -> its first annotator's .ann file (as polnear_score.py picks it)."""
    anns: dict[str, str] = {}
    for ann in sorted(glob.glob(str(split_dir / "attributions" / "*.ann"))):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", os.path.basename(ann)), ann)
    return anns


def score(split: str = "train", sample: Path = SAMPLE, extract=None) -> dict:
    """Figures for ``extract`` (default ``saidwho.extract_quotes``) on the sample; ``misses`` lists the errors."""
    if extract is None:
        import saidwho as sw

        extract = sw.extract_quotes
    ps = load_scorer()
    split_dir = POLNEAR / split
    rows = read_sample(sample)
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    anns = first_annotations(split_dir)
    tally = {
        form: dict.fromkeys(("n", "found", "mention", "correct"), 0) for form in ("pronoun", "description")
    }
    misses = []
    for art, arows in sorted(by_article.items()):
        path = split_dir / "text" / f"{art}.txt"
        if not path.exists():
            raise SystemExit(
                f"{sample.name}: article {art} is not in PolNeAR {split} (the sample is of train)"
            )
        text = path.read_text(encoding="utf-8")
        quotes = {ps.norm_span(text, q.start, q.end): q for q in extract(text)}
        gold = ps.gold_of(text, anns[art])
        for r in arows:
            t = tally[r["form"]]
            t["n"] += 1
            q = quotes.get((r["quote_start"], r["quote_end"]))
            if q is not None:
                t["found"] += 1
            src = gold.get((r["quote_start"], r["quote_end"]))
            mention = bool(
                q is not None
                and q.speaker is not None
                and src
                and ps.overlaps(src, q.speaker.start, q.speaker.end)
            )
            t["mention"] += mention
            ok = q is not None and is_correct(q.speaker_name, r)
            t["correct"] += ok
            if not ok:
                misses.append(
                    {
                        "article": art,
                        "quote_start": r["quote_start"],
                        "quote_end": r["quote_end"],
                        "form": r["form"],
                        "referent": r["referent"],
                        "found": q is not None,
                        "mention_ok": mention,
                        "kind": q.kind if q is not None else None,
                        "speaker": q.speaker.text if q is not None and q.speaker is not None else None,
                        "speaker_name": q.speaker_name if q is not None else None,
                    }
                )

    def figures(t):
        return {
            "n": t["n"],
            "found": t["found"],
            "mention": t["mention"],
            "correct": t["correct"],
            "accuracy": round(t["correct"] / max(t["n"], 1), 4),
            "accuracy_found": round(t["correct"] / max(t["found"], 1), 4),
        }

    total = {k: sum(t[k] for t in tally.values()) for k in ("n", "found", "mention", "correct")}
    return {
        "split": split,
        "all": figures(total),
        "pronoun": figures(tally["pronoun"]),
        "description": figures(tally["description"]),
        "misses": misses,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train", help="PolNeAR split the sample was drawn from (train)")
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = ap.parse_args(argv)
    if not (SCORER.exists() and (POLNEAR / args.split / "text").is_dir()):
        print(f"skipped: {SHARED.resolve()}/eval (PolNeAR and its scorer) is absent")
        return 0
    res = score(args.split, args.sample)
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k != "misses"}))
        return 0
    print(f"speaker resolution on PolNeAR {args.split}, {args.sample.name}")
    print(
        f"{'':>12} {'n':>5} {'found':>6} {'mention':>8} {'correct':>8} {'acc (all)':>10} {'acc (found)':>12}"
    )
    for key in ("all", "pronoun", "description"):
        f = res[key]
        print(
            f"{key:>12} {f['n']:>5} {f['found']:>6} {f['mention']:>8} {f['correct']:>8} {f['accuracy']:>10.3f} "
            f"{f['accuracy_found']:>12.3f}"
        )
    if args.verbose:
        print(f"\nmisses ({len(res['misses'])}): article quote_start-quote_end form | gold -> predicted")
        for m in res["misses"]:
            pred = (
                "no quote at this span"
                if not m["found"]
                else f"speaker {m['speaker']!r}{'' if m['mention_ok'] else ' (not the gold Source)'}"
                f" -> speaker_name {m['speaker_name']!r} (kind {m['kind']})"
            )
            print(
                f"  {m['article']} {m['quote_start']}-{m['quote_end']} {m['form']} | "
                f"{m['referent']!r} -> {pred}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
