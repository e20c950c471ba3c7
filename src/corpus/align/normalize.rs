//! The normalised view of a quote used for alignment: a sequence of word tokens (hashed), plus the places where
//! the quote marks an elision with an ellipsis.
//!
//! Normalisation is compatibility decomposition (NFKD, so `…` becomes `...` and `ﬁ` becomes `fi`), removal of
//! accents on Latin, Greek and Cyrillic letters, lower-casing, and splitting into maximal runs of word
//! characters (Unicode L*, M*, N* and `_`), an apostrophe inside a word belonging to it (“don’t”). Everything
//! else (punctuation, quote marks, dashes, spaces) only separates words. An ellipsis (`…`, `...`, `. . .`, also inside brackets like `[…]`) between two words is kept
//! as a *gap*: the words of another version that fall into it are excused when two versions are compared.
//!
//! ```
//! use saidwho::corpus::align::normalized_words;
//! let (words, gaps) = normalized_words("“…the situation in Donetsk and Luhansk ... is ‘extremely’ DIFFICULT,”");
//! assert_eq!(words, ["the", "situation", "in", "donetsk", "and", "luhansk", "is", "extremely", "difficult"]);
//! assert_eq!(gaps, [6]); // an ellipsis stands before word 6 ("is"); the leading one is not a gap
//! ```
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A quote reduced to what alignment compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Normalized {
    /// 32-bit hashes of the normalised words, in order.
    pub tokens: Vec<u32>,
    /// Word indices `i` (`0 < i < tokens.len()`) such that an ellipsis stands between word `i - 1` and word `i`.
    pub gaps: Vec<u32>,
    /// A 64-bit hash of the whole normalised word sequence: equal hashes mean identical normalised text.
    pub text_hash: u64,
    /// Length of the original text in characters (code points); breaks ties when choosing the longest version.
    pub chars: u32,
}

/// The normalised words of `text` and the word indices preceded by an ellipsis (see the module docs).
pub fn normalized_words(text: &str) -> (Vec<String>, Vec<usize>) {
    let mut words = Vec::new();
    let mut gaps = Vec::new();
    scan(text, |event| match event {
        Event::Word(w) => words.push(w.to_string()),
        Event::Gap => gaps.push(words.len()),
    });
    (words, gaps)
}

/// Normalise one quote text.
pub(crate) fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    let mut text_hash: u64 = 0x243f_6a88_85a3_08d3;
    scan(text, |event| match event {
        Event::Word(w) => {
            let h = hash_bytes(w.as_bytes());
            text_hash = mix64(text_hash.rotate_left(29) ^ h);
            out.tokens.push((h >> 32) as u32 ^ h as u32);
        }
        Event::Gap => out.gaps.push(out.tokens.len() as u32),
    });
    out.text_hash = mix64(text_hash ^ out.tokens.len() as u64);
    out.chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
    out
}

enum Event<'a> {
    Word(&'a str),
    Gap,
}

/// True for the characters words are made of (letters, marks, numbers, `_`).
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    crate::text::is_word_char(c) || is_combining_mark(c)
}

/// Apostrophes (straight, right single quote, modifier letter).
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Letters whose accents are dropped (Latin, IPA, Greek, Cyrillic): `é` → `e`, `İ` → `i`, `ё` → `е`.
fn folds_accents(base: char) -> bool {
    (base as u32) < 0x0250
        || (0x0370..0x0530).contains(&(base as u32))
        || (0x1E00..0x2000).contains(&(base as u32))
}

