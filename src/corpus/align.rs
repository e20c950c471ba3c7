//! Cross-document quote alignment: group the versions of one utterance printed by different outlets.
//!
//! Two outlets rarely quote a speaker identically. One prints “…the situation in Donetsk and Luhansk ... in the
//! Kherson and Zaporizhzhia regions is extremely difficult”, another “The situation in the Donetsk and Luhansk
//! People’s Republics, in the Kherson and Zaporizhzhia regions is extremely difficult”, and both also quote just
//! “extremely difficult”. [`cluster_quotes`] puts such versions in one cluster and says how each relates to the
//! cluster's longest version.
//!
//! ```
//! use saidwho::corpus::align::{cluster_quotes, AlignOptions, QuoteRef, Relation};
//! let q = |doc, text, speaker| QuoteRef { doc, start: 0, end: 0, text, speaker: Some(speaker), indirect: false };
//! let quotes = [
//!     q(0, "the situation in Donetsk and Luhansk ... in the Kherson and Zaporizhzhia regions is extremely difficult", "putin"),
//!     q(1, "The situation in the Donetsk and Luhansk People’s Republics, in the Kherson and Zaporizhzhia regions is extremely difficult,", "putin"),
//!     q(1, "extremely difficult", "putin"),
//!     q(1, "extremely difficult", "guterres"), // another speaker: never merged on a short text
//! ];
//! let m = cluster_quotes(&quotes, &AlignOptions::default()).unwrap();
//! assert_eq!([m[0].cluster, m[1].cluster, m[2].cluster, m[3].cluster], [0, 0, 0, 1]);
//! assert_eq!(m[1].relation, Relation::Representative); // the longest version
//! assert_eq!(m[2].relation, Relation::Fragment);
//! ```
//!
//! # Semantics
//!
//! Texts are compared in a normalised form (see [`normalized_words`]): case, accents, punctuation and quote
//! marks do not matter, and an ellipsis excuses the words another version prints in its place. Two versions
//! of the **same speaker** are linked when
//! - they are identical after normalisation;
//! - one is a *fragment* of the other: all its words line up, in order, with the other (ellipses aside), or
//!   at least [`AlignOptions::contain_min`] of them do and that is at least
//!   [`AlignOptions::fuzzy_min_words`] words (texts under four words must occur word for word);
//! - they are *close variants*: at least [`AlignOptions::variant_min`] of the words of each line up, and at
//!   least `fuzzy_min_words` words in all (a few changed words, as in another translation);
//! - they *overlap*: one ends with what starts the other (two excerpts of one speech): at least
//!   [`AlignOptions::overlap_min_words`] aligned words reaching both edges (`fuzzy_min_words` if up to two
//!   words at an edge differ), making up `variant_min` of the shared stretch.
//!
//! Clusters are the connected groups of these links, with two cautions against chaining. A fragment shorter
//! than [`AlignOptions::bridge_min_words`] (“extremely difficult”) does not link by itself; it joins the
//! cluster of the versions containing it only when they all belong to one cluster (longer fragments are
//! settled first): a short phrase the speaker used in several distinct utterances stays on its own. And a
//! fragment of at most [`AlignOptions::same_doc_max_words`] words counts only versions printed in the same
//! document: a one- or two-word partial quote (“of course”, “fraud”) found elsewhere is more likely the
//! speaker's stock phrase than the same utterance.
//!
//! **Different speakers** never merge, except on identical normalised text of at least
//! [`AlignOptions::cross_speaker_min_words`] words (the same long quote attributed to "Putin" by one outlet
//! and to "the Kremlin" by another).
//!
//! **Unknown speakers** (`None`, or an empty name): a version of at least [`AlignOptions::unknown_min_words`]
//! words joins a cluster when it is linked (by any link above that lines up at least 80% of its words) to
//! versions of known speakers of at least `bridge_min_words` words, all in that one cluster; linked to
//! several clusters, it stays apart. Unknown-speaker versions that are close variants of each other (both
//! at least `bridge_min_words` long) move together: no other link vouches for one speaker.
//!
//! **Short texts** (under `bridge_min_words` words) never make a cluster of their own: identical copies of
//! “rigged economy” by one speaker, in articles months apart, are the same phrase, not one utterance. They
//! join a cluster only through a longer version containing them, as above.
//!
//! Every quote gets a cluster (a lone quote is a cluster of one). Cluster ids number clusters in the order
//! of their first quote in the input, so output is deterministic, and the grouping does not depend on the
//! input order or the number of threads.
//!
//! # Reported speech: paraphrases
//!
//! Quotes flagged [`QuoteRef::indirect`] (reported speech, printed without quotation marks: “Putin told
//! operatives *they needed to significantly improve their work*”) take no part in the links above. Each one
//! with a known speaker is compared, by content words (see [`paraphrase`] below), with the quotes in marks of
//! the **same speaker** printed in **other documents**: person and tense shifts are neutral, function words
//! do not count, and at least [`AlignOptions::paraphrase_min_words`] content words must line up in order,
//! making up at least [`AlignOptions::paraphrase_min`] of the content words of the shorter side. The
//! indirect quote joins the cluster of its best such match (most aligned content words, then the largest
//! share of its own); if two clusters tie it stays apart. Its relation is [`Relation::Paraphrase`], never
//! identical or fragment, and it is never the representative of a cluster holding a quote in marks (the
//! representative is the longest version in marks). Indirect quotes are not linked with each other; one
//! that matches nothing (or has no known speaker) is a cluster of its own, its own representative.
//!
//! ```
//! use saidwho::corpus::align::{cluster_quotes, AlignOptions, QuoteRef, Relation};
//! let q = |doc, text, indirect| QuoteRef { doc, start: 0, end: 0, text, speaker: Some("putin"), indirect };
//! let quotes = [
//!     q(0, "to significantly improve your work in key areas, and use your operational, technical and personnel potential to the fullest.", false),
//!     q(1, "they needed to significantly improve their work", true),
//! ];
//! let m = cluster_quotes(&quotes, &AlignOptions::default()).unwrap();
//! assert_eq!((m[0].cluster, m[1].cluster), (0, 0));
//! assert_eq!((m[0].relation, m[1].relation), (Relation::Representative, Relation::Paraphrase));
//! ```
//!
//! # Scale
//!
//! Never all pairs: identical texts are folded first; the remaining versions of each speaker are indexed by
//! their word 3-shingles, and only versions sharing at least two shingles are aligned (a shingle held by more
//! than [`AlignOptions::max_postings`] versions offers only its longest few, and each version compares at
//! most [`AlignOptions::max_candidates`]). Fragments of one or two words are looked up in a hash set while
//! scanning the speaker's versions. Unknown-speaker versions are indexed apart and compared with their 32
//! best known-speaker candidates. Speakers are processed in parallel (rayon); unions go through a
//! union-find. On a million news-like quotes (18M words) this takes about 14 CPU-seconds and 300 MiB.
mod index;
mod normalize;
mod pairwise;
pub mod paraphrase;
mod union_find;

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::{Error, Result};
use index::{segments, shingles, PremixedMap, ShingleIndex};
pub use normalize::normalized_words;
use normalize::{hash_run, normalize, Normalized};
use pairwise::{classify, classify_cov, PairRelation, Seq};
use union_find::UnionFind;

