"""Quote alignment across outlets (saidwho.align) on the seed articles and on small cases per rule."""

import json
import pathlib

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from saidwho import align
from saidwho.align import RELATIONS, cluster_quotes, normalized_words, summarize_clusters

DATA = pathlib.Path(__file__).parent / "data"
SEEDS = ["000_aaaaf1307d3c8a06", "001_08ba5d6a346fbfc5"]  # FT, Reuters


def seed_quotes() -> pd.DataFrame:
    """The gold quotes of both seed articles: doc, start, end, text, speaker (gold speaker entity)."""
    rows = []
    for doc, name in enumerate(SEEDS):
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((DATA / f"{name}.gold.json").read_text(encoding="utf-8"))
        for q in gold["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            rows.append(
                {
                    "doc": doc,
                    "start": q["start"],
                    "end": q["end"],
                    "text": q["text"],
                    "speaker": q["speaker_entity"],
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def seeds():
    quotes = seed_quotes()
    return quotes, cluster_quotes(quotes)


def cluster_of(members: pd.DataFrame, doc: int, prefix: str) -> int:
    hit = members[(members["doc"] == doc) & members["text"].str.startswith(prefix)]
    assert len(hit) == 1, prefix
    return int(hit["cluster"].iloc[0])


def row_of(members: pd.DataFrame, doc: int, prefix: str) -> pd.Series:
    return members[(members["doc"] == doc) & members["text"].str.startswith(prefix)].iloc[0]


def test_members_are_the_input_quotes_with_offsets_intact(seeds):
    quotes, members = seeds
    assert list(members.columns) == [
        "cluster",
        "doc",
        "start",
        "end",
        "text",
        "speaker",
        "relation",
        "score",
        "is_longest",
        "row",
    ]
    assert sorted(members["row"]) == list(range(len(quotes)))
    texts = [(DATA / f"{n}.txt").read_text(encoding="utf-8") for n in SEEDS]
    for m in members.itertuples():
        assert texts[m.doc][m.start : m.end] == m.text
        q = quotes.iloc[m.row]
        assert (q.doc, q.start, q.end, q.text, q.speaker) == (m.doc, m.start, m.end, m.text, m.speaker)
    assert set(members["relation"]) <= set(RELATIONS)
    assert members["score"].between(0, 1).all()
    # Exactly one longest version per cluster, and it is the representative.
    assert (members.groupby("cluster")["is_longest"].sum() == 1).all()
    assert ((members["relation"] == "representative") == members["is_longest"]).all()


def test_zelenskiy_quotes_of_both_outlets_cluster(seeds):
    _, m = seeds
    ft = cluster_of(m, 0, "Bakhmut fortress. Our people.")
    assert cluster_of(m, 1, "Ukraine is proud of you.") == ft
    assert cluster_of(m, 0, "The east is holding out") != ft
    assert row_of(m, 1, "Ukraine is proud of you.")["relation"] in ("overlapping", "representative")


def test_putin_extremely_difficult_with_the_partial_quotes(seeds):
    _, m = seeds
    putin = cluster_of(m, 0, "I would especially like to mention")
    for doc, prefix in [
        (0, "extremely difficult"),
        (1, "extremely difficult"),
        (1, "difficult"),
        (1, "The situation in the Donetsk"),
    ]:
        assert cluster_of(m, doc, prefix) == putin, prefix
    members = m[m["cluster"] == putin]
    assert set(members["doc"]) == {0, 1}
    longest = members[members["is_longest"]].iloc[0]
    assert longest["text"].startswith("I would especially like")
    assert set(members.loc[~members["is_longest"], "relation"]) == {"fragment"}
    reuters = row_of(m, 1, "The situation in the Donetsk")
    assert 0.75 < reuters["score"] < 1.0  # "the" and "People's Republics" are not in the FT version
    # Other Putin statements are other utterances.
    assert cluster_of(m, 0, "to significantly improve") != putin
    assert cluster_of(m, 1, "Russia has no interest") != putin
    assert cluster_of(m, 1, "emergence of new threats") == cluster_of(m, 0, "rapidly changing global")


def test_guterres_statements_stay_apart(seeds):
    _, m = seeds
    assert cluster_of(m, 0, "I am not optimistic") != cluster_of(m, 0, "I do believe")


def test_different_speakers_never_merge(seeds):
    _, m = seeds
    known = m[m["speaker"].notna()]
    assert (known.groupby("cluster")["speaker"].nunique() == 1).all()


def test_summary_has_one_row_per_cluster(seeds):
    _, m = seeds
    summary = summarize_clusters(m)
    assert len(summary) == m["cluster"].nunique()
    assert summary["size"].sum() == len(m)
    shared = summarize_clusters(m, min_size=2)
    putin = shared[shared["cluster"] == cluster_of(m, 0, "I would especially like")].iloc[0]
    assert (putin["size"], putin["n_docs"], putin["speakers"], putin["speaker"]) == (
        5,
        2,
        ["vladimir_putin"],
        "vladimir_putin",
    )
    assert putin["text"].startswith("I would especially like")
    assert shared["size"].is_monotonic_decreasing
    assert (shared["size"] >= 2).all()


def test_grouping_does_not_depend_on_order_or_threads(seeds):
    quotes, m = seeds
    shuffled = quotes.sample(frac=1.0, random_state=7).reset_index(drop=True)
    s = cluster_quotes(shuffled, n_threads=1)

    def pairs(df):
        key = list(zip(df["doc"], df["start"]))
        by = dict(zip(key, df["cluster"]))
        return {(a, b) for a in key for b in key if by[a] == by[b]}

    assert pairs(m) == pairs(s)
    pd.testing.assert_frame_equal(cluster_quotes(quotes, n_threads=1), m)


def test_speaker_column_fallbacks_and_records():
    text = "We will never give up what is ours, and we will win this war together with our partners"
    records = [
        {"doc": 0, "start": 0, "end": len(text), "text": text, "speaker_id": "a"},
        {"doc": 1, "start": 5, "end": 5 + 12, "text": "win this war", "speaker_id": "a"},
        {"doc": 2, "start": 0, "end": 12, "text": "win this war", "speaker_id": None},
    ]
    m = cluster_quotes(records)
    assert list(m["cluster"]) == [0, 0, 1]
    assert list(m["relation"]) == ["representative", "fragment", "representative"]
    by_name = cluster_quotes(pd.DataFrame(records).rename(columns={"speaker_id": "who"}), speaker="who")
    pd.testing.assert_frame_equal(by_name, m)
    # Integer keys are speaker keys too; NaN is unknown.
    said = ["It is a stupid and dangerous idea", "“it is a STUPID and dangerous idea!”", "stupid", "stupid"]
    ints = cluster_quotes(
        pd.DataFrame({"doc": [0, 1, 0, 0], "start": 0, "end": 3, "text": said, "speaker": [7, 7, 7, 8]})
    )
    ints = ints.sort_values("row")
    assert list(ints["cluster"]) == [0, 0, 0, 1] and list(ints["speaker"]) == ["7", "7", "7", "8"]
    # Equal words: the longer text (here with its marks) is the representative.
    assert list(ints["relation"]) == ["identical", "representative", "fragment", "representative"]
    nan = cluster_quotes(
        pd.DataFrame(
            {
                "doc": [0, 1],
                "start": [0, 0],
                "end": [3, 3],
                "text": ["stupid", "stupid"],
                "speaker": [float("nan"), None],
            }
        )
    )
    assert list(nan["cluster"]) == [0, 1]


def test_short_phrases_cluster_only_through_a_longer_version():
    quotes = pd.DataFrame(
        {
            "doc": ["a", "b", "b", "b"],
            "start": 0,
            "end": 1,
            "text": [
                "rigged economy",
                "rigged economy",
                "rigged",
                "a corrupt political system and a rigged economy",
            ],
            "speaker": "sanders",
        }
    )
    assert list(cluster_quotes(quotes.iloc[:3])["cluster"]) == [0, 1, 2]  # a phrase, not one utterance
    assert list(cluster_quotes(quotes)["cluster"]) == [0, 0, 0, 0]
    # One- and two-word fragments count a longer version only in their own document.
    elsewhere = quotes.assign(doc=["a", "a", "a", "b"])
    assert list(cluster_quotes(elsewhere).sort_values("row")["cluster"]) == [0, 1, 2, 3]


def test_empty_input():
    m = cluster_quotes(pd.DataFrame(columns=["doc", "start", "end", "text", "speaker"]))
    assert len(m) == 0 and "cluster" in m.columns
    assert len(cluster_quotes([])) == 0
    assert len(summarize_clusters(m)) == 0


def one(**columns) -> pd.DataFrame:
    """A one-quote table (object columns, so odd values reach saidwho as they are)."""
    base = {"doc": 0, "start": 0, "end": 1, "text": "x", "speaker": "a"}
    base.update(columns)
    return pd.DataFrame({k: pd.Series([v], dtype=object) for k, v in base.items() if v is not ...})


@pytest.mark.parametrize(
    "make, kwargs, error",
    [
        (lambda: "not a table", {}, TypeError),
        (lambda: [1, 2], {}, TypeError),
        (lambda: one(speaker=...), {}, ValueError),  # no speaker column
        (lambda: one(end=...), {}, ValueError),
        (lambda: one(), {"speaker": "who"}, ValueError),
        (lambda: one(text=3.5), {}, TypeError),
        (lambda: one(text=None), {}, TypeError),
        (lambda: one(speaker=["a"]), {}, TypeError),
        (lambda: one(text="bad \ud800 text"), {}, ValueError),
        (lambda: one(speaker="\udfff"), {}, ValueError),
        (lambda: [{"doc": 0, "start": 0, "end": 1, "text": "bad \ud800", "speaker": "a"}], {}, ValueError),
        (lambda: one(), {"contain_min": 0}, ValueError),
        (lambda: one(), {"variant_min": 1.5}, ValueError),
        (lambda: one(), {"overlap_min_words": -1}, ValueError),
        (lambda: one(), {"n_threads": 0}, ValueError),
        (lambda: one(), {"n_threads": "2"}, TypeError),
        (lambda: one(doc=["unhashable"]), {}, TypeError),
    ],
)
def test_bad_input_raises_clear_errors(make, kwargs, error):
    with pytest.raises(error):
        cluster_quotes(make(), **kwargs)


def test_summary_rejects_other_input():
    with pytest.raises(TypeError):
        summarize_clusters([1, 2])
    with pytest.raises(ValueError):
        summarize_clusters(pd.DataFrame({"cluster": [0]}))
    with pytest.raises(ValueError):
        summarize_clusters(cluster_quotes(seed_quotes()), min_size=0)


def test_normalized_words():
    assert normalized_words("“…Ukraine is PROUD of you ... thank you!”") == (
        ["ukraine", "is", "proud", "of", "you", "thank", "you"],
        [5],
    )
    assert normalized_words("Zelenskíy’s don't") == (["zelenskiy's", "don't"], [])
    with pytest.raises(TypeError):
        normalized_words(b"bytes")
    with pytest.raises(ValueError):
        normalized_words("\ud800")


def test_huge_and_odd_texts_do_not_crash():
    long = " ".join(f"w{i % 997}" for i in range(20000))
    texts = [
        long,
        long[: len(long) // 2] + " … " + long[-500:],
        "",
        "…",
        "\x00 control \x07 chars",
        "🙂 " * 50,
    ]
    m = cluster_quotes(pd.DataFrame({"doc": range(6), "start": 0, "end": 1, "text": texts, "speaker": "s"}))
    by_row = m.set_index("row")
    assert by_row.loc[0, "cluster"] == by_row.loc[1, "cluster"]
    assert by_row.loc[1, "relation"] == "fragment"
    assert by_row.loc[2, "cluster"] != by_row.loc[3, "cluster"]


WORDS = ["we", "will", "win", "the", "war", "is", "difficult", "…", "extremely", "ours", "region", "Putin,"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join), st.sampled_from(["a", "b", None])
        ),
        max_size=30,
    )
)
def test_random_quotes_keep_speakers_apart(rows):
    df = pd.DataFrame(
        [{"doc": i, "start": 0, "end": len(t), "text": t, "speaker": s} for i, (t, s) in enumerate(rows)],
        columns=["doc", "start", "end", "text", "speaker"],
    )
    m = cluster_quotes(df)
    assert len(m) == len(df) and sorted(m["row"]) == list(range(len(df)))
    assert (m.groupby("cluster")["is_longest"].sum() == 1).all()
    for _, group in m[m["speaker"].notna()].groupby("cluster"):
        if group["speaker"].nunique() > 1:
            words = [tuple(normalized_words(t)[0]) for t in group["text"]]
            # Only identical long text bridges speakers.
            assert any(words.count(w) > 1 and len(w) >= 6 for w in words)


