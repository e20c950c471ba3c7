//! Where reported content starts and ends, and whether it reads as a clause: skipping the cue's object,
//! adjuncts and "that"; cutting before a closing reporting clause, the writer's next clause or a semicolon;
//! trimming punctuation and time words; the clause checks (`clause_opening`, `finite_verb`, …) every form uses.
use super::*;

impl<'a> Window<'a> {
    /// Content tokens `a..b` hold at least two words and are not one quotation in marks (that is a direct or
    /// partial quote already).
    pub(super) fn clause_like(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let words = (a..b).filter(|&i| self.toks[i].kind == Kind::Word).count();
        let quotes = (a..b).filter(|&i| self.toks[i].kind == Kind::Quote).count();
        words >= 2 || (words >= 1 && quotes >= 1)
    }

    /// Does a clause start at token `i`: a subject pronoun ("he", "it", "there"), or a noun phrase (name,
    /// determiner, number, quotation) followed by a verb within a few words?
    pub(super) fn clause_opening(&self, i: usize, e: usize) -> bool {
        // Nothing opens at or past the end ("…, the agency said, and" closing the text).
        if i >= e.min(self.toks.len()) {
            return false;
        }
        let t = &self.toks[i];
        match t.kind {
            Kind::Word => {
                if t.cls & PRONOUN != 0 && t.cls & DET == 0 {
                    return true;
                }
                let w = self.word(i);
                if w.eq_ignore_ascii_case("there") {
                    return true;
                }
                if w == "to" {
                    // an infinitive ("claims to have annexed") is no clause
                    return false;
                }
                if let Some((head, _)) = w.split_once(['’', '\'']) {
                    // "he’ll", "they’re", "it’s", "there’s": a subject pronoun with its auxiliary.
                    let c = crate::people::lexicon::classes(head);
                    if c & PRONOUN != 0 && c & DET == 0 || head.eq_ignore_ascii_case("there") {
                        return true;
                    }
                }
                if t.lower() && t.cls & (SUB | CONJ | PREP | AUX | NEG) != 0 && t.cls & DET == 0 {
                    return false;
                }
                if t.lower() && t.cls & (DET | PERSON_NOUN) == 0 && !self.plural_noun(i) {
                    // A bare noun ("electricity supply there was …"): a verb must follow closely.
                    return t.cls & (SUB | CONJ | PREP | AUX | NEG | ADV | PRONOUN | TIME) == 0
                        && !self.ly_adverb(i)
                        && self.finite_verb(i + 1, e.min(i + 6));
                }
                self.finite_verb(i + 1, e.min(i + 10))
            }
            Kind::Quote => self.finite_verb(i + 1, e.min(i + 6)),
            _ => false,
        }
    }

    /// After a verb that takes a bare clause ("said"), a clause may open with a name, a determiner, a number, a
    /// quantifier ("none of the ballots") or a conditional ("if she were elected, …").
    pub(super) fn bare_opening(&self, i: usize, e: usize) -> bool {
        let t = &self.toks[i];
        if t.kind != Kind::Word || i + 1 >= e {
            return false;
        }
        let w = self.word(i);
        if t.lower() && t.cls & SUB != 0 && t.cls & PRONOUN == 0 {
            // "said if she were elected, …", "said when the vote came, …"
            return matches!(
                w,
                "if" | "when"
                    | "because"
                    | "while"
                    | "although"
                    | "unless"
                    | "once"
                    | "after"
                    | "before"
                    | "since"
            ) && (i + 2..e.min(i + 16)).any(|x| self.toks[x].is_punct(','))
                && (i + 1..e.min(i + 3))
                    .any(|x| self.toks[x].is(PRONOUN | DET) || self.toks[x].cap());
        }
        if t.lower() && t.cls & PREP != 0 && t.cls & (PRONOUN | DET) == 0 && w != "to" && w != "of"
        {
            // "says despite the delays, she still backs it", "said in the end, the vote was close": a short
            // prepositional phrase closed by a comma, then a clause.
            return (i + 2..e.min(i + 10))
                .take_while(|&x| self.toks[x].kind != Kind::Quote && !self.toks[x].is_punct(';'))
                .find(|&x| self.toks[x].is_punct(','))
                .is_some_and(|c| c + 1 < e && self.clause_opening(c + 1, e));
        }
        if t.cap() && !t.is(SUB | PREP | CONJ | ADV) || t.flags & NUM != 0 {
            // "say Gov. Anna Berg, who faces a recall, has not …": a name after "say" is the content's subject.
            return true;
        }
        if t.lower()
            && t.cls & (SUB | CONJ | PREP | AUX | NEG | ADV | PRONOUN) == 0
            && !self.ly_adverb(i)
        {
            // "Farmers say demand over the past month is weak", "He said no to the war"; not an
            // infinitive ("claims to have annexed", "agreed to cap prices": no reported clause), nor the particle
            // of a phrasal verb ("has written off the loans", "wrote up a plan")
            return w != "to"
                && !matches!(w, "off" | "up" | "out" | "down" | "away" | "back")
                && (i..e).filter(|&x| self.toks[x].kind == Kind::Word).count() >= 3;
        }
        let opens = if t.cap() {
            t.is(DET)
        } else {
            t.is(DET) && t.cls & (PREP | SUB) == 0
                || matches!(w, "none" | "nobody" | "nothing" | "everyone" | "everybody")
        };
        opens && self.finite_verb(i + 1, e.min(i + 14))
    }

