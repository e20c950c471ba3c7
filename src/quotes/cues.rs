//! The cue lexicon: reporting expressions ("said", "told reporters", "according to", "described … as").
//!
//! The default lexicon is the data file `cues.tsv` embedded in the crate (`form<TAB>role`, `|` between the forms of
//! one verb). A cue is a sequence of lower-case words; in text it must be written in lower case ("said", not a
//! capitalised "Said" that starts a name). The role tells where the speaker stands:
//!
//! - [`Role::Speech`]: verbs of saying; the speaker is the subject ("Putin said", "“…,” said Putin").
//! - [`Role::Label`]: verbs that label what the quotation names ("called it “a disaster”", "described … as").
//! - [`Role::Belief`]: verbs of thinking; weaker, used only before a quotation.
//! - [`Role::Source`]: the speaker follows ("according to the Kremlin").
//! - [`Role::Passive`]: the subject is the speaker of a passive report ("officials were quoted as saying").
//!
//! Users extend it:
//!
//! ```
//! use saidwho::quotes::cues::{CueLexicon, Role};
//! let lex = CueLexicon::default();
//! assert_eq!(lex.role_of("said"), Some(Role::Speech));
//! assert_eq!(lex.role_of("opined darkly"), None);
//! let lex = lex.extended([("opined darkly", Role::Speech)]).unwrap();
//! assert_eq!(lex.role_of("opined darkly"), Some(Role::Speech));
//! ```
use std::sync::{Arc, LazyLock};

use crate::people::lexicon::{entries as lexicon_entries, FnvMap};
use crate::people::tokens::{Kind, Tok, CUE_WORD};
use crate::people::wordtable::WordTable;
use crate::{Error, Result};

/// Where a cue's speaker stands; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Speech,
    Label,
    Belief,
    Source,
    Passive,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Speech => "speech",
            Role::Label => "label",
            Role::Belief => "belief",
            Role::Source => "source",
            Role::Passive => "passive",
        }
    }

    /// Whether cues of this role introduce reported content by default (verbs of saying, sources).
    pub fn takes_clause(self) -> bool {
        matches!(self, Role::Speech | Role::Source)
    }

    /// Parses a role name ("speech", "label", "belief", "source", "passive").
    pub fn parse(s: &str) -> Result<Role> {
        Ok(match s.trim() {
            "speech" => Role::Speech,
            "label" => Role::Label,
            "belief" => Role::Belief,
            "source" => Role::Source,
            "passive" => Role::Passive,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "unknown cue role {other:?} (expected speech, label, belief, source or passive)"
                )))
            }
        })
    }
}

/// What reported content a cue introduces (the fourth column of `cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Content {
    /// None: the cue only attributes quotations in marks ("called it “a disaster”", "believes").
    #[default]
    None,
    /// A bare or that-clause: "X said (that) the move was illegal", "…, X said.", "according to X, …".
    Clause,
    /// Only a that-clause or what reads clearly as a clause: "X announced that …" (not "announced a plan").
    That,
    /// A clause, an infinitive, a wh-clause or an object: "vowed to fight on", "asked how …", "announced his bid".
    Object,
}

impl Content {
    pub fn as_str(self) -> &'static str {
        match self {
            Content::None => "",
            Content::Clause => "clause",
            Content::That => "that",
            Content::Object => "object",
        }
    }

    /// Parses a content name ("" or "none", "clause", "that", "object").
    pub fn parse(s: &str) -> Result<Content> {
        Ok(match s.trim() {
            "" | "none" => Content::None,
            "clause" => Content::Clause,
            "that" => Content::That,
            "object" => Content::Object,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "unknown cue content {other:?} (expected none, clause, that or object)"
                )))
            }
        })
    }

    /// The default for cues added without saying: verbs of saying and sources introduce clauses.
    pub fn default_for(role: Role) -> Content {
        if role.takes_clause() {
            Content::Clause
        } else {
            Content::None
        }
    }

    /// (introduces content, as a bare clause, or as an object)
    fn flags(self) -> (bool, bool, bool) {
        match self {
            Content::None => (false, false, false),
            Content::Clause => (true, true, false),
            Content::That => (true, false, false),
            Content::Object => (true, false, true),
        }
    }
}

/// Where a cue may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Usage {
    /// Anywhere.
    #[default]
    Any,
    /// Only right after a quotation: forms that are usually nouns elsewhere ("“…,” the Saudis state").
    Post,
    /// Before a quotation only when "that", a colon, a comma or the quotation follows ("The ad claims “…”").
    Ambiguous,
}

