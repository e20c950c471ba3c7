"""Reported speech (kind "indirect"): where the content starts and ends, and which noun phrases speak (issue 10's
who-said-what target). Every sentence is invented news text; offsets are checked by slicing."""

from __future__ import annotations

import pytest
import saidwho as sw


def indirect(text: str, **kw):
    out = [q for q in sw.extract_quotes(text, gazetteer=False, **kw) if q.kind == "indirect"]
    for q in out:
        assert text[q.start:q.end] == q.text
        assert q.speaker is not None and text[q.speaker.start:q.speaker.end] == q.speaker.text
        assert q.cue is not None and text[q.cue.start:q.cue.end] == q.cue.text
    return [(q.text, q.speaker.text, q.cue.text) for q in out]


CASES = [
    # ", according to X," as an aside inside the sentence: the content is the sentence around it
    ("At the heart of the dispute, according to two aides, was a budget memo the mayor never read.",
     [("At the heart of the dispute, according to two aides, was a budget memo the mayor never read",
       "two aides", "according to")]),
    ("Since May, according to the nurses' union, 40 nurses have quit the county hospital.",
     [("Since May, according to the nurses' union, 40 nurses have quit the county hospital",
       "the nurses' union", "according to")]),
    ("Only two bridges were closed last year, according to the transport office, and both have reopened.",
     [("Only two bridges were closed last year, according to the transport office, and both have reopened",
       "the transport office", "according to")]),
    # ... but not a relative clause or a prepositional phrase about the source
    ("Prices rose 4 percent, according to the bureau, which tracks costs.",
     [("Prices rose 4 percent", "the bureau", "according to")]),
    ("Prices rose 4 percent, according to the bureau, during a hard winter.",
     [("Prices rose 4 percent", "the bureau", "according to")]),
    # ", compared with …" is the writer's comparison
    ("Sixty percent of parents say the school is improving, compared with 45 percent last spring.",
     [("the school is improving", "Sixty percent of parents", "say")]),
    ("Most tenants said rents were too high, compared to a year ago.",
     [("rents were too high", "Most tenants", "said")]),
    # ", but" and a clause with a named subject: the writer's next clause
    ("The mayor said the bridge would reopen in May, but County Engineer Ruth Vale warned of further delays.",
     [("the bridge would reopen in May", "The mayor", "said")]),
    # ", another says …": the next report after a comma ends the content; "one", "another" speak
    ("One study says the reservoir holds enough for a year, another says it would last until March.",
     [("the reservoir holds enough for a year", "One study", "says")]),
    ("One says the plan works.", [("the plan works", "One", "says")]),
    # an aside set off by commas right after the cue, then a clause
    ("Councillor Tom Hale says, rain or shine, he will open the market on Saturday.",
     [("he will open the market on Saturday", "Tom Hale", "says")]),
    ("The mayor said, however, that the vote would go ahead.",
     [("the vote would go ahead", "The mayor", "said")]),
    # ", said X" with a relative clause about X, and with a noun of saying modifying X's head
    ("The risk is so high that the governor warned the utility, said a state official who was briefed on the talks.",
     [("The risk is so high that the governor warned the utility", "a state official", "said")]),
    ("Prices will rise, said a state official.", [("Prices will rise", "a state official", "said")]),
    # ... but a verb after the noun phrase makes it the subject of forward content
    (("Oregon Sen. Ruth Vale, a critic of the plan, said the county's purchase of land from her rival's donors "
      "was close to fraud."),
     [("the county's purchase of land from her rival's donors was close to fraud", "Ruth Vale", "said")]),
]


@pytest.mark.parametrize("text", [
    # an imperative has no subject: a capitalised adverb opening the sentence does not speak
    "The mayor wants a new bridge. Just ask the engineers at the county office.",
    # a bare infinitive after "help", "let", "make"
    "The grants had helped add momentum to a review by the state auditor.",
    "Officials hope the new maps will help explain the flood risk to owners.",
    # the particle of a phrasal verb is no content
    "Like the mayor, the council has written off efforts by the opposition.",
])
def test_no_report(text):
    assert indirect(text) == []


@pytest.mark.parametrize("text,want", CASES, ids=[c[0][:40] for c in CASES])
def test_boundaries(text, want):
    assert indirect(text) == want