/// One quote to align: where it is (document, character span), its text (the content inside the marks) and
/// its resolved speaker (an entity id or a name used as a key; `None` or `""` when unknown), and whether it
/// is reported speech (`indirect`: no quotation marks; see the module docs on paraphrases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef<'a> {
    pub doc: u32,
    pub start: u32,
    pub end: u32,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub indirect: bool,
}

/// Thresholds of [`cluster_quotes`]; see the module docs for their meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Words per shingle used to find candidate pairs (2..=8). Default 3.
    pub shingle_words: usize,
    /// Share of a fragment's words that must line up with the longer version. Default 0.7.
    pub contain_min: f32,
    /// Share of each version's words that must line up for close variants. Default 0.6.
    pub variant_min: f32,
    /// Aligned words where one version ends and the other starts that link them. Default 5.
    pub overlap_min_words: usize,
    /// Relations that tolerate differences (a fragment or variant with changed words, an overlap stopping
    /// short of an edge) need this many aligned words. Default 8.
    pub fuzzy_min_words: usize,
    /// Fragments shorter than this join only a single candidate cluster. Default 5.
    pub bridge_min_words: usize,
    /// Fragments of at most this many words join only a longer version printed in the same document (0: no
    /// such limit). Default 2.
    pub same_doc_max_words: usize,
    /// Identical texts of different speakers merge from this many words on. Default 6.
    pub cross_speaker_min_words: usize,
    /// Quotes with an unknown speaker need this many words to join anything. Default 5.
    pub unknown_min_words: usize,
    /// A shingle held by more versions than this offers only its longest few as candidates. Default 500.
    pub max_postings: usize,
    /// At most this many candidates are compared with each version. Default 100.
    pub max_candidates: usize,
    /// Content words that must line up between an indirect quote and a quote in marks. Default 3.
    pub paraphrase_min_words: usize,
    /// Share of the shorter side's content words that must line up for a paraphrase. Default 0.5.
    pub paraphrase_min: f32,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            shingle_words: 3,
            contain_min: 0.7,
            variant_min: 0.6,
            overlap_min_words: 5,
            fuzzy_min_words: 8,
            bridge_min_words: 5,
            same_doc_max_words: 2,
            cross_speaker_min_words: 6,
            unknown_min_words: 5,
            max_postings: 500,
            max_candidates: 100,
            paraphrase_min_words: 3,
            paraphrase_min: 0.5,
        }
    }
}