impl Usage {
    pub fn as_str(self) -> &'static str {
        match self {
            Usage::Any => "any",
            Usage::Post => "post",
            Usage::Ambiguous => "ambiguous",
        }
    }

    /// Parses a usage name ("any" or empty, "post", "ambiguous").
    pub fn parse(s: &str) -> Result<Usage> {
        Ok(match s.trim() {
            "" | "any" => Usage::Any,
            "post" => Usage::Post,
            "ambiguous" => Usage::Ambiguous,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "unknown cue usage {other:?} (expected any, post or ambiguous)"
                )))
            }
        })
    }
}

/// A cue found in text: the token after it, its role, whether it is a participle, and its usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub end: usize,
    pub role: Role,
    pub participle: bool,
    pub usage: Usage,
    /// The cue introduces reported content (`said (that) …`, `according to X, …`): see [`CueLexicon::content_of`].
    pub clause: bool,
    /// That content may be a bare clause (`said the move was illegal`), not only a that-clause.
    pub bare: bool,
    /// That content may be an infinitive, a wh-clause or an object (`vowed to fight on`, `announced his bid`).
    pub object: bool,
}

/// One cue phrase: its words after the first, and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    rest: Vec<Box<str>>,
    role: Role,
    usage: Usage,
    /// The first word ends in "-ing" (a participle: "saying", "adding").
    participle: bool,
    /// It introduces reported content.
    clause: bool,
    /// Its content may be a bare clause.
    bare: bool,
    /// Its content may be an infinitive, a wh-clause or an object.
    object: bool,
}

/// A set of cue phrases, looked up by their first word. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct CueLexicon {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    /// First word (lower case, as bytes) → phrases starting with it, longest first.
    by_first: FnvMap<Box<[u8]>, Vec<Phrase>>,
    /// Every word of the word-class lexicon and every cue's first word → (class bits, index into `groups`):
    /// one lookup per word classifies it and finds its cues (rebuilt after each change).
    index: WordTable<(u32, Option<u32>)>,
    /// Phrases by first word, longest first, as indexed by `index`.
    groups: Vec<Vec<Phrase>>,
    /// Every phrase as written (lower case, single spaces), with its role and usage, in insertion order.
    phrases: Vec<(String, Role, Usage, Content)>,
}

impl Default for Inner {
    fn default() -> Self {
        Inner {
            by_first: FnvMap::default(),
            index: WordTable::build(std::iter::empty::<(&[u8], (u32, Option<u32>))>()),
            groups: Vec::new(),
            phrases: Vec::new(),
        }
    }
}

const CUES_TSV: &str = include_str!("cues.tsv");

static DEFAULT: LazyLock<CueLexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    for line in CUES_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let forms = cols.next().unwrap_or_default();
        let role = Role::parse(cols.next().expect("cues.tsv: form<TAB>role"))
            .expect("cues.tsv: known role");
        let usage = Usage::parse(cols.next().unwrap_or_default()).expect("cues.tsv: known usage");
        let content =
            Content::parse(cols.next().unwrap_or_default()).expect("cues.tsv: known content");
        for form in forms.split('|') {
            entries.push((form.to_string(), role, usage, content));
        }
    }
    CueLexicon::empty()
        .extended_full(entries)
        .expect("cues.tsv is valid")
});

impl Default for CueLexicon {
    /// The built-in lexicon (`cues.tsv`).
    fn default() -> Self {
        DEFAULT.clone()
    }
}

