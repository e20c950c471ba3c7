"""The same utterance across outlets: cluster quotes by what was said.

Two outlets rarely quote a speaker identically: one prints "…the situation in Donetsk and Luhansk ... is
extremely difficult", another "The situation in the Donetsk and Luhansk People's Republics ... is extremely
difficult", and both also quote just "extremely difficult". :func:`cluster_quotes` groups such versions and
says how each relates to the longest version of its cluster; :func:`summarize_clusters` gives one row per
cluster.

>>> import pandas as pd
>>> from saidwho.align import cluster_quotes, summarize_clusters
>>> quotes = pd.DataFrame({
...     "doc": [0, 0, 1, 1],
...     "start": [10, 90, 5, 200],
...     "end": [29, 170, 24, 300],
...     "text": ["extremely difficult",
...              "the situation in Donetsk and Luhansk ... is extremely difficult",
...              "extremely difficult",
...              "The situation in the Donetsk and Luhansk People's Republics is extremely difficult,"],
...     "speaker": ["vladimir_putin"] * 4,
... })
>>> members = cluster_quotes(quotes)
>>> print(members[["cluster", "doc", "relation", "score", "is_longest"]].to_string(index=False))
 cluster  doc       relation  score  is_longest
       0    0       fragment    1.0       False
       0    0  close_variant    1.0       False
       0    1       fragment    1.0       False
       0    1 representative    1.0        True
>>> summarize_clusters(members)[["cluster", "size", "n_docs", "text"]].values.tolist()
[[0, 4, 2, "The situation in the Donetsk and Luhansk People's Republics is extremely difficult,"]]

Rules, in short (the Rust docs of ``saidwho::corpus::align`` have them in full): texts are compared after
normalisation (case, accents, punctuation and quote marks do not matter; an ellipsis excuses the words
another version prints in its place). Versions of the same speaker join when identical, when one is a
fragment of another (all its words line up in order, or ``contain_min`` of them), when both mostly line up
(``variant_min``: a few changed words, another translation), or when one ends with what starts the other
(``overlap_min_words``); relations tolerating differences need ``fuzzy_min_words`` aligned words.

Short texts (under ``bridge_min_words`` words) never form a cluster of their own: they join the one cluster
of longer versions containing them, if there is exactly one (for fragments of at most
``same_doc_max_words`` words, one printed in the same document). Different speakers merge only on identical
text of at least ``cross_speaker_min_words`` words. A quote with an unknown speaker (missing value) needs
``unknown_min_words`` words and joins the one cluster whose known-speaker versions line up 80% of its words;
unknown-speaker quotes group with each other only as close variants.

Reported speech (rows whose ``kind`` is ``"indirect"``: no quotation marks) is compared by content words
instead: function words and personal pronouns/possessives do not count and words are lightly stemmed, so
person and tense shifts ("they needed to improve their work" / "to improve your work") are neutral. An
indirect quote joins the cluster of the quote in marks of the same speaker, in another document, with which
at least ``paraphrase_min_words`` content words line up in order, making up ``paraphrase_min`` of the shorter
side (the best such cluster; a tie leaves it apart), with relation ``paraphrase``. It is never the
representative of a cluster holding a quote in marks; indirect quotes are not linked with each other, and
one that matches nothing is a cluster of its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import _saidwho
from ._threads import resolve_threads

RELATIONS: tuple[str, ...] = tuple(_saidwho.ALIGN_RELATIONS)
"""Relation of a member to its cluster's longest version: ``representative`` (the longest itself),
``identical``, ``fragment`` (contained, maybe abridged), ``close_variant`` (a few words changed),
``overlapping`` (an overlapping excerpt, or linked through other members), ``paraphrase`` (reported speech
whose content words line up with a quote in marks of the cluster)."""

_REQUIRED = ("doc", "start", "end", "text")
_SPEAKER_COLUMNS = ("speaker", "speaker_id", "speaker_name")


def normalized_words(text: str) -> tuple[list[str], list[int]]:
    """The words alignment compares for ``text``, and the word indices preceded by an ellipsis.

    >>> normalized_words("“…Ukraine is PROUD of you ... thank you!”")
    (['ukraine', 'is', 'proud', 'of', 'you', 'thank', 'you'], [5])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    try:
        return _saidwho.align_normalized_words(text)
    except UnicodeEncodeError as e:
        raise ValueError(f"text is not valid text (lone surrogate?): {e}") from None


