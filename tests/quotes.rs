//! Rust API of the quotes and people stages: resolution with hand-made entity mentions (the gazetteer's output),
//! batches, and invariants on arbitrary input.
use proptest::prelude::*;
use saidwho::people::{find_people, EntityMention, Gender};
use saidwho::quotes::cues::{CueLexicon, Role};
use saidwho::quotes::{extract, extract_batch, QuoteKind, QuoteOptions, QuoteResult};

fn mention<'a>(
    text: &str,
    needle: &str,
    nth: usize,
    id: &'a str,
    name: &'a str,
    label: &'a str,
) -> EntityMention<'a> {
    let start = text.match_indices(needle).nth(nth).expect("needle").0;
    EntityMention {
        start,
        end: start + needle.len(),
        id: id.into(),
        name: name.into(),
        label: label.into(),
    }
}

fn speakers(
    text: &str,
    r: &QuoteResult,
) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    r.quotes
        .iter()
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.kind,
                q.speaker.clone().map(|s| text[s].to_string()),
                r.speaker_id(q).map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn entities_resolve_noun_phrases_names_and_pronouns() {
    let text = "The Kremlin on Monday dismissed the idea as “groundless”.\n\
                Vladimir Putin met officials. “We will not stop,” he said.\n\
                Ukraine says it is a “special military operation”.";
    let ents = vec![
        mention(text, "Kremlin", 0, "kremlin", "Kremlin", "ORG"),
        mention(
            text,
            "Vladimir Putin",
            0,
            "putin",
            "Vladimir Putin",
            "PERSON",
        ),
        mention(text, "Ukraine", 0, "ukraine", "Ukraine", "GPE"),
    ];
    // quotes in marks only (reported speech: tests/reported.rs)
    let marks_only = QuoteOptions {
        reported: false,
        ..Default::default()
    };
    let r = extract(text, &ents, &marks_only);
    let got = speakers(text, &r);
    assert_eq!(
        got,
        vec![
            (
                "groundless".into(),
                QuoteKind::Partial,
                Some("The Kremlin".into()),
                Some("kremlin".into())
            ),
            (
                "We will not stop,".into(),
                QuoteKind::Direct,
                Some("he".into()),
                Some("putin".into())
            ),
            (
                "special military operation".into(),
                QuoteKind::Partial,
                Some("Ukraine".into()),
                Some("ukraine".into())
            ),
        ]
    );
    let putin = r.speakers.iter().find(|s| s.id == "putin").unwrap();
    assert_eq!(
        (putin.name.as_str(), putin.label.as_str()),
        ("Vladimir Putin", "PERSON")
    );
    assert!(putin.person.is_some());
}

#[test]
fn pronouns_follow_gender_and_skip_names_inside_quotes() {
    let text = "Ms Ann Lee met Mr John Smith.\n“Ask Mary,” she said.\n“No,” he replied.";
    let r = extract(text, &[], &QuoteOptions::default());
    let names: Vec<Option<&str>> = r.quotes.iter().map(|q| r.speaker_name(q)).collect();
    // "Mary" inside the quotation is not an antecedent.
    assert_eq!(names, [Some("Ann Lee"), Some("John Smith")]);
    let people = find_people(text, &[]);
    let lee = people.persons.iter().find(|p| p.name == "Ann Lee").unwrap();
    assert_eq!(lee.gender, Gender::Female);
}

#[test]
fn groups_join_split_and_multi_paragraph_parts() {
    let text = "“One,” she said, “two.”\n“Three and\n“four.”\nOther text.";
    let r = extract(text, &[], &QuoteOptions::default());
    let groups: Vec<usize> = r.quotes.iter().map(|q| q.group).collect();
    assert_eq!(groups, [0, 0, 1, 1]);
    assert!(
        r.quotes[2].close == r.quotes[2].end,
        "an open part runs to its paragraph's end"
    );
}

