"""Speaker resolution rules (issue 11, "speakers resolved to people"): pronouns and descriptions resolved to
the person or organisation they refer to. Every sentence here is invented; each test names the general
pattern it checks."""

import saidwho as sw


def speaker_of(text, quote_text, kind=None):
    """The speaker_name of the quote whose text starts with ``quote_text`` (of ``kind`` when given)."""
    for q in sw.extract_quotes(text):
        if q.text.startswith(quote_text) and (kind is None or q.kind == kind):
            return q.speaker_name
    raise AssertionError(f"no quote {quote_text!r} in {[q.text for q in sw.extract_quotes(text)]}")


def test_pronoun_takes_the_speaker_of_the_previous_attribution_over_a_person_named_first():
    # The sentence names Novak first (a modifier: "The Novak plan"), but its subject is the speaker.
    text = (
        "Peter Novak, the mayor of Eastfield, opened the meeting on Monday. "
        "The Novak plan will fail, said Daniel Okafor, a councillor. "
        "“It is a waste of money,” he said."
    )
    assert speaker_of(text, "It is a waste") == "Daniel Okafor"


def test_pronoun_takes_a_bare_surname_speaker():
    # "Kessler says ..." names no full name: the pronoun is that speaker all the same.
    text = (
        "The hearing ran late. Kessler says the new rules are unfair to growers. "
        "“They punish small farms,” she says."
    )
    assert speaker_of(text, "They punish") == "Kessler"


def test_pronoun_skips_a_sentence_that_opens_with_the_same_pronoun():
    # "He thinks ..., Grant said": the opening "he" goes on from the previous subject (Marsh).
    text = (
        "Tom Grant won the vote in the north. Alan Marsh, who runs the Grant team, told reporters the vote "
        "had gone to plan. He thinks the south will follow, Grant said. "
        "“We built this one door at a time,” he said."
    )
    assert speaker_of(text, "We built") == "Alan Marsh"


def test_pronoun_skips_a_sentence_whose_subject_is_a_party_description():
    # "The Ohio Republican ..." continues the subject (Hale), so Vance, named after it, is an object.
    text = (
        "Senator Mark Hale spoke to reporters on Friday. "
        "The Ohio Republican praised Governor Luke Vance for his budget. "
        "“We need more leaders like that,” he said."
    )
    assert speaker_of(text, "We need more") == "Mark Hale"


def test_description_followed_by_a_name_in_apposition_is_that_name():
    # "said his oldest friend from school, Ruth Abara," — the apposition names the speaker.
    text = (
        "Colin Marsh grew up in a mining town. "
        "“He was always the one who stayed late,” said his oldest friend from school, Ruth Abara, who now "
        "teaches there."
    )
    assert speaker_of(text, "He was always") == "Ruth Abara"
    text = (
        "Many readers wrote in. “I cancelled my subscription,” wrote one reader, Jonas Feld. "
        "“The fees are absurd,” wrote another reader, Ilse Brandt."
    )
    assert speaker_of(text, "The fees") == "Ilse Brandt"


def test_it_is_the_organisation_named_as_the_previous_speaker():
    # "..., the newspaper said. “…,” it added": "it" continues the organisation that spoke before.
    text = (
        "The Harbour Courier endorsed a candidate for the first time in decades. "
        "“The council has failed the town,” the newspaper said in an editorial. "
        "“It is time for a change,” it added."
    )
    assert speaker_of(text, "It is time") == "Harbour Courier"


def test_it_is_the_campaign_that_opens_the_previous_sentence():
    # "Doe's campaign backtracked ... it said": a person's campaign as the subject of the sentence before.
    text = (
        "Governor Helen Drake drew criticism for her remarks on Monday. "
        "Drake's campaign quickly backtracked, issuing a new statement. "
        "In the statement, it said, “The governor misspoke.”"
    )
    assert speaker_of(text, "The governor misspoke") == "Helen Drake campaign"


