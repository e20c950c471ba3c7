"""Objects users hold pickle (they travel to Dask/Spark workers) and come back equal."""
import pickle
from pathlib import Path

import pytest
import saidwho as sw

TEXT = (Path(__file__).parent / "data" / "001_08ba5d6a346fbfc5.txt").read_text(encoding="utf-8")


def test_match_pickles_without_its_gazetteer():
    gaz = sw.default_gazetteer()
    matches = gaz.find(TEXT)
    data = pickle.dumps(matches)
    assert len(data) < 200 * len(matches)  # values, not the gazetteer
    back = pickle.loads(data)
    assert back == matches
    for a, b in zip(matches, back):
        assert (a.start, a.end, a.text, a.id, a.label, a.name, a.alias, a.candidates) == (
            b.start, b.end, b.text, b.id, b.label, b.name, b.alias, b.candidates)
        assert TEXT[b.start : b.end] == b.text


def test_unpickled_match_points_to_the_gazetteer_by_id():
    gaz = sw.default_gazetteer()
    m = pickle.loads(pickle.dumps(gaz.find(TEXT)[0]))
    assert gaz[m.id].name == m.name
    with pytest.raises(TypeError, match="gazetteer"):
        _ = m.entry


def test_document_and_corpus_pickle():
    doc = sw.analyze(TEXT)
    back = pickle.loads(pickle.dumps(doc))
    assert back.to_dict() == doc.to_dict()
    corpus = sw.analyze_many({"reuters": TEXT, "missing": None}, progress=False)
    c2 = pickle.loads(pickle.dumps(corpus))
    for table in ("entities", "quotes", "people", "who_said_what"):
        a, b = getattr(corpus, table)(), getattr(c2, table)()
        assert a.astype(str).equals(b.astype(str)), table


def test_quotes_and_people_pickle():
    quotes = sw.extract_quotes(TEXT)
    assert pickle.loads(pickle.dumps(quotes)) == quotes
    people = sw.find_people(TEXT)
    assert pickle.loads(pickle.dumps(people)) == people


def test_default_gazetteer_pickles_by_name():
    gaz = sw.default_gazetteer()
    data = pickle.dumps(gaz)
    assert len(data) < 200
    assert pickle.loads(data) is gaz
    corpus = sw.analyze_many([TEXT], progress=False)
    assert len(pickle.dumps(corpus)) < 20 * len(TEXT.encode()) + 50_000