#[test]
fn custom_cue_lexicon() {
    let text = "“Enough,” the chairman harrumphed.";
    assert!(extract(text, &[], &QuoteOptions::default()).quotes[0]
        .speaker
        .is_none());
    let cues = CueLexicon::default()
        .extended([("harrumphed", Role::Speech)])
        .unwrap();
    let r = extract(
        text,
        &[],
        &QuoteOptions {
            cues,
            ..Default::default()
        },
    );
    let q = &r.quotes[0];
    assert_eq!(&text[q.speaker.clone().unwrap()], "the chairman");
    assert_eq!(&text[q.cue.clone().unwrap()], "harrumphed");
}

#[test]
fn batch_equals_single_calls_and_checks_entity_lists() {
    let texts = [
        "“A,” he said.",
        "",
        "No quotes.",
        "Putin said it was “difficult”.",
    ];
    let opts = QuoteOptions::default();
    let batch = extract_batch(&texts, None, &opts, Some(2)).unwrap();
    for (t, r) in texts.iter().zip(&batch) {
        assert_eq!(r.quotes, extract(t, &[], &opts).quotes);
    }
    assert!(extract_batch(&texts, Some(&[vec![]]), &opts, None).is_err());
    assert!(extract_batch(&texts, None, &opts, Some(0)).is_err());
}

fn check(text: &str) {
    let off = QuoteOptions {
        reported: false,
        ..Default::default()
    };
    assert!(extract(text, &[], &off)
        .quotes
        .iter()
        .all(|q| q.kind != QuoteKind::Indirect));
    let r = extract(text, &[], &QuoteOptions::default());
    let mut last = 0;
    for q in &r.quotes {
        assert!(q.open <= q.start && q.start < q.end && q.end <= q.close && q.close <= text.len());
        // in text order; a quotation in marks may lie inside reported content
        assert!(q.start >= last);
        last = q.start;
        if q.kind == QuoteKind::Indirect {
            assert!(
                q.speaker.is_some() && q.cue.is_some(),
                "reported speech has a speaker and a cue"
            );
            assert!(
                !text[q.start..q.end].contains("\n\n"),
                "reported content stays in its paragraph"
            );
        }
        for s in [q.speaker.clone(), q.cue.clone()].into_iter().flatten() {
            assert!(s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        if let Some(i) = q.speaker_ref {
            assert!(i < r.speakers.len());
        }
    }
    for m in &r.people.mentions {
        assert!(m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.person < r.people.persons.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_keeps_invariants(parts in proptest::collection::vec(
        prop::sample::select(vec![
            "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "``", "''", " ", "\n", "\n\n", ".", ",", ":", "—", "(", ")",
            "he", "said", "Mr", "Putin", "told", "reporters", "according", "to", "the", "Kremlin", "who", "and",
            "é", "😀", "İ", "ß", "Ned Price", "spokesperson", "saying", "?", "!", "that", "According", "says",
            "was", "quoted", "as", "by", "officials", "claimed", "vowed", "it", "they", "on Tuesday", ";",
        ]), 0..120)) {
        check(&parts.concat());
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,400}") {
        check(&text);
    }
}

/// (quote text, kind, speaker mention) for every quote in marks of `text` (no gazetteer; reported speech left out).
fn attributed(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let r = extract(text, &[], &QuoteOptions::default());
    r.quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.kind,
                q.speaker.clone().map(|s| text[s].to_string()),
            )
        })
        .collect()
}

fn one(s: &str, k: QuoteKind, sp: Option<&str>) -> (String, QuoteKind, Option<String>) {
    (s.to_string(), k, sp.map(str::to_string))
}

#[test]
fn partial_quotes_inside_a_clause_belong_to_its_subject() {
    use QuoteKind::*;
    // No verb of saying: the clause's subject is the one quoted.
    let t = "Last week, Okafor has gone after the mayor as a “builder of empty promises for the city” and a “tired clown.”";
    assert_eq!(
        attributed(t),
        [
            one(
                "builder of empty promises for the city",
                Partial,
                Some("Okafor")
            ),
            one("tired clown.", Partial, Some("Okafor")),
        ]
    );
    let t = "Berg urged the members to “keep the faith” and left the stage.";
    assert_eq!(
        attributed(t),
        [one("keep the faith", Partial, Some("Berg"))]
    );
    let t = "The senator spent the evening praising his “body language” and his calm.";
    assert_eq!(
        attributed(t),
        [one("body language", Partial, Some("The senator"))]
    );
}

