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
    /// The eight code units from `i` (`i + 8 <= len`) as the bytes of a little-endian `u64` when they are
    /// all ASCII, else `None` (always, for wide sources): for the scanners' eight-at-a-time word loops.
    #[inline(always)]
    fn ascii8(&self, i: usize) -> Option<u64> {
        let _ = i;
        None
    }
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
    #[inline(always)]
    fn ascii8(&self, i: usize) -> Option<u64> {
        self.as_bytes().ascii8(i)
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
    #[inline(always)]
    fn ascii8(&self, i: usize) -> Option<u64> {
        let b: [u8; 8] = self[i..i + 8].try_into().expect("eight bytes");
        let x = u64::from_le_bytes(b);
        (x & 0x8080_8080_8080_8080 == 0).then_some(x)
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

/// Fixed-width code units (code points: a Python str's layouts) as UTF-8, or the offset of the first that is
/// not a char (a lone surrogate). Runs of ASCII go sixteen at a time.
///
/// ```
/// assert_eq!(saidwho::text::units_to_utf8(&[0x4Bu16, 0x79, 0x69, 0x76, 0x2019]).unwrap(), "Kyiv’");
/// assert_eq!(saidwho::text::units_to_utf8(&[0x41u16, 0xD800]), Err(1));
/// ```
pub fn units_to_utf8<T: Copy + Into<u32>>(units: &[T]) -> Result<String, usize> {
    const RUN: usize = 16;
    let mut out: Vec<u8> = Vec::with_capacity(units.len() + units.len() / 8 + 16);
    let mut i = 0;
    while i < units.len() {
        // Sixteen ASCII chars at a time (the OR of the chunk is below 0x80): one byte each.
        if let Some(chunk) = units.get(i..i + RUN) {
            if chunk.iter().fold(0u32, |a, &u| a | u.into()) < 0x80 {
                out.extend(chunk.iter().map(|&u| u.into() as u8));
                i += RUN;
                continue;
            }
        }
        let u = units[i].into();
        if u < 0x80 {
            out.push(u as u8);
        } else {
            let c = char::from_u32(u).ok_or(i)?;
            let mut b = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        }
        i += 1;
    }
    Ok(String::from_utf8(out).expect("encoded from chars"))
}

#[cfg(test)]
mod utf8_tests {
    use super::units_to_utf8 as encode;

    #[test]
    fn encodes_every_layout_as_utf8() {
        for s in [
            "",
            "plain ASCII text that runs past one chunk of sixteen",
            "Zürich’s “mayor” said — 😀 İß",
            "é",
        ] {
            let u32s: Vec<u32> = s.chars().map(u32::from).collect();
            assert_eq!(encode(&u32s).unwrap(), s);
            if s.chars().all(|c| (c as u32) < 0x10000) {
                let u16s: Vec<u16> = u32s.iter().map(|&u| u as u16).collect();
                assert_eq!(encode(&u16s).unwrap(), s);
            }
            if s.chars().all(|c| (c as u32) < 0x100) {
                let u8s: Vec<u8> = u32s.iter().map(|&u| u as u8).collect();
                assert_eq!(encode(&u8s).unwrap(), s);
            }
        }
        assert_eq!(encode(&[0x41u16, 0x42, 0xD800, 0x43]), Err(2));
        assert_eq!(
            encode(
                &[0x41u32; 40]
                    .iter()
                    .copied()
                    .chain([0xDFFF])
                    .collect::<Vec<_>>()
            ),
            Err(40)
        );
    }
}
