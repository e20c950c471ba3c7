//! The closing form, `…, X said.` / `…, said X.` / `…, the ministry said in a statement.`: the content before the
//! comma, the speaker between the comma and the cue (or after the cue). Also parentheticals (`The main risk, the
//! mayor said, is …`) and `…, officials were quoted by Y as saying.`
use super::*;

impl<'a> Window<'a> {
    /// `…, X said.` / `…, said X.` / `…, the ministry said in a statement.`: the content before the comma.
    pub(super) fn closing(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
        if k < ss + 2 {
            return None;
        }
        let full = e;
        let e = self.report_end(ce, e);
        // "The main risk, the mayor said, is that …": a parenthetical report holds the whole sentence;
        // "…, Cohn wrote, “…”" is a split quotation in marks; "…, they said, suggesting …" ends at the comma.
        let parenthetical = e < full && e + 1 < full && {
            let n = &self.toks[e + 1];
            if n.kind == Kind::Quote {
                return None;
            }
            // "The report, officials said, showed …", "The main risk, the mayor said, is that …"; not an
            // appositive of the speaker (", said Steven Taylor, a professor at …").
            let w = self.word(e + 1);
            let speaker_first = !self.toks[k - 1].is_punct(',');
            // "Sales were strong, the firm said, until the storm …", "…, experts say, including a clause …",
            // "…, the agency said, and households in the lowest band paid …": after "X said" (not "said X", whose
            // comma may open an appositive) a subordinate clause, a prepositional phrase or a coordinated clause
            // continues the report.
            let continues = speaker_first
                && n.kind == Kind::Word
                && n.lower()
                && (w == "including"
                    || n.is(SUB | PREP)
                        && n.cls & PRONOUN == 0
                        && !matches!(w, "while" | "whereas" | "although" | "though")
                    || matches!(w, "and" | "but") && self.clause_opening(e + 2, full));
            continues
                || !(n.lower() && w.ends_with("ing"))
                    && (self.finite_verb(e + 1, e + 2)
                        || self.clause_opening(e + 1, full)
                        || n.lower() && w == "that")
        };
        let content = |from: usize, to: usize| {
            if parenthetical {
                (self.clause_start(ss, full), full)
            } else {
                let end = self.trim_end(from, to);
                (self.clause_start(from, end), end)
            }
        };
        let tail_ok = |from: usize| {
            // "…, the mayor said during a visit to the flooded district."
            let pp = from < e
                && self.toks[from].lower()
                && self.toks[from].is(PREP)
                && e - from <= 14
                && (from..e).all(|x| {
                    self.toks[x].kind != Kind::Quote
                        && !(self.toks[x].lower() && self.word(x) == "that")
                });
            pp || (from..e).all(|x| {
                let u = &self.toks[x];
                u.kind == Kind::Word
                    && (u.cls & (TIME | PREP | DET | SPEECH_NOUN) != 0
                        || u.flags & NUM != 0
                        || self.ly_adverb(x)
                        || u.cap())
            }) && e - from <= 6
        };
        if self.toks[k - 1].is_punct(',') && self.addressee_verb(k) {
            // "…, Ada Lind, who chairs the trust, told the Gazette.": the object is the one addressed; the speaker
            // is the name before the appositive.
            if !tail_ok(self.skip_object(ce, e)) {
                return None;
            }
            let p = (ss + 1..k - 1)
                .rev()
                .take(20)
                .find(|&x| self.toks[x].is_punct(','))?;
            let seg = self.toks[p + 1];
            if !(seg.lower() && seg.is(SUB | DET) || seg.is(DET) && seg.cls & PRONOUN == 0) {
                return None;
            }
            let (a, b) = self.np_left(self.skip_left(p as isize - 1, ss + 1)?, ss + 1)?;
            if a < ss + 2 || !self.toks[a - 1].is_punct(',') || !self.toks[a].cap() {
                return None;
            }
            return self.speech(content(ss, a - 1), (a, b), k, ce);
        }
        if self.toks[k - 1].is_punct(',') {
            // ", said Sanders." (a name, not a clause: ", said Ukrainian shelling hit a hospital" is forward)
            let (a, b) = self.np_right(ce, e)?;
            // "…, said a state official who was briefed on the talks.": a relative clause about the speaker
            // (after a clause: "Mr Roe's aide, Ann Lee, said the clerk who hired him should go" is forward)
            // "Ann Roe, a critic of the plan, said the county's purchase of land from its donors was close to fraud":
            // a verb after the noun phrase makes it the subject of forward content, not an inverted speaker.
            let relative = b < e
                && self.toks[b].lower()
                && matches!(self.word(b), "who" | "whose")
                && (ss..k - 1).any(|x| self.finite_verb(x, x + 1));
            if !relative && (b..e).any(|x| self.toks[x].lower() && self.toks[x].is(AUX)) {
                return None;
            }
            // "…, said a state official.": a cue's word after a determiner is a noun of the speaker's phrase
            // modifying its head ("…, denied the report." is a verb and its object)
            let noun_cue = (a + 1..b - 1).any(|x| {
                self.hits[x].is_some()
                    && self.toks[x - 1].is(DET | POSS_DET)
                    && self.toks[x - 1].cls & PRONOUN == 0
            });
            if b != e && !tail_ok(b) && !relative || self.finite_verb(a, b) && !noun_cue {
                return None;
            }
            return self.speech(content(ss, k - 1), (a, b), k, ce);
        }
        // "…, he told the tribunal in a written brief.", "The plan, the engineer told them, was cheap.": the object
        // of a verb of telling before the tail.
        let told =
            ce < e && ce == k + 1 && takes_object(self.word(k)) && tail_ok(self.skip_object(ce, e));
        if !(tail_ok(ce) || told) {
            return None;
        }
        let i = self.skip_left(k as isize - 1, ss + 1)?;
        let (a, b) = self.np_left(i, ss + 1)?;
        // "…, as police have said.": the main clause before ", as X said" is the content.
        let as_comma = a >= ss + 3
            && self.toks[a - 1].lower()
            && self.word(a - 1) == "as"
            && self.toks[a - 2].is_punct(',');
        if b - a > 8 || a < ss + 2 || !(self.toks[a - 1].is_punct(',') || as_comma) {
            return None;
        }
        // "…, local teachers say.": an adjective may open the speaker when a person noun or a plural ends it.
        let head_ok = self.toks[b - 1].is(PERSON_NOUN)
            || self.plural_noun_like(b - 1)
            || self.toks[b - 1].cap();
        if self.toks[a].kind == Kind::Word
            && self.toks[a].lower()
            && self.toks[a].cls & (DET | PRONOUN | PERSON_NOUN) == 0
            && !self.plural_noun(a)
            && !head_ok
        {
            return None;
        }
        self.speech(
            content(ss, if as_comma { a - 2 } else { a - 1 }),
            (a, b),
            k,
            ce,
        )
    }