def _as_frame(quotes: Any) -> pd.DataFrame:
    if isinstance(quotes, pd.DataFrame):
        return quotes
    if isinstance(quotes, (str, bytes, Mapping)) or not isinstance(quotes, Iterable):
        raise TypeError(
            "quotes must be a pandas DataFrame or an iterable of records (dicts), "
            f"not {type(quotes).__name__}"
        )
    records = list(quotes)
    for i, r in enumerate(records):
        if not isinstance(r, Mapping):
            raise TypeError(f"quotes[{i}] must be a dict-like record, not {type(r).__name__}")
    try:
        return pd.DataFrame.from_records(records, columns=None if records else list(_REQUIRED) + ["speaker"])
    except UnicodeEncodeError as e:
        raise ValueError(f"quotes hold a value that is not valid text (lone surrogate?): {e}") from None


def _missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def _speaker_keys(column: pd.Series) -> list[str | None]:
    out: list[str | None] = []
    for v in column.tolist():
        if _missing(v):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        elif isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            out.append(str(int(v)))
        else:
            raise TypeError(f"speaker values must be str, int or missing, not {type(v).__name__}")
    return out


def _doc_codes(column: pd.Series) -> list[int]:
    """Documents as small ints (any hashable doc ids; missing ids count as one more document)."""
    try:
        codes, _ = pd.factorize(column, use_na_sentinel=False)
    except TypeError as e:
        raise TypeError(f"doc values must be hashable: {e}") from None
    return codes.tolist()


