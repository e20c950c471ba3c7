//! People: person mentions found in the text itself, clustered per document.
//!
//! A mention is a capitalised name with what tells it is a person: an honorific ("Mr Zelenskiy"), a job title
//! before it ("President Vladimir Putin", "spokesperson Ned Price", "Lieutenant General Serhiy Nayev"), a known
//! given name ("Antonio Guterres"), an age apposition ("Cory James, 22,"), or a gazetteer entity labelled PERSON.
//! Words of organisations and places ("Department", "Kremlin", "Nations") and a determiner before the name ("the
//! Kremlin") say it is not a person. The mention span holds the honorific but not the title: "Mr Zelenskiy",
//! "Vladimir Putin".
//!
//! Mentions are clustered per document: a full name opens a person, and a later surname or given name alone
//! ("Zelenskiy", "Mr Zelenskiy") joins the person with that name mentioned most recently. Each person gets a name
//! (its longest written form), an id (the gazetteer id, or the name in lower case with `_` for non-word runs) and
//! a gender when an honorific, a gendered title or a given name tells it.
//!
//! ```
//! use saidwho::people::{find_people, Gender};
//! let text = "Ukrainian president Volodymyr Zelenskiy met troops. Mr Zelenskiy said they would hold. \
//!             Zelenskiy left.";
//! let people = find_people(text, &[]);
//! assert_eq!(people.persons.len(), 1);
//! let p = &people.persons[0];
//! assert_eq!((p.id.as_str(), p.name.as_str(), p.gender), ("volodymyr_zelenskiy", "Volodymyr Zelenskiy", Gender::Male));
//! let spans: Vec<&str> = p.mentions.iter().map(|r| &text[r.clone()]).collect();
//! assert_eq!(spans, ["Volodymyr Zelenskiy", "Mr Zelenskiy", "Zelenskiy"]);
//! ```
pub mod lexicon;
pub(crate) mod tokens;
pub(crate) mod wordtable;

use std::ops::Range;

use crate::document::DocTokens;
use lexicon::FnvMap;
use lexicon::*;
use tokens::{tokenize_limited, word_classes, Kind, Tok, ALLCAPS};

use crate::text::segment::paragraphs;
use std::borrow::Cow;

/// An entity mention from an earlier stage (the gazetteer), in byte offsets of the text. Its strings borrow
/// from the gazetteer that found it (no copy per mention), or are owned (mentions given from Python):
///
/// ```
/// use saidwho::people::EntityMention;
/// let m = EntityMention { start: 0, end: 5, id: "putin".into(), name: "Vladimir Putin".into(), label: "PERSON".into() };
/// assert!(m.is_person() && m.id == "putin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention<'a> {
    pub start: usize,
    pub end: usize,
    /// The entity's id ("vladimir_putin").
    pub id: Cow<'a, str>,
    /// The entity's canonical name ("Vladimir Putin").
    pub name: Cow<'a, str>,
    /// The entity's type ("PERSON", "GPE", "ORG"…).
    pub label: Cow<'a, str>,
}

impl EntityMention<'_> {
    /// True when the label says a person ("PERSON", "PER", any case).
    pub fn is_person(&self) -> bool {
        self.label.eq_ignore_ascii_case("person") || self.label.eq_ignore_ascii_case("per")
    }
}

/// A person's gender, when the text tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Unknown => "unknown",
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// One person of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The gazetteer id, or the name lower-cased with runs of non-word characters as `_`.
    pub id: String,
    /// The longest form of the name written in the text (without honorific or title).
    pub name: String,
    pub gender: Gender,
    /// Byte spans of the mentions, in text order.
    pub mentions: Vec<Range<usize>>,
    /// False for a name seen only as the subject of a reporting verb ("Lukashenko has said"), which may be a
    /// person or an organisation or place ("Ukraine says"); such entries help resolve speakers but are not listed
    /// as people.
    pub confident: bool,
}

/// One mention: its span and its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

/// The people of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    pub persons: Vec<Person>,
    /// Every mention, sorted by start.
    pub mentions: Vec<PersonMention>,
}

impl People {
    /// The person mentioned by a span overlapping `start..end` (the last such mention).
    pub fn person_at(&self, start: usize, end: usize) -> Option<usize> {
        self.mention_at(start, end).map(|m| m.person)
    }

    /// The last mention overlapping `start..end` (binary search; mentions are sorted and short).
    pub fn mention_at(&self, start: usize, end: usize) -> Option<&PersonMention> {
        let i = self.mentions.partition_point(|m| m.start < end);
        self.mentions[..i]
            .iter()
            .rev()
            .take(8)
            .find(|m| m.end > start)
    }

    /// The person a pronoun of gender `gender` at byte `pos` most likely refers to: the closest preceding
    /// mention of a confident person of a compatible gender (an unknown gender is compatible) that `skip` does
    /// not exclude (e.g. mentions inside quotations). Looks back over at most 200 mentions.
    pub fn antecedent(
        &self,
        pos: usize,
        gender: Gender,
        skip: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.start < pos);
        let mut fallback = None;
        for m in self.mentions[..i].iter().rev().take(200) {
            if m.end > pos || skip(m.start) {
                continue;
            }
            let p = &self.persons[m.person];
            let ok = gender == Gender::Unknown || p.gender == Gender::Unknown || p.gender == gender;
            if !ok {
                continue;
            }
            if p.confident {
                return Some(m.person);
            }
            fallback = fallback.or(Some(m.person));
        }
        fallback
    }

    /// Persons the text is confident about, with their index.
    pub fn confident(&self) -> impl Iterator<Item = (usize, &Person)> {
        self.persons.iter().enumerate().filter(|(_, p)| p.confident)
    }

    /// The names the text uses for its people, each with its person: the text of every mention of a person the
    /// text is confident about ("Abraham Lincoln", and "Lincoln" where no gazetteer entry claimed it, as in
    /// "Lincoln led the United States", sentence-initial). A gazetteer place or organisation written like one of
    /// them in that document is that person (not Lincoln, Nebraska): one name, one sense per document. Built once
    /// per document (one pass over the mentions).
    pub(crate) fn called<'t>(&self, text: &'t str) -> FnvMap<&'t str, usize> {
        let mut out = FnvMap::default();
        for m in &self.mentions {
            if self.persons[m.person].confident {
                if let Some(name) = text.get(m.start..m.end) {
                    out.entry(name).or_insert(m.person);
                }
            }
        }
        out
    }
}

