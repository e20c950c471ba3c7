//! Attribution of quotations in marks: paragraph by paragraph, windows of tokens around the quotations, the
//! rules of [`super::attribute`] for each quote, then continuation: the parts of a split quote (`“…,” he said,
//! “…”`) and of a multi-paragraph quote share speaker, cue and `group`; a paragraph that is only a quotation
//! continues the speaker of the paragraph before; a signature line (`— Sanders`) names the speaker of the quote
//! above it.
use std::ops::Range;

use super::attribute::{Found, How, Window};
use super::marks::RawQuote;
use super::{QuoteKind, QuoteOptions};
use crate::document::{DocTokens, WindowBuf};
use crate::people::lexicon::FnvMap;
use crate::people::tokens::Kind;

/// How much text before (`MARGIN`) and after (`MARGIN_AFTER`) a quotation attribution reads, the longest
/// paragraph tail kept in full for the next paragraph, and the largest window (bytes). Every scan inside is
/// bounded in tokens as well.
const MARGIN: usize = 300;
const MARGIN_AFTER: usize = 200;
const TAIL: usize = 1500;
const MAX_WINDOW: usize = 1 << 16;

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A speaker mention's byte span and, for a relative pronoun ("who"), the span of what it refers to.
type SpeakerSpans = ((usize, usize), Option<(usize, usize)>);

/// What a paragraph leaves to the next one.
#[derive(Debug, Clone, Copy)]
struct ParaEnd {
    para: usize,
    /// The speaker (mention span, and what a relative pronoun refers to) of the last attribution, for a
    /// quote-only next paragraph.
    speaker: Option<SpeakerSpans>,
    /// The last quote, when it was left open (a multi-paragraph quotation continues): its index.
    open_quote: Option<usize>,
}

/// Per-quote attribution before resolution.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Att {
    pub(super) speaker: Option<(usize, usize)>,
    /// What a relative-pronoun speaker refers to (used to resolve it).
    pub(super) refers: Option<(usize, usize)>,
    pub(super) cue: Option<(usize, usize)>,
    pub(super) group: usize,
    pub(super) kind: Option<QuoteKind>,
}

fn words_in(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The name on a short line after paragraph `pi` that starts with a dash ("— Sanders", "- Frank Newport."),
/// when paragraph `pi` holds nothing but its quotation.
fn dash_line_after(text: &str, paras: &[Range<usize>], pi: usize) -> Option<(usize, usize)> {
    let next = paras.get(pi + 1)?;
    let line = &text[next.clone()];
    if line.len() > 80 {
        return None;
    }
    let rest = line.trim_start_matches(['-', '—', '–', '―', ' ']);
    if rest.len() == line.len() || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    // "-Michelle Marks, Philadelphia.": the name before the first comma.
    let name = rest
        .split(',')
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ' ']);
    if name.is_empty() || name.split_whitespace().count() > 5 || name.contains([';', ':', '“', '"'])
    {
        return None;
    }
    let s = next.start + (line.len() - rest.len());
    Some((s, s + name.len()))
}

