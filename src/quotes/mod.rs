//! Quotations: where they are, what kind they are, who said them and with which reporting verb.
//!
//! [`extract`] works on UTF-8 text with byte offsets, without a parser:
//!
//! 1. **Marks** ([`marks`]): quotation marks are paired paragraph by paragraph; one Quote per pair of marks, the
//!    content inside them. A paragraph that leaves a quotation open makes a part that runs to its end.
//! 2. **Attribution**: around each quotation, bounded scans over word tokens look for a speaker and a cue from
//!    the [`cues::CueLexicon`]: right after it (`“…,” Mr Zelenskiy said`, `“…,” said Putin`), before it in its
//!    sentence (`Putin said the war could be a “long process”`, `He said: “…”`), later in its sentence, or by
//!    continuation: the parts of a split quote (`“…,” he said, “…”`) and of a multi-paragraph quote share speaker,
//!    cue and `group`; a paragraph that is only a quotation continues the speaker of the paragraph before.
//! 3. **Kind**: `Direct` when the quotation stands as a clause of its own, `Partial` when it is embedded in an
//!    attributed sentence (`said the war could be a “long process”`), `Scare` when nobody is said to say it
//!    (`“kamikaze” drones` without a reporting verb, titles of works).
//! 4. **Resolution**: the speaker mention is resolved to a gazetteer entity (its head), a person of the document
//!    ([`crate::people`]: "Mr Putin" → Vladimir Putin; "he" → the closest preceding person of a compatible
//!    gender), or else a bare capitalised name.
//!
//! ```
//! use saidwho::quotes::{extract, QuoteKind, QuoteOptions};
//! let text = "Russian President Vladimir Putin said the war could be a “long process”.\n\
//!             “We will win,” he told reporters, “whatever it takes.”";
//! let r = extract(text, &[], &QuoteOptions::default());
//! let q: Vec<(&str, QuoteKind, &str, &str, &str)> = r.quotes.iter().map(|q| (
//!     &text[q.start..q.end], q.kind,
//!     &text[q.speaker.clone().unwrap()], r.speaker_name(q).unwrap(), &text[q.cue.clone().unwrap()],
//! )).collect();
//! assert_eq!(q, [
//!     ("long process", QuoteKind::Partial, "Vladimir Putin", "Vladimir Putin", "said"),
//!     ("We will win,", QuoteKind::Direct, "he", "Vladimir Putin", "told reporters"),
//!     ("whatever it takes.", QuoteKind::Direct, "he", "Vladimir Putin", "told reporters"),
//! ]);
//! assert_eq!(r.quotes[1].group, r.quotes[2].group);
//! ```
mod attribute;
pub mod cues;
pub mod marks;

use crate::people::lexicon::FnvMap;
use std::ops::Range;
use std::sync::Arc;

use attribute::{Found, How, Window};
use cues::CueLexicon;
use marks::RawQuote;

use crate::people::lexicon::{CONJ, DET, PRONOUN, PRON_F, PRON_M};
use crate::people::tokens::{tokenize, Kind, Tok};
use crate::people::{find_people, slug, EntityMention, Gender, People};
use crate::text::segment::paragraphs;
use crate::{Error, Result};

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// An utterance quoted as a clause of its own: `“We will win,” he said.`
    Direct,
    /// A fragment inside reported speech: `Putin said the war could be a “long process”.`
    Partial,
    /// Nobody's speech: `“kamikaze” drones`, titles of works.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One quotation (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The content inside the marks (trimmed of white space).
    pub start: usize,
    pub end: usize,
    /// From the opening mark to the end of the closing mark (to the paragraph's end for an open part).
    pub open: usize,
    pub close: usize,
    pub kind: QuoteKind,
    /// The speaker mention as written ("he", "Mr Putin", "The Kremlin"); for a quote that continues an earlier
    /// one, the mention that named the speaker there.
    pub speaker: Option<Range<usize>>,
    /// Index into [`QuoteResult::speakers`] of the resolved speaker.
    pub speaker_ref: Option<usize>,
    /// The reporting expression ("said", "told reporters", "according to", ":").
    pub cue: Option<Range<usize>>,
    /// Shared by the parts of one split or multi-paragraph quotation; numbered from 0 in text order.
    pub group: usize,
    /// Index of the paragraph holding it (see [`crate::text::segment::paragraphs`]).
    pub para: usize,
}

/// A resolved speaker: a gazetteer entity, a person of the document, or a bare name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    /// The entity label ("PERSON", "ORG"…), "PERSON" for people found in the text, "" for a bare name.
    pub label: String,
    /// Index into [`People::persons`] when the speaker is a person of the document.
    pub person: Option<usize>,
}

