//! Word tokens for the people and quotes stages (crate-internal).
//!
//! A word is a run of word characters (`text::is_word_char`) that may hold inner hyphens ("Russian-held",
//! "S-400"), inner apostrophes ("don’t", "O’Brien"), the dots of an acronym or initial ("U.S.", "J.") and the
//! dot of a known abbreviation ("Mr.", "Gov."), and digit groups ("3.5", "1,000"). A possessive ending ("’s",
//! or "’" after an "s") is a token of its own, so "Russia’s" is the word "Russia" plus a possessive. Every other
//! non-space character is a one-character punctuation token. A span of the text given as a quotation (from its
//! opening to its closing mark) becomes one opaque `Quote` token.
use crate::people::lexicon;
use crate::text::is_word_char;
use crate::text::segment::is_abbreviation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct,
    Poss,
    Quote,
}

/// First character is upper case.
pub(crate) const CAP: u8 = 1;
/// First character is lower case.
pub(crate) const LOWER: u8 = 2;
/// First character is a digit.
pub(crate) const NUM: u8 = 4;
/// The token ends with the full stop of an abbreviation or initial ("Mr.", "J.", "U.S.").
pub(crate) const ABBR: u8 = 8;
/// Every letter is upper case and there are at least two ("FSB", "U.S.").
pub(crate) const ALLCAPS: u8 = 16;
/// The word, in any case, is the first word of a cue phrase (set by the cue lexicon's classification).
pub(crate) const CUE_WORD: u8 = 32;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub flags: u8,
    /// Word-class bits from [`lexicon::classes`] (words only).
    pub cls: u32,
    /// The quotation's index for `Quote` tokens; the punctuation character for `Punct` tokens.
    pub aux: u32,
}

impl Tok {
    /// The opaque token of quotation `idx`, from its opening mark at `open` to the end of its closing one.
    #[inline]
    pub fn quote(idx: u32, open: usize, close: usize) -> Tok {
        Tok {
            start: open,
            end: close,
            kind: Kind::Quote,
            flags: 0,
            cls: 0,
            aux: idx,
        }
    }

    #[inline]
    pub fn is(&self, bits: u32) -> bool {
        self.kind == Kind::Word && self.cls & bits != 0
    }
    #[inline]
    pub fn cap(&self) -> bool {
        self.kind == Kind::Word && self.flags & CAP != 0
    }
    #[inline]
    pub fn lower(&self) -> bool {
        self.kind == Kind::Word && self.flags & LOWER != 0
    }
    #[inline]
    pub fn punct(&self) -> Option<char> {
        if self.kind == Kind::Punct {
            char::from_u32(self.aux)
        } else {
            None
        }
    }
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.aux == c as u32
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn word_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => char_at(text, i).is_some_and(is_word_char),
        None => false,
    }
}

/// ASCII bytes that are word characters: letters, digits, `_`.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// Bytes that are ASCII word characters (letters, digits, `_`), for any byte.
pub(crate) static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_WORD[b];
        b += 1;
    }
    t
};

/// [`word_flags`] of a word of ASCII letters, digits and `_` only (so not ending in a full stop).
#[inline]
fn ascii_word_flags(b: &[u8]) -> u8 {
    match b[0] {
        b'a'..=b'z' => LOWER,
        b'A'..=b'Z' => {
            let rest = &b[1..];
            if rest.iter().any(u8::is_ascii_lowercase) || !rest.iter().any(u8::is_ascii_uppercase) {
                CAP
            } else {
                CAP | ALLCAPS
            }
        }
        b'0'..=b'9' => NUM,
        _ => 0,
    }
}

