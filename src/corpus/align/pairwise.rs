//! Comparing two normalised quotes: which words line up, and what relation that makes.
//!
//! Alignment finds non-crossing blocks of identical consecutive words, longest first (the way `diff` does),
//! so the words of one version are matched in order against the other. Blocks are at least two words long;
//! a single word is matched only in a small gap between two blocks (a changed word on each side of it, as in
//! two translations), or as the first or last word of both versions. Words of one version that fall where the other prints an ellipsis are *excused*: they count
//! neither for nor against the pair.
//!
//! The *coverage* of a version is the share of its (unexcused) words that are aligned with the other version.
//! From coverage follows the relation: one version wholly covered, as one run of the other, is a fragment of it
//! (an excerpt, maybe abridged with ellipses), both mostly covered is a close variant, one mostly covered is a fragment again
//! (these two only with enough aligned words: “I think it's funny” is not a variant of “I think it's coming”), and a shared stretch where one version ends and the
//! other begins is an overlap (two excerpts of one speech).
use std::collections::HashMap;

use super::AlignOptions;

/// A normalised quote as alignment sees it: word hashes and ellipsis gaps (see [`super::normalize`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seq<'a> {
    pub tokens: &'a [u32],
    pub gaps: &'a [u32],
    pub hash: u64,
}

/// A run of `len` identical words at `a` in the first sequence and `b` in the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Block {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

/// The outcome of aligning two sequences.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alignment {
    /// Aligned words (the same number on both sides).
    pub aligned: usize,
    /// Words of each side that fall into an ellipsis of the other.
    pub excused_a: usize,
    pub excused_b: usize,
    /// Unaligned, unexcused words of each side between its first and last aligned word: 0 when the aligned
    /// words form one run there (up to the other side's ellipses).
    pub inner_a: usize,
    pub inner_b: usize,
    /// When the aligned words run to the end of one sequence and start the other (up to [`EDGE_SLACK`] words
    /// at either edge), the longer side of that shared stretch in words; 0 otherwise.
    pub edge_region: usize,
    /// True when that stretch reaches the very edges (no slack used).
    pub edge_exact: bool,
    pub blocks: Vec<Block>,
}

impl Alignment {
    /// Share of the first sequence's unexcused words that are aligned.
    pub fn cov_a(&self, m: usize) -> f32 {
        ratio(self.aligned, m.saturating_sub(self.excused_a))
    }
    /// Share of the second sequence's unexcused words that are aligned.
    pub fn cov_b(&self, n: usize) -> f32 {
        ratio(self.aligned, n.saturating_sub(self.excused_b))
    }
    /// True if the sequences overlap at their edges: `min_words` or more aligned words (`fuzzy_words` if the
    /// stretch stops short of an edge), making up at least `density` of the shared stretch.
    pub fn overlaps_at_edges(&self, min_words: usize, fuzzy_words: usize, density: f32) -> bool {
        let need = if self.edge_exact {
            min_words
        } else {
            min_words.max(fuzzy_words)
        };
        self.edge_region > 0
            && self.aligned >= need
            && self.aligned as f32 >= density * self.edge_region as f32
    }
}

fn ratio(x: usize, of: usize) -> f32 {
    if of == 0 {
        if x == 0 {
            0.0
        } else {
            1.0
        }
    } else {
        (x as f32 / of as f32).min(1.0)
    }
}

/// Regions larger than this (in word pairs) use the sparse longest-match search instead of the dense table.
const DENSE_LIMIT: usize = 1 << 16;
/// A region this small (on both sides) between two blocks may align a single word.
const SMALL_GAP: usize = 4;
/// Unaligned words allowed at the edges of an overlap (a changed or added word where the excerpts meet).
pub(crate) const EDGE_SLACK: usize = 2;

/// The part `a[alo..ahi]`, `b[blo..bhi]` of two sequences searched for a block.
#[derive(Debug, Clone, Copy)]
struct Region {
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
}

/// Where blocks may not run on: word `i` follows an ellipsis. A block never spans an ellipsis, so that the
/// words another version prints in its place can be excused.
pub(crate) struct Cuts {
    a: Vec<bool>,
    b: Vec<bool>,
}

impl Cuts {
    fn new(a: Seq<'_>, b: Seq<'_>) -> Self {
        let mark = |s: Seq<'_>| {
            let mut v = vec![false; if s.gaps.is_empty() { 0 } else { s.tokens.len() }];
            for &g in s.gaps {
                v[g as usize] = true;
            }
            v
        };
        Cuts {
            a: mark(a),
            b: mark(b),
        }
    }
    fn a(&self, i: usize) -> bool {
        self.a.get(i).copied().unwrap_or(false)
    }
    fn b(&self, j: usize) -> bool {
        self.b.get(j).copied().unwrap_or(false)
    }
}

