//! Candidate search: word shingles (runs of `k` consecutive words inside one ellipsis-free segment) in an
//! inverted index, so that only versions sharing a shingle are ever compared — never all pairs.
//!
//! A shingle shared by more than `max_postings` versions (a stock phrase, or a quote reprinted in hundreds of
//! versions) does not pair everything with everything: it offers only its first few *leaders* as candidates.
//! Versions are numbered longest first, so the leaders are the longest versions holding the shingle — the
//! ones a fragment or variant should be compared with.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::normalize::hash_run;
use super::pairwise::Seq;

/// Candidates offered by an over-full posting list.
pub(crate) const LEADERS: usize = 8;

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(crate) struct PremixedHasher(u64);

impl Hasher for PremixedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type PremixedMap<V> = HashMap<u64, V, BuildHasherDefault<PremixedHasher>>;

/// The ellipsis-free segments of a sequence, as word ranges.
pub(crate) fn segments(seq: Seq<'_>) -> impl Iterator<Item = Range<usize>> + '_ {
    let n = seq.tokens.len();
    let mut start = 0;
    let mut gaps = seq
        .gaps
        .iter()
        .map(|&g| g as usize)
        .chain(std::iter::once(n));
    std::iter::from_fn(move || {
        let end = gaps.next()?;
        let r = start..end;
        start = end;
        Some(r)
    })
}

/// The distinct `k`-word shingles of a sequence, sorted.
pub(crate) fn shingles(seq: Seq<'_>, k: usize) -> Vec<u64> {
    let mut out: Vec<u64> = segments(seq)
        .filter(|r| r.len() >= k)
        .flat_map(|r| seq.tokens[r].windows(k).map(hash_run))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Posting lists of shingles over versions numbered `0..n`.
pub(crate) struct ShingleIndex {
    ranges: PremixedMap<(u32, u32)>,
    postings: Vec<u32>,
    /// Number of distinct shingles of each version.
    pub sizes: Vec<u32>,
}

/// One candidate found by [`ShingleIndex::candidates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub id: u32,
    /// Shingles the probe shares with it (counting only lists that offered it).
    pub shared: u32,
    /// Found through a complete posting list, so the candidate finds the probe too.
    pub mutual: bool,
}

impl ShingleIndex {
    /// Index versions given their sorted, distinct shingles.
    pub fn new(shingles_of: &[Vec<u64>]) -> Self {
        let total = shingles_of.iter().map(Vec::len).sum();
        let mut entries: Vec<(u64, u32)> = Vec::with_capacity(total);
        for (id, sh) in shingles_of.iter().enumerate() {
            entries.extend(sh.iter().map(|&s| (s, id as u32)));
        }
        entries.sort_unstable();
        let mut ranges = PremixedMap::default();
        let mut postings = Vec::with_capacity(entries.len());
        let mut i = 0;
        while i < entries.len() {
            let key = entries[i].0;
            let start = postings.len() as u32;
            while i < entries.len() && entries[i].0 == key {
                postings.push(entries[i].1);
                i += 1;
            }
            ranges.insert(key, (start, postings.len() as u32));
        }
        let sizes = shingles_of.iter().map(|s| s.len() as u32).collect();
        ShingleIndex {
            ranges,
            postings,
            sizes,
        }
    }

    pub fn postings(&self, shingle: u64) -> &[u32] {
        match self.ranges.get(&shingle) {
            Some(&(a, b)) => &self.postings[a as usize..b as usize],
            None => &[],
        }
    }

    /// Versions sharing shingles with `probe` (sorted, distinct), except `exclude`; at most `max_candidates`,
    /// those sharing most first (ties: lower id). A version must share `min(2, |probe|, |its shingles|)`
    /// shingles.
    pub fn candidates(
        &self,
        probe: &[u64],
        exclude: Option<u32>,
        max_postings: usize,
        max_candidates: usize,
    ) -> Vec<Candidate> {
        let mut hits: Vec<(u32, bool)> = Vec::new();
        for &s in probe {
            let list = self.postings(s);
            let mutual = list.len() <= max_postings;
            let offered = if mutual {
                list
            } else {
                &list[..LEADERS.min(list.len())]
            };
            hits.extend(
                offered
                    .iter()
                    .filter(|&&id| Some(id) != exclude)
                    .map(|&id| (id, mutual)),
            );
        }
        hits.sort_unstable();
        let mut out: Vec<Candidate> = Vec::new();
        for (id, mutual) in hits {
            match out.last_mut() {
                Some(c) if c.id == id => {
                    c.shared += 1;
                    c.mutual |= mutual;
                }
                _ => out.push(Candidate {
                    id,
                    shared: 1,
                    mutual,
                }),
            }
        }
        let probe_len = probe.len() as u32;
        out.retain(|c| c.shared >= 2.min(probe_len).min(self.sizes[c.id as usize]));
        if out.len() > max_candidates {
            out.sort_unstable_by(|x, y| y.shared.cmp(&x.shared).then(x.id.cmp(&y.id)));
            out.truncate(max_candidates);
            out.sort_unstable_by_key(|c| c.id);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn sh(text: &str) -> Vec<u64> {
        let n = normalize(text);
        shingles(
            Seq {
                tokens: &n.tokens,
                gaps: &n.gaps,
                hash: n.text_hash,
            },
            3,
        )
    }

    #[test]
    fn shingles_stay_inside_segments() {
        assert_eq!(sh("a b c d").len(), 2);
        assert_eq!(sh("a b … c d").len(), 0);
        assert_eq!(sh("a b c … d e f").len(), 2);
        assert_eq!(sh("a b c a b c").len(), 3); // distinct only
    }

    #[test]
    fn candidates_share_shingles() {
        let docs = [
            sh("the situation in donetsk is extremely difficult"),
            sh("the situation in luhansk is extremely difficult"),
            sh("we will never give up what is ours"),
        ];
        let index = ShingleIndex::new(&docs);
        let c = index.candidates(&docs[0], Some(0), 100, 100);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].id, c[0].shared, c[0].mutual), (1, 2, true)); // "the situation in", "is extremely difficult"
        assert!(index.candidates(&docs[2], Some(2), 100, 100).is_empty());
    }

    #[test]
    fn overfull_lists_offer_only_leaders() {
        let docs: Vec<Vec<u64>> = (0..50).map(|_| sh("one of the")).collect();
        let index = ShingleIndex::new(&docs);
        let c = index.candidates(&docs[40], Some(40), 10, 100);
        // "one of the" has 50 holders: it offers only the first LEADERS.
        assert_eq!(
            c.iter().map(|c| c.id).collect::<Vec<_>>(),
            (0..LEADERS as u32).collect::<Vec<_>>()
        );
        assert!(c.iter().all(|c| !c.mutual));
        assert_eq!(index.candidates(&docs[40], Some(40), 100, 5).len(), 5);
    }
}