def test_module_exports():
    assert align.RELATIONS == (
        "representative",
        "identical",
        "fragment",
        "close_variant",
        "overlapping",
        "paraphrase",
    )


def test_kind_column_links_paraphrases():
    quotes = pd.DataFrame(
        {
            "doc": ["ft", "reuters", "reuters"],
            "start": [0, 0, 100],
            "end": [1, 1, 101],
            "text": [
                (
                    "to significantly improve your work in key areas, and use your operational, technical and "
                    "personnel potential to the fullest."
                ),
                "they needed to significantly improve their work",
                "they had to improve all of their work",
            ],
            "speaker": ["vladimir_putin"] * 3,
            "kind": ["partial", "indirect", "indirect"],
        }
    )
    m = cluster_quotes(quotes).sort_values("row")
    assert m["cluster"].tolist() == [0, 0, 1]
    assert m["relation"].tolist() == ["representative", "paraphrase", "representative"]
    assert m["score"].iloc[1] == 0.75
    # Without a kind column every quote counts as in marks: no paraphrase.
    plain = cluster_quotes(quotes.drop(columns="kind"))
    assert "paraphrase" not in set(plain["relation"])
    # The thresholds are options.
    strict = cluster_quotes(quotes, paraphrase_min_words=4).sort_values("row")
    assert strict["cluster"].nunique() == 3
