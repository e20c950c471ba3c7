//! Gazetteers: entities with aliases, and exact whole-word matching of those aliases in text.
//!
//! A [`Gazetteer`] is built from [`Entry`]s (id, name, label, aliases, priority, attributes) and
//! [`Options`]. [`Gazetteer::find_str`] returns the entity mentions of a text with these semantics:
//!
//! - **Whole words.** A match `[s, e)` never starts or ends inside a word: `s == 0` or `text[s-1]` or
//!   `text[s]` is not a word char, and `e == len` or `text[e]` or `text[e-1]` is not a word char. Word chars
//!   are Unicode L*, M*, N* and `_` ([`crate::text::is_word_char`]). "Russia" matches in "Russia’s",
//!   "Russian" in "Russian-held", "Kyiv" not inside "Kyivstar".
//! - **Leftmost-longest, exact.** By default matches do not overlap: the leftmost start with any valid
//!   (whole-word) match wins, then its longest valid end. Validity is checked before choosing, so with aliases
//!   "Guinea" and "Guinea-Bissau", "Guinea" is found in "Guinea-Bissauan officials" (a leftmost-longest-
//!   then-filter matcher picks "Guinea-Bissau", drops it as it ends inside a word, and loses "Guinea"). With
//!   `overlapping = true` every valid `[s, e)` is returned, ordered by start then end.
//! - **Case.** [`CaseMode::Smart`] (default): an alias written all in capitals or containing a digit ("US",
//!   "FSB", "S-400", "U.S.") matches case-sensitively, any other case-insensitively with full Unicode case
//!   folding (Python `str.casefold`: "Straße" = "STRASSE", "ﬁnal" = "final"). Also
//!   [`CaseMode::Insensitive`] and [`CaseMode::Sensitive`]; an alias may override the gazetteer's mode.
//! - **Normalisation** of alias and text alike ([`crate::text::Normalizer`]): apostrophes `’ ' ʼ` are equal,
//!   hyphens and dashes `- ‐ ‑ ‒ – — ― −` are equal, any run of white space (a line break too) equals one
//!   space; [`AccentMode::Fold`] also makes "Zürich" = "Zurich". Aliases are trimmed.
//! - **Ambiguity.** One alias may belong to several entries: a match carries every candidate, ranked by
//!   priority (higher first; ties in entry order); [`Match::entry`] is the top one.
//! - **Context aliases** ([`Alias::context`]): for common words and name parts ("Reading", "Price"): the match
//!   is kept only if it starts with a capital, is not sentence-initial (the previous non-space char, skipping
//!   quotes and opening brackets, is not `.`, `!`, `?` or `…`, and no line break or text start comes first),
//!   and is not next to another capitalised word across white space (so "Price" in "Ned Price" is not taken).
//!
//! ```
//! use saidwho::gazetteer::{Entry, Gazetteer, Options};
//! let gaz = Gazetteer::new(
//!     vec![
//!         Entry::new("kyiv", "Kyiv", "GPE", &["Kiev"]),
//!         Entry::new("us", "United States", "GPE", &["US", "U.S."]),
//!     ],
//!     Options::default(),
//! )
//! .unwrap();
//! let text = "In KYIV, not Kyivstar, U.S. officials said us.";
//! let found: Vec<(&str, &str)> = gaz
//!     .find_str(text, false)
//!     .iter()
//!     .map(|m| (&text[m.start..m.end], gaz.entry(m.entry).id))
//!     .collect();
//! assert_eq!(found, [("KYIV", "kyiv"), ("U.S.", "us")]);
//! ```
mod build;
mod first;
mod ids;
mod persist;
mod search;
mod store;
mod table;
pub mod trie;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::Normalizer;
pub use persist::FORMAT_VERSION;
pub use store::{AliasRef, EntryRef};
pub use table::{read_table, TableOptions};

/// A fast non-cryptographic hasher for id maps (FxHash-style multiply-rotate, murmur3 finish).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
    #[inline]
    fn finish(&self) -> u64 {
        // murmur3's fmix64: spread the high bits of the multiply into the low bits the table indexes by.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A HashMap with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// How aliases compare with the text's case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum CaseMode {
    /// All-capitals aliases and aliases with a digit are case-sensitive, the others insensitive.
    #[default]
    Smart,
    /// Full Unicode case folding (Python `str.casefold`).
    Insensitive,
    /// Exact case.
    Sensitive,
}

