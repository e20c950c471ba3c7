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
//! 4. **Reported speech** (`attribute/reported/`, on unless [`QuoteOptions::reported`] is false): every cue whose lexicon
//!    row says it introduces content ([`cues::Content`]) is read by the same speaker machinery for the forms
//!    `X said (that) …`, `…, X said.`, `According to X, …`; its content becomes a quote of kind `Indirect`, and
//!    the quotations in marks inside it share its group (and, when no rule attributed them, its speaker).
//! 5. **Resolution**: the speaker mention is resolved to a gazetteer entity (its head), a person of the document
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
//!     ("the war could be a “long process”", QuoteKind::Indirect, "Vladimir Putin", "Vladimir Putin", "said"),
//!     ("long process", QuoteKind::Partial, "Vladimir Putin", "Vladimir Putin", "said"),
//!     ("We will win,", QuoteKind::Direct, "he", "Vladimir Putin", "told reporters"),
//!     ("whatever it takes.", QuoteKind::Direct, "he", "Vladimir Putin", "told reporters"),
//! ]);
//! assert_eq!(r.quotes[0].group, r.quotes[1].group); // the reported content and its quoted words
//! assert_eq!(r.quotes[2].group, r.quotes[3].group); // the parts of a split quotation
//! ```
mod attribute;
pub mod cues;
mod marked;
pub mod marks;
mod reported;
mod resolve;

use crate::people::lexicon::FnvMap;
use std::ops::Range;
use std::sync::Arc;

use cues::CueLexicon;

use crate::document::DocTokens;
use crate::people::{find_people_in, EntityMention, People};
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
    /// Reported speech without quotation marks: the content of `Kyiv said (that) the move was illegal`,
    /// `…, they said.`, `According to the ministry, …`. Quotes in marks inside it are its partial quotes and share
    /// its `group`.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Indirect => "indirect",
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
#[derive(Debug, Clone)]
pub struct QuoteOptions {
    /// The reporting cues (default: the built-in lexicon).
    pub cues: CueLexicon,
    /// Find reported speech (quotes of kind [`QuoteKind::Indirect`]) too (default: true).
    pub reported: bool,
}