#[test]
fn titles_after_a_possessive_or_preposition_are_scare_quotes() {
    use QuoteKind::*;
    let t =
        "Okafor said on the BBC’s “Morning Talk With Jane Roe” that she would “take a look” at it.";
    assert_eq!(
        attributed(t),
        [
            one("Morning Talk With Jane Roe", Scare, None),
            one("take a look", Partial, Some("Okafor")),
        ]
    );
}

#[test]
fn speakers_that_cannot_speak_are_skipped() {
    use QuoteKind::*;
    // A manner phrase is no part of the speaker.
    let t = "The minister in a low voice said, “We will not surrender.”";
    assert_eq!(
        attributed(t),
        [one("We will not surrender.", Direct, Some("The minister"))]
    );
    // A noun of saying after a determiner is the subject's head ("The report"), not a cue.
    let t = "The report, released in Denver on Monday, said the plan was “deeply flawed.”";
    assert_eq!(
        attributed(t),
        [one("deeply flawed.", Partial, Some("The report"))]
    );
}

#[test]
fn apposition_and_document_issuers_name_the_speaker() {
    use QuoteKind::*;
    let t = "His rival, Jane Doe, said: “We will win this race.”";
    let r = extract(t, &[], &QuoteOptions::default());
    let q = r.quotes.iter().find(|q| q.kind != Indirect).unwrap();
    assert_eq!(&t[q.speaker.clone().unwrap()], "Jane Doe");
    assert_eq!(q.kind, Direct);
    assert_eq!(r.speaker_name(q), Some("Jane Doe"));
    let t = "Customers should store water, “at least four litres a day,” according to a statement from the water authority.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(
        &t[r.quotes[0].speaker.clone().unwrap()],
        "the water authority"
    );
}

#[test]
fn groups_have_no_made_up_ids_and_parts_share_the_speaker() {
    let t = "Critics said the plan was “a disaster for families”.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert!(!r.quotes.is_empty());
    for q in &r.quotes {
        assert_eq!(&t[q.speaker.clone().unwrap()], "Critics");
        assert_eq!(r.speaker_id(q), None);
    }
    // The first part of a multi-paragraph quote takes the speaker its last part names.
    let t = "“We will rebuild the bridge,\n\n“and we will do it this year,” said Mayor Tom Jones.";
    let r = extract(t, &[], &QuoteOptions::default());
    let qs: Vec<_> = r
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].group, qs[1].group);
    for q in qs {
        assert_eq!(&t[q.speaker.clone().unwrap()], "Tom Jones");
        assert_eq!(r.speaker_name(q), Some("Tom Jones"));
    }
}

#[test]
fn a_definite_description_resolves_to_the_person_named_before() {
    // issue 11: "the senator" is the person the text named last (a description of one person)
    let text =
        "Senator Jane Doe spoke in Ohio on Monday.\n“We will win this state,” the senator said.";
    let r = extract(text, &[], &QuoteOptions::default());
    let q = r
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    assert_eq!(&text[q.speaker.clone().unwrap()], "the senator");
    assert_eq!(r.speaker_name(q), Some("Jane Doe"));
    // an organisation's description does not become a person: it is the organisation named before it
    let text = "Jane Doe runs Acme.\n“We will grow,” the company said.";
    let r = extract(text, &[], &QuoteOptions::default());
    let q = r
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    assert_eq!(r.speaker_name(q), Some("Acme"));
    // ... and not a place ("in Ohio")
    let text = "Jane Doe spoke in Ohio.\n“We will grow,” the company said.";
    let r = extract(text, &[], &QuoteOptions::default());
    let q = r
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    assert_eq!(r.speaker_name(q), None);
}