impl AlignOptions {
    /// Check that every option is in its domain.
    pub fn validate(&self) -> Result<()> {
        let bad = |msg: String| Err(Error::InvalidArgument(msg));
        if !(2..=8).contains(&self.shingle_words) {
            return bad(format!(
                "shingle_words must be in 2..=8, got {}",
                self.shingle_words
            ));
        }
        for (name, v) in [
            ("contain_min", self.contain_min),
            ("variant_min", self.variant_min),
            ("paraphrase_min", self.paraphrase_min),
        ] {
            if !(v > 0.0 && v <= 1.0) {
                return bad(format!("{name} must be in (0, 1], got {v}"));
            }
        }
        for (name, v) in [
            ("overlap_min_words", self.overlap_min_words),
            ("fuzzy_min_words", self.fuzzy_min_words),
            ("bridge_min_words", self.bridge_min_words),
            ("cross_speaker_min_words", self.cross_speaker_min_words),
            ("unknown_min_words", self.unknown_min_words),
            ("max_postings", self.max_postings),
            ("max_candidates", self.max_candidates),
            ("paraphrase_min_words", self.paraphrase_min_words),
        ] {
            if v == 0 {
                return bad(format!("{name} must be at least 1"));
            }
        }
        Ok(())
    }
}

/// How a quote relates to the longest version of its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// The longest version itself (most words, then most characters, then first in the input).
    Representative,
    /// The same normalised text as the longest version.
    Identical,
    /// (Mostly) contained in the longest version.
    Fragment,
    /// Most words of both line up, with a few changed (another translation, a slip).
    CloseVariant,
    /// Linked to the cluster otherwise: an overlapping excerpt, or through other members.
    Overlapping,
    /// Reported speech (an indirect quote) whose content words line up with a quote in marks of the cluster.
    Paraphrase,
}

impl Relation {
    /// The name used in tables: `representative`, `identical`, `fragment`, `close_variant`, `overlapping`,
    /// `paraphrase`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Representative => "representative",
            Relation::Identical => "identical",
            Relation::Fragment => "fragment",
            Relation::CloseVariant => "close_variant",
            Relation::Overlapping => "overlapping",
            Relation::Paraphrase => "paraphrase",
        }
    }
}

/// A quote's place in the clustering: its cluster, its relation to the cluster's longest version, and the
/// share of its words that line up with that version (1.0 for the representative and identical copies; for a
/// paraphrase, the share of its content words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Membership {
    pub cluster: u32,
    pub relation: Relation,
    pub score: f32,
}

