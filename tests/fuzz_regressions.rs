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

fn mention(text: &str, from: &str, to: &str, label: &str) -> EntityMention {
    let start = text.find(from).unwrap();
    let end = text.find(to).unwrap() + to.len();
    EntityMention {
        start,
        end,
        id: "x".into(),
        name: text[start..end].to_string(),
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