/// Normalises a phrase: lower case, words separated by single spaces, ’ as '.
fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl CueLexicon {
    /// An empty lexicon.
    pub fn empty() -> Self {
        CueLexicon {
            inner: Arc::new(Inner::default()),
        }
    }

    /// A lexicon of the given (phrase, role) entries. Phrases are lower-cased; an empty phrase is an error.
    pub fn from_entries<I, S>(entries: I) -> Result<Self>
    where
        I: IntoIterator<Item = (S, Role)>,
        S: AsRef<str>,
    {
        CueLexicon::empty().extended(entries)
    }

    /// A new lexicon with these entries added, usable anywhere (an entry already present takes the new role).
    pub fn extended<I, S>(&self, entries: I) -> Result<Self>
    where
        I: IntoIterator<Item = (S, Role)>,
        S: AsRef<str>,
    {
        self.extended_with(entries.into_iter().map(|(p, r)| (p, r, Usage::Any)))
    }

    /// A new lexicon with these (phrase, role, usage) entries added. Verbs of saying and sources introduce
    /// reported content ([`Role::takes_clause`]); use [`CueLexicon::extended_full`] to say otherwise.
    pub fn extended_with<I, S>(&self, entries: I) -> Result<Self>
    where
        I: IntoIterator<Item = (S, Role, Usage)>,
        S: AsRef<str>,
    {
        self.extended_full(
            entries
                .into_iter()
                .map(|(p, r, u)| (p, r, u, Content::default_for(r))),
        )
    }

    /// A new lexicon with these (phrase, role, usage, reported content) entries added:
    ///
    /// ```
    /// use saidwho::quotes::cues::{Content, CueLexicon, Role, Usage};
    /// let lex = CueLexicon::default();
    /// assert_eq!(lex.content_of("said"), Some(Content::Clause)); // "X said (that) …" is reported speech
    /// assert_eq!(lex.content_of("believes"), Some(Content::None)); // a belief is not, unless a user says so:
    /// let lex = lex.extended_full([("believes", Role::Belief, Usage::Any, Content::Clause)]).unwrap();
    /// assert_eq!(lex.content_of("believes"), Some(Content::Clause));
    /// ```
    pub fn extended_full<I, S>(&self, entries: I) -> Result<Self>
    where
        I: IntoIterator<Item = (S, Role, Usage, Content)>,
        S: AsRef<str>,
    {
        let mut inner = (*self.inner).clone();
        for (phrase, role, usage, content) in entries {
            inner.add(phrase.as_ref(), role, usage, content)?;
        }
        inner.rebuild_index();
        Ok(CueLexicon {
            inner: Arc::new(inner),
        })
    }

    /// The role of an exact phrase, if it is in the lexicon.
    pub fn role_of(&self, phrase: &str) -> Option<Role> {
        let norm = normalise(phrase);
        self.inner
            .phrases
            .iter()
            .find(|(p, ..)| *p == norm)
            .map(|(_, r, ..)| *r)
    }

    /// The usage of an exact phrase, if it is in the lexicon.
    pub fn usage_of(&self, phrase: &str) -> Option<Usage> {
        let norm = normalise(phrase);
        self.inner
            .phrases
            .iter()
            .find(|(p, ..)| *p == norm)
            .map(|(_, _, u, _)| *u)
    }

    /// What reported content an exact phrase introduces (`said (that) …`), if it is in the lexicon.
    pub fn content_of(&self, phrase: &str) -> Option<Content> {
        let norm = normalise(phrase);
        self.inner
            .phrases
            .iter()
            .find(|(p, ..)| *p == norm)
            .map(|(.., c)| *c)
    }

    /// All phrases with their roles, usages and reported content, in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Role, Usage, Content)> {
        self.inner
            .phrases
            .iter()
            .map(|(p, r, u, c)| (p.as_str(), *r, *u, *c))
    }

    /// All phrases with their roles and usages, in insertion order.
    pub fn phrases(&self) -> impl Iterator<Item = (&str, Role, Usage)> {
        self.inner
            .phrases
            .iter()
            .map(|(p, r, u, _)| (p.as_str(), *r, *u))
    }

    pub fn len(&self) -> usize {
        self.inner.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.phrases.is_empty()
    }

    /// The cue starting at token `i`: (index of the token after the cue, role, participle). The first word must be
    /// written in lower case; later words match case-insensitively ("told CNN" is matched as "told" only unless
    /// the lexicon has "told cnn").
    #[cfg(test)]
    pub(crate) fn match_at(
        &self,
        text: &str,
        toks: &[Tok],
        i: usize,
    ) -> Option<(usize, Role, bool)> {
        self.phrase_at(text, toks, i)
            .map(|(j, p)| (j, p.role, p.participle))
    }

    /// [`CueLexicon::classify_into`] into a new vector.
    #[cfg(test)]
    pub(crate) fn classify(&self, text: &str, toks: &mut [Tok]) -> Vec<Option<CueHit>> {
        let mut hits = Vec::with_capacity(toks.len());
        self.classify_into(text, toks, &mut hits);
        hits
    }

    /// Classifies the word tokens of a window (their [`crate::people::lexicon`] class bits) and appends the cue
    /// starting at each to `hits`, with one table lookup per word.
    pub(crate) fn classify_into(
        &self,
        text: &str,
        toks: &mut [Tok],
        hits: &mut Vec<Option<CueHit>>,
    ) {
        hits.reserve(toks.len());
        for i in 0..toks.len() {
            let t = &mut toks[i];
            let mut group = None;
            if t.kind == Kind::Word {
                let (cls, grp) = self.word_entry(&text[t.start..t.end], false);
                t.cls = cls;
                if grp.is_some() {
                    t.flags |= CUE_WORD;
                }
                if t.lower() {
                    group = grp;
                }
            }
            // A phrase reads the words after its first (their text, not their classes).
            hits.push(group.and_then(|g| self.hit_of_group(text, toks, i, g)));
        }
    }

    /// The word classes of word `w` and the group of the phrases it starts, if any, as
    /// [`CueLexicon::classify_into`] gives them (`ascii`: `w` is known to be ASCII).
    #[inline(always)]
    pub(crate) fn word_entry(&self, w: &str, ascii: bool) -> (u32, Option<u32>) {
        let found = if ascii || w.is_ascii() {
            self.inner.index.get_ci(w.as_bytes()).copied()
        } else {
            self.inner.index.get_ci(normalise(w).as_bytes()).copied()
        };
        let (mut cls, grp) = found.unwrap_or((0, None));
        if w.len() > 1 && w.ends_with('.') {
            cls |= crate::people::lexicon::classes(&w[..w.len() - 1]);
        }
        (cls, grp)
    }

    /// The hits of a paragraph tokenised with [`CueLexicon::word_entry`]: `cands` lists (token index, group) of
    /// the words that start a phrase; `hits` gets one entry per token of `toks`, as from
    /// [`CueLexicon::classify_into`].
    pub(crate) fn hits_of(
        &self,
        text: &str,
        toks: &[Tok],
        cands: &[(usize, u32)],
        hits: &mut Vec<Option<CueHit>>,
    ) {
        let base = hits.len();
        hits.resize(base + toks.len(), None);
        for &(i, g) in cands {
            if toks[i].lower() {
                hits[base + i] = self.hit_of_group(text, toks, i, g);
            }
        }
    }

    /// The cue a capitalised word opens, as [`CueLexicon::classify_into`] finds for lower-case words only: for headlines
    /// written in title case ("Mayor Says Budget Is Balanced"), which the caller recognises.
    pub(crate) fn capitalised_hit(&self, text: &str, toks: &[Tok], i: usize) -> Option<CueHit> {
        let t = toks.get(i)?;
        let w = &text[t.start..t.end];
        if t.kind != Kind::Word || !w.is_ascii() {
            return None;
        }
        let g = self.inner.index.get_ci(w.as_bytes())?.1?;
        self.hit_of_group(text, toks, i, g)
    }

    /// The cue of the first phrase of group `g` that the tokens from `i` complete.
    fn hit_of_group(&self, text: &str, toks: &[Tok], i: usize, g: u32) -> Option<CueHit> {
        let (end, p) = self.match_group(text, toks, i, g)?;
        Some(CueHit {
            end,
            role: p.role,
            participle: p.participle,
            usage: p.usage,
            clause: p.clause,
            bare: p.bare,
            object: p.object,
        })
    }

    #[cfg(test)]
    fn phrase_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, &Phrase)> {
        let t = toks.get(i)?;
        if t.kind != Kind::Word || !t.lower() {
            return None;
        }
        let w = &text[t.start..t.end];
        let found = if w.is_ascii() {
            self.inner.index.get_ci(w.as_bytes())?
        } else {
            self.inner.index.get_ci(normalise(w).as_bytes())?
        };
        self.match_group(text, toks, i, found.1?)
    }

    /// The first phrase of group `g` (phrases sharing token i's word) that the tokens after `i` complete.
    fn match_group(&self, text: &str, toks: &[Tok], i: usize, g: u32) -> Option<(usize, &Phrase)> {
        let phrases = &self.inner.groups[g as usize];
        'outer: for p in phrases {
            let mut j = i + 1;
            for word in &p.rest {
                let Some(tj) = toks.get(j) else {
                    continue 'outer;
                };
                let ok = match tj.kind {
                    Kind::Word | Kind::Poss => {
                        let s = &text[tj.start..tj.end];
                        s.eq_ignore_ascii_case(word) || (!s.is_ascii() && normalise(s) == **word)
                    }
                    Kind::Punct => text[tj.start..tj.end] == **word,
                    Kind::Quote => false,
                };
                if !ok {
                    continue 'outer;
                }
                j += 1;
            }
            return Some((j, p));
        }
        None
    }
}

