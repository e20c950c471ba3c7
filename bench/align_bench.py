"""Benchmark and quality check of quote alignment (saidwho.align.cluster_quotes).

  python bench/align_bench.py planted [--quotes 1000000] [--corpus /tmp/corpus.txt] [--threads N]
  python bench/align_bench.py polnear [--sample 40] [--judge]

``planted``: about 1M quotes derived from real English prose (the shared 50 MB benchmark corpus, written by
``../shared/bench/make_corpus.py`` if missing; its repeated documents are used once). A base quote is a
sentence or two clauses joined, with a synthetic speaker (a few very prolific speakers, a long tail); about a
third of the bases get copies perturbed the way outlets differ: surface changes (case, punctuation, quote
marks), one or two changed words, an elided middle ("…"), truncation, a short fragment (2–4 words, most of
them in the article of the full version), or two overlapping excerpts without the full version; a few copies
lose their speaker. Every other quote is in an article of its own. Reports wall time and the
extra peak memory of the call, and recall/precision of the planted clusters (pairwise, and per kind of copy).
Bases share clauses by construction, so some merges the planted truth calls false are text-wise justified.

``polnear``: clusters the gold quote fragments of PolNeAR (inside quote marks within attributed Content, read
as ../shared/eval/polnear_score.py reads them) across its 924 articles, speaker key = the last capitalised word
of the Source that is not a title or function word ("Mr. Trump" -> "trump"; pronouns, common nouns ->
unknown). Prints a fixed random sample of
the clusters with two or more documents for judging; with --judge asks y/n for each and prints the precision.
Skips cleanly when ../shared is absent. Nothing of PolNeAR is written anywhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from saidwho import _saidwho
from saidwho.align import cluster_quotes, summarize_clusters

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT / ".." / "shared"
if not SHARED.exists():
    SHARED = pathlib.Path("/work/shared")


# --------------------------------------------------------------------------------------------- memory
def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRss:
    """Samples the resident set size every 5 ms while active; .peak is the highest seen."""

    def __enter__(self):
        self.base = self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())


# --------------------------------------------------------------------------------------------- planted
SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z])")
CLAUSE = re.compile(r"\s*[,;:]\s+")
WORD = re.compile(r"\w+(?:[’']\w+)?")


def load_units(corpus: pathlib.Path) -> tuple[list[str], list[str], list[str]]:
    """Unique sentences and clauses of the corpus's unique documents, plus a vocabulary for word changes."""
    if not corpus.exists():
        maker = SHARED / "bench" / "make_corpus.py"
        if not maker.exists():
            sys.exit(f"{corpus} is missing and {maker} is not there to write it")
        subprocess.run([sys.executable, str(maker), str(corpus), "50"], check=True)
    text = corpus.read_text(encoding="utf-8")
    docs = list(dict.fromkeys(d for d in text.split("\n\n") if d.strip()))
    sentences, clauses, vocab = {}, {}, Counter()
    for doc in docs:
        for para in doc.split("\n"):
            for s in SENTENCE.split(para):
                s = s.strip()
                n = len(WORD.findall(s))
                if 5 <= n <= 45:
                    sentences[s] = None
                for c in CLAUSE.split(s):
                    c = c.strip(' .!?"“”')
                    words = WORD.findall(c)
                    if 4 <= len(words) <= 25:
                        clauses[c] = None
                    vocab.update(w.lower() for w in words if len(w) >= 4)
    return list(sentences), list(clauses), [w for w, _ in vocab.most_common(20000)]