/// End of the run of word characters starting at `i`.
#[inline]
fn word_run(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[..end];
    loop {
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 && ASCII_WORD[b as usize] {
                i += 1;
            } else {
                break;
            }
        }
        match bytes.get(i) {
            Some(&b) if b >= 0x80 => match char_at(text, i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Length in bytes of an apostrophe at `i` (`'` or `’`), or 0.
#[inline]
fn apostrophe_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    if b.get(i) == Some(&b'\'') {
        1
    } else if b.get(i..i + 3) == Some("’".as_bytes()) {
        3
    } else {
        0
    }
}

/// Class bits of a word token ("Mr." has those of "Mr" and "Mr.").
#[inline]
pub(crate) fn word_classes(w: &str) -> u32 {
    if w.len() > 1 && w.ends_with('.') {
        lexicon::classes(&w[..w.len() - 1]) | lexicon::classes(w)
    } else {
        lexicon::classes(w)
    }
}

/// Flags of a word token.
fn word_flags(w: &str) -> u8 {
    let b = w.as_bytes();
    // Most words: a lower-case ASCII letter first (the rest of the word changes no flag but ABBR).
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        return if b.last() == Some(&b'.') {
            LOWER | ABBR
        } else {
            LOWER
        };
    }
    if b.is_ascii() {
        let mut flags = match b.first() {
            Some(c) if c.is_ascii_uppercase() => CAP,
            Some(c) if c.is_ascii_lowercase() => LOWER,
            Some(c) if c.is_ascii_digit() => NUM,
            _ => 0,
        };
        if flags == CAP {
            let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
            if letters >= 2 && !b.iter().any(|c| c.is_ascii_lowercase()) {
                flags |= ALLCAPS;
            }
        }
        if b.last() == Some(&b'.') {
            flags |= ABBR;
        }
        return flags;
    }
    let mut flags = 0;
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        if c.is_uppercase() {
            flags |= CAP;
        } else if c.is_lowercase() {
            flags |= LOWER;
        } else if c.is_numeric() {
            flags |= NUM;
        }
    }
    if flags & CAP != 0 {
        let mut letters = 0;
        let mut all_upper = true;
        for c in w.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if !c.is_uppercase() {
                    all_upper = false;
                    break;
                }
            }
        }
        if all_upper && letters >= 2 {
            flags |= ALLCAPS;
        }
    }
    if w.ends_with('.') {
        flags |= ABBR;
    }
    flags
}

/// The start of the char that ends at byte `j` (> 0) of UTF-8 `bytes`.
#[inline]
fn char_start_before(bytes: &[u8], j: usize) -> usize {
    let mut p = j - 1;
    while bytes[p] & 0xC0 == 0x80 {
        p -= 1;
    }
    p
}

/// Scans one word starting at `i` (a word character) and returns its end.
fn scan_word(text: &str, i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = word_run(text, i, end);
    loop {
        if j >= end {
            return j;
        }
        let b = bytes[j];
        // Nothing but a hyphen, an apostrophe, a dot or a comma (or a multi-byte hyphen or apostrophe, lead
        // byte 0xE2) can continue a word.
        if !matches!(b, b'-' | b'\'' | b'.' | b',' | 0xE2) {
            return j;
        }
        // Inner hyphen: "Russian-held", "S-400".
        if (b == b'-' || text[j..].starts_with('‑')) && {
            let k = j + if b == b'-' { 1 } else { 3 };
            k < end && word_at(text, k)
        } {
            let k = j + if b == b'-' { 1 } else { 3 };
            j = word_run(text, k, end);
            continue;
        }
        // Inner apostrophe: "don’t", "O’Brien"; not a possessive "’s" at a word end.
        let al = apostrophe_len(text, j);
        if al > 0 && j + al < end && word_at(text, j + al) {
            let k = j + al;
            let is_poss = (bytes[k] == b's' || bytes[k] == b'S') && !word_at(text, k + 1);
            if is_poss {
                return j;
            }
            j = word_run(text, k, end);
            continue;
        }
        // Digit groups: "3.5", "1,000".
        if (b == b'.' || b == b',')
            && j > i
            && bytes[j - 1].is_ascii_digit()
            && j + 1 < end
            && bytes[j + 1].is_ascii_digit()
        {
            j = word_run(text, j + 1, end);
            continue;
        }
        if b == b'.' {
            let word = &text[i..j];
            // Acronyms and initials: "U.S.", "J.": a dot after a single letter (or after a dotted run).
            // The word's last char (a word char) is alone after the last dot or hyphen, or starts the word.
            let last_single = {
                let p = char_start_before(bytes, j);
                p == i || matches!(bytes[p - 1], b'.' | b'-')
            };
            if last_single && word.chars().next().is_some_and(char::is_alphabetic) {
                if j + 1 < end && word_at(text, j + 1) {
                    let k = word_run(text, j + 1, end);
                    if char_start_before(bytes, k) == j + 1 {
                        j = k;
                        continue;
                    }
                }
                return j + 1;
            }
            if is_abbreviation(word) {
                return j + 1;
            }
        }
        return j;
    }
}

