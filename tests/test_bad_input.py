"""Bad input gets a clear exception naming the problem, never a crash, a hang or a lost batch.

Covers: lone surrogates, bytes instead of str, missing values in a Series, a 100 MB text, gazetteers with empty,
duplicate or blank aliases, corrupt and truncated saved files, wrong option values; batches that keep every
document in order with its id, and one bad document that gives an error row or an exception naming it.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import saidwho as sw
from saidwho.align import cluster_quotes

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
SURR = "In Kyiv, \ud800 Mr Zelenskiy said “no”."
GOOD = "“We will not give up,” Mr Zelenskiy said in Kyiv."


@pytest.fixture(scope="module")
def gaz():
    return sw.Gazetteer.from_records([
        {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]},
        {"id": "zelenskiy", "name": "Volodymyr Zelenskiy", "label": "PERSON", "aliases": ["Zelenskiy"]},
        {"id": "putin", "name": "Vladimir Putin", "label": "PERSON", "aliases": ["Putin"]},
    ])


def _rows(df: pd.DataFrame) -> list:
    return df.astype(object).where(df.notna(), None).values.tolist()


# ----- lone surrogates -----

SURROGATE_CALLS = {
    "find": lambda g: g.find(SURR),
    "find_spans": lambda g: g.find_spans(SURR, overlapping=True),
    "find_batch": lambda g: g.find_batch([GOOD, SURR]),
    "find_batch_arrow": lambda g: g.find_batch_arrow([GOOD, SURR]),
    "analyze": lambda g: sw.analyze(SURR, gazetteer=g),
    "analyze(gazetteer=False)": lambda g: sw.analyze(SURR, gazetteer=False),
    "extract_quotes": lambda g: sw.extract_quotes(SURR, gazetteer=g),
    "extract_quotes(entities=)": lambda g: sw.extract_quotes(SURR, entities=[]),
    "find_people": lambda g: sw.find_people(SURR, gazetteer=g),
    "analyze_many": lambda g: sw.analyze_many([GOOD, SURR], gazetteer=g, progress=False),
    "extract_quotes_batch": lambda g: sw.extract_quotes_batch([GOOD, SURR], gazetteer=g),
    "from_records": lambda g: sw.Gazetteer.from_records([{"id": "x", "name": "Ky\ud800iv"}]),
    "cluster_quotes": lambda g: cluster_quotes(pd.DataFrame(
        {"doc": [0, 1], "start": [0, 0], "end": [3, 3], "text": ["abc", "a\udc00c"], "speaker": ["x", "x"]})),
}


@pytest.mark.parametrize("call", list(SURROGATE_CALLS))
def test_lone_surrogate_is_a_value_error(gaz, call):
    with pytest.raises(ValueError) as e:
        SURROGATE_CALLS[call](gaz)
    msg = str(e.value).lower()
    assert "surrogate" in msg or "unicode" in msg or "utf-8" in msg, msg


def test_lone_surrogate_errors_say_where(gaz):
    with pytest.raises(ValueError, match=r"offset 9"):
        gaz.find(SURR)
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        gaz.find_batch([GOOD, SURR])
    with pytest.raises(ValueError, match=r"document 'b'"):
        sw.analyze_many(pd.Series([GOOD, SURR], index=["a", "b"], dtype=object), gazetteer=gaz, progress=False)


# ----- bytes and other non-str values -----

NOT_STR_CALLS = {
    "find": lambda g, v: g.find(v),
    "find_spans": lambda g, v: g.find_spans(v),
    "find_batch": lambda g, v: g.find_batch([GOOD, v]),
    "analyze": lambda g, v: sw.analyze(v, gazetteer=g),
    "extract_quotes": lambda g, v: sw.extract_quotes(v, gazetteer=g),
    "find_people": lambda g, v: sw.find_people(v, gazetteer=g),
    "analyze_many": lambda g, v: sw.analyze_many([GOOD, v], gazetteer=g, progress=False),
    "extract_quotes_batch": lambda g, v: sw.extract_quotes_batch([GOOD, v], gazetteer=g),
}


@pytest.mark.parametrize("value", [b"Kyiv said", bytearray(b"Kyiv"), 42, ["Kyiv"]], ids=repr)
@pytest.mark.parametrize("call", list(NOT_STR_CALLS))
def test_non_str_text_is_a_type_error(gaz, call, value):
    with pytest.raises(TypeError) as e:
        NOT_STR_CALLS[call](gaz, value)
    msg = str(e.value)
    assert "str" in msg and type(value).__name__ in msg, msg


def test_non_str_errors_name_the_document(gaz):
    with pytest.raises(TypeError, match=r"texts\[1\].*bytes"):
        gaz.find_batch([GOOD, b"x"])
    with pytest.raises(TypeError, match=r"document 'second'.*bytes"):
        sw.analyze_many({"first": GOOD, "second": b"x"}, gazetteer=gaz, progress=False)


@pytest.mark.parametrize("call", [
    lambda g: sw.analyze_many(GOOD, progress=False),
    lambda g: g.find_batch(GOOD),
    lambda g: sw.extract_quotes_batch(GOOD),
    lambda g: sw.analyze_many(pd.DataFrame({"text": [GOOD]}), progress=False),
])
def test_a_single_str_or_a_frame_where_a_collection_is_expected(gaz, call):
    with pytest.raises(TypeError):
        call(gaz)


# ----- missing values -----

@pytest.mark.parametrize("dtype", ["object", "string[python]", "string[pyarrow]", "str"])
def test_missing_texts_in_a_series_are_kept_as_documents_without_results(gaz, dtype):
    if dtype == "string[pyarrow]":
        pytest.importorskip("pyarrow")
    values = [GOOD, None, "Putin said it was a “long process”.", np.nan, pd.NA, "", "From Kiev."]
    s = pd.Series(values, index=[f"d{i}" for i in range(len(values))], dtype=object)
    try:
        s = s.astype(dtype)
    except (TypeError, ValueError):
        pytest.skip(f"this pandas has no {dtype} dtype")
    corpus = sw.analyze_many(s, gazetteer=gaz, progress=False)
    assert len(corpus) == len(s)
    assert list(corpus.ids) == list(s.index)
    assert corpus.errors().empty
    ents = corpus.entities()
    assert sorted(set(ents["doc"])) == ["d0", "d2", "d6"]
    assert set(corpus.quotes()["doc"]) == {"d0", "d2"}
    # the same through the accessor and the other batch calls (positions stay aligned)
    assert _rows(s.saidwho.entities(gazetteer=gaz)) == _rows(ents)
    fb = gaz.find_batch(list(s))
    assert fb["doc"].tolist() == [s.index.get_loc(d) for d in ents["doc"]]
    qb = sw.extract_quotes_batch(list(s), gazetteer=gaz)
    assert sorted(set(qb["doc"])) == [0, 2]


# ----- a 100 MB text -----

def test_a_100_mb_text_is_analysed_without_crashing(gaz):
    unit = "\n\n".join(SEEDS) + "\n\n"
    text = unit * (100_000_000 // len(unit) + 1)
    assert len(text) >= 100_000_000
    n_units = len(text) // len(unit)
    corpus = sw.analyze_many([text, GOOD], gazetteer=gaz, progress=False)
    quotes = corpus.quotes()
    per_unit = sw.analyze_many([unit], gazetteer=gaz, progress=False)
    assert (quotes["doc"] == 0).sum() == n_units * len(per_unit.quotes())
    assert (corpus.entities()["doc"] == 0).sum() == n_units * len(per_unit.entities())
    last = quotes[quotes["doc"] == 0].iloc[-1]
    assert text[last["start"]:last["end"]] == last["text"]
    spans = gaz.find_spans(text)
    assert len(spans) == n_units * len(gaz.find_spans(unit))
    s, e, _ = spans[-1]
    assert text[s:e] in ("Kyiv", "Kiev", "Zelenskiy", "Putin")


@pytest.mark.parametrize("kind", ["one line of words", "quote marks", "apostrophes", "no spaces", "newlines"])
def test_degenerate_large_texts_finish(gaz, kind):
    """Texts that stress the scanners' worst cases (one 4 MB paragraph, runs of marks): results, no hang."""
    n = 4_000_000
    unit = {
        "one line of words": "Mr Zelenskiy said Putin told Kyiv “yes” and ",
        "quote marks": "“ \" ‘ « „ ",
        "apostrophes": "’'",
        "no spaces": "Zelenskiy",
        "newlines": "\n“",
    }[kind]
    text = unit * (n // len(unit))
    doc = sw.analyze(text, gazetteer=gaz)
    for q in doc.quotes[:50] + doc.quotes[-50:]:
        assert text[q.start:q.end] == q.text
    for m in doc.entities[:50]:
        assert text[m.start:m.end] == m.text


# ----- gazetteers: empty, blank and duplicate aliases -----

@pytest.mark.parametrize("alias", ["", " ", "   ", "\t\n", "\u00a0\u2003", "\u3000"], ids=repr)
def test_empty_or_blank_alias_is_an_input_error_naming_the_entry(alias):
    with pytest.raises(sw.GazetteerInputError, match="x1"):
        sw.Gazetteer.from_records([{"id": "x1", "name": "Kyiv", "aliases": ["Kiev", alias]}])


def test_blank_name_without_aliases_is_an_input_error():
    with pytest.raises(sw.GazetteerInputError, match="x2"):
        sw.Gazetteer.from_records([{"id": "x2", "name": "  ", "label": "GPE"}])


@pytest.mark.parametrize("record, exc, words", [
    ({"name": "Kyiv"}, (ValueError, sw.GazetteerInputError), ["record 0", "id"]),
    ({"id": "", "name": "Kyiv"}, sw.GazetteerInputError, ["entry 0", "empty id"]),
    ({"id": None, "name": "Kyiv"}, TypeError, ["record 0", "id", "NoneType"]),
    ({"id": b"k", "name": "Kyiv"}, TypeError, ["record 0", "id", "bytes"]),
    ({"id": "k", "name": "Kyiv", "aliases": "Kiev"}, TypeError, ["record 0", "aliases"]),
    ({"id": "k", "name": "Kyiv", "aliases": [None]}, TypeError, ["record 0", "alias", "NoneType"]),
    ({"id": "k", "name": "Kyiv", "aliases": [3.5]}, TypeError, ["record 0", "alias", "float"]),
    ({"id": "k", "name": "Kyiv", "priority": float("nan")}, sw.GazetteerInputError, ['"k"', "priority"]),
    ({"id": "k", "name": "Kyiv", "aliases": [{"alias": "Kiev", "case": "upper"}]}, ValueError, ["case", "upper"]),
], ids=lambda v: repr(v) if isinstance(v, dict) else "")
def test_malformed_records_are_clear_errors(record, exc, words):
    with pytest.raises(exc) as e:
        sw.Gazetteer.from_records([record])
    for w in words:
        assert w in str(e.value), str(e.value)


def test_non_dict_record_is_a_type_error():
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records(["Kyiv"])


def test_duplicate_aliases_collapse_and_shared_aliases_are_candidates():
    g = sw.Gazetteer.from_records([
        {"id": "a", "name": "Georgia", "label": "GPE", "aliases": ["Georgia", "Georgia", " Georgia ", "GEORGIA"]},
        {"id": "b", "name": "Georgia (US state)", "label": "GPE", "aliases": ["Georgia"], "priority": -1},
    ])
    assert [len(e.aliases) for e in g] == [2, 2]  # "Georgia" once, "GEORGIA" (case-sensitive in smart mode)
    (m,) = g.find("They left Georgia.")
    assert (m.id, m.text, m.candidates) == ("a", "Georgia", ["a", "b"])


def test_blank_alias_cells_in_files_name_the_file_and_line(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("id,name,label,aliases\nkyiv,Kyiv,GPE,Kiev|Kyjiw\nus,United States,GPE,US|  |U.S.\n")
    with pytest.raises(sw.GazetteerInputError) as e:
        sw.Gazetteer.from_csv(p)
    assert "g.csv" in str(e.value) and "3" in str(e.value)
    p.write_text("id,name,label,aliases\n")
    assert len(sw.Gazetteer.from_csv(p)) == 0
    p.write_text("id,name,label,aliases\nus,   ,GPE,\n")
    with pytest.raises(sw.GazetteerInputError, match="line 2: no name and no alias"):
        sw.Gazetteer.from_csv(p)
    p.write_text("just one field\n")
    with pytest.raises(sw.GazetteerInputError, match="line 1"):
        sw.Gazetteer.from_csv(p)


# ----- corrupt and truncated saved files -----

@pytest.fixture(scope="module")
def saved(gaz):
    return gaz.to_bytes()


def test_every_truncation_is_a_format_error(saved):
    for cut in sorted({0, 1, 11, 12, 16, 24, 27, 28, 29, len(saved) // 2, len(saved) - 1}):
        with pytest.raises(sw.GazetteerFormatError):
            sw.Gazetteer.from_bytes(saved[:cut])


def test_every_single_byte_change_is_a_format_error_or_the_same_gazetteer(saved, gaz):
    rng = random.Random(7)
    text = "Kiev, Zelenskiy and Putin in Kyiv."
    expected = [(m.start, m.end, m.id) for m in gaz.find(text)]
    for i in range(len(saved)):
        bad = bytearray(saved)
        bad[i] ^= 1 << rng.randrange(8)
        try:
            g = sw.Gazetteer.from_bytes(bytes(bad))
        except sw.GazetteerFormatError as e:
            assert str(e)
            continue
        # only a change the format cannot see (none expected: the payload has a checksum) may load
        assert [(m.start, m.end, m.id) for m in g.find(text)] == expected, i


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b"NOT-A-GAZ" + b[9:], "magic"),
    (lambda b: b[:12] + (99).to_bytes(4, "little") + b[16:], "newer"),
    (lambda b: b[:12] + (0).to_bytes(4, "little") + b[16:], "version"),
    (lambda b: b + b"trailing", "unexpected bytes"),
    (lambda b: b[:-8] + bytes(8), "checksum"),
    (lambda b: b"", "magic"),
], ids=["magic", "newer", "version 0", "trailing", "checksum", "empty"])
def test_corrupt_saved_data_says_what_is_wrong(saved, mutate, message):
    with pytest.raises(sw.GazetteerFormatError, match=message):
        sw.Gazetteer.from_bytes(mutate(saved))


def test_load_names_the_file(tmp_path, saved):
    p = tmp_path / "cut.swg"
    p.write_bytes(saved[: len(saved) // 2])
    with pytest.raises(sw.GazetteerFormatError, match="cut.swg"):
        sw.Gazetteer.load(p)
    csv = tmp_path / "g.csv"
    csv.write_text("id,name\nk,Kyiv\n")
    with pytest.raises(sw.GazetteerFormatError, match="g.csv"):
        sw.Gazetteer.load(csv)
    with pytest.raises(FileNotFoundError):
        sw.Gazetteer.load(tmp_path / "missing.swg")
    with pytest.raises(OSError):
        sw.Gazetteer.load(tmp_path)
    with pytest.raises(TypeError):
        sw.Gazetteer.from_bytes("not bytes")


# ----- wrong option values -----

OPTION_CALLS = {
    "case": (lambda g: sw.Gazetteer.from_records([], case="Smart"), ValueError, "case"),
    "accents": (lambda g: sw.Gazetteer.from_records([], accents="strip"), ValueError, "accents"),
    "on_error": (lambda g: sw.analyze_many([GOOD], on_error="ignore", progress=False), ValueError, "on_error"),
    "n_threads=0": (lambda g: sw.analyze_many([GOOD], n_threads=0, progress=False), ValueError, "n_threads"),
    "n_threads=-1": (lambda g: g.find_batch([GOOD], n_threads=-1), ValueError, "n_threads"),
    "n_threads='2'": (lambda g: g.find_batch([GOOD], n_threads="2"), TypeError, "n_threads"),
    "n_threads=2.0": (lambda g: sw.extract_quotes_batch([GOOD], n_threads=2.0), TypeError, "n_threads"),
    "n_threads=True": (lambda g: sw.analyze_many([GOOD], n_threads=True, progress=False), TypeError,
                       "n_threads"),
    "align n_threads": (lambda g: cluster_quotes(pd.DataFrame(
        {"doc": [0], "start": [0], "end": [1], "text": ["a"], "speaker": ["x"]}), n_threads=0), ValueError,
        "n_threads"),
    "gazetteer='default'": (lambda g: sw.analyze(GOOD, gazetteer="default"), TypeError, "gazetteer"),
    "gazetteer=dict": (lambda g: sw.analyze_many([GOOD], gazetteer={}, progress=False), TypeError, "gazetteer"),
    "cues='said'": (lambda g: sw.analyze(GOOD, cues="said"), TypeError, ""),
    "overlapping='yes'": (lambda g: g.find(GOOD, overlapping="yes"), TypeError, ""),
}


@pytest.mark.parametrize("name", list(OPTION_CALLS))
def test_wrong_option_values_are_named(gaz, name):
    call, exc, word = OPTION_CALLS[name]
    with pytest.raises(exc) as e:
        call(gaz)
    assert word in str(e.value), str(e.value)


def test_bad_thread_environment_variable_is_named(gaz, monkeypatch):
    monkeypatch.setenv("SAIDWHO_NUM_THREADS", "many")
    with pytest.raises(ValueError, match="SAIDWHO_NUM_THREADS"):
        gaz.find_batch([GOOD])
    monkeypatch.setenv("SAIDWHO_NUM_THREADS", "1")
    assert gaz.find_batch([GOOD])["id"].tolist() == ["zelenskiy", "kyiv"]


# ----- batches keep every document, in order, with its id -----

def _docs(n: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    paras = [p for s in SEEDS for p in s.split("\n") if p.strip()]
    ids = [f"{rng.randrange(10**9):09d}-{k}" for k in range(n)]
    rng.shuffle(ids)
    return {i: "\n".join(rng.sample(paras, rng.randrange(0, 6))) for i in ids}


@pytest.mark.parametrize("n_threads, progress", [(None, False), (1, False), (2, True)])
def test_ids_round_trip_and_results_equal_one_by_one(gaz, n_threads, progress):
    # progress=True on > 2 MB of text runs in chunks: the chunks' offsets must keep the ids right
    docs = _docs(600 if progress else 150, seed=n_threads or 0)
    if progress:
        big = "\n".join(SEEDS) * 40
        docs.update({f"big{k}": big for k in range(6)})
    corpus = sw.analyze_many(docs, gazetteer=gaz, n_threads=n_threads, progress=progress)
    assert list(corpus.ids) == list(docs)
    quotes, ents = corpus.quotes(), corpus.entities()
    # rows come in input order
    order = {d: k for k, d in enumerate(docs)}
    assert quotes["doc"].map(order).is_monotonic_increasing
    assert ents["doc"].map(order).is_monotonic_increasing
    by_doc_q = {d: g for d, g in quotes.groupby("doc", sort=False)}
    by_doc_e = {d: g for d, g in ents.groupby("doc", sort=False)}
    for d, text in list(docs.items())[:: 7]:
        doc = sw.analyze(text, gazetteer=gaz)
        got_q = by_doc_q.get(d, quotes.iloc[:0])
        assert [(q.start, q.end, q.text, q.kind) for q in doc.quotes] == list(
            zip(got_q["start"], got_q["end"], got_q["text"], got_q["kind"]))
        got_e = by_doc_e.get(d, ents.iloc[:0])
        assert [(m.start, m.end, m.id) for m in doc.entities] == list(zip(got_e["start"], got_e["end"], got_e["id"]))


def test_one_bad_document_is_an_error_row_and_the_rest_is_kept(gaz):
    docs = _docs(40, seed=3)
    keys = list(docs)
    bad = {keys[5]: SURR, keys[17]: b"bytes, not str", keys[30]: 12.5}
    mixed = {k: bad.get(k, v) for k, v in docs.items()}
    corpus = sw.analyze_many(pd.Series(mixed, dtype=object), gazetteer=gaz, progress=False, on_error="record")
    assert list(corpus.ids) == keys
    errors = corpus.errors()
    assert errors["doc"].tolist() == [keys[5], keys[17], keys[30]]
    assert "surrogate" in errors["error"].iloc[0]
    assert "bytes" in errors["error"].iloc[1] and "float" in errors["error"].iloc[2]
    assert not errors["error"].str.startswith("document").any()  # the doc column names it
    good = sw.analyze_many({k: v for k, v in docs.items() if k not in bad}, gazetteer=gaz, progress=False)
    assert _rows(corpus.quotes()) == _rows(good.quotes())
    assert _rows(corpus.entities()) == _rows(good.entities())
    with pytest.raises(ValueError, match=repr(keys[5])):
        sw.analyze_many(pd.Series(mixed, dtype=object), gazetteer=gaz, progress=False)


def test_duplicate_ids_are_kept(gaz):
    s = pd.Series([GOOD, "From Kiev.", GOOD], index=["x", "y", "x"])
    corpus = sw.analyze_many(s, gazetteer=gaz, progress=False)
    assert corpus.entities()["doc"].tolist() == ["x", "x", "y", "x", "x"]
    with pytest.raises(KeyError):
        corpus.document("x")


# ----- fuzz regression: an entity that runs past the speaker mention -----

def test_entity_past_the_speaker_mention_keeps_the_batch():
    text = "“We will win,” Mr Putin said."
    s, e = text.index("Putin"), text.index("said") + 4
    (q,) = sw.extract_quotes(text, entities=[(s, e, "p", "Putin said", "PERSON")])
    assert (q.text, q.speaker.text) == ("We will win,", "Mr Putin")
    g = sw.Gazetteer.from_records([{"id": "p", "name": "Putin said", "label": "PERSON"}])
    corpus = sw.analyze_many([GOOD, text], gazetteer=g, progress=False)
    assert corpus.quotes()["doc"].tolist() == [0, 1]
    assert corpus.entities()["text"].tolist() == ["Putin said"]
