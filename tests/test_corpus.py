"""sw.analyze_many and Corpus tables on the seed articles: input shapes, ids, order, missing texts, threads,
progress bar, Arrow-backed strings, who_said_what, errors, pickling."""

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))
TEXTS = {name: (DATA / f"{name}.txt").read_text(encoding="utf-8") for name in SEEDS}
EXTRA = "“We are not going anywhere,” said State Department spokesman Ned Price in Washington."


@pytest.fixture(scope="module")
def corpus():
    return sw.analyze_many(TEXTS, progress=False)


def expected_quotes(doc_id, text):
    return [
        (doc_id, q.start, q.end, q.text, q.kind, q.group, q.speaker.text if q.speaker else None, q.speaker_id,
         q.speaker_name, q.cue.text if q.cue else None)
        for q in sw.analyze(text).quotes
    ]


def quote_rows(df):
    cols = ["doc", "start", "end", "text", "kind", "group", "speaker", "speaker_id", "speaker_name", "cue"]
    return [tuple(None if v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v for v in row)
            for row in df[cols].astype(object).itertuples(index=False)]


def missing(v):
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def entity_rows(df):
    return list(df[["doc", "start", "end", "text", "id", "label", "name"]].astype(object).itertuples(index=False,
                                                                                                  name=None))


def test_tables_equal_one_document_at_a_time(corpus):
    exp_q, exp_e, exp_p = [], [], []
    for name, text in TEXTS.items():
        exp_q += expected_quotes(name, text)
        doc = sw.analyze(text)
        exp_e += [(name, m.start, m.end, m.text, m.id, m.label, m.name) for m in doc.entities]
        exp_p += [(name, p.id, p.name, p.gender, [(s.start, s.end) for s in p.mentions]) for p in doc.people]
    assert quote_rows(corpus.quotes()) == exp_q
    assert entity_rows(corpus.entities()) == exp_e
    people = corpus.people()
    # mentions: a list of {start, end} spans per person
    assert [(d, i, n, str(g), [(x["start"], x["end"]) for x in m]) for d, i, n, g, m in zip(
        people["doc"], people["id"].astype(object), people["name"], people["gender"], people["mentions"])] == exp_p
    assert (people["n_mentions"] == people["mentions"].map(len)).all()


def test_offsets_slice_the_texts(corpus):
    q = corpus.quotes()
    for row in q.itertuples():
        text = TEXTS[row.doc]
        assert text[row.start : row.end] == row.text
        if row.speaker is not pd.NA:
            assert text[row.speaker_start : row.speaker_end] == row.speaker
        if row.cue is not pd.NA:
            assert text[row.cue_start : row.cue_end] == row.cue
    for row in corpus.entities().itertuples():
        assert TEXTS[row.doc][row.start : row.end] == row.text


def test_input_shapes_give_the_same_tables(corpus):
    ids = list(TEXTS)
    texts = list(TEXTS.values())
    base = corpus.quotes()
    shapes = {
        "pairs": sw.analyze_many(list(zip(ids, texts)), progress=False),
        "pairs iterator": sw.analyze_many(iter(TEXTS.items()), progress=False),
        "series": sw.analyze_many(pd.Series(texts, index=ids), progress=False),
        "arrow series": sw.analyze_many(pd.Series(texts, index=ids, dtype="string[pyarrow]"), progress=False),
    }
    for label, c in shapes.items():
        pd.testing.assert_frame_equal(c.quotes(), base, check_dtype=False, obj=label)
        assert list(c.ids) == ids
    by_position = sw.analyze_many(texts, progress=False)
    assert list(by_position.ids) == [0, 1]
    assert by_position.quotes()["doc"].tolist() == base["doc"].map(ids.index).tolist()
    pd.testing.assert_frame_equal(by_position.quotes().drop(columns="doc"), base.drop(columns="doc"))


def test_series_index_becomes_doc_and_order_is_kept():
    texts = [TEXTS[SEEDS[1]], EXTRA, TEXTS[SEEDS[0]]]
    s = pd.Series(texts, index=pd.Index([30, 10, 20], name="article"))
    c = sw.analyze_many(s, progress=False)
    q = c.quotes()
    # the index is named "article": so is the id column of every table
    assert c.doc_column == "article" and "doc" not in q.columns
    q = q.rename(columns={"article": "doc"})
    # rows follow the input order (30, 10, 20), not the sorted ids
    firsts = list(dict.fromkeys(q["doc"].tolist()))
    assert firsts == [30, 10, 20]
    for doc_id, text in s.items():
        assert quote_rows(q[q["doc"] == doc_id]) == expected_quotes(doc_id, text)
    assert [d.text for d in c] == texts
    assert c.document(10).quotes == sw.analyze(EXTRA).quotes


