//! The normalisation both aliases and texts go through before they are compared.
//!
//! Per char, in this order (white space aside):
//! 1. accent folding if enabled: NFD, then drop the non-spacing marks (Mn); a mark alone folds to nothing;
//! 2. case folding if enabled: Python `str.casefold` of each char (`ß` → `ss`, `ﬁ` → `fi`, `İ` → `i̇`);
//! 3. accent folding again if enabled (case folding may yield marks: `İ` → `i` + U+0307);
//! 4. apostrophes `’ ' ʼ` become `'`, hyphens and dashes `- ‐ ‑ ‒ – — ― −` become `-`.
//!
//! White space (Python `str.isspace`) is not folded per char: any run of it equals one space `' '`, and
//! aliases are trimmed (after folding). A char that folds to nothing (a mark, with accent folding) is
//! transparent: "a \u{301} b" folds to "a b". The result is compared as UTF-8 bytes.
//!
//! ```
//! use saidwho::text::Normalizer;
//! let n = Normalizer::new(true, true);
//! assert_eq!(n.normalize_str("  Zürich’s  Straße\n– ﬁ "), "zurich's strasse - fi");
//! let keep = Normalizer::new(false, false);
//! assert_eq!(keep.normalize_str("Zürich’s"), "Zürich's");
//! ```
use super::tables;

/// True for the apostrophes that compare equal: `’` (U+2019), `'` and `ʼ` (U+02BC).
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// True for the hyphens and dashes that compare equal: `- ‐ ‑ ‒ – — ― −`.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
    )
}

fn lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Python `str.casefold` of one char, given char by char to `f`.
///
/// ```
/// let mut s = String::new();
/// saidwho::text::fold_case('ß', |c| s.push(c));
/// saidwho::text::fold_case('İ', |c| s.push(c));
/// assert_eq!(s, "ssi\u{307}");
/// ```
#[inline]
pub fn fold_case(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        f(c.to_ascii_lowercase());
    } else if let Some(s) = lookup(&tables::CASEFOLD, c) {
        s.chars().for_each(f);
    } else {
        f(c);
    }
}

/// Accent folding of one char: NFD, then drop the non-spacing marks (Mn).
///
/// ```
/// let mut s = String::new();
/// for c in "Zü\u{301}rich".chars() { saidwho::text::fold_accents(c, |c| s.push(c)); }
/// assert_eq!(s, "Zurich");
/// ```
#[inline]
pub fn fold_accents(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        return f(c);
    }
    if super::char_flags(c) & tables::MARK != 0 {
        return;
    }
    match lookup(&tables::STRIP, c) {
        Some(s) => s.chars().for_each(f),
        None => f(c),
    }
}

/// The normalised UTF-8 bytes of one char (at most a few chars long).
#[derive(Clone, Copy)]
pub struct NormBuf {
    buf: [u8; 64],
    len: u8,
}

impl NormBuf {
    fn new() -> Self {
        NormBuf {
            buf: [0; 64],
            len: 0,
        }
    }
    #[inline]
    fn push(&mut self, c: char) {
        let c = if is_apostrophe(c) {
            '\''
        } else if is_dash(c) {
            '-'
        } else {
            c
        };
        let n = c.len_utf8();
        if self.len as usize + n <= self.buf.len() {
            c.encode_utf8(&mut self.buf[self.len as usize..]);
            self.len += n as u8;
        }
    }
    /// The bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

/// ASCII table entry meaning "white space".
pub const ASCII_SPACE: u8 = 0xFF;

/// Normalises chars and strings for one pair of options (case folding, accent folding).
#[derive(Clone, Debug)]
pub struct Normalizer {
    fold_case: bool,
    fold_accents: bool,
    ascii: [u8; 128],
}

impl Normalizer {
    /// A normaliser folding case and/or accents.
    pub fn new(fold_case: bool, fold_accents: bool) -> Self {
        let mut ascii = [0u8; 128];
        for (i, slot) in ascii.iter_mut().enumerate() {
            let b = i as u8;
            *slot = if tables::LATIN1_CLASS[i] & tables::SPACE != 0 {
                ASCII_SPACE
            } else if fold_case {
                b.to_ascii_lowercase()
            } else {
                b
            };
        }
        Normalizer {
            fold_case,
            fold_accents,
            ascii,
        }
    }

    /// Whether this normaliser folds case.
    pub fn folds_case(&self) -> bool {
        self.fold_case
    }

    /// Whether this normaliser folds accents.
    pub fn folds_accents(&self) -> bool {
        self.fold_accents
    }

    /// The normalised byte of an ASCII char, or [`ASCII_SPACE`] for white space.
    #[inline(always)]
    pub fn ascii(&self, b: u8) -> u8 {
        self.ascii[b as usize & 127]
    }

    /// The normalised form of one char that is not white space.
    #[inline]
    pub fn norm_char(&self, c: char) -> NormBuf {
        let mut out = NormBuf::new();
        if c.is_ascii() {
            out.push(self.ascii(c as u8) as char);
            return out;
        }
        match (self.fold_case, self.fold_accents) {
            (false, false) => out.push(c),
            (true, false) => fold_case(c, |x| out.push(x)),
            (false, true) => fold_accents(c, |x| out.push(x)),
            (true, true) => fold_accents(c, |x| fold_case(x, |y| fold_accents(y, |z| out.push(z)))),
        }
        out
    }

    /// Normalise a whole string: trimmed, runs of white space as one space, every other char folded.
    pub fn normalize_bytes(&self, s: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len());
        self.normalize_into(s, &mut out);
        out
    }

    /// [`Normalizer::normalize_bytes`], appended to `out`.
    pub fn normalize_into(&self, s: &str, out: &mut Vec<u8>) {
        let start = out.len();
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_ascii() {
                let b = self.ascii(c as u8);
                if b == ASCII_SPACE {
                    pending_space = out.len() > start;
                    continue;
                }
                if pending_space {
                    out.push(b' ');
                    pending_space = false;
                }
                out.push(b);
                continue;
            }
            if super::is_space(c) {
                pending_space = out.len() > start;
                continue;
            }
            // A char that folds to nothing (a mark, with accent folding) is transparent.
            let nb = self.norm_char(c);
            if nb.as_bytes().is_empty() {
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.extend_from_slice(nb.as_bytes());
        }
    }

    /// [`Normalizer::normalize_bytes`] as a `String`.
    pub fn normalize_str(&self, s: &str) -> String {
        String::from_utf8(self.normalize_bytes(s)).expect("normalisation keeps UTF-8 valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_dashes_spaces() {
        let n = Normalizer::new(false, false);
        assert_eq!(n.normalize_str("O’Brien ʼ '"), "O'Brien ' '");
        assert_eq!(n.normalize_str("a-‐‑‒–—―−b"), "a--------b");
        assert_eq!(n.normalize_str(" \t New\n\u{a0} York \u{2028}"), "New York");
    }

    #[test]
    fn case_folding_is_full() {
        let n = Normalizer::new(true, false);
        assert_eq!(
            n.normalize_str("STRASSE Straße ﬁnal İstanbul ΣΑΣ"),
            "strasse strasse final i\u{307}stanbul σασ"
        );
        let k = Normalizer::new(false, false);
        assert_eq!(k.normalize_str("Straße"), "Straße");
    }

    #[test]
    fn accent_folding() {
        let n = Normalizer::new(false, true);
        assert_eq!(n.normalize_str("Zürich Zu\u{308}rich İ"), "Zurich Zurich I");
        let both = Normalizer::new(true, true);
        assert_eq!(both.normalize_str("İ ǰ Ǆ"), "i j ǆ");
    }
}
