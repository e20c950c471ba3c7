"""Reported speech (kind "indirect"): grammatical forms added for issue 10's accuracy targets, where content
starts and ends, and which noun phrases speak. Every sentence is invented news text; offsets are checked by
slicing."""

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


FORMS = [
    # a participle after a quotation reports for the quotation's speaker
    ("“We will not back down,” she told the crowd, adding that the council would vote again in May.",
     [("the council would vote again in May", "she", "adding")]),
    ('"The count was flawed," the mayor said, adding he would appeal.',
     [("he would appeal", "the mayor", "adding")]),
    # a progressive is no passive: "is warning", "are saying"
    ("The governor is warning residents that the storm could bring heavy flooding.",
     [("the storm could bring heavy flooding", "The governor", "warning")]),
    ("The ministry is saying that the talks have stalled.",
     [("the talks have stalled", "The ministry", "saying")]),
    # "that" followed by an aside set off by commas
    ("He said that, if reelected, he would cut property taxes.",
     [("he would cut property taxes", "He", "said")]),
    ("Parents say that, despite the delays, the school has improved.",
     [("the school has improved", "Parents", "say")]),
    # indirect questions
    ("Martinez explained why she had left the party.", [("why she had left the party", "Martinez", "explained")]),
    ("The mayor explained how the new budget would work.",
     [("how the new budget would work", "The mayor", "explained")]),
    # a bare clause after a short prepositional phrase and a comma
    ("The councillor says despite the delays, she still backs the project.",
     [("despite the delays, she still backs the project", "The councillor", "says")]),
    # an infinitive with a that-clause reports for the governing verb's subject
    ("The senator went on to explain that the bill would cut costs.",
     [("the bill would cut costs", "The senator", "explain")]),
    # the subject before a parenthetical set off by dashes
    (("Union leaders — including the head of the teachers' federation — have long argued that the pay offer is "
     "too low."), [("the pay offer is too low", "Union leaders", "argued")]),
    ("The minister - speaking after a cabinet meeting - declared that the crisis was over.",
     [("the crisis was over", "The minister", "declared")]),
    # an object verb whose object is a plain noun phrase
    ("Some Republican donors have urged party leaders to drop the plan.",
     [("party leaders to drop the plan", "Some Republican donors", "urged")]),
    # a reporting clause inside a relative clause: the rest of the relative clause, the speaker after the pronoun
    ("The new rules, which officials said will take effect in May, do not cover farms.",
     [("will take effect in May", "officials", "said")]),
    ("The district had 30 applicants, which he said were split evenly between the two camps.",
     [("were split evenly between the two camps", "he", "said")]),
    ("A few weeks after the mayor announced that the plant would close, the council voted to buy it.",
     [("the plant would close", "the mayor", "announced")]),
    # a noun-phrase object ends before a time adverbial; an object with an infinitive keeps its extent
    ("The senator announced her candidacy in June 2015.", [("her candidacy", "The senator", "announced")]),
    ("The union urged its members to reject the offer in a vote on Friday.",
     [("its members to reject the offer in a vote on Friday", "The union", "urged")]),
    # ", as X said" closing the sentence
    ("Turnout was low in the north, as local officials have acknowledged.",
     [("Turnout was low in the north", "local officials", "acknowledged")]),
    # the object of a verb of telling before a closing report's tail
    ("The council was only doing what other councils already do, he told the tribunal in a written brief.",
     [("The council was only doing what other councils already do", "he", "told")]),
    # a closing report's content starts after a dateline or a connective
    ("TALLAHASSEE — The state will appeal the ruling, the governor said.",
     [("The state will appeal the ruling", "the governor", "said")]),
    ("In fact, the bridge was never closed, officials said.",
     [("the bridge was never closed", "officials", "said")]),
    # a reporting clause opening with a subordinator ends at the main clause
    ("While the mayor said the budget was balanced, auditors found a large gap.",
     [("the budget was balanced", "the mayor", "said")]),
    ("The council discussed the plan, which state media claimed now allows the city to expand.",
     [("now allows the city to expand", "state media", "claimed")]),
    # a participle after a group, a noun of saying, "by" or a coordinator
    ("Voters view her as more prepared, with 50 percent saying she is ready for the job.",
     [("she is ready for the job", "50 percent", "saying")]),
    ("Later, the mayor's office issued a statement saying it would delay the parade.",
     [("it would delay the parade", "the mayor's office", "saying")]),
    ("The mayor responded by saying she would not resign.", [("she would not resign", "The mayor", "saying")]),
    ("She called the plan bold, saying it was overdue but suggesting that the cost might be too high.",
     [("it was overdue", "She", "saying"), ("the cost might be too high", "She", "suggesting")]),
    # a participle after its adverbs
    ("The candidate has raised doubts about the count, falsely suggesting that the machines were rigged.",
     [("the machines were rigged", "The candidate", "suggesting")]),
    ("The senator cautioned against haste before optimistically predicting that the bill would pass.",
     [("the bill would pass", "The senator", "predicting")]),
    # a noun of saying before the participle, after a time adverbial too: the subject of the verb it is object of
    ("The party sent a donor email Wednesday saying that the count was close.",
     [("the count was close", "The party", "saying")]),
    ("The union sent the board a letter on Monday alleging that the vote was unfair.",
     [("the vote was unfair", "The union", "alleging")]),
    # a negated verb of saying with a wh-clause
    ("The council did not say when the vote would take place.",
     [("when the vote would take place", "The council", "say")]),
    # after a quotation, a cue followed by a clear clause reports that clause too
    ("“We were friends for years,” he insisted they had only spoken once.", [("they had only spoken once", "he", "insisted")]),
    # headlines in title case: the cue written with a capital
    ("Former Mayor Says City Budget Is Balanced.", [("City Budget Is Balanced", "Former Mayor", "Says")]),
    ("Bridge Will Reopen In May, Harbor Authority Says.",
     [("Bridge Will Reopen In May", "Harbor Authority", "Says")]),
    ("Railing Against The Tax, Senator Vows To Block The Bill.", [("To Block The Bill", "Senator", "Vows")]),
    # subjects other readers miss: an adverbial "since" after "has", a quantifier standing alone
    ("The mayor has since said she would support a smaller increase.",
     [("she would support a smaller increase", "The mayor", "said")]),
    ("Some say they hear echoes of the past in the speech.",
     [("they hear echoes of the past", "Some", "say")]),
    # a form that is a noun elsewhere is a verb before a subject pronoun and its verb
    ("Farm unions claim it will lead to widespread closures.",
     [("it will lead to widespread closures", "Farm unions", "claim")]),
    ("Local candidates promise they will honour the treaty.",
     [("they will honour the treaty", "Local candidates", "promise")]),
    # "charge" with a that-clause
    ("Critics charge that the plan favors the rich.", [("the plan favors the rich", "Critics", "charge")]),
]