def test_the_and_a_capitalised_name_is_an_organisation():
    # "according to the Northfield Research Group": a name the gazetteer does not know, without "the".
    text = "Attacks rose by a third last year, according to the Northfield Research Group."
    assert speaker_of(text, "Attacks rose", kind="indirect") == "Northfield Research Group"


def test_description_after_a_quotation_names_the_person_before_it():
    # "Voss appears in an ad: “…,” the senator says": the quotation stands between the name and the description.
    text = (
        "Senator Alan Prior criticised the plan last week. "
        "Ray Voss appears in a new television ad: “I kept every promise I made,” the senator says."
    )
    assert speaker_of(text, "I kept every promise") == "Ray Voss"


def test_description_with_a_title_and_a_modifier_names_the_person_so_described():
    # "the Ohio senator" is the person introduced as "Ohio Sen. ...", not the subject of the sentence before.
    text = (
        "Ohio Sen. Paula Grey and Governor Mark Lind met voters in Dayton. "
        "Governor Lind spoke first about jobs. "
        "“We will not wait for Washington,” the Ohio senator said."
    )
    assert speaker_of(text, "We will not wait") == "Paula Grey"


def test_the_company_is_the_organisation_named_before_its_first_use():
    # The first "the company" follows "Brenford's"; the later one (the speaker) keeps that referent, written in
    # full as the text gives it ("Brenford Motors"), although other names come between.
    text = (
        "Regulators fined Brenford Motors on Monday. Critics said Brenford's reply to the inquiry showed "
        "contempt for the rules and for the company's own customers. The Harwell Foundation and Mayor Ruth "
        "Olsen joined the criticism. "
        "“We will appeal,” the company said in a statement."
    )
    assert speaker_of(text, "We will appeal") == "Brenford Motors"


def test_the_prince_is_the_person_titled_prince():
    # "the prince" (an honorific kept in the name: "Prince Omar Haddad") names the person so titled, not
    # the last person named.
    text = (
        "Prince Omar Haddad met Ben Carver, a banker, in London. "
        "Carver later praised the meeting. "
        "In a statement, the prince called the talks “a fresh start.”"
    )
    assert speaker_of(text, "a fresh start") == "Omar Haddad"


def test_pronoun_in_a_fronted_clause_refers_ahead_to_the_main_subject():
    # "In what he called a “mistake,” Mayor Dean Holt ...": the pronoun comes before the name it stands for.
    text = (
        "Victor Lamb criticised the budget on Monday. "
        "In what he called a “costly mistake,” Mayor Dean Holt vetoed the plan on Tuesday."
    )
    assert speaker_of(text, "costly mistake") == "Dean Holt"


def test_it_is_the_source_named_last_in_the_sentence_before():
    # "X did Y, according to the Z Group. It said ...": "it" is the source (Z), not the subject of the content.
    text = (
        "The Orchard Party has doubled its membership, according to the Calloway Polling Group, which tracks "
        "parties. It said new members were “mostly young and urban.”"
    )
    assert speaker_of(text, "mostly young") == "Calloway Polling Group"


def test_the_news_outlet_is_a_medium_not_a_person():
    # "outlet" names an organisation: "the news outlet" is the medium named before, not the last person.
    text = (
        "The Valley Herald reported on Tuesday that the mayor, Gina Ferro, had resigned. "
        "The decision was final, “effective immediately,” according to the news outlet."
    )
    assert speaker_of(text, "effective immediately") == "Valley Herald"


def names_of(text):
    return [p.name for p in sw.analyze(text).people]


def test_title_word_after_a_given_name_is_a_surname():
    # "King" and "Major" are titles before a name ("King Olaf"), surnames after a given name.
    text = (
        "Retired sprinter Wanda King watched the relay from the stands. "
        "She met the team after the race. “They ran like a single animal,” she said."
    )
    assert "Wanda King" in names_of(text)
    assert speaker_of(text, "They ran like") == "Wanda King"
    text = (
        "Alicia Vance hired a regional manager, Tom Major, in March. "
        "“I like working with people,” he said."
    )
    assert "Tom Major" in names_of(text)
    assert speaker_of(text, "I like working") == "Tom Major"


