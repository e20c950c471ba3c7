//! Rule 1: a speaker and cue right after the quotation: `“…,” Mr Zelenskiy said`, `“…,” said Mr Putin`,
//! `“…,” according to X`, and the epigraph `“…” ― Name`.
use super::*;

impl<'a> Window<'a> {
    /// Rule 1: a speaker and cue right after the quote token `qi`.
    pub(crate) fn after(&self, qi: usize, quote_final: bool) -> Option<Found> {
        if let Some(f) = self.as_called(qi) {
            return Some(f);
        }
        let f = self.after_inner(qi, quote_final)?;
        // “…,” the inspector said, according to the Gazette: the source named last is the one reported.
        if let Some(ct) = f.cue_tok {
            if let Some(src) = self.according_after(ct + 1) {
                return Some(src);
            }
        }
        Some(f)
    }

    /// `The “joke,” as he called it, …`, `a “blunder,” as Smith put it`: the quoted words are the ones the noun
    /// phrase after "as" is said to have used (a reporting cue, or a verb of naming: called, put, dubbed…).
    pub(super) fn as_called(&self, qi: usize) -> Option<Found> {
        const NAMING: &[&str] = &[
            "called",
            "calls",
            "call",
            "put",
            "puts",
            "dubbed",
            "dubs",
            "termed",
            "terms",
            "labeled",
            "labelled",
            "described",
            "describes",
            "phrased",
            "phrases",
            "branded",
            "brands",
        ];
        let n = self.toks.len();
        let mut j = qi + 1;
        if j < n && self.toks[j].is_punct(',') {
            j += 1;
        }
        if j + 2 >= n || self.word(j) != "as" {
            return None;
        }
        let limit = self.sent_end(j).min(j + 8);
        let (a, b) = self.np_right(j + 1, limit)?;
        if b >= limit || !self.toks[b].lower() {
            return None;
        }
        let cue_end = match self.cue(b) {
            Some((ce, Role::Speech | Role::Label, _)) => ce,
            _ if NAMING.contains(&self.word(b)) => b + 1,
            _ => return None,
        };
        Some(Found {
            speaker: self.np_span(a, b),
            refers: self.refers(a, b),
            cue: Some((self.toks[b].start, self.toks[cue_end - 1].end)),
            cue_tok: Some(b),
            how: How::After,
        })
    }

    /// ", according to X" later in the sentence of token `from`.
    pub(super) fn according_after(&self, from: usize) -> Option<Found> {
        let end = self.sent_end(from.min(self.toks.len().saturating_sub(1)));
        let mut k = from;
        while k < end && k < from + 25 {
            if self.toks[k].kind == Kind::Quote {
                return None;
            }
            if k > 0 && self.toks[k - 1].is_punct(',') {
                if let Some((ce, Role::Source, _)) = self.cue(k) {
                    let (a, b) = self.np_right(ce, end)?;
                    let cue = (self.toks[k].start, self.toks[ce - 1].end);
                    return Some(Found {
                        speaker: self.np_span(a, b),
                        refers: None,
                        cue: Some(cue),
                        cue_tok: Some(k),
                        how: How::After,
                    });
                }
            }
            k += 1;
        }
        None
    }