@pytest.mark.parametrize("text,want", FORMS, ids=[f[0][:40] for f in FORMS])
def test_forms(text, want):
    assert indirect(text) == want


def test_parenthetical_report_continues_after_the_speaker():
    # "X, the engineer said, until …": after "X said," a subordinate clause, a prepositional phrase or a
    # coordinated clause continues the report; the content is the whole sentence
    for text in [
        "The bridge was safe, the engineer said, until the storm damaged its supports.",
        ("The new law is vague about who would qualify, housing experts say, including a clause that could exclude "
        "renters."),
        "Ticket sales rose 8 percent, the league said in its annual report, and attendance at away games doubled.",
    ]:
        [(content, _, _)] = indirect(text)
        assert content == text[:-1]
    # the speaker's next act is not
    assert indirect("The dam held, the engineer said, and then left the site.") == [
        ("The dam held", "the engineer", "said")]


def test_still_not_reported_speech():
    for text in [
        "The plan is said to be popular.",
        "She had too many names to mention them all.",
        "The data suggests turnout will fall.",
        "The council asked for more time.",
        "“We will win,” he vowed to supporters.",
        "The campaign has halted paid speeches since announcing his candidacy.",
        "The mayor Says nothing.",
        "Says the mayor: we are fine.",
        "Having announced that the talks had failed, the envoy flew home.",
        "His claim it was rigged fell flat.",
        "The reported figures were wrong.",
        "That was what the mayor said when she resigned.",
    ]:
        assert indirect(text) == [], text


def test_headline_quotations_stay_as_they_were():
    # a quotation in a title-case headline may be a title or a nickname: the headline reports nothing, and the
    # quotation keeps its own kind
    text = "Mayor ‘The Builder’ Says Bridge Will Reopen In May."
    assert indirect(text) == []
    off = [q.kind for q in sw.extract_quotes(text, gazetteer=False, reported=False)]
    assert [q.kind for q in sw.extract_quotes(text, gazetteer=False)] == off
    assert indirect("Museum Will Tell Of Hard Times, Director Says.") == [
        ("Museum Will Tell Of Hard Times", "Director", "Says")]


# Where reported content starts and ends, and which noun phrases speak.
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