/// Cluster quotes into utterances; returns one [`Membership`] per input quote, in input order.
/// See the module docs for the rules. Fails only on invalid options or more than `u32::MAX - 1` quotes.
pub fn cluster_quotes(quotes: &[QuoteRef<'_>], opts: &AlignOptions) -> Result<Vec<Membership>> {
    opts.validate()?;
    if quotes.len() >= u32::MAX as usize {
        return Err(Error::InvalidArgument(format!(
            "too many quotes to align: {}",
            quotes.len()
        )));
    }
    let prep = Prepared::new(quotes);
    let speakers = speaker_ids(quotes);
    let mut uf = UnionFind::new(quotes.len());
    let forms = Forms::new(&prep, &speakers, opts);
    forms.link_copies(&mut uf);
    forms.link_across_speakers(&prep, opts, &mut uf);
    let shards = forms.speaker_shards();
    let unions: Vec<Vec<(u32, u32)>> = shards
        .par_iter()
        .map(|r| link_speaker(&forms, r.clone(), &prep, opts))
        .collect();
    for (a, b) in unions.into_iter().flatten() {
        uf.union(a, b);
    }
    link_unknown(&forms, &prep, opts, &mut uf);
    link_paraphrases(quotes, &speakers, &prep, opts, &mut uf);
    Ok(memberships(quotes, &prep, opts, &mut uf))
}

/// Unknown speaker.
const NO_SPEAKER: u32 = u32::MAX;
/// A link of an unknown-speaker quote counts only if it lines up at least this share of the quote's words.
const UNKNOWN_MIN_COVER: f32 = 0.8;
/// Known versions compared with each unknown-speaker quote: those sharing most shingles with it.
const UNKNOWN_CANDIDATES: usize = 32;

/// Normalised quotes, stored flat.
struct Prepared {
    tokens: Vec<u32>,
    token_ranges: Vec<(usize, usize)>,
    gaps: Vec<u32>,
    gap_ranges: Vec<(usize, usize)>,
    hash: Vec<u64>,
    chars: Vec<u32>,
    docs: Vec<u32>,
    indirect: Vec<bool>,
}

impl Prepared {
    fn new(quotes: &[QuoteRef<'_>]) -> Self {
        let mut p = Prepared {
            tokens: Vec::new(),
            token_ranges: Vec::with_capacity(quotes.len()),
            gaps: Vec::new(),
            gap_ranges: Vec::with_capacity(quotes.len()),
            hash: Vec::with_capacity(quotes.len()),
            chars: Vec::with_capacity(quotes.len()),
            docs: quotes.iter().map(|q| q.doc).collect(),
            indirect: quotes.iter().map(|q| q.indirect).collect(),
        };
        for chunk in quotes.chunks(1 << 14) {
            let done: Vec<Normalized> = chunk.par_iter().map(|q| normalize(q.text)).collect();
            for n in done {
                p.token_ranges
                    .push((p.tokens.len(), p.tokens.len() + n.tokens.len()));
                p.tokens.extend_from_slice(&n.tokens);
                p.gap_ranges
                    .push((p.gaps.len(), p.gaps.len() + n.gaps.len()));
                p.gaps.extend_from_slice(&n.gaps);
                p.hash.push(n.text_hash);
                p.chars.push(n.chars);
            }
        }
        p
    }

    fn seq(&self, i: u32) -> Seq<'_> {
        let (a, b) = self.token_ranges[i as usize];
        let (c, d) = self.gap_ranges[i as usize];
        Seq {
            tokens: &self.tokens[a..b],
            gaps: &self.gaps[c..d],
            hash: self.hash[i as usize],
        }
    }

    fn words(&self, i: u32) -> usize {
        let (a, b) = self.token_ranges[i as usize];
        b - a
    }
}

/// Speaker keys as small integers in the sorted order of the keys (so that nothing depends on the input
/// order); unknown is [`NO_SPEAKER`].
fn speaker_ids(quotes: &[QuoteRef<'_>]) -> Vec<u32> {
    fn key<'a>(q: &QuoteRef<'a>) -> Option<&'a str> {
        q.speaker.map(str::trim).filter(|s| !s.is_empty())
    }
    let mut names: Vec<&str> = quotes.iter().filter_map(key).collect();
    names.par_sort_unstable();
    names.dedup();
    quotes
        .iter()
        .map(|q| match key(q) {
            None => NO_SPEAKER,
            Some(s) => names.binary_search(&s).map_or(NO_SPEAKER, |i| i as u32),
        })
        .collect()
}

/// A distinct normalised text of one speaker, with its copies.
#[derive(Debug, Clone, Copy)]
struct Form {
    /// The first copy in the input.
    quote: u32,
    speaker: u32,
    hash: u64,
    words: u32,
    /// Range of the copies in [`Forms::copies`].
    copies: (u32, u32),
}

/// All forms, sorted by speaker, then longest first (ties by hash): a canonical order independent of the
/// input order.
struct Forms {
    list: Vec<Form>,
    copies: Vec<u32>,
    cross_speaker_min: usize,
    bridge_min: usize,
}

impl Forms {
    fn new(prep: &Prepared, speakers: &[u32], opts: &AlignOptions) -> Self {
        let mut copies: Vec<u32> = (0..speakers.len() as u32)
            .filter(|&i| prep.words(i) > 0 && !prep.indirect[i as usize])
            .collect();
        copies.par_sort_unstable_by_key(|&i| (speakers[i as usize], prep.hash[i as usize], i));
        let mut list = Vec::new();
        let mut i = 0;
        while i < copies.len() {
            let q = copies[i];
            let key = (speakers[q as usize], prep.hash[q as usize]);
            let mut j = i + 1;
            while j < copies.len()
                && (speakers[copies[j] as usize], prep.hash[copies[j] as usize]) == key
            {
                j += 1;
            }
            list.push(Form {
                quote: q,
                speaker: key.0,
                hash: key.1,
                words: prep.words(q) as u32,
                copies: (i as u32, j as u32),
            });
            i = j;
        }
        list.par_sort_unstable_by_key(|f| (f.speaker, std::cmp::Reverse(f.words), f.hash));
        Forms {
            list,
            copies,
            cross_speaker_min: opts.cross_speaker_min_words,
            bridge_min: opts.bridge_min_words,
        }
    }

    fn copies_of(&self, f: &Form) -> &[u32] {
        &self.copies[f.copies.0 as usize..f.copies.1 as usize]
    }

    /// Identical copies of a text are one utterance if the speaker is known and the text is not short, or if
    /// the text is long enough to merge across speakers.
    fn link_copies(&self, uf: &mut UnionFind) {
        for f in &self.list {
            let words = f.words as usize;
            if (f.speaker != NO_SPEAKER && words >= self.bridge_min)
                || words >= self.cross_speaker_min
            {
                self.union_copies(f, uf);
            }
        }
    }

    fn union_copies(&self, f: &Form, uf: &mut UnionFind) {
        for &c in self.copies_of(f) {
            uf.union(f.quote, c);
        }
    }