/// Walk `text` in normalised form, reporting words and interior ellipses in order.
fn scan(text: &str, mut emit: impl FnMut(Event<'_>)) {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    if text.is_ascii() {
        chars.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        let mut last_base = ' ';
        for c in text.nfkd() {
            if is_combining_mark(c) && folds_accents(last_base) {
                continue;
            }
            if !is_combining_mark(c) {
                last_base = c;
            }
            match c {
                'ς' => chars.push('σ'),
                '⋯' | '…' => chars.extend(['.', '.', '.']),
                _ => chars.extend(c.to_lowercase()),
            }
        }
    }
    let mut word = String::new();
    let mut seen_word = false;
    let mut pending_gap = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // An apostrophe inside a word belongs to it: “don’t” and “People's” are one word each.
        if is_apostrophe(c)
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|&next| is_word(next))
        {
            word.push('\'');
            i += 1;
            continue;
        }
        if is_word(c) {
            if word.is_empty() && pending_gap && seen_word {
                emit(Event::Gap);
            }
            pending_gap = false;
            word.push(c);
            i += 1;
            continue;
        }
        if !word.is_empty() {
            emit(Event::Word(&word));
            word.clear();
            seen_word = true;
        }
        if c == '.' {
            let (dots, next) = count_dots(&chars, i);
            if dots >= 3 || (dots == 2 && chars[i + 1] == '.') {
                pending_gap = true;
            }
            i = next;
            continue;
        }
        i += 1;
    }
    if !word.is_empty() {
        emit(Event::Word(&word));
    }
}

/// Count the dots of a run starting at `chars[i] == '.'`, allowing single spaces between dots (`. . .`).
/// Returns the number of dots and the index just past the run.
fn count_dots(chars: &[char], mut i: usize) -> (usize, usize) {
    let mut dots = 0;
    while i < chars.len() {
        if chars[i] == '.' {
            dots += 1;
            i += 1;
        } else if chars[i] == ' ' && chars.get(i + 1) == Some(&'.') {
            i += 1;
        } else {
            break;
        }
    }
    (dots, i)
}

/// 64-bit FNV-1a over bytes, finished with [`mix64`].
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(h)
}

/// The SplitMix64 finaliser: a bijective mix of 64 bits.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a run of word hashes (a shingle or a short whole quote); the run length is part of the hash.
pub(crate) fn hash_run(tokens: &[u32]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ tokens.len() as u64;
    for &t in tokens {
        h = mix64(h ^ t as u64);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        normalized_words(text).0
    }

    #[test]
    fn case_punctuation_and_quote_marks_do_not_matter() {
        assert_eq!(
            words("“Ukraine is PROUD of you!”"),
            words("ukraine, is proud of... you")
        );
        assert_eq!(words("what’s ours, don't"), ["what's", "ours", "don't"]);
        assert_eq!(
            words("'quoted' rock 'n' roll’"),
            ["quoted", "rock", "n", "roll"]
        );
        assert_eq!(words("next-door neighbour"), words("next door neighbour"));
        assert_eq!(
            normalize("Extremely difficult,").text_hash,
            normalize("“extremely difficult”").text_hash
        );
        assert_ne!(
            normalize("extremely difficult").text_hash,
            normalize("difficult extremely").text_hash
        );
    }

    #[test]
    fn accents_and_compatibility_forms_fold() {
        assert_eq!(
            words("Zelenskíy’s ﬁrst İstanbul ＡＢＣ"),
            ["zelenskiy's", "first", "istanbul", "abc"]
        );
        assert_eq!(words("Ёлка ΟΔΟΣ"), ["елка", "οδοσ"]);
        // Marks that are part of a script's spelling stay inside the word.
        assert_eq!(words("हिन्दी भाषा"), ["हिन्दी", "भाषा"]);
    }

    #[test]
    fn ellipses_become_gaps_between_words_only() {
        for text in [
            "a b … c",
            "a b ... c",
            "a b . . . c",
            "a b [...] c",
            "a b…c",
            "a b .. c",
        ] {
            let (w, g) = normalized_words(text);
            assert_eq!((w.len(), g.as_slice()), (3, &[2][..]), "{text}");
        }
        assert_eq!(normalized_words("…a b…").1, Vec::<usize>::new());
        assert_eq!(normalized_words("a. b. c").1, Vec::<usize>::new()); // sentence ends are not ellipses
        assert_eq!(normalized_words("a … … b").1, [1]);
        assert_eq!(normize_empty(), (0, 0));
    }

    fn normize_empty() -> (usize, usize) {
        let n = normalize(" … — “ ” ");
        (n.tokens.len(), n.gaps.len())
    }

    #[test]
    fn hashes_separate_words() {
        let n = normalize("ab a b");
        assert_ne!(n.tokens[0], n.tokens[1]);
        assert_ne!(hash_run(&[1, 2]), hash_run(&[2, 1]));
        assert_ne!(hash_run(&[1]), hash_run(&[1, 1]));
    }
}