@pytest.mark.parametrize("missing", [None, np.nan, pd.NA])
def test_missing_texts_are_kept_as_documents_without_rows(missing):
    s = pd.Series([EXTRA, missing, TEXTS[SEEDS[0]], ""], index=["a", "b", "c", "d"], dtype=object)
    c = sw.analyze_many(s, progress=False)
    assert len(c) == 4 and list(c.ids) == ["a", "b", "c", "d"]
    for table in (c.quotes(), c.entities(), c.people(), c.who_said_what()):
        assert not set(table["doc"]) & {"b", "d"}
    assert set(c.quotes()["doc"]) == {"a", "c"}
    assert quote_rows(c.quotes()[c.quotes()["doc"] == "c"]) == expected_quotes("c", TEXTS[SEEDS[0]])
    assert c.document("b").quotes == [] and c.document("b").text == ""
    assert c.errors().empty


def test_nullable_string_series_with_missing_values():
    for dtype in ("string", "string[pyarrow]", "str"):
        s = pd.Series([EXTRA, None], dtype=dtype)
        q = sw.analyze_many(s, progress=False).quotes()
        assert q["doc"].tolist() == [0] and q["speaker_name"].tolist() == ["Ned Price"], dtype


def test_one_thread_and_two_threads_agree():
    texts = [t for t in TEXTS.values() for _ in range(20)] + [EXTRA, None]
    one = sw.analyze_many(texts, n_threads=1, progress=False)
    two = sw.analyze_many(texts, n_threads=2, progress=False)
    for table in ("quotes", "entities", "people", "who_said_what"):
        pd.testing.assert_frame_equal(getattr(one, table)(), getattr(two, table)(), obj=table)


def long_run_texts():
    # > 2,000,000 characters in ~500 documents: a "long run"
    n = 2_100_000 // sum(len(t) for t in TEXTS.values()) + 1
    return [t for _ in range(n) for t in TEXTS.values()]


def test_progress_bar_on_long_runs_only(capsys):
    texts = long_run_texts()
    with_bar = sw.analyze_many(texts, progress=True)
    err = capsys.readouterr().err
    assert "saidwho" in err and f"{len(texts)}/{len(texts)}" in err
    # the chunked run (for the bar) gives the same tables as one call
    without = sw.analyze_many(texts, progress=False)
    assert capsys.readouterr().err == ""
    for table in ("quotes", "entities", "people"):
        pd.testing.assert_frame_equal(getattr(with_bar, table)(), getattr(without, table)(), obj=table)
    sw.analyze_many(TEXTS, progress=True)  # short: no bar
    assert capsys.readouterr().err == ""


def test_strings_are_arrow_backed(corpus):
    pytest.importorskip("pyarrow")
    q, e, p = corpus.quotes(), corpus.entities(), corpus.people()
    w, c = corpus.who_said_what(), corpus.quote_clusters()
    for df, cols in ((q, ["text", "speaker", "speaker_name", "cue"]), (e, ["text", "name"]), (p, ["name"]),
                     (w, ["speaker", "speaker_name", "text"]), (c, ["text", "speaker", "speaker_name"])):
        for col in cols:
            assert isinstance(df[col].dtype, pd.ArrowDtype), (col, df[col].dtype)
    # ids are categorical in every table
    for df, col in ((e, "id"), (e, "label"), (q, "speaker_id"), (p, "id"), (w, "speaker_id"), (c, "speaker_id")):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), (col, df[col].dtype)
    assert set(q["speaker_id"].dropna()) == set(q["speaker_id"].cat.categories)
    # list columns are Arrow lists
    for df, col in ((p, "mentions"), (w, "entity_ids"), (w, "entity_names")):
        assert isinstance(df[col].dtype, pd.ArrowDtype) and "list" in str(df[col].dtype), (col, df[col].dtype)
    assert list(q["kind"].cat.categories) == ["direct", "partial", "scare", "indirect"]
    # optional offsets are nullable integers whether or not this batch has a missing one
    for col in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        assert q[col].dtype == "Int64"
    assert sw.analyze_many([EXTRA], progress=False).quotes()["cue_start"].dtype == "Int64"