/// Tokenises `text[start..end]`. `quotes` lists (index, open, close) byte spans of quotations inside the range,
/// sorted and disjoint; each becomes one `Quote` token. Tokens are appended to `out`. With `classify`, words get
/// their [`lexicon::classes`]; without, `cls` is 0 (callers look up the few words they need).
pub(crate) fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    quotes: &[(u32, usize, usize)],
    classify: bool,
    out: &mut Vec<Tok>,
) {
    tokenize_limited(text, start, end, quotes, classify, usize::MAX, out)
}

/// [`tokenize`], stopping after `max_tokens` tokens.
pub(crate) fn tokenize_limited(
    text: &str,
    start: usize,
    end: usize,
    quotes: &[(u32, usize, usize)],
    classify: bool,
    max_tokens: usize,
    out: &mut Vec<Tok>,
) {
    if classify {
        tokenize_with(text, start, end, quotes, max_tokens, out, Lexicon)
    } else {
        tokenize_with(text, start, end, quotes, max_tokens, out, Unclassified)
    }
}

/// What gives each word token its `cls` and extra flags as the tokenizer pushes it: `classes(word, ascii,
/// index)` (`ascii`: the word is known to be ASCII; `index`: the token's index in `out`). Implementations mark
/// it `#[inline(always)]`: it runs once per word, inside the tokenizer's loop.
pub(crate) trait Classify {
    fn classes(&mut self, word: &str, ascii: bool, index: usize) -> (u32, u8);
}

/// Words get their [`word_classes`].
struct Lexicon;

impl Classify for Lexicon {
    #[inline(always)]
    fn classes(&mut self, w: &str, _: bool, _: usize) -> (u32, u8) {
        (word_classes(w), 0)
    }
}

/// Words are not classified (`cls` 0).
struct Unclassified;

impl Classify for Unclassified {
    #[inline(always)]
    fn classes(&mut self, _: &str, _: bool, _: usize) -> (u32, u8) {
        (0, 0)
    }
}