def test_three_word_name_with_a_middle_given_name_is_a_person():
    # The first word is no known given name, the middle one is: "Dorrit Ann Vessey".
    text = "Dorrit Ann Vessey brought the ferry in at dawn. “The fog was thick,” she said."
    assert "Dorrit Ann Vessey" in names_of(text)
    assert speaker_of(text, "The fog") == "Dorrit Ann Vessey"


def test_place_or_nationality_word_inside_a_full_name():
    # A gazetteer place ("Jordan") or nationality ("Cuban") inside a name that opens with a given name is a word
    # of the name; the word alone later ("Cuban said") is that person.
    text = (
        "The farm is run by Lena Jordan Whitcombe and her son. Whitcombe says the dry spring hurt. "
        "“We lost a third of the crop,” she says."
    )
    assert "Lena Jordan Whitcombe" in names_of(text)
    assert speaker_of(text, "We lost") == "Lena Jordan Whitcombe"
    text = (
        "Rafael Cuban, a shop owner, opened a second store on Friday. Cuban said sales were up. "
        "“We are hiring again,” the owner said."
    )
    assert "Rafael Cuban" in names_of(text)
    assert speaker_of(text, "sales were up") == "Rafael Cuban"
    assert speaker_of(text, "We are hiring") == "Rafael Cuban"
    # The place alone, with nobody of that name, stays a place.
    quotes = sw.extract_quotes("Jordan said the border would stay open. “We will keep it open,” it said.")
    assert all(q.speaker_name != "Jordan Whitcombe" for q in quotes)


def test_sentence_opening_with_a_noun_of_saying_does_not_continue_a_subject():
    # "The statement contradicted what Nadia Olsen told ..." — a statement is no person: Olsen is the subject.
    text = (
        "The club sent out a statement at noon, which Piet Varga had written. "
        "The statement contradicted what Nadia Olsen told a radio station on Sunday. "
        "Asked by Colm Reddy whether she had seen the letter, she said, “I never read it.”"
    )
    assert speaker_of(text, "I never read it") == "Nadia Olsen"


def test_sentence_opening_with_a_radio_talker_continues_the_subject():
    # "The radio talker ..." describes the person already the subject (Greer), so Lamb, named after it, is an
    # object.
    text = (
        "Martin Greer spoke at the rally for Dean Lamb on Tuesday. "
        "The radio talker has filled his speeches for Lamb with talk of farming. "
        "He has called Lamb “the best friend the valley ever had.”"
    )
    assert speaker_of(text, "the best friend") == "Martin Greer"


def test_headline_with_lowercase_prepositions_gives_no_full_name():
    # Title case keeps "for" and "from" in lower case: the line is a headline, and "Gavin Holt Slams Critics"
    # is no name.
    text = (
        "Gavin Holt Slams Critics for Mocking His Diet, Tells Fans to Stay Away from ‘Naysayers’.\n\n"
        "Gavin Holt answered his critics on Monday. Holt said the diet had worked. "
        "“I feel better than ever,” he said."
    )
    names = names_of(text)
    assert "Gavin Holt" in names and not any("Slams" in n for n in names)
    assert speaker_of(text, "I feel better") == "Gavin Holt"


def test_speaker_mention_running_into_a_predicate_resolves_by_its_noun_phrase():
    # "his campaign sent out an email to donors saying: …" — the mention runs on past "his campaign".
    text = (
        "Omar Diallo won the county on Tuesday. Even before he spoke, his campaign sent out an email to donors "
        "saying: “We did it together. Give five dollars now.”"
    )
    q = next(q for q in sw.extract_quotes(text) if q.text.startswith("We did it"))
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert q.speaker.text.startswith("his campaign")
    assert q.speaker_name == "Omar Diallo campaign"


