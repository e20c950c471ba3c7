//! Paragraphs and sentences.
//!
//! A **paragraph** is one line of text: the bytes between two line breaks (`\n`, `\r\n` or a lone `\r`), with
//! surrounding white space trimmed. Blank lines separate nothing more than a single line break does; they are
//! skipped. This is the layout of news feeds and of most scraped text (one paragraph per line, sometimes with a
//! blank line between paragraphs).
//!
//! ```
//! use saidwho::text::segment::paragraphs;
//! let text = "First paragraph.\n\n  Second one. \r\nThird.";
//! let paras: Vec<&str> = paragraphs(text).map(|r| &text[r]).collect();
//! assert_eq!(paras, ["First paragraph.", "Second one.", "Third."]);
//! ```
//!
//! A **sentence** ends after `.`, `!`, `?` or `…` (and any closing quotation marks or brackets right after it)
//! when white space and then an upper-case letter, a digit or an opening mark follow — unless the word before the
//! full stop is an abbreviation ("Mr.", "U.S.", "Gov.", "Jan.") or a single initial ("J."). The rules are simple
//! and work on byte offsets without allocation; they do not look inside quotations for nesting.
//!
//! ```
//! use saidwho::text::segment::sentences;
//! let text = "Mr. Smith met Gov. Jones in the U.S. on Monday. They talked! “Fine,” he said.";
//! let s: Vec<&str> = sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(s, ["Mr. Smith met Gov. Jones in the U.S. on Monday.", "They talked!", "“Fine,” he said."]);
//! ```
use std::ops::Range;

use crate::text::is_word_char;

/// Iterator over the paragraphs of a text, as byte ranges (see the [module docs](self)).
#[derive(Debug, Clone)]
pub struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
}

/// The paragraphs of `text`: byte ranges of its non-blank lines, trimmed of white space.
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs { text, pos: 0 }
}

impl Iterator for Paragraphs<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let start = self.pos;
            let end =
                memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            self.pos = end + 1;
            let line = &self.text[start..end];
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let s = start + (line.len() - line.trim_start().len());
                return Some(s..s + trimmed.len());
            }
        }
        None
    }
}

/// Lower-case abbreviations (without their full stop) after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "mssrs", "messrs", "prof", "sen", "rep", "gov", "gen", "lt", "col",
    "maj", "capt", "sgt", "cpl", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "st",
    "jr", "sr", "ft", "mt", "no", "vs", "v", "etc", "inc", "ltd", "corp", "co", "bros", "dept",
    "univ", "assn", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "al", "e.g",
    "i.e", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m",
];

/// True when `word` (as written, without its full stop) is an abbreviation or an initial, so that a full
/// stop after it does not end a sentence: "Mr", "Gov", "U.S", "J".
///
/// ```
/// use saidwho::text::segment::is_abbreviation;
/// assert!(is_abbreviation("Mr") && is_abbreviation("U.S") && is_abbreviation("J"));
/// assert!(!is_abbreviation("Monday") && !is_abbreviation("it"));
/// ```
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 8];
    let mut n = 0;
    for b in word.bytes() {
        if !b.is_ascii() {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    // Dotted acronyms of single letters ("U.S", "D.C", "F.B.I") never end a sentence by their last dot alone.
    if n >= 3
        && buf[..n]
            .iter()
            .enumerate()
            .all(|(i, &b)| (i % 2 == 1) == (b == b'.'))
    {
        return true;
    }
    ABBREVIATION_KEYS.binary_search(&packed(&buf[..n])).is_ok()
}

/// A word of at most seven ASCII bytes as one integer: its bytes, zero-padded, and its length in the last byte.
#[inline]
fn packed(word: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..word.len()].copy_from_slice(word);
    b[7] = word.len() as u8;
    u64::from_le_bytes(b)
}

/// [`ABBREVIATIONS`] packed and sorted: a lookup is a few integer comparisons.
static ABBREVIATION_KEYS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<u64> = ABBREVIATIONS.iter().map(|w| packed(w.as_bytes())).collect();
    keys.sort_unstable();
    keys
});

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[')
}

/// The word (maximal run of word characters and inner full stops) that ends at byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let mut start = end;
    for (i, c) in head.char_indices().rev() {
        if is_word_char(c) || (c == '.' && i > 0 && i + 1 < end) {
            start = i;
        } else {
            break;
        }
        if end - start > 40 {
            break;
        }
    }
    &text[start..end]
}

