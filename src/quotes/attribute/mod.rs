//! Attribution rules over the tokens of one paragraph window (crate-internal).
//!
//! Each quotation is one opaque token; around it the rules look, in this order, for
//! 1. a speaker and cue right after it: `“…,” Mr Zelenskiy said`, `“…,” said Mr Putin`, `“…,” according to X`,
//!    the epigraph `“…” ― Name`;
//! 2. the nearest cue before it in its sentence and that cue's subject: `Putin said the war could be a “long
//!    process”`, `He said: “…”`, `The Kremlin on Monday dismissed … as “groundless”`, `Mr Lukashenko thanked his
//!    guest …, and said … “special” warheads` (coordination: the sentence's subject);
//! 3. a cue later in its sentence: `The “disaster” deal will hurt us, Trump said.`
//!
//! The caller adds continuation across quotes and paragraphs. Every scan is bounded (in tokens), so the work per
//! quotation is constant and the whole pass linear.
mod after;
mod before;
mod checks;
mod context;
mod phrases;
mod reported;

use crate::people::lexicon::*;
use crate::people::tokens::{Kind, Tok, ABBR, ALLCAPS, CAP, CUE_WORD, NUM};
use crate::quotes::cues::{CueHit, CueLexicon, Role, Usage};

/// Longest look-back or look-ahead, in tokens, for a cue in the same sentence.
const SCAN: usize = 60;
/// Longest noun phrase, in tokens.
const NP_MAX: usize = 10;

/// How a quotation got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// Speaker and cue right after the quote.
    After,
    /// A cue before it in the sentence.
    Before,
    /// A cue later in the sentence.
    Later,
    /// A colon after a speaker: `Smith: “…”`.
    Colon,
    /// The epigraph form `“…” ― Name`.
    Epigraph,
}

/// A speaker (token range of the noun phrase, byte span of the speaker mention) and a cue (byte span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub speaker: (usize, usize),
    pub cue: Option<(usize, usize)>,
    /// Token index of the cue's first word (for grouping parts that share one cue).
    pub cue_tok: Option<usize>,
    pub how: How,
    /// For a relative pronoun speaker ("who said"), the byte span of the mention it refers to.
    pub refers: Option<(usize, usize)>,
}

pub(crate) struct Window<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// For each token, the index of the first token of its sentence.
    pub sent: Vec<usize>,
    pub cues: &'a CueLexicon,
    /// The cue starting at each token, looked up once.
    hits: &'a [Option<CueHit>],
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.punct(), Some('—' | '–' | '―' | '-'))
}

fn is_final(t: &Tok) -> bool {
    matches!(t.punct(), Some('.' | '!' | '?' | '…'))
}

impl<'a> Window<'a> {
    /// A window over `toks`, classified (and with the cue at each token found) by [`CueLexicon::classify_into`].
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Tok],
        cues: &'a CueLexicon,
        hits: &'a [Option<CueHit>],
        quote_ends_sentence: impl Fn(u32) -> bool,
    ) -> Self {
        let mut sent = Vec::with_capacity(toks.len());
        let mut start = 0;
        for i in 0..toks.len() {
            if i > 0 {
                let p = &toks[i - 1];
                let t = &toks[i];
                let starts = t.cap()
                    || t.kind == Kind::Quote
                    || t.flags & NUM != 0
                    || t.punct() == Some('(');
                let closes_final = p.punct() == Some(')') && i >= 2 && is_final(&toks[i - 2]);
                let boundary = if is_final(p) || closes_final {
                    starts
                } else if p.kind == Kind::Quote {
                    quote_ends_sentence(p.aux) && (t.cap() || t.kind == Kind::Quote)
                } else {
                    false
                };
                if boundary {
                    start = i;
                }
            }
            // Very long "sentences" (no punctuation) are cut to bounded pieces: every scan stays bounded.
            sent.push(start.max(i.saturating_sub(2 * SCAN)));
        }
        Window {
            text,
            toks,
            sent,
            cues,
            hits,
        }
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    #[inline]
    pub(super) fn cue(&self, i: usize) -> Option<(usize, Role, bool)> {
        self.hits[i].map(|h| (h.end, h.role, h.participle))
    }

    /// A dash with white space on both sides (" — ", " - "): a parenthesis or clause boundary, not a hyphen.
    pub(super) fn spaced_dash(&self, i: usize) -> bool {
        let t = &self.toks[i];
        is_dash(t)
            && self.text[..t.start].ends_with(char::is_whitespace)
            && self.text[t.end..].starts_with(char::is_whitespace)
    }

    /// A verb of telling whose object is the person addressed ("told reporters", "informed the board"): the noun
    /// phrase after it is never its speaker, so "…, told the Gazette" is no inverted attribution. The list is
    /// [`reported::words::addressee`], beside its near twin `takes_object` (verbs whose object precedes content).
    pub(super) fn addressee_verb(&self, i: usize) -> bool {
        self.toks[i].lower() && reported::words::addressee(self.word(i))
    }

    /// The usage of the cue at token `i` (`Any` when there is none).
    #[inline]
    pub(super) fn usage(&self, i: usize) -> Usage {
        self.hits[i].map_or(Usage::Any, |h| h.usage)
    }

    /// The end (exclusive) of token i's sentence, looking at most `SCAN` tokens ahead.
    pub(super) fn sent_end(&self, i: usize) -> usize {
        let s = self.sent[i];
        let mut j = i + 1;
        while j < self.toks.len() && self.sent[j] == s && j < i + SCAN {
            j += 1;
        }
        j
    }

    /// A lower-case word in "-ly" that is not a known noun or adjective of people ("regularly", "rarely").
    pub(super) fn ly_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 4
            && w.ends_with("ly")
            && self.toks[i].cls & (PERSON_NOUN | DET | TIME) == 0
            && !matches!(
                w,
                "family"
                    | "early"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "likely"
                    | "elderly"
                    | "friendly"
                    | "costly"
                    | "deadly"
                    | "timely"
                    | "ugly"
                    | "holy"
                    | "rally"
                    | "assembly"
                    | "anomaly"
                    | "monopoly"
                    | "bully"
                    | "supply"
                    | "reply"
                    | "apply"
                    | "belly"
                    | "jelly"
                    | "folly"
                    | "tally"
                    | "homily"
                    | "italy"
                    | "july"
            )
    }
}
