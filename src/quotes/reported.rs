//! Reported speech over a whole text: paragraph by paragraph, every cue that introduces reported content
//! ([`super::cues::CueLexicon::clause_of`]) is read by the rules of [`super::attribute`] (`Window::reported`).
//!
//! A paragraph whose tokens (the document's one tokenisation) hold no such cue is skipped. Quotations in marks are single tokens
//! here, so reported content may hold them (a mixed quote: `Putin said the situation was “extremely
//! difficult”`); the caller gives the quotes inside one reported content the same group.
use std::ops::Range;

use super::marks::RawQuote;
use super::QuoteOptions;
use crate::document::{DocTokens, WindowBuf};
use crate::people::tokens::{Tok, CUE_WORD};

use super::attribute::Window;
use super::marked::floor_boundary;

/// Longest window tokenised at once (bytes); longer paragraphs are read in pieces cut outside quotations.
const MAX_WINDOW: usize = 1 << 16;

/// One reported-speech attribution (byte offsets) in paragraph `para`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reported {
    pub start: usize,
    pub end: usize,
    pub speaker: (usize, usize),
    pub refers: Option<(usize, usize)>,
    pub cue: (usize, usize),
    pub para: usize,
}

/// The reported speech of `text`, in text order, without overlapping duplicates of one content. Windows are
/// read from the document's tokens `doc`.
pub(super) fn find(
    text: &str,
    paras: &[Range<usize>],
    raw: &[RawQuote],
    opts: &QuoteOptions,
    doc: &DocTokens,
) -> Vec<Reported> {
    let mut out: Vec<Reported> = Vec::new();
    let mut buf = WindowBuf::default();
    let mut spans: Vec<(u32, usize, usize)> = Vec::new();
    let mut qi = 0usize;
    let mut k = 0usize; // the first token of the paragraph
    for (pi, para) in paras.iter().enumerate() {
        let q0 = qi;
        while qi < raw.len() && (raw[qi].para as usize) <= pi {
            qi += 1;
        }
        // A paragraph holding no cue that introduces content (nor "According") is not read.
        let k0 = k;
        while k < doc.toks.len() && doc.toks[k].start < para.end {
            k += 1;
        }
        let has_cue = (k0..k).any(|i| {
            doc.hits[i].is_some_and(|h| h.clause) || {
                let t = &doc.toks[i];
                // A capitalised cue word: "According to", a headline's "Says".
                t.cap() && (t.flags & CUE_WORD != 0 || &text[t.start..t.end] == "According")
            }
        });
        if !has_cue {
            continue;
        }
        let pq = &raw[q0..qi];
        let mut ws = para.start;
        while ws < para.end {
            let mut we = para.end;
            if we - ws > MAX_WINDOW {
                we = floor_boundary(text, ws + MAX_WINDOW);
                // Never cut inside a quotation.
                if let Some(q) = pq.iter().find(|q| q.open < we && we < q.close) {
                    we = q.close;
                }
            }
            spans.clear();
            spans.extend(
                pq.iter()
                    .enumerate()
                    .filter(|(_, q)| q.open >= ws && q.close <= we)
                    .map(|(i, q)| ((q0 + i) as u32, q.open, q.close)),
            );
            let (toks, hits) = doc.window(text, ws, we, &spans, &opts.cues, &mut buf);
            let ends_sentence = |idx: u32| raw[idx as usize].ends_sentence(text);
            let w = Window::new(text, toks, &opts.cues, hits, ends_sentence);
            read_window(text, &w, toks, pi, &mut out);
            ws = we;
        }
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    out
}

/// Every reported-speech attribution of one window (tokens `toks` of paragraph `pi`), appended to `out`.
fn read_window(text: &str, w: &Window<'_>, toks: &[Tok], pi: usize, out: &mut Vec<Reported>) {
    for k in 0..toks.len() {
        let Some(s) = w.reported(k) else {
            continue;
        };
        let r = Reported {
            start: s.content.0,
            end: s.content.1,
            speaker: s.speaker,
            refers: s.refers,
            cue: s.cue,
            para: pi,
        };
        // "X denied that …, and claimed …": the second verb shares the first one's subject, and the first
        // content ends before "and".
        let mut r = r;
        if k >= 1 && &text[toks[k - 1].start..toks[k - 1].end] == "and" {
            if let Some(prev) = out.last_mut().filter(|p| {
                // the first content runs over this cue, or was cut right before its "and"
                p.para == pi
                    && p.start < toks[k].start
                    && (p.end >= toks[k].start
                        || toks[k.saturating_sub(3)..k].iter().any(|t| t.end == p.end))
            }) {
                let mut cut = k - 1;
                if cut > 0 && &text[toks[cut - 1].start..toks[cut - 1].end] == "," {
                    cut -= 1;
                }
                if cut > 0 && toks[cut - 1].end > prev.start {
                    prev.end = toks[cut - 1].end;
                    r.speaker = prev.speaker;
                    r.refers = prev.refers;
                }
            }
        }
        // One attribution per content: a later cue reading the same words again is dropped.
        if out
            .iter()
            .rev()
            .take(4)
            .any(|o| o.start == r.start && o.end == r.end)
        {
            continue;
        }
        out.push(r);
    }
}
