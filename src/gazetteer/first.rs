//! The first-word filter in front of the trie walk.
//!
//! A whole-word match that starts at a word start in the text consumes the text's whole first word `W` (a
//! maximal run of word chars): it cannot end inside it. So the normalised bytes of `W` must be the *first word*
//! of some key: its longest prefix of word chars (all of the key when it has no other char). This index maps
//! every first word of the trie's keys to the trie node it leads to. The scan normalises each text word once,
//! while skipping it, looks it up here, and walks the trie only for words that are found, continuing from the
//! stored node (the word is never walked twice). Words of a short-alias gazetteer are rarely found, so most
//! word starts cost one hash probe instead of a failing walk.
//!
//! Why this is exact: normalisation maps every word char to word chars (or to nothing), and every other char
//! to something that starts with a non-word char, **except** the chars of [`SPLITS_WORD`] (word chars whose
//! normal form holds an apostrophe). So, apart from those, the normalised text word `W` ends exactly where
//! the key's first word ends. A text word that holds one of them, folds to nothing (marks only, with accent
//! folding), or is longer than [`MAX_WORD`] bytes once normalised falls back to the plain walk. The test
//! below checks the premise for every char and every normaliser.
use super::trie::{Handle, Trie};
use crate::text::{is_word_char, Normalizer};

/// Word chars whose normal form holds a non-word char: `ʼ` (U+02BC, a letter that normalises to `'`) and
/// `ŉ` (U+0149, casefolds to `ʼn`).
pub(crate) const SPLITS_WORD: [char; 2] = ['\u{149}', '\u{2bc}'];

/// Longest normalised text word looked up (longer ones fall back to the walk).
pub(crate) const MAX_WORD: usize = 64;

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word's first 8 bytes, little-endian, zero-padded (most words are no longer: no second read).
    key0: u64,
    /// The trie node after the word; 0 = empty slot.
    node: Handle,
    /// The word's bytes past the first 8 are `bytes[off..off + len - 8]`.
    off: u32,
    len: u32,
}

#[inline(always)]
fn first8(w: &[u8]) -> u64 {
    let mut p = [0u8; 8];
    let k = w.len().min(8);
    p[..k].copy_from_slice(&w[..k]);
    u64::from_le_bytes(p)
}