    /// Identical long texts merge whoever the speaker.
    fn link_across_speakers(&self, prep: &Prepared, opts: &AlignOptions, uf: &mut UnionFind) {
        let mut long: Vec<&Form> = self
            .list
            .iter()
            .filter(|f| f.words as usize >= opts.cross_speaker_min_words)
            .collect();
        long.par_sort_unstable_by_key(|f| (f.hash, f.speaker));
        for w in long.windows(2) {
            if w[0].hash == w[1].hash && prep.seq(w[0].quote).tokens == prep.seq(w[1].quote).tokens
            {
                uf.union(w[0].quote, w[1].quote);
            }
        }
    }

    /// Ranges of `list` holding one known speaker with at least two forms, largest first.
    fn speaker_shards(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.list.len() {
            let s = self.list[i].speaker;
            let mut j = i + 1;
            while j < self.list.len() && self.list[j].speaker == s {
                j += 1;
            }
            if s != NO_SPEAKER && j - i >= 2 {
                out.push(i..j);
            }
            i = j;
        }
        out.sort_by_key(|r| (std::cmp::Reverse(r.len()), r.start));
        out
    }
}

/// A link found between two forms (local numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    /// Same utterance.
    Strong(u32, u32),
    /// The first, a short fragment, is contained in the second.
    Fragment(u32, u32),
}

/// The link (if any) that the relation of forms `a` and `b` makes.
fn link_of(
    rel: PairRelation,
    a: u32,
    b: u32,
    words: impl Fn(u32) -> usize,
    opts: &AlignOptions,
) -> Option<Link> {
    let short = |f: u32| words(f) < opts.bridge_min_words;
    match rel {
        PairRelation::Identical | PairRelation::Variant(_) | PairRelation::Overlap(_)
            if short(a) && short(b) =>
        {
            None
        }
        PairRelation::Identical | PairRelation::Variant(_) | PairRelation::Overlap(_) => {
            Some(Link::Strong(a, b))
        }
        PairRelation::FirstInSecond(_) if short(a) => Some(Link::Fragment(a, b)),
        PairRelation::SecondInFirst(_) if short(b) => Some(Link::Fragment(b, a)),
        PairRelation::FirstInSecond(_) | PairRelation::SecondInFirst(_) => Some(Link::Strong(a, b)),
        PairRelation::Unrelated(_) => None,
    }
}

/// Forms in parallel when there are many of them.
fn for_forms<T: Send>(n: usize, f: impl Fn(u32) -> Vec<T> + Sync + Send) -> Vec<T> {
    if n >= 256 {
        (0..n as u32).into_par_iter().flat_map_iter(f).collect()
    } else {
        (0..n as u32).flat_map(f).collect()
    }
}

/// Links among the forms of one known speaker; returns unions of quote numbers.
fn link_speaker(
    all: &Forms,
    range: Range<usize>,
    prep: &Prepared,
    opts: &AlignOptions,
) -> Vec<(u32, u32)> {
    let forms = &all.list[range];
    let k = opts.shingle_words;
    let seq = |f: u32| prep.seq(forms[f as usize].quote);
    let words = |f: u32| forms[f as usize].words as usize;
    let shingled: Vec<Vec<u64>> = forms
        .iter()
        .map(|f| shingles(prep.seq(f.quote), k))
        .collect();
    let index = ShingleIndex::new(&shingled);
    let mut links: Vec<Link> = for_forms(forms.len(), |f| {
        let found = index.candidates(
            &shingled[f as usize],
            Some(f),
            opts.max_postings,
            opts.max_candidates,
        );
        found
            .into_iter()
            .filter(|c| !c.mutual || c.id > f)
            .filter_map(|c| link_of(classify(seq(f), seq(c.id), opts), f, c.id, words, opts))
            .collect()
    });
    links.extend(short_fragment_links(forms, prep, opts));
    links.sort_unstable();
    links.dedup();

    let mut uf = UnionFind::new(forms.len());
    let mut fragments: Vec<(u32, u32)> = Vec::new();
    for link in links {
        match link {
            Link::Strong(a, b) => {
                uf.union(a, b);
            }
            Link::Fragment(a, b) => fragments.push((a, b)),
        }
    }
    let mut long: Vec<bool> = (0..forms.len() as u32)
        .map(|f| words(f) >= opts.bridge_min_words)
        .collect();
    for f in 0..forms.len() as u32 {
        if long[f as usize] {
            let r = uf.find(f);
            long[r as usize] = true;
        }
    }
    // The shortest fragments only count where the longer version is printed in the same document.
    let same_doc = |f: u32, g: u32| {
        let docs_g: Vec<u32> = all
            .copies_of(&forms[g as usize])
            .iter()
            .map(|&c| prep.docs[c as usize])
            .collect();
        all.copies_of(&forms[f as usize])
            .iter()
            .any(|&c| docs_g.contains(&prep.docs[c as usize]))
    };
    fragments.retain(|&(f, g)| words(f) > opts.same_doc_max_words || same_doc(f, g));
    settle_fragments(&mut fragments, &mut uf, &mut long);
    let mut size = vec![0u32; forms.len()];
    for f in 0..forms.len() as u32 {
        size[uf.find(f) as usize] += 1;
    }
    let mut out = Vec::new();
    for f in 0..forms.len() as u32 {
        let r = uf.find(f);
        if r != f {
            out.push((forms[f as usize].quote, forms[r as usize].quote));
        }
        // Copies of a short text are merged only with the cluster they joined.
        if words(f) < opts.bridge_min_words && size[r as usize] >= 2 {
            out.extend(
                all.copies_of(&forms[f as usize])
                    .iter()
                    .map(|&c| (c, forms[f as usize].quote)),
            );
        }
    }
    out
}

