"""The pandas accessor: ``df["text"].saidwho.quotes()`` etc. give the Corpus tables, ``doc`` = the Series index."""

from pathlib import Path

import pandas as pd
import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def frame():
    texts = [(DATA / f"{n}.txt").read_text(encoding="utf-8") for n in SEEDS]
    return pd.DataFrame(
        {"outlet": ["guardian", "reuters", "none"], "text": texts + [None]},
        index=pd.Index(["g1", "r1", "x1"], name="article"),
    )


@pytest.mark.parametrize("table", ["quotes", "entities", "people", "who_said_what", "quote_clusters"])
def test_accessor_equals_corpus_tables(frame, table):
    via_accessor = getattr(frame["text"].saidwho, table)()
    via_corpus = getattr(sw.analyze_many(frame["text"], progress=False), table)()
    pd.testing.assert_frame_equal(via_accessor, via_corpus)
    assert len(via_accessor) > 0
    # the index is named "article": so is the id column
    assert "doc" not in via_accessor.columns
    assert set(via_accessor["article"]) <= {"g1", "r1"}


def test_doc_joins_back_to_the_frame(frame):
    q = frame["text"].saidwho.quotes()
    joined = q.join(frame[["outlet"]], on="article")
    assert set(joined["outlet"]) == {"guardian", "reuters"}
    for row in joined.itertuples():
        assert frame.loc[row.article, "text"][row.start : row.end] == row.text


@pytest.mark.parametrize("name, column", [(None, "doc"), ("doc", "doc"), ("article", "article"),
                                          ("text", "doc"), (0, "doc")])
def test_id_column_is_named_after_the_index(frame, name, column):
    """Every table names its id column after the Series index (``doc`` when the index has no usable name: none,
    not a str, or the name of a column of the tables)."""
    texts = frame["text"].rename_axis(name)
    corpus = texts.saidwho.analyze(progress=False)
    assert corpus.doc_column == column
    for table in ("quotes", "entities", "people", "who_said_what", "quote_clusters", "errors"):
        df = getattr(corpus, table)()
        assert column in df.columns and list(df.columns).count(column) == 1, table
        assert set(df[column]) <= {"g1", "r1"}


def test_analyze_gives_a_corpus_and_options_pass_through(frame):
    c = frame["text"].saidwho.analyze(progress=False)
    assert isinstance(c, sw.Corpus) and list(c.ids) == ["g1", "r1", "x1"]
    gaz = sw.Gazetteer.from_records([{"id": "bakhmut", "name": "Bakhmut", "label": "GPE", "aliases": ["Bakhmut"]}])
    e = frame["text"].saidwho.entities(gazetteer=gaz, n_threads=1)
    assert set(e["id"]) == {"bakhmut"} and len(e) >= 2
    assert frame["text"].saidwho.entities(gazetteer=False).empty
    one = frame["text"].saidwho.quotes(n_threads=1)
    two = frame["text"].saidwho.quotes(n_threads=2)
    pd.testing.assert_frame_equal(one, two)


def test_bad_series_gets_a_clear_error():
    with pytest.raises(TypeError, match="expected str"):
        pd.Series(["fine", 3]).saidwho.quotes()