def test_title_with_a_prepositional_complement():
    # "the secretary of state" is headed by "secretary"; "Secretary of State Ann Roe" gives her that title.
    text = (
        "Secretary of State Ann Roe visited the port on Monday. Tom Hale, a local mayor, met her there. "
        "“We talked about the grain deal,” the secretary of state said."
    )
    assert speaker_of(text, "We talked about") == "Ann Roe"
    # "the former senator from Ohio" is the senator, not Ohio.
    text = (
        "Former Ohio senator Rick Dorn joined the race. The mayor, Tom Hale, praised him. "
        "“Hale is not a real reformer,” the former senator from Ohio said."
    )
    assert speaker_of(text, "Hale is not") == "Rick Dorn"


def test_campaign_of_a_person_is_that_persons_campaign():
    # "the campaign of the former senator" stands for a possessor, like "his campaign".
    text = (
        "Rick Dorn went after Tom Hale on Friday, and the campaign of the former mayor of Leeds said Hale had "
        "“no real plan.”"
    )
    assert speaker_of(text, "no real plan") == "Rick Dorn campaign"


def test_part_of_a_medium_speaks_for_it():
    # "the front page of The Evening Courier" — the page is the newspaper's.
    text = "The coverage was harsh. “Done!” blared the front page of The Evening Courier."
    q = next(q for q in sw.extract_quotes(text) if q.text.startswith("Done"))
    assert q.speaker.text == "the front page of The Evening Courier"
    assert q.speaker_name == "Evening Courier"
    # A person's relative is no part of them: "the son of Jo Park" is not Jo Park.
    text = "Jo Park retired in May. “He was a fair boss,” said the son of Jo Park."
    assert speaker_of(text, "He was a fair") != "Jo Park"


def test_bare_role_after_a_conjunction_of_descriptions():
    # "The party leader and former governor of Utah told …": the mention found is the bare role, and its
    # complement (Utah) is not its head.
    text = (
        "Nora Quist spoke on Sunday. “We are not done,” Quist said on a radio show. "
        "The party leader and former governor of Utah told a crowd that the plan was “plainly” broken."
    )
    q = next(q for q in sw.extract_quotes(text) if q.text == "plainly")
    assert q.speaker.text == "former governor of Utah"
    assert q.speaker_name == "Nora Quist"


def test_organisation_description_takes_the_organisation_named_last():
    # "The group" follows "a charity called Safer Streets Fund", named after the gazetteer's White House.
    text = (
        "The White House hosted parents on Monday. Paul Dunn now leads a charity called Safer Streets Fund. "
        "The group wants what it calls “common-sense rules” for sellers."
    )
    assert speaker_of(text, "common-sense rules") == "Safer Streets Fund"


def test_title_word_alone_joins_the_person_named_with_it():
    # "For Major, a retiree, …" — "Major" alone is Gloria Major, not a title.
    text = (
        "The volunteers are Eva Miller and Gloria Major, retired teachers. For Major, a retiree, calling "
        "voters is a duty. “It matters,” she said."
    )
    people = {p.name: [m.text for m in p.mentions] for p in sw.analyze(text).people}
    assert people["Gloria Major"] == ["Gloria Major", "Major"]
    assert speaker_of(text, "It matters") == "Gloria Major"
    # With nobody of that name, a title alone names nobody.
    assert speaker_of("The President spoke. “We won,” he said.", "We won") is None


def test_person_in_object_position_is_no_subject():
    # "…, giving Paul Brandt six of the nine seats": Brandt is an object; the subject goes back to Ortiz.
    text = (
        "Lena Ortiz spent the week attacking the new rules. Voters in three towns backed a local slate on "
        "Saturday, giving Paul Brandt six of the nine seats. "
        "The front-runner said the tally was “a stitch-up” from the start."
    )
    assert speaker_of(text, "a stitch-up") == "Lena Ortiz"
    # "for" is no object's mark: "It may be too late for Roe" is about Roe.
    text = (
        "Polls closed early in the west. It may be too late for Ivan Roe. "
        "“We will fight on,” he said in a speech to staff, with Tom Bell at his side."
    )
    assert speaker_of(text, "We will fight") == "Ivan Roe"


