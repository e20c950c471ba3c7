//! Where a cue can report speech: participles that open a clause, infinitives, post-only and ambiguous forms,
//! introductory clauses, nested cues whose outer speaker is the one reported.
use super::*;

impl<'a> Window<'a> {
    /// The cue at token `k` if it can report speech here (sentence starting at `ss`, quote token `qi` or
    /// `usize::MAX`): a participle only when it opens a clause (or is progressive: "is pledging"); an infinitive
    /// ("right to urge", "interjected to say:") never; post-only and ambiguous forms only where they fit.
    pub(super) fn usable_cue(&self, k: usize, ss: usize, qi: usize) -> Option<(usize, Role, bool)> {
        let (ce, role, part) = self.cue(k)?;
        let part = part && !self.progressive(k, ss);
        if part && !self.participle_is_cue(k, ss) {
            return None;
        }
        let mut p = k;
        while p > ss
            && self.toks[p - 1].lower()
            && (self.toks[p - 1].is(ADV) || self.ly_adverb(p - 1))
        {
            p -= 1;
        }
        if p > ss
            && self.toks[p - 1].lower()
            && self.word(p - 1) == "to"
            && (ss..p - 1).any(|j| {
                self.cue(j)
                    .is_some_and(|(_, r, part)| r == Role::Speech && !part)
            })
        {
            return None;
        }
        if !self.cue_usable_before(k, ce, qi) {
            return None;
        }
        Some((ce, role, part))
    }

    /// The nearest finite reporting verb before token `a` whose own subject stands before it.
    pub(super) fn outer_speech(&self, a: usize, ss: usize) -> Option<Found> {
        let mut k0 = a;
        while k0 > ss && a - k0 < SCAN {
            k0 -= 1;
            if self.toks[k0].is_punct(';') {
                return None;
            }
            let Some((ce0, role0, part0)) = self.usable_cue(k0, ss, usize::MAX) else {
                continue;
            };
            if role0 != Role::Speech || part0 || ce0 > a {
                continue;
            }
            // ", but he called …" is a second clause, not a clause inside the first verb's report; so is one after a
            // quotation that ends with a comma (`… did not give “…,” but he said the footage …`).
            let coordinated = (ce0..a).any(|x| {
                let t = &self.toks[x];
                t.is_punct(';')
                    || (t.kind == Kind::Word
                        && t.cls & CONJ != 0
                        && x > 0
                        && (self.toks[x - 1].is_punct(',') || self.quote_ends_with_comma(x - 1)))
            });
            if coordinated {
                return None;
            }
            // "While Roe conceded …, Doe noted …": a verb inside a fronted subordinate clause does not report
            // the main clause.
            if self.in_intro_clause(k0, a, ss) {
                return None;
            }
            let (a0, b0) = self.subject_of(k0, ce0, role0, false, ss)?;
            if a0 >= k0 {
                return None;
            }
            let cue = (self.toks[k0].start, self.toks[ce0 - 1].end);
            return Some(Found {
                speaker: self.np_span(a0, b0),
                refers: self.refers(a0, b0),
                cue: Some(cue),
                cue_tok: Some(k0),
                how: How::Before,
            });
        }
        None
    }

    /// Is the cue at `k` inside an introductory subordinate clause that a comma (or a dash) closes before token
    /// `qi` ("After Radio North’s Ada Lind asked about it, the Okafors became “agitated”", "When Roe noted …
    /// ― as the records show ― Doe boasted, “…”"), or an introductory prepositional phrase holding a clause
    /// ("In a week when both councils agreed on a budget, the tenants' group is calling …")?
    pub(super) fn in_intro_clause(&self, k: usize, qi: usize, ss: usize) -> bool {
        let first = &self.toks[ss];
        if !(first.kind == Kind::Word
            && first.cap()
            && first.cls & (SUB | PREP) != 0
            && first.cls & PRONOUN == 0)
        {
            return false;
        }
        if matches!(self.word(ss), "That" | "What" | "As" | "Like" | "According") {
            return false;
        }
        let comma = |j: usize| {
            let t = &self.toks[j];
            t.is_punct(',')
                || self.spaced_dash(j)
                || (t.kind == Kind::Quote
                    && self.text[..t.end]
                        .trim_end_matches(['”', '"', '\'', '’'])
                        .ends_with(','))
        };
        !(ss..k).any(|j| self.toks[j].is_punct(',') || self.spaced_dash(j))
            && (k + 1..qi).any(comma)
    }

