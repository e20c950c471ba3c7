"""saidwho.find_people: person mentions from the text itself, clustered per document."""

import pickle

import pytest
import saidwho as sw


def test_titles_honorifics_given_names_and_clusters():
    text = (
        "Ukrainian president Volodymyr Zelenskiy met troops. Mr Zelenskiy said they would hold, and "
        "Zelenskiy left. U.S. State Department spokesperson Ned Price and Ms Jane Roe, 41, spoke later. "
        "The Kremlin and the United Nations said nothing."
    )
    people = {p.name: p for p in sw.find_people(text)}
    assert set(people) == {"Volodymyr Zelenskiy", "Ned Price", "Jane Roe"}
    z = people["Volodymyr Zelenskiy"]
    assert (z.id, z.gender) == ("volodymyr_zelenskiy", "male")
    assert [m.text for m in z.mentions] == ["Volodymyr Zelenskiy", "Mr Zelenskiy", "Zelenskiy"]
    assert all(text[m.start : m.end] == m.text for p in people.values() for m in p.mentions)
    assert people["Jane Roe"].gender == "female" and people["Ned Price"].gender == "unknown"


def test_gazetteer_persons_win_and_places_are_not_people():
    text = "Zelenskiy met Kyiv officials. Later Zelenskiy spoke in Kyiv."
    ents = [
        (0, 9, "vz", "Volodymyr Zelenskiy", "PERSON"),
        (14, 18, "kyiv", "Kyiv", "GPE"),
        (36, 45, "vz", "Volodymyr Zelenskiy", "PERSON"),
        (55, 59, "kyiv", "Kyiv", "GPE"),
    ]
    (p,) = sw.find_people(text, entities=ents)
    assert (p.id, p.name) == ("vz", "Volodymyr Zelenskiy")
    assert [(m.start, m.end) for m in p.mentions] == [(0, 9), (36, 45)]


def test_person_objects():
    (p,) = sw.find_people("Senator Ted Cruz spoke. Cruz left.")
    assert p.name == "Ted Cruz" and len(p.mentions) == 2
    assert pickle.loads(pickle.dumps(p)) == p
    assert p.to_dict()["mentions"][1] == {"start": 24, "end": 28, "text": "Cruz"}
    assert "Ted Cruz" in repr(p)
    with pytest.raises(AttributeError):
        p.name = "x"
    with pytest.raises(ValueError):
        sw.Person("a", "A", gender="other")


def test_offsets_after_astral_characters():
    text = "😀😀 Mrs Zoë Ångström-Łukasz 🎉 spoke; Mrs Ångström-Łukasz left."
    (p,) = sw.find_people(text)
    assert [m.text for m in p.mentions] == ["Mrs Zoë Ångström-Łukasz", "Mrs Ångström-Łukasz"]
    assert all(text[m.start : m.end] == m.text for m in p.mentions)
    assert p.gender == "female"


def test_bad_input():
    assert sw.find_people("") == []
    with pytest.raises(TypeError):
        sw.find_people(42)
    with pytest.raises(ValueError):
        sw.find_people("Mr \ud800 Smith")
