//! A small read-only table from lower-case words to values, built once: open addressing over a power-of-two
//! array, keyed by the word's first eight bytes lower-cased (ASCII) and its length. A lookup folds case on the
//! fly with a few word-sized operations — no allocation, no UTF-8 validation — which is what the hot loops
//! need (every capitalised word of a text, every word near a quotation). Words of up to eight bytes are decided
//! by one 64-bit comparison.
//!
//! Keys are lower case; lookups ignore ASCII case only (callers lower-case other scripts themselves).

#[derive(Debug, Clone)]
pub(crate) struct WordTable<V> {
    /// Slot → index into `entries` + 1 (0 = empty).
    slots: Vec<u32>,
    mask: usize,
    /// Bytes 8.. of the keys longer than eight bytes, concatenated.
    tails: Vec<u8>,
    entries: Vec<Entry<V>>,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    /// The first eight bytes, lower-cased, little-endian, zero-padded.
    head: u64,
    len: u32,
    /// Start of bytes 8.. in `tails`.
    tail: u32,
    value: V,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `key` with ASCII upper-case letters lower-cased, as a little-endian u64 (zero-padded).
#[inline]
fn head(key: &[u8]) -> u64 {
    let n = key.len();
    let x = if n >= 8 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&key[..8]);
        u64::from_le_bytes(b)
    } else if n >= 4 {
        // Two overlapping 4-byte loads: the shared bytes are OR-ed with themselves.
        let lo = u32::from_le_bytes([key[0], key[1], key[2], key[3]]) as u64;
        let hi = u32::from_le_bytes([key[n - 4], key[n - 3], key[n - 2], key[n - 1]]) as u64;
        lo | (hi << (8 * (n - 4)))
    } else if n > 0 {
        // Bytes 0, n/2 and n-1: for one to three bytes, every byte in its place (shared ones OR-ed with themselves).
        (key[0] as u64)
            | (key[n / 2] as u64) << (8 * (n / 2))
            | (key[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    };
    // Bytes in 'A'..='Z' (and not >= 0x80): set their 0x20 bit. The additions cannot carry across bytes.
    let low = x & !HIGH;
    let ge_a = low + 0x3F * ONES;
    let gt_z = low + 0x25 * ONES;
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

#[inline]
fn hash(head: u64, len: usize) -> usize {
    let h = (head ^ (len as u64).rotate_left(59)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h ^ (h >> 31)) as usize
}

impl<V> WordTable<V> {
    /// Builds the table; keys must already be lower case. A key given twice keeps the last value.
    pub(crate) fn build<K: AsRef<[u8]>>(items: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut entries: Vec<Entry<V>> = Vec::new();
        let mut tails = Vec::new();
        let mut seen: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
        for (k, v) in items {
            let k = k.as_ref();
            if let Some(&pos) = seen.get(k) {
                entries[pos].value = v;
                continue;
            }
            seen.insert(k.to_vec(), entries.len());
            let tail = tails.len() as u32;
            if k.len() > 8 {
                tails.extend_from_slice(&k[8..]);
            }
            entries.push(Entry {
                head: head(k),
                len: k.len() as u32,
                tail,
                value: v,
            });
        }
        // At most a quarter full: a word that is not a key (most words) meets an empty slot after ~1.4 probes.
        let cap = (entries.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u32; cap];
        let mask = cap - 1;
        for (idx, e) in entries.iter().enumerate() {
            let mut p = hash(e.head, e.len as usize) & mask;
            while slots[p] != 0 {
                p = (p + 1) & mask;
            }
            slots[p] = idx as u32 + 1;
        }
        WordTable {
            slots,
            mask,
            tails,
            entries,
        }
    }

    /// The value of `word`, ignoring ASCII case (non-ASCII bytes must already be in their lower-case form).
    #[inline(always)]
    pub(crate) fn get_ci(&self, word: &[u8]) -> Option<&V> {
        let h = head(word);
        let mut p = hash(h, word.len()) & self.mask;
        loop {
            let e = self.slots[p];
            if e == 0 {
                return None;
            }
            let entry = &self.entries[e as usize - 1];
            if entry.head == h && entry.len as usize == word.len() {
                if word.len() <= 8 {
                    return Some(&entry.value);
                }
                let t = entry.tail as usize;
                if self.tails[t..t + word.len() - 8].eq_ignore_ascii_case(&word[8..]) {
                    return Some(&entry.value);
                }
            }
            p = (p + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_ascii_case_and_miss_cleanly() {
        let words = [
            "said",
            "mr",
            "the",
            "president",
            "a",
            "according",
            "spokeswoman",
            "über",
            "secretary-general",
            "it's",
            "[x]",
            "@",
            "`",
        ];
        let t = WordTable::build(words.iter().enumerate().map(|(i, w)| (w.as_bytes(), i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get_ci(w.as_bytes()), Some(&i));
            assert_eq!(t.get_ci(w.to_ascii_uppercase().as_bytes()), Some(&i), "{w}");
        }
        for miss in [
            "",
            "sai",
            "saidd",
            "presidents",
            "x",
            "Über",
            "mrs",
            "spokeswomen",
            "{x}",
            "[X}",
            "secretary_general",
        ] {
            assert_eq!(t.get_ci(miss.as_bytes()), None, "{miss}");
        }
    }

    #[test]
    fn later_duplicates_win() {
        let t = WordTable::build([("a", 1), ("b", 2), ("a", 3)]);
        assert_eq!(t.get_ci(b"A"), Some(&3));
        assert_eq!(t.get_ci(b"b"), Some(&2));
    }

    #[test]
    fn head_folds_only_ascii_capitals() {
        assert_eq!(head(b"AbC@[`{z"), head(b"abc@[`{z"));
        assert_ne!(head(b"@"), head(b"`"));
        assert_ne!(head(b"["), head(b"{"));
        assert_eq!(
            head("É".as_bytes()),
            u64::from_le_bytes([0xC3, 0x89, 0, 0, 0, 0, 0, 0])
        );
    }
}
