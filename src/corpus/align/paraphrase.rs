//! Paraphrase: reported speech (an indirect quote, no quotation marks) beside a quote in marks.
//!
//! Reported speech shifts person and tense (“to significantly improve **your** work” is reported as “they
//! **needed** to significantly improve **their** work”), so word-for-word alignment does not apply. Both
//! sides are reduced to their *content words*: the normalised words (see [`super::normalized_words`]) without
//! function words (articles, prepositions, conjunctions, auxiliaries and modals, and all personal pronouns and
//! possessives, which is what makes a person shift neutral), a possessive `'s` dropped, and each word reduced
//! to a light stem (`needed` = `need`, `improves` = `improve`, `said` = `say`: tense and number shifts are
//! neutral). Two texts *paraphrase* each other when at least [`super::AlignOptions::paraphrase_min_words`]
//! content words line up in order (a longest common subsequence of stems) and those make up at least
//! [`super::AlignOptions::paraphrase_min`] of the content words of the shorter side.
//!
//! ```text
//! "they needed to significantly improve their work"            -> need significant improve work
//! "to significantly improve your work in key areas, and use …" -> significant improve work key area use …
//! aligned: significant improve work (3 of 4 on the shorter side) -> a paraphrase
//! ```
use super::normalize::hash_bytes;

/// Function words: never counted as content (sorted, for binary search).
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "may",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Irregular past forms and participles, mapped to the stem of their base form.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("given", "give"),
    ("got", "get"),
    ("gotten", "get"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("said", "say"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stood", "stand"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("went", "go"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The light stem of a normalised word, or `None` for a function word.
pub(crate) fn stem(word: &str) -> Option<String> {
    // A possessive 's goes; other contractions ("don't", "we're", "it'll") are function words.
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if w.is_empty() || w.contains(['\'', '’', 'ʼ']) || FUNCTION_WORDS.binary_search(&w).is_ok() {
        return None;
    }
    if let Ok(i) = IRREGULAR.binary_search_by(|(k, _)| k.cmp(&w)) {
        return Some(trim_e(IRREGULAR[i].1).to_string());
    }
    if !w.is_ascii() || w.len() <= 3 {
        return Some(w.to_string());
    }
    let base: String = if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        format!("{s}y")
    } else if let Some(s) = w.strip_suffix("ied").filter(|s| s.len() >= 2) {
        format!("{s}y")
    } else if let Some(s) = w.strip_suffix("ing").filter(|s| s.len() >= 3) {
        undouble(s)
    } else if let Some(s) = w.strip_suffix("ed").filter(|s| s.len() >= 3) {
        undouble(s)
    } else if let Some(s) = w
        .strip_suffix("es")
        .filter(|s| s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh"))
    {
        s.to_string()
    } else if let Some(s) = w
        .strip_suffix('s')
        .filter(|s| !s.ends_with(['s', 'u', 'i']))
    {
        s.to_string()
    } else if let Some(s) = w.strip_suffix("ly").filter(|s| s.len() >= 4) {
        s.to_string()
    } else {
        w.to_string()
    };
    Some(trim_e(&base).to_string())
}

/// `improve` and `improv(ed)` meet at `improv`.
fn trim_e(s: &str) -> &str {
    match s.strip_suffix('e') {
        Some(t) if t.len() >= 3 => t,
        _ => s,
    }
}

/// `stopp(ed)` → `stop`; `need(ed)` stays.
fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !matches!(
            b[n - 1],
            b'a' | b'e' | b'i' | b'o' | b'u' | b'l' | b's' | b'z'
        )
    {
        s[..n - 1].to_string()
    } else {
        s.to_string()
    }
}

/// The content words of a quote text, as hashed stems in order.
pub(crate) fn content_words(text: &str) -> Vec<u32> {
    let (words, _) = super::normalized_words(text);
    words
        .iter()
        .filter_map(|w| stem(w))
        .map(|s| {
            let h = hash_bytes(s.as_bytes());
            (h >> 32) as u32 ^ h as u32
        })
        .collect()
}

/// Longest common subsequence of two content-word sequences (the number of words that line up in order).
pub(crate) fn aligned(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    let mut row = vec![0u32; a.len() + 1];
    for &y in b {
        let mut diag = 0;
        for (i, &x) in a.iter().enumerate() {
            let up = row[i + 1];
            row[i + 1] = if x == y { diag + 1 } else { up.max(row[i]) };
            diag = up;
        }
    }
    row[a.len()] as usize
}

/// Whether content-word sequences `a` and `b` paraphrase each other; returns the number of aligned words.
pub(crate) fn paraphrase(a: &[u32], b: &[u32], min_words: usize, min_share: f32) -> Option<usize> {
    let shorter = a.len().min(b.len());
    if shorter < min_words {
        return None;
    }
    let n = aligned(a, b);
    (n >= min_words && n as f32 >= min_share * shorter as f32 - 1e-6).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        let (words, _) = crate::corpus::align::normalized_words(text);
        words.iter().filter_map(|w| stem(w)).collect()
    }

    #[test]
    fn tables_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn person_and_tense_shifts_are_neutral() {
        assert_eq!(
            stems("they needed to significantly improve their work"),
            ["need", "significant", "improv", "work"]
        );
        assert_eq!(
            stems("We need to significantly improve our work"),
            stems("they needed to significantly improve their work")
        );
        assert_eq!(stems("he said"), stems("I say"));
        assert_eq!(stems("Russia's stopping"), ["russia", "stop"]);
        assert_eq!(stems("cities studied"), ["city", "study"]);
    }

    #[test]
    fn alignment_counts_content_words_in_order() {
        let a = content_words("they needed to significantly improve their work");
        let b = content_words("to significantly improve your work in key areas");
        assert_eq!(aligned(&a, &b), 3);
        assert_eq!(paraphrase(&a, &b, 3, 0.5), Some(3));
        assert_eq!(paraphrase(&a, &b, 4, 0.5), None);
        let c = content_words("work to improve significantly");
        assert_eq!(aligned(&a, &c), 1); // the reverse order: one word lines up
    }
}
