//! The forward form, `X said (that) …`: the cue's subject before it, the content after it. Also `X told Y
//! (that) …`, `X said on Tuesday that …`, `X has said repeatedly …`, `X, the mayor of Y, said …`, `…, saying …`
//! (the main clause's subject), a report inside a relative clause (`the plan, which officials said will …`), and
//! the subjects the noun-phrase reader of [`super::super::phrases`] misses (numbers, quantifiers, infinitives,
//! dashes).
use super::*;

impl<'a> Window<'a> {
    /// `X said (that) …`: the subject before the cue, the content after it.
    pub(super) fn forward(
        &self,
        k: usize,
        ce: usize,
        role: Role,
        part: bool,
        ss: usize,
        e: usize,
    ) -> Option<Speech> {
        if ce >= e {
            return None;
        }
        let next = &self.toks[ce];
        let mut ce2 = ce;
        if next.is_punct(',')
            && !part
            && ce + 1 < e
            && self.toks[ce + 1].cap()
            && self.toks[ce + 1].kind == Kind::Word
        {
            // "The agency reported, The border was closed …"
            ce2 = ce + 1;
        } else if let Some(s) = (!part && next.is_punct(','))
            .then(|| self.comma_aside(ce, e))
            .flatten()
        {
            // "Councillor Tom Hale says, rain or shine, he will open the market": an aside set off by
            // commas right after the cue, then a clause with a subject pronoun (or "that").
            let (a, b) = self.subject_of(k, ce, role, part, ss)?;
            if a >= k || !self.can_speak(a, b) {
                return None;
            }
            return self.speech((s, self.cut(s, e)), (a, b), k, ce);
        } else if matches!(next.punct(), Some(':' | ',' | '—' | '–' | '-'))
            || next.kind == Kind::Quote
        {
            // "said: “…”", "said, “…”", "said “…”": a quotation in marks takes it.
            return None;
        }
        if !part {
            if let Some(s) = self.relative_report(k, ce, ss, e) {
                return Some(s);
            }
        }
        let infinitive = k > ss + 1 && self.toks[k - 1].lower() && self.word(k - 1) == "to";
        let group =
            part && k > ss + 1 && self.group_before(k - 1) && !self.toks[k - 1].is_punct(',');
        let (mut a, mut b) = if infinitive {
            self.infinitive_subject(k - 1, ss)
        } else if group {
            // "with 40 percent saying …", "local farmers saying …": the group speaks.
            self.number_subject(k, ss)
                .or_else(|| self.np_left(k - 1, ss))
        } else {
            // "… released a statement saying …", "… sent an email Wednesday saying …": the subject of the verb
            // whose object the noun of saying is
            part.then(|| self.noun_subject(k, ss))
                .flatten()
                .or_else(|| self.subject_of(k, ce, role, part, ss))
        }
        .or_else(|| self.number_subject(k, ss))
        .or_else(|| self.dash_subject(k, ss))
        .or_else(|| self.loose_subject(k, ss))?;
        if a >= k && !part && k > ss + 1 && self.toks[k - 1].is_punct(',') {
            // "Alexei Kulemzin, the mayor of Donetsk, said Ukrainian shelling hit …": the name after the cue
            // starts the content; the subject is before the appositive.
            (a, b) = self
                .appositive_subject(k - 1, ss)
                .or_else(|| self.clause_subject(ss, k - 1))?;
        }
        let after_quote = !part && a > ss && self.toks[a - 1].kind == Kind::Quote;
        if a >= k {
            return None;
        }
        if b == a + 1
            && a == ss
            && self.toks[a].cap()
            && self.toks[a].cls & (ADV | SUB | CONJ | PREP) != 0
            && self.toks[a].cls & (PRONOUN | DET | PERSON_NOUN | ORG) == 0
        {
            // "Just ask the engineers.", "Still, …": a capitalised adverb opening the sentence is no subject (an
            // imperative has none).
            return None;
        }
        if b == a + 1 && self.word(a).eq_ignore_ascii_case("having") {
            // "Having announced that …, the envoy …": a participle clause, its speaker the main clause's subject
            return None;
        }
        let bare = self.hits[k].is_some_and(|h| h.bare);
        if !bare && !self.can_speak(a, b) {
            // "That sharp rise suggests …", "early sales data suggests …": evidence, not speech.
            return None;
        }
        // "by announcing that …" reports; "since announcing his candidacy", "by admitting more students" are acts.
        let after_prep =
            part && k > ss && self.toks[k - 1].lower() && self.toks[k - 1].is(PREP | SUB);
        let object = self.hits[k].is_some_and(|h| h.object) && !after_prep && !after_quote;
        if object {
            if let Some(s) = self.object_content(k, ce2, (a, b), e) {
                return Some(s);
            }
        }
        let mut j = ce2;
        if takes_object(self.word(k)) && ce == k + 1 {
            j = self.skip_object(j, e);
        }
        let j0 = j;
        j = self
            .that_ahead(j, e)
            .unwrap_or_else(|| self.skip_adjuncts(j, e));
        // "that" as a complementizer, not the pronoun in "that's what new media is".
        let that = j + 1 < e
            && self.toks[j].lower()
            && self.word(j) == "that"
            && self.toks[j + 1].kind == Kind::Word;
        let start = if that {
            j + 1
        } else if let Some(s) = self.that_aside(j, e) {
            // "said that, if elected, she would …": the clause after the aside.
            return self.speech((s, self.intro_cut(a, s, self.cut(s, e))), (a, b), k, ce);
        } else {
            j
        };
        if start >= e {
            return None;
        }
        if after_quote && !(that || self.clause_opening(start, e) && self.toks[start].is(PRONOUN)) {
            // "“…,” the farmer said after the storm": the cue attributes the quotation in marks; only a clear
            // clause after it is more ("“…,” he insisted they had only spoken once").
            return None;
        }
        if !(that
            || self.clause_opening(start, e)
            || bare && self.bare_opening(start, e)
            || self.wh_clause(start, e, self.negated(k, ss)))
        {
            return None;
        }
        if !that && j0 != j && self.toks[start].lower() && self.toks[start].cls & PRONOUN == 0 {
            // "said in a statement issued …" without "that": too unsure.
            if !self.finite_verb(start, e.min(start + 8)) {
                return None;
            }
        }
        let end = self.intro_cut(a, start, self.cut(start, e));
        self.speech((start, end), (a, b), k, ce)
    }

