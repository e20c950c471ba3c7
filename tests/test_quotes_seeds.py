"""The two seed articles: every gold quotation not marked ambiguous is found with its exact span, kind, cue,
speaker mention and resolved speaker (tests/data/*.gold.json, hand-annotated)."""

import json
from pathlib import Path

import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.name[: -len(".gold.json")] for p in DATA.glob("*.gold.json"))


def load(name):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / f"{name}.gold.json").read_text(encoding="utf-8"))
    return text, gold


def canonical_names(gold):
    """Entity id -> its longest mention as written (the name a person cluster should carry)."""
    names = {}
    for e in gold["entities"]:
        if len(e["text"]) > len(names.get(e["entity"], "")):
            names[e["entity"]] = e["text"]
    return names


def entity_tuples(gold):
    names = canonical_names(gold)
    return [(e["start"], e["end"], e["entity"], names[e["entity"]], e["type"]) for e in gold["entities"]]


def check_quote(text, q, g):
    assert (q.start, q.end) == (g["start"], g["end"])
    assert q.text == g["text"] == text[q.start : q.end]
    assert q.kind == g["kind"], g["text"]
    assert (q.cue.text if q.cue else None) == g["cue"], g["text"]
    if g["speaker"] is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None, g["text"]
        assert (q.speaker.start, q.speaker.end, q.speaker.text) == (
            g["speaker_start"],
            g["speaker_end"],
            g["speaker"],
        ), g["text"]
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    if q.cue is not None:
        assert text[q.cue.start : q.cue.end] == q.cue.text


@pytest.mark.parametrize("name", SEEDS)
def test_seed_quotes_without_gazetteer(name):
    # Without a gazetteer, people are resolved from the text itself: check by name.
    check_seed_quotes(name, lambda text: sw.extract_quotes(text, gazetteer=False), same_name=str.__eq__)


def check_seed_quotes(name, extract, same_name):
    """Exactly the gold spans (one Quote per pair of marks); every non-ambiguous quote as gold; person speakers
    resolved to a name ``same_name`` accepts as the gold entity's."""
    text, gold = load(name)
    # quotes in marks (reported speech, kind "indirect", is checked against the gold in tests/test_reported.py)
    quotes = [q for q in extract(text) if q.kind != "indirect"]
    assert [(q.start, q.end) for q in quotes] == [(g["start"], g["end"]) for g in gold["quotes"]]
    names = canonical_names(gold)
    types = {e["entity"]: e["type"] for e in gold["entities"]}
    for q, g in zip(quotes, gold["quotes"]):
        if g.get("ambiguous"):
            continue
        check_quote(text, q, g)
        ent = g["speaker_entity"]
        if ent is not None and types[ent] == "PERSON":
            assert q.speaker_name is not None and same_name(q.speaker_name, names[ent]), g["text"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_quotes_with_gold_entities(name):
    text, gold = load(name)
    quotes = [q for q in sw.extract_quotes(text, entities=entity_tuples(gold)) if q.kind != "indirect"]
    assert [(q.start, q.end) for q in quotes] == [(g["start"], g["end"]) for g in gold["quotes"]]
    for q, g in zip(quotes, gold["quotes"]):
        if g.get("ambiguous"):
            continue
        check_quote(text, q, g)
        assert q.speaker_id == g["speaker_entity"], g["text"]


class FakeGazetteer:
    """Exact matcher over the gold aliases, standing in for the gazetteer stage (same `find` protocol)."""

    def __init__(self, gold):
        self.names = canonical_names(gold)
        self.aliases = {}
        for e in gold["entities"]:
            self.aliases[e["text"]] = (e["entity"], e["type"])

    def find(self, text):
        import re
        from types import SimpleNamespace

        pattern = "|".join(sorted(map(re.escape, self.aliases), key=len, reverse=True))
        out = []
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text):
            eid, label = self.aliases[m.group()]
            out.append(SimpleNamespace(start=m.start(), end=m.end(), id=eid, label=label, name=self.names[eid]))
        return out


@pytest.mark.parametrize("name", SEEDS)
def test_seed_quotes_through_the_gazetteer_protocol(name):
    text, gold = load(name)
    quotes = [q for q in sw.extract_quotes(text, FakeGazetteer(gold)) if q.kind != "indirect"]
    scored = [(q, g) for q, g in zip(quotes, gold["quotes"]) if not g.get("ambiguous")]
    assert scored
    for q, g in scored:
        assert q.speaker_id == g["speaker_entity"], g["text"]


def test_quote_only_paragraph_points_at_the_earlier_mention():
    text, _ = load("000_aaaaf1307d3c8a06")
    last = sw.extract_quotes(text)[-1]
    assert last.cue is None and last.kind == "direct"
    assert last.speaker.text == "Antonio Guterres" and last.speaker.start < last.start


def test_seed_people():
    text, _ = load("001_08ba5d6a346fbfc5")
    people = {p.name: p for p in sw.find_people(text)}
    assert {"Vladimir Putin", "Volodymyr Zelenskiy", "Serhiy Nayev", "Ned Price", "Alexei Kulemzin"} <= set(people)
    putin = people["Vladimir Putin"]
    assert putin.id == "vladimir_putin"
    assert all(text[m.start : m.end] == m.text for m in putin.mentions)
    assert [m.text for m in putin.mentions].count("Putin") >= 8
    assert people["Serhiy Nayev"].gender == "male"
    # Places and organisations are not people.
    assert not {"Kremlin", "Ukraine", "Russia", "Reuters", "Belarus", "Staff"} & set(people)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_quotes_with_default_gazetteer(name):
    """gazetteer=None is the default gazetteer: spans, kinds, cues and speaker mentions as gold, and every
    person speaker resolved to that person's name."""
    # the default gazetteer spells names as their owners do ("António Guterres")
    check_seed_quotes(name, sw.extract_quotes, same_name=lambda a, b: _unaccented(a) == _unaccented(b))


def _unaccented(s):
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", s or "") if unicodedata.category(c) != "Mn")