/// Fragments shorter than a shingle: look their word runs up while scanning every form's runs.
fn short_fragment_links(forms: &[Form], prep: &Prepared, opts: &AlignOptions) -> Vec<Link> {
    let k = opts.shingle_words;
    let mut short: PremixedMap<Vec<u32>> = PremixedMap::default();
    for (f, form) in forms.iter().enumerate() {
        if (form.words as usize) < k {
            short
                .entry(hash_run(prep.seq(form.quote).tokens))
                .or_default()
                .push(f as u32);
        }
    }
    if short.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u32, u32)> = for_forms(forms.len(), |g| {
        let s = prep.seq(forms[g as usize].quote);
        let mut out = Vec::new();
        for r in segments(s) {
            let run = &s.tokens[r];
            for n in 1..k.min(run.len() + 1) {
                for w in run.windows(n) {
                    if let Some(fs) = short.get(&hash_run(w)) {
                        out.extend(
                            fs.iter()
                                .filter(|&&f| forms[f as usize].words < forms[g as usize].words)
                                .map(|&f| (f, g)),
                        );
                    }
                }
            }
        }
        out
    });
    found.sort_unstable();
    found.dedup();
    // A one- or two-word fragment found in very many versions is a common phrase, not evidence.
    let mut out = Vec::with_capacity(found.len());
    for group in found.chunk_by(|x, y| x.0 == y.0) {
        if group.len() <= opts.max_postings {
            out.extend(group.iter().map(|&(f, g)| Link::Fragment(f, g)));
        }
    }
    out
}

/// Join each short fragment to the cluster containing it when that is the only such cluster holding a long
/// version (`long[root]`); longer fragments (lower numbers: forms are numbered longest first) are settled
/// first.
fn settle_fragments(fragments: &mut [(u32, u32)], uf: &mut UnionFind, long: &mut [bool]) {
    fragments.sort_unstable();
    for group in fragments.chunk_by(|x, y| x.0 == y.0) {
        let f = group[0].0;
        let own = uf.find(f);
        let mut target = None;
        let mut unique = true;
        for &(_, g) in group {
            let r = uf.find(g);
            if r == own || target == Some(r) || !long[r as usize] {
                continue;
            }
            if target.is_some() {
                unique = false;
                break;
            }
            target = Some(r);
        }
        if let (true, Some(t)) = (unique, target) {
            uf.union(f, t);
            let r = uf.find(t);
            long[r as usize] = true;
        }
    }
}

