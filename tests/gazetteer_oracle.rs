//! Property test: the trie scanner agrees with a naive oracle that tries every [start, end) of the text
//! against every alias, on random non-ASCII texts and gazetteers, in all case and accent modes.
use proptest::prelude::*;
use saidwho::gazetteer::{AccentMode, Alias, CaseMode, Entry, Gazetteer, Options};
use saidwho::text::{is_space, is_word_char, Normalizer};

const ALPHABET: &[char] = &[
    'a', 'b', 'A', 'B', 's', 'S', 'i', 'I', ' ', ' ', '\n', '’', '\'', '-', '–', 'İ', 'ß', 'ﬁ',
    'é', 'e', '\u{301}', '𝐀', '1', '.', '_',
];

/// Normalise a substring of the text: like an alias, but without trimming.
fn norm_sub(n: &Normalizer, s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev_space = false;
    for c in s.chars() {
        if is_space(c) {
            if !prev_space {
                out.push(b' ');
            }
            prev_space = true;
            continue;
        }
        let nb = n.norm_char(c);
        if !nb.as_bytes().is_empty() {
            prev_space = false;
            out.extend_from_slice(nb.as_bytes());
        }
    }
    out
}

type Found = Vec<(usize, usize, Vec<String>)>;

fn oracle(g: &Gazetteer, text: &str, overlapping: bool) -> Found {
    let opts = g.options();
    let fold = opts.accents == AccentMode::Fold;
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let word_at = |i: usize| text[i..].chars().next().is_some_and(is_word_char);
    let word_before = |i: usize| text[..i].chars().next_back().is_some_and(is_word_char);
    let mut all: Found = Vec::new();
    for (si, &s) in bounds.iter().enumerate() {
        if !(s == 0 || !word_before(s) || !word_at(s)) || s == text.len() {
            continue;
        }
        for &e in &bounds[si + 1..] {
            if !(e == text.len() || !word_at(e) || !word_before(e)) {
                continue;
            }
            let mut cands: Vec<(f64, usize)> = Vec::new();
            for (ei, entry) in g.entries().enumerate() {
                let hit = entry.aliases().any(|a| {
                    let sensitive = a.case.unwrap_or(opts.case).is_sensitive_for(a.text);
                    let n = Normalizer::new(!sensitive, fold);
                    norm_sub(&n, &text[s..e]) == n.normalize_bytes(a.text)
                });
                if hit {
                    cands.push((entry.priority, ei));
                }
            }
            if cands.is_empty() {
                continue;
            }
            cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let ids = cands
                .iter()
                .map(|c| g.entry(c.1 as u32).id.to_string())
                .collect();
            all.push((s, e, ids));
        }
    }
    if overlapping {
        return all;
    }
    // Leftmost start first; at that start the longest end; then resume after it.
    let mut out: Found = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < all.len() {
        if all[i].0 < pos {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < all.len() && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        pos = all[j].1;
        out.push(all[j].clone());
        i = j + 1;
    }
    out
}

fn engine(g: &Gazetteer, text: &str, overlapping: bool) -> Found {
    g.find_str(text, overlapping)
        .iter()
        .map(|m| {
            let ids = m
                .candidates(g)
                .iter()
                .map(|&e| g.entry(e).id.to_string())
                .collect();
            (m.start, m.end, ids)
        })
        .collect()
}

/// For the first-word filter: word chars whose normal form holds an apostrophe (ʼ, ŉ), aliases starting with
/// punctuation or digits, marks that fold away, chars whose case folding is longer (ß, ﬁ, İ), non-ASCII
/// punctuation.
const FILTER_ALPHABET: &[char] = &[
    'a', 'n', 'N', 'A', 'ʼ', 'ŉ', '\'', '’', '«', '.', '(', '1', '2', ' ', '-', '\u{301}',
    '\u{308}', 'ß', 'S', 'ﬁ', 'İ', 'i', 'ǅ', 'Ǆ', '_',
];

fn word_from(alphabet: &'static [char]) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 1..6)
        .prop_map(|v| v.into_iter().collect::<String>())
}

fn alias_strategy() -> impl Strategy<Value = Alias> {
    alias_from(ALPHABET)
}

fn alias_from(alphabet: &'static [char]) -> impl Strategy<Value = Alias> {
    (
        word_from(alphabet),
        proptest::option::of(prop_oneof![
            Just(CaseMode::Smart),
            Just(CaseMode::Insensitive),
            Just(CaseMode::Sensitive)
        ]),
    )
        .prop_map(|(text, case)| Alias {
            text,
            case,
            context: false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600)
    ))]
    #[test]
    fn scanner_equals_oracle(
        raw in proptest::collection::vec((0u8..5, proptest::collection::vec(alias_strategy(), 1..3), -1i8..2), 1..6),
        text in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..30),
        case in prop_oneof![Just(CaseMode::Smart), Just(CaseMode::Insensitive), Just(CaseMode::Sensitive)],
        fold in any::<bool>(),
    ) {
        let text: String = text.into_iter().collect();
        let entries: Vec<Entry> = raw
            .into_iter()
            .map(|(id, aliases, prio)| Entry {
                id: format!("e{id}"),
                name: String::new(),
                label: String::new(),
                aliases,
                priority: prio as f64,
                attrs: Default::default(),
            })
            .filter(|e| e.aliases.iter().all(|a| !a.text.trim_matches(is_space).is_empty()))
            .collect();
        let accents = if fold { AccentMode::Fold } else { AccentMode::Keep };
        let g = match Gazetteer::new(entries, Options { case, accents }) {
            Ok(g) => g,
            Err(_) => return Ok(()), // e.g. an alias of marks only, folded away
        };
        for overlapping in [false, true] {
            prop_assert_eq!(engine(&g, &text, overlapping), oracle(&g, &text, overlapping), "text {:?}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600)
    ))]
    #[test]
    fn scanner_equals_oracle_filter_edges(
        raw in proptest::collection::vec((0u8..5, proptest::collection::vec(alias_from(FILTER_ALPHABET), 1..3), -1i8..2), 1..6),
        text in proptest::collection::vec(proptest::sample::select(FILTER_ALPHABET), 0..30),
        case in prop_oneof![Just(CaseMode::Smart), Just(CaseMode::Insensitive), Just(CaseMode::Sensitive)],
        fold in any::<bool>(),
    ) {
        let text: String = text.into_iter().collect();
        let entries: Vec<Entry> = raw
            .into_iter()
            .map(|(id, aliases, prio)| Entry {
                id: format!("e{id}"),
                name: String::new(),
                label: String::new(),
                aliases,
                priority: prio as f64,
                attrs: Default::default(),
            })
            .filter(|e| e.aliases.iter().all(|a| !a.text.trim_matches(is_space).is_empty()))
            .collect();
        let accents = if fold { AccentMode::Fold } else { AccentMode::Keep };
        let g = match Gazetteer::new(entries, Options { case, accents }) {
            Ok(g) => g,
            Err(_) => return Ok(()), // e.g. an alias of marks only, folded away
        };
        for overlapping in [false, true] {
            prop_assert_eq!(engine(&g, &text, overlapping), oracle(&g, &text, overlapping), "text {:?}", text);
        }
    }
}