def make_planted(n_quotes: int, corpus: pathlib.Path, seed: int = 42) -> pd.DataFrame:
    sentences, clauses, vocab = load_units(corpus)
    print(f"corpus units: {len(sentences):,} unique sentences, {len(clauses):,} unique clauses")
    rnd = random.Random(seed)
    nrng = np.random.default_rng(seed)
    texts, speakers, truth, kinds = [], [], [], []

    def speaker() -> str:
        if rnd.random() < 0.5:  # 2,000 prolific speakers, the first few with thousands of quotes
            return f"s{int(2000 * rnd.random() ** 2)}"
        return f"t{rnd.randrange(300_000)}"  # the long tail

    docs: list[int] = []

    def add(text: str, spk: str | None, base: int, kind: str, doc: int | None = None):
        # Every quote is in its own article, except short partial quotes, most of which are printed in the
        # article of the version they come from (as partial quotes usually are).
        docs.append(len(texts) if doc is None else doc)
        texts.append(text)
        speakers.append(spk)
        truth.append(base)
        kinds.append(kind)

    def surface(t: str) -> str:
        r = rnd.random()
        if r < 0.3:
            t = t.lower()
        elif r < 0.6:
            t = t.replace(",", "").replace("'", "’")
        return ("“" + t + "”") if rnd.random() < 0.5 else t + "."

    def words_of(t: str) -> list[str]:
        return t.split()

    # No base text twice, and no clause twice for one speaker: otherwise the planted truth would call
    # merges of genuinely shared text false.
    used_texts: set[str] = set()
    used_sentences: set[int] = set()
    used_clauses: dict[str, set[str]] = defaultdict(set)
    clause_set = set(clauses)

    def pick_base(spk: str) -> str | None:
        mine = used_clauses[spk]
        for _ in range(20):
            if rnd.random() < 0.3 and len(used_sentences) < len(sentences):
                i = rnd.randrange(len(sentences))
                parts = [c.strip(' .!?"“”') for c in CLAUSE.split(sentences[i])]
                if i in used_sentences or any(c in mine for c in parts):
                    continue
                used_sentences.add(i)
                text = sentences[i]
            else:
                parts = [rnd.choice(clauses), rnd.choice(clauses)]
                if parts[0] == parts[1] or any(c in mine for c in parts):
                    continue
                text = parts[0] + ", " + parts[1]
            if text in used_texts:
                continue
            used_texts.add(text)
            mine.update(c for c in parts if c in clause_set)
            return text
        return None

    base_id = 0
    while len(texts) < n_quotes:
        spk = speaker()
        base = pick_base(spk)
        if base is None:
            continue
        w = words_of(base)
        planted = rnd.random() < 0.35 and len(w) >= 8
        if planted and rnd.random() < 0.12:
            # Two overlapping excerpts of an utterance that is never printed whole.
            cut1 = rnd.randint(int(len(w) * 0.6), int(len(w) * 0.8))
            cut2 = rnd.randint(int(len(w) * 0.2), int(len(w) * 0.4))
            if cut1 - cut2 >= 4:
                add(" ".join(w[:cut1]), spk, base_id, "overlap")
                add(" ".join(w[cut2:]), spk, base_id, "overlap")
                base_id += 1
                continue
        base_doc = len(texts)
        add(base, spk, base_id, "base")
        if planted:
            for _ in range(min(1 + int(nrng.geometric(0.5)), 8)):
                kind = rnd.choice(["surface", "changed", "elided", "truncated", "short"])
                cw = list(w)
                if kind == "surface":
                    t = surface(base)
                elif kind == "changed":
                    for _ in range(1 if len(w) < 14 else 2):
                        cw[rnd.randrange(len(cw))] = rnd.choice(vocab)
                    t = " ".join(cw)
                elif kind == "elided":
                    k = rnd.randint(2, max(2, min(6, len(w) // 3)))
                    i = rnd.randint(1, len(w) - k - 1)
                    t = " ".join(cw[:i]) + rnd.choice([" … ", " ... ", "... "]) + " ".join(cw[i + k :])
                elif kind == "truncated":
                    n = rnd.randint(max(5, int(len(w) * 0.6)), len(w) - 1)
                    i = rnd.randint(0, len(w) - n)
                    t = ("…" if i > 0 and rnd.random() < 0.5 else "") + " ".join(cw[i : i + n])
                else:
                    n = rnd.randint(2, 4)
                    starts = [
                        i
                        for i in range(len(w) - n + 1)
                        if any(len(x.strip(".,;:!?")) >= 6 for x in w[i : i + n])
                    ]
                    if not starts:
                        continue
                    i = rnd.choice(starts)
                    t = " ".join(cw[i : i + n]).strip('.,;:!?"“”')
                doc = base_doc if kind == "short" and rnd.random() < 0.7 else None
                add(t, None if rnd.random() < 0.05 else spk, base_id, kind, doc)
        base_id += 1
    n = len(texts)
    return pd.DataFrame(
        {
            "doc": np.array(docs, dtype=np.int64),
            "start": np.zeros(n, dtype=np.int64),
            "end": np.array([len(t) for t in texts], dtype=np.int64),
            "text": pd.array(texts, dtype=object),
            "speaker": pd.array(speakers, dtype=object),
            "truth": np.array(truth, dtype=np.int64),
            "kind": pd.Categorical(kinds),
        }
    )


def pair_count(sizes: np.ndarray) -> int:
    sizes = sizes.astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def score_planted(df: pd.DataFrame, cluster: np.ndarray) -> dict:
    truth = df["truth"].to_numpy()
    both = pd.DataFrame({"p": cluster, "t": truth})
    tp = pair_count(both.groupby(["p", "t"]).size().to_numpy())
    pred = pair_count(both.groupby("p").size().to_numpy())
    true = pair_count(both.groupby("t").size().to_numpy())
    out = {
        "pairwise_precision": tp / pred if pred else 1.0,
        "pairwise_recall": tp / true if true else 1.0,
        "largest_cluster": int(both.groupby("p").size().max()),
        "clusters": int(both["p"].nunique()),
        "planted_clusters": int(both["t"].nunique()),
    }
    # Per kind of copy: is it in the cluster of its planted mates?
    multi = both.groupby("t")["p"].transform("size") > 1
    mate_cluster = (
        both[multi & (df["kind"] != "short").to_numpy()]
        .groupby("t")["p"]
        .agg(lambda s: s.value_counts().index[0])
    )
    with_mate = both[multi].copy()
    with_mate["kind"] = df.loc[multi.to_numpy(), "kind"].astype(str).to_numpy()
    with_mate["main"] = with_mate["t"].map(mate_cluster)
    with_mate["ok"] = with_mate["p"] == with_mate["main"]
    out["recall_by_kind"] = with_mate.groupby("kind")["ok"].mean().round(4).to_dict()
    pure = both.groupby("p")["t"].nunique()
    sizes = both.groupby("p").size()
    out["pure_multi_member_clusters"] = float((pure[sizes > 1] == 1).mean())
    return out


def run_planted(args) -> None:
    t0 = time.perf_counter()
    df = make_planted(args.quotes, pathlib.Path(args.corpus))
    n_words = int(df["text"].str.split().str.len().sum())
    print(
        f"{len(df):,} quotes ({n_words:,} words, {df['speaker'].nunique():,} speakers, "
        f"{df['speaker'].isna().sum():,} unknown, {df['truth'].nunique():,} planted utterances) "
        f"made in {time.perf_counter() - t0:.1f}s"
    )
    texts = df["text"].tolist()
    speakers = [s if isinstance(s, str) else None for s in df["speaker"].tolist()]
    docs = df["doc"].tolist()
    with PeakRss() as mem:
        t0, c0 = time.perf_counter(), time.process_time()
        cluster, _, _ = _saidwho.align_cluster_quotes(texts, speakers, docs, n_threads=args.threads)
        core, core_cpu = time.perf_counter() - t0, time.process_time() - c0
    core_extra = mem.peak - mem.base
    with PeakRss() as mem:
        t0 = time.perf_counter()
        members = cluster_quotes(df, n_threads=args.threads)
        total = time.perf_counter() - t0
    summary = summarize_clusters(members, min_size=2)
    by_row = np.empty(len(df), dtype=np.int64)
    by_row[members["row"].to_numpy()] = members["cluster"].to_numpy()
    assert (by_row == np.frombuffer(cluster, dtype="<u4")).all()
    quality = score_planted(df, by_row)
    threads = args.threads or os.cpu_count()
    print(f"threads: {threads}")
    print(
        f"core call (lists in, packed arrays out): {core:.2f}s, extra peak RSS {core_extra / 2**20:.0f} MiB"
    )
    print(
        f"cluster_quotes (DataFrame in and out):   {total:.2f}s, extra peak RSS {(mem.peak - mem.base) / 2**20:.0f} MiB"
    )
    print(
        f"throughput: {len(df) / core:,.0f} quotes/s wall, {len(df) / core_cpu:,.0f} quotes per CPU-second (core)"
    )
    print(f"multi-member clusters: {len(summary):,}")
    for k, v in quality.items():
        print(f"{k}: {v}")
    print("relations:", members["relation"].value_counts().to_dict())


# --------------------------------------------------------------------------------------------- PolNeAR
PRONOUNS = {
    "i",
    "he",
    "she",
    "they",
    "we",
    "you",
    "it",
    "his",
    "her",
    "their",
    "its",
    "our",
    "him",
    "them",
    "who",
    "one",
    "this",
    "that",
    "these",
    "those",
    "some",
    "others",
    "many",
    "both",
    "all",
    "everyone",
    "nobody",
}


# Capitalised words that are not names (sentence starts, titles, institutions' generic words).
NOT_NAMES = PRONOUNS | {
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "president",
    "senator",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "gop",
    "u.s",
    "us",
    "american",
    "americans",
    "but",
    "and",
    "in",
    "on",
    "at",
    "according",
    "former",
    "state",
    "party",
    "campaign",
    "report",
    "news",
}


def speaker_key(surface: str) -> str | None:
    caps = [w for w in re.findall(r"[A-Z][\w’'.-]*", surface) if w.lower().strip(".") not in NOT_NAMES]
    if not caps:
        return None
    return re.sub(r"[’']s$", "", caps[-1]).strip(".").lower()


def polnear_quotes() -> pd.DataFrame | None:
    scorer_path = SHARED / "eval" / "polnear_score.py"
    corpus = SHARED / "eval" / "polnear"
    if not scorer_path.exists() or not corpus.exists():
        return None
    spec = importlib.util.spec_from_file_location("polnear_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = []
    for split in ("train", "dev"):
        anns = {}
        for ann in sorted((corpus / split / "attributions").glob("*.ann")):
            anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", ann.name), ann)
        for art, ann in sorted(anns.items()):
            text = (corpus / split / "text" / f"{art}.txt").read_text(encoding="utf-8")
            for (s, e), src in sorted(scorer.gold_of(text, str(ann)).items()):
                surface = " ".join(text[a:b] for a, b in src) if src else ""
                rows.append(
                    {"doc": art, "start": s, "end": e, "text": text[s:e], "speaker": speaker_key(surface)}
                )
    return pd.DataFrame(rows)


def run_polnear(args) -> None:
    quotes = polnear_quotes()
    if quotes is None:
        print("polnear: ../shared/eval/polnear not found; skipped")
        return
    t0 = time.perf_counter()
    members = cluster_quotes(quotes)
    secs = time.perf_counter() - t0
    per = members.groupby("cluster").agg(n_docs=("doc", "nunique"), size=("doc", "size"))
    cross = per[per["n_docs"] >= 2].index.to_list()
    print(
        f"polnear: {len(quotes):,} gold quote fragments from {quotes['doc'].nunique()} articles "
        f"({quotes['speaker'].isna().sum():,} with unknown speaker); clustered in {secs:.2f}s"
    )
    print(
        f"clusters with 2+ members: {(per['size'] >= 2).sum():,}; across 2+ articles: {len(cross):,} "
        f"holding {per.loc[cross, 'size'].sum():,} fragments"
    )
    sample = sorted(random.Random(args.seed).sample(cross, min(args.sample, len(cross))))
    verdicts = []
    for c in sample:
        group = members[members["cluster"] == c]
        print(f"\n--- cluster {c}: {len(group)} members, {group['doc'].nunique()} articles")
        for m in group.itertuples():
            print(
                f"  [{m.relation:>14} {m.score:.2f}] {m.speaker or '?':<12} {m.doc[:40]:<40} {m.text[:150]!r}"
            )
        if args.judge:
            verdicts.append(input("same utterance throughout? [y/n] ").strip().lower().startswith("y"))
    if verdicts:
        p = sum(verdicts) / len(verdicts)
        print(f"\njudged precision: {sum(verdicts)}/{len(verdicts)} = {p:.3f}")
    print(
        "\nrelations in cross-article clusters:",
        members[members["cluster"].isin(cross)]["relation"].value_counts().to_dict(),
    )
    sizes = defaultdict(int)
    for s in per.loc[cross, "size"]:
        sizes[min(s, 10)] += 1
    print("cross-article cluster sizes (10 = 10+):", dict(sorted(sizes.items())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("planted")
    p.add_argument("--quotes", type=int, default=1_000_000)
    p.add_argument("--corpus", default="/tmp/corpus.txt")
    p.add_argument("--threads", type=int, default=None)
    q = sub.add_parser("polnear")
    q.add_argument("--sample", type=int, default=40)
    q.add_argument("--seed", type=int, default=6)
    q.add_argument("--judge", action="store_true")
    args = ap.parse_args()
    {"planted": run_planted, "polnear": run_polnear}[args.cmd](args)


if __name__ == "__main__":
    main()
