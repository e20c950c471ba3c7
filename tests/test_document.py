"""sw.analyze and Document on the two seed articles: fields, offsets, dict/JSON round trip, pickling, bad input."""

import json
import pickle
from pathlib import Path

import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))


def seed(name):
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def gold(name):
    return json.loads((DATA / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SEEDS)
def analysed(request):
    text = seed(request.param)
    return request.param, text, sw.analyze(text)


def test_fields_slice_the_text(analysed):
    _, text, doc = analysed
    assert doc.text is text
    assert doc.entities and doc.people and doc.quotes
    for m in doc.entities:
        assert text[m.start : m.end] == m.text
    for p in doc.people:
        assert p.mentions
        for s in p.mentions:
            assert text[s.start : s.end] == s.text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "scare", "indirect")
        for span in (q.speaker, q.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
    # entities and quotes come in text order
    assert [m.start for m in doc.entities] == sorted(m.start for m in doc.entities)
    assert [q.start for q in doc.quotes] == sorted(q.start for q in doc.quotes)


def test_same_as_the_building_blocks(analysed):
    """analyze = the default gazetteer's matches + quotes resolved against them + the people of the text."""
    _, text, doc = analysed
    gaz = sw.default_gazetteer()
    assert doc.entities == gaz.find(text)
    assert doc.quotes == sw.extract_quotes(text, gazetteer=gaz)
    assert [(p.id, p.name) for p in doc.people] == [(p.id, p.name) for p in sw.find_people(text, gazetteer=gaz)]


def test_gold_speakers_are_resolved_and_are_people(analysed):
    """Every unambiguous gold quote is found with the gold speaker entity, and named people speak."""
    name, _, doc = analysed
    by_span = {(q.start, q.end): q for q in doc.quotes}
    people = {p.id for p in doc.people}
    checked = 0
    for g in gold(name)["quotes"]:
        if g.get("ambiguous") or g["speaker_entity"] is None:
            continue
        q = by_span[(g["start"], g["end"])]
        assert q.speaker_id == g["speaker_entity"], g["text"]
        checked += 1
    assert checked >= 5
    # the people who are quoted by name are person clusters of the document
    assert {"vladimir_putin", "volodymyr_zelenskiy"} <= people


def test_to_dict_and_json_round_trip(analysed):
    _, text, doc = analysed
    d = doc.to_dict()
    assert d["text"] == text
    assert json.loads(doc.to_json()) == d
    assert "’" in doc.to_json()  # UTF-8 kept, not \u escapes
    assert json.loads(doc.to_json(ensure_ascii=True)) == d
    assert [(e["start"], e["end"], e["id"], e["label"]) for e in d["entities"]] == [
        (m.start, m.end, m.id, m.label) for m in doc.entities
    ]
    for qd, q in zip(d["quotes"], doc.quotes, strict=True):
        assert text[qd["start"] : qd["end"]] == qd["text"] == q.text
        assert qd["kind"] == q.kind and qd["group"] == q.group and qd["speaker_id"] == q.speaker_id
        if q.speaker is None:
            assert qd["speaker"] is None
        else:
            assert text[qd["speaker"]["start"] : qd["speaker"]["end"]] == qd["speaker"]["text"]
        if qd["cue"] is not None:
            assert text[qd["cue"]["start"] : qd["cue"]["end"]] == qd["cue"]["text"] == q.cue.text
    for pd_, p in zip(d["people"], doc.people, strict=True):
        assert (pd_["id"], pd_["name"], pd_["gender"]) == (p.id, p.name, p.gender)
        assert [(m["start"], m["end"]) for m in pd_["mentions"]] == [(m.start, m.end) for m in p.mentions]


def test_pickle_keeps_everything_and_names_the_default_gazetteer(analysed):
    _, text, doc = analysed
    data = pickle.dumps(doc)
    # the default gazetteer (megabytes) travels by name, not as bytes
    assert len(data) < 20 * len(text) + 20_000
    back = pickle.loads(data)
    assert back.text == text
    assert back.entities == doc.entities
    assert back.quotes == doc.quotes
    assert back.people == doc.people
    assert back.to_dict() == doc.to_dict()


def test_pickle_with_own_gazetteer_and_without_one():
    gaz = sw.Gazetteer.from_records([{"id": "bakhmut", "name": "Bakhmut", "label": "GPE", "aliases": ["Bakhmut"]}])
    text = "“We hold Bakhmut,” said Ned Price in Bakhmut."
    doc = sw.analyze(text, gazetteer=gaz)
    assert [m.id for m in doc.entities] == ["bakhmut", "bakhmut"]
    back = pickle.loads(pickle.dumps(doc))
    assert back.entities == doc.entities and back.to_dict() == doc.to_dict()
    bare = sw.analyze(text, gazetteer=False)
    assert bare.entities == []
    assert pickle.loads(pickle.dumps(bare)).to_dict() == bare.to_dict()


def test_without_gazetteer_speakers_come_from_the_text():
    text = "“We are not going anywhere,” said State Department spokesman Ned Price. He added: “Never.”"
    doc = sw.analyze(text, gazetteer=False)
    assert doc.entities == []
    assert [q.text for q in doc.quotes] == ["We are not going anywhere,", "Never."]
    assert [q.speaker_name for q in doc.quotes] == ["Ned Price", "Ned Price"]
    assert [q.speaker.text for q in doc.quotes] == ["Ned Price", "He"]
    assert [p.name for p in doc.people] == ["Ned Price"]


def test_empty_and_quote_free_texts():
    for text in ("", "   \n\n ", "No quotation here at all."):
        doc = sw.analyze(text)
        assert doc.quotes == [] and doc.people == []
        assert doc.to_dict()["text"] == text
        assert "Document(" in repr(doc)


def test_bad_input_gets_clear_errors():
    with pytest.raises(TypeError, match="str"):
        sw.analyze(b"bytes are not text")
    with pytest.raises(TypeError, match="str"):
        sw.analyze(None)
    with pytest.raises(ValueError, match="Unicode"):
        sw.analyze("a lone \ud800 surrogate")
    with pytest.raises(TypeError, match="gazetteer"):
        sw.analyze("text", gazetteer="default")


def test_repr_counts():
    text = seed(SEEDS[0])
    doc = sw.analyze(text)
    r = repr(doc)
    assert f"{len(text):,} chars" in r and f"{len(doc.quotes)} quotes" in r and f"{len(doc.entities)} entities" in r


def test_custom_cues_reach_the_document():
    text = "“Nonsense,” harrumphed Ned Price."
    assert sw.analyze(text).quotes[0].cue is None
    cues = sw.CueLexicon().extend(["harrumphed"])
    q = sw.analyze(text, cues=cues).quotes[0]
    assert (q.kind, q.cue.text, q.speaker_name) == ("direct", "harrumphed", "Ned Price")


def test_speaker_mention_ending_inside_an_entity():
    """"Federal Bureau" is a speaker mention that ends inside the entity "Federal Bureau of Investigation"."""
    text = ('At a hearing in Boston, Federal Bureau of Investigation agent Jane Smith said the man had a '
            '"working device," which "could have made a hole in the plane".')
    doc = sw.analyze(text, reported=False)
    assert [q.text for q in doc.quotes] == ["working device,", "could have made a hole in the plane"]
    for q in doc.quotes:
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("module", ["saidwho.document", "saidwho.display", "saidwho.accessor"])
def test_docstring_examples_hold(module):
    import doctest
    import importlib

    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
