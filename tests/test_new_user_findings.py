"""What a new user's first hour turned up (issue 13), each on the text that showed it: the one-letter "person"
"Ɂ" of a linguistics article, "Lincoln" as a town in an article about Abraham Lincoln, "Apollo" as a place.

The shared benchmark corpus (../shared/bench, Wikipedia and news prose) held those texts; tests that read it skip
without it, and the same shapes of text are checked here on sentences written for the test."""

import json
import lzma
import os
from pathlib import Path

import pytest
import saidwho as sw

SHARED = Path(os.environ.get("SAIDWHO_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
DOCS = SHARED / "bench" / "docs.json.xz"

# The shape of the article that gave 15 quotes to "Ɂ": a key of phonetic symbols, then forms in bold ('''…''')
# with glosses in quotation marks.
GLOTTAL = ("A caron ˇ over a vowel indicates rising tone. V indicates a vowel of unknown timbre. Ɂ indicates a "
           "glottal stop.\n'''*Ɂân-''' / '''*Ɂîn-''' ‘I’ (independent pronoun)\n'''*Ɂǎnn-''' / '''*Ɂǐnn-''' ‘we’\n"
           "'''nekni''' / '''necnin''' \"we\"\n'''*Ɂânt-''' / '''*Ɂînt-''' ‘you’ (sing.)\n'''netta''' \"he\"\n")

LINCOLN = ("Abraham Lincoln was the 16th President of the United States. Lincoln led the United States through "
           "its Civil War.\nBorn in Hodgenville, Kentucky, Lincoln grew up on the western frontier.\nIn 1858 "
           "Lincoln spoke at Springfield. “A house divided against itself cannot stand,” Kentucky's Lincoln said.")


def test_one_letter_is_no_speaker():
    for doc in (sw.analyze(GLOTTAL), sw.analyze_many([GLOTTAL], progress=False)):
        quotes = doc.quotes if isinstance(doc, sw.Document) else doc.quotes().itertuples()
        names = {q.speaker_name for q in quotes}
        assert not any(isinstance(n, str) and sum(c.isalpha() for c in n) < 2 for n in names), names


def test_a_town_named_like_the_person_of_the_article_is_the_person():
    doc = sw.analyze(LINCOLN)
    assert [m.text for m in doc.entities if m.text == "Lincoln"] == []  # no Lincoln, Nebraska
    assert {m.label for m in doc.entities} >= {"GPE"}  # Kentucky, United States: places stay places
    lincoln = next(p for p in doc.people if p.name == "Abraham Lincoln")
    assert len(lincoln.mentions) >= 2
    said = [q for q in doc.quotes if q.text.startswith("A house divided")]
    assert len(said) == 1 and said[0].speaker_id == "abraham_lincoln"
    # the Corpus tables agree with the Document
    corpus = sw.analyze_many([LINCOLN], progress=False)
    assert corpus.entities()[["start", "end", "text"]].values.tolist() == [
        [m.start, m.end, m.text] for m in doc.entities]
    assert corpus.quotes()["speaker_id"].astype(str).tolist() == [str(q.speaker_id) for q in doc.quotes]
    # an article about the town keeps it
    town = sw.analyze("The council met in Omaha and in Lincoln, the state capital, on Monday.")
    assert [m.id for m in town.entities if m.text == "Lincoln"] == ["city:5072006"]


@pytest.mark.parametrize("text", [
    "The god Apollo guided Paris' arrow. Chryses, a priest of Apollo, begs Agamemnon to return her.",
    "The Apollo program landed twelve astronauts on the Moon; Apollo 11 was the first.",
])
def test_apollo_is_no_place(text):
    assert [m for m in sw.analyze(text).entities if "Apollo" in m.text] == []


@pytest.fixture(scope="module")
def shared_docs():
    if not DOCS.exists():
        pytest.skip("../shared/bench is absent")
    return json.loads(lzma.open(DOCS, "rt", encoding="utf-8").read())


@pytest.mark.uses_shared
def test_on_the_shared_corpus(shared_docs):
    glottal = [d for d in shared_docs if "Ɂ indicates a glottal stop" in d]
    lincoln = [d for d in shared_docs if d.startswith("'''Abraham Lincoln'''")]
    assert len(glottal) == 1 and len(lincoln) == 1
    q = sw.analyze_many(glottal, progress=False).quotes()
    assert not (q["speaker_name"] == "Ɂ").any()
    corpus = sw.analyze_many(lincoln, progress=False)
    e = corpus.entities()
    assert not (e["text"] == "Lincoln").any()
    q = corpus.quotes()
    assert not q["speaker_id"].astype(str).str.startswith("city:").any()
    apollo = sw.analyze_many([d for d in shared_docs if "Apollo" in d], progress=False).entities()
    assert not apollo["text"].str.contains("Apollo").any()