    /// Does a clause open at token `j` with a subject pronoun and a finite verb ("they will …", "it cost …")?
    pub(super) fn pronoun_clause(&self, j: usize) -> bool {
        j + 1 < self.toks.len()
            && self.toks[j].kind == Kind::Word
            && self.toks[j].is(PRONOUN)
            && self.toks[j].cls & DET == 0
            && !matches!(self.word(j), "him" | "her" | "them" | "us" | "me")
            && self.finite_verb(j + 1, (j + 4).min(self.toks.len()))
    }

    /// A finite verb among tokens `a..b`: an auxiliary, or a past tense ("-ed") after the first word.
    pub(super) fn finite_verb(&self, a: usize, b: usize) -> bool {
        for x in a..b.min(self.toks.len()) {
            let t = &self.toks[x];
            if t.kind == Kind::Quote || t.is_punct(';') {
                return false;
            }
            if x > a && (t.is_punct(',') || t.lower() && t.is(CONJ | SUB) && t.cls & PRONOUN == 0) {
                return false;
            }
            if t.kind != Kind::Word || !t.lower() {
                continue;
            }
            let w = self.word(x);
            let verb = t.cls & AUX != 0
                || (w.len() > 3 && w.ends_with("ed") && t.cls & (DET | PREP) == 0)
                || self.hits[x].is_some_and(|h| !h.participle && h.role == Role::Speech)
                || irregular_past(w)
                || (x > a && self.present_verb(x));
            if verb {
                return true;
            }
        }
        false
    }

    /// A present-tense verb after its subject's head noun ("each year of drought costs", "the plan works").
    pub(super) fn present_verb(&self, x: usize) -> bool {
        let w = self.word(x);
        let p = &self.toks[x - 1];
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("ics")
            && self.toks[x].cls == 0
            && p.kind == Kind::Word
            && p.cls & (DET | PREP | CONJ | SUB | AUX) == 0
            && p.flags & NUM == 0
            && !(p.lower() && self.word(x - 1).ends_with('s'))
    }

