use saidwho::quotes::{extract, QuoteKind, QuoteOptions};
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("DUMP").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let r = extract(&text, &[], &QuoteOptions::default());
    for q in &r.quotes {
        if q.kind == QuoteKind::Indirect || std::env::var("ALL").is_ok() {
            println!(
                "{:?} g{} [{}] cue={:?} :: {}",
                q.kind,
                q.group,
                q.speaker.clone().map(|s| &text[s]).unwrap_or("-"),
                q.cue.clone().map(|s| &text[s]).unwrap_or("-"),
                &text[q.start..q.end]
            );
        }
    }
}
