//! The gazetteer matcher: build from fuzzed aliases and options, scan a fuzzed text.
//!
//! Input: one options byte, then text and aliases separated by U+0001 (the first part is the text).
//! Checks: matches in bounds, on char boundaries, whole words, leftmost-longest matches sorted and disjoint and
//! all among the overlapping ones; the same matches (in code points) from the UCS-4/UCS-2/Latin-1 layouts of
//! Python strings; the same after a save/load round trip; an alias that starts and ends with a word char is
//! found in a text made of itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use saidwho::gazetteer::{AccentMode, Alias, CaseMode, Entry, Gazetteer, Match, Options};
use saidwho::text::is_word_char;

#[path = "common.rs"]
mod common;
use common::*;

const LABELS: [&str; 4] = ["PERSON", "GPE", "ORG", "NORP"];

fn spans(ms: &[Match]) -> Vec<(usize, usize, u32)> {
    ms.iter().map(|m| (m.start, m.end, m.entry)).collect()
}

fn scan<S: saidwho::text::TextSource + ?Sized>(g: &Gazetteer, s: &S, ov: bool) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    g.find_in(s, ov, |m| out.push((m.start, m.end, m.entry)));
    out
}

fn check_matches(g: &Gazetteer, text: &str, ms: &[Match], overlapping: bool) {
    let mut last_end = 0;
    let mut last_start = 0;
    for m in ms {
        check_range(text, &(m.start..m.end), "match");
        assert!(m.start < m.end, "empty match {:?}", (m.start, m.end));
        assert!((m.entry as usize) < g.len());
        let first = text[m.start..].chars().next().unwrap();
        let last = text[..m.end].chars().next_back().unwrap();
        if is_word_char(first) {
            let before = text[..m.start].chars().next_back();
            assert!(!before.is_some_and(is_word_char), "match starts inside a word at {}", m.start);
        }
        if is_word_char(last) {
            let after = text[m.end..].chars().next();
            assert!(!after.is_some_and(is_word_char), "match ends inside a word at {}", m.end);
        }
        assert!(!m.candidates(g).is_empty());
        if overlapping {
            assert!(m.start >= last_start, "overlapping matches out of order");
            last_start = m.start;
        } else {
            assert!(m.start >= last_end, "leftmost-longest matches overlap");
            last_end = m.end;
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&opt, rest)) = data.split_first() else { return };
    let s = text_of(rest);
    let mut parts = s.split('\u{1}');
    let text = parts.next().unwrap_or("");
    let aliases: Vec<&str> = parts.take(24).collect();
    if aliases.is_empty() {
        return;
    }
    let case = [CaseMode::Smart, CaseMode::Insensitive, CaseMode::Sensitive][(opt % 3) as usize];
    let accents = if opt & 4 != 0 { AccentMode::Fold } else { AccentMode::Keep };
    let entries: Vec<Entry> = aliases
        .iter()
        .enumerate()
        .map(|(i, a)| {
            // Some entries share an id (they merge); some aliases override case or need a name context.
            let id = format!("e{}", if opt & 8 != 0 { i % 3 } else { i });
            let mut e = Entry::new(&id, a, LABELS[i % 4], &[]);
            let mut al = Alias::new(*a);
            if i > 0 && opt & 16 != 0 {
                al.case = Some([CaseMode::Sensitive, CaseMode::Insensitive][i % 2]);
            }
            al.context = i > 0 && opt & 32 != 0 && i % 2 == 0;
            e.aliases.push(al);
            e.priority = (i % 3) as f64;
            e
        })
        .collect();
    let g = match Gazetteer::new(entries, Options { case, accents }) {
        Ok(g) => g,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let lm = g.find_str(text, false);
    let ov = g.find_str(text, true);
    check_matches(&g, text, &lm, false);
    check_matches(&g, text, &ov, true);
    for m in &lm {
        assert!(ov.iter().any(|o| o.start == m.start && o.end == m.end), "leftmost-longest match missing from overlapping");
    }
    // Python's layouts give the same matches in code points.
    let ci = char_index(text);
    let to_chars = |v: Vec<(usize, usize, u32)>| -> Vec<(usize, usize, u32)> {
        v.into_iter().map(|(s, e, x)| (ci[s], ci[e], x)).collect()
    };
    let l = layouts(text);
    for overlapping in [false, true] {
        let want = to_chars(spans(if overlapping { &ov } else { &lm }));
        assert_eq!(scan(&g, &l.ucs4[..], overlapping), want, "UCS-4 layout differs");
        if let Some(u) = &l.ucs2 {
            assert_eq!(scan(&g, &u[..], overlapping), want, "UCS-2 layout differs");
        }
        if let Some(b) = &l.latin1 {
            assert_eq!(scan(&g, &b[..], overlapping), want, "Latin-1 layout differs");
        }
    }
    // Save and load: the same gazetteer.
    let back = Gazetteer::from_bytes(&g.to_bytes()).expect("a saved gazetteer loads");
    assert_eq!(spans(&back.find_str(text, false)), spans(&lm));
    assert_eq!(spans(&back.find_str(text, true)), spans(&ov));
    // With plain aliases (no merging, no overrides, no context), the first is found in a text of itself.
    let a = aliases[0].trim();
    let (first, last) = (a.chars().next(), a.chars().next_back());
    if opt & (8 | 16 | 32) == 0 && first.is_some_and(is_word_char) && last.is_some_and(is_word_char) {
        let found = g.find_str(a, false);
        assert!(
            found.first().is_some_and(|m| m.start == 0 && m.end == a.len()),
            "alias {a:?} not found in itself: {:?}",
            spans(&found)
        );
    }
});
