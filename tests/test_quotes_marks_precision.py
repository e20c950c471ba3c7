"""Issue 11: quotation marks that make no quotation of their own, and mentions that cannot be speakers.

Invented sentences; offsets are checked by slicing.
"""

import saidwho as sw


def marked(text):
    qs = [q for q in sw.extract_quotes(text) if q.kind != "indirect"]
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return qs


def test_markup_attribute_values_are_not_quotations():
    text = (
        '<post author="@lena_k" date="May 2">The ferry is late again.</post> '
        'Later she said “we will wait.” See <a href="http://ferry.example">the timetable</a>.'
    )
    qs = marked(text)
    assert [q.text for q in qs] == ["we will wait."]
    assert qs[0].speaker.text == "she"


def test_attribute_values_do_not_derail_the_quotes_after_them():
    text = '<tweet id="1234" author="@pier_news">Closed today.</tweet>\n"We regret the delay," the operator said.'
    qs = marked(text)
    assert [q.text for q in qs] == ["We regret the delay,"]
    assert qs[0].kind == "direct" and qs[0].speaker.text == "the operator"


def test_curly_quotes_inside_a_straight_quotation_are_nested():
    text = '"To them I come across as “too sharp” or “too much,” and I stopped caring," the singer said.'
    outer, *inner = marked(text)
    assert outer.text == "To them I come across as “too sharp” or “too much,” and I stopped caring,"
    assert outer.kind == "direct" and outer.speaker.text == "the singer"
    assert [q.text for q in inner] == ["too sharp", "too much,"]
    assert all(q.kind == "scare" for q in inner)


def test_straight_quotes_inside_a_curly_quotation_are_nested():
    text = "“The clerk told me \"closed\" and shut the door,” Ana said."
    outer, inner = marked(text)
    assert outer.text == 'The clerk told me "closed" and shut the door,'
    assert outer.speaker.text == "Ana" and outer.kind == "direct"
    assert inner.text == "closed" and inner.kind == "scare"


def test_a_stray_straight_mark_still_gives_way_to_a_curly_quotation():
    text = 'The "so-called “expert” left before noon.'
    assert [q.text for q in marked(text)] == ["expert"]


def test_a_nickname_between_names_is_nobodys_words():
    text = 'The striker Paolo "Lampo" Ferri scored twice, and his coach called the night “a gift.”'
    q = {q.text: q for q in marked(text)}
    assert q["Lampo"].kind == "scare" and q["Lampo"].speaker is None
    assert q["a gift."].speaker.text == "his coach"


def test_a_sentence_adverb_is_no_speaker():
    text = "Ironically, the bakery’s motto of “bread for everyone” came from a rival."
    (q,) = marked(text)
    assert q.speaker is None or q.speaker.text != "Ironically"


def test_an_opening_prepositional_phrase_is_no_speaker():
    text = 'In a letter sent on Monday, Ruiz said the council had been "far too slow" to act.'
    (q,) = marked(text)
    assert q.text == "far too slow"
    assert q.speaker.text == "Ruiz"


def test_a_source_after_from_keeps_its_colon_quote():
    text = "From the minutes: “The board will meet again in March.”"
    (q,) = marked(text)
    assert q.kind == "direct" and "the minutes" in q.speaker.text


def test_a_clause_after_a_quotation_ending_in_a_comma_has_its_own_speaker():
    text = (
        'The chief said the recording "does not settle the matter," but he said that the logs '
        'and other records "match what the crew told us" about the night.'
    )
    q = {q.text: q for q in marked(text)}
    assert q["does not settle the matter,"].speaker.text == "The chief"
    assert q["match what the crew told us"].speaker.text == "he"


def test_transcript_turns_are_the_words_of_their_labels():
    text = (
        "The exchange went as follows:\n\n"
        '"HOST: Will the bridge open before winter? Our listeners keep asking.\n\n'
        '"MAYOR ORTEGA: It will open in November. The steel is already in place.\n\n'
        '"And the cost stays within the budget the council approved.\n\n'
        '"HOST: Thank you, Mayor."'
    )
    qs = marked(text)
    turns = [(q.text.split(":")[0] if ":" in q.text[:20] else q.text[:7], q.speaker.text) for q in qs]
    assert turns == [
        ("HOST", "HOST"),
        ("MAYOR ORTEGA", "MAYOR ORTEGA"),
        ("And the", "MAYOR ORTEGA"),
        ("HOST", "HOST"),
    ]
    assert all(q.kind == "direct" for q in qs)


def test_a_colon_inside_an_ordinary_quotation_is_no_label():
    text = "“Two things matter: price and time,” the buyer said."
    (q,) = marked(text)
    assert q.speaker.text == "the buyer"


def test_ruled_that_referenced_and_per_are_reporting_cues():
    q = marked("The tribunal ruled that the fine was “excessive and unfair.”")[0]
    assert q.kind == "partial" and q.speaker.text == "The tribunal" and q.cue.text == "ruled that"
    q = marked("Guests are admitted only as “members in good standing,” per the club’s charter.")[0]
    assert q.kind == "partial" and "charter" in q.speaker.text and q.cue.text == "per"
    q = marked('In its report, the agency referenced "rising costs" in rural districts.')[0]
    assert q.kind == "partial" and q.speaker.text == "the agency" and q.cue.text == "referenced"


def test_ruled_out_is_no_cue():
    text = "With a merger ruled out, the firm will keep its “lean and local” plan."
    assert all(q.cue is None or q.cue.text != "ruled that" for q in marked(text))


def test_a_chant_is_speech_with_no_speaker_named():
    text = "The mayor stepped onto the stage to loud chants of “Four More Years” from the back rows."
    (q,) = marked(text)
    assert q.text == "Four More Years" and q.kind == "direct" and q.speaker is None


def test_titles_next_to_a_noun_naming_a_work_are_nobodys_words():
    text = (
        "In her 2019 memoir, “Roads Without Maps,” the engineer described her first bridge. "
        "The choir closed with the old harvest hymn “Bring the Sheaves Home” before the vote. "
        "He now hosts the “Morning Harbour Hour” radio program on weekdays."
    )
    q = {q.text: q for q in marked(text)}
    for title in ("Roads Without Maps,", "Bring the Sheaves Home", "Morning Harbour Hour"):
        assert q[title].kind == "scare" and q[title].speaker is None, title


def test_a_quoted_phrase_next_to_a_work_noun_but_not_in_title_case_stays_a_quote():
    text = "In her memoir, she wrote that the first bridge was “a lesson in patience.”"
    (q,) = marked(text)
    assert q.kind == "partial" and q.speaker.text == "she"


def test_a_quoted_phrase_inside_a_name_phrase_is_not_the_names_words():
    text = 'By the spring, Harbor Alliance "pop-up clinics" run by volunteers had opened in four towns.'
    (q,) = marked(text)
    assert q.text == "pop-up clinics" and q.kind == "scare" and q.speaker is None


def test_a_headline_name_before_single_marks_keeps_its_words():
    text = "Mayor Okafor ‘not convinced’ by the new budget\n\nThe mayor spoke on Monday."
    (q,) = marked(text)
    assert q.speaker is not None and "Okafor" in q.speaker.text