/// Quotes with an unknown speaker: join the one cluster they link to (see the module docs).
fn link_unknown(forms: &Forms, prep: &Prepared, opts: &AlignOptions, uf: &mut UnionFind) {
    let unknown: Vec<&Form> = forms
        .list
        .iter()
        .filter(|f| f.speaker == NO_SPEAKER && f.words as usize >= opts.unknown_min_words)
        .collect();
    if unknown.is_empty() {
        return;
    }
    let k = opts.shingle_words;
    let shingled: Vec<Vec<u64>> = unknown
        .iter()
        .map(|f| shingles(prep.seq(f.quote), k))
        .collect();
    let index = ShingleIndex::new(&shingled);
    // Unknown with unknown: only close variants move together (nothing else vouches for one speaker).
    let mut group = UnionFind::new(unknown.len());
    let among: Vec<(u32, u32)> = for_forms(unknown.len(), |u| {
        let found = index.candidates(
            &shingled[u as usize],
            Some(u),
            opts.max_postings,
            opts.max_candidates,
        );
        let su = prep.seq(unknown[u as usize].quote);
        found
            .into_iter()
            .filter(|c| !c.mutual || c.id > u)
            .filter(|c| {
                let long = |f: &Form| f.words as usize >= opts.bridge_min_words;
                long(unknown[u as usize])
                    && long(unknown[c.id as usize])
                    && matches!(
                        classify(su, prep.seq(unknown[c.id as usize].quote), opts),
                        PairRelation::Identical | PairRelation::Variant(_)
                    )
            })
            .map(|c| (u, c.id))
            .collect()
    });
    for (a, b) in among {
        group.union(a, b);
    }
    let mut to_known = links_to_known(forms, &unknown, &index, prep, opts);
    // Settle the links group by group: a group joins the one cluster it links to.
    for link in to_known.iter_mut() {
        link.0 = group.find(link.0);
    }
    to_known.sort_unstable();
    let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
    for u in 0..unknown.len() as u32 {
        members.entry(group.find(u)).or_default().push(u);
    }
    let mut attached = vec![false; unknown.len()];
    for links in to_known.chunk_by(|x, y| x.0 == y.0) {
        let mut target = None;
        let mut unique = true;
        for &(_, q) in links {
            let r = uf.find(q);
            if target.is_some_and(|t| t != r) {
                unique = false;
                break;
            }
            target = Some(r);
        }
        if let (true, Some(t)) = (unique, target) {
            for &u in &members[&links[0].0] {
                forms.union_copies(unknown[u as usize], uf);
                uf.union(unknown[u as usize].quote, t);
                attached[u as usize] = true;
            }
        }
    }
    // Groups that did not attach stay together.
    for us in members.values().filter(|us| us.len() >= 2) {
        for &u in us {
            if !attached[u as usize] {
                forms.union_copies(unknown[u as usize], uf);
                uf.union(unknown[u as usize].quote, unknown[us[0] as usize].quote);
            }
        }
    }
}

/// Links (unknown form number, known quote) that line up most of the unknown quote with a known speaker's
/// version of at least `bridge_min_words` words.
fn links_to_known(
    forms: &Forms,
    unknown: &[&Form],
    index: &ShingleIndex,
    prep: &Prepared,
    opts: &AlignOptions,
) -> Vec<(u32, u32)> {
    let k = opts.shingle_words;
    // Unknown with known: links lining up most of the unknown quote count.
    let known: Vec<&Form> = forms
        .list
        .iter()
        .filter(|f| f.speaker != NO_SPEAKER && f.words as usize >= opts.bridge_min_words)
        .collect();
    // First the candidate pairs without aligning anything; each unknown quote keeps its best few.
    let mut pairs: Vec<(u32, u32, u32)> = for_forms(known.len(), |g| {
        let sg = prep.seq(known[g as usize].quote);
        index
            .candidates(
                &shingles(sg, k),
                None,
                opts.max_postings,
                opts.max_candidates,
            )
            .into_iter()
            .map(|c| (c.id, c.shared, g))
            .collect()
    });
    pairs.par_sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
    let kept: Vec<(u32, u32)> = pairs
        .chunk_by(|x, y| x.0 == y.0)
        .flat_map(|best| {
            best.iter()
                .take(UNKNOWN_CANDIDATES)
                .map(|&(u, _, g)| (u, g))
        })
        .collect();
    drop(pairs);
    kept.par_iter()
        .filter_map(|&(u, g)| {
            let su = prep.seq(unknown[u as usize].quote);
            let sg = prep.seq(known[g as usize].quote);
            match classify_cov(su, sg, opts) {
                (PairRelation::Unrelated(_), _) => None,
                (_, cover) if cover < UNKNOWN_MIN_COVER => None,
                _ => Some((u, known[g as usize].quote)),
            }
        })
        .collect()
}

