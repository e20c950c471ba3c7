"""Corpus.quote_clusters on the two seed articles, with quotes found by the extractor itself (issue 6)."""
from pathlib import Path

import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def clusters():
    texts = {
        "ft": (DATA / "000_aaaaf1307d3c8a06.txt").read_text(encoding="utf-8"),
        "reuters": (DATA / "001_08ba5d6a346fbfc5.txt").read_text(encoding="utf-8"),
    }
    corpus = sw.analyze_many(texts, progress=False)
    return texts, corpus.quote_clusters()


def cluster_of(df, doc, needle):
    rows = df[(df["doc"] == doc) & df["text"].str.contains(needle, regex=False)]
    assert len(rows) >= 1, (doc, needle)
    return set(rows["cluster"])


def test_offsets_slice_the_texts(clusters):
    texts, df = clusters
    for row in df.itertuples():
        assert texts[row.doc][row.start : row.end] == row.text


def test_zelenskiy_across_outlets(clusters):
    _, df = clusters
    ft = cluster_of(df, "ft", "Ukraine is proud of you")
    reuters = cluster_of(df, "reuters", "Ukraine is proud of you")
    assert ft == reuters and len(ft) == 1


def test_putin_extremely_difficult_with_partials(clusters):
    _, df = clusters
    full_ft = cluster_of(df, "ft", "is extremely difficult")
    full_reuters = cluster_of(df, "reuters", "The situation in the Donetsk and Luhansk")
    partial_ft = cluster_of(df, "ft", "extremely difficult")
    partial_reuters = cluster_of(df, "reuters", "extremely difficult")
    assert full_ft == full_reuters == partial_ft == partial_reuters
    members = df[df["cluster"].isin(full_ft)]
    assert set(members["speaker_id"]) == {"vladimir_putin"}
    assert {"Vladimir Putin", "Putin"} & set(members["speaker"])  # the mentions as written
    longest = members[members["is_longest"]]
    assert len(longest) == 1 and len(longest["text"].iloc[0]) == members["text"].str.len().max()
    assert {"fragment"} <= set(members["relation"])


def test_guterres_stays_apart(clusters):
    _, df = clusters
    a = cluster_of(df, "ft", "I am not optimistic")
    b = cluster_of(df, "ft", "military confrontation will go on")
    assert a != b
    for c in a | b:
        assert len(df[df["cluster"] == c]) == 1


def test_different_speakers_never_share_a_cluster(clusters):
    _, df = clusters
    known = df.dropna(subset=["speaker_id"])
    assert (known.groupby("cluster")["speaker_id"].nunique() == 1).all()
