//! Reported speech through the Rust API: the forms, mixed quotes sharing a group, the `reported` switch.
use saidwho::quotes::cues::{Content, CueLexicon, Role, Usage};
use saidwho::quotes::{extract, QuoteKind, QuoteOptions};

fn reported(text: &str, opts: &QuoteOptions) -> Vec<(String, String, String)> {
    let r = extract(text, &[], opts);
    r.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                text[q.speaker.clone().unwrap()].to_string(),
                text[q.cue.clone().unwrap()].to_string(),
            )
        })
        .collect()
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn forms_of_reported_speech() {
    let o = QuoteOptions::default();
    assert_eq!(
        reported("Kyiv and its Western allies said the move was illegal.", &o),
        [t(
            "the move was illegal",
            "Kyiv and its Western allies",
            "said"
        )]
    );
    assert_eq!(
        reported(
            "Flows were cut, they said, suggesting repair work may be to blame.",
            &o
        ),
        [
            t("Flows were cut", "they", "said"),
            t("repair work may be to blame", "they", "suggesting")
        ]
    );
    assert_eq!(
        reported("According to the ministry, 30 drones were shot down.", &o),
        [t(
            "30 drones were shot down",
            "the ministry",
            "According to"
        )]
    );
    assert_eq!(
        reported(
            "Putin told operatives they needed to improve their work.",
            &o
        ),
        [t("they needed to improve their work", "Putin", "told")]
    );
    assert_eq!(
        reported(
            "Alexei Kulemzin, the mayor of Donetsk, said Ukrainian shelling hit a hospital wing.",
            &o
        ),
        [t(
            "Ukrainian shelling hit a hospital wing",
            "Alexei Kulemzin",
            "said"
        )]
    );
    assert!(reported(
        "Polls show the race is tight. She believes it will end soon.",
        &o
    )
    .is_empty());
}

#[test]
fn mixed_quote_shares_group_and_switch_turns_it_off() {
    let text = "Putin said the war could be a “long process”.";
    let r = extract(text, &[], &QuoteOptions::default());
    let kinds: Vec<QuoteKind> = r.quotes.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QuoteKind::Indirect, QuoteKind::Partial]);
    assert_eq!(r.quotes[0].group, r.quotes[1].group);
    assert_eq!(r.speaker_name(&r.quotes[1]), Some("Putin"));
    let off = QuoteOptions {
        reported: false,
        ..Default::default()
    };
    let r = extract(text, &[], &off);
    assert_eq!(r.quotes.len(), 1);
    assert_eq!(r.quotes[0].kind, QuoteKind::Partial);
}

#[test]
fn the_lexicon_says_which_cues_take_content() {
    let lex = CueLexicon::default();
    assert_eq!(lex.content_of("said"), Some(Content::Clause));
    assert_eq!(lex.content_of("announced"), Some(Content::Object));
    assert_eq!(lex.content_of("described"), Some(Content::None));
    let text = "Mr Smith believes the plan will fail.";
    assert!(reported(text, &QuoteOptions::default()).is_empty());
    let cues = lex
        .extended_full([("believes", Role::Belief, Usage::Any, Content::Clause)])
        .unwrap();
    let o = QuoteOptions {
        cues,
        ..Default::default()
    };
    assert_eq!(
        reported(text, &o),
        [t("the plan will fail", "Mr Smith", "believes")]
    );
}

#[test]
fn headlines_in_title_case() {
    let o = QuoteOptions::default();
    assert_eq!(
        reported("Port Workers Say Night Shifts Will End In March.", &o),
        [t("Night Shifts Will End In March", "Port Workers", "Say")]
    );
    // a capitalised cue outside a title-case sentence reports nothing
    assert_eq!(
        reported("The mayor Says nothing about the port.", &o),
        Vec::<(String, String, String)>::new()
    );
}