/// Indirect quotes: join the cluster of the quote in marks they paraphrase best (see the module docs).
fn link_paraphrases(
    quotes: &[QuoteRef<'_>],
    speakers: &[u32],
    prep: &Prepared,
    opts: &AlignOptions,
    uf: &mut UnionFind,
) {
    use std::collections::HashSet;
    let n = quotes.len() as u32;
    let indirect: Vec<u32> = (0..n)
        .filter(|&i| prep.indirect[i as usize] && speakers[i as usize] != NO_SPEAKER)
        .collect();
    if indirect.is_empty() {
        return;
    }
    let wanted: HashSet<u32> = indirect.iter().map(|&i| speakers[i as usize]).collect();
    let marked: Vec<u32> = (0..n)
        .filter(|&i| !prep.indirect[i as usize] && wanted.contains(&speakers[i as usize]))
        .collect();
    if marked.is_empty() {
        return;
    }
    let content = |list: &[u32]| -> Vec<Vec<u32>> {
        list.par_iter()
            .map(|&i| paraphrase::content_words(quotes[i as usize].text))
            .collect()
    };
    let marked_words = content(&marked);
    let indirect_words = content(&indirect);
    let mut postings: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    for (k, words) in marked_words.iter().enumerate() {
        if words.len() < opts.paraphrase_min_words {
            continue;
        }
        let mut uniq = words.clone();
        uniq.sort_unstable();
        uniq.dedup();
        let sp = speakers[marked[k] as usize];
        for t in uniq {
            postings.entry((sp, t)).or_default().push(k as u32);
        }
    }
    // For each indirect quote, the matches found: (aligned words, share of its content words, quote in marks).
    let found: Vec<Vec<(usize, f32, u32)>> = (0..indirect.len())
        .into_par_iter()
        .map(|x| {
            let u = indirect[x] as usize;
            let words = &indirect_words[x];
            if words.len() < opts.paraphrase_min_words {
                return Vec::new();
            }
            let mut uniq = words.clone();
            uniq.sort_unstable();
            uniq.dedup();
            let mut shared: HashMap<u32, u32> = HashMap::new();
            for t in uniq {
                let Some(list) = postings.get(&(speakers[u], t)) else {
                    continue;
                };
                if list.len() > opts.max_postings {
                    continue; // a word this speaker always uses
                }
                for &k in list {
                    if prep.docs[marked[k as usize] as usize] != prep.docs[u] {
                        *shared.entry(k).or_default() += 1;
                    }
                }
            }
            let mut cands: Vec<(u32, u64, u32)> = shared
                .into_iter()
                .filter(|&(_, c)| c as usize >= opts.paraphrase_min_words)
                .map(|(k, c)| (c, prep.hash[marked[k as usize] as usize], k))
                .collect();
            cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            cands.truncate(opts.max_candidates);
            cands
                .into_iter()
                .filter_map(|(_, _, k)| {
                    let aligned = paraphrase::paraphrase(
                        words,
                        &marked_words[k as usize],
                        opts.paraphrase_min_words,
                        opts.paraphrase_min,
                    )?;
                    Some((
                        aligned,
                        aligned as f32 / words.len() as f32,
                        marked[k as usize],
                    ))
                })
                .collect()
        })
        .collect();
    // The best cluster of each; a tie between clusters leaves the quote apart. Indirect quotes only ever join
    // clusters of quotes in marks, so the roots found here do not move.
    for (x, matches) in found.into_iter().enumerate() {
        let mut best: Option<(usize, f32, u32)> = None;
        let mut tied = false;
        for (aligned, share, q) in matches {
            let r = uf.find(q);
            match best {
                None => best = Some((aligned, share, r)),
                Some((a, s, br)) => {
                    let ord = aligned.cmp(&a).then(share.total_cmp(&s));
                    if ord.is_gt() {
                        best = Some((aligned, share, r));
                        tied = false;
                    } else if ord.is_eq() && r != br {
                        tied = true;
                    }
                }
            }
        }
        if let (false, Some((_, _, r))) = (tied, best) {
            uf.union(indirect[x], r);
        }
    }
}

/// Number the clusters by first appearance and relate each quote to its cluster's longest version (in marks,
/// if the cluster holds a quote in marks).
fn memberships(
    quotes: &[QuoteRef<'_>],
    prep: &Prepared,
    opts: &AlignOptions,
    uf: &mut UnionFind,
) -> Vec<Membership> {
    let n = quotes.len();
    let roots: Vec<u32> = (0..n as u32).map(|i| uf.find(i)).collect();
    let mut cluster_of_root: HashMap<u32, u32> = HashMap::new();
    let mut cluster = Vec::with_capacity(n);
    let mut best: Vec<u32> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        let next = cluster_of_root.len() as u32;
        let c = *cluster_of_root.entry(r).or_insert(next);
        if c == next {
            best.push(i as u32);
        }
        let b = best[c as usize];
        let key = |q: u32| {
            (
                !prep.indirect[q as usize],
                prep.words(q),
                prep.chars[q as usize],
            )
        };
        if key(i as u32) > key(b) {
            best[c as usize] = i as u32;
        }
        cluster.push(c);
    }
    (0..n)
        .into_par_iter()
        .map(|i| {
            let c = cluster[i];
            let rep = best[c as usize];
            let (relation, score) = if rep == i as u32 {
                (Relation::Representative, 1.0)
            } else if prep.indirect[i] {
                let words = paraphrase::content_words(quotes[i].text);
                let with = paraphrase::content_words(quotes[rep as usize].text);
                let aligned = paraphrase::aligned(&words, &with);
                (
                    Relation::Paraphrase,
                    aligned as f32 / words.len().max(1) as f32,
                )
            } else {
                let (rel, cover) = classify_cov(prep.seq(i as u32), prep.seq(rep), opts);
                match rel {
                    PairRelation::Identical => (Relation::Identical, 1.0),
                    PairRelation::FirstInSecond(_) => (Relation::Fragment, cover),
                    PairRelation::Variant(_) => (Relation::CloseVariant, cover),
                    PairRelation::SecondInFirst(_)
                    | PairRelation::Overlap(_)
                    | PairRelation::Unrelated(_) => (Relation::Overlapping, cover),
                }
            };
            Membership {
                cluster: c,
                relation,
                score,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