    /// Post-only cues ("states", "shouts") only serve right after a quotation; ambiguous ones ("claims",
    /// "notes") before a quotation only when followed by "that", a colon, a comma or the quotation itself, and
    /// not after a determiner ("his claims that…" is a noun).
    pub(super) fn cue_usable_before(&self, k: usize, ce: usize, qi: usize) -> bool {
        match self.usage(k) {
            Usage::Any => true,
            Usage::Post => {
                qi != usize::MAX
                    && ce + 1 == qi
                    && matches!(self.toks[ce].punct(), Some(',' | ':'))
                    && self.subject_like_before(k)
            }
            Usage::Ambiguous => {
                // "Roe calls his critics “cowards”": a verb of naming, its object, then the quotation.
                let named = qi != usize::MAX
                    && qi > ce
                    && qi - ce <= 4
                    && self.hits[k].is_some_and(|h| h.role == Role::Label)
                    && (ce..qi).all(|j| self.toks[j].kind == Kind::Word);
                let next_ok = ce == qi
                    || named
                    || self.toks.get(ce).is_some_and(|t| {
                        t.kind == Kind::Quote
                            || matches!(t.punct(), Some(':' | ','))
                            || (t.kind == Kind::Word && matches!(self.word(ce), "that" | "to"))
                    });
                let prev_det =
                    k > 0 && self.toks[k - 1].is(DET) && self.toks[k - 1].cls & PRONOUN == 0;
                let prev_poss = k > 0 && self.toks[k - 1].kind == Kind::Poss;
                next_ok && !prev_det && !prev_poss && self.subject_like_before(k)
            }
        }
    }

    /// Asked about it, …; Speaking to reporters, …: a participle (not a name: "Ted", "Jared Kushner").
    pub(super) fn participle_intro(&self, i: usize, limit: usize) -> bool {
        let w = self.word(i);
        w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed"))
            && self.toks[i].cls & FIRST_NAME == 0
            && !(i + 1 < limit && self.toks[i + 1].cap())
    }

    /// A participle after a form of "be" is a finite verb in the progressive: "is pledging to “win …”".
    pub(super) fn progressive(&self, k: usize, ss: usize) -> bool {
        let mut i = k;
        while i > ss && self.toks[i - 1].lower() && self.toks[i - 1].is(ADV) {
            i -= 1;
        }
        i > ss && self.toks[i - 1].lower() && self.toks[i - 1].is(AUX) && {
            let w = self.word(i - 1);
            matches!(
                w,
                "is" | "are" | "was" | "were" | "been" | "be" | "am" | "’s" | "'s"
            )
        }
    }

    /// A participle reports speech when it opens a clause: after a comma or a subordinator ("…, saying",
    /// "while adding"), at the sentence start, or as "quoted as saying"; not inside a verb phrase ("was
    /// continuing to adapt").
    /// "a sign saying “…”", "many marchers and spectators chanting “…”": the noun before the participle.
    pub(super) fn noun_participle(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        if k == ss {
            return None;
        }
        let mut k = k;
        while k > ss + 1 && self.toks[k - 1].lower() && self.ly_adverb(k - 1) {
            k -= 1;
        }
        let p = &self.toks[k - 1];
        if p.kind != Kind::Word || p.cls & (AUX | SUB | CONJ | PREP | ADV | PRONOUN) != 0 {
            return None;
        }
        if !(p.cls & PERSON_NOUN != 0 || (p.cap() && p.cls & NONNAME == 0)) {
            return None;
        }
        let (a, b) = self.np_left(k - 1, ss)?;
        if a > ss
            && self.toks[a - 1].is(PREP)
            && self.toks[a - 1].lower()
            && self.word(a - 1) != "with"
        {
            return None;
        }
        // "The senator texted volunteers saying: “…”": the recipients do not speak; the sentence's subject does.
        if a > ss
            && self.toks[a - 1].lower()
            && super::reported::words::recipient_verb(self.word(a - 1))
        {
            return None;
        }
        Some((a, b))
    }