def test_age_or_job_in_apposition_makes_a_person():
    # ", 45," and ", director of …" after two capitalised words tell a person, with no known given name.
    text = "Zuberi Okonjo, 45, repairs boats in the harbour. “The season was short,” he said."
    assert "Zuberi Okonjo" in names_of(text)
    assert speaker_of(text, "The season") == "Zuberi Okonjo"
    text = (
        "The hall was full. Tariq Doumbe, director of the tenants union, spoke next. "
        "He said the council “has failed” the renters."
    )
    assert "Tariq Doumbe" in names_of(text)
    assert speaker_of(text, "has failed") == "Tariq Doumbe"
    # Before an age the whole run is the name, a month word at its end included.
    text = "Anh Thu May, 52, runs a bakery near the river. “Bread is up again,” she said."
    assert "Anh Thu May" in names_of(text)
    assert speaker_of(text, "Bread is up") == "Anh Thu May"


def test_the_campaign_is_the_campaign_of_the_person_the_text_is_about():
    # "Ortiz allies and the campaign itself …": the campaign is Ortiz's.
    text = (
        "Lena Ortiz spent Tuesday in the north. Ortiz allies and the campaign itself were surprised by the "
        "attack. “We will answer it with facts,” the campaign wrote on Wednesday."
    )
    assert speaker_of(text, "We will answer") == "Lena Ortiz campaign"


def test_name_after_a_possessor_is_a_person():
    # "Channel Nine’s Bret Vale noticed …" — no known given name, but a capitalised possessor and a verb.
    text = (
        "The networks stayed with the rally. Channel Nine’s Bret Vale noticed that nobody cut away. "
        "He said his channel “stayed put” for an hour."
    )
    assert "Bret Vale" in names_of(text)
    assert speaker_of(text, "stayed put") == "Bret Vale"


def test_mention_cut_before_a_possessive_name_is_the_organisation():
    # "the People's Courier newspaper calls it …": the mention found stops at "the People".
    text = "The port opened in May. Today, the People's Courier newspaper calls it “the jewel” of the coast."
    q = next(q for q in sw.extract_quotes(text) if q.text == "the jewel")
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert q.speaker_name == "People's Courier"


def test_possessor_is_not_the_speaker():
    # "Ann Roe's campaign" is her campaign; "Park's spokesman" is not Park.
    assert speaker_of("Ann Roe toured the state. Ann Roe's campaign said “no”.", "no") == "Ann Roe campaign"
    assert speaker_of("Jo Park spoke. Park's spokesman said “no comment”.", "no comment") != "Jo Park"


def test_description_with_nobody_before_it_takes_its_sentences_first_person():
    # The text's first sentence after the headline: "the candidate" is the first person named (Dunn), not the
    # closest (Voss), both named in its own sentence.
    text = (
        "Dunn: Rival plan a gift to landlords.\n\n"
        "The rent freeze that Carla Dunn proposed in March is not as bad as the “tax break” of Maria Voss, "
        "the candidate said on Friday."
    )
    assert speaker_of(text, "tax break") == "Carla Dunn"


def quote_of(text, quote_text):
    """The quote whose text starts with ``quote_text``."""
    for q in sw.extract_quotes(text):
        if q.text.startswith(quote_text):
            return q
    raise AssertionError(f"no quote {quote_text!r} in {[q.text for q in sw.extract_quotes(text)]}")


