"""Reported speech (quotes of kind "indirect"): the forms of issue 10 on real sentences, mixed quotes, the seeds'
gold, the reported=False switch on every entry point, the cue lexicon's content column and bad input."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


def indirect(text: str, **kw):
    out = [q for q in sw.extract_quotes(text, gazetteer=False, **kw) if q.kind == "indirect"]
    for q in out:
        assert text[q.start:q.end] == q.text
        assert q.speaker is not None and text[q.speaker.start:q.speaker.end] == q.speaker.text
        assert q.cue is not None and text[q.cue.start:q.cue.end] == q.cue.text
    return out


def one(text: str, **kw):
    qs = indirect(text, **kw)
    assert len(qs) == 1, [(q.text, q.speaker.text) for q in qs]
    q = qs[0]
    return q.text, q.speaker.text, q.cue.text


# Each form of the issue, in sentences written like news (not taken from any corpus).
FORMS = [
    ("Kyiv said the move was illegal.", ("the move was illegal", "Kyiv", "said")),
    ("The mayor said that the water was safe to drink.", ("the water was safe to drink", "The mayor", "said")),
    ("Ms Okafor told reporters the strike would go ahead.",
     ("the strike would go ahead", "Ms Okafor", "told reporters")),
    ("The minister told parliament that taxes would not rise.", ("taxes would not rise", "The minister", "told")),
    ("Flows through the pipeline were cut, they said.", ("Flows through the pipeline were cut", "they", "said")),
    ("The bridge will reopen in May, said Anna Berg.", ("The bridge will reopen in May", "Anna Berg", "said")),
    ("According to the ministry, 30 drones were shot down overnight.",
     ("30 drones were shot down overnight", "the ministry", "According to")),
    ("Thirty drones were shot down overnight, according to the ministry.",
     ("Thirty drones were shot down overnight", "the ministry", "according to")),
    ("Lukashenko has said repeatedly he has no intention of sending troops.",
     ("he has no intention of sending troops", "Lukashenko", "said")),
    ("Pavel Kulik, the mayor of Lviv, said the shelters were open all night.",
     ("the shelters were open all night", "Pavel Kulik", "said")),
    ("Officials were quoted by the local news agency as saying the border was closed.",
     ("the border was closed", "Officials", "saying")),
    ("The central bank said on Tuesday that inflation had peaked.",
     ("inflation had peaked", "The central bank", "said")),
    ("He said the talks had failed.", ("the talks had failed", "He", "said")),
    ("Ukrainian officials said five people had been killed in the attack.",
     ("five people had been killed in the attack", "Ukrainian officials", "said")),
    ("The IMF warned that growth would slow next year.", ("growth would slow next year", "The IMF", "warned")),
]


@pytest.mark.parametrize("text,want", FORMS, ids=[f[0][:40] for f in FORMS])
def test_forms(text, want):
    assert one(text) == want


def test_object_contents_of_speech_acts():
    # verbs whose content may be an infinitive, a wh-clause or an object (the lexicon's "object" content)
    assert one("The senator vowed to fight the ruling in court.") == (
        "to fight the ruling in court", "The senator", "vowed")
    assert one("The governor urged residents to stay indoors.") == (
        "residents to stay indoors", "The governor", "urged")
    assert sw.CueLexicon().content_of("vowed") == "object"


def test_coordinated_subject_and_shared_subject():
    text = ("Mr Putin and Mr Lukashenko denied that Russia planned to absorb its ally, and claimed they were "
            "working together against threats from the West.")
    qs = indirect(text)
    assert [(q.text, q.speaker.text, q.cue.text) for q in qs] == [
        ("Russia planned to absorb its ally", "Mr Putin and Mr Lukashenko", "denied"),
        ("they were working together against threats from the West", "Mr Putin and Mr Lukashenko", "claimed"),
    ]
    # several speakers resolve to none of them
    assert all(q.speaker_id is None for q in qs)


def test_parenthetical_report_holds_the_whole_sentence():
    text = "The main risk, Ms Okafor said, is that the river will rise again."
    assert one(text) == (text[:-1], "Ms Okafor", "said")


def test_not_reported_speech():
    # beliefs, evidence, nouns and adjectives built on cue words, passives, infinitives
    for text in [
        "Polls show the race is tight.",
        "Mr Smith believes the plan will fail.",
        "The data suggests turnout will fall.",
        "The team will arrive with the reported figures in hand.",
        "When the motion was argued in May, the council was divided.",
        "She had too many names to mention them all.",
        "“We will win,” she said after the rally.",
        "She said: “We will win.”",
        "The regions that he claims to have annexed are contested.",
    ]:
        assert indirect(text) == [], text


def test_user_cue_with_content_makes_beliefs_reported():
    text = "Mr Smith believes the plan will fail."
    lex = sw.CueLexicon().extend(["believes"], role="belief", content="clause")
    assert lex.content_of("believes") == "clause"
    assert sw.CueLexicon().content_of("believes") == ""
    assert one(text, cues=lex) == ("the plan will fail", "Mr Smith", "believes")
    # the lexicon's content survives pickling
    lex2 = pickle.loads(pickle.dumps(lex))
    assert lex2.content_of("believes") == "clause" and lex2.content_of("said") == "clause"
    assert one(text, cues=lex2) == ("the plan will fail", "Mr Smith", "believes")
    with pytest.raises(ValueError, match="content"):
        sw.CueLexicon().extend(["opined"], content="sometimes")


def test_mixed_quote_shares_group_and_speaker():
    text = "Putin said the situation in the occupied regions was “extremely difficult” on Tuesday."
    qs = sw.extract_quotes(text, gazetteer=False)
    assert [q.kind for q in qs] == ["indirect", "partial"]
    rep, part = qs
    assert rep.start <= part.start and part.end <= rep.end
    assert part.text == "extremely difficult"
    assert rep.group == part.group
    assert part.speaker.text == rep.speaker.text == "Putin"
    assert part.speaker_name == rep.speaker_name


def test_reported_false_is_marks_only():
    text = (DATA / f"{SEEDS[1]}.txt").read_text(encoding="utf-8")
    on = sw.extract_quotes(text)
    off = sw.extract_quotes(text, reported=False)
    assert any(q.kind == "indirect" for q in on)
    assert not any(q.kind == "indirect" for q in off)
    key = lambda q: (q.start, q.end, q.speaker and (q.speaker.start, q.speaker.end), q.cue and q.cue.text)
    marks_on = [key(q) for q in on if q.kind != "indirect"]
    assert marks_on == [key(q) for q in off]
    # quotes come in text order, groups numbered in order of first appearance
    assert [q.start for q in on] == sorted(q.start for q in on)
    seen: list[int] = []
    for q in on:
        if q.group not in seen:
            seen.append(q.group)
    assert seen == list(range(len(seen)))


def test_every_entry_point_has_the_switch():
    texts = [(DATA / f"{s}.txt").read_text(encoding="utf-8") for s in SEEDS]
    doc = sw.analyze(texts[1])
    assert any(q.kind == "indirect" for q in doc.quotes)
    assert not any(q.kind == "indirect" for q in sw.analyze(texts[1], reported=False).quotes)
    corpus = sw.analyze_many(texts, progress=False)
    q = corpus.quotes()
    assert "indirect" in set(q["kind"].astype(str))
    assert "indirect" in list(q["kind"].cat.categories)
    n_ind = int((q["kind"] == "indirect").sum())
    assert n_ind == sum(x.kind == "indirect" for t in texts for x in sw.extract_quotes(t))
    w = corpus.who_said_what()
    assert int((w["kind"] == "indirect").sum()) == n_ind
    off = sw.analyze_many(texts, progress=False, reported=False)
    assert not (off.quotes()["kind"] == "indirect").any()
    # a Corpus re-analyses a document with its own settings, also after pickling
    off2 = pickle.loads(pickle.dumps(off))
    assert not any(x.kind == "indirect" for x in off2.document(1).quotes)
    b = sw.extract_quotes_batch(texts, reported=False)
    assert not (b["kind"] == "indirect").any()
    b = sw.extract_quotes_batch(texts)
    assert int((b["kind"] == "indirect").sum()) == n_ind


def _toks(text, s, e):
    return {m.span() for m in WORD.finditer(text, s, e)}


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_reported_gold(seed):
    """Every non-ambiguous reported-speech record of the seeds' gold is found: content overlapping with token
    Jaccard >= 0.5, the speaker mention overlapping the gold one, and the gold's resolved entity where it names
    one (default gazetteer)."""
    text = (DATA / f"{seed}.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / f"{seed}.gold.json").read_text(encoding="utf-8"))["reported"]
    qs = [q for q in sw.extract_quotes(text) if q.kind == "indirect"]
    misses = []
    for r in gold:
        if r["ambiguous"]:
            continue
        assert text[r["start"]:r["end"]] == r["text"]
        g = _toks(text, r["start"], r["end"])

        def jac(q, g=g):
            t = _toks(text, q.start, q.end)
            return len(g & t) / len(g | t)

        best = max(qs, key=jac, default=None)
        ok = (best is not None and jac(best) >= 0.5
              and best.speaker.start < r["speaker_end"] and r["speaker_start"] < best.speaker.end
              and (r["speaker_entity"] is None or best.speaker_id == r["speaker_entity"]))
        if not ok:
            misses.append((r["text"][:60], r["speaker"], best and (best.text[:60], best.speaker.text,
                                                                    best.speaker_id)))
    assert misses == []


def test_bad_input_and_bounded_work():
    with pytest.raises(ValueError):
        sw.extract_quotes("Kyiv said \ud800 the move was illegal.")
    assert sw.extract_quotes("") == []
    # a huge paragraph of cues without punctuation: bounded, every offset valid
    text = "officials said the talks failed and " * 20000
    qs = sw.extract_quotes(text, gazetteer=False)
    assert all(text[q.start:q.end] == q.text for q in qs)
    # no sentence-final punctuation, a lone cue at the very end, a cue at the very start
    for t in ["said", "He said", "said the plan", "According to", "According to X,", ", they said."]:
        for q in sw.extract_quotes(t, gazetteer=False):
            assert t[q.start:q.end] == q.text


def test_accessor_and_dask_have_the_switch():
    import pandas as pd

    texts = pd.Series([(DATA / f"{s}.txt").read_text(encoding="utf-8") for s in SEEDS], name="text")
    assert (texts.saidwho.quotes()["kind"] == "indirect").any()
    assert not (texts.saidwho.quotes(reported=False)["kind"] == "indirect").any()
    dd = pytest.importorskip("dask.dataframe")
    import saidwho.dask as swd

    ddf = dd.from_pandas(texts, npartitions=2)
    on = swd.quotes(ddf).compute(scheduler="sync")
    off = swd.quotes(ddf, reported=False).compute(scheduler="sync")
    assert (on["kind"] == "indirect").sum() == (texts.saidwho.quotes()["kind"] == "indirect").sum()
    assert not (off["kind"] == "indirect").any()
