//! Inputs the fuzzers (fuzz/, `bash scripts/fuzz.sh`) found crashing the core, kept as regression tests.
//! Each test names the target and the finding; the assertions are the fuzz target's own invariants.
use saidwho::corpus::analyze::analyze;
use saidwho::gazetteer::{Entry, Gazetteer, Options};
use saidwho::people::EntityMention;
use saidwho::quotes::{extract, QuoteOptions, QuoteResult};

fn check(text: &str, r: &QuoteResult) {
    for q in &r.quotes {
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        if let Some(s) = &q.speaker {
            assert!(s.start <= s.end && s.end <= text.len());
        }
        if let Some(i) = q.speaker_ref {
            assert!(i < r.speakers.len());
        }
    }
}

fn mention<'t>(text: &'t str, from: &str, to: &str, label: &'t str) -> EntityMention<'t> {
    let start = text.find(from).unwrap();
    let end = text.find(to).unwrap() + to.len();
    EntityMention {
        start,
        end,
        id: "x".into(),
        name: text[start..end].into(),
        label: label.into(),
    }
}

/// quotes target, crash-aeea4e9d: an entity that starts inside the speaker mention and ends after it made the
/// head check slice `text[entity.end..mention.end]` backwards (panic "begin > end"). Reachable from Python with
/// a gazetteer alias such as "Putin said", or `entities=`; it lost the whole batch of `analyze_many`.
#[test]
fn entity_running_past_the_speaker_mention() {
    let text = "“We will win,” Mr Putin said.";
    let ents = [mention(text, "Putin", "said", "PERSON")];
    let r = extract(text, &ents, &QuoteOptions::default());
    check(text, &r);
    assert_eq!(r.quotes.len(), 1);
    let speaker = r.quotes[0].speaker.clone().expect("a speaker");
    assert_eq!(&text[speaker], "Mr Putin");
    // The same through a gazetteer, as analyze() runs it.
    let gaz = Gazetteer::new(
        vec![Entry::new("p", "Putin said", "PERSON", &["Putin said"])],
        Options::default(),
    )
    .unwrap();
    let a = analyze(text, Some(&gaz), &QuoteOptions::default());
    check(text, &a.quotes);
    assert_eq!(a.entities.len(), 1);
}

/// `analyze_batch_isolated` (what `analyze_many` runs) gives every document its own result, in order, equal to
/// one-by-one analysis; missing texts give empty analyses.
#[test]
fn isolated_batch_equals_one_by_one() {
    use saidwho::corpus::analyze::analyze_batch_isolated;
    let gaz = Gazetteer::new(
        vec![
            Entry::new("p", "Putin said", "PERSON", &["Putin said"]),
            Entry::new("k", "Kyiv", "GPE", &["Kyiv"]),
        ],
        Options::default(),
    )
    .unwrap();
    let texts = [
        Some("“We will win,” Mr Putin said."),
        None,
        Some("In Kyiv, “no,” he said."),
        Some(""),
    ];
    let opts = QuoteOptions::default();
    let out = analyze_batch_isolated(&texts, Some(&gaz), &opts, Some(2)).unwrap();
    assert_eq!(out.len(), texts.len());
    for (t, r) in texts.iter().zip(&out) {
        let got = r.as_ref().expect("no document fails");
        let want = analyze(t.unwrap_or(""), Some(&gaz), &opts);
        assert_eq!(got.entities, want.entities);
        assert_eq!(got.quotes.quotes, want.quotes.quotes);
    }
}

/// quotes target, crash-7a6ae8ea (minimised by `cargo fuzz tmin`, mode byte 0: reported speech on, the fixed
/// gazetteer): "attempt to subtract with overflow" in `Window::closing` (reported speech). Past 2 × SCAN tokens
/// of a run-on "sentence" every token is its own sentence piece, so the content end of a cue of several words
/// ("were quoted by") lay before the cue's end and `e - from` underflowed. Such a cue now reads no reported speech.
#[test]
fn multiword_cue_past_the_end_of_a_run_on_sentence() {
    let data: &[u8] = b"Putin to\x01as ill\x07\x00\x00\x00\x00\x00\x00\x00\xde\xde\x00\x00\xde\xde\xde\xde\xde\xde\
\xde\xde\xde\xde\xde\xde\xde\xde\xde\xde\x01\x00\x00\x00\x00\x00\x00\x00\xde\xde\xde\xde\xde\xde\xde\xde\xde\xde\
\xde\xde\xde\x00\x7f\x00\x00\x00\x00\x00\x00\x00s* were quo\x9b\x99\x99\x99\x99\x99\x99\xde\xde\xde\xde\xde\xde\
\xde\xde\xde\xde\xde\x01\x00\x00\x00\x00\x00\x00\x00\xde2\x00\x00\x00\x00\x00\x00\x00\xde\xde\xde\xde\x09\x00\x00\
\x00\xde\x01ses\xde\x09\x00\x00\x00\xde\x01Officials* were quoted by.usidet";
    let text = String::from_utf8_lossy(data).into_owned();
    let gaz = Gazetteer::new(
        vec![
            Entry::new(
                "putin",
                "Vladimir Putin",
                "PERSON",
                &["Putin", "Vladimir Putin"],
            ),
            Entry::new("kremlin", "Kremlin", "ORG", &["Kremlin", "the Kremlin"]),
        ],
        Options::default(),
    )
    .unwrap();
    let a = analyze(&text, Some(&gaz), &QuoteOptions::default());
    check(&text, &a.quotes);
    let r = extract(&text, &[], &QuoteOptions::default());
    check(&text, &r);
    // Also a readable run-on sentence (more than 2 × SCAN tokens) ending in a multi-word cue.
    let words = format!("{}, officials were quoted by.", "and the tanks ".repeat(60));
    check(&words, &extract(&words, &[], &QuoteOptions::default()));
}

