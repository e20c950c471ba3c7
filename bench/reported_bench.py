#!/usr/bin/env python3
"""Reported speech (quotes of kind "indirect") on PolNeAR, scored with ../shared/eval/polnear_score.py --indirect.

    python bench/reported_bench.py                  # train and dev: saidwho, and the scorer's regex floor
    python bench/reported_bench.py --split dev

The scorer's own functions do the scoring (its docstring gives the gold and the matching rule: word-token Jaccard
>= 0.5, one to one; a prediction matching any other annotated Content is no error). For each split it prints
content P/R/F1, exact F1, speaker accuracy and who-said-what F1 for saidwho (default gazetteer), for saidwho
without its mixed quotes (indirect quotes holding quotation marks: the scorer counts them in who-said-what
precision although they are never recall targets) and, in the same run, for the scorer's plain-regex floor
(``--predictor naive``). Nothing from PolNeAR is copied into the repository;
without ../shared the script says so and exits 0. Speed: bench/wheel_ab.py (old wheel vs new, one thread).
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import os
import re
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCORER = SHARED / "eval" / "polnear_score.py"
POLNEAR = SHARED / "eval" / "polnear"


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(ps, split: str, predict) -> dict:
    d = POLNEAR / split
    anns: dict[str, str] = {}
    for ann in sorted(glob.glob(str(d / "attributions" / "*.ann"))):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", os.path.basename(ann)), ann)
    acc = {"gold": 0, "predicted": 0, "matched": 0, "correct_pred": 0, "exact": 0, "spk_ok": 0}
    secs = chars = 0.0
    for art, ann in sorted(anns.items()):
        text = (d / "text" / (art + ".txt")).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        preds = predict(text)
        secs += time.perf_counter() - t0
        chars += len(text)
        acc["_ann"] = ann
        ps.score_indirect(text, preds, acc)

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    n_pred, n_gold = max(acc["predicted"], 1), max(acc["gold"], 1)
    p, r = acc["correct_pred"] / n_pred, acc["matched"] / n_gold
    return {"gold": acc["gold"], "predicted": acc["predicted"], "content_p": p, "content_r": r,
            "content_f1": f1(p, r), "exact_f1": f1(acc["exact"] / n_pred, acc["exact"] / n_gold),
            "speaker_acc": acc["spk_ok"] / max(acc["matched"], 1),
            "who_said_what_f1": f1(acc["spk_ok"] / n_pred, acc["spk_ok"] / n_gold),
            "mchars_per_s": chars / max(secs, 1e-9) / 1e6}


MARKS = re.compile(r"[\"“”„«»]|''")


def without_mixed(predict):
    """The predictor's output less its indirect quotes that hold quotation marks."""
    def run(text):
        return [p for p in predict(text)
                if not (p["kind"] == "indirect" and MARKS.search(text, p["start"], p["end"]))]
    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["train", "dev"], action="append")
    args = ap.parse_args()
    if not SCORER.exists():
        print("../shared is absent: nothing to measure")
        return 0
    ps = load_scorer()
    for split in args.split or ["train", "dev"]:
        for name in ("saidwho", "no-mixed", "naive"):
            r = score(ps, split, without_mixed(ps.predictor("saidwho")) if name == "no-mixed" else ps.predictor(name))
            print(f"{split:<5} {name:<8} gold={r['gold']} predicted={r['predicted']} "
                  f"content P/R/F1={r['content_p']:.3f}/{r['content_r']:.3f}/{r['content_f1']:.3f} "
                  f"exact F1={r['exact_f1']:.3f} speaker={r['speaker_acc']:.3f} "
                  f"who-said-what F1={r['who_said_what_f1']:.3f} ({r['mchars_per_s']:.1f} M chars/s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