impl Inner {
    fn rebuild_index(&mut self) {
        let mut keys: FnvMap<Box<[u8]>, (u32, Option<u32>)> = FnvMap::default();
        let mut order: Vec<Box<[u8]>> = Vec::new();
        for &(w, c) in lexicon_entries() {
            let k: Box<[u8]> = w.into();
            order.push(k.clone());
            keys.insert(k, (c, None));
        }
        self.groups.clear();
        for (first, phrases) in &self.by_first {
            let g = self.groups.len() as u32;
            self.groups.push(phrases.clone());
            let e = keys.entry(first.clone()).or_insert_with(|| {
                order.push(first.clone());
                (0, None)
            });
            e.1 = Some(g);
        }
        self.index = WordTable::build(order.into_iter().map(|k| {
            let v = keys[&k];
            (k, v)
        }));
    }

    /// Adds a phrase; `content` = (introduces reported content, as a bare clause, or as an object).
    fn add(&mut self, phrase: &str, role: Role, usage: Usage, content: Content) -> Result<()> {
        let (clause, bare, object) = content.flags();
        let norm = normalise(phrase);
        if norm.is_empty() {
            return Err(Error::InvalidArgument(
                "a cue phrase must not be empty".into(),
            ));
        }
        let mut words = norm.split(' ');
        let first: Box<[u8]> = words.next().unwrap_or_default().as_bytes().into();
        let rest: Vec<Box<str>> = words.map(Into::into).collect();
        let participle = first.ends_with(b"ing")
            && first.len() > 4
            && matches!(role, Role::Speech | Role::Label | Role::Belief);
        let list = self.by_first.entry(first).or_default();
        if let Some(existing) = list.iter_mut().find(|p| p.rest == rest) {
            existing.role = role;
            existing.usage = usage;
            existing.clause = clause;
            existing.bare = bare;
            existing.object = object;
        } else {
            list.push(Phrase {
                rest,
                role,
                usage,
                participle,
                clause,
                bare,
                object,
            });
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        if let Some(e) = self.phrases.iter_mut().find(|(p, ..)| *p == norm) {
            e.1 = role;
            e.2 = usage;
            e.3 = content;
        } else {
            self.phrases.push((norm, role, usage, content));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tokens::tokenize;

    fn cue_at(lex: &CueLexicon, text: &str, word: &str) -> Option<(String, Role)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &[], true, &mut toks);
        let i = toks.iter().position(|t| &text[t.start..t.end] == word)?;
        let (j, role, _) = lex.match_at(text, &toks, i)?;
        Some((text[toks[i].start..toks[j - 1].end].to_string(), role))
    }

    #[test]
    fn longest_phrase_wins_and_case_matters_for_the_first_word() {
        let lex = CueLexicon::default();
        assert_eq!(
            cue_at(&lex, "he told reporters on Monday", "told"),
            Some(("told reporters".into(), Role::Speech))
        );
        assert_eq!(
            cue_at(&lex, "he told CNN", "told"),
            Some(("told".into(), Role::Speech))
        );
        assert_eq!(
            cue_at(&lex, "according to the Kremlin", "according"),
            Some(("according to".into(), Role::Source))
        );
        assert_eq!(cue_at(&lex, "Said Smith", "Said"), None);
        assert_eq!(
            cue_at(&lex, "she described it as", "described"),
            Some(("described".into(), Role::Label))
        );
    }

    #[test]
    fn extension_adds_and_overrides() {
        let lex = CueLexicon::default();
        let n = lex.len();
        let lex2 = lex
            .extended([("Harrumphed", Role::Speech), ("said", Role::Belief)])
            .unwrap();
        assert_eq!(lex2.len(), n + 1);
        assert_eq!(lex2.role_of("harrumphed"), Some(Role::Speech));
        assert_eq!(lex2.role_of("said"), Some(Role::Belief));
        assert_eq!(
            lex.role_of("said"),
            Some(Role::Speech),
            "the original is unchanged"
        );
        assert!(lex.extended([("  ", Role::Speech)]).is_err());
        assert!(Role::parse("shout").is_err());
    }

    #[test]
    fn every_default_row_parses() {
        let lex = CueLexicon::default();
        assert!(lex.len() > 300);
        for (p, ..) in lex.phrases() {
            assert_eq!(p, p.to_lowercase());
        }
    }
}