    /// The first token at or after `x` (before `limit`) that is no lower-case adverb ("already", "quietly").
    pub(super) fn skip_adverbs(&self, mut x: usize, limit: usize) -> usize {
        while x < limit && self.toks[x].lower() && (self.toks[x].is(ADV) || self.ly_adverb(x)) {
            x += 1;
        }
        x
    }

    /// Can the lower-case word at token `x` be a finite verb after its subject: an auxiliary, a cue, a past tense
    /// in "-ed" or an irregular one, or a present tense in "-s" ("Smith praised", "Roe is", "Lee calls")?
    pub(super) fn verb_like(&self, x: usize) -> bool {
        let u = &self.toks[x];
        let w = self.word(x);
        u.kind == Kind::Word
            && u.lower()
            && (u.is(AUX)
                || self.cue(x).is_some()
                || (w.len() > 3
                    && (w.ends_with("ed") || w.ends_with('s'))
                    && u.cls & (DET | PREP) == 0)
                || super::reported::words::irregular_past(w))
    }

    /// Does a subject end right before token `k` (adverbs skipped): a name, a pronoun or a noun of people?
    pub(super) fn subject_like_before(&self, k: usize) -> bool {
        let mut i = k;
        while i > 0
            && self.toks[i - 1].lower()
            && (self.toks[i - 1].is(ADV) || self.ly_adverb(i - 1))
        {
            i -= 1;
        }
        i > 0 && {
            let p = &self.toks[i - 1];
            p.kind == Kind::Word
                && (p.cap() || p.cls & (PRONOUN | PERSON_NOUN) != 0)
                && p.cls & (DET | SUB | CONJ | PREP) == 0
        }
    }

    /// Is token i a quotation whose content ends with a comma (“…,”)?
    pub(super) fn quote_ends_with_comma(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Quote
            && self.text[..t.end]
                .trim_end_matches(['”', '"', '\'', '’', '»'])
                .ends_with(',')
    }

    pub(super) fn participle_is_cue(&self, k: usize, ss: usize) -> bool {
        let mut i = k;
        while i > ss && self.toks[i - 1].lower() && self.toks[i - 1].is(ADV) {
            i -= 1;
        }
        if i == ss {
            return true;
        }
        let p = &self.toks[i - 1];
        p.is_punct(',')
            || self.quote_ends_with_comma(i - 1)
            || p.is_punct('—')
            || p.is_punct('–')
            || p.is_punct(';')
            || (p.kind == Kind::Word && (p.cls & (SUB | CONJ | PREP) != 0 && p.cls & DET == 0))
    }

    /// "what he called Lind’s “secret memo”": a labelling verb inside a relative clause, with a reporting verb
    /// earlier in the sentence, speaks for the outer speaker.
    pub(super) fn outer_cue_preferred(&self, k: usize, ss: usize) -> bool {
        let Some(i) = self.skip_left(k as isize - 1, ss) else {
            return false;
        };
        if i <= ss {
            return false;
        }
        let i = if self.toks[i].is(PRONOUN) {
            i
        } else if let Some((a, _)) = self.np_left(i, ss).filter(|&(a, _)| self.toks[a].cap()) {
            a
        } else {
            return false;
        };
        if i <= ss {
            return false;
        }
        let w = self.word(i - 1).to_ascii_lowercase();
        if !matches!(
            w.as_str(),
            "what" | "which" | "as" | "that" | "who" | "whom"
        ) {
            return false;
        }
        // A verb of saying, not a noun ("tweets in which he called …").
        (ss..i - 1).any(|j| {
            self.usable_cue(j, ss, usize::MAX)
                .is_some_and(|(_, r, _)| r == Role::Speech)
        })
    }
}