    /// An indirect question: "explained why she left", "would not say whether the plant will close", "asked how
    /// …": a wh-word followed by a finite verb within a few words.
    pub(super) fn wh_clause(&self, i: usize, e: usize, negated: bool) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Word
            && t.lower()
            && match self.word(i) {
                "how" | "why" | "whether" => true,
                // "did not say when the vote would take place", "would not say who had won"
                "when" | "where" | "who" | "what" => negated,
                // "would not say if the plant will close"; not a conditional ("said if she were elected, …",
                // read by `bare_opening`)
                "if" => !(i + 1..e.min(i + 16)).any(|x| self.toks[x].is_punct(',')),
                _ => false,
            }
            && self.finite_verb(i + 1, e.min(i + 10))
    }

    /// Does a complementizer "that" and a word follow at token `j`?
    pub(super) fn that_follows(&self, j: usize) -> bool {
        j + 1 < self.toks.len()
            && self.toks[j].lower()
            && self.word(j) == "that"
            && self.toks[j + 1].kind == Kind::Word
    }

    /// "that, if elected, she would …", "that, despite the delays, the school …": a "that" at `j` followed by a
    /// comma-delimited aside of at most 12 tokens and a clause; returns the clause's first token.
    pub(super) fn that_aside(&self, j: usize, e: usize) -> Option<usize> {
        if !(j + 3 < e
            && self.toks[j].lower()
            && self.word(j) == "that"
            && self.toks[j + 1].is_punct(','))
        {
            return None;
        }
        let c = (j + 3..e.min(j + 15)).find(|&x| {
            let t = &self.toks[x];
            t.is_punct(',') || t.kind == Kind::Quote || matches!(t.punct(), Some(';' | ':'))
        })?;
        let s = c + 1;
        (self.toks[c].is_punct(',') && s < e && self.clause_opening(s, e)).then_some(s)
    }

    /// "told the city's main evening newspaper on Saturday that …": a "that" within a dozen plain words
    /// (no verb, clause word, quotation or punctuation but a comma pair) after the cue.
    pub(super) fn that_ahead(&self, j: usize, e: usize) -> Option<usize> {
        for x in j..e.min(j + 14) {
            let u = &self.toks[x];
            if u.kind == Kind::Word && u.lower() && self.word(x) == "that" {
                return (x > j).then_some(x);
            }
            let plain = match u.kind {
                Kind::Word => {
                    u.cls & (AUX | PRONOUN | SUB | CONJ) == 0 && self.hits[x].is_none()
                        || self.word(x) == "and"
                }
                Kind::Poss => true,
                Kind::Punct => matches!(u.punct(), Some(',' | '.' | '-' | '&')),
                Kind::Quote => false,
            };
            if !plain || u.lower() && self.word(x).ends_with("ed") && self.word(x).len() > 4 {
                return None;
            }
        }
        None
    }

    /// Skips "that" at `j`.
    pub(super) fn skip_that(&self, j: usize, e: usize) -> usize {
        if j + 1 < e
            && self.toks[j].lower()
            && self.word(j) == "that"
            && self.toks[j + 1].kind == Kind::Word
        {
            j + 1
        } else {
            j
        }
    }

    /// After `told`: an object pronoun or a short noun phrase ("told reporters", "told the BBC").
    pub(super) fn skip_object(&self, j: usize, e: usize) -> usize {
        let Some(t) = self.toks.get(j) else {
            // ". , told": a cue at the window's last token has no object (proptest finding,
            // tests/quotes.proptest-regressions).
            return j;
        };
        if t.kind == Kind::Word && t.lower() && object_pronoun(self.word(j)) {
            return j + 1;
        }
        // "told operatives they needed …", "told reporters that …": a few words, then "that" or a subject.
        for x in j + 1..e.min(j + 6) {
            let u = &self.toks[x];
            if u.kind != Kind::Word && u.kind != Kind::Poss {
                break;
            }
            let w = self.word(x);
            if u.lower() && w == "that"
                || u.cls & PRONOUN != 0 && u.cls & DET == 0 && w != "it" && w != "you"
                || u.lower() && u.is(DET | POSS_DET) && u.cls & PREP == 0
            {
                // "told reporters that …", "told operatives they …", "told the radio his company paid …"
                return x;
            }
            if u.lower() && (u.cls & (AUX | SUB | CONJ | PREP) != 0 || w == "to") {
                break;
            }
        }
        if let Some((_, b)) = self.np_right(j, e) {
            if b < e && b - j <= 6 {
                return b;
            }
        }
        j
    }

    /// Time adverbials, adverbs and "in a statement"-like phrases after a cue; returns the first other token.
    pub(super) fn skip_adjuncts(&self, mut j: usize, e: usize) -> usize {
        if j >= e.min(self.toks.len()) {
            return j;
        }
        let start = j;
        // "denied after talks on Monday that …", "have said in recent days that …": an adverbial, then "that".
        let t = &self.toks[j];
        if t.kind == Kind::Word
            && t.lower()
            && t.cls & (PREP | SUB | ADV | TIME) != 0
            && self.word(j) != "that"
        {
            for x in j + 1..e.min(j + 10) {
                let u = &self.toks[x];
                if u.kind == Kind::Word && u.lower() && self.word(x) == "that" {
                    return x;
                }
                let plain = matches!(u.kind, Kind::Word | Kind::Poss)
                    && u.cls & (AUX | PRONOUN | SUB | CONJ) == 0
                    && self.hits[x].is_none();
                if !plain {
                    break;
                }
            }
        }
        while j < e && j < start + 12 {
            let t = &self.toks[j];
            if t.kind != Kind::Word {
                // ", however," / "(on Tuesday)"
                if t.is_punct(',') && j > start {
                    j += 1;
                    continue;
                }
                break;
            }
            if t.lower() && (t.cls & ADV != 0 || self.ly_adverb(j)) && t.cls & (DET | PRONOUN) == 0
            {
                j += 1;
                continue;
            }
            if t.cls & TIME != 0 && t.cls & PRONOUN == 0 {
                j += 1;
                continue;
            }
            if t.lower() && t.cls & PREP != 0 && t.cls & PRONOUN == 0 && self.word(j) != "that" {
                // "on Tuesday", "in a statement", "in an interview with CNN", "on Twitter"
                let mut x = j + 1;
                while x < e
                    && x < j + 6
                    && self.toks[x].kind == Kind::Word
                    && (self.toks[x].is(DET | TIME | SPEECH_NOUN | PREP)
                        || self.toks[x].cap()
                        || self.toks[x].flags & NUM != 0)
                    && !(self.toks[x].lower() && self.word(x) == "that")
                {
                    x += 1;
                }
                let adjunct = (j + 1..x)
                    .any(|y| self.toks[y].is(TIME | SPEECH_NOUN) || self.toks[y].cap())
                    && x < e
                    && (self.word(x) == "that"
                        || self.toks[x].is_punct(',')
                        || self.clause_opening(x, e));
                if adjunct {
                    j = x;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The content of a verb that takes an object: `vowed to fight on`, `urged voters to stay home`, `asked how
    /// much …`, `announced her bid last week`, `denied any wrongdoing`.
    pub(super) fn object_content(
        &self,
        k: usize,
        ce: usize,
        np: (usize, usize),
        e: usize,
    ) -> Option<Speech> {
        let j = self.skip_adjuncts(ce, e);
        if j >= e || self.toks[j].kind != Kind::Word {
            return None;
        }
        let t = &self.toks[j];
        let w = self.word(j);
        let ok = t.lower()
            && matches!(
                w,
                "to" | "what" | "how" | "whether" | "why" | "who" | "if" | "when" | "where"
            )
            || t.is(DET | POSS_DET) && t.cls & PREP == 0
            || t.cap() && !t.is(SUB | PREP | CONJ)
            || t.flags & NUM != 0
            || t.lower()
                && t.cls & (SUB | CONJ | PREP | AUX | NEG | ADV | PRONOUN | TIME) == 0
                && !self.ly_adverb(j)
            || t.lower() && object_pronoun(w) && w != "it";
        if !ok || self.word(j) == "that" {
            return None;
        }
        let end = self.intro_cut(np.0, j, self.cut(j, e));
        let end = self.object_np_end(j, end);
        if end <= j + 1 {
            return None;
        }
        self.speech((j, end), np, k, ce)
    }

    /// A noun-phrase object ("announced his candidacy in June", "claimed victory in a tweet", "did not name
    /// the mayor directly in her letter") ends before the adverbials that follow it: a time word, an adverb, a comma,
    /// a subordinator or a preposition of time, place or manner. An infinitive ("urged voters to stay home"), a
    /// wh-clause or a clause with its verb keeps its whole extent.
    pub(super) fn object_np_end(&self, j: usize, end: usize) -> usize {
        let w = self.word(j);
        if matches!(
            w,
            "to" | "what" | "how" | "whether" | "why" | "who" | "if" | "when" | "where"
        ) || (j..end).any(|x| self.toks[x].lower() && self.word(x) == "to")
            || self.finite_verb(j + 1, end)
        {
            return end;
        }
        for x in j + 1..end {
            let t = &self.toks[x];
            if t.kind == Kind::Quote || !t.lower() && t.kind == Kind::Word {
                continue;
            }
            let w = self.word(x);
            if t.lower()
                && matches!(w, "in" | "on" | "at" | "during")
                && self
                    .toks
                    .get(x + 1)
                    .is_some_and(|n| n.is(TIME) || n.flags & NUM != 0)
            {
                // "announced her bid in May 2019", "announced support on Thursday"
                return self.trim_end(j, x);
            }
            let stop = t.kind == Kind::Word
                && t.lower()
                && (matches!(
                    w,
                    "after" | "before" | "since" | "despite" | "because" | "when" | "while" | "until" | "amid"
                ) || x > j + 1 && self.speech_pp(x, end))
                // "once she has said her part, she is ready …"
                || t.is_punct(',') && x + 1 < end && self.clause_opening(x + 1, end) && self.toks[x + 1].is(PRONOUN);
            if stop {
                return self.trim_end(j, x);
            }
        }
        end
    }

    /// Where content starting at `a` ends before `e`: before a semicolon or colon, or before a closing reporting
    /// clause (`, officials said`, `, according to X`).
    pub(super) fn cut(&self, a: usize, e: usize) -> usize {
        // "When Roe noted that the firm paid no levy ― as its filings show ― Doe boasted …": content inside a
        // fronted subordinate clause ends with the clause, at its first comma or spaced dash.
        let ss = self.sent[a.min(self.toks.len() - 1)];
        let first = &self.toks[ss];
        let fronted = a > ss
            && first.cap()
            && first.cls & SUB != 0
            && first.cls & PRONOUN == 0
            && !matches!(self.word(ss), "That" | "What" | "As" | "Like")
            && !(ss..a).any(|x| self.toks[x].is_punct(',') || self.spaced_dash(x));
        let mut j = a;
        while j < e {
            let t = &self.toks[j];
            if fronted && j > a && (t.is_punct(',') || self.spaced_dash(j)) {
                return self.trim_end(a, j);
            }
            if matches!(t.punct(), Some(';' | ':')) {
                return self.trim_end(a, j);
            }
            if j > a + 2 && matches!(t.punct(), Some('-' | '—' | '–')) && j + 1 < e {
                // "… the new rules - there are three of them": a dash opening the writer's clause.
                let n = &self.toks[j + 1];
                let w = self.word(j + 1);
                let clause = n.kind == Kind::Word
                    && (matches!(w, "though" | "although" | "while" | "but")
                        || (n.is(PRONOUN) && n.cls & DET == 0 || w.eq_ignore_ascii_case("there"))
                            && self.finite_verb(j + 2, e.min(j + 5)));
                if clause {
                    return self.trim_end(a, j);
                }
            }
            if t.is_punct(',') && j > a + 2 && j + 2 < e {
                // ", however …", ", and other officials said …": the writer's next clause, another report.
                let w = self.word(j + 1);
                let report_follows = || {
                    (j + 2..e.min(j + 8)).any(|x| {
                        self.hits[x].is_some_and(|h| !h.participle && h.role == Role::Speech)
                            && x > j + 2
                            && !self.toks[x - 1].is_punct(',')
                    })
                };
                if w == "however" || w == "and" && report_follows() {
                    return self.trim_end(a, j);
                }
            }
            if j > a + 1
                && t.kind == Kind::Word
                && t.lower()
                && matches!(self.word(j), "while" | "whereas")
            {
                // "… was “extremely difficult” on Tuesday while his counterpart drove home …": the reporter's.
                return self.trim_time(a, self.trim_end(a, j));
            }
            if j > a + 2
                && t.kind == Kind::Word
                && t.lower()
                && t.cls & PREP != 0
                && self.speech_pp(j, e)
            {
                // "… in one of his clearest public admissions yet …": the report itself, not its content.
                return self.trim_end(a, j);
            }
            if j > a + 2
                && t.kind == Kind::Word
                && t.lower()
                && matches!(self.word(j), "but" | "and")
                && j + 1 < e
                && {
                    // "… says the goal is “…,” but conceded that …": the subject's next predicate.
                    let n = &self.toks[j + 1];
                    let w = self.word(j + 1);
                    n.lower()
                        && n.cls & (DET | PRONOUN | PREP) == 0
                        && self.hits[j + 1].is_some_and(|h| !h.participle || h.clause)
                        && !w.is_empty()
                }
            {
                return self.trim_end(a, j);
            }
            if t.is_punct(',') && j > a + 2 && j + 2 < e && self.toks[j + 1].lower() && {
                // ", though they doubt …", ", but he urged …", ", after most said so …": the reporter's clause.
                let w = self.word(j + 1);
                matches!(w, "though" | "although" | "whereas" | "while" | "after")
                    || (w == "but"
                        && self.clause_opening(j + 2, e)
                        && (self.toks[j + 2].is(PRONOUN | DET) || self.toks[j + 2].cap()))
                    // ", compared with 40 percent a year ago": the writer's comparison
                    || w == "compared"
                        && self.toks[j + 2].lower()
                        && matches!(self.word(j + 2), "with" | "to")
            } {
                return self.trim_end(a, j);
            }
            if t.is_punct(',') && j > a + 2 && j + 1 < e && self.toks[j + 1].lower() && {
                let w = self.word(j + 1);
                w.len() > 5
                    && w.ends_with("ing")
                    && !matches!(w, "including" | "according" | "during")
            } {
                // "…, along with a kindergarten, posting on Telegram a photo …": the speaker's next act.
                return self.trim_end(a, j);
            }
            if t.is_punct(',') && j > a + 2 && j + 3 < e && {
                // "One survey says 2,000 bridges are at risk, another says about 1,500": a short subject and a
                // verb of saying with its own content after the comma is the next report.
                (j + 2..e.min(j + 6)).any(|x| {
                    self.hits[x].is_some_and(|h| {
                        !h.participle
                            && h.role == Role::Speech
                            && h.usage == Usage::Any
                            && h.end < e
                            && !self.toks[h.end].is_punct(',')
                            && self.clause_opening(self.skip_that(h.end, e), e)
                    }) && (j + 1..x).all(|y| {
                        let u = &self.toks[y];
                        matches!(u.kind, Kind::Word | Kind::Poss)
                            && u.cls & (AUX | SUB | CONJ | PREP) == 0
                            && self.hits[y].is_none()
                    })
                })
            } {
                return self.trim_end(a, j);
            }
            if t.is_punct(',') && j + 1 < e {
                // ", according to X" / ", said X" / ", X said" closing the sentence.
                let closes = (j + 1..e.min(j + 10)).any(|x| {
                    self.hits[x].is_some_and(|h| {
                        !h.participle
                            && matches!(h.role, Role::Speech | Role::Source)
                            && (self.closing_tail(x, h.end, e)
                                // ", according to lawyers for the tenants.": the source runs to the end
                                || h.role == Role::Source
                                    && x == j + 1
                                    && h.end < e
                                    && self
                                        .source_phrase(h.end, e)
                                        .is_some_and(|(_, b)| b == e))
                    })
                });
                if closes {
                    return self.trim_end(a, j);
                }
            }
            j += 1;
        }
        e
    }

    /// "While the mayor said the budget was balanced, auditors found a gap": when the reporting clause opens with
    /// a subordinator (its subject at `subj`), the content ends at the comma before the main clause.
    pub(super) fn intro_cut(&self, subj: usize, start: usize, end: usize) -> usize {
        let ss = self.sent[subj];
        // the subordinator at most six words before the subject, in the same clause ("A few weeks after the
        // mayor said …", "Interestingly, after the board asked …"), or a perfect participle opening the
        // sentence ("Having announced that …")
        let lo = subj.saturating_sub(6).max(ss);
        let opens = (lo..subj)
            .rev()
            .take_while(|&x| self.toks[x].kind == Kind::Word)
            .any(|x| {
                let w = self.word(x);
                let sub = |s: &str| w.eq_ignore_ascii_case(s);
                [
                    "while", "although", "though", "whereas", "as", "when", "if", "because",
                    "since", "after", "before", "once", "unless",
                ]
                .iter()
                .any(|s| sub(s))
                    && (x == ss || self.toks[x].lower())
                    || x == ss && w == "Having"
            });
        if !opens {
            return end;
        }
        (start + 2..end)
            .find(|&x| self.toks[x].is_punct(',') && x + 1 < end && self.clause_opening(x + 1, end))
            .map_or(end, |c| self.trim_end(start, c))
    }

    /// A prepositional phrase at `j` naming the speech act: "in a statement", "in one of his clearest public
    /// admissions", "during an interview".
    pub(super) fn speech_pp(&self, j: usize, e: usize) -> bool {
        if !matches!(self.word(j), "in" | "during") {
            return false;
        }
        (j + 1..e.min(j + 8))
            .take_while(|&x| self.toks[x].kind == Kind::Word && !self.toks[x].is(AUX | SUB | CONJ))
            .any(|x| {
                // "in the report that …" introduces content; "in a statement on Monday" only names the act.
                self.speech_noun(x)
                    && !self
                        .toks
                        .get(x + 1)
                        .is_some_and(|t| t.kind == Kind::Word && self.word(x + 1) == "that")
            })
    }

    /// The end before token `j`, without a trailing time adverbial ("on Tuesday").
    pub(super) fn trim_time(&self, a: usize, mut j: usize) -> usize {
        while j > a + 2 && self.toks[j - 1].is(TIME) {
            j -= 1;
            if self.toks[j - 1].lower() && self.toks[j - 1].is(PREP) {
                j -= 1;
            }
        }
        j
    }

    /// The end before token `j`, without trailing commas and dashes.
    pub(super) fn trim_end(&self, a: usize, mut j: usize) -> usize {
        while j > a
            && matches!(
                self.toks[j - 1].punct(),
                Some(',' | '—' | '–' | '-' | ';' | ':')
            )
        {
            j -= 1;
        }
        j
    }

    /// Past what opens a sentence before its clause: a dateline at the paragraph's start ("TALLAHASSEE — ",
    /// "LONDON, May 2 (Reuters) – ") or a connective and its comma ("Still, ", "In fact, ", "Even so, ").
    pub(super) fn lead_in(&self, ss: usize, end: usize) -> usize {
        if ss == 0 {
            let dash = (0..end.min(12))
                .take_while(|&x| {
                    let t = &self.toks[x];
                    t.kind == Kind::Word && t.cap()
                        || t.flags & NUM != 0
                        || matches!(t.punct(), Some(',' | '.' | '(' | ')' | '—' | '–' | '-'))
                })
                .find(|&x| x > 0 && matches!(self.toks[x].punct(), Some('—' | '–' | '-')));
            if let Some(d) = dash {
                if d + 1 < end {
                    return d + 1;
                }
            }
        }
        let t = &self.toks[ss];
        if ss + 2 < end && t.kind == Kind::Word && t.cap() && self.toks[ss + 1].is_punct(',') {
            let w = self.word(ss).to_ascii_lowercase();
            if t.cls & (ADV | CONJ) != 0 && t.cls & (PRONOUN | DET) == 0
                || matches!(
                    w.as_str(),
                    "still" | "nevertheless" | "meanwhile" | "indeed" | "instead" | "so"
                )
            {
                return ss + 2;
            }
        }
        if ss + 3 < end
            && t.kind == Kind::Word
            && self.toks[ss + 1].kind == Kind::Word
            && self.toks[ss + 2].is_punct(',')
        {
            let pair = (self.word(ss).to_ascii_lowercase(), self.word(ss + 1));
            if matches!(
                (pair.0.as_str(), pair.1),
                ("in", "fact")
                    | ("even", "so")
                    | ("of", "course")
                    | ("in", "addition")
                    | ("by", "contrast")
                    | ("in", "particular")
                    | ("for", "now")
                    | ("in", "short")
            ) {
                return ss + 3;
            }
        }
        ss
    }

    /// The start of closing-form content: the sentence start, past a leading conjunction or dash.
    pub(super) fn clause_start(&self, ss: usize, end: usize) -> usize {
        let mut i = self.lead_in(ss, end);
        while i < end {
            let t = &self.toks[i];
            if t.kind == Kind::Punct && !matches!(t.punct(), Some('(' | '$' | '#')) {
                i += 1;
            } else if t.kind == Kind::Word
                && t.is(CONJ)
                && i + 1 < end
                && !self.toks[i + 1].is_punct(',')
            {
                i += 1;
                break;
            } else {
                break;
            }
        }
        i
    }
}
