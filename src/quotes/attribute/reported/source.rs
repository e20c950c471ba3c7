//! Sources: `According to X, …`, `…, according to X.` and `As X reported, …`.
use super::*;

impl<'a> Window<'a> {
    /// `According to X, …` (cue `k..ce` opening the clause) or `…, according to X.`
    pub(super) fn according(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
        // The source runs to the next comma or the sentence end ("a city council survey published on
        // Thursday"); its mention is the noun phrase it opens with.
        let (_, b) = self.source_phrase(ce, e)?;
        let np = self
            .np_right(ce, b)
            .filter(|&(a, nb)| nb > a)
            .unwrap_or((ce, b));
        let first = self.clause_start(ss, k);
        let opens = k == ss
            || k == first
            || (k == first + 1
                && self.toks[first].kind == Kind::Word
                && self.toks[first].is(CONJ | ADV));
        if opens && b < e && self.toks[b].is_punct(',') {
            let start = self.skip_that(b + 1, e);
            let end = self.cut(start, e);
            if end > start + 1 {
                return self.speech((start, end), np, k, ce);
            }
        }
        // "…, according to X." / "…, according to the agency, during a visit …" / "…, according to X, who …"
        let to_end = b == e || (b < e && self.toks[b].is_punct(',') && !opens);
        if k > ss + 1 && self.toks[k - 1].is_punct(',') && to_end {
            let end = self.trim_end(ss, k - 1);
            return self.speech((self.clause_start(ss, end), end), np, k, ce);
        }
        None
    }

    /// The source after "according to": the tokens up to the next comma or the sentence end, at most 25, no
    /// quotation or clause punctuation.
    pub(super) fn source_phrase(&self, ce: usize, e: usize) -> Option<(usize, usize)> {
        let mut b = ce;
        while b < e && b < ce + 25 {
            let t = &self.toks[b];
            let ok = matches!(t.kind, Kind::Word | Kind::Poss)
                || matches!(
                    t.punct(),
                    Some('-' | '&' | '.' | '/' | '(' | ')' | '’' | '\'')
                );
            if !ok {
                break;
            }
            b += 1;
        }
        (b > ce && (b == e || self.toks[b].is_punct(','))).then_some((ce, b))
    }

    /// "As the local paper reported, …", "As reported by a news agency, …": the content after the comma.
    pub(super) fn as_reported(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
        let first = self.clause_start(ss, k);
        if !(first < k && self.word(first).eq_ignore_ascii_case("as") && k - first <= 8) {
            return None;
        }
        let (np, comma) = if k == first + 1 && ce < e && self.word(ce) == "by" {
            let (a, b) = self.np_right(ce + 1, e)?;
            ((a, b), b)
        } else {
            let (a, b) = self.np_left(self.skip_left(k as isize - 1, first + 1)?, first + 1)?;
            ((a, b), ce)
        };
        if comma >= e || !self.toks[comma].is_punct(',') {
            return None;
        }
        let start = self.skip_that(comma + 1, e);
        let end = self.cut(start, e);
        self.speech((start, end), np, k, ce)
    }
}