def test_a_description_repeated_after_someone_else_is_not_that_person():
    # "Mr. Lind's attacks clearly annoyed the former governor, whose …": the description there already names
    # someone other than Lind, so "the former governor said" later is not Lind but the governor named before.
    text = (
        "Former Governor Ada Brandt toured the harbour on Friday. "
        "Mr. Lind's criticism of Governor Brandt's budgets has surprised the party. "
        "Still, Mr. Lind's attacks clearly annoyed the former governor, whose remarks at the dock dwelt on "
        "the deficit. "
        "“We balanced every budget,” the former governor said."
    )
    assert speaker_of(text, "We balanced") == "Ada Brandt"


def test_a_description_with_comma_separated_adjectives_is_one_speaker():
    # "the soft-spoken, 64-year-old diplomat said": the comma separates adjectives, not a name from a title.
    text = (
        "Tomas Ferreira, the veteran envoy of the League, arrived in Eastfield this week. "
        "“The treaty came first for me,” the soft-spoken, 64-year-old diplomat said."
    )
    q = quote_of(text, "The treaty came first")
    assert q.speaker.text == "the soft-spoken, 64-year-old diplomat"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert q.speaker_name == "Tomas Ferreira"


def test_an_unknown_name_followed_by_a_job_in_apposition_is_a_person():
    # "Ban Okoro, the long-serving secretary general of the league," — no known given name, but a
    # determiner, modifiers and a title in apposition say it is a person.
    people = [p.name for p in sw.find_people(
        "Ban Okoro, the long-serving secretary general of the league, opened the summit."
    )]
    assert people == ["Ban Okoro"]
    # A place before a clause ("In Eastfield, the mayor said …") is no apposition.
    assert [p.name for p in sw.find_people("In Eastfield, the mayor said no.")] == []


def test_recipients_before_a_participle_do_not_speak():
    # "texted volunteers saying: “…”": the volunteers received the message; the senator sent it.
    text = (
        "Senator Ruth Abara conceded on Tuesday night. "
        "The Ohio senator texted volunteers saying: “We will be back” and thanking them for their work."
    )
    q = quote_of(text, "We will be back")
    assert q.speaker.text == "The Ohio senator"
    assert q.speaker_name == "Ruth Abara"
    # A sign or a statement before the participle is the medium that speaks ("a sign saying “…”").
    q = quote_of("Protesters carried a sign saying “No more cuts” outside the hall.", "No more cuts")
    assert q.speaker is not None and q.speaker.text.endswith("sign")


def test_a_capitalised_adjective_opening_a_sentence_is_no_speaker():
    # "Honest coverage helps …": an adjective of the subject, not a name; the quoted phrase goes on from the
    # speaker of the sentence before.
    text = (
        "Hemsworth studies how rumours travel. Corrections rarely catch up with a false story, he said. "
        "Honest coverage helps, but mostly when “readers already trust the outlet.”"
    )
    q = quote_of(text, "readers already trust")
    assert q.speaker is None or q.speaker.text != "Honest"
    assert q.speaker_name != "Honest"


def test_a_speech_noun_followed_by_a_preposition_is_no_cue():
    # "the city's response to the floods" is an action, not words; "lauded" is the reporting verb.
    text = (
        "Finance Minister Ola Brandt spoke on Friday. "
        "The minister lauded the governor for the city's response to the floods and for the "
        "“quiet courage of its nurses.”"
    )
    q = quote_of(text, "quiet courage")
    assert q.speaker.text == "The minister"
    assert q.cue.text == "lauded"
    assert q.speaker_name == "Ola Brandt"


def test_a_quote_inside_a_fronted_participle_clause_is_the_main_subjects():
    # "In declaring X “…,” the governor made clear …": the participle's subject is the main clause's.
    text = "In declaring the mayor's budget “a fantasy,” the governor made clear he would veto it."
    q = quote_of(text, "a fantasy")
    assert q.kind == "partial"
    assert q.speaker.text == "the governor"
    assert q.cue.text == "declaring"


def test_related_that_reports_speech():
    # "The pastor related that …" reports what he said; the quote after it is his.
    text = (
        "Pastor Lance Whitlow addressed the congregation on Sunday. "
        "The pastor related that the flood had changed his view of the town. "
        "“I saw neighbours carry strangers.”"
    )
    q = quote_of(text, "I saw neighbours")
    assert q.speaker is not None
    assert q.speaker_name == "Lance Whitlow"


