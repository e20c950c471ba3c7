//! Checks shared by the fuzz targets: ranges are in bounds and on char boundaries, and the same text in the
//! four storages the scanners read (UTF-8, Latin-1, UCS-2, UCS-4) gives the same results.
#![allow(dead_code)]
use std::ops::Range;

/// Byte offset -> char offset, for every char boundary (and the end).
pub fn char_index(text: &str) -> Vec<usize> {
    let mut map = vec![usize::MAX; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        map[bi] = ci;
    }
    map[text.len()] = text.chars().count();
    map
}

/// Panics unless `r` is a valid range of `text` on char boundaries.
pub fn check_range(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what}: {r:?} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: {r:?} not on char boundaries"
    );
}

/// The text as UCS-4, and as UCS-2 / Latin-1 when it fits (Python's own string layouts).
pub struct Layouts {
    pub ucs4: Vec<u32>,
    pub ucs2: Option<Vec<u16>>,
    pub latin1: Option<Vec<u8>>,
}

pub fn layouts(text: &str) -> Layouts {
    let ucs4: Vec<u32> = text.chars().map(|c| c as u32).collect();
    let max = ucs4.iter().copied().max().unwrap_or(0);
    Layouts {
        ucs2: (max < 0x1_0000).then(|| ucs4.iter().map(|&u| u as u16).collect()),
        latin1: (max < 0x100).then(|| ucs4.iter().map(|&u| u as u8).collect()),
        ucs4,
    }
}

/// Fuzz bytes as text: valid UTF-8 kept, anything else decoded lossily (U+FFFD).
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}
