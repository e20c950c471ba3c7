//! Headlines in title case: `Former Mayor Says City Budget Is Balanced`, `Bridge Will Reopen In May, Engineer
//! Says` (the cue written with a capital, so the lexicon's ordinary lookup does not see it).
use super::*;

impl<'a> Window<'a> {
    /// A headline in title case: "Former Mayor Says City Budget Is Balanced", "Bridge Will Reopen In May, Engineer
    /// Says", "Governor Just Announced His Plan": the cue written with a capital (the lexicon's words of saying).
    pub(super) fn headline(&self, k: usize, ss: usize) -> Option<Speech> {
        // (A word of no cue phrase, which most capitalised words are, is decided by its flag.)
        if k == ss || k + 1 >= self.toks.len() || self.toks[k].flags & CUE_WORD == 0 {
            return None;
        }
        let h = self.cues.capitalised_hit(self.text, self.toks, k)?;
        if !h.clause || h.role != Role::Speech || h.participle {
            return None;
        }
        let e = self.content_end(k);
        if h.end > e
            || !self.title_case_sentence(ss, e)
            || (ss..e).any(|x| self.toks[x].kind == Kind::Quote)
        {
            // A quotation in a headline is as often a title or a nickname as someone's words: no reading here.
            return None;
        }
        // "Governor Just Announced …": adverbs and auxiliaries before the cue
        let mut i = k - 1;
        while i > ss
            && k - i <= 3
            && self.toks[i].is(ADV | AUX | NEG)
            && self.toks[i].cls & PRONOUN == 0
        {
            i -= 1;
        }
        if h.end == e {
            // "…, Engineer Says.": the content before the comma, the speaker after it
            let (a, b) = self.np_left(i, ss)?;
            if a < ss + 2 || !self.toks[a - 1].is_punct(',') {
                return None;
            }
            let end = self.trim_end(ss, a - 1);
            return self.speech((self.clause_start(ss, end), end), (a, b), k, h.end);
        }
        let (a, b) = self.np_left(i, ss)?;
        if a > ss && !(self.toks[a - 1].is_punct(',') || self.toks[a - 1].is_punct(':')) {
            // "Mike Pence Calls for Prosecutor after Report Reveals …": a subject that opens its clause only
            if !self.toks[a - 1].is(PREP | SUB | CONJ) {
                return None;
            }
        }
        let start = h.end;
        if self.toks[start].kind != Kind::Word
            || self.toks[start].is(PREP) && self.word(start) != "To"
        {
            // "Museum Will Tell Of …" is no report; "Vows To Block …" is
            return None;
        }
        let end = self.cut(start, e);
        self.speech((start, end), (a, b), k, h.end)
    }

    /// Is the sentence `ss..e` written in title case: at least three words of four letters or more, all but one
    /// capitalised?
    pub(super) fn title_case_sentence(&self, ss: usize, e: usize) -> bool {
        let (mut long, mut lower) = (0, 0);
        for x in ss..e {
            let t = &self.toks[x];
            if t.kind == Kind::Word && self.word(x).len() >= 4 {
                long += 1;
                if t.lower() {
                    lower += 1;
                    if lower > 1 {
                        return false;
                    }
                }
            }
        }
        long >= 3
    }
}