/// The tokenizer, with `classes` classifying each word token (see [`Classify`]).
pub(crate) fn tokenize_with(
    text: &str,
    start: usize,
    end: usize,
    quotes: &[(u32, usize, usize)],
    max_tokens: usize,
    out: &mut Vec<Tok>,
    mut classes: impl Classify,
) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut qi = 0;
    let cap = out.len().saturating_add(max_tokens);
    while i < end && out.len() < cap {
        if qi < quotes.len() && quotes[qi].1 <= i {
            let (idx, open, close) = quotes[qi];
            out.push(Tok::quote(idx, open, close));
            i = close.max(i);
            qi += 1;
            continue;
        }
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' {
            i += 1;
            continue;
        }
        let limit = if qi < quotes.len() {
            quotes[qi].1.min(end)
        } else {
            end
        };
        // Most tokens: an ASCII word ending at a space or at a character that cannot continue it (what
        // `scan_word` would find, read without its general checks).
        if WORD_BYTE[b as usize] {
            let j = i
                + 1
                + bytes[i + 1..limit]
                    .iter()
                    .take_while(|&&c| WORD_BYTE[c as usize])
                    .count();
            let done = j >= limit
                || match bytes[j] {
                    b'-' | b'\'' | b'.' => false,
                    b',' => {
                        !(bytes[j - 1].is_ascii_digit()
                            && j + 1 < limit
                            && bytes[j + 1].is_ascii_digit())
                    }
                    c => c < 0x80,
                };
            if done {
                let w = &text[i..j];
                let (cls, extra) = classes.classes(w, true, out.len());
                out.push(Tok {
                    start: i,
                    end: j,
                    kind: Kind::Word,
                    flags: ascii_word_flags(w.as_bytes()) | extra,
                    cls,
                    aux: 0,
                });
                // Most words are followed by one space: skip it here.
                i = if j < limit && bytes[j] == b' ' {
                    j + 1
                } else {
                    j
                };
                continue;
            }
        }
        let punct = |out: &mut Vec<Tok>, len: usize, c: u32| {
            out.push(Tok {
                start: i,
                end: i + len,
                kind: Kind::Punct,
                flags: 0,
                cls: 0,
                aux: c,
            })
        };
        if b < 0x80 && !ASCII_WORD[b as usize] && b != b'\'' {
            punct(out, 1, b as u32);
            i += 1;
            continue;
        }
        if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && i + 2 < end {
            // U+2000..U+203F (spaces, dashes, quotation marks): never a word character.
            let cp = 0x2000 + (bytes[i + 2] as u32 & 0x3F);
            if cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F {
                i += 3;
                continue;
            }
            if cp != 0x2019 {
                // (’ may be a possessive: below.)
                punct(out, 3, cp);
                i += 3;
                continue;
            }
        }
        if b >= 0x80 {
            let c = char_at(text, i).unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        if word_at(text, i) {
            let j = scan_word(text, i, limit);
            let w = &text[i..j];
            let (cls, extra) = classes.classes(w, false, out.len());
            out.push(Tok {
                start: i,
                end: j,
                kind: Kind::Word,
                flags: word_flags(w) | extra,
                cls,
                aux: 0,
            });
            i = j;
            continue;
        }
        // Possessive: "’s" or "'s" after a word, or a bare "’" after a plural "s".
        let al = apostrophe_len(text, i);
        if al > 0 && i > start && text[..i].chars().next_back().is_some_and(is_word_char) {
            let k = i + al;
            if k < limit && (bytes[k] == b's' || bytes[k] == b'S') && !word_at(text, k + 1) {
                out.push(Tok {
                    start: i,
                    end: k + 1,
                    kind: Kind::Poss,
                    flags: 0,
                    cls: 0,
                    aux: 0,
                });
                i = k + 1;
                continue;
            }
            if (bytes[i - 1] == b's' || bytes[i - 1] == b'S') && !word_at(text, k) {
                out.push(Tok {
                    start: i,
                    end: k,
                    kind: Kind::Poss,
                    flags: 0,
                    cls: 0,
                    aux: 0,
                });
                i = k;
                continue;
            }
        }
        let c = char_at(text, i).unwrap_or(' ');
        let j = i + c.len_utf8();
        out.push(Tok {
            start: i,
            end: j,
            kind: Kind::Punct,
            flags: 0,
            cls: 0,
            aux: c as u32,
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII fast path ends every word where the general word scanner does, with the same flags.
        #[test]
        fn fast_path_words_are_the_general_scanners(text in "[a-zA-Z0-9_ .,'\\-’é‑U]{0,40}") {
            let mut out = Vec::new();
            tokenize(&text, 0, text.len(), &[], true, &mut out);
            for t in out.iter().filter(|t| t.kind == Kind::Word) {
                proptest::prop_assert_eq!(t.end, scan_word(&text, t.start, text.len()), "{:?}", &text[t.start..]);
                proptest::prop_assert_eq!(t.flags, word_flags(&text[t.start..t.end]));
                proptest::prop_assert_eq!(t.cls, word_classes(&text[t.start..t.end]));
            }
        }
    }

    fn toks(text: &str) -> Vec<(&str, Kind)> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &[], true, &mut out);
        out.iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    #[test]
    fn words_possessives_and_punctuation() {
        use Kind::*;
        assert_eq!(
            toks("Russia’s Russian-held S-400s don’t O'Brien Debates’ rules, 3.5 1,000."),
            [
                ("Russia", Word),
                ("’s", Poss),
                ("Russian-held", Word),
                ("S-400s", Word),
                ("don’t", Word),
                ("O'Brien", Word),
                ("Debates", Word),
                ("’", Poss),
                ("rules", Word),
                (",", Punct),
                ("3.5", Word),
                ("1,000", Word),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dot() {
        let t = toks("Mr. J. Smith of the U.S. met Gov. Abbott. Then");
        let words: Vec<&str> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            words,
            ["Mr.", "J.", "Smith", "of", "the", "U.S.", "met", "Gov.", "Abbott", ".", "Then"]
        );
    }

    #[test]
    fn quotes_are_single_tokens() {
        let text = "“Yes,” he said.";
        let mut out = Vec::new();
        let close = text.find(" he").unwrap();
        tokenize(text, 0, text.len(), &[(7, 0, close)], true, &mut out);
        assert_eq!(out[0].kind, Kind::Quote);
        assert_eq!(out[0].aux, 7);
        assert_eq!(&text[out[1].start..out[1].end], "he");
        assert!(out[1].is(lexicon::PRON_M));
    }
}