/// The resolved speaker names of the quotes in marks (reported speech left out), in text order.
fn marked_names(text: &str) -> Vec<Option<String>> {
    let r = extract(text, &[], &QuoteOptions::default());
    r.quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| r.speaker_name(q).map(str::to_string))
        .collect()
}

#[test]
fn pronouns_and_descriptions_resolve_to_the_salient_person() {
    // issue 11: the subject of the sentence before (its first person named), not its last name
    let t = "Senator John Hale spoke after the mayor, Mr Peter Ortiz, left the hall.\n“We will fight this bill,” he said.";
    assert_eq!(marked_names(t), [Some("John Hale".to_string())]);
    // a sentence that opens with a pronoun of the same person continues its subject: its names are objects
    let t = "Ms Anna Weiss runs the shelter. She said Ms Carla Diaz had helped all winter.\n“We need more beds,” she said.";
    assert_eq!(marked_names(t), [Some("Anna Weiss".to_string())]);
    // in its own sentence, the first person named before the pronoun
    let t = "Mr Tom Reyes said Mr Paul Grant was wrong and that he would “never give in.”";
    assert_eq!(marked_names(t), [Some("Tom Reyes".to_string())]);
    // a description skips its own sentence and takes the subject of the one before
    let t = "Governor Tom Reyes attacked Mr Paul Grant on Tuesday.\n“This is a disgrace,” the governor said of Grant’s plan.";
    assert_eq!(marked_names(t), [Some("Tom Reyes".to_string())]);
}

#[test]
fn headline_runs_and_speakers_tell_people() {
    // issue 11: a Title-Case headline's run ("Tom Reyes Wins Second Term") is not the person's name
    let t = "Mayor Tom Reyes Wins Second Term Again\n\nTom Reyes thanked voters on Sunday.\n“This city chose hope,” he said.";
    assert_eq!(marked_names(t), [Some("Tom Reyes".to_string())]);
    // a two-word name the text later gives as a speaker by its surname is a person ("Vask said")
    let t = "Jorun Vask is a consultant for Senator Tim Ortiz. Vask said the count was fair.\n“We checked every ballot,” he said.";
    assert_eq!(marked_names(t), [Some("Jorun Vask".to_string())]);
    // and so is a two-word speaker ("said Jorun Vask")
    let t = "Senator Tim Ortiz lost the recount.\n“It was fair,” said Jorun Vask, a consultant. He had watched every count.\n“We checked every ballot,” he said.";
    assert_eq!(
        marked_names(t),
        [
            Some("Jorun Vask".to_string()),
            Some("Jorun Vask".to_string())
        ]
    );
}

#[test]
fn organisation_descriptions_and_campaigns() {
    // "the company" is the organisation named last (a gazetteer ORG), "the Doe campaign" the person's campaign
    let t =
        "Acme Corp cut 200 jobs in Denver on Monday.\n“We regret the decision,” the company said.";
    let ents = vec![
        mention(t, "Acme Corp", 0, "acme", "Acme Corp", "ORG"),
        mention(t, "Denver", 0, "denver", "Denver", "GPE"),
    ];
    let r = extract(t, &ents, &QuoteOptions::default());
    let names: Vec<_> = r
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| r.speaker_name(q))
        .collect();
    assert_eq!(names, [Some("Acme Corp")]);
    let t = "Senator Jane Doe toured Ohio on Monday.\n“We raised two million dollars,” the Doe campaign said.\n“We will win,” her campaign said.";
    assert_eq!(
        marked_names(t),
        [
            Some("Jane Doe campaign".to_string()),
            Some("Jane Doe campaign".to_string())
        ]
    );
}