/// Lower-case `name` with runs of non-word characters replaced by `_`: "Vladimir Putin" → "vladimir_putin".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        let mut sep = false;
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                if sep && !out.is_empty() {
                    out.push('_');
                }
                sep = false;
                out.push(b.to_ascii_lowercase() as char);
            } else {
                sep = true;
            }
        }
        return out;
    }
    let mut sep = false;
    for c in name.chars() {
        if crate::text::is_word_char(c) {
            if sep && !out.is_empty() {
                out.push('_');
            }
            sep = false;
            out.extend(c.to_lowercase());
        } else {
            sep = true;
        }
    }
    out
}

/// Lower-case particles that may stand inside a name ("Charles de Gaulle", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "da", "di", "du", "la",
    "le", "ter", "dos",
];

/// Suffixes that end a name and are left out of its key ("Jr.", "III").
fn is_suffix(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV")
}

/// A name candidate found in the text.
struct Cand {
    /// Mention span (with honorific, without title).
    start: usize,
    end: usize,
    /// Byte spans of the name's own words (no honorific, initials kept).
    words: Words,
    gender: Gender,
    strong: bool,
    speaker: bool,
    /// Written in a Title-Case line (a headline): its capitalised run may hold verbs ("Smith Wins Seat").
    headline: bool,
    /// A one-word name an attribution gives as its speaker ("Doe said"): confirms a two-word name ending in it.
    attributed: bool,
    entity: Option<usize>,
}

impl Cand {
    /// A one-word candidate without evidence of a person: it can only join a person already named.
    fn lone(start: usize, end: usize) -> Cand {
        let mut words = Words::default();
        words.push((start, end));
        Cand {
            start,
            end,
            words,
            gender: Gender::Unknown,
            strong: false,
            speaker: false,
            headline: false,
            attributed: false,
            entity: None,
        }
    }
}

