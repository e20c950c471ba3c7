//! An index from entry id to entry number that stores only numbers (no copy of the ids): open addressing
//! over `u32` slots, comparing against the entries' own ids.
use std::hash::Hasher;

use super::{Entry, FxHasher};

const EMPTY: u32 = u32::MAX;

/// What the index compares ids against: the entries being merged, or the interned entries.
pub(crate) trait Ids {
    /// The id of entry `i`, if there is one.
    fn id_at(&self, i: u32) -> Option<&str>;
}

impl Ids for [Entry] {
    #[inline]
    fn id_at(&self, i: u32) -> Option<&str> {
        self.get(i as usize).map(|e| e.id.as_str())
    }
}

impl Ids for super::store::EntryStore {
    #[inline]
    fn id_at(&self, i: u32) -> Option<&str> {
        ((i as usize) < self.len()).then(|| self.id(i))
    }
}

fn hash(id: &str) -> usize {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    h.finish() as usize
}

/// Entry number by id.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdIndex {
    slots: Vec<u32>,
}

impl IdIndex {
    /// An empty index for up to `n` entries.
    pub fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            slots: vec![EMPTY; (n.max(4) * 2).next_power_of_two()],
        }
    }

    /// The number of the entry with this id.
    #[inline]
    pub fn get<E: Ids + ?Sized>(&self, id: &str, entries: &E) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(id) & mask;
        loop {
            let s = self.slots[i];
            if s == EMPTY {
                return None;
            }
            if entries.id_at(s) == Some(id) {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    /// Add entry `ix` (whose id is not yet in the index); grows as needed.
    pub fn insert<E: Ids + ?Sized>(&mut self, id: &str, ix: u32, entries: &E) {
        if (ix as usize + 1) * 2 > self.slots.len() {
            let mut bigger = IdIndex::with_capacity(self.slots.len().max(4));
            for &s in self.slots.iter().filter(|&&s| s != EMPTY) {
                bigger.put(hash(entries.id_at(s).expect("indexed entry")), s);
            }
            *self = bigger;
        }
        self.put(hash(id), ix);
    }

    fn put(&mut self, h: usize, ix: u32) {
        let mask = self.slots.len() - 1;
        let mut i = h & mask;
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = ix;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_finds_every_id() {
        let entries: Vec<Entry> = (0..5000)
            .map(|i| Entry::new(&format!("geonames:{i}"), "x", "GPE", &[]))
            .collect();
        let mut ix = IdIndex::default();
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(ix.get(&e.id, &entries[..]), None);
            ix.insert(&e.id, i as u32, &entries[..]);
        }
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(ix.get(&e.id, &entries[..]), Some(i as u32));
        }
        assert_eq!(ix.get("geonames:5000", &entries[..]), None);
    }
}