    /// `…, officials were quoted by the RBC news outlet as saying.`: the speaker before "was/were quoted".
    pub(super) fn closing_passive(&self, k: usize, ce: usize, ss: usize) -> Option<Speech> {
        let q = (k.saturating_sub(12).max(ss)..k)
            .rev()
            .find(|&x| self.word(x) == "quoted")?;
        let i = self.skip_left(q as isize - 1, ss + 1)?;
        let (a, b) = self.np_left(i, ss + 1)?;
        if a < ss + 2 || !self.toks[a - 1].is_punct(',') {
            return None;
        }
        let end = self.trim_end(ss, a - 1);
        self.speech((self.clause_start(ss, end), end), (a, b), k, ce)
    }

    /// The first comma in `ce..e` (a participle clause after a closing report: "…, they said, suggesting …").
    pub(super) fn report_end(&self, ce: usize, e: usize) -> usize {
        (ce..e).find(|&x| self.toks[x].is_punct(',')).unwrap_or(e)
    }

    /// Is the cue at `k..ce` the end of a closing reporting clause: nothing but its speaker and time words follow?
    pub(super) fn closing_tail(&self, k: usize, ce: usize, e: usize) -> bool {
        if ce > e {
            // A cue running past the content's end closes nothing in it (fuzz finding: tests/fuzz_regressions.rs).
            return false;
        }
        if self.toks[k - 1].is_punct(',') && !self.addressee_verb(k) {
            return self.np_right(ce, e).is_some_and(|(_, b)| b == e);
        }
        (ce..e).all(|x| {
            let u = &self.toks[x];
            u.kind == Kind::Word
                && (u.cls & (TIME | PREP | DET) != 0 || u.flags & NUM != 0 || u.cap())
        }) && e - ce <= 6
    }
}