#[test]
fn a_quotation_runs_over_hard_wrapped_lines() {
    // issue 11: one paragraph hard-wrapped over lines (a single line break, a lower-case continuation)
    let t = "Mayor Ann Holt spoke on Monday. “We will rebuild the bridge and the\nschool before winter,” she said.\n\nOther news followed.";
    let r = extract(t, &[], &QuoteOptions::default());
    let q: Vec<_> = r
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    assert_eq!(q.len(), 1);
    assert_eq!(
        &t[q[0].start..q[0].end],
        "We will rebuild the bridge and the\nschool before winter,"
    );
    assert_eq!(r.speaker_name(q[0]), Some("Ann Holt"));
    assert_eq!(q[0].para, 0); // the index of the line holding its opening mark
                              // lines that end a sentence stay paragraphs of their own
    let t = "“We will win.”\nthe crowd cheered.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(
        r.quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .count(),
        1
    );
    assert_eq!(&t[r.quotes[0].start..r.quotes[0].end], "We will win.");
}

#[test]
fn a_quoted_word_someone_is_said_to_have_used() {
    // issue 11: `The “joke,” as he called it, …` is his partial quote, not a scare quote
    let t = "Mr Tom Reyes spoke on Monday. The “joke,” as he called it, outraged the audience.";
    let r = extract(t, &[], &QuoteOptions::default());
    let q = r
        .quotes
        .iter()
        .find(|q| &t[q.start..q.end] == "joke,")
        .unwrap();
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(&t[q.speaker.clone().unwrap()], "he");
    assert_eq!(&t[q.cue.clone().unwrap()], "called");
    assert_eq!(r.speaker_name(q), Some("Tom Reyes"));
    // "as" with no verb of saying or naming is no attribution
    let t = "The “reform” as a whole failed.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(r.quotes[0].kind, QuoteKind::Scare);
}

#[test]
fn a_nested_quotation_is_a_quote_of_its_own() {
    // issue 11: the outer quotation and the one inside it, the inner one said by the outer speaker ("I said")
    let t = "Mr Tom Reyes recalled the debate. “I watched all night and I said, ‘Why aren't they on the shows?’ Nobody answered,” he said.";
    let r = extract(t, &[], &QuoteOptions::default());
    let q: Vec<_> = r
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    assert_eq!(q.len(), 2);
    assert!(t[q[0].start..q[0].end].starts_with("I watched all night"));
    assert_eq!(&t[q[1].start..q[1].end], "Why aren't they on the shows?");
    assert_eq!(q[1].kind, QuoteKind::Direct);
    assert_eq!(&t[q[1].speaker.clone().unwrap()], "I");
    assert_eq!(&t[q[1].cue.clone().unwrap()], "said");
    assert_eq!(r.speaker_name(q[0]), Some("Tom Reyes"));
    assert_eq!(r.speaker_name(q[1]), Some("Tom Reyes"));
    assert_ne!(q[0].group, q[1].group);
    // a quoted word inside a quotation, nobody said: a scare quote; apostrophes are no marks
    let t = "“The so-called ‘reform’ won't help,” she said.";
    let r = extract(t, &[], &QuoteOptions::default());
    let inner: Vec<_> = r
        .quotes
        .iter()
        .filter(|q| &t[q.start..q.end] == "reform")
        .collect();
    assert_eq!(inner.len(), 1);
    assert_eq!(inner[0].kind, QuoteKind::Scare);
}

/// The speaker mention (sliced) of the first quote whose text is `quote`.
fn speaker_of(t: &str, r: &QuoteResult, quote: &str) -> Option<String> {
    let q = r
        .quotes
        .iter()
        .find(|q| &t[q.start..q.end] == quote)
        .expect("quote");
    q.speaker.clone().map(|s| t[s].to_string())
}