    /// "the policy, which officials said will take effect in May, …", "a strike that executives say could hurt
    /// earnings": a reporting clause inside a relative clause; the content is the rest of the relative clause
    /// (from the finite verb right after the cue to its comma or the sentence end), the speaker the noun phrase
    /// between the relative pronoun and the cue.
    pub(super) fn relative_report(
        &self,
        k: usize,
        ce: usize,
        ss: usize,
        e: usize,
    ) -> Option<Speech> {
        if ce >= e || k < ss + 2 {
            return None;
        }
        // "which state media claimed now allows …": adverbs before the verb
        let mut f = ce;
        while f < e
            && f < ce + 2
            && self.toks[f].lower()
            && (self.toks[f].is(ADV | TIME) || self.ly_adverb(f))
        {
            f += 1;
        }
        if f >= e {
            return None;
        }
        let v = &self.toks[f];
        let w = self.word(f);
        let finite = v.kind == Kind::Word
            && v.lower()
            && (v.is(AUX)
                || irregular_past(w)
                || w.len() > 3 && w.ends_with("ed") && v.cls & (DET | PREP) == 0
                || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && v.cls == 0);
        if !finite {
            return None;
        }
        let i = self.skip_left(k as isize - 1, ss)?;
        let (a, b) = self.np_left(i, ss)?;
        if b != i + 1 || a == ss || b - a > 6 || !self.can_speak(a, b) {
            return None;
        }
        let r = &self.toks[a - 1];
        if !(r.kind == Kind::Word
            && r.lower()
            && matches!(self.word(a - 1), "which" | "that" | "who" | "whom" | "what"))
        {
            return None;
        }
        let cut = self.cut(ce, e);
        let end = (ce + 1..cut)
            .find(|&x| matches!(self.toks[x].punct(), Some(',' | '—' | '–' | '(')))
            .unwrap_or(cut);
        let end = self.trim_end(ce, end);
        self.speech((ce, end), (a, b), k, ce)
    }

