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
        if k > ss + 1 && self.toks[k - 1].is_punct(',') && !opens && self.source_aside(ss, k, b, e)
        {
            // "At the heart of the dispute, according to two aides, was a budget memo", "Since May, according
            // to the union, 40 nurses have quit": a parenthetical source inside the sentence; the content is the
            // whole sentence around it.
            let end = self.cut(b + 1, e);
            return self.speech((self.clause_start(ss, end), end), np, k, ce);
        }
        // "…, according to X." / "…, according to the agency, during a visit …" / "…, according to X, who …"
        let to_end = b == e || (b < e && self.toks[b].is_punct(',') && !opens);
        if k > ss + 1 && self.toks[k - 1].is_punct(',') && to_end {
            let end = self.trim_end(ss, k - 1);
            return self.speech((self.clause_start(ss, end), end), np, k, ce);
        }
        None
    }

    /// Is ", according to X," (cue at `k`, source ending at the comma `b`) an aside inside one sentence, the
    /// sentence going on after it: a verb whose subject came before the aside ("The cause, according to X, was
    /// …"), a clause after a fronted adverbial with no verb ("Since May, according to X, 40 nurses have quit"),
    /// or a coordinated clause ("…, according to X, and there were …")? Not a relative clause or an appositive
    /// about the source ("…, according to X, who …"), nor a prepositional phrase ("…, during a visit").
    pub(super) fn source_aside(&self, ss: usize, k: usize, b: usize, e: usize) -> bool {
        if !(b + 2 < e && self.toks[b].is_punct(',')) {
            return false;
        }
        let n = &self.toks[b + 1];
        if n.kind != Kind::Word || !n.lower() {
            // a name or a number after the comma: a clause only after a fronted adverbial
            return n.kind == Kind::Word
                && !self.finite_verb(ss, k - 1)
                && self.clause_opening(b + 1, e)
                && n.cls & (SUB | PREP | CONJ) == 0;
        }
        let w = self.word(b + 1);
        if matches!(w, "and" | "but") {
            return self.clause_opening(b + 2, e) && self.finite_verb(ss, k - 1);
        }
        if n.cls & (SUB | PREP | CONJ) != 0
            || matches!(w, "who" | "which" | "whose" | "where")
            || w.ends_with("ing")
        {
            return false;
        }
        if n.is(AUX) || self.finite_verb(b + 1, b + 2) && n.cls & PRONOUN == 0 {
            // the predicate of the subject before the aside
            return !self.finite_verb(ss, k - 1);
        }
        !self.finite_verb(ss, k - 1) && self.clause_opening(b + 1, e)
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