def test_object_string_columns_without_pyarrow_hold_the_same_values(monkeypatch):
    """Without pyarrow, string columns are made from Python str (pandas' own str dtype or object) with exactly
    the values of the Arrow-backed ones: accents, curly quotes and dashes of the seeds included."""
    pytest.importorskip("pyarrow")
    from saidwho import _columns

    tables = ("quotes", "entities", "people")
    for texts in (TEXTS, [TEXTS[SEEDS[0]], None, "Ça va, “déjà vu” — dit-il.", "", EXTRA]):
        arrow = {t: getattr(sw.analyze_many(texts, progress=False), t)() for t in tables}
        monkeypatch.setattr(_columns, "_pa", None)
        plain = {t: getattr(sw.analyze_many(texts, progress=False), t)() for t in tables}
        monkeypatch.undo()
        checked = 0
        for t, df in plain.items():
            for col in ("text", "speaker", "speaker_name", "cue", "name"):
                if col not in df:
                    continue
                assert not isinstance(df[col].dtype, pd.ArrowDtype), (t, col)
                got = [None if missing(v) else v for v in df[col]]
                want = [None if missing(v) else v for v in arrow[t][col].astype(object)]
                assert got == want, (t, col)
                assert all(v is None or type(v) is str for v in got)
                checked += sum(v is not None and not v.isascii() for v in got)
        assert checked > 0  # the non-ASCII path was taken


def test_table_columns_and_empty_corpus():
    empty = sw.analyze_many([], progress=False)
    full = sw.analyze_many([EXTRA], progress=False)
    assert len(empty) == 0
    for table in ("quotes", "entities", "people", "who_said_what"):
        e, f = getattr(empty, table)(), getattr(full, table)()
        assert len(e) == 0 and len(f) > 0
        assert list(e.columns) == list(f.columns)


def test_who_said_what_lists_entities_inside_each_quote(corpus):
    w = corpus.who_said_what()
    q = corpus.quotes()
    assert len(w) == (q["kind"] != "scare").sum()
    assert "scare" not in set(w["kind"].astype(str))
    with_entities = 0
    for name, text in TEXTS.items():
        doc = sw.analyze(text)
        rows = w[w["doc"] == name]
        quotes = [x for x in doc.quotes if x.kind != "scare"]
        assert rows["text"].tolist() == [x.text for x in quotes]
        for row, quote in zip(rows.itertuples(), quotes, strict=True):
            inside = [m for m in doc.entities if quote.start <= m.start and m.end <= quote.end]
            assert list(row.entity_ids) == [m.id for m in inside]
            assert list(row.entity_names) == [m.name for m in inside]
            assert (None if pd.isna(row.speaker_id) else row.speaker_id) == quote.speaker_id
            with_entities += bool(inside)
    assert with_entities >= 3
    # the seeds: Zelenskiy speaks about Bakhmut
    zel = w[(w["speaker_id"] == "volodymyr_zelenskiy")]
    assert any("Bakhmut" in names for names in zel["entity_names"])


def test_quote_clusters_across_outlets(corpus):
    clusters = corpus.quote_clusters()
    assert list(clusters.columns) == ["cluster", "doc", "start", "end", "text", "kind", "speaker", "speaker_id",
                                      "speaker_name", "relation", "score", "is_longest", "row"]
    # speaker is the mention as written, as in quotes(); row is the quote's row there
    q = corpus.quotes()
    for row in clusters.itertuples():
        src = q.iloc[row.row]
        assert (src["doc"], src["start"], src["text"]) == (row.doc, row.start, row.text)
        assert str(src["speaker"]) == str(row.speaker) and str(src["speaker_id"]) == str(row.speaker_id)
    assert {"Mr Zelenskiy", "he"} <= set(clusters["speaker"].dropna())
    for row in clusters.itertuples():
        assert TEXTS[row.doc][row.start : row.end] == row.text
    both = clusters.groupby("cluster")["doc"].nunique()
    shared = clusters[clusters["cluster"].isin(both[both == 2].index)]
    # "Ukraine is proud of you": Zelenskiy quoted by both outlets
    zel = shared[shared["speaker_id"] == "volodymyr_zelenskiy"]
    assert set(zel["doc"]) == set(SEEDS)
    assert zel["text"].str.contains("Ukraine is proud of you").all()
    assert (clusters.groupby("cluster")["is_longest"].sum() == 1).all()