impl CaseMode {
    /// Parse `"smart"`, `"insensitive"` or `"sensitive"`.
    pub fn parse(s: &str) -> Result<CaseMode> {
        match s {
            "smart" => Ok(CaseMode::Smart),
            "insensitive" => Ok(CaseMode::Insensitive),
            "sensitive" => Ok(CaseMode::Sensitive),
            _ => Err(Error::InvalidArgument(format!(
                "case must be 'smart', 'insensitive' or 'sensitive', not {s:?}"
            ))),
        }
    }
    /// The option's name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseMode::Smart => "smart",
            CaseMode::Insensitive => "insensitive",
            CaseMode::Sensitive => "sensitive",
        }
    }
    /// Whether `alias` compares case-sensitively under this mode.
    ///
    /// ```
    /// use saidwho::gazetteer::CaseMode;
    /// assert!(CaseMode::Smart.is_sensitive_for("US") && CaseMode::Smart.is_sensitive_for("S-400"));
    /// assert!(!CaseMode::Smart.is_sensitive_for("Kyiv"));
    /// ```
    pub fn is_sensitive_for(self, alias: &str) -> bool {
        match self {
            CaseMode::Sensitive => true,
            CaseMode::Insensitive => false,
            CaseMode::Smart => crate::text::is_all_caps(alias) || crate::text::has_digit(alias),
        }
    }
}

/// Whether accents are folded ("Zürich" = "Zurich").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum AccentMode {
    /// Accents must match.
    #[default]
    Keep,
    /// NFD, then drop non-spacing marks, on both sides.
    Fold,
}

impl AccentMode {
    /// Parse `"keep"` or `"fold"`.
    pub fn parse(s: &str) -> Result<AccentMode> {
        match s {
            "keep" => Ok(AccentMode::Keep),
            "fold" => Ok(AccentMode::Fold),
            _ => Err(Error::InvalidArgument(format!(
                "accents must be 'keep' or 'fold', not {s:?}"
            ))),
        }
    }
    /// The option's name.
    pub fn as_str(self) -> &'static str {
        match self {
            AccentMode::Keep => "keep",
            AccentMode::Fold => "fold",
        }
    }
}

/// Gazetteer-wide matching options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Options {
    /// Default case mode of the aliases.
    pub case: CaseMode,
    /// Accent folding.
    pub accents: AccentMode,
}

/// One alias of an entry, with its own options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    /// The alias as written (trimmed when the gazetteer is built).
    pub text: String,
    /// Overrides the gazetteer's case mode for this alias.
    pub case: Option<CaseMode>,
    /// A common word or name part: keep a match only in a proper-name context (see the module docs).
    pub context: bool,
}

impl Alias {
    /// A plain alias.
    pub fn new(text: impl Into<String>) -> Alias {
        Alias {
            text: text.into(),
            case: None,
            context: false,
        }
    }
}

/// One entity of a gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique id.
    pub id: String,
    /// Canonical name; always an alias too (unless an alias of the same text gives options).
    pub name: String,
    /// Free label: PERSON, GPE, ORG...
    pub label: String,
    /// Aliases, without duplicates, the name first unless listed elsewhere.
    pub aliases: Vec<Alias>,
    /// Rank among the candidates of an ambiguous alias (higher first).
    pub priority: f64,
    /// Free attributes.
    pub attrs: serde_json::Map<String, serde_json::Value>,
}

impl Entry {
    /// An entry with plain aliases, priority 0 and no attributes.
    pub fn new(id: &str, name: &str, label: &str, aliases: &[&str]) -> Entry {
        Entry {
            id: id.to_string(),
            name: name.to_string(),
            label: label.to_string(),
            aliases: aliases.iter().map(|a| Alias::new(*a)).collect(),
            priority: 0.0,
            attrs: serde_json::Map::new(),
        }
    }
}

/// One candidate entity of a terminal (a normalised key).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub entry: u32,
    pub alias: u32,
    /// Index into `exact_keys` if the candidate is case-sensitive under a folding trie, else NONE.
    pub exact: u32,
    pub context: bool,
}

/// A mention found in a text. Offsets are in the text's code units: bytes for [`Gazetteer::find_str`],
/// code points for Python strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Start offset (inclusive).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Index of the top candidate entry ([`Gazetteer::entry`]).
    pub entry: u32,
    /// Index of the top candidate (entry + alias).
    pub(crate) cand: u32,
    /// The terminal hit.
    pub(crate) term: u32,
    /// The candidates that passed their checks, when not all of the terminal's did.
    pub(crate) subset: Option<Box<[u32]>>,
}