impl Default for QuoteOptions {
    fn default() -> Self {
        QuoteOptions {
            cues: CueLexicon::default(),
            reported: true,
        }
    }
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

/// Finds the quotations of `text`, attributes and resolves them. `entities` (gazetteer mentions, byte offsets,
/// sorted by start; may be empty) resolve speakers to entity ids and mark people.
pub fn extract(text: &str, entities: &[EntityMention], opts: &QuoteOptions) -> QuoteResult {
    let lines: Vec<Range<usize>> = paragraphs(text).collect();
    let paras = join_wrapped_lines(text, &lines);
    // The index of the line (see `paragraphs`) holding byte `pos`.
    let line_of = |pos: usize| lines.partition_point(|l| l.start <= pos).saturating_sub(1);
    let raw = marks::find_quotes(text, &paras);
    // One tokenisation of the text, read by every stage below.
    let doc = DocTokens::new(text, &paras, Some(&opts.cues));
    let mut atts = marked::attribute(text, &paras, &raw, opts, &doc);
    let reported = if opts.reported {
        reported::find(text, &paras, &raw, opts, &doc)
    } else {
        Vec::new()
    };
    // The speakers of attributions are evidence of people ("said Jane Doe").
    let mut spoken: Vec<(usize, usize)> = atts
        .iter()
        .filter(|a| a.refers.is_none())
        .filter_map(|a| a.speaker)
        .chain(
            reported
                .iter()
                .filter(|r| r.refers.is_none())
                .map(|r| r.speaker),
        )
        .collect();
    spoken.sort_unstable();
    spoken.dedup();
    let people = find_people_in(text, &lines, &doc, entities, &spoken);

    // Reported content and the quotations in marks inside it share a group; a quotation inside reported
    // content that no rule attributed is that speaker's partial quote.
    let mut next_group = atts.iter().map(|a| a.group + 1).max().unwrap_or(0);
    let mut rep_groups = Vec::with_capacity(reported.len());
    let mut first_quote = 0usize;
    for r in &reported {
        while first_quote < raw.len() && raw[first_quote].open < r.start {
            first_quote += 1;
        }
        let inside = (first_quote..raw.len()).take_while(|&i| raw[i].open < r.end);
        let mut group = None;
        for i in inside {
            if raw[i].close > r.end {
                break;
            }
            let att = &mut atts[i];
            if att.speaker.is_none() || att.kind == Some(QuoteKind::Scare) {
                att.speaker = Some(r.speaker);
                att.refers = r.refers;
                att.cue = Some(r.cue);
                att.kind = Some(QuoteKind::Partial);
            }
            if att.speaker == Some(r.speaker) {
                match group {
                    None => group = Some(att.group),
                    Some(g) => att.group = g,
                }
            }
        }
        rep_groups.push(group.unwrap_or_else(|| {
            next_group += 1;
            next_group - 1
        }));
    }

    // Quotes in text order (reported content before the quotations inside it), groups in order of first
    // appearance.
    let mut order: Vec<(usize, bool, usize)> = (0..raw.len())
        .map(|i| (raw[i].open, true, i))
        .chain((0..reported.len()).map(|j| (reported[j].start, false, j)))
        .collect();
    order.sort_unstable();
    let mut renumber: FnvMap<usize, usize> = FnvMap::default();
    for &(_, marked, i) in &order {
        let g = if marked { atts[i].group } else { rep_groups[i] };
        let n = renumber.len();
        renumber.entry(g).or_insert(n);
    }

    // Resolution.
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut speaker_index: FnvMap<String, usize> = FnvMap::default();
    let mut cache: FnvMap<(usize, usize), Option<usize>> = FnvMap::default();
    let called = people.called(text);
    // Every attribution's speaker mention (its antecedent for a relative pronoun), in text order: the subjects
    // a later pronoun or description continues.
    let mut all_speakers: Vec<(usize, usize)> = atts
        .iter()
        .filter_map(|a| a.refers.or(a.speaker))
        .chain(reported.iter().map(|r| r.refers.unwrap_or(r.speaker)))
        .collect();
    all_speakers.sort_unstable();
    all_speakers.dedup();
    let doc = resolve::Doc::new(
        text,
        &paras,
        entities,
        &people,
        &called,
        &raw,
        &all_speakers,
    );
    let mut resolve_span = |sp: (usize, usize), refers: Option<(usize, usize)>| {
        let sp = refers.unwrap_or(sp);
        *cache.entry(sp).or_insert_with(|| {
            resolve::resolve(&doc, sp).map(|s| {
                let n = speakers.len();
                let i = *speaker_index.entry(s.id.clone()).or_insert(n);
                if i == n {
                    speakers.push(s);
                }
                i
            })
        })
    };
    let nested = marks::nested_quotes(text, &raw);
    let mut ni = 0;
    let mut quotes = Vec::with_capacity(order.len() + nested.len());
    for &(_, marked, i) in &order {
        if marked {
            let (q, att) = (&raw[i], &atts[i]);
            let outer = quotes.len();
            quotes.push(Quote {
                start: q.start,
                end: q.end,
                open: q.open,
                close: q.close,
                kind: att.kind.unwrap_or(QuoteKind::Scare),
                speaker: att.speaker.map(|(s, e)| s..e),
                speaker_ref: att.speaker.and_then(|sp| resolve_span(sp, att.refers)),
                cue: att.cue.map(|(s, e)| s..e),
                group: renumber[&att.group],
                para: line_of(q.open),
            });
            while ni < nested.len() && nested[ni].0 < i {
                ni += 1;
            }
            while ni < nested.len() && nested[ni].0 == i {
                let inner = nested_quote(text, &nested[ni].1, &quotes[outer]);
                quotes.push(Quote {
                    para: line_of(inner.open),
                    group: usize::MAX,
                    ..inner
                });
                ni += 1;
            }
        } else {
            let r = &reported[i];
            quotes.push(Quote {
                start: r.start,
                end: r.end,
                open: r.start,
                close: r.end,
                kind: QuoteKind::Indirect,
                speaker: Some(r.speaker.0..r.speaker.1),
                speaker_ref: resolve_span(r.speaker, r.refers),
                cue: Some(r.cue.0..r.cue.1),
                group: renumber[&rep_groups[i]],
                para: line_of(r.start),
            });
        }
    }
    if !nested.is_empty() {
        // Nested quotations are groups of their own: number all groups again in text order.
        let mut seen: FnvMap<usize, usize> = FnvMap::default();
        for q in quotes.iter_mut() {
            let n = seen.len();
            q.group = if q.group == usize::MAX {
                seen.insert(usize::MAX - n, n);
                n
            } else {
                *seen.entry(q.group).or_insert(n)
            };
        }
    }
    QuoteResult {
        quotes,
        speakers,
        people,
    }
}

/// A quotation nested inside `outer` (`“… I said, ‘Why not?’ …”`): the words of the person the outer quotation
/// reports when a reporting verb right before it names a speaker inside the outer quotation ("I said,", "he told
/// me:"): a first-person speaker ("I", "we") is the outer quotation's speaker. Otherwise nobody's (scare).
fn nested_quote(text: &str, q: &marks::RawQuote, outer: &Quote) -> Quote {
    use crate::people::lexicon::{PRONOUN, SAY};
    use crate::people::tokens::word_classes;
    let mut out = Quote {
        start: q.start,
        end: q.end,
        open: q.open,
        close: q.close,
        kind: QuoteKind::Scare,
        speaker: None,
        speaker_ref: None,
        cue: None,
        group: 0,
        para: 0,
    };
    let before = text[outer.start..q.open].trim_end_matches([' ', ',', ':']);
    let mut words = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\''))
        .filter(|w| !w.is_empty());
    let (Some(verb), Some(who)) = (words.next(), words.next()) else {
        return out;
    };
    // "I said", "he asked", "she told me": the verb, or the word after it, is a reporting verb.
    let (verb, who) = if word_classes(verb) & SAY == 0 && word_classes(who) & SAY != 0 {
        match words.next() {
            Some(w) => (who, w),
            None => return out,
        }
    } else {
        (verb, who)
    };
    if word_classes(verb) & SAY == 0
        || word_classes(who) & PRONOUN == 0 && !who.starts_with(char::is_uppercase)
    {
        return out;
    }
    let span = |w: &str| {
        let s = w.as_ptr() as usize - text.as_ptr() as usize;
        s..s + w.len()
    };
    out.kind = QuoteKind::Direct;
    out.speaker = Some(span(who));
    out.cue = Some(span(verb));
    if matches!(who, "I" | "we" | "We") {
        out.speaker_ref = outer.speaker_ref;
    }
    out
}

/// The paragraphs of a text whose lines may be hard-wrapped: a line joins the one before when a single line
/// break separates them, the line before ends without a sentence's final punctuation or a closing mark, and the
/// line starts with a lower-case letter ("… rebuild the bridge and the\nschool before winter,” she said.").
fn join_wrapped_lines(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    for l in lines {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.end..l.start];
            let single_break = gap.bytes().filter(|&b| b == b'\n').count() == 1
                && gap
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
            let open_end = !text[..prev.end].ends_with(|c: char| {
                matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | '…' | '"' | '”' | '’' | '\'' | '»' | ')'
                )
            });
            if single_break && open_end && text[l.start..].starts_with(char::is_lowercase) {
                prev.end = l.end;
                continue;
            }
        }
        out.push(l.clone());
    }
    out
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