def test_to_arrow(corpus, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    for table in ("quotes", "entities", "people", "who_said_what", "quote_clusters", "errors"):
        t = corpus.to_arrow(table)
        assert isinstance(t, pa.Table)
        assert t.num_rows == len(getattr(corpus, table)())
        assert t.column_names == list(getattr(corpus, table)().columns)
        # it reads back into pandas, list columns included (pandas cannot rebuild Arrow list dtypes from the
        # pandas metadata: pandas-dev/pandas#57411), directly and through Parquet
        back = t.to_pandas()
        pq.write_table(t, tmp_path / f"{table}.parquet")
        again = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert len(back) == len(again) == t.num_rows
    people = corpus.to_arrow("people").to_pandas()
    assert [list(m) for m in people["mentions"]] == [list(m) for m in corpus.people()["mentions"]]
    assert corpus.to_arrow().column("text").to_pylist() == corpus.quotes()["text"].tolist()
    with pytest.raises(ValueError, match="table must be one of"):
        corpus.to_arrow("nope")


def test_pickle_round_trip(corpus):
    corpus.quotes()  # fill the cache: it is not pickled
    data = pickle.dumps(corpus)
    # the default gazetteer travels by name: the pickle is about the size of the results and texts
    assert len(data) < 20 * sum(len(t) for t in TEXTS.values()) + 50_000
    back = pickle.loads(data)
    for table in ("quotes", "entities", "people", "who_said_what"):
        pd.testing.assert_frame_equal(getattr(back, table)(), getattr(corpus, table)(), obj=table)
    assert back.document(SEEDS[0]).to_dict() == corpus.document(SEEDS[0]).to_dict()


def test_pickle_with_own_gazetteer_and_cues():
    gaz = sw.Gazetteer.from_records([{"id": "dc", "name": "Washington", "label": "GPE", "aliases": ["Washington"]}])
    cues = sw.CueLexicon().extend(["harrumphed"])
    c = sw.analyze_many(["“Nonsense,” harrumphed Ned Price in Washington."], gazetteer=gaz, cues=cues,
                        progress=False)
    back = pickle.loads(pickle.dumps(c))
    assert back.entities()["id"].tolist() == ["dc"]
    assert back.quotes()["cue"].tolist() == ["harrumphed"]
    assert back.document(0).quotes[0].cue.text == "harrumphed"
    assert [m.id for m in back.document(0).entities] == ["dc"]


def test_without_gazetteer():
    c = sw.analyze_many([EXTRA], gazetteer=False, progress=False)
    assert c.entities().empty
    assert c.quotes()["speaker_name"].tolist() == ["Ned Price"]
    assert c.who_said_what()["entity_ids"].tolist() == [[]]


def test_invalid_unicode_raises_naming_the_document_or_is_recorded():
    texts = {"good": EXTRA, "bad": "a lone \ud800 surrogate", "also good": TEXTS[SEEDS[0]]}
    with pytest.raises(ValueError, match="document 'bad'.*Unicode"):
        sw.analyze_many(texts, progress=False)
    c = sw.analyze_many(texts, progress=False, on_error="record")
    assert c.errors()["doc"].tolist() == ["bad"]
    assert "Unicode" in c.errors()["error"].iloc[0]
    assert set(c.quotes()["doc"]) == {"good", "also good"}
    assert c.document("bad").quotes == []
    with pytest.raises(ValueError, match="on_error"):
        sw.analyze_many(texts, on_error="ignore")


def test_wrong_types_get_clear_errors():
    with pytest.raises(TypeError, match="single str"):
        sw.analyze_many(EXTRA)
    with pytest.raises(TypeError, match="DataFrame"):
        sw.analyze_many(pd.DataFrame({"text": [EXTRA]}))
    with pytest.raises(TypeError, match="document 'x'.*expected str.*int"):
        sw.analyze_many({"ok": EXTRA, "x": 42}, progress=False)
    with pytest.raises(TypeError, match="gazetteer"):
        sw.analyze_many([EXTRA], gazetteer="default")
    with pytest.raises(ValueError, match="n_threads"):
        sw.analyze_many([EXTRA], n_threads=0)


def test_repr_and_len(corpus):
    assert len(corpus) == 2
    r = repr(corpus)
    assert r.startswith("Corpus(2 documents") and f"{len(corpus.quotes()):,} quotes" in r


def test_documents_come_from_the_texts_as_analysed():
    s = pd.Series([EXTRA, TEXTS[SEEDS[0]]], index=["n", "g"])
    c = sw.analyze_many(s, progress=False)
    s.iloc[0] = "Changed afterwards."
    assert c.document("n").text == EXTRA
    assert c.document("n").quotes == sw.analyze(EXTRA).quotes