impl Match {
    /// Every candidate entry, best first (priority, then entry order), each once.
    pub fn candidates(&self, gaz: &Gazetteer) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for ci in gaz.match_cands(self) {
            let e = gaz.cands[ci as usize].entry;
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    /// The index (in its entry's aliases) of the top candidate's alias.
    pub fn alias_index(&self, gaz: &Gazetteer) -> u32 {
        gaz.cands[self.cand as usize].alias
    }

    /// The alias (as written in the gazetteer) of the top candidate that matched.
    pub fn alias<'g>(&self, gaz: &'g Gazetteer) -> &'g str {
        let c = gaz.cands[self.cand as usize];
        gaz.entries.alias(c.entry, c.alias).text
    }
}

/// An immutable compiled gazetteer. See the module docs for the matching semantics.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// The entries, interned in one string table.
    entries: store::EntryStore,
    options: Options,
    by_id: ids::IdIndex,
    n_aliases: usize,
    trie: trie::Trie,
    /// Normaliser of the trie's keys (folds case if any alias is case-insensitive).
    norm: Normalizer,
    /// Normaliser of case-sensitive verification (never folds case).
    exact_norm: Normalizer,
    /// Candidates of terminal `t`: `cands[term_start[t]..term_start[t+1]]`.
    term_start: Vec<u32>,
    /// Whether terminal `t` has a candidate with a check (case verification or context).
    term_checked: Vec<bool>,
    cands: Vec<Cand>,
    exact_keys: Vec<Box<[u8]>>,
    /// Whether some key starts with a byte of a non-word char (so non-word chars may start a match).
    ascii_start: [bool; 128],
    /// The first words of the keys and their trie nodes: the filter in front of walks at word starts.
    first: first::FirstWords,
}

impl Gazetteer {
    /// Build a gazetteer. Entries with the same id merge (the first one's name, label and priority win;
    /// aliases and attributes are united). Aliases are trimmed; an empty alias, an entry without id, or
    /// without name and aliases, or a NaN priority is an [`Error::GazetteerInput`].
    pub fn new(entries: Vec<Entry>, options: Options) -> Result<Gazetteer> {
        build::build(entries, options)
    }

    /// The entries, in gazetteer order (borrowed views of the interned entries).
    pub fn entries(&self) -> impl ExactSizeIterator<Item = EntryRef<'_>> + '_ {
        (0..self.entries.len() as u32).map(|i| self.entries.get(i))
    }

    /// Owned copies of the entries, in gazetteer order.
    pub fn to_entries(&self) -> Vec<Entry> {
        self.entries().map(|e| e.to_entry()).collect()
    }

    /// Entry `i` (panics if out of range).
    #[inline]
    pub fn entry(&self, i: u32) -> EntryRef<'_> {
        self.entries.get(i)
    }

    /// The id of entry `i` (panics if out of range).
    #[inline]
    pub fn entry_id(&self, i: u32) -> &str {
        self.entries.id(i)
    }

    /// The index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id, &self.entries)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    /// Number of (entry, alias) pairs.
    pub fn n_aliases(&self) -> usize {
        self.n_aliases
    }

    /// The options.
    pub fn options(&self) -> Options {
        self.options
    }

    /// Approximate heap size of the interned entries (string table and records), in bytes.
    pub fn entries_bytes(&self) -> usize {
        self.entries.heap_bytes()
    }

    /// Approximate heap size of the compiled matcher (trie and candidates), in bytes.
    pub fn matcher_bytes(&self) -> usize {
        self.trie.heap_bytes()
            + self.term_start.len() * 4
            + self.term_checked.len()
            + self.cands.len() * std::mem::size_of::<Cand>()
            + self.exact_keys.iter().map(|k| k.len() + 16).sum::<usize>()
            + self.first.heap_bytes()
    }

    /// A new gazetteer with more entries (same ids merge into the existing entries).
    pub fn extend(&self, entries: Vec<Entry>) -> Result<Gazetteer> {
        let mut all = self.to_entries();
        all.extend(entries);
        Gazetteer::new(all, self.options)
    }

    /// Find the mentions in a `&str`, with byte offsets. See the module docs for the semantics.
    pub fn find_str(&self, text: &str, overlapping: bool) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_in(text, overlapping, |m| out.push(m));
        out
    }

    /// The candidate indices of a match, best first.
    pub(crate) fn match_cands<'a>(&'a self, m: &'a Match) -> impl Iterator<Item = u32> + 'a {
        let (a, b) = (
            self.term_start[m.term as usize],
            self.term_start[m.term as usize + 1],
        );
        let all: &[u32] = &[];
        let (range, subset) = match &m.subset {
            Some(s) => (0..0, &s[..]),
            None => (a..b, all),
        };
        range.chain(subset.iter().copied())
    }
}