/// True when byte `pos` of `text` ends a sentence: `text[..pos]` ends with sentence-final punctuation
/// (plus closing marks) that is followed by white space and a sentence opener.
fn ends_sentence_at(text: &str, pos: usize) -> bool {
    let head = &text[..pos];
    let mut chars = head.char_indices().rev().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if is_closing(c) {
            chars.next();
        } else {
            break;
        }
    }
    let Some((i, c)) = chars.next() else {
        return false;
    };
    match c {
        '!' | '?' | '…' => {}
        '.' => {
            let w = word_before(text, i);
            if w.is_empty() || is_abbreviation(w) {
                return false;
            }
        }
        _ => return false,
    }
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // no white space after the punctuation
    }
    match trimmed.chars().next() {
        Some(c) => c.is_uppercase() || c.is_numeric() || is_opening(c),
        None => false,
    }
}

/// The sentences of `text[range]` (usually one paragraph) as byte ranges, trimmed of white space.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Each piece between two sentence ends, without its edge white space (blank pieces are dropped).
    let mut push_trimmed = |a: usize, b: usize| {
        let s = &text[a..b];
        if !s.trim().is_empty() {
            let ls = a + (s.len() - s.trim_start().len());
            out.push(ls..ls + s.trim().len());
        }
    };
    let mut start = range.start;
    for i in sentence_end_candidates(text, &range) {
        if ends_sentence_at(text, i) {
            push_trimmed(start, i);
            start = i;
        }
    }
    push_trimmed(start, range.end);
    out
}

/// The positions in `range` where [`ends_sentence_at`] can hold, in order: each ASCII white space byte right
/// after a '.', '!', '?' or '…' and the closing marks after it (and after closing marks that open the range).
fn sentence_end_candidates(text: &str, range: &Range<usize>) -> Vec<usize> {
    let bytes = &text.as_bytes()[..range.end];
    let after_closing = |mut e: usize| {
        while let Some(c) = text[e..range.end].chars().next().filter(|&c| is_closing(c)) {
            e += c.len_utf8();
        }
        (e < range.end && matches!(bytes[e], b' ' | b'\t' | b'\n' | b'\r')).then_some(e)
    };
    let hay = &bytes[range.start..];
    let mut out: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', hay)
        .map(|k| range.start + k + 1)
        .chain(memchr::memmem::find_iter(hay, "…".as_bytes()).map(|k| range.start + k + 3))
        .chain(std::iter::once(range.start))
        .filter_map(after_closing)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition: every white space byte of the range is checked.
    fn sentences_checking_every_space(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let mut cuts = vec![range.start];
        for (k, b) in text.as_bytes()[range.clone()].iter().enumerate() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') && ends_sentence_at(text, range.start + k)
            {
                cuts.push(range.start + k);
            }
        }
        cuts.push(range.end);
        cuts.windows(2)
            .filter_map(|w| {
                let s = &text[w[0]..w[1]];
                let ls = w[0] + (s.len() - s.trim_start().len());
                (!s.trim().is_empty()).then(|| ls..ls + s.trim().len())
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn sentences_are_those_of_checking_every_space(
            text in "[a-zA-Z .!?…”’\")'\n\tMr]{0,60}",
            cut in 0usize..8,
        ) {
            let start = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
            proptest::prop_assert_eq!(
                sentences(&text, start..text.len()),
                sentences_checking_every_space(&text, start..text.len())
            );
        }
    }

    #[test]
    fn paragraphs_skip_blank_lines_and_trim() {
        let text = "\n\n  a b \n\n\nc\r\n\r\nd";
        let p: Vec<&str> = paragraphs(text).map(|r| &text[r]).collect();
        assert_eq!(p, ["a b", "c", "d"]);
        assert_eq!(paragraphs("").count(), 0);
        assert_eq!(paragraphs(" \n \n").count(), 0);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text =
            "He met Sen. Ted Cruz. “It went well.” Then J. Smith left… Later, 3 more came? Yes.";
        let s: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            s,
            [
                "He met Sen. Ted Cruz.",
                "“It went well.”",
                "Then J. Smith left…",
                "Later, 3 more came?",
                "Yes."
            ]
        );
    }

    #[test]
    fn lower_case_after_full_stop_continues() {
        let text = "It cost 3.5 bn. dollars and more.";
        assert_eq!(sentences(text, 0..text.len()).len(), 1);
    }
}
