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
    /// The code unit at `i` (< len): a value below 0x80 is that ASCII char, one unit long; for any other
    /// value, read the char with [`TextSource::next_char`]. For the scanners' ASCII fast paths.
    fn unit(&self, i: usize) -> u32;
    /// The first offset at or after `i` that does not start a word char (the end of the word at `i`).
    #[inline]
    fn skip_word(&self, mut i: usize) -> usize {
        while i < self.len() {
            let (c, next) = self.next_char(i);
            if !super::is_word_char(c) {
                break;
            }
            i = next;
        }
        i
    }
}

/// Word flags of ASCII, for the tight word-skipping loops.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = super::tables::LATIN1_CLASS[i] & super::tables::WORD != 0;
        i += 1;
    }
    t
};

/// [`TextSource::skip_word`] over fixed-width code units.
#[inline]
fn skip_word_units<T: Copy + Into<u32>>(units: &[T], mut i: usize) -> usize {
    while let Some(&u) = units.get(i) {
        let u: u32 = u.into();
        let word = if u < 128 {
            ASCII_WORD[u as usize]
        } else {
            super::is_word_char(unit_char(u))
        };
        if !word {
            break;
        }
        i += 1;
    }
    i
}

impl TextSource for str {
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self.as_bytes()[i] as u32
    }
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
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self[i] as u32
    }
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
    #[inline]
    fn skip_word(&self, i: usize) -> usize {
        skip_word_units(self, i)
    }
}

#[inline]
fn unit_char(u: u32) -> char {
    // Surrogates were rejected by `check_no_surrogates`; anything invalid reads as U+FFFD (never a word char).
    char::from_u32(u).unwrap_or('\u{FFFD}')
}

impl TextSource for [u16] {
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self[i] as u32
    }
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
    #[inline]
    fn skip_word(&self, i: usize) -> usize {
        skip_word_units(self, i)
    }
}

impl TextSource for [u32] {
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self[i]
    }
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
    #[inline]
    fn skip_word(&self, i: usize) -> usize {
        skip_word_units(self, i)
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