/// Align `a` against `b`.
pub(crate) fn align(a: Seq<'_>, b: Seq<'_>) -> Alignment {
    let (m, n) = (a.tokens.len(), b.tokens.len());
    let mut blocks = Vec::new();
    // Regions still to search: (alo, ahi, blo, bhi, between two blocks).
    let mut stack = vec![(0, m, 0, n, false)];
    let mut sparse: Option<HashMap<u32, Vec<usize>>> = None;
    let mut rows = (vec![0u32; n + 1], vec![0u32; n + 1]);
    let cuts = Cuts::new(a, b);
    let global_min = 2.min(m).min(n).max(1);
    while let Some((alo, ahi, blo, bhi, between)) = stack.pop() {
        if alo >= ahi || blo >= bhi {
            continue;
        }
        let min_len = if between && ahi - alo <= SMALL_GAP && bhi - blo <= SMALL_GAP {
            1
        } else {
            global_min
        };
        let best = if (ahi - alo) * (bhi - blo) <= DENSE_LIMIT {
            longest_match_dense(
                a.tokens,
                b.tokens,
                Region { alo, ahi, blo, bhi },
                &mut rows,
                &cuts,
            )
        } else {
            let index = sparse.get_or_insert_with(|| positions(b.tokens));
            longest_match_sparse(a.tokens, index, Region { alo, ahi, blo, bhi }, &cuts)
        };
        let best = if best.len >= min_len {
            best
        } else if alo == 0 && blo == 0 && a.tokens[0] == b.tokens[0] {
            // A word the versions start with, as in “Some … were used” / “Some of the munitions were used”.
            Block { a: 0, b: 0, len: 1 }
        } else if ahi == m && bhi == n && a.tokens[m - 1] == b.tokens[n - 1] {
            Block {
                a: m - 1,
                b: n - 1,
                len: 1,
            }
        } else {
            continue;
        };
        blocks.push(best);
        // A region starting at (0, 0) or ending at (m, n) has a block on one side only.
        stack.push((alo, best.a, blo, best.b, alo > 0 || blo > 0));
        let right_bounded = ahi < m || bhi < n;
        stack.push((
            best.a + best.len,
            ahi,
            best.b + best.len,
            bhi,
            right_bounded,
        ));
    }
    blocks.sort_unstable_by_key(|k| k.a);
    let mut out = Alignment {
        aligned: blocks.iter().map(|k| k.len).sum(),
        ..Alignment::default()
    };
    if let (Some(first), Some(last)) = (blocks.first(), blocks.last()) {
        let (a_end, b_end) = (last.a + last.len, last.b + last.len);
        // The end of `a` overlaps the start of `b`, or the end of `b` the start of `a`.
        // Each side keeps words of its own beyond the shared stretch (else it is a matter of containment).
        if first.b <= EDGE_SLACK && m - a_end <= EDGE_SLACK && first.a > 0 && b_end < n {
            out.edge_region = (m - first.a).max(b_end);
            out.edge_exact = first.b == 0 && m == a_end;
        }
        if first.a <= EDGE_SLACK && n - b_end <= EDGE_SLACK && first.b > 0 && a_end < m {
            let region = (n - first.b).max(a_end);
            out.edge_region = if out.edge_region == 0 {
                region
            } else {
                out.edge_region.min(region)
            };
            out.edge_exact |= first.a == 0 && n == b_end;
        }
    }
    for w in blocks.windows(2) {
        let (p, q) = (w[0], w[1]);
        let (a_lo, a_hi, b_lo, b_hi) = (p.a + p.len, q.a, p.b + p.len, q.b);
        if a.gaps
            .iter()
            .any(|&g| (a_lo..=a_hi).contains(&(g as usize)))
        {
            out.excused_b += b_hi - b_lo;
        }
        if b.gaps
            .iter()
            .any(|&g| (b_lo..=b_hi).contains(&(g as usize)))
        {
            out.excused_a += a_hi - a_lo;
        }
    }
    if let (Some(first), Some(last)) = (blocks.first(), blocks.last()) {
        let span_a = last.a + last.len - first.a;
        let span_b = last.b + last.len - first.b;
        out.inner_a = span_a - out.aligned - out.excused_a;
        out.inner_b = span_b - out.aligned - out.excused_b;
    }
    out.blocks = blocks;
    out
}

