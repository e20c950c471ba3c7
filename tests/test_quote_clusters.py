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
    df = df[df["kind"] != "indirect"]  # quotes in marks
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


def test_reported_paraphrase_joins_the_quote_in_marks(clusters):
    """Issue 10: Reuters reports what the FT quotes in marks; the indirect quote is a paraphrase."""
    _, df = clusters
    reported = df[
        (df["doc"] == "reuters") & df["text"].str.startswith("they needed to significantly improve")
    ]
    quoted = df[
        (df["doc"] == "ft") & df["text"].str.startswith("to significantly improve your work in key areas")
    ]
    assert len(reported) == 1 and len(quoted) == 1
    assert reported["cluster"].iloc[0] == quoted["cluster"].iloc[0]
    assert reported["relation"].iloc[0] == "paraphrase"
    members = df[df["cluster"] == quoted["cluster"].iloc[0]]
    assert set(members["speaker_id"]) == {"vladimir_putin"}
    longest = members[members["is_longest"]]
    assert len(longest) == 1 and longest["text"].iloc[0] == quoted["text"].iloc[0]


def test_indirect_quotes_are_never_representative_beside_quotes_in_marks(clusters):
    _, df = clusters
    assert "indirect" in set(df["kind"])
    assert "scare" not in set(df["kind"])
    for _, group in df.groupby("cluster"):
        assert group["is_longest"].sum() == 1
        if (group["kind"] != "indirect").any():
            assert group.loc[group["is_longest"], "kind"].iloc[0] != "indirect"
        is_para = group["relation"] == "paraphrase"
        assert (group.loc[is_para, "kind"] == "indirect").all()
        assert not group.loc[group["kind"] == "indirect", "relation"].isin(["identical", "fragment"]).any()