/// The speaker label that opens the content of quotation `q` when it is a turn of a transcript: one to three
/// upper-case words and a colon ("PENCE: Well, …", "MS. DIAZ: No."), at least two letters in all.
fn transcript_label(text: &str, q: &RawQuote) -> Option<(usize, usize)> {
    let content = &text[q.start..q.end];
    let colon = content.get(..40).unwrap_or(content).find(':')?;
    let label = &content[..colon];
    let words = label.split_whitespace().count();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (1..=3).contains(&words)
        && letters >= 2
        && label.starts_with(|c: char| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && content[colon + 1..].starts_with(' ');
    ok.then_some((q.start, q.start + label.trim_end().len()))
}

/// Attributes the quotations `raw` of `text` (paragraphs `paras`): one [`Att`] per quotation, groups numbered in
/// order of creation (the caller renumbers them in text order). Windows are read from the document's tokens
/// `doc`.
pub(super) fn attribute(
    text: &str,
    paras: &[Range<usize>],
    raw: &[RawQuote],
    opts: &QuoteOptions,
    doc: &DocTokens,
) -> Vec<Att> {
    let mut atts = vec![Att::default(); raw.len()];
    let mut next_group = 0usize;
    let mut prev_end: Option<ParaEnd> = None;
    let mut buf = WindowBuf::default();
    let mut spans: Vec<(u32, usize, usize)> = Vec::new();

    let mut a = 0;
    while a < raw.len() {
        let pi = raw[a].para as usize;
        let mut b = a;
        while b < raw.len() && raw[b].para as usize == pi {
            b += 1;
        }
        let para = paras[pi].clone();
        // The previous paragraph's contribution, when it had no quotations of its own.
        let inherited: Option<ParaEnd> = match prev_end {
            Some(pe) if pe.para + 1 == pi => Some(pe),
            _ if pi > 0 => {
                let pp = paras[pi - 1].clone();
                let ws = floor_boundary(text, pp.start.max(pp.end.saturating_sub(MARGIN)));
                let (toks, hits) = doc.window(text, ws, pp.end, &[], &opts.cues, &mut buf);
                let w = Window::new(text, toks, &opts.cues, hits, |_| false);
                Some(ParaEnd {
                    para: pi - 1,
                    speaker: w.tail().map(|(f, _)| (f.speaker, f.refers)),
                    open_quote: None,
                })
            }
            _ => None,
        };
        let mut last_speaker: Option<SpeakerSpans> = None;
        // Windows over the paragraph: the whole paragraph unless it is huge.
        let mut qa = a;
        while qa < b {
            let ws = floor_boundary(text, para.start.max(raw[qa].open.saturating_sub(MARGIN)));
            let mut qb = qa + 1;
            let mut we = ceil_boundary(text, para.end.min(raw[qa].close + MARGIN_AFTER));
            while qb < b && raw[qb].open.saturating_sub(MARGIN) <= we && we - ws < MAX_WINDOW {
                we = ceil_boundary(text, para.end.min(raw[qb].close + MARGIN_AFTER));
                qb += 1;
            }
            if qb == b && para.end - we < TAIL {
                // The paragraph's last sentence may hand a speaker to the next paragraph.
                we = para.end;
            }
            spans.clear();
            spans.extend((qa..qb).map(|i| (i as u32, raw[i].open, raw[i].close)));
            let (toks, hits) = doc.window(text, ws, we, &spans, &opts.cues, &mut buf);
            let ends_sentence = |idx: u32| raw[idx as usize].ends_sentence(text);
            let w = Window::new(text, toks, &opts.cues, hits, ends_sentence);
            // Attribution, quote by quote, with continuation inside the window.
            let mut prev_in_window: Option<(usize, Found)> = None; // (raw index, found)
            let mut cue_groups: FnvMap<usize, usize> = FnvMap::default();
            for (qi, tok) in toks.iter().enumerate() {
                if tok.kind != Kind::Quote {
                    continue;
                }
                let idx = tok.aux as usize;
                let q = raw[idx];
                let first_in_para = idx == a;
                let opens_para = first_in_para && q.open == para.start;
                let alone_before = w.stands_alone_before(qi);
                let quote_final = ends_sentence(idx as u32);
                // A quote that ends its sentence looks first before itself (`He said: “…” He then left.`).
                let full_stop = text[q.start..q.end].ends_with('.');
                // Each rule's speaker must be able to speak; one that cannot leaves the quote to the next rule.
                let ok = |f: Option<Found>| f.filter(|f| !w.speaker_bad(f));
                let own = if !alone_before {
                    // An embedded quote: a reporting clause closing the sentence, else the nearest cue before.
                    ok(w.closing_report(qi))
                        .or_else(|| ok(w.before(qi)))
                        .or_else(|| ok(w.after(qi, quote_final)))
                } else if full_stop {
                    ok(w.before(qi)).or_else(|| ok(w.after(qi, quote_final)))
                } else {
                    ok(w.after(qi, quote_final)).or_else(|| ok(w.before(qi)))
                }
                .or_else(|| ok(w.later(qi)));
                // A part of a multi-paragraph quotation continues the one left open (its own attribution, if any,
                // names the speaker anew: “…,” Sanders continued).
                let continued = match inherited {
                    Some(ParaEnd {
                        open_quote: Some(oq),
                        ..
                    }) if opens_para => Some(atts[oq]),
                    _ => None,
                };
                let mut att = Att::default();
                let mut group = None;
                if let Some(sp) = transcript_label(text, &q) {
                    // `"SMITH: We will …`: a turn of a transcript, the words of the speaker its label names; a
                    // turn starts a group of its own.
                    att.speaker = Some(sp);
                    att.kind = Some(QuoteKind::Direct);
                } else if let Some(prev) = continued {
                    att = prev;
                    group = Some(prev.group);
                    if let Some(f) = own.filter(|f| f.how == How::After) {
                        att.speaker = Some(f.speaker);
                        att.refers = f.refers;
                        att.cue = f.cue;
                    }
                    att.kind = Some(QuoteKind::Direct);
                } else if let Some(f) = own {
                    att.speaker = Some(f.speaker);
                    att.refers = f.refers;
                    att.cue = f.cue;
                    if let Some(ct) = f.cue_tok {
                        group = cue_groups.get(&ct).copied();
                    }
                } else if let (true, Some((pidx, pf))) =
                    (alone_before && w.sentence_start(qi), prev_in_window)
                {
                    // “…,” Ross said. “…” — the next sentence continues the same speaker.
                    att.speaker = Some(pf.speaker);
                    att.refers = pf.refers;
                    att.cue = atts[pidx].cue;
                    group = Some(atts[pidx].group);
                } else if let Some(sp) = opens_para
                    .then(|| dash_line_after(text, paras, pi))
                    .flatten()
                {
                    // “…”¶— Sanders: a signature on the next line.
                    att.speaker = Some(sp);
                } else if opens_para {
                    // A paragraph that opens with a quotation continues the previous paragraph's speaker.
                    if let Some(pe) = inherited {
                        att.speaker = pe.speaker.map(|x| x.0);
                        att.refers = pe.speaker.and_then(|x| x.1);
                    }
                } else if let Some(f) = (!alone_before).then(|| ok(w.subject_partial(qi))).flatten()
                {
                    // A quoted phrase inside a clause whose subject can speak: that subject's words.
                    att.speaker = Some(f.speaker);
                    att.refers = f.refers;
                } else if let Some(f) = w.previous_sentence(qi) {
                    att.speaker = Some(f.speaker);
                    att.refers = f.refers;
                }
                // A paragraph that is nothing but a quoted phrase in title case, nobody named with it, is a
                // section heading ("‘Nothing Left to Lose.’" between two paragraphs): nobody's words.
                let heading = opens_para
                    && q.closed
                    && own.is_none()
                    && continued.is_none()
                    && text[q.close..para.end]
                        .chars()
                        .all(|c| c.is_whitespace() || ".!?".contains(c))
                    && w.title_case(qi);
                let named = continued.is_none()
                    && !w.chant_before(qi)
                    && ((!alone_before && (w.title_after_owner(qi) || w.nickname(qi)))
                        || w.title_near_work(qi));
                if heading || named {
                    // “Meet the Press”, CNN’s “New Day”, the anthem “…”: a title; Juan “Chico” Ortiz: a nickname; nobody's
                    // words.
                    att = Att::default();
                    att.kind = Some(QuoteKind::Scare);
                    group = None;
                }
                let g = group.unwrap_or_else(|| {
                    next_group += 1;
                    next_group - 1
                });
                if let Some(Found {
                    cue_tok: Some(ct), ..
                }) = own
                {
                    cue_groups.entry(ct).or_insert(g);
                }
                att.group = g;
                if att.kind.is_none() {
                    let after_ok = !q.closed || w.stands_alone_after(qi);
                    att.kind = Some(if att.speaker.is_some() {
                        if alone_before && after_ok {
                            QuoteKind::Direct
                        } else {
                            QuoteKind::Partial
                        }
                    } else if alone_before && after_ok && words_in(&text[q.start..q.end]) >= 4
                        || w.chant_before(qi)
                    {
                        // A chant or a cry of an unnamed crowd ("to chants of “Four more years”") is speech
                        // with no speaker named.
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Scare
                    });
                }
                if let Some(sp) = att.speaker {
                    last_speaker = Some((sp, att.refers));
                    prev_in_window = Some((
                        idx,
                        Found {
                            speaker: sp,
                            cue: att.cue,
                            cue_tok: Some(qi),
                            how: How::Before,
                            refers: att.refers,
                        },
                    ));
                }
                atts[idx] = att;
            }
            // A cue after the last quotation (in the paragraph's last sentence) speaks for the next paragraph.
            if qb == b {
                if let Some((f, k)) = w.tail() {
                    if toks[k].start > raw[b - 1].close {
                        last_speaker = Some((f.speaker, f.refers));
                    }
                }
            }
            qa = qb;
        }
        let last = &raw[b - 1];
        prev_end = Some(ParaEnd {
            para: pi,
            speaker: last_speaker,
            open_quote: if last.closed { None } else { Some(b - 1) },
        });
        a = b;
    }

    // The parts of one group share the speaker: a first part that names nobody (“…,¶“…,” said Smith) takes
    // the speaker and cue named by a later part.
    let mut named: FnvMap<usize, Att> = FnvMap::default();
    for att in &atts {
        if att.speaker.is_some() {
            named.entry(att.group).or_insert(*att);
        }
    }
    for (att, q) in atts.iter_mut().zip(raw) {
        // Only the open parts of a multi-paragraph quotation (a closed scare quote keeps its kind).
        if att.speaker.is_none() && !q.closed {
            if let Some(n) = named.get(&att.group) {
                att.speaker = n.speaker;
                att.refers = n.refers;
                att.cue = n.cue;
                if att.kind == Some(QuoteKind::Scare) {
                    att.kind = n.kind;
                }
            }
        }
    }
    atts
}