    pub(super) fn after_inner(&self, qi: usize, quote_final: bool) -> Option<Found> {
        let n = self.toks.len();
        let mut j = qi + 1;
        if j >= n {
            return None;
        }
        let dash = is_dash(&self.toks[j]);
        if self.toks[j].is_punct(',') || dash {
            j += 1;
        }
        if j >= n {
            return None;
        }
        let limit = self.sent_end(j);
        // Epigraph: “…” ― Name (to the end of the window).
        if dash && self.toks[j].cap() {
            let mut e = j;
            while e < n
                && e < j + 8
                && (self.toks[e].kind == Kind::Word || self.toks[e].kind == Kind::Poss)
            {
                e += 1;
            }
            // The name ends the window, a clause (comma) or its line (`“…” ― Name.` then a new line).
            let line_end = |x: usize| {
                x == n || self.text[self.toks[x - 1].end..self.toks[x].start].contains('\n')
            };
            if e == n
                || self.toks[e].is_punct(',')
                || line_end(e)
                || (is_final(&self.toks[e]) && line_end(e + 1))
            {
                let (s, t) = self.np_span(j, e);
                return Some(Found {
                    speaker: (s, t),
                    cue: None,
                    cue_tok: None,
                    how: How::Epigraph,
                    refers: None,
                });
            }
        }
        // The quote must end a clause: punctuation inside or right after its closing mark.
        let clause_end = j > qi + 1 || {
            let inner =
                self.text[..self.toks[qi].end].trim_end_matches(['”', '"', '\'', '’', '»', ' ']);
            inner.ends_with([',', '.', '!', '?', '…', '—', '–', '-', ':', ';'])
        };
        if !clause_end {
            return None;
        }
        // Inverted: “…,” said Mr Putin / according to X.
        if let Some((ce, role, part)) = self.cue(j) {
            if !part && matches!(role, Role::Speech | Role::Source | Role::Belief) {
                // "said Mr Putin", "said the official", "according to the report" — not "denounced her
                // record" (a verb with its object).
                let speaker_like = |a: usize, b: usize| {
                    role == Role::Source
                        || (a..b).any(|x| {
                            let t = &self.toks[x];
                            t.cap()
                                || t.cls & (PRONOUN | PERSON_NOUN | ANY_TITLE) != 0
                                    && t.cls & DET == 0
                        })
                };
                if let Some((a, b)) = self
                    .np_right(ce, limit.max(ce + 1))
                    .filter(|&(a, b)| speaker_like(a, b))
                {
                    let cue = (self.toks[j].start, self.toks[ce - 1].end);
                    return Some(Found {
                        speaker: self.np_span(a, b),
                        refers: self.refers(a, b),
                        cue: Some(cue),
                        cue_tok: Some(j),
                        how: How::After,
                    });
                }
            }
            return None;
        }
        // Speaker then cue: “…,” Mr Zelenskiy said / he added / the Kremlin said on Monday.
        if !self.np_ok_start(j) {
            return None;
        }
        let full_stop = quote_final
            && self.text[..self.toks[qi].end]
                .trim_end_matches(['”', '"', '\'', '’', '»', ' '])
                .ends_with('.');
        let max_np = if full_stop { 5 } else { 14 };
        let mut k = j;
        let mut first_comma = None;
        while k < n && k < j + max_np + 4 {
            let noun_reading = k > j
                && self.usage(k) != Usage::Any
                && ((self.toks[k - 1].is(DET) && self.toks[k - 1].cls & PRONOUN == 0)
                    || self.toks[k - 1].kind == Kind::Poss);
            if let Some((ce, role, part)) = self.cue(k).filter(|_| !noun_reading) {
                if k == j || part || role == Role::Source {
                    return None;
                }
                // Strip adverbs/auxiliaries/time before the cue.
                let np_last = self.skip_left(k as isize - 1, j)?;
                let mut np_start = j;
                let mut np_end = first_comma.unwrap_or(np_last + 1).min(np_last + 1);
                // “…,” the start of the regional reform drive, Okafor says: the name, when only the
                // last segment is one.
                if let Some(fc) = first_comma {
                    let last_start = (fc..np_last)
                        .rev()
                        .find(|&x| self.toks[x].is_punct(','))
                        .map_or(fc + 1, |x| x + 1);
                    let name_at =
                        |x: usize| self.toks[x].cap() && self.toks[x].cls & (DET | NONNAME) == 0;
                    if !name_at(j) && last_start <= np_last && name_at(last_start) {
                        np_start = last_start;
                        np_end = np_last + 1;
                    } else if self.coordinate_adjectives(j, fc, np_last) {
                        np_end = np_last + 1;
                    }
                }
                let j = np_start;
                if np_end <= j || np_end - j > max_np {
                    return None;
                }
                if self.toks.get(ce).is_some_and(|t| t.is_punct(':')) {
                    // “…” Mr. Zahed said: “…” — the colon points forward.
                    return None;
                }
                if self.toks[np_end - 1].is(DET) && self.toks[np_end - 1].cls & PRONOUN == 0 {
                    return None;
                }
                if full_stop
                    && self
                        .toks
                        .get(ce)
                        .is_some_and(|t| !matches!(t.punct(), Some('.' | ',' | '!' | '?')))
                {
                    // “…” Greene added that … — a new sentence, not an attribution.
                    return None;
                }
                let preps = (j..np_end)
                    .filter(|&x| self.toks[x].is(PREP) && self.toks[x].lower())
                    .count();
                if preps > 1 && first_comma.is_none() {
                    return None;
                }
                let cue = (self.toks[k].start, self.toks[ce - 1].end);
                return Some(Found {
                    speaker: self.np_span(j, np_end),
                    refers: self.refers(j, np_end),
                    cue: Some(cue),
                    cue_tok: Some(k),
                    how: How::After,
                });
            }
            let t = &self.toks[k];
            match t.kind {
                Kind::Quote => return None,
                Kind::Punct => {
                    // "“…,” Jane Roe — the former mayor — said": a dashed parenthesis closes the name like a comma.
                    if t.is_punct(',') || (self.spaced_dash(k) && k > j) {
                        if first_comma.is_none() {
                            first_comma = Some(k);
                        }
                    } else if !matches!(t.punct(), Some('(' | ')' | '-' | '&' | '/'))
                        && !self.abbreviation_dot(k)
                    {
                        return None;
                    }
                }
                Kind::Poss => {}
                Kind::Word => {
                    if t.cls & SUB != 0 && t.cls & PRONOUN == 0 && first_comma.is_none() {
                        return None;
                    }
                    if t.cls & CONJ != 0
                        && first_comma.is_none()
                        && !(k + 1 < n && self.np_ok_start(k + 1))
                    {
                        return None;
                    }
                    if k > j && t.cls & PRONOUN != 0 && t.cls & DET == 0 && first_comma.is_none() {
                        return None;
                    }
                }
            }
            k += 1;
        }
        None
    }
}