def test_the_subject_of_a_verb_after_a_relative_clause_is_its_antecedent():
    # The noun phrase right before the verb ends a relative clause: "his knee" did not speak.
    q = quote_of(
        "The engineer who built two bridges before her firm failed is now asking for “a second chance” for "
        "the town.",
        "a second chance",
    )
    assert q.speaker.text == "The engineer"
    q = quote_of(
        "The coach, who won two titles before the club folded, said “a second chance” was needed.",
        "a second chance",
    )
    assert q.speaker.text == "The coach"
    # ... but not when the relative pronoun is no subject ("in which tenants argued", "To which she said").
    q = quote_of("It was a case in which tenants convincingly argued that the rent was “unlawful”.", "unlawful")
    assert q.speaker.text == "tenants"
    q = quote_of("I laughed. To which she said, “Then you still have hope.”", "Then you still")
    assert q.speaker.text == "she"


def test_called_on_reports_speech_after_a_fronted_phrase_holding_a_clause():
    # "the group is calling on X to “…”": the group's words; the verb inside the fronted phrase ("In a week
    # when both councils agreed …,") reports nothing of the main clause.
    text = (
        "In a week when both councils finally agreed on a budget, the tenants' group is calling on Ms. Roe to "
        "“stop ignoring the estates” and resign."
    )
    q = quote_of(text, "stop ignoring")
    assert q.speaker.text == "the tenants' group"
    assert q.cue.text == "calling on"


def test_short_texts_ending_in_a_verb_of_telling_and_its_object():
    # "He told them": a cue and its object end the text; nothing is read past the end (was an internal error).
    for text in ["He told them", "Officials told reporters", "“No,” she told them"]:
        for q in sw.extract_quotes(text):
            assert text[q.start : q.end] == q.text


def test_a_verb_of_naming_takes_its_object_before_the_quoted_name():
    # "calls his critics “cowards”": a verb of naming, its object, then the quotation (the verb is a noun
    # elsewhere: "the calls for …").
    q = quote_of("Mr. Roe calls his critics “cowards” at every rally.", "cowards")
    assert (q.kind, q.cue.text) == ("partial", "calls")
    assert q.speaker.text.endswith("Roe")
    # A noun that is a cue elsewhere ("tweets") before a comma is no parenthetical reporting verb, nor an
    # outer speaker of "which he called".
    q = quote_of("Lee sent dozens of tweets, and he called the plan “a swindle” in one of them.", "a swindle")
    assert (q.kind, q.speaker.text) == ("partial", "he")
    q = quote_of("Lee sent dozens of tweets in which he called the plan “a swindle”.", "a swindle")
    assert (q.kind, q.speaker.text) == ("partial", "he")


def test_a_medium_named_by_a_possessive_inside_the_speaker_mention():
    # "the People's Courier newspaper called the port “…”": the medium is "People's Courier".
    text = "On Sunday, the People's Courier newspaper called the port “a jewel” of the coast."
    assert speaker_of(text, "a jewel") == "People's Courier"


def test_a_document_speaks_for_its_issuer():
    # "A Kremlin statement said …", "a sharply worded <newspaper> editorial": the issuer named among the
    # document's modifiers is the speaker (the document is its medium); the mention stays as written.
    q = quote_of("A Kremlin statement said the talks were “useful”.", "useful")
    assert q.speaker.text == "A Kremlin statement"
    assert q.speaker_id == "kremlin"
    q = quote_of("The White House statement called the vote “a disgrace”.", "a disgrace")
    assert q.speaker_name == "White House"
    # A document with no issuer named resolves to nobody rather than to a made-up entity.
    q = quote_of("A statement called the vote “a disgrace”.", "a disgrace")
    assert q.speaker_id is None