fn gender_of_bits(bits: u32) -> Gender {
    let m = bits & (HON_M | TITLE_M | FIRST_M) != 0;
    let f = bits & (HON_F | TITLE_F | FIRST_F) != 0;
    match (m, f) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn is_initial(w: &str) -> bool {
    w.len() <= 3 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
}

/// End of the plain word (word characters only) starting at `i`.
#[inline]
fn word_end(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < end {
        let c = b[j];
        if c < 0x80 {
            if crate::people::tokens::WORD_BYTE[c as usize] {
                j += 1;
            } else {
                break;
            }
        } else {
            match text[j..].chars().next() {
                Some(ch) if crate::text::is_word_char(ch) => j += ch.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

/// Is the capitalised word `cap..wend` alone: not followed by another capitalised word, a hyphen, an
/// apostrophe-word, a full stop of an initial or abbreviation, a reporting verb, or an age; not preceded by a
/// title, honorific, determiner or particle (the previous chunk starts at `ws`)?
fn lone_word(text: &str, ws: usize, cap: usize, wend: usize, end: usize) -> bool {
    let rest = &text[wend..end];
    match rest.as_bytes().first() {
        Some(b'.' | b'-' | b'\'' | b'&') => return false,
        Some(&c) if c >= 0x80 && (rest.starts_with('’') || rest.starts_with('‑')) => {
            return false
        }
        _ => {}
    }
    // The next word: capitalised (a run), a reporting verb or auxiliary, an age.
    let after = rest.trim_start();
    if let Some(c) = after.chars().next() {
        if c.is_uppercase() {
            return false;
        }
        if c == ','
            && after[1..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit())
        {
            return false;
        }
        if c.is_lowercase() {
            let nend = word_end(after, 0, after.len());
            let nc = word_classes(&after[..nend]);
            if nc & SAY != 0 || PARTICLES.contains(&&after[..nend]) {
                return false;
            }
            if nc & (AUX | ADV) != 0 {
                // "Putin has said": only a reporting verb after the auxiliary makes it evidence.
                let rest2 = after[nend..].trim_start();
                let n2 = word_end(rest2, 0, rest2.len());
                if word_classes(&rest2[..n2]) & SAY != 0 {
                    return false;
                }
            }
        }
    }
    // The previous chunk: a lower-case title ("spokesperson"), a determiner, a particle.
    if ws < cap {
        let prev = text[ws..cap].trim_end();
        if prev.starts_with(char::is_lowercase) || prev.starts_with(char::is_uppercase) {
            let pc = word_classes(
                prev.trim_end_matches(|c: char| !crate::text::is_word_char(c) && c != '.'),
            );
            if pc & (ANY_TITLE | HONORIFIC | DET) != 0 || PARTICLES.contains(&prev) {
                return false;
            }
        }
    }
    true
}

/// The words of a name, inline (at most eight).
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    spans: [(usize, usize); 8],
    len: u8,
}

impl Words {
    fn push(&mut self, w: (usize, usize)) {
        if (self.len as usize) < self.spans.len() {
            self.spans[self.len as usize] = w;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [(usize, usize)];
    fn deref(&self) -> &[(usize, usize)] {
        &self.spans[..self.len as usize]
    }
}

/// Is the character before byte `i` a word character?
#[inline]
fn word_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes()[i - 1];
    if b < 0x80 {
        b.is_ascii_alphanumeric() || b == b'_'
    } else {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(crate::text::is_word_char)
    }
}

/// The next byte offset in `from..end` where a word starting with an upper-case letter begins.
fn next_capital(text: &str, from: usize, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < end {
        // Eight bytes at a time: skip chunks with no upper-case ASCII letter and no non-ASCII byte.
        if i + 8 <= end {
            let x = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
            const ONES: u64 = 0x0101_0101_0101_0101;
            const HIGH: u64 = 0x8080_8080_8080_8080;
            if x & HIGH == 0 {
                // Bytes >= 'A' have the high bit set in x + 0x3F, bytes > 'Z' in x + 0x25 (no carries: all < 0x80).
                let upper = (x + 0x3F * ONES) & !(x + 0x25 * ONES) & HIGH;
                if upper == 0 {
                    i += 8;
                    continue;
                }
                i += (upper.trailing_zeros() / 8) as usize;
            }
        }
        let c = b[i];
        if c.is_ascii_uppercase() {
            if i == start || !word_before(text, i) {
                return Some(i);
            }
            i += 1;
        } else if c < 0xC0 {
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_uppercase() && (i == start || !word_before(text, i)) {
                return Some(i);
            }
            i += ch.len_utf8();
        }
    }
    None
}

/// Finds name candidates in a window's tokens, starting at token `i0`; stops at the first run starting at or
/// after byte `stop` and returns its token index (or the token count).
fn scan_window(text: &str, toks: &[Tok], i0: usize, stop: usize, out: &mut Vec<Cand>) -> usize {
    let n = toks.len();
    // Words come classified; a possessive or contraction ("’s") is looked up.
    let cls = |t: &Tok| match t.kind {
        Kind::Word => t.cls,
        _ => word_classes(&text[t.start..t.end]),
    };
    let mut i = i0;
    while i < n {
        let t = &toks[i];
        if t.start >= stop {
            return i;
        }
        if !(t.kind == Kind::Word && t.cap() && t.flags & ALLCAPS == 0) {
            i += 1;
            continue;
        }
        // A run of capitalised words separated by single spaces, with inner particles.
        let mut j = i + 1;
        while j < n && j - i < 8 {
            let prev = &toks[j - 1];
            let cur = &toks[j];
            let gap = &text[prev.end..cur.start];
            if gap != " " || cur.kind != Kind::Word {
                break;
            }
            if cur.cap() && cur.flags & ALLCAPS == 0 {
                j += 1;
            } else if cur.lower()
                && PARTICLES.contains(&&text[cur.start..cur.end])
                && j + 1 < n
                && toks[j + 1].cap()
                && &text[cur.end..toks[j + 1].start] == " "
            {
                j += 2;
            } else {
                break;
            }
        }
        let first_idx = i;
        let run = &toks[i..j];
        i = j;
        // Leading function words, days, demonyms; then titles and honorifics (the last one wins).
        let mut k = 0;
        let mut bits_all = 0u32;
        let mut hon_start: Option<usize> = None;
        let mut title = false;
        let mut class_buf = [0u32; 8];
        for (c, t) in class_buf.iter_mut().zip(run) {
            *c = cls(t);
        }
        let classes = &class_buf[..run.len().min(8)];
        while k < run.len()
            && classes[k] & NONNAME != 0
            && classes[k] & (FIRST_NAME | HONORIFIC) == 0
        {
            k += 1;
        }
        // The name starts after the last title or honorific of the run.
        let mut name_from = k;
        for (m, &c) in classes.iter().enumerate().skip(k) {
            // A title or honorific word that ends the run right after a given name is a surname ("Rita King",
            // "Vera Major", "Ann Bishop"): a title comes before the name it is given to.
            if c & (HONORIFIC | ANY_TITLE) != 0
                && m > name_from
                && m + 1 == run.len()
                && classes[m - 1] & FIRST_NAME != 0
            {
                break;
            }
            if c & HONORIFIC != 0 {
                hon_start = Some(run[m].start);
                bits_all |= c;
                name_from = m + 1;
            } else if c & ANY_TITLE != 0 && c & FIRST_NAME == 0 {
                title = true;
                hon_start = None;
                bits_all |= c & (TITLE_M | TITLE_F);
                name_from = m + 1;
            } else if c & COMPLEMENT != 0
                && m == name_from
                && (title || m == k)
                && m + 1 < run.len()
            {
                // "Secretary of State John Kerry": a title complement right after a title.
                let after_of = first_idx + m > 0 && {
                    let p = &toks[first_idx + m - 1];
                    &text[p.start..p.end] == "of"
                };
                if title || after_of {
                    name_from = m + 1;
                    title = true;
                }
            }
        }
        // The name: from name_from to the first function word after it — or, before an age (", 60,"), to the
        // run's end: an age follows a full name, whose last word may be a month or a day ("Yin Myint May, 60,").
        let after0 = &toks[j.min(n)..];
        let aged = after0.first().is_some_and(|a| a.is_punct(','))
            && after0.get(1).is_some_and(|b| b.flags & tokens::NUM != 0)
            && after0.get(2).is_some_and(|b| b.is_punct(','));
        let mut end = name_from;
        while end < run.len()
            && (classes[end] & NONNAME == 0
                || classes[end] & FIRST_NAME != 0
                || (aged && end > name_from && classes[end] & (ORG | DET | PRONOUN) == 0))
        {
            end += 1;
        }
        if end == name_from {
            // A title word alone ("For Major, a retiree, …" after "Gloria Major"): it can only join a person
            // already named with that word, never start one.
            if run.len() == k + 1 && name_from == run.len() && j < n && !toks[j].cap() {
                let t = &run[k];
                out.push(Cand::lone(t.start, t.end));
            }
            continue;
        }
        let name = &run[name_from..end];
        let name_classes = &classes[name_from..end];
        if name_classes
            .iter()
            .any(|&c| c & ORG != 0 && c & FIRST_NAME == 0)
        {
            continue;
        }
        // One common word after a title is not a name ("General Staff").
        if name.len() == 1
            && name_classes[0] & (COMPLEMENT | PERSON_NOUN | NONNAME) != 0
            && name_classes[0] & FIRST_NAME == 0
        {
            continue;
        }
        // A lower-case title or a determiner right before the run.
        let before = if first_idx > 0 {
            Some(&toks[first_idx - 1])
        } else {
            None
        };
        let before_cls = before
            .filter(|b| b.kind == Kind::Word)
            .map(cls)
            .unwrap_or(0);
        if before.is_some_and(|b| b.lower()) && before_cls & ANY_TITLE != 0 && name_from == 0 {
            title = true;
            bits_all |= before_cls & (TITLE_M | TITLE_F);
        }
        let det_before =
            name_from == 0 && before.is_some_and(|b| b.lower()) && before_cls & DET != 0;
        let mut words = Words::default();
        for t in name
            .iter()
            .filter(|t| !is_initial(&text[t.start..t.end]) && !is_suffix(&text[t.start..t.end]))
        {
            words.push((t.start, t.end));
        }
        if words.is_empty() {
            continue;
        }
        let first_cls = word_classes(&text[words[0].0..words[0].1]);
        if words.len() >= 2 {
            bits_all |= first_cls & FIRST_NAME;
        }
        // Evidence after the run: a reporting verb ("Putin said", "Putin has said") or an age (", 22,").
        let after = &toks[j.min(n)..];
        let mut speaker = false;
        let mut age = false;
        if let Some(a) = after.first() {
            if a.lower() {
                let c = cls(a);
                speaker = c & SAY != 0
                    || (c & (AUX | ADV) != 0
                        && after.get(1).is_some_and(|b| b.lower() && cls(b) & SAY != 0));
            } else if a.is_punct(',')
                && after.get(1).is_some_and(|b| b.flags & tokens::NUM != 0)
                && after.get(2).is_some_and(|b| b.is_punct(','))
            {
                age = true;
            } else if a.is_punct(',')
                && after.get(1).is_some_and(|b| {
                    b.kind == Kind::Word
                        && b.lower()
                        && cls(b) & ANY_TITLE != 0
                        && cls(b) & ORG == 0
                })
                && after
                    .get(2)
                    .is_some_and(|b| b.kind == Kind::Word && &text[b.start..b.end] == "of")
            {
                // A job in apposition ("Ilka Vos, president of the group,", "Jo Tan, director of …"): as
                // telling as an age.
                age = true;
            } else if a.is_punct(',') {
                age = apposed_title(text, &after[1..], cls);
            }
        }
        // "Acme News’ Bret Vale noticed …": a two-word name after a capitalised possessor (an outlet, a
        // country, a team), followed by a lower-case verb, is the possessor's person.
        let poss_name = name_from == 0
            && words.len() == 2
            && first_idx >= 2
            && toks[first_idx - 1].kind == Kind::Poss
            && toks[first_idx - 2].cap()
            && after
                .first()
                .is_some_and(|a| a.lower() && cls(a) & (PREP | DET | CONJ | SUB | PRONOUN) == 0);
        let strong = !det_before
            && (hon_start.is_some()
                || poss_name
                || title
                || (words.len() >= 2 && first_cls & FIRST_NAME != 0)
                // A middle given name in a three-word name ("Billie Jean King", "Zora Ann Pike").
                || (words.len() == 3
                    && word_classes(&text[words[1].0..words[1].1]) & FIRST_NAME != 0
                    && first_cls & (NONNAME | ORG | ANY_TITLE) == 0)
                || (age && words.len() >= 2));
        if det_before {
            continue;
        }
        let start = hon_start.unwrap_or(name[0].start);
        out.push(Cand {
            start,
            end: name[name.len() - 1].end,
            words,
            gender: gender_of_bits(bits_all),
            strong,
            speaker,
            headline: false,
            attributed: false,
            entity: None,
        });
    }
    n
}

/// Is token `t` the article "the", "a" or "an" (lower case)?
fn article(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Word && t.lower() && matches!(&text[t.start..t.end], "the" | "a" | "an")
}

/// Do `toks` (right after a name and its comma) open an apposition giving a job with a determiner ("Ilka Vos,
/// the long-serving secretary general of the group,", "Jo Tan, a former director, …"): an [`article`], a few
/// lower-case modifiers (at most five words and hyphens), a title, then "of", more title words or the
/// apposition's end (a comma or a full stop) — not a verb ("In Eastfield, the mayor said": no apposition)?
fn apposed_title(text: &str, toks: &[Tok], cls: impl Fn(&Tok) -> u32) -> bool {
    let word = |t: &Tok| t.kind == Kind::Word && t.lower();
    if !toks.first().is_some_and(|d| article(text, d)) {
        return false;
    }
    let mut i = 1;
    let mut modifiers = 0;
    while let Some(t) = toks.get(i) {
        if word(t) && cls(t) & ANY_TITLE != 0 && cls(t) & ORG == 0 {
            break;
        }
        let modifier = word(t) && cls(t) & (PREP | CONJ | SUB | AUX | DET | PRONOUN) == 0;
        if !(modifier || t.is_punct('-')) || modifiers >= 5 {
            return false;
        }
        modifiers += 1;
        i += 1;
    }
    let mut j = i + 1;
    while toks
        .get(j)
        .is_some_and(|t| word(t) && cls(t) & ANY_TITLE != 0)
    {
        j += 1;
    }
    toks.get(j).is_some_and(|t| {
        (word(t) && &text[t.start..t.end] == "of") || t.is_punct(',') || t.is_punct('.')
    })
}

/// Is paragraph `para` a Title-Case line (a headline: "Mayor Wins Second Term In Landslide.")? One line of at
/// most 40 words where every word of four letters or more is capitalised, at least three of them; in a line of
/// one sentence, up to two function words that title case leaves in lower case ("from", "with", "into") aside.
fn title_case_line(text: &str, para: &Range<usize>) -> bool {
    let s = &text[para.clone()];
    if s.len() > 300 || s.contains('\n') {
        return false;
    }
    let mut caps = 0;
    let mut lower = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().nth(3).is_none() {
            continue;
        }
        if w.starts_with(char::is_lowercase) {
            // At most two, in a line of one sentence ("Lincoln led the United States through its Civil War."
            // after another sentence is prose).
            if word_classes(w) & (PREP | CONJ | DET | SUB) != 0 && lower < 2 && !s.contains(". ") {
                lower += 1;
                continue;
            }
            return false;
        }
        caps += usize::from(w.starts_with(char::is_uppercase));
    }
    caps >= 3
}

/// Finds and clusters the people of `text`. `entities` (sorted by start, byte offsets) come from a gazetteer:
/// PERSON entities are people; a name inside another entity ("Kyiv") is not.
pub fn find_people(text: &str, entities: &[EntityMention]) -> People {
    find_people_with(text, entities, &[])
}

/// [`find_people`] with the speaker mentions of the text's attributions (byte spans, sorted by start): a name
/// that is the head of a speaker mention (it ends the mention: "said Jane Doe", "Mayor Tom Jones, 52,") is a
/// person's name when it has two words or more, and a one-word speaker ("Doe said") confirms an earlier
/// two-word name ending in that word ("Jane Doe is a consultant").
pub fn find_people_with(
    text: &str,
    entities: &[EntityMention],
    speakers: &[(usize, usize)],
) -> People {
    let paras: Vec<_> = paragraphs(text).collect();
    let doc = DocTokens::new(text, &paras, None);
    find_people_in(text, &paras, &doc, entities, speakers)
}

/// The tokens a name starting at `cap` is read from, tokenised from `ws` (the word before it): at most 8 before
/// `cap`, the run of capitalised words and particles from `cap` (12 tokens in all at most), one more token,
/// and two more after a comma or an auxiliary or adverb ("said", "has said", ", 22,").
fn read_name_window(text: &str, ws: usize, cap: usize, end: usize, toks: &mut Vec<Tok>) {
    tokenize_limited(text, ws, cap, &[], true, 8, toks);
    tokenize_limited(text, cap, end, &[], true, 1, toks);
    // The run: capitalised words and particles; then three more tokens.
    while let Some(last) = toks.last() {
        let in_run = last.start >= cap
            && last.kind == Kind::Word
            && (last.cap() || PARTICLES.contains(&&text[last.start..last.end]))
            && toks.len() < 12;
        let from = last.end;
        if !in_run {
            break;
        }
        let before = toks.len();
        tokenize_limited(text, from, end, &[], true, 1, toks);
        if toks.len() == before {
            break;
        }
    }
    // After the run: a reporting verb ("said", "has said") or an age (", 22,") tells a person. The loop above
    // ends on the first token after the run: a comma or an auxiliary there, or on the token after it, reads on.
    if let Some(last) = toks.last() {
        let from = last.end;
        let last = *last;
        let before = toks.len();
        tokenize_limited(text, from, end, &[], true, 1, toks);
        if let Some(t) = toks.get(before) {
            let more = reads_after(text, &last, t);
            if more > 0 {
                let from = t.end;
                tokenize_limited(text, from, end, &[], true, more, toks);
            }
        }
    }
}

/// Does a name window read on past token `t` after a name's run: a comma (", 22,") or an auxiliary or adverb
/// ("has said")?
fn reads_on(t: &Tok) -> bool {
    t.is_punct(',') || (t.lower() && t.cls & (AUX | ADV) != 0)
}

/// How many tokens a name window reads past the two tokens `o`, `t` after a name's run: nine for an
/// apposition with a determiner (", the long-serving secretary general of …": [`apposed_title`]), two after
/// a comma, an auxiliary or an adverb (", 22,", "has said"), else none.
fn reads_after(text: &str, o: &Tok, t: &Tok) -> usize {
    if o.is_punct(',') && article(text, t) {
        9
    } else if reads_on(o) || reads_on(t) {
        2
    } else {
        0
    }
}

/// [`read_name_window`]'s tokens as a slice of the document's tokens, or `None` where reading from `ws`, `cap`
/// or a token's end would see other tokens than the stream (a possessive read from its apostrophe is
/// punctuation there).
fn name_window<'d>(
    text: &str,
    doc: &'d DocTokens,
    ws: usize,
    cap: usize,
    end: usize,
    hint: &mut usize,
) -> Option<&'d [Tok]> {
    let all = &doc.toks;
    // `hint`: a token at or before `ws` from an earlier window of the same scan (text order), else the first.
    if all.get(*hint).is_none_or(|t| t.start > ws) {
        *hint = 0;
    }
    let kw = doc.index_from(*hint, ws)?;
    *hint = kw;
    let kc = doc.index_from(kw, cap)?;
    if kc - kw > 8 {
        return None;
    }
    let next = |k: usize| -> Option<Option<usize>> {
        match all.get(k) {
            Some(t) if t.start < end => (t.kind != Kind::Poss).then_some(Some(k + 1)),
            _ => Some(None),
        }
    };
    let Some(mut k) = next(kc)? else {
        return Some(&all[kw..kc]);
    };
    loop {
        let last = &all[k - 1];
        let in_run = last.start >= cap
            && last.kind == Kind::Word
            && (last.cap() || PARTICLES.contains(&&text[last.start..last.end]))
            && k - kw < 12;
        if !in_run {
            break;
        }
        match next(k)? {
            Some(n) => k = n,
            None => break,
        }
    }
    if let Some(n) = next(k)? {
        let more = reads_after(text, &all[k - 1], &all[k]);
        k = n;
        if more > 0 {
            for _ in 0..more {
                match next(k)? {
                    Some(n) => k = n,
                    None => break,
                }
            }
        }
    }
    Some(&all[kw..k])
}

/// [`find_people_with`] over the lines `paras` of `text` (see [`paragraphs`]) and the text's tokens `doc` (one
/// tokenisation shared with the quote stages).
pub(crate) fn find_people_in(
    text: &str,
    paras: &[std::ops::Range<usize>],
    doc: &DocTokens,
    entities: &[EntityMention],
    speakers: &[(usize, usize)],
) -> People {
    // News has a candidate name about every 150 bytes: room for that saves growing the vector.
    let mut cands = Vec::with_capacity(text.len() / 128 + 8);
    let mut toks = Vec::new();
    let mut hint = 0;
    // The first stream token at or after the capital being read (capitals come in text order).
    let mut at = 0;
    for para in paras.iter().cloned() {
        let para_first = cands.len();
        let headline = title_case_line(text, &para);
        // Only capitalised words can start a name: jump from one to the next and read a small window of
        // tokens around each (the word before it, the run, a few words after).
        let mut pos = para.start;
        while let Some(cap) = next_capital(text, pos, para.start, para.end) {
            // Function words and days ("The", "In", "Monday") never start a name: skip them without tokenising.
            let wend = word_end(text, cap, para.end);
            // The word's classes: those of the stream's token when it is the same word (the token classified by
            // the lexicon already), else looked up.
            while at < doc.toks.len() && doc.toks[at].start < cap {
                at += 1;
            }
            let wc = match doc.toks.get(at) {
                Some(t)
                    if t.start == cap
                        && t.end == wend
                        && t.kind == Kind::Word
                        && wend - cap <= 64 =>
                {
                    debug_assert_eq!(
                        t.cls,
                        word_classes(&text[cap..wend]),
                        "{:?}",
                        &text[cap..wend]
                    );
                    t.cls
                }
                _ => word_classes(&text[cap..wend]),
            };
            if wc & NONNAME != 0
                && wc & (FIRST_NAME | HONORIFIC | ANY_TITLE) == 0
                && !text[wend..].starts_with('.')
            {
                pos = wend;
                continue;
            }
            // The token before the capital (a title, a determiner), the run, and a few tokens after it.
            let head = &text[para.start..cap];
            let back = head.trim_end();
            let ws = match back
                .char_indices()
                .rev()
                .take_while(|&(_, c)| !c.is_whitespace())
                .take(40)
                .last()
            {
                Some((k, _)) => para.start + k,
                None => para.start + back.len(),
            };
            // A determiner before a name that starts with neither honorific nor title ("the United States",
            // "a White House spokeswoman"): not a person; skip the whole capitalised run.
            if entities.is_empty() && wc & (HONORIFIC | ANY_TITLE) == 0 && ws < cap {
                let prev = text[ws..cap].trim_end();
                if prev.starts_with(char::is_lowercase)
                    && word_classes(prev) & DET != 0
                    && word_classes(prev) & PRONOUN == 0
                {
                    let mut e = wend;
                    while text[e..para.end].starts_with(' ')
                        && text[e + 1..para.end].starts_with(|c: char| c.is_uppercase())
                    {
                        e = word_end(text, e + 1, para.end);
                    }
                    pos = e.max(wend);
                    continue;
                }
            }
            // A lone capitalised word with nothing around it that tells a person ("in Lincoln's day"): it can
            // only join a person already named, so it is recorded without reading tokens.
            if entities.is_empty()
                && wc & (FIRST_NAME | HONORIFIC | ANY_TITLE) == 0
                && lone_word(text, ws, cap, wend, para.end)
            {
                cands.push(Cand::lone(cap, wend));
                pos = wend;
                continue;
            }
            // The token before the capital (a title, a determiner), the run, and a few tokens after it: a slice
            // of the document's tokens, or (where the stream's tokens differ from reading from `ws` and `cap`)
            // the same tokens read again.
            let window: &[Tok] = match name_window(text, doc, ws, cap, para.end, &mut hint) {
                Some(w) => w,
                None => {
                    toks.clear();
                    read_name_window(text, ws, cap, para.end, &mut toks);
                    &toks
                }
            };
            let toks = window;
            let i0 = toks.partition_point(|t| t.start < cap);
            let next = scan_window(text, toks, i0, cap + 1, &mut cands);
            let np = if next < toks.len() {
                toks[next].start
            } else {
                toks.last().map_or(para.end, |t| t.end)
            };
            pos = if np > cap {
                np
            } else {
                cap + text[cap..].chars().next().map_or(1, char::len_utf8)
            };
        }
        if headline {
            // A headline's capitalised runs hold verbs: its names do not name a person's best form, and one word
            // after a title ("Manager Laughs") is no evidence.
            for c in &mut cands[para_first..] {
                c.headline = true;
                if c.words.len() == 1 {
                    c.strong = false;
                }
            }
        }
    }
    // Speakers of attributions.
    if !speakers.is_empty() {
        let mut k = 0;
        for c in cands.iter_mut() {
            while k < speakers.len() && speakers[k].1 < c.end {
                k += 1;
            }
            // Spans ending at or after c.end, starting at or before c.start, whose tail after c is no word.
            let head_of = speakers[k..]
                .iter()
                .take(4)
                .take_while(|sp| sp.0 <= c.start)
                .any(|sp| {
                    sp.1 >= c.end
                        && text
                            .get(c.end..sp.1)
                            .is_some_and(|t| t.chars().all(|ch| !ch.is_alphanumeric()))
                });
            if head_of {
                if c.words.len() >= 2 && !c.headline {
                    c.speaker = true;
                    c.strong = true;
                } else {
                    c.attributed = true;
                }
            }
        }
    }
    // A two-word name the text later names by its last word as a speaker ("Jane Doe ..." then "Doe said").
    {
        let mut spoken: FnvMap<String, ()> = FnvMap::default();
        let mut w = String::new();
        for c in cands
            .iter()
            .filter(|c| (c.speaker || c.attributed) && c.words.len() == 1)
        {
            let (s, e) = c.words[0];
            w.clear();
            push_lower(&mut w, &text[s..e]);
            spoken.entry(w.clone()).or_default();
        }
        if !spoken.is_empty() {
            for c in cands
                .iter_mut()
                .filter(|c| c.words.len() >= 2 && !c.headline)
            {
                let (s, e) = c.words[c.words.len() - 1];
                w.clear();
                push_lower(&mut w, &text[s..e]);
                if spoken.contains_key(w.as_str()) {
                    c.strong = true;
                }
            }
        }
    }
    // Gazetteer entities: attach, drop or add.
    if !entities.is_empty() {
        let mut e = 0;
        let mut kept = Vec::with_capacity(cands.len());
        let mut covered = vec![false; entities.len()];
        for mut c in cands {
            while e < entities.len() && entities[e].end <= c.start {
                e += 1;
            }
            let mut hit = None;
            let mut k = e;
            while k < entities.len() && entities[k].start < c.end {
                if entities[k].end > c.start {
                    hit = Some(k);
                    if entities[k].is_person() {
                        break;
                    }
                }
                k += 1;
            }
            match hit {
                Some(k) if entities[k].is_person() && relative_of(text, &c, &entities[k]) => {
                    covered[k] = true;
                    kept.push(c);
                }
                Some(k) if entities[k].is_person() => {
                    covered[k] = true;
                    c.entity = Some(k);
                    c.strong = true;
                    kept.push(c);
                }
                // A place or nationality inside a full name that opens with a given name ("Mark Cuban",
                // "Deborah Jordan Reynolds") is a word of the name.
                Some(k) if given_name_around(text, &c, &entities[k]) => kept.push(c),
                // The place or nationality word alone ("Cuban said" after "Mark Cuban"): it can only join a
                // person already named with that word, never start one.
                Some(k)
                    if c.words.len() == 1
                        && entities[k].start == c.start
                        && entities[k].end == c.end
                        && !entities[k].label.eq_ignore_ascii_case("org") =>
                {
                    c.strong = false;
                    c.speaker = false;
                    c.attributed = false;
                    kept.push(c);
                }
                Some(_) => {}
                None => kept.push(c),
            }
        }
        for (k, ent) in entities.iter().enumerate() {
            if ent.is_person() && !covered[k] && ent.start < ent.end && ent.end <= text.len() {
                kept.push(Cand {
                    start: ent.start,
                    end: ent.end,
                    words: {
                        let mut w = Words::default();
                        w.push((ent.start, ent.end));
                        w
                    },
                    gender: Gender::Unknown,
                    strong: true,
                    speaker: false,
                    headline: false,
                    attributed: false,
                    entity: Some(k),
                });
            }
        }
        kept.sort_by_key(|c| c.start);
        cands = kept;
    }
    cluster(text, cands, entities)
}

/// Does the strong name `c` (two words or more, not in a headline) open with a given name and hold the
/// gazetteer place or nationality `ent` after it ("Mark Cuban", "Deborah Jordan Reynolds"; not "Ann Arbor"
/// when the gazetteer names the whole, nor an organisation)?
fn given_name_around(text: &str, c: &Cand, ent: &EntityMention) -> bool {
    let (fs, fe) = c.words[0];
    c.strong
        && !c.headline
        && c.words.len() >= 2
        && ent.start >= fe
        && ent.end <= c.end
        && !ent.label.eq_ignore_ascii_case("org")
        && word_classes(&text[fs..fe]) & FIRST_NAME != 0
}

/// Is the name `c` someone else of the family of the gazetteer person `ent` it contains ("Anna Kovac" around
/// the entity's "Kovac" for Petar Kovac)? A given name (no honorific or title) before the matched surname
/// that is not the first word of the entity's name.
fn relative_of(text: &str, c: &Cand, ent: &EntityMention) -> bool {
    let (fs, fe) = c.words[0];
    let first = &text[fs..fe];
    c.words.len() >= 2
        && ent.start >= fe
        && word_classes(first) & (HONORIFIC | ANY_TITLE) == 0
        && !ent
            .name
            .split(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(first))
}

/// Appends `s` lower-cased to `buf`, with ’ as ' (ASCII fast path).
fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let at = buf.len();
        buf.push_str(s);
        buf[at..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            if c == '’' {
                buf.push('\'');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
}

fn cluster(text: &str, cands: Vec<Cand>, entities: &[EntityMention]) -> People {
    let mut persons: Vec<Person> = Vec::new();
    let mut best_len: Vec<usize> = Vec::new();
    let mut genders: Vec<(bool, bool)> = Vec::new();
    // Lower-cased first name word of each person (to match "Hillary Clinton" with "Hillary Rodham Clinton").
    let mut first_word: Vec<String> = Vec::new();
    let mut by_key: FnvMap<String, usize> = FnvMap::default();
    let mut by_entity: FnvMap<&str, usize> = FnvMap::default();
    // Name words of confident persons → persons, most recent last.
    let mut by_word: FnvMap<String, Vec<usize>> = FnvMap::default();
    let mut mentions = Vec::with_capacity(cands.len());
    let mut key = String::new();
    let mut wbuf = String::new();

    for c in &cands {
        if !c.strong && !c.speaker && c.entity.is_none() {
            // No evidence of a person: only a name already known can take it ("Smith" after "John Smith").
            let (s, e) = c.words[c.words.len() - 1];
            wbuf.clear();
            push_lower(&mut wbuf, &text[s..e]);
            if !by_word.contains_key(wbuf.as_str())
                && (c.words.len() > 1 || !by_key.contains_key(wbuf.as_str()))
            {
                continue;
            }
        }
        key.clear();
        for (i, &(s, e)) in c.words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            push_lower(&mut key, &text[s..e]);
        }
        let mut target = None;
        if let Some(k) = c.entity {
            target = by_entity.get(&*entities[k].id).copied();
        }
        if target.is_none() {
            target = by_key.get(key.as_str()).copied();
        }
        if target.is_none() && c.entity.is_none() {
            // A surname or given name alone, or a shorter form: join the most recent person with that word.
            let (ls, le) = c.words[c.words.len() - 1];
            wbuf.clear();
            push_lower(&mut wbuf, &text[ls..le]);
            if let Some(list) = by_word.get(wbuf.as_str()) {
                let joins = c.words.len() == 1 || {
                    let (fs, fe) = c.words[0];
                    wbuf.clear();
                    push_lower(&mut wbuf, &text[fs..fe]);
                    list.iter().rev().any(|&p| first_word[p] == wbuf)
                };
                if joins {
                    target = list.last().copied();
                }
            }
        }
        let p = match target {
            Some(p) => p,
            None => {
                if !c.strong && !c.speaker && c.words.len() < 2 {
                    continue;
                }
                let (id, name) = match c.entity {
                    Some(k) => (entities[k].id.to_string(), entities[k].name.to_string()),
                    None => {
                        let name = text[c.words[0].0..c.words[c.words.len() - 1].1].to_string();
                        (slug(&name), name)
                    }
                };
                let mut fw = String::new();
                push_lower(&mut fw, name.split(' ').next().unwrap_or_default());
                first_word.push(fw);
                persons.push(Person {
                    id,
                    name,
                    gender: Gender::Unknown,
                    mentions: Vec::new(),
                    confident: false,
                });
                best_len.push(if c.entity.is_some() {
                    usize::MAX
                } else if c.headline {
                    0
                } else {
                    c.words.len()
                });
                genders.push((false, false));
                persons.len() - 1
            }
        };
        if let Some(k) = c.entity {
            by_entity.insert(&*entities[k].id, p);
        }
        if !by_key.contains_key(key.as_str()) {
            by_key.insert(key.clone(), p);
        }
        let person = &mut persons[p];
        person.mentions.push(c.start..c.end);
        // Weak multi-word names ("Breitbart California") only become people with evidence.
        if c.strong {
            person.confident = true;
        }
        match c.gender {
            Gender::Male => genders[p].0 = true,
            Gender::Female => genders[p].1 = true,
            Gender::Unknown => {}
        }
        let len = c.words.len();
        if len > best_len[p] && !c.headline {
            best_len[p] = len;
            person.name = text[c.words[0].0..c.words[len - 1].1].to_string();
            person.id = slug(&person.name);
            first_word[p].clear();
            push_lower(&mut first_word[p], &text[c.words[0].0..c.words[0].1]);
        }
        if c.strong || c.speaker {
            for &(s, e) in c.words.iter() {
                wbuf.clear();
                push_lower(&mut wbuf, &text[s..e]);
                let list = match by_word.get_mut(wbuf.as_str()) {
                    Some(l) => l,
                    None => by_word.entry(wbuf.clone()).or_default(),
                };
                if list.last() != Some(&p) {
                    // The most recent persons with this word, at most 16 (bounded work on huge texts).
                    list.retain(|&x| x != p);
                    if list.len() >= 16 {
                        list.remove(0);
                    }
                    list.push(p);
                }
            }
        }
        mentions.push(PersonMention {
            start: c.start,
            end: c.end,
            person: p,
        });
    }
    merge_lone_surnames(&mut persons, &mut genders, &mut mentions);
    for (p, person) in persons.iter_mut().enumerate() {
        person.gender = match genders[p] {
            (true, false) => Gender::Male,
            (false, true) => Gender::Female,
            _ => Gender::Unknown,
        };
    }
    mentions.sort_by_key(|m| m.start);
    People { persons, mentions }
}

/// A final pass over the article: a person known only by one word ("Smith: “We will win”") whose full name
/// comes later ("John Smith toured the plant") is that person, when exactly one confident person's name ends in
/// that word and their genders agree. (A full name before its surname is joined while clustering.)
fn merge_lone_surnames(
    persons: &mut Vec<Person>,
    genders: &mut Vec<(bool, bool)>,
    mentions: &mut [PersonMention],
) {
    let mut by_last: FnvMap<String, (usize, bool)> = FnvMap::default();
    for (p, person) in persons.iter().enumerate() {
        if !person.confident {
            continue;
        }
        let Some((_, last)) = person.name.rsplit_once(' ') else {
            continue;
        };
        let mut key = String::new();
        push_lower(&mut key, last);
        by_last
            .entry(key)
            .and_modify(|e| e.1 = true)
            .or_insert((p, false));
    }
    let mut target: Vec<usize> = (0..persons.len()).collect();
    let mut merged = false;
    let mut key = String::new();
    for p in 0..persons.len() {
        if persons[p].name.contains(' ') || persons[p].name.chars().count() < 2 {
            continue;
        }
        key.clear();
        push_lower(&mut key, &persons[p].name);
        let Some(&(full, ambiguous)) = by_last.get(key.as_str()) else {
            continue;
        };
        let (m1, f1) = genders[p];
        let (m2, f2) = genders[full];
        if ambiguous || full == p || (m1 && f2) || (f1 && m2) {
            continue;
        }
        target[p] = full;
        genders[full] = (m1 || m2, f1 || f2);
        let moved = std::mem::take(&mut persons[p].mentions);
        persons[full].mentions.extend(moved);
        persons[full].mentions.sort_by_key(|r| r.start);
        merged = true;
    }
    if !merged {
        return;
    }
    // Drop the merged persons; renumber the rest.
    let mut new_index = vec![usize::MAX; persons.len()];
    let mut n = 0;
    for p in 0..persons.len() {
        if target[p] == p {
            new_index[p] = n;
            n += 1;
        }
    }
    for m in mentions.iter_mut() {
        m.person = new_index[target[m.person]];
    }
    let mut p = 0;
    persons.retain(|_| {
        p += 1;
        target[p - 1] == p - 1
    });
    let mut p = 0;
    genders.retain(|_| {
        p += 1;
        target[p - 1] == p - 1
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Gender, Vec<String>)> {
        find_people(text, &[])
            .persons
            .iter()
            .filter(|p| p.confident)
            .map(|p| {
                (
                    p.name.clone(),
                    p.gender,
                    p.mentions
                        .iter()
                        .map(|r| text[r.clone()].to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn titles_honorifics_and_given_names_make_people() {
        let text = "Russian President Vladimir Putin met Belarusian leader Alexander Lukashenko. \
                    U.S. State Department spokesperson Ned Price said Mr Putin was wrong. \
                    Lieutenant General Serhiy Nayev agreed, and Ms Jane Roe, 41, too.";
        let got = names(text);
        let flat: Vec<(&str, Gender, Vec<&str>)> = got
            .iter()
            .map(|(n, g, m)| (n.as_str(), *g, m.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            flat,
            [
                (
                    "Vladimir Putin",
                    Gender::Male,
                    vec!["Vladimir Putin", "Mr Putin"]
                ),
                (
                    "Alexander Lukashenko",
                    Gender::Male,
                    vec!["Alexander Lukashenko"]
                ),
                ("Ned Price", Gender::Unknown, vec!["Ned Price"]),
                ("Serhiy Nayev", Gender::Male, vec!["Serhiy Nayev"]),
                ("Jane Roe", Gender::Female, vec!["Ms Jane Roe"]),
            ]
        );
    }

    #[test]
    fn organisations_places_and_sentence_starts_are_not_people() {
        let text = "The Kremlin said so. The United Nations met in New York. But Kyiv held.";
        assert!(names(text).is_empty());
    }

    #[test]
    fn secretary_of_state() {
        let text = "Secretary of State John Kerry spoke. Kerry left.";
        let got = names(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "John Kerry");
        assert_eq!(got[0].2, ["John Kerry", "Kerry"]);
    }

    #[test]
    fn gazetteer_persons_and_non_persons() {
        let text = "Zelenskiy met Kyiv officials. Zelenskiy said Kyiv would hold.";
        let ents = vec![
            EntityMention {
                start: 0,
                end: 9,
                id: "vz".into(),
                name: "Volodymyr Zelenskiy".into(),
                label: "PERSON".into(),
            },
            EntityMention {
                start: 14,
                end: 18,
                id: "kyiv".into(),
                name: "Kyiv".into(),
                label: "GPE".into(),
            },
            EntityMention {
                start: 30,
                end: 39,
                id: "vz".into(),
                name: "Volodymyr Zelenskiy".into(),
                label: "PERSON".into(),
            },
            EntityMention {
                start: 45,
                end: 49,
                id: "kyiv".into(),
                name: "Kyiv".into(),
                label: "GPE".into(),
            },
        ];
        let people = find_people(text, &ents);
        assert_eq!(people.persons.len(), 1);
        assert_eq!(people.persons[0].id, "vz");
        assert_eq!(people.persons[0].name, "Volodymyr Zelenskiy");
        assert_eq!(people.persons[0].mentions, [0..9, 30..39]);
    }

    #[test]
    fn pronoun_antecedents_respect_gender() {
        let text = "Mr John Smith met Ms Ann Lee. She said no. He said yes.";
        let people = find_people(text, &[]);
        let she = text.find("She").unwrap();
        let he = text.find("He ").unwrap();
        let p = people.antecedent(she, Gender::Female, |_| false).unwrap();
        assert_eq!(people.persons[p].name, "Ann Lee");
        let p = people.antecedent(he, Gender::Male, |_| false).unwrap();
        assert_eq!(people.persons[p].name, "John Smith");
    }

    #[test]
    fn name_windows_from_the_stream_are_the_windows_read_alone() {
        let text = "Sen. Jane O’Brien, 54, said on Monday that Russia’s envoy, Mr. Ivan de la Cruz, has \
                    often said the U.S. (and the E.U.) would act; President Putin’s aide disagreed.";
        let paras: Vec<_> = paragraphs(text).collect();
        let doc = DocTokens::new(text, &paras, None);
        let key = |t: &Tok| (t.start, t.end, t.kind, t.cls, t.aux);
        let mut stream = 0;
        // A running hint (the scan's), and one past the window (reset to the first token): same windows.
        let mut hint = 0;
        for ws in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for cap in (ws..text.len())
                .filter(|&i| text.is_char_boundary(i))
                .take(12)
            {
                let mut alone = Vec::new();
                read_name_window(text, ws, cap, text.len(), &mut alone);
                let late = name_window(text, &doc, ws, cap, text.len(), &mut (doc.toks.len() - 1));
                let w = name_window(text, &doc, ws, cap, text.len(), &mut hint);
                assert_eq!(w.map(<[Tok]>::as_ptr), late.map(<[Tok]>::as_ptr));
                assert_eq!(w.map(<[Tok]>::len), late.map(<[Tok]>::len));
                if let Some(w) = w {
                    stream += 1;
                    let got: Vec<_> = w.iter().map(key).collect();
                    assert_eq!(got, alone.iter().map(key).collect::<Vec<_>>(), "{ws} {cap}");
                }
            }
        }
        assert!(stream > 200, "{stream}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Vladimir Putin"), "vladimir_putin");
        assert_eq!(slug("Beto O’Rourke Jr."), "beto_o_rourke_jr");
        assert_eq!(slug("Zürich"), "zürich");
    }
}