/// Longest common run of `a[alo..ahi]` and `b[blo..bhi]` by dynamic programming; ties go to the earliest.
/// `rows` are two scratch rows of at least `bhi - blo + 1` cells.
fn longest_match_dense(
    a: &[u32],
    b: &[u32],
    region: Region,
    rows: &mut (Vec<u32>, Vec<u32>),
    cuts: &Cuts,
) -> Block {
    let Region { alo, ahi, blo, bhi } = region;
    let width = bhi - blo;
    // Cell 0 of either row is never written, so it stays 0; every other cell of `cur` is written before read.
    let (mut prev, mut cur) = (&mut rows.0[..width + 1], &mut rows.1[..width + 1]);
    prev.fill(0);
    let mut best = Block {
        a: alo,
        b: blo,
        len: 0,
    };
    for (i, &ai) in a.iter().enumerate().take(ahi).skip(alo) {
        for (k, &bj) in b[blo..bhi].iter().enumerate() {
            let j = blo + k;
            cur[k + 1] = if ai != bj {
                0
            } else if cuts.a(i) || cuts.b(j) {
                1
            } else {
                prev[k] + 1
            };
            let len = cur[k + 1] as usize;
            if len > best.len {
                best = Block {
                    a: i + 1 - len,
                    b: j + 1 - len,
                    len,
                };
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

fn positions(b: &[u32]) -> HashMap<u32, Vec<usize>> {
    let mut map: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, &t) in b.iter().enumerate() {
        map.entry(t).or_default().push(j);
    }
    map
}

/// Longest common run using the positions of each word in `b` (for long sequences); same result as dense.
fn longest_match_sparse(
    a: &[u32],
    index: &HashMap<u32, Vec<usize>>,
    region: Region,
    cuts: &Cuts,
) -> Block {
    let Region { alo, ahi, blo, bhi } = region;
    let mut best = Block {
        a: alo,
        b: blo,
        len: 0,
    };
    let mut run: HashMap<usize, usize> = HashMap::new();
    let mut next: HashMap<usize, usize> = HashMap::new();
    for (i, t) in a.iter().enumerate().take(ahi).skip(alo) {
        next.clear();
        if let Some(js) = index.get(t) {
            for &j in js.iter().filter(|&&j| j >= blo && j < bhi) {
                let len = if cuts.a(i) || cuts.b(j) {
                    1
                } else {
                    j.checked_sub(1)
                        .and_then(|p| run.get(&p))
                        .copied()
                        .unwrap_or(0)
                        + 1
                };
                next.insert(j, len);
                if len > best.len
                    || (len == best.len && (i + 1 - len, j + 1 - len) < (best.a, best.b))
                {
                    best = Block {
                        a: i + 1 - len,
                        b: j + 1 - len,
                        len,
                    };
                }
            }
        }
        std::mem::swap(&mut run, &mut next);
    }
    best
}

/// How two versions relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PairRelation {
    /// The same normalised text.
    Identical,
    /// The first is (mostly) contained in the second; the score is the first's coverage.
    FirstInSecond(f32),
    /// The second is (mostly) contained in the first; the score is the second's coverage.
    SecondInFirst(f32),
    /// Both mostly covered; the score is the smaller coverage.
    Variant(f32),
    /// A shared stretch where one ends and the other starts; the score is the first's coverage.
    Overlap(f32),
    /// Nothing that makes them one utterance; the score is the first's coverage.
    Unrelated(f32),
}

/// Sequences shorter than this are only ever identical to, or contained word for word in, another.
pub(crate) const SHORT: usize = 4;

/// True if `needle` occurs as a run of consecutive words in `hay`.
pub(crate) fn contains_run(hay: &[u32], needle: &[u32]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The relation between two versions under `opts`.
pub(crate) fn classify(a: Seq<'_>, b: Seq<'_>, opts: &AlignOptions) -> PairRelation {
    classify_cov(a, b, opts).0
}

/// The relation between two versions under `opts`, and the share of the first's (unexcused) words that line
/// up with the second.
pub(crate) fn classify_cov(a: Seq<'_>, b: Seq<'_>, opts: &AlignOptions) -> (PairRelation, f32) {
    let (m, n) = (a.tokens.len(), b.tokens.len());
    if m == 0 || n == 0 {
        return (PairRelation::Unrelated(0.0), 0.0);
    }
    if a.hash == b.hash && a.tokens == b.tokens {
        return (PairRelation::Identical, 1.0);
    }
    if m < SHORT || n < SHORT {
        return if m < n && contains_run(b.tokens, a.tokens) {
            (PairRelation::FirstInSecond(1.0), 1.0)
        } else if n < m && contains_run(a.tokens, b.tokens) {
            (PairRelation::SecondInFirst(1.0), n as f32 / m as f32)
        } else {
            let ca = align(a, b).cov_a(m);
            (PairRelation::Unrelated(ca), ca)
        };
    }
    let al = align(a, b);
    let (ca, cb) = (al.cov_a(m), al.cov_b(n));
    // Relations that tolerate differences need enough words in common to be more than a shared phrase.
    let fuzzy_ok = al.aligned >= opts.fuzzy_min_words;
    // Wholly contained: every word lines up, as one run of the other (up to the fragment's own ellipses).
    let (whole_a, whole_b) = (ca >= 1.0 && al.inner_b == 0, cb >= 1.0 && al.inner_a == 0);
    let rel = if whole_a && (!whole_b || m < n) {
        PairRelation::FirstInSecond(1.0)
    } else if whole_b && (!whole_a || n < m) {
        PairRelation::SecondInFirst(1.0)
    } else if fuzzy_ok && ca >= opts.variant_min && cb >= opts.variant_min {
        PairRelation::Variant(ca.min(cb))
    } else if fuzzy_ok && ca >= opts.contain_min && ca >= cb {
        PairRelation::FirstInSecond(ca)
    } else if fuzzy_ok && cb >= opts.contain_min {
        PairRelation::SecondInFirst(cb)
    } else if al.overlaps_at_edges(
        opts.overlap_min_words,
        opts.fuzzy_min_words,
        opts.variant_min,
    ) {
        PairRelation::Overlap(ca)
    } else {
        PairRelation::Unrelated(ca)
    };
    (rel, ca)
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn rel(a: &str, b: &str) -> PairRelation {
        let (x, y) = (normalize(a), normalize(b));
        let sa = Seq {
            tokens: &x.tokens,
            gaps: &x.gaps,
            hash: x.text_hash,
        };
        let sb = Seq {
            tokens: &y.tokens,
            gaps: &y.gaps,
            hash: y.text_hash,
        };
        classify(sa, sb, &AlignOptions::default())
    }

    fn al(a: &str, b: &str) -> Alignment {
        let (x, y) = (normalize(a), normalize(b));
        let sa = Seq {
            tokens: &x.tokens,
            gaps: &x.gaps,
            hash: x.text_hash,
        };
        let sb = Seq {
            tokens: &y.tokens,
            gaps: &y.gaps,
            hash: y.text_hash,
        };
        align(sa, sb)
    }

    #[test]
    fn blocks_are_found_in_order() {
        let x = al("a b c d e f g", "x a b c y e f g z");
        assert_eq!(
            x.blocks,
            [Block { a: 0, b: 1, len: 3 }, Block { a: 4, b: 5, len: 3 }]
        );
        assert_eq!((x.aligned, x.edge_region), (6, 0)); // the first lies within the second
                                                        // "a b c" ends the first and starts the second; one extra word at the edge is tolerated.
        let y = al("x y z a b c", "a b c d e f");
        assert_eq!((y.aligned, y.edge_region), (3, 3));
        let y = al("x y z a b c q", "a b c d e f");
        assert_eq!((y.aligned, y.edge_region), (3, 4));
        assert_eq!(al("a b c x y z", "q r a b c").edge_region, 3);
        assert_eq!(al("x y z a b c", "q r s t a b c").edge_region, 0);
        // Crossing material is not aligned twice: the later "a b" cannot also match.
        let y = al("a b c d", "c d a b");
        assert_eq!(y.aligned, 2);
    }

    #[test]
    fn single_words_align_only_between_blocks() {
        // "d" sits between two blocks with one changed word on each side; "h" ends both versions.
        let x = al("a b c x d y e f g h", "a b c q d r e f i h");
        assert_eq!(x.aligned, 7);
        // "g" is neither between blocks nor at both ends.
        assert_eq!(
            al("a b c x d y e f g h", "a b c q d r e f i g j").aligned,
            6
        );
        // The first word, kept before an ellipsis.
        let z = al(
            "some … were used in the campaign",
            "some of the munitions were used in the campaign",
        );
        assert_eq!((z.aligned, z.cov_a(6), z.cov_b(9)), (6, 1.0, 1.0));
        // A lone shared word far from any block does not align.
        let y = al("the cat sat on mats today", "yesterday a dog ran and the");
        assert_eq!(y.aligned, 0);
    }

    #[test]
    fn ellipsis_excuses_the_elided_words() {
        let x = al("a b c … g h i", "a b c d e f g h i");
        assert_eq!((x.aligned, x.excused_a, x.excused_b), (6, 0, 3));
        assert_eq!(x.cov_b(9), 1.0);
        // Without the ellipsis the missing words count against coverage.
        let y = al("a b c g h i", "a b c d e f g h i");
        assert!(y.cov_b(9) < 0.7);
    }

    #[test]
    fn dense_and_sparse_searches_agree() {
        let a: Vec<u32> = (0..300).map(|i| (i * 7 % 13) as u32).collect();
        let b: Vec<u32> = (0..280).map(|i| (i * 5 % 13) as u32).collect();
        let index = positions(&b);
        let mut rows = (vec![0; 281], vec![0; 281]);
        let (gaps_a, gaps_b) = ([5, 40, 77], [13, 150]);
        let cut = Cuts::new(
            Seq {
                tokens: &a,
                gaps: &gaps_a,
                hash: 0,
            },
            Seq {
                tokens: &b,
                gaps: &gaps_b,
                hash: 1,
            },
        );
        let uncut = Cuts::new(
            Seq {
                tokens: &a,
                gaps: &[],
                hash: 0,
            },
            Seq {
                tokens: &b,
                gaps: &[],
                hash: 1,
            },
        );
        for cuts in [&cut, &uncut] {
            for (alo, ahi, blo, bhi) in [(0, 300, 0, 280), (10, 50, 100, 200), (0, 13, 0, 13)] {
                assert_eq!(
                    longest_match_dense(&a, &b, Region { alo, ahi, blo, bhi }, &mut rows, cuts),
                    longest_match_sparse(&a, &index, Region { alo, ahi, blo, bhi }, cuts)
                );
            }
        }
    }

    #[test]
    fn relations() {
        use PairRelation::*;
        assert_eq!(
            rel("Ukraine is proud of you!", "“ukraine IS proud of you…”"),
            Identical
        );
        assert_eq!(
            rel(
                "extremely difficult",
                "the situation is extremely difficult"
            ),
            FirstInSecond(1.0)
        );
        assert_eq!(
            rel("the situation is extremely difficult", "difficult"),
            SecondInFirst(1.0)
        );
        assert!(matches!(rel("difficult", "it is hard"), Unrelated(_)));
        // A few changed words (another translation) make a close variant.
        assert!(matches!(
            rel(
                "we will never give up what is ours and we will win this war",
                "we shall never give up what is ours and we will win the war"
            ),
            Variant(s) if s > 0.7
        ));
        // The end of one is the start of the other.
        assert!(matches!(
            rel(
                "Bakhmut fortress. Our people. Unconquered by the enemy. Ukraine is proud of you,",
                "Ukraine is proud of you. I am proud of you! Thank you for the courage,"
            ),
            Overlap(_)
        ));
        // Two sentences that share two words are not one utterance.
        assert!(matches!(
            rel(
                "I am not optimistic about the possibility of effective peace talks at the immediate future",
                "I don’t see them in the immediate horizon."
            ),
            Unrelated(_)
        ));
    }

    #[test]
    fn a_wholly_contained_fragment_is_one_run_of_the_other() {
        use PairRelation::*;
        let long = "We are running a very open campaign because we are telling the county's farmers the truth";
        assert!(matches!(
            rel("we are telling the county's farmers", long),
            FirstInSecond(_)
        ));
        // The same words, but with a gap the fragment does not mark: only a shared phrase.
        assert!(matches!(
            rel("We are telling the truth", long),
            Unrelated(_)
        ));
        // Marked with an ellipsis, the gap is the fragment's own abridgement.
        assert!(matches!(
            rel("We are telling … the truth", long),
            FirstInSecond(_)
        ));
    }

    #[test]
    fn putin_versions_align_across_the_ellipsis() {
        let ft = "I would especially like to mention units of the security agencies that have begun to operate \
                  in the new regions of Russia. Yes, it’s difficult for you right now: the situation in Donetsk \
                  and Luhansk ... in the Kherson and Zaporizhzhia regions is extremely difficult,";
        let reuters =
            "The situation in the Donetsk and Luhansk People’s Republics, in the Kherson and \
                       Zaporizhzhia regions is extremely difficult,";
        match rel(reuters, ft) {
            PairRelation::FirstInSecond(s) => assert!(s > 0.75, "{s}"),
            other => panic!("{other:?}"),
        }
    }
}
