//! Reported speech: the content a cue of the lexicon's `clause` column introduces, without quotation marks.
//!
//! Forms, each with the speaker found by the same machinery as quotes in marks ([`super::phrases`]):
//! - forward: `X said (that) …`, `X told Y (that) …`, `X said on Tuesday that …`, `X has said repeatedly …`,
//!   `X, the mayor of Y, said …`, `X was quoted by Y as saying …`, `…, saying …` (the main clause's subject);
//! - closing: `…, X said.`, `…, said X.`, `…, X said in a statement.`;
//! - source: `According to X, …` and `…, according to X.`
//!
//! The content runs from the first word after the cue (and its object, time adverbials, a "that") to the end of
//! the sentence, or stops before a closing reporting clause, a semicolon or a colon. It must read as a clause: a
//! "that", a subject pronoun, or a noun phrase followed by a verb (`denied the report` is no reported speech).
//!
//! How to read it: [`Window::reported`] (here) is the entry point, called for every token that starts a cue of
//! the `clause` column; it rejects cues that report nothing (passives, infinitives, adjectives, "say" as
//! "for example"), decides whether a form that is a noun elsewhere is a verb here, and hands the cue to the rules
//! of each form, in this order:
//! - `source.rs`: `According to X, …`, `…, according to X.`, `As X reported, …`;
//! - `closing.rs`: `…, X said.`, `…, said X.`, parentheticals;
//! - `forward.rs`: `X said (that) …` and its variants, with the subjects the noun-phrase reader misses;
//! - `headline.rs`: headlines in title case.
//!
//! Each rule finds a speaker candidate (`speakers.rs`: who can speak, coordinated speakers, groups) and a content
//! span (`content.rs`: where the content starts and ends, and whether it reads as a clause), and [`Window::speech`]
//! turns the token ranges into a [`Speech`]. Resolving the speaker mention to an entity happens later, outside
//! this module. The word lists are in `words.rs`.
use super::*;

mod closing;
mod content;
mod forward;
mod headline;
mod source;
mod speakers;
pub(super) mod words;

use words::*;

/// A reported-speech attribution in byte offsets: content, speaker mention (and a relative pronoun's
/// antecedent), cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Speech {
    pub content: (usize, usize),
    pub speaker: (usize, usize),
    pub refers: Option<(usize, usize)>,
    pub cue: (usize, usize),
}

impl<'a> Window<'a> {
    /// The end (exclusive) of token `i`'s sentence, without its final punctuation.
    fn content_end(&self, i: usize) -> usize {
        let s = self.sent[i];
        let mut j = i + 1;
        while j < self.toks.len() && self.sent[j] == s && j < i + 2 * SCAN {
            j += 1;
        }
        while j > i + 1 && matches!(self.toks[j - 1].punct(), Some('.' | '!' | '?' | '…' | ')')) {
            j -= 1;
        }
        j
    }

