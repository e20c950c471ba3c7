"""Quote extraction benchmark: quality on PolNeAR train and dev, speed on the shared corpus, linear time.

    python bench/quotes_bench.py                      # everything (needs ../shared; builds /tmp corpora)
    python bench/quotes_bench.py --quality            # PolNeAR figures only
    python bench/quotes_bench.py --speed --repeat 3   # speed only: 50 MB corpus, 1 thread and all threads
    python bench/quotes_bench.py --linear             # 1, 10, 100 MB texts, one document each

Quality uses the scoring functions of ../shared/eval/polnear_score.py (quote P/R/F1 on spans inside quotation
marks, speaker accuracy, who-said-what F1); nothing from PolNeAR is copied into the repository. Speed is MB/s of
UTF-8 text, end to end from Python (str in, Quote objects or a DataFrame out), median of --repeat runs; the
scorer's regex baseline ("naive") runs on the same documents in the same process for a side-by-side ratio.
The machine is shared: compare ratios, not absolute figures. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import saidwho as sw

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SCORER = SHARED / "eval" / "polnear_score.py"
POLNEAR = SHARED / "eval" / "polnear"
MAKE_CORPUS = SHARED / "bench" / "make_corpus.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def quality(split: str) -> dict:
    ps = load_scorer()
    split_dir = POLNEAR / split
    anns = {}
    for ann in sorted(glob.glob(str(split_dir / "attributions" / "*.ann"))):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", os.path.basename(ann)), ann)
    n_gold = n_pred = n_match = n_spk_total = n_spk_ok = n_wsw = 0
    chars = 0
    secs = 0.0
    for art, ann in sorted(anns.items()):
        text = (split_dir / "text" / (art + ".txt")).read_text(encoding="utf-8")
        gold = ps.gold_of(text, ann)
        t0 = time.perf_counter()
        quotes = sw.extract_quotes(text)
        secs += time.perf_counter() - t0
        chars += len(text)
        preds = [q for q in quotes if q.kind not in ("scare", "indirect")]
        n_gold += len(gold)
        n_pred += len(preds)
        for q in preds:
            key = ps.norm_span(text, q.start, q.end)
            if key not in gold:
                continue
            n_match += 1
            src = gold[key]
            if src:
                n_spk_total += 1
                ok = q.speaker is not None and ps.overlaps(src, q.speaker.start, q.speaker.end)
                n_spk_ok += ok
            else:
                ok = q.speaker is None
            n_wsw += ok

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    qp, qr = n_match / max(n_pred, 1), n_match / max(n_gold, 1)
    wp, wr = n_wsw / max(n_pred, 1), n_wsw / max(n_gold, 1)
    return {
        "articles": len(anns),
        "gold": n_gold,
        "predicted": n_pred,
        "quote_p": qp,
        "quote_r": qr,
        "quote_f1": f1(qp, qr),
        "speaker_acc": n_spk_ok / max(n_spk_total, 1),
        "who_said_what_f1": f1(wp, wr),
        "chars_per_s": chars / max(secs, 1e-9),
    }


def corpus(mb: int) -> str:
    path = Path(f"/tmp/saidwho_corpus_{mb}mb.txt")
    if not path.exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(path), str(mb)], check=True, stdout=subprocess.DEVNULL)
    return path.read_text(encoding="utf-8")


def timed(f, repeat: int) -> float:
    return timed2(f, repeat)[0]


def timed2(f, repeat: int) -> tuple[float, float]:
    """Median wall-clock and process CPU seconds of `repeat` runs (CPU time sums all threads)."""
    walls, cpus = [], []
    for _ in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        f()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def speed(repeat: int) -> None:
    text = corpus(50)
    docs = text.split("\n\n")
    mb = len(text.encode("utf-8")) / 1e6
    print(f"\nspeed: {mb:.1f} MB, {len(docs)} documents, median of {repeat} (MB/s of UTF-8 text)")
    ps = load_scorer()
    naive = ps.predictor("naive")
    n_threads = os.cpu_count() or 1
    rows = [
        ("saidwho extract_quotes, per document (1 thread)", lambda: [sw.extract_quotes(d) for d in docs]),
        ("saidwho extract_quotes_batch, n_threads=1", lambda: sw.extract_quotes_batch(docs, n_threads=1)),
        (f"saidwho extract_quotes_batch, all {n_threads} threads", lambda: sw.extract_quotes_batch(docs)),
        ("scorer's regex baseline 'naive' (no attribution model)", lambda: [naive(d) for d in docs]),
    ]
    base = None
    for name, f in rows:
        s, c = timed2(f, repeat)
        base = base or s
        print(f"  {name:<58} {mb / s:8.1f} MB/s wall {mb / c:8.1f} MB/s CPU   (x{base / s:.2f} vs first row)")
    print("  (CPU time sums threads; on a busy machine wall-clock MB/s understates single-core speed)")


def linear(repeat: int) -> None:
    print("\nlinear time: one document of n MB (text of the shared corpus), extract_quotes, MB/s")
    full = corpus(100)
    for n in (1, 10, 100):
        text = full[: n * 1_000_000]
        mb = len(text.encode("utf-8")) / 1e6
        s = timed(lambda t=text: sw.extract_quotes(t), repeat if n < 100 else 1)
        print(f"  {n:>4} MB: {mb / s:8.1f} MB/s  ({s:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quality", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--linear", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    everything = not (args.quality or args.speed or args.linear)
    if not SHARED.exists():
        sys.exit("../shared is absent: nothing to measure")
    if everything or args.quality:
        print("quality on PolNeAR (../shared/eval/polnear_score.py conventions)")
        for split in ("train", "dev"):
            r = quality(split)
            print(
                f"  {split:<5} articles={r['articles']} gold={r['gold']} predicted={r['predicted']} "
                f"quote P/R/F1={r['quote_p']:.4f}/{r['quote_r']:.4f}/{r['quote_f1']:.4f} "
                f"speaker_acc={r['speaker_acc']:.4f} who_said_what_f1={r['who_said_what_f1']:.4f} "
                f"({r['chars_per_s'] / 1e6:.1f} M chars/s)"
            )
    if everything or args.speed:
        speed(args.repeat)
    if everything or args.linear:
        linear(args.repeat)


if __name__ == "__main__":
    main()