/// The gazetteer of the quotes fuzz target (fuzz/fuzz_targets/quotes.rs), for `analyze` as the target runs it.
fn fuzz_gazetteer() -> Gazetteer {
    Gazetteer::new(
        vec![
            Entry::new(
                "putin",
                "Vladimir Putin",
                "PERSON",
                &["Putin", "Vladimir Putin"],
            ),
            Entry::new(
                "zelenskiy",
                "Volodymyr Zelenskiy",
                "PERSON",
                &["Zelenskiy", "Zelensky"],
            ),
            Entry::new("ukraine", "Ukraine", "GPE", &["Ukraine", "Ukrainian"]),
            Entry::new("kremlin", "Kremlin", "ORG", &["Kremlin", "the Kremlin"]),
            Entry::new("reuters", "Reuters", "ORG", &["Reuters"]),
            Entry::new("us", "United States", "GPE", &["US", "U.S."]),
        ],
        Options::default(),
    )
    .unwrap()
}

/// quotes target, crash-3cf25500 (second run, after the fix above; minimised by `cargo fuzz tmin`, mode byte 0):
/// "attempt to subtract with overflow" in `Window::closing_tail`, called by `cut` for a closing "according to"
/// that starts inside the content but ends past its end. A cue running past the content's end closes nothing.
#[test]
fn closing_cue_running_past_the_content_end() {
    let data: &[u8] = b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffTT\x01K\x01Kmovyiv s\x00T hpelan, MTT \
\x00TTTTTTTTon inRu ssian-\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\
\x80\x80\x22wayivs il said theyiv ssaid thet a hospital,\xfb\x00\x00\x00\x00\x00\x00\x00 \x0e\x00cording\
\x20to Reutersaideniedsaid thet a hospital,\xfb\x00\x00\x00\x00\x00\x00\x00 accordin\x033333333tersaiaid.ed\
.eeniedsaid thet a hosaccording to Reutersaiaid.ed.ed.ed.eeniedsaid thet a hoital,\xfb\x00\x00\x00\x00\
\x00\x00\x00 according to Reutersaiaid.ed.eutersaiaid.ed.e";
    let text = String::from_utf8_lossy(data).into_owned();
    let a = analyze(&text, Some(&fuzz_gazetteer()), &QuoteOptions::default());
    check(&text, &a.quotes);
    check(&text, &extract(&text, &[], &QuoteOptions::default()));
}

/// quotes proptest, `never_panics_and_keeps_invariants` (tests/quotes.proptest-regressions): ". , told " is a
/// verb of telling after a comma at the window's last token; reading its object indexed past the tokens.
#[test]
fn telling_verb_at_the_last_token() {
    for text in [". , told ", ", told", "Prices rose, told"] {
        check(text, &extract(text, &[], &QuoteOptions::default()));
        let a = analyze(text, Some(&fuzz_gazetteer()), &QuoteOptions::default());
        check(text, &a.quotes);
    }
}

/// quotes proptest (`never_panics_and_keeps_invariants`): a closing report `…, X claimed, and` at the very end
/// of the text read the token after "and" to see whether a coordinated clause opens there (index out of
/// bounds). Nothing opens past the end.
#[test]
fn coordination_at_the_end_of_the_text() {
    for text in [
        "““claimed“he,and",
        "Sales fell, the firm said, and",
        "“Yes,” he said, and",
    ] {
        let r = extract(text, &[], &QuoteOptions::default());
        check(text, &r);
    }
}

/// A random-text stress run against the wheel (session of issue 11): "He told them" — a verb of telling and its
/// object at the very end of the text — read the token after the object to skip adverbials there (index out
/// of bounds). Nothing is read past the end.
#[test]
fn telling_verb_and_object_at_the_end_of_the_text() {
    for text in [
        "He told them",
        "Officials told reporters",
        "“No,” she told them",
        "He called on",
    ] {
        let r = extract(text, &[], &QuoteOptions::default());
        check(text, &r);
        let a = analyze(text, Some(&fuzz_gazetteer()), &QuoteOptions::default());
        check(text, &a.quotes);
    }
}
