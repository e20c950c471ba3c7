//! Texts the scanners read, generic over their storage: `&str` (offsets in UTF-8 bytes) and the three
//! fixed-width layouts of a Python `str` (Latin-1 `&[u8]`, UCS-2 `&[u16]`, UCS-4 `&[u32]`), whose offsets are
//! code points, so a match found in a Python string needs no offset conversion.

/// A text indexed by code units. Offsets given to the methods are always char boundaries.
pub trait TextSource: Sync {
    /// Length in code units.
    fn len(&self) -> usize;
    /// True for an empty text.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The char starting at `i` (< len) and the offset just after it.
    fn next_char(&self, i: usize) -> (char, usize);
    /// The char ending at `i` (> 0) and the offset where it starts.
    fn prev_char(&self, i: usize) -> (char, usize);
}

impl TextSource for str {
    #[inline]
    fn len(&self) -> usize {
        str::len(self)
    }
    #[inline]
    fn next_char(&self, i: usize) -> (char, usize) {
        let b = self.as_bytes()[i];
        if b < 0x80 {
            return (b as char, i + 1);
        }
        let c = self[i..].chars().next().expect("offset is a char boundary");
        (c, i + c.len_utf8())
    }
    #[inline]
    fn prev_char(&self, i: usize) -> (char, usize) {
        let b = self.as_bytes()[i - 1];
        if b < 0x80 {
            return (b as char, i - 1);
        }
        let c = self[..i]
            .chars()
            .next_back()
            .expect("offset is a char boundary");
        (c, i - c.len_utf8())
    }
}

impl TextSource for [u8] {
    #[inline]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn next_char(&self, i: usize) -> (char, usize) {
        (self[i] as char, i + 1)
    }
    #[inline]
    fn prev_char(&self, i: usize) -> (char, usize) {
        (self[i - 1] as char, i - 1)
    }
}

#[inline]
fn unit_char(u: u32) -> char {
    // Surrogates were rejected by `check_no_surrogates`; anything invalid reads as U+FFFD (never a word char).
    char::from_u32(u).unwrap_or('\u{FFFD}')
}

impl TextSource for [u16] {
    #[inline]
    fn len(&self) -> usize {
        <[u16]>::len(self)
    }
    #[inline]
    fn next_char(&self, i: usize) -> (char, usize) {
        (unit_char(self[i] as u32), i + 1)
    }
    #[inline]
    fn prev_char(&self, i: usize) -> (char, usize) {
        (unit_char(self[i - 1] as u32), i - 1)
    }
}

impl TextSource for [u32] {
    #[inline]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline]
    fn next_char(&self, i: usize) -> (char, usize) {
        (unit_char(self[i]), i + 1)
    }
    #[inline]
    fn prev_char(&self, i: usize) -> (char, usize) {
        (unit_char(self[i - 1]), i - 1)
    }
}

/// The offset of the first surrogate code point (U+D800..U+DFFF) in a fixed-width text, if any. In a Python
/// `str` every surrogate is a lone one (astral chars are stored whole), and cannot be matched or encoded.
///
/// ```
/// assert_eq!(saidwho::text::check_no_surrogates(&[0x41u16, 0xD800, 0x42]), Some(1));
/// assert_eq!(saidwho::text::check_no_surrogates(&[0x41u32, 0x1F600]), None);
/// ```
pub fn check_no_surrogates<T: Copy + Into<u32>>(units: &[T]) -> Option<usize> {
    // Branch-free pass per chunk first (vectorises), then locate.
    for (ci, chunk) in units.chunks(256).enumerate() {
        let any = chunk.iter().fold(false, |acc, &u| {
            acc | ((u.into().wrapping_sub(0xD800)) < 0x800)
        });
        if any {
            let j = chunk
                .iter()
                .position(|&u| (u.into().wrapping_sub(0xD800)) < 0x800)
                .expect("found above");
            return Some(ci * 256 + j);
        }
    }
    None
}
