//! Text primitives shared by every later stage: what a word character is, case and accent folding,
//! the normalisation used for matching, and the text sources (`&str`, Latin-1, UCS-2, UCS-4) the scanners read.
//!
//! Every table comes from Python's `unicodedata` (see `scripts/gen_unicode_tables.py` and [`tables`]), so the
//! Rust core and a pure-Python reference agree char for char.
pub mod normalize;
pub mod source;
pub mod tables;

pub use normalize::{fold_accents, fold_case, is_apostrophe, is_dash, NormBuf, Normalizer};
pub use source::{check_no_surrogates, units_to_utf8, TextSource};

/// The class flags of a char (see the `tables::WORD`, `SPACE`, ... constants).
///
/// ```
/// use saidwho::text::{char_flags, tables};
/// assert_eq!(char_flags('a') & tables::WORD, tables::WORD);
/// assert_eq!(char_flags('\n') & tables::SPACE, tables::SPACE);
/// ```
#[inline(always)]
pub fn char_flags(c: char) -> u8 {
    let cp = c as u32;
    if cp < 256 {
        return tables::LATIN1_CLASS[cp as usize];
    }
    char_flags_table(cp)
}

/// [`char_flags`] beyond Latin-1: a binary search of the generated ranges.
#[inline(never)]
fn char_flags_table(cp: u32) -> u8 {
    let ranges = &tables::CLASS_RANGES;
    // Binary search for the last range starting at or before cp.
    let i = ranges.partition_point(|&(first, _, _)| first <= cp);
    if i == 0 {
        return 0;
    }
    let (_, last, flags) = ranges[i - 1];
    if cp <= last {
        flags
    } else {
        0
    }
}

/// True for word characters: Unicode letters, marks and numbers (general categories L*, M*, N*) and `_`.
///
/// ```
/// use saidwho::text::is_word_char;
/// assert!(is_word_char('é') && is_word_char('_') && is_word_char('٣') && is_word_char('\u{301}'));
/// assert!(!is_word_char('’') && !is_word_char('-') && !is_word_char(' '));
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    char_flags(c) & tables::WORD != 0
}

/// True for white space as Python's `str.isspace` sees it (incl. U+00A0 and line/paragraph separators).
///
/// ```
/// use saidwho::text::is_space;
/// assert!(is_space(' ') && is_space('\u{a0}') && is_space('\u{2028}') && !is_space('_'));
/// ```
#[inline]
pub fn is_space(c: char) -> bool {
    char_flags(c) & tables::SPACE != 0
}

/// True for a capital: an uppercase (Python `str.isupper`) or titlecase (Lt) char.
///
/// ```
/// use saidwho::text::is_capital;
/// assert!(is_capital('K') && is_capital('Ž') && is_capital('ǅ') && !is_capital('k') && !is_capital('1'));
/// ```
#[inline]
pub fn is_capital(c: char) -> bool {
    char_flags(c) & (tables::UPPER | tables::TITLE) != 0
}

/// True if a string is written "all in capitals" like Python's `str.isupper`: at least one cased char and
/// no lowercase or titlecase char.
///
/// ```
/// use saidwho::text::is_all_caps;
/// assert!(is_all_caps("US") && is_all_caps("U.S.") && is_all_caps("FSB") && is_all_caps("S-400"));
/// assert!(!is_all_caps("Kyiv") && !is_all_caps("400") && !is_all_caps("ǅ"));
/// ```
pub fn is_all_caps(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let f = char_flags(c);
        if f & (tables::LOWER | tables::TITLE) != 0 {
            return false;
        }
        if f & tables::UPPER != 0 {
            cased = true;
        }
    }
    cased
}

/// True if a string holds a decimal digit (Nd).
///
/// ```
/// use saidwho::text::has_digit;
/// assert!(has_digit("S-400") && has_digit("G٧") && !has_digit("Kyiv"));
/// ```
pub fn has_digit(s: &str) -> bool {
    s.chars().any(|c| char_flags(c) & tables::DIGIT != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_follow_python_categories() {
        for c in [
            'a',
            'Z',
            'é',
            'ß',
            'İ',
            'ﬁ',
            '٣',
            '_',
            '\u{301}',
            '\u{1D400}',
            '中',
            'ǅ',
        ] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [
            ' ',
            '’',
            '\'',
            '-',
            '–',
            '.',
            '"',
            '“',
            '\u{a0}',
            '\n',
            '\u{1F600}',
            '$',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn spaces_follow_python_isspace() {
        for c in [
            ' ', '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\u{85}', '\u{a0}', '\u{2028}',
            '\u{3000}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['\u{200b}', 'a', '_', '\u{feff}'] {
            assert!(!is_space(c), "{c:?}");
        }
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        let r = &tables::CLASS_RANGES;
        for w in r.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0);
        }
        assert!(tables::CASEFOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(tables::STRIP.windows(2).all(|w| w[0].0 < w[1].0));
    }
}

pub mod segment;
