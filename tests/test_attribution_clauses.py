"""Attribution across clause structure: fronted subordinate clauses, dashed parentheses, and the other
patterns of issue 11. Every sentence is invented news (invented people, places and events)."""

import pytest
import saidwho as sw


def check(text, quote, speaker, kind=None, cue=None):
    """The quote whose text is `quote` has speaker text `speaker` (None: no speaker); offsets slice the text."""
    qs = [q for q in sw.extract_quotes(text, gazetteer=False) if q.kind != "indirect"]
    for q in qs:
        assert text[q.start : q.end] == q.text
        for sp in (q.speaker, q.cue):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text
    (q,) = [q for q in qs if q.text == quote]
    assert (q.speaker.text if q.speaker else None) == speaker, q
    if kind is not None:
        assert q.kind == kind
    if cue is not None:
        assert q.cue is not None and q.cue.text == cue
    return q


# A verb inside a fronted subordinate clause ("When/While/After X …,") does not report the main clause: the quote
# belongs to the main clause's subject.
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (
            "While he conceded that the budget was a major worry, Marsh also noted several “hidden costs” in the plan.",
            "hidden costs",
            "Marsh",
        ),
        (
            ("While the developer didn’t reveal how much she would invest in the harbour, she did say she found the "
            "mayor to be “very persuasive” at the meeting."),
            "very persuasive",
            "she",
        ),
        (
            ("After the councillor argued that the ferry should be kept, Okafor said only that his “door remains "
            "open” to talks."),
            "door remains open",
            "Okafor",
        ),
        (
            ("When Ada Lind noted that the firm had paid no harbour levy ― as its own filings show for two years ― "
            "the chief executive, Tom Brandt, boasted, “That makes us efficient.”"),
            "That makes us efficient.",
            "Tom Brandt",
        ),
    ],
)
def test_fronted_clause_subject_is_not_the_speaker(text, quote, speaker):
    check(text, quote, speaker)


# A subject set off from its verb by a parenthesis between dashes: the name before the parenthesis speaks.
@pytest.mark.parametrize(
    "text, quote, speaker, kind",
    [
        ("Jane Roe — the former mayor of Eastport — said, “The ferry plan is a disaster.”",
         "The ferry plan is a disaster.", "Jane Roe", "direct"),
        ("Councillor Ben Ode — who chaired the harbour board for a decade — warned, “We will lose the pier.”",
         "We will lose the pier.", "Ben Ode", "direct"),
        ("“The ferry plan is a disaster,” Jane Roe — the former mayor — said on Monday.",
         "The ferry plan is a disaster,", "Jane Roe", "direct"),
        ("“We will lose the pier,” Ben Ode - the board’s longest-serving member - told reporters.",
         "We will lose the pier,", "Ben Ode", "direct"),
    ],
)
def test_dashed_parenthesis_after_the_subject(text, quote, speaker, kind):
    check(text, quote, speaker, kind)


# Verbs of telling take the person addressed as their object: "…, told the Gazette" never names the speaker.
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (("The ferry “is the town, and the town is the ferry,” Ada Lind, who chairs the harbour trust, told the "
         "Eastport Gazette."), "is the town, and the town is the ferry,", "Ada Lind"),
        ("Ben Ode, who was listed on the council slate, told the Gazette, “Of the three, I like the pier plan best.”",
         "Of the three, I like the pier plan best.", "Ben Ode"),
    ],
)
def test_the_object_of_a_verb_of_telling_is_no_speaker(text, quote, speaker):
    check(text, quote, speaker)


def test_reported_speech_closed_by_a_verb_of_telling_after_an_appositive():
    text = "The ferry will close in May, Ada Lind, who chairs the harbour trust, told the Eastport Gazette."
    (r,) = [q for q in sw.extract_quotes(text, gazetteer=False) if q.kind == "indirect"]
    assert (text[r.start : r.end], r.speaker.text) == ("The ferry will close in May", "Ada Lind")
    assert text[r.speaker.start : r.speaker.end] == "Ada Lind"


def test_reported_content_inside_a_fronted_clause_ends_with_the_clause():
    text = (
        "When Okafor noted that Lind had not paid any city tax ― as records showed for two years ― Lind "
        "boasted, “That makes me clever.”"
    )
    qs = sw.extract_quotes(text, gazetteer=False)
    (r,) = [q for q in qs if q.kind == "indirect"]
    assert (text[r.start : r.end], r.speaker.text) == ("Lind had not paid any city tax", "Okafor")
    check(text, "That makes me clever.", "Lind", kind="direct")


# A participle's subject: "the remark, saying" is a noun, not "X said, adding"; "upon saying" opens a participle.
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (("Roe, a retired nurse, spoke on the radio on Friday.\n\nShe later stood by the comment, saying, “I do not "
         "think this is a silly idea. Something odd is going on with the board.”"),
         "I do not think this is a silly idea. Something odd is going on with the board.", "She"),
        (("Lind, herself a ferry supporter during the campaign, was jeered loudly upon saying, “The board heard "
         "the people.”"), "The board heard the people.", "Lind"),
    ],
)
def test_participle_subjects(text, quote, speaker):
    check(text, quote, speaker)


# An infinitive of saying takes the subject of its own clause; "as X, appositive, put it" names X.
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (("But the hearing was so calm that Mr. Okafor was moved to say, “Up to now, I am amazed how quiet it "
         "has been.”"), "Up to now, I am amazed how quiet it has been.", "Mr. Okafor"),
        ("Or, as Ada Lund, a former harbour master, put it: “The foxes have left the dunes. They are in the barn.”",
         "The foxes have left the dunes. They are in the barn.", "Ada Lund"),
        ("As Ada Lund, a former harbour master, put it, “The foxes are in the barn.”", "The foxes are in the barn.",
         "Ada Lund"),
    ],
)
def test_infinitive_and_as_put_it(text, quote, speaker):
    check(text, quote, speaker)


# A participle after "X went after Y," belongs to X: a subordinator with no verb after it ("after Y") is a
# preposition; a sentence opening "To wit," is an introductory phrase, not a name.
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("Speaking at a town hall in Salem, Lind went after Roe, calling him “a total stiff.”",
         "a total stiff.", "Lind"),
        ("Mayor Ann Lee went after the council on Monday, calling its plan “a fantasy.”", "a fantasy.", "Ann Lee"),
        ("To wit, Lind told the Gazette that Roe “had no budget,” adding, “The ferry users will pay for it.”",
         "The ferry users will pay for it.", "Lind"),
        # a subordinate clause with its verb still gives the participle's subject
        ("When the striking dockers blocked the gate, chanting “No deal,” police moved in.", "No deal,",
         "the striking dockers"),
    ],
)
def test_participle_after_a_preposition(text, quote, speaker):
    check(text, quote, speaker)