    /// "The mayor continues to insist that …", "He went on to explain that …", "they are likely to say that …":
    /// the subject of the verb (or adjective) that governs the infinitive marker at `to`.
    pub(super) fn infinitive_subject(&self, to: usize, ss: usize) -> Option<(usize, usize)> {
        let mut v = to.checked_sub(1)?;
        if v > ss && self.toks[v].lower() && matches!(self.word(v), "on" | "likely" | "unlikely") {
            // "went on to", "are likely to"
            v -= 1;
        }
        let t = &self.toks[v];
        if v <= ss
            || t.kind != Kind::Word
            || !t.lower()
            || t.cls & (DET | PREP | SUB | CONJ | PRONOUN) != 0
        {
            return None;
        }
        let i = self.skip_left(v as isize - 1, ss)?;
        if self.toks[i].kind != Kind::Word && self.toks[i].kind != Kind::Poss {
            return None;
        }
        let np = self.np_left(i, ss)?;
        self.can_speak(np.0, np.1).then_some(np)
    }

    /// "The campaign sent an email Wednesday saying …", "The union sent the board a letter alleging …": the
    /// subject of the verb whose object is the noun of saying before the participle at `k`.
    pub(super) fn noun_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        let i = self.time_gap(k, ss);
        if !(i > ss + 2 && self.speech_noun(i - 1)) {
            return None;
        }
        // the verb: the nearest past form before the noun ("sent", "released", "issued"), at most 8 words back
        let v = (i.saturating_sub(9).max(ss + 1)..i - 1).rev().find(|&x| {
            let t = &self.toks[x];
            let w = self.word(x);
            t.kind == Kind::Word
                && t.lower()
                && t.cls & (DET | PREP | SUB | CONJ | PRONOUN) == 0
                && (irregular_past(w) || w.len() > 3 && w.ends_with("ed"))
        })?;
        let j = self.skip_left(v as isize - 1, ss)?;
        let np = self.np_left(j, ss)?;
        self.can_speak(np.0, np.1).then_some(np)
    }

    /// A subject that the noun-phrase reader does not take: a number or percentage ("26% say", "about two-thirds,
    /// 55 percent, say", "four in 10 said"), at most six tokens before the cue.
    pub(super) fn number_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        let mut b = k;
        while b > ss && self.toks[b - 1].lower() && self.toks[b - 1].is(ADV | AUX | NEG) {
            b -= 1;
        }
        if b > ss && self.toks[b - 1].is_punct(',') {
            b -= 1;
        }
        let mut a = b;
        while a > ss && b - a < 6 {
            let t = &self.toks[a - 1];
            let ok = t.flags & NUM != 0
                || t.punct() == Some('%')
                || t.kind == Kind::Word
                    && (matches!(self.word(a - 1), "percent" | "in" | "of")
                        || t.lower() && t.cls == 0);
            if !ok {
                break;
            }
            a -= 1;
        }
        let number = |x: usize| {
            let t = &self.toks[x];
            t.flags & NUM != 0
                || t.punct() == Some('%')
                || t.kind == Kind::Word
                    && matches!(
                        self.word(x).to_ascii_lowercase().as_str(),
                        "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "half"
                    )
        };
        ((a..b).any(number)).then_some((a, b))
    }

    /// Subjects the other readers miss: "The mayor has since said …" (an adverbial "since" after "has"), a
    /// quantifier standing alone ("Some say …", "Many argue …").
    pub(super) fn loose_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        let mut i = k.checked_sub(1)?;
        while i > ss && k - i <= 4 {
            let t = &self.toks[i];
            let skip = t.kind == Kind::Word
                && t.lower()
                && (t.is(ADV | AUX | NEG | TIME)
                    || self.ly_adverb(i)
                    || self.word(i) == "since" && self.toks[i - 1].is(AUX));
            if !skip {
                break;
            }
            i -= 1;
        }
        let t = &self.toks[i];
        if t.kind != Kind::Word || i < ss {
            return None;
        }
        if matches!(
            self.word(i).to_ascii_lowercase().as_str(),
            "some"
                | "many"
                | "most"
                | "others"
                | "few"
                | "several"
                | "both"
                | "all"
                | "one"
                | "another"
        ) {
            return Some((i, i + 1));
        }
        if i + 1 == k {
            return None;
        }
        let np = self.np_left(i, ss)?;
        self.can_speak(np.0, np.1).then_some(np)
    }

    /// "Union leaders — including the head of the federation — have argued …": the subject before a
    /// parenthetical set off by dashes (at most 30 tokens) right before the cue.
    pub(super) fn dash_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        let close = self.skip_left(k as isize - 1, ss)?;
        if close <= ss + 1 || !is_dash(&self.toks[close]) {
            return None;
        }
        let open = (close.saturating_sub(30).max(ss + 1)..close - 1)
            .rev()
            .find(|&x| is_dash(&self.toks[x]))?;
        let np = self.np_left(open - 1, ss)?;
        self.can_speak(np.0, np.1).then_some(np)
    }

    /// Is the cue at `k` negated ("did not say", "would not explain", "never said", "won't say")?
    pub(super) fn negated(&self, k: usize, ss: usize) -> bool {
        (k.saturating_sub(3).max(ss)..k).any(|x| {
            let t = &self.toks[x];
            t.kind == Kind::Word
                && (t.is(NEG)
                    || matches!(self.word(x), "not" | "never")
                    || self.word(x).ends_with("n't")
                    || self.word(x).ends_with("n’t"))
        })
    }

    /// A noun of saying right before the participle at `k`, or before a time adverbial there: "a statement
    /// saying …", "an email Wednesday saying …", "a letter on Monday alleging …".
    pub(super) fn noun_before_participle(&self, k: usize, ss: usize) -> bool {
        let i = self.time_gap(k, ss);
        i > ss && self.speech_noun(i - 1)
    }

    /// The start of a time adverbial right before token `k` ("Wednesday", "on Monday"), or `k`.
    pub(super) fn time_gap(&self, k: usize, ss: usize) -> usize {
        let mut i = k;
        if i > ss + 1 && self.toks[i - 1].is(TIME) && self.toks[i - 1].cls & (DET | PRONOUN) == 0 {
            i -= 1;
            if i > ss + 1
                && self.toks[i - 1].lower()
                && matches!(self.word(i - 1), "on" | "last" | "this")
            {
                i -= 1;
            }
        }
        i
    }

    /// The first of the adverbs right before token `k` ("falsely", "also"), or `k`.
    pub(super) fn adverbs_before(&self, k: usize, ss: usize) -> usize {
        let mut p = k;
        while p > ss
            && k - p < 3
            && self.toks[p - 1].lower()
            && (self.toks[p - 1].is(ADV) || self.ly_adverb(p - 1))
            && self.toks[p - 1].cls & (DET | PRONOUN | SUB | CONJ) == 0
        {
            p -= 1;
        }
        p
    }

    /// After a cue at the comma `c`: an aside of at most ten words closed by a comma, then a clause opening with
    /// a subject pronoun, or "that" ("says, rain or shine, he will open", "said, however, that …"); returns the
    /// clause's first token.
    pub(super) fn comma_aside(&self, c: usize, e: usize) -> Option<usize> {
        let close = (c + 2..e.min(c + 12)).find(|&x| {
            let t = &self.toks[x];
            t.is_punct(',') || t.kind == Kind::Quote || matches!(t.punct(), Some(';' | ':'))
        })?;
        if !self.toks[close].is_punct(',') || close + 2 >= e {
            return None;
        }
        if (c + 1..close).any(|x| self.toks[x].is(AUX) && self.toks[x].lower()) {
            return None;
        }
        let s = close + 1;
        let t = &self.toks[s];
        if self.that_follows(s) {
            return Some(s + 1);
        }
        (t.kind == Kind::Word && t.is(PRONOUN) && t.cls & DET == 0 && self.clause_opening(s, e))
            .then_some(s)
    }
}