#[test]
fn a_speaker_is_someone_who_can_speak() {
    // issue 11: a state abbreviation the tokenizer does not know ("R-Ky.") ends no sentence
    let t = "“We will win the vote,” Senate Majority Leader Tom Bradley, R-Ky., said Tuesday.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(
        speaker_of(t, &r, "We will win the vote,").as_deref(),
        Some("Tom Bradley")
    );
    // a year after a preposition is a time adverbial, not the subject of "said"
    let t = "The senator, who in 2011 said the plan was a “total failure,” did not comment.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_ne!(speaker_of(t, &r, "total failure,").as_deref(), Some("2011"));
    // "a resident of Denver": the resident speaks, not the city
    let t = "“We will rebuild,” a resident of Denver said.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(
        speaker_of(t, &r, "We will rebuild,").as_deref(),
        Some("a resident of Denver")
    );
    // an event cannot speak
    let t = "Prices rose after what the crisis said was “an unfixable mess.”";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_ne!(
        speaker_of(t, &r, "an unfixable mess.").as_deref(),
        Some("the crisis")
    );
}

#[test]
fn an_epigraph_name_ends_its_line() {
    // issue 11: `“…” ― Name.` on lines of their own: each quote takes the name after it, not the one before
    let t = "Readers wrote to us.\n“We need more nurses.” ― Maria Gomez.\n“Our schools are failing.” ― Peter Wong.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(
        speaker_of(t, &r, "We need more nurses.").as_deref(),
        Some("Maria Gomez")
    );
    assert_eq!(
        speaker_of(t, &r, "Our schools are failing.").as_deref(),
        Some("Peter Wong")
    );
}

#[test]
fn a_lone_surname_is_the_full_name_named_later_in_the_article() {
    // issue 11: `Smith: “…”` and `“…,” Smith said` before "John Smith" is introduced
    for t in [
        "Smith: “We will win the race.” Later that day, John Smith toured the plant.",
        "“We will win the race,” Smith said. Later that day, John Smith toured the plant.",
    ] {
        let r = extract(t, &[], &QuoteOptions::default());
        let q = &r.quotes[0];
        assert_eq!(&t[q.speaker.clone().unwrap()], "Smith");
        assert_eq!(r.speaker_name(q), Some("John Smith"));
    }
    // two people share the surname: no guess
    let t = "“We will win,” Clinton said. Bill Clinton and Hillary Clinton toured the plant.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_ne!(r.speaker_name(&r.quotes[0]), Some("Bill Clinton"));
    assert_ne!(r.speaker_name(&r.quotes[0]), Some("Hillary Clinton"));
}

#[test]
fn the_newspaper_is_the_news_medium_named_before() {
    // issue 11: without a gazetteer, "the newspaper" is the last news name before it (not a person, not a place)
    let t = "The editors of The Boston Globe endorsed the mayor on Sunday. “She has earned a second term,” the newspaper wrote.";
    let r = extract(t, &[], &QuoteOptions::default());
    let q = &r.quotes[0];
    assert_eq!(&t[q.speaker.clone().unwrap()], "the newspaper");
    assert_eq!(r.speaker_name(q), Some("Boston Globe"));
    // no news name before it: unresolved
    let t =
        "Voters met in New York on Sunday. “She has earned a second term,” the newspaper wrote.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_eq!(r.speaker_name(&r.quotes[0]), None);
}

#[test]
fn a_quoted_title_case_paragraph_is_a_section_heading() {
    // issue 11: a paragraph that is only a quoted phrase in title case, with no speaker, is a heading
    let t = "The mine closed in May.\n\n‘Nothing Left to Lose.’\n\nMiners gathered at the gate on Monday.";
    let r = extract(t, &[], &QuoteOptions::default());
    let q = r
        .quotes
        .iter()
        .find(|q| &t[q.start..q.end] == "Nothing Left to Lose.")
        .unwrap();
    assert_eq!(q.kind, QuoteKind::Scare);
    assert!(q.speaker.is_none());
    // a quoted sentence paragraph stays a quote; a named one keeps its speaker
    let t = "Miners gathered at the gate.\n\n“We have nothing left to lose here.”\n\n“Nothing Left to Lose,” Tom Reyes said.";
    let r = extract(t, &[], &QuoteOptions::default());
    assert_ne!(r.quotes[0].kind, QuoteKind::Scare);
    assert_eq!(&t[r.quotes[1].speaker.clone().unwrap()], "Tom Reyes");
}
