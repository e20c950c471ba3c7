//! Text primitives shared by every later stage: what a word character is, case and accent folding,
//! the normalisation used for matching, paragraphs and sentences, and byte/char offset maps.

/// True for word characters: Unicode letters, marks and numbers (general categories L*, M*, N*) and `_`.
///
/// ```
/// use saidwho::text::is_word_char;
/// assert!(is_word_char('é') && is_word_char('_') && is_word_char('٣'));
/// assert!(!is_word_char('’') && !is_word_char('-') && !is_word_char(' '));
/// ```
pub fn is_word_char(c: char) -> bool {
    // Placeholder until the generated category tables land (see text/tables.rs).
    c.is_alphanumeric() || c == '_'
}

pub mod segment;
