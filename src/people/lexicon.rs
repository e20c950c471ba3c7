//! Word classes: one lookup from a lower-cased word to a bit set of classes, built once from two hand-written
//! data files embedded in the crate: `lexicon.tsv` (honorifics, titles, organisation words, given names…) and
//! `words.tsv` (pronouns, determiners, prepositions, adverbs… used by quote attribution).
//!
//! ```
//! use saidwho::people::lexicon::{classes, HON_M, TITLE, PRON_F};
//! assert!(classes("Mr") & HON_M != 0);
//! assert!(classes("president") & TITLE != 0);
//! assert!(classes("She") & PRON_F != 0);
//! assert_eq!(classes("Zelenskiy"), 0);
//! ```
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::wordtable::WordTable;

pub const PRON_M: u32 = 1 << 0;
pub const PRON_F: u32 = 1 << 1;
pub const PRON_PL: u32 = 1 << 2;
pub const PRON_X: u32 = 1 << 3;
pub const DET: u32 = 1 << 4;
pub const PREP: u32 = 1 << 5;
pub const CONJ: u32 = 1 << 6;
pub const SUB: u32 = 1 << 7;
pub const AUX: u32 = 1 << 8;
pub const NEG: u32 = 1 << 9;
pub const ADV: u32 = 1 << 10;
pub const TIME: u32 = 1 << 11;
pub const PERSON_NOUN: u32 = 1 << 12;
pub const HON_M: u32 = 1 << 13;
pub const HON_F: u32 = 1 << 14;
pub const HON_X: u32 = 1 << 15;
pub const TITLE: u32 = 1 << 16;
pub const TITLE_M: u32 = 1 << 17;
pub const TITLE_F: u32 = 1 << 18;
pub const COMPLEMENT: u32 = 1 << 19;
pub const ORG: u32 = 1 << 20;
pub const NONNAME: u32 = 1 << 21;
pub const FIRST_M: u32 = 1 << 22;
pub const FIRST_F: u32 = 1 << 23;
pub const SAY: u32 = 1 << 24;
pub const SPEECH_NOUN: u32 = 1 << 25;
pub const POSS_DET: u32 = 1 << 26;

/// Any subject pronoun.
pub const PRONOUN: u32 = PRON_M | PRON_F | PRON_PL | PRON_X;
/// Any honorific ("Mr", "Ms", "Dr").
pub const HONORIFIC: u32 = HON_M | HON_F | HON_X;
/// Any job title ("President", "spokeswoman").
pub const ANY_TITLE: u32 = TITLE | TITLE_M | TITLE_F;
/// A given name whose gender is known.
pub const FIRST_NAME: u32 = FIRST_M | FIRST_F;

const PEOPLE_TSV: &str = include_str!("lexicon.tsv");
const WORDS_TSV: &str = include_str!("words.tsv");

fn class_bit(name: &str) -> u32 {
    match name {
        "pron-m" => PRON_M,
        "pron-f" => PRON_F,
        "pron-pl" => PRON_PL,
        "pron-x" => PRON_X,
        "det" => DET,
        "prep" => PREP,
        "conj" => CONJ,
        "sub" => SUB,
        "aux" => AUX,
        "neg" => NEG,
        "adv" => ADV,
        "time" => TIME,
        "person-noun" => PERSON_NOUN,
        "honorific-m" => HON_M,
        "honorific-f" => HON_F,
        "honorific-x" => HON_X,
        "title" => TITLE,
        "title-m" => TITLE_M | TITLE,
        "title-f" => TITLE_F | TITLE,
        "complement" => COMPLEMENT,
        "org" => ORG,
        "nonname" => NONNAME,
        "first-m" => FIRST_M,
        "first-f" => FIRST_F,
        "say" => SAY,
        "speech-noun" => SPEECH_NOUN,
        "poss-det" => POSS_DET,
        _ => 0,
    }
}

/// FNV-1a: the keys are short words; std's SipHash costs more than the lookup itself.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

static LEXICON: LazyLock<WordTable<u32>> =
    LazyLock::new(|| WordTable::build(entries().iter().copied()));

/// Every word of the two data files with its class bits, in file order.
pub(crate) fn entries() -> &'static [(&'static [u8], u32)] {
    &ENTRIES
}

static ENTRIES: LazyLock<Vec<(&'static [u8], u32)>> = LazyLock::new(|| {
    let mut map: FnvMap<&'static [u8], u32> = FnvMap::default();
    let mut order: Vec<&'static [u8]> = Vec::new();
    for tsv in [PEOPLE_TSV, WORDS_TSV] {
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            if let (Some(word), Some(class)) = (parts.next(), parts.next()) {
                let e = map.entry(word.as_bytes()).or_insert_with(|| {
                    order.push(word.as_bytes());
                    0
                });
                *e |= class_bit(class.trim());
            }
        }
    }
    order.into_iter().map(|w| (w, map[w])).collect()
});

/// Class bits of a word (any case; "’" counts as "'"). 0 for unknown words.
#[inline]
pub fn classes(word: &str) -> u32 {
    let bytes = word.as_bytes();
    // ASCII words (nearly all) are looked up as they are; the table folds ASCII case itself.
    if bytes.is_ascii() {
        return LEXICON.get_ci(bytes).copied().unwrap_or(0);
    }
    if word.len() > 64 {
        return 0;
    }
    let lower = word.to_lowercase().replace('’', "'");
    LEXICON.get_ci(lower.as_bytes()).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_data_files_has_a_known_class() {
        for tsv in [PEOPLE_TSV, WORDS_TSV] {
            for line in tsv
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let (word, class) = line.split_once('\t').expect("word<TAB>class");
                assert_ne!(class_bit(class), 0, "unknown class in line {line:?}");
                assert_eq!(word, word.to_lowercase(), "words are lower-case: {line:?}");
            }
        }
    }

    #[test]
    fn classes_combine_and_ignore_case() {
        assert!(classes("GENERAL") & TITLE != 0 && classes("general") & COMPLEMENT != 0);
        assert!(classes("Ms") & HON_F != 0 && classes("Mrs.") & HON_F != 0);
        assert!(classes("Volodymyr") & FIRST_M != 0 && classes("Hillary") & FIRST_F != 0);
        assert!(classes("the") & DET != 0 && classes("The") & NONNAME != 0);
        assert_eq!(classes("Ж") & DET, 0);
    }
}