    /// Reported speech whose cue starts at token `k`, if any.
    pub(crate) fn reported(&self, k: usize) -> Option<Speech> {
        let h = match self.hits[k] {
            Some(h) if h.clause => h,
            None if self.toks[k].cap() => {
                // "According to X, …" opening a sentence: written with a capital, so no lexicon hit.
                if self.word(k) == "According"
                    && self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                    && self.word(k + 1) == "to"
                {
                    let ss = self.sent[k];
                    return self.according(k, k + 2, ss, self.content_end(k));
                }
                return self.headline(k, self.sent[k]);
            }
            _ => return None,
        };
        let ss = self.sent[k];
        let e = self.content_end(k);
        if h.end > e {
            // The cue runs past the end of its sentence: past 2 × SCAN tokens a run-on "sentence" is read in
            // pieces that end at every token (`Window::new`), so a cue of several words there has no room for
            // content (fuzz finding: tests/fuzz_regressions.rs).
            return None;
        }
        if h.role == Role::Source {
            return self.according(k, h.end, ss, e);
        }
        if k > ss && self.passive_be(k, ss) && h.role != Role::Passive && !h.participle {
            // "when the case was argued", "it is said": a passive verb has no speaker before it ("is warning"
            // is a progressive, read below).
            return None;
        }
        if k > ss
            && self.toks[k - 1].lower()
            && self.word(k - 1) == "to"
            && !self.that_follows(h.end)
            && !(h.bare && self.pronoun_clause(h.end))
        {
            // "too many names to mention": an infinitive reports nothing yet; with a that-clause it reports for
            // the clause's subject ("continues to insist that …", "went on to explain that …").
            return None;
        }
        if k > ss
            && self.toks[k - 1].lower()
            && matches!(
                self.word(k - 1),
                "help"
                    | "helps"
                    | "helped"
                    | "helping"
                    | "let"
                    | "lets"
                    | "make"
                    | "makes"
                    | "made"
            )
        {
            // "The grants helped add momentum to …", "let me say": a bare infinitive after "help", "let",
            // "make" is a verb's complement, and the word before it no speaker.
            return None;
        }
        if k > ss
            && k + 1 < self.toks.len()
            && self.toks[k - 1].is_punct(',')
            && self.toks[k + 1].is_punct(',')
            && self.word(k) == "say"
        {
            // "cheaper than, say, a new car"
            return None;
        }
        let quantifier = k == ss + 1
            && matches!(
                self.word(ss).to_ascii_lowercase().as_str(),
                "some" | "many" | "most" | "few" | "several" | "both" | "all" | "one" | "another"
            );
        if k > ss && self.toks[k - 1].is(DET) && self.toks[k - 1].cls & PRONOUN == 0 && !quantifier
        {
            // "the reported figures", "the announced plan": an adjective or a noun.
            return None;
        }
        if !h.participle && h.usage != Usage::Any && h.role == Role::Speech {
            // "…, O'Keefe notes." / "…, he continued.": forms that are nouns elsewhere report in closing position.
            if let Some(s) = self.closing(k, h.end, ss, e) {
                return Some(s);
            }
        }
        let (ce, role, part) = match self.usable_cue(k, ss, usize::MAX) {
            Some(c) => c,
            // "The governor is warning residents that …": after a form of "be" an ambiguous "-ing" form (a noun
            // elsewhere: "a warning that …") is a verb in the progressive.
            None if h.participle && h.usage == Usage::Ambiguous && self.progressive(k, ss) => {
                (h.end, h.role, false)
            }
            // "Unions claim it will cost jobs", "Candidates promise they will …": a form that is a noun elsewhere
            // is a verb before a subject pronoun and its verb, after a subject.
            None if !h.participle
                && h.usage == Usage::Ambiguous
                && self.pronoun_clause(h.end)
                && self.subject_like_before(k)
                && !self.toks[k - 1].is(DET)
                && self.toks[k - 1].kind != Kind::Poss =>
            {
                (h.end, h.role, false)
            }
            // "He's suggesting that …": a progressive with the auxiliary written onto its subject
            None if h.participle
                && k > ss + 1
                && self.toks[k - 1].kind == Kind::Poss
                && self.toks[k - 2].is(PRONOUN)
                && self.toks[k - 2].cls & DET == 0 =>
            {
                (h.end, h.role, false)
            }
            // "…, falsely suggesting that …", "while also saying that …": a participle after its adverbs
            None if h.participle && h.usage == Usage::Any && {
                let pk = self.adverbs_before(k, ss);
                pk < k
                    && pk > ss
                    && (self.toks[pk - 1].is_punct(',')
                        || self.toks[pk - 1].lower() && self.toks[pk - 1].is(SUB | CONJ))
            } =>
            {
                (h.end, h.role, true)
            }
            // "a statement saying …", "with 40 percent saying …": a participle after a noun of saying or a
            // group (read below).
            None if h.participle
                && h.usage == Usage::Any
                && k > ss
                && (self.noun_before_participle(k, ss) || self.group_before(k - 1)) =>
            {
                (h.end, h.role, true)
            }
            None => return None,
        };
        if matches!(role, Role::Label) {
            return None;
        }
        if role == Role::Passive
            && (ce..e.min(ce + 12))
                .any(|x| self.toks[x].lower() && matches!(self.word(x), "as" | "saying"))
        {
            // "were quoted by the RBC news outlet as saying …": the participle "saying" reads it.
            return None;
        }
        let after_as = k > ss && self.toks[k - 1].lower() && self.word(k - 1) == "as";
        let after_noun = self.noun_before_participle(k, ss);
        // "farmers saying the price is too low …", "40 percent saying …": a group and what it says.
        let after_group = part && k > ss && self.group_before(k - 1);
        // "responded by saying …", "opened the session by announcing that …": the main clause's subject speaks.
        let pk = self.adverbs_before(k, ss);
        let after_by = pk > ss
            && self.toks[pk - 1].lower()
            && matches!(
                self.word(pk - 1),
                "by" | "after" | "before" | "while" | "when" | "since" | "and" | "but"
            );
        if part
            && !(pk > ss && self.toks[pk - 1].is_punct(',')
                || after_as
                || after_noun
                || after_group
                || after_by)
        {
            // "a series of decrees declaring …" modifies a noun; ", saying …" and "as saying …" report.
            return None;
        }
        if part && after_as && ce == e {
            // "…, officials were quoted by the RBC news outlet as saying."
            return self.closing_passive(k, ce, ss);
        }
        if !part {
            if let Some(s) = self.as_reported(k, ce, ss, e) {
                return Some(s);
            }
            if let Some(s) = self.closing(k, ce, ss, e) {
                return Some(s);
            }
        }
        self.forward(k, ce, role, part, ss, e)
    }

    fn speech(
        &self,
        content: (usize, usize),
        np: (usize, usize),
        k: usize,
        ce: usize,
    ) -> Option<Speech> {
        let (a, b) = content;
        if !self.clause_like(a, b) || self.toks[a].kind == Kind::Quote && k > b {
            // Content that opens with a quotation in marks before its cue is that quotation's attribution.
            return None;
        }
        Some(Speech {
            content: (self.toks[a].start, self.toks[b - 1].end),
            speaker: self.coordinated_span(np.0, np.1),
            refers: self.refers(np.0, np.1),
            cue: (self.toks[k].start, self.toks[ce - 1].end),
        })
    }

    /// Is the cue at `k` a passive participle ("was argued", "it is said", "has been reported")?
    fn passive_be(&self, k: usize, ss: usize) -> bool {
        let mut j = k;
        while j > ss
            && self.toks[j - 1].lower()
            && (self.toks[j - 1].is(ADV) || self.ly_adverb(j - 1))
        {
            j -= 1;
        }
        j > ss
            && self.toks[j - 1].lower()
            && matches!(
                self.word(j - 1),
                "is" | "was" | "were" | "are" | "be" | "been" | "being" | "'s" | "’s"
            )
    }
}