/// Options of [`extract`].
#[derive(Debug, Clone, Default)]
pub struct QuoteOptions {
    /// The reporting cues (default: the built-in lexicon).
    pub cues: CueLexicon,
}

/// The quotations of one text, their resolved speakers and the people of the text.
#[derive(Debug, Clone, Default)]
pub struct QuoteResult {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub people: People,
}

impl QuoteResult {
    pub fn speaker_id(&self, q: &Quote) -> Option<&str> {
        q.speaker_ref.map(|i| self.speakers[i].id.as_str())
    }
    pub fn speaker_name(&self, q: &Quote) -> Option<&str> {
        q.speaker_ref.map(|i| self.speakers[i].name.as_str())
    }
}

/// How much text before (`MARGIN`) and after (`MARGIN_AFTER`) a quotation attribution reads, the longest
/// paragraph tail kept in full for the next paragraph, and the largest window (bytes). Every scan inside is
/// bounded in tokens as well.
const MARGIN: usize = 300;
const MARGIN_AFTER: usize = 200;
const TAIL: usize = 1500;
const MAX_WINDOW: usize = 1 << 16;

fn floor_boundary(text: &str, mut i: usize) -> usize {
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
struct Att {
    speaker: Option<(usize, usize)>,
    /// What a relative-pronoun speaker refers to (used to resolve it).
    refers: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    group: usize,
    kind: Option<QuoteKind>,
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

/// Finds the quotations of `text`, attributes and resolves them. `entities` (gazetteer mentions, byte offsets,
/// sorted by start; may be empty) resolve speakers to entity ids and mark people.
pub fn extract(text: &str, entities: &[EntityMention], opts: &QuoteOptions) -> QuoteResult {
    let paras: Vec<Range<usize>> = paragraphs(text).collect();
    let raw = marks::find_quotes(text, &paras);
    let people = find_people(text, entities);
    let mut atts = vec![Att::default(); raw.len()];
    let mut next_group = 0usize;
    let mut prev_end: Option<ParaEnd> = None;
    let mut toks: Vec<Tok> = Vec::new();
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
                toks.clear();
                tokenize(text, ws, pp.end, &[], false, &mut toks);
                let hits = opts.cues.classify(text, &mut toks);
                let w = Window::new(text, &toks, &opts.cues, hits, |_| false);
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
            toks.clear();
            tokenize(text, ws, we, &spans, false, &mut toks);
            let ends_sentence = |idx: u32| {
                let q = &raw[idx as usize];
                !q.closed || text[q.start..q.end].ends_with(['.', '!', '?'])
            };
            let hits = opts.cues.classify(text, &mut toks);
            let w = Window::new(text, &toks, &opts.cues, hits, ends_sentence);
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
                let own = if !alone_before {
                    // An embedded quote: a reporting clause closing the sentence, else the nearest cue before.
                    w.closing_report(qi)
                        .or_else(|| w.before(qi))
                        .or_else(|| w.after(qi, quote_final))
                } else if full_stop {
                    w.before(qi).or_else(|| w.after(qi, quote_final))
                } else {
                    w.after(qi, quote_final).or_else(|| w.before(qi))
                }
                .or_else(|| w.later(qi));
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
                if let Some(prev) = continued {
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
                    .then(|| dash_line_after(text, &paras, pi))
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
                } else if let Some(f) = w.previous_sentence(qi) {
                    att.speaker = Some(f.speaker);
                    att.refers = f.refers;
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
                    } else if alone_before && after_ok && words_in(&text[q.start..q.end]) >= 4 {
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

    // Groups in order of first appearance.
    let mut renumber: FnvMap<usize, usize> = FnvMap::default();
    for att in &atts {
        let n = renumber.len();
        renumber.entry(att.group).or_insert(n);
    }

    // Resolution.
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut speaker_index: FnvMap<String, usize> = FnvMap::default();
    let mut cache: FnvMap<(usize, usize), Option<usize>> = FnvMap::default();
    let mut quotes = Vec::with_capacity(raw.len());
    for (q, att) in raw.iter().zip(&atts) {
        let speaker_ref = att
            .speaker
            .map(|sp| att.refers.unwrap_or(sp))
            .and_then(|sp| {
                *cache.entry(sp).or_insert_with(|| {
                    resolve(text, sp, entities, &people, &raw).map(|s| {
                        let n = speakers.len();
                        let i = *speaker_index.entry(s.id.clone()).or_insert(n);
                        if i == n {
                            speakers.push(s);
                        }
                        i
                    })
                })
            });
        quotes.push(Quote {
            start: q.start,
            end: q.end,
            open: q.open,
            close: q.close,
            kind: att.kind.unwrap_or(QuoteKind::Scare),
            speaker: att.speaker.map(|(s, e)| s..e),
            speaker_ref,
            cue: att.cue.map(|(s, e)| s..e),
            group: renumber[&att.group],
            para: q.para as usize,
        });
    }
    QuoteResult {
        quotes,
        speakers,
        people,
    }
}

/// Resolves a speaker mention to an entity, a person or a bare name.
fn resolve(
    text: &str,
    (s, e): (usize, usize),
    entities: &[EntityMention],
    people: &People,
    raw: &[RawQuote],
) -> Option<Speaker> {
    // A gazetteer entity that is the mention's head (it ends where the mention ends).
    let i = entities.partition_point(|m| m.start < s);
    for m in entities[i..].iter().take_while(|m| m.start < e) {
        // An entity running past the mention's end is not its head (fuzz finding: tests/fuzz_regressions.rs).
        if m.end == e
            || (m.end < e && m.end + 1 >= e && text[m.end..e].chars().all(|c| !c.is_alphanumeric()))
        {
            let person = if m.is_person() {
                people.person_at(m.start, m.end)
            } else {
                None
            };
            return Some(Speaker {
                id: m.id.clone(),
                name: m.name.clone(),
                label: m.label.clone(),
                person,
            });
        }
    }
    let mut toks = Vec::new();
    tokenize(text, s, e, &[], true, &mut toks);
    if toks.len() == 1 && toks[0].kind == Kind::Word && toks[0].cls & PRONOUN != 0 {
        let gender = if toks[0].cls & PRON_M != 0 {
            Gender::Male
        } else if toks[0].cls & PRON_F != 0 {
            Gender::Female
        } else {
            return None;
        };
        let inside_quote = |pos: usize| {
            let k = raw.partition_point(|q| q.start <= pos);
            k > 0 && raw[k - 1].end > pos
        };
        let p = people.antecedent(s, gender, inside_quote)?;
        return Some(person_speaker(people, p));
    }
    // A person's mention that is the speaker's name (not "the mayor of Tom Smith's town").
    if let Some(m) = people.mention_at(s, e) {
        if m.end == e || m.start == s {
            return Some(person_speaker(people, m.person));
        }
    }
    // A bare capitalised name ("Ukraine", "Breitbart"): no determiner, no lower-case words.
    let name_like = !toks.is_empty()
        && toks.iter().all(|t| match t.kind {
            Kind::Word => t.cap() && t.cls & (DET | CONJ) == 0,
            Kind::Punct => matches!(t.punct(), Some('-' | '.')),
            _ => false,
        });
    if name_like {
        let name_start = toks
            .iter()
            .position(|t| t.cls & crate::people::lexicon::HONORIFIC == 0)
            .map_or(s, |k| toks[k].start);
        let name = text[name_start..e].to_string();
        if name.is_empty() {
            return None;
        }
        return Some(Speaker {
            id: slug(&name),
            name,
            label: String::new(),
            person: None,
        });
    }
    None
}

fn person_speaker(people: &People, p: usize) -> Speaker {
    let person = &people.persons[p];
    Speaker {
        id: person.id.clone(),
        name: person.name.clone(),
        label: "PERSON".into(),
        person: Some(p),
    }
}

/// Runs [`extract`] over many texts on `n_threads` threads (all cores when `None`). `entities`, when given,
/// has one list per text.
pub fn extract_batch(
    texts: &[&str],
    entities: Option<&[Vec<EntityMention>]>,
    opts: &QuoteOptions,
    n_threads: Option<usize>,
) -> Result<Vec<QuoteResult>> {
    use rayon::prelude::*;
    if let Some(e) = entities {
        if e.len() != texts.len() {
            return Err(Error::InvalidArgument(format!(
                "{} entity lists for {} texts",
                e.len(),
                texts.len()
            )));
        }
    }
    let run = || {
        texts
            .par_iter()
            .enumerate()
            .map(|(i, t)| extract(t, entities.map_or(&[][..], |e| &e[i]), opts))
            .collect()
    };
    Ok(thread_pool(n_threads)?.install(run))
}

/// A cached rayon pool of `n` threads (all cores when `None`); see [`crate::parallel`] (fork-aware).
pub fn thread_pool(n: Option<usize>) -> Result<Arc<rayon::ThreadPool>> {
    crate::parallel::pool(n)
}
