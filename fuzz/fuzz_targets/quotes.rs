//! The quote scanner and attributor (with people and entity mentions), via `corpus::analyze` and `extract`.
//!
//! Input: a mode byte, then a text. Entities come from a small fixed gazetteer (as `analyze` does) or, in the
//! second mode, from spans picked by the fuzzer at char boundaries — overlapping, empty or odd ones included,
//! as the Python `entities=` argument allows (sorted, as the bindings sort them).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use saidwho::corpus::analyze::analyze;
use saidwho::gazetteer::{Entry, Gazetteer, Options};
use saidwho::people::EntityMention;
use saidwho::quotes::{extract, QuoteKind, QuoteOptions, QuoteResult};

#[path = "common.rs"]
mod common;
use common::*;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::new(
            vec![
                Entry::new("putin", "Vladimir Putin", "PERSON", &["Putin", "Vladimir Putin"]),
                Entry::new("zelenskiy", "Volodymyr Zelenskiy", "PERSON", &["Zelenskiy", "Zelensky"]),
                Entry::new("ukraine", "Ukraine", "GPE", &["Ukraine", "Ukrainian"]),
                Entry::new("kremlin", "Kremlin", "ORG", &["Kremlin", "the Kremlin"]),
                Entry::new("reuters", "Reuters", "ORG", &["Reuters"]),
                Entry::new("us", "United States", "GPE", &["US", "U.S."]),
            ],
            Options::default(),
        )
        .expect("valid gazetteer")
    })
}

fn check(text: &str, r: &QuoteResult) {
    let mut last_group = 0;
    for (k, q) in r.quotes.iter().enumerate() {
        check_range(text, &(q.start..q.end), "quote");
        check_range(text, &(q.open..q.close), "quote marks");
        assert!(q.open <= q.start && q.end <= q.close, "content outside its marks");
        if let Some(s) = &q.speaker {
            check_range(text, s, "speaker");
        }
        if let Some(c) = &q.cue {
            check_range(text, c, "cue");
        }
        if let Some(i) = q.speaker_ref {
            assert!(i < r.speakers.len(), "speaker_ref out of range");
            let sp = &r.speakers[i];
            if let Some(p) = sp.person {
                assert!(p < r.people.persons.len());
            }
        }
        assert_eq!(r.speaker_id(q).is_some(), q.speaker_ref.is_some());
        assert!(k == 0 || q.group >= last_group || q.group < k + 1, "group ids numbered in text order");
        if q.kind == QuoteKind::Indirect {
            assert!(q.speaker.is_some() && q.cue.is_some(), "reported speech without speaker or cue");
            assert!(q.start < q.end, "empty reported content");
        }
        assert!(k == 0 || r.quotes[k - 1].start <= q.start, "quotes in text order");
        last_group = last_group.max(q.group);
    }
    for p in &r.people.persons {
        for m in &p.mentions {
            check_range(text, m, "person mention");
        }
    }
    for m in &r.people.mentions {
        check_range(text, &(m.start..m.end), "mention");
        assert!(m.person < r.people.persons.len());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = text_of(rest);
    // Mode bit 1: quotes in marks only (`reported: false`); otherwise reported speech too.
    let opts = QuoteOptions {
        reported: mode & 2 == 0,
        ..Default::default()
    };
    if mode & 1 == 0 {
        let a = analyze(&text, Some(gaz()), &opts);
        for m in &a.entities {
            check_range(&text, &(m.start..m.end), "entity");
        }
        check(&text, &a.quotes);
    } else {
        // Spans at char boundaries chosen from the text's own bytes.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut ents: Vec<EntityMention> = rest
            .chunks(3)
            .take(40)
            .map(|c| {
                let a = bounds[c[0] as usize % bounds.len()];
                let b = bounds[*c.get(1).unwrap_or(&0) as usize % bounds.len()];
                let label = ["PERSON", "ORG", "GPE", "per"][*c.get(2).unwrap_or(&0) as usize % 4];
                let (start, end) = (a.min(b), a.max(b));
                EntityMention {
                    start,
                    end,
                    id: format!("x{start}").into(),
                    name: text[start..end].into(),
                    label: label.into(),
                }
            })
            .collect();
        ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let r = extract(&text, &ents, &opts);
        check(&text, &r);
    }
});