def cluster_quotes(
    quotes: Any,
    *,
    speaker: str | None = None,
    contain_min: float = 0.7,
    variant_min: float = 0.6,
    overlap_min_words: int = 5,
    fuzzy_min_words: int = 8,
    bridge_min_words: int = 5,
    same_doc_max_words: int = 2,
    cross_speaker_min_words: int = 6,
    unknown_min_words: int = 5,
    max_postings: int = 500,
    max_candidates: int = 100,
    paraphrase_min_words: int = 3,
    paraphrase_min: float = 0.5,
    n_threads: int | None = None,
) -> pd.DataFrame:
    """Cluster quotes into utterances: one row per quote, with its cluster and its relation to the cluster's
    longest version.

    ``quotes`` is a DataFrame (or an iterable of dicts) with columns ``doc``, ``start``, ``end``, ``text``
    and a speaker key column: ``speaker`` if present, else ``speaker_id``, else ``speaker_name`` (or name
    it with ``speaker=``). Missing speakers (None/NaN) are unknown; int keys are used as their decimal text.
    An optional ``kind`` column (as in :meth:`Corpus.quotes`) marks reported speech: rows of kind
    ``"indirect"`` are matched as paraphrases (see the module docs); without it every quote is taken to be
    in quotation marks.

    Returns a DataFrame with columns ``cluster`` (0, 1, ... in order of each cluster's first quote in the
    input), ``doc``, ``start``, ``end``, ``text``, ``speaker``, ``relation`` (one of :data:`RELATIONS`),
    ``score`` (the share of the quote's words that line up with the longest version; 1.0 for it and its
    identical copies), ``is_longest`` (the representative) and ``row`` (the quote's position in the input),
    sorted by cluster, doc, start (and ``kind``, after ``speaker``, when the input has it). Every quote appears
    once; a quote on its own is a cluster of one.

    Runs in Rust with the GIL released, on all cores unless ``n_threads`` says otherwise. The grouping does
    not depend on the input order or the thread count. Raises TypeError/ValueError on malformed input.
    """
    df = _as_frame(quotes)
    missing = [c for c in _REQUIRED if c not in df.columns]
    if speaker is None:
        speaker = next((c for c in _SPEAKER_COLUMNS if c in df.columns), None)
        if speaker is None:
            missing.append("speaker")
    elif speaker not in df.columns:
        missing.append(speaker)
    if missing:
        raise ValueError(f"quotes lack column(s) {', '.join(missing)}; have {list(df.columns)}")
    texts = df["text"].tolist()
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text values must be str; row {i} holds {type(t).__name__}")
    speakers = _speaker_keys(df[speaker])
    indirect = None
    if "kind" in df.columns:
        indirect = [isinstance(k, str) and k == "indirect" for k in df["kind"].tolist()]
    n_threads = resolve_threads(n_threads) or None  # one thread inside a Dask/Spark task
    try:
        cluster, relation, score = _saidwho.align_cluster_quotes(
            texts,
            speakers,
            _doc_codes(df["doc"]),
            indirect,
            contain_min=contain_min,
            variant_min=variant_min,
            overlap_min_words=overlap_min_words,
            fuzzy_min_words=fuzzy_min_words,
            bridge_min_words=bridge_min_words,
            same_doc_max_words=same_doc_max_words,
            cross_speaker_min_words=cross_speaker_min_words,
            unknown_min_words=unknown_min_words,
            max_postings=max_postings,
            max_candidates=max_candidates,
            paraphrase_min_words=paraphrase_min_words,
            paraphrase_min=paraphrase_min,
            n_threads=n_threads,
        )
    except OverflowError as e:
        raise ValueError(str(e)) from None
    rel = np.frombuffer(relation, dtype=np.uint8)
    out = pd.DataFrame(
        {
            "cluster": np.frombuffer(cluster, dtype="<u4").astype(np.int64),
            "doc": df["doc"].to_numpy(),
            "start": df["start"].to_numpy(),
            "end": df["end"].to_numpy(),
            "text": texts,
            "speaker": pd.array(speakers, dtype=object),
            "relation": pd.Categorical.from_codes(rel.astype(np.int8), categories=list(RELATIONS)),
            "score": np.frombuffer(score, dtype="<f4").astype(np.float64).round(4),
            "is_longest": rel == 0,
            "row": np.arange(len(df), dtype=np.int64),
        }
    )
    if "kind" in df.columns:
        out.insert(6, "kind", df["kind"].to_numpy())
    return out.sort_values(["cluster", "doc", "start", "row"], kind="stable").reset_index(drop=True)


def summarize_clusters(members: pd.DataFrame, *, min_size: int = 1) -> pd.DataFrame:
    """One row per cluster of a :func:`cluster_quotes` result: ``cluster``, ``size`` (member count),
    ``n_docs`` (distinct documents), ``speakers`` (the distinct known speaker keys, sorted), and the longest
    version's ``doc``, ``start``, ``end``, ``text`` and ``speaker``. Only clusters with at least ``min_size``
    members; sorted by size (largest first), then cluster.
    """
    if not isinstance(members, pd.DataFrame):
        raise TypeError(f"members must be a DataFrame from cluster_quotes, not {type(members).__name__}")
    need = ["cluster", "doc", "start", "end", "text", "speaker", "is_longest"]
    lacking = [c for c in need if c not in members.columns]
    if lacking:
        raise ValueError(f"members lack column(s) {', '.join(lacking)}: pass the result of cluster_quotes")
    if not isinstance(min_size, int) or isinstance(min_size, bool) or min_size < 1:
        raise ValueError("min_size must be a positive int")
    grouped = members.groupby("cluster", sort=True)
    stats = pd.DataFrame(
        {
            "size": grouped.size(),
            "n_docs": grouped["doc"].nunique(),
            "speakers": grouped["speaker"].agg(lambda s: sorted({v for v in s if isinstance(v, str)})),
        }
    )
    longest = members[members["is_longest"]].set_index("cluster")[["doc", "start", "end", "text", "speaker"]]
    out = stats.join(longest).reset_index()
    out = out[out["size"] >= min_size]
    out = out.sort_values(["size", "cluster"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)[
        ["cluster", "size", "n_docs", "speakers", "doc", "start", "end", "text", "speaker"]
    ]