/// First words of the keys → trie nodes (open addressing, linear probing), behind a one-bit-per-slot-ish
/// filter small enough to stay in cache (most text words are not first words).
#[derive(Clone, Debug)]
pub(crate) struct FirstWords {
    slots: Vec<Slot>,
    bytes: Vec<u8>,
    len: usize,
    /// Bit `hash >> shift` is set for every first word.
    filter: Vec<u64>,
    shift: u32,
    /// The normalised byte of each ASCII word char; 0 for the other ASCII chars.
    ascii: [u8; 128],
    /// How [`FirstWords::ascii_words8`] reads eight bytes at once: 0 = it cannot (`ascii` is not one of the two
    /// tables it computes), 1 = word chars as they are, 2 = word chars lower-cased.
    swar: u8,
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a word whose bytes are `buf[..len]`, `buf` zero-padded to a multiple of 8 bytes past `len`.
#[inline(always)]
fn hash_padded(buf: &[u8], len: usize) -> u64 {
    let mut h = (len as u64).wrapping_mul(K);
    for c in buf[..len.div_ceil(8) * 8].chunks_exact(8) {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(K).rotate_left(26);
    }
    // murmur3's fmix64, so that the low bits (slots) and the high bits (filter) both depend on every byte.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a word.
fn hash_word(w: &[u8]) -> u64 {
    let mut buf = vec![0u8; w.len().div_ceil(8) * 8];
    buf[..w.len()].copy_from_slice(w);
    hash_padded(&buf, w.len())
}

impl Default for FirstWords {
    fn default() -> FirstWords {
        FirstWords {
            slots: Vec::new(),
            bytes: Vec::new(),
            len: 0,
            filter: Vec::new(),
            shift: 63,
            ascii: [0; 128],
            swar: 0,
        }
    }
}

impl FirstWords {
    /// The first words of every key of `trie` (a depth-first walk that stops at the first non-word char).
    pub fn from_trie(trie: &Trie, norm: &Normalizer) -> FirstWords {
        let mut fw = FirstWords::default();
        for (b, slot) in fw.ascii.iter_mut().enumerate() {
            if is_word_char(b as u8 as char) {
                *slot = norm.ascii(b as u8);
            }
        }
        for (mode, fold) in [(1, false), (2, true)] {
            let table = |b: u8| match b {
                b'0'..=b'9' | b'a'..=b'z' | b'_' => b,
                b'A'..=b'Z' if fold => b.to_ascii_lowercase(),
                b'A'..=b'Z' => b,
                _ => 0,
            };
            if (0..128u8).all(|b| fw.ascii[b as usize] == table(b)) {
                fw.swar = mode;
            }
        }
        let mut words: Vec<(Vec<u8>, Handle)> = Vec::new();
        // Stack of (node, depth, label of the edge into it); `path[..depth]` and `nodes[..=depth]` follow it.
        let mut path: Vec<u8> = Vec::new();
        let mut nodes: Vec<Handle> = vec![trie.root()];
        let mut char_start: Vec<usize> = vec![0];
        let mut stack: Vec<(Handle, usize, u8)> = Vec::new();
        trie.for_each_child(trie.root(), |b, h| stack.push((h, 1, b)));
        while let Some((node, depth, label)) = stack.pop() {
            path.truncate(depth - 1);
            nodes.truncate(depth);
            char_start.truncate(depth);
            path.push(label);
            nodes.push(node);
            // The offset where the char holding the last byte starts.
            let cs = if label & 0xC0 == 0x80 {
                char_start[depth - 1]
            } else {
                depth - 1
            };
            char_start.push(cs);
            let complete = std::str::from_utf8(&path[cs..])
                .ok()
                .and_then(|s| s.chars().next());
            if let Some(c) = complete {
                if !is_word_char(c) {
                    // The first word ends before this char (a key starting with a non-word char has none).
                    if cs > 0 {
                        words.push((path[..cs].to_vec(), nodes[cs]));
                    }
                    continue;
                }
                if Trie::is_term(node) {
                    words.push((path.clone(), node));
                }
            }
            trie.for_each_child(node, |b, h| stack.push((h, depth + 1, b)));
        }
        words.sort_unstable();
        words.dedup_by(|a, b| a.0 == b.0);
        let cap = (words.len() * 2).max(8).next_power_of_two();
        fw.slots = vec![Slot::default(); cap];
        fw.len = words.len();
        // ~16 filter bits per word (a few % false positives), 4 KiB to 1 MiB.
        let bits = (words.len() * 16)
            .clamp(1 << 15, 1 << 23)
            .next_power_of_two();
        fw.shift = 64 - bits.trailing_zeros();
        fw.filter = vec![0u64; bits / 64];
        for (w, node) in words {
            let hash = hash_word(&w);
            let bit = (hash >> fw.shift) as usize;
            fw.filter[bit / 64] |= 1 << (bit % 64);
            let mask = cap - 1;
            let mut i = hash as usize & mask;
            while fw.slots[i].node != 0 {
                i = (i + 1) & mask;
            }
            fw.slots[i] = Slot {
                key0: first8(&w),
                node,
                off: fw.bytes.len() as u32,
                len: w.len() as u32,
            };
            if w.len() > 8 {
                fw.bytes.extend_from_slice(&w[8..]);
            }
        }
        fw.bytes.shrink_to_fit();
        fw
    }

    /// The normalised byte of an ASCII char if it is a word char, else 0.
    #[inline(always)]
    pub fn ascii_word(&self, b: u32) -> u8 {
        self.ascii[b as usize & 127]
    }

    /// Eight ASCII bytes `x` (little-endian) at once: the number of bytes before the first that is no word char
    /// (8 if none) and their [`FirstWords::ascii_word`] bytes, zero from there on. `None` when this table is
    /// not one that can be computed so.
    #[inline(always)]
    pub fn ascii_words8(&self, x: u64) -> Option<(usize, u64)> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // The high bit of each byte in lo..=hi (bytes below 0x80: the sums never carry across bytes).
        let range = |lo: u8, hi: u8| {
            (x + (0x80 - lo as u64) * ONES) & !(x + (0x7F - hi as u64) * ONES) & HIGH
        };
        let upper = range(b'A', b'Z');
        let under = ((x ^ (b'_' as u64 * ONES)) + 0x7F * ONES) & HIGH ^ HIGH;
        let word = range(b'0', b'9') | upper | range(b'a', b'z') | under;
        let m = match self.swar {
            1 => x,
            2 => x | (upper >> 2),
            _ => return None,
        };
        let other = !word & HIGH;
        if other == 0 {
            return Some((8, m));
        }
        let k = (other.trailing_zeros() / 8) as usize;
        Some((k, m & ((1u64 << (8 * k)) - 1)))
    }

    /// The trie node after the first word `buf[..len]` (`buf` zero past `len`, to a multiple of 8 bytes),
    /// or 0 when no key starts with that word.
    #[inline(always)]
    pub fn get_padded(&self, buf: &[u8], len: usize) -> Handle {
        let hash = hash_padded(buf, len);
        let bit = (hash >> self.shift) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        self.probe(
            hash,
            u64::from_le_bytes(buf[..8].try_into().expect("8 bytes")),
            &buf[..len],
        )
    }

    /// The trie node after first word `w`, or 0.
    #[cfg(test)]
    pub fn get(&self, w: &[u8]) -> Handle {
        let hash = hash_word(w);
        let bit = (hash >> self.shift) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        self.probe(hash, first8(w), w)
    }

    #[inline]
    fn probe(&self, hash: u64, key0: u64, w: &[u8]) -> Handle {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let s = self.slots[i];
            if s.node == 0 {
                return 0;
            }
            if s.key0 == key0
                && s.len as usize == w.len()
                && (w.len() <= 8
                    || self.bytes[s.off as usize..s.off as usize + w.len() - 8] == w[8..])
            {
                return s.node;
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of distinct first words.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>() + self.bytes.len() + self.filter.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{is_space, Normalizer};

    /// The premise of the filter, for every char and every normaliser: a word char normalises to word chars
    /// only (or to nothing), unless listed in SPLITS_WORD; any other char (white space aside) normalises to
    /// something non-empty that starts with a non-word char.
    #[test]
    fn normal_forms_keep_word_boundaries() {
        for (fc, fa) in [(false, false), (true, false), (false, true), (true, true)] {
            let n = Normalizer::new(fc, fa);
            let mut splits = Vec::new();
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                if is_space(c) {
                    continue;
                }
                let nb = n.norm_char(c);
                let s = std::str::from_utf8(nb.as_bytes()).unwrap();
                if is_word_char(c) {
                    if s.chars().any(|x| !is_word_char(x)) {
                        splits.push(c);
                    }
                } else {
                    let first = s.chars().next();
                    assert!(
                        first.is_some_and(|x| !is_word_char(x)),
                        "{c:?} ({fc}, {fa}) normalises to {s:?}"
                    );
                }
            }
            for c in &splits {
                assert!(SPLITS_WORD.contains(c), "{c:?} ({fc}, {fa})");
            }
        }
    }

    /// Eight bytes at once read what the table gives byte by byte, for both normalisers that allow it.
    #[test]
    fn eight_ascii_bytes_at_once_are_the_table_byte_by_byte() {
        let t = Trie::build([b"ab".as_slice()].iter().copied());
        for fold in [false, true] {
            let fw = FirstWords::from_trie(&t, &Normalizer::new(fold, false));
            assert_eq!(fw.swar, if fold { 2 } else { 1 });
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            for round in 0..200_000u32 {
                // Bytes from every ASCII value, mostly word chars.
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let mut b = (x & 0x7F7F_7F7F_7F7F_7F7F).to_le_bytes();
                if round % 3 != 0 {
                    for (i, c) in b.iter_mut().enumerate() {
                        if (x >> (i + 40)) & 3 != 0 {
                            *c = b"aZ0_q9Mx"[(*c as usize) % 8];
                        }
                    }
                }
                let (k, m) = fw.ascii_words8(u64::from_le_bytes(b)).unwrap();
                let want_k = b
                    .iter()
                    .position(|&c| fw.ascii_word(c as u32) == 0)
                    .unwrap_or(8);
                let mut want = [0u8; 8];
                for i in 0..want_k {
                    want[i] = fw.ascii_word(b[i] as u32);
                }
                assert_eq!((k, m.to_le_bytes()), (want_k, want), "{b:?}");
            }
        }
    }

    #[test]
    fn first_words_of_keys() {
        let mut keys: Vec<&[u8]> = vec![
            b"ab",
            b"ab c",
            b"ab-d",
            b"abc",
            "ab\u{ab}x".as_bytes(),
            b"-x",
            b".net",
            "\u{e9}t\u{e9}".as_bytes(),
            b"x y z",
        ];
        keys.sort();
        let t = Trie::build(keys.iter().copied());
        let fw = FirstWords::from_trie(&t, &Normalizer::new(true, false));
        assert_eq!(fw.len(), 4); // ab, abc, été, x
        for w in ["ab", "abc", "\u{e9}t\u{e9}", "x"] {
            let node = fw.get(w.as_bytes());
            assert_eq!(node, t.walk(t.root(), w.as_bytes()), "{w}");
            assert_ne!(node, 0);
        }
        for w in ["a", "abcd", "net", "y", "", "\u{e9}"] {
            assert_eq!(fw.get(w.as_bytes()), 0, "{w}");
        }
        let mut buf = [0u8; MAX_WORD];
        buf[..3].copy_from_slice(b"abc");
        assert_eq!(fw.get_padded(&buf, 3), fw.get(b"abc"));
    }
}