impl Window<'_> {
    /// Do tokens `j..=last`, with a comma at `comma`, read as one noun phrase whose adjectives a comma separates
    /// ("the soft-spoken, 64-year-old envoy"): a determiner and lower-case modifiers with no noun of people
    /// before the comma, lower-case words (numbers and hyphens too) ending in a noun of people after it?
    pub(super) fn coordinate_adjectives(&self, j: usize, comma: usize, last: usize) -> bool {
        let t = &self.toks[j];
        let word = |x: usize| self.toks[x].kind == Kind::Word;
        let modifier = |x: usize| {
            let u = &self.toks[x];
            u.kind == Kind::Word
                && u.lower()
                && u.cls & (PERSON_NOUN | ANY_TITLE | ORG | PREP | CONJ | SUB | AUX) == 0
        };
        let head = &self.toks[last];
        t.kind == Kind::Word
            && t.is(DET)
            && t.cls & PRONOUN == 0
            && comma > j + 1
            && comma - j <= 3
            && last > comma + 1
            && last - comma <= 7
            && (j + 1..comma).all(modifier)
            && (comma + 1..last).all(|x| {
                modifier(x)
                    || self.toks[x].flags & NUM != 0 && word(x)
                    || self.toks[x].is_punct('-')
            })
            && head.kind == Kind::Word
            && head.lower()
            && head.cls & (PERSON_NOUN | ANY_TITLE) != 0
    }

    /// A dot glued to the word before it and followed by a comma ends an abbreviation the tokenizer does not
    /// know (`Tom Bradley, R-Ky., said`), not a sentence.
    pub(super) fn abbreviation_dot(&self, k: usize) -> bool {
        k > 0
            && self.toks[k].is_punct('.')
            && self.toks[k - 1].kind == Kind::Word
            && self.toks[k - 1].end == self.toks[k].start
            && self.toks.get(k + 1).is_some_and(|t| t.is_punct(','))
    }
}
