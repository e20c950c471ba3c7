//! Speaker candidates: noun phrases read left or right of a cue, clause subjects, appositions,
//! coordinated subjects, and the speaker mention inside a noun phrase ([`Window::np_span`]). Shared by every
//! attribution rule, for quotes in marks and reported speech alike.
use super::*;

impl<'a> Window<'a> {
    /// For a speaker that is a relative pronoun ("Lionel Sosa, …, who said"), the speaker span of its
    /// antecedent noun phrase.
    pub(super) fn refers(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if b != a + 1
            || !self.toks[a].is(SUB)
            || !matches!(self.word(a), "who" | "which" | "that")
            || a == 0
        {
            return None;
        }
        let ss = self.sent[a];
        let mut j = a - 1;
        if self.toks[j].is_punct(',') && j > ss {
            j -= 1;
        }
        if j < ss {
            return None;
        }
        self.np_left(j, ss).map(|(x, y)| self.np_span(x, y))
    }

    /// Can token t stand inside a noun phrase read leftwards?
    pub(super) fn np_inner(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Poss => true,
            Kind::Quote => false,
            Kind::Punct => matches!(t.punct(), Some('-' | '&' | '/')),
            Kind::Word => {
                if t.lower() {
                    if t.cls & (SUB | CONJ | AUX | NEG | PRONOUN | SAY) != 0 {
                        return false;
                    }
                    if t.cls & ADV != 0 && t.cls & (DET | TIME | PERSON_NOUN) == 0
                        || self.ly_adverb(i)
                    {
                        return false;
                    }
                    if self.cue(i).is_some() && self.usage(i) == Usage::Any {
                        return false;
                    }
                    true
                } else {
                    // Capitalised, number: names, titles, "The". A capitalised pronoun ("He") only alone.
                    t.cls & (PRONOUN | SUB | CONJ) == 0 || t.cls & (DET | NONNAME) == DET
                }
            }
        }
    }

    /// The noun phrase ending at token `i` (inclusive), read leftwards inside the sentence starting at `ss`.
    pub(super) fn np_left(&self, i: usize, ss: usize) -> Option<(usize, usize)> {
        let t = &self.toks[i];
        if t.kind == Kind::Word && t.cls & PRONOUN != 0 && t.cls & DET == 0 {
            return Some((i, i + 1));
        }
        if !self.np_inner(i) {
            return None;
        }
        let mut a = i;
        while a > ss && i - a + 1 < NP_MAX && self.np_inner(a - 1) {
            a -= 1;
        }
        while a <= i && self.toks[a].is(PREP) && self.toks[a].lower() {
            a += 1;
        }
        if a > i {
            return None;
        }
        Some((a, i + 1))
    }

    /// The noun phrase starting at token `i`, read rightwards (after an inverted cue: "said Mr Putin").
    pub(super) fn np_right(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        let n = self.toks.len().min(limit);
        if i >= n {
            return None;
        }
        let t = &self.toks[i];
        if t.kind != Kind::Word {
            return None;
        }
        if t.cls & PRONOUN != 0 && t.cls & DET == 0 {
            return Some((i, i + 1));
        }
        if t.lower() && t.cls & (DET | PERSON_NOUN | ANY_TITLE) == 0 && t.flags & NUM == 0 {
            // "retired neurosurgeon Ben Carson"
            let name_follows = (i + 1..n.min(i + 5))
                .find(|&x| !self.toks[x].lower())
                .is_some_and(|x| {
                    self.toks[x].cap()
                        && (i..x).all(|y| {
                            self.toks[y].kind == Kind::Word
                                && self.toks[y].cls & (SUB | CONJ | AUX | PREP) == 0
                        })
                });
            if !name_follows {
                return None;
            }
        }
        let mut b = i + 1;
        let mut seen_of = false;
        while b < n && b - i < NP_MAX {
            let u = &self.toks[b];
            let ok = match u.kind {
                Kind::Poss => true,
                Kind::Word => {
                    if u.lower() && u.cls & PREP != 0 {
                        // "of the Sierra Club" once.
                        // "a statement from the water authority": the issuer after a document noun.
                        let issuer = self.word(b) == "from"
                            && self.toks[b - 1].is(SPEECH_NOUN | PERSON_NOUN)
                            && self.toks[b - 1].lower();
                        if (self.word(b) == "of" || issuer) && !seen_of {
                            seen_of = true;
                            true
                        } else {
                            false
                        }
                    } else {
                        u.cls & (SUB | CONJ | AUX | NEG | SAY) == 0
                            && (self.cue(b).is_none() || self.usage(b) != Usage::Any)
                            && !(u.lower() && u.cls & (ADV | TIME) != 0 && u.cls & DET == 0)
                    }
                }
                Kind::Punct => matches!(u.punct(), Some('-' | '&')),
                Kind::Quote => false,
            };
            if !ok {
                break;
            }
            b += 1;
        }
        while b > i + 1 && self.toks[b - 1].is(PREP | DET) && self.toks[b - 1].lower() {
            b -= 1;
        }
        Some((i, b))
    }

    /// Is token `i` a sentence adverb opening its sentence ("Ironically, the plan …", "Perhaps it is …",
    /// "Whatever the outcome, …"): no subject of the clause.
    pub(super) fn sentence_adverb(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.word(i);
        i == self.sent[i]
            && t.kind == Kind::Word
            && t.cap()
            && (matches!(
                w,
                "Perhaps"
                    | "Maybe"
                    | "Whatever"
                    | "However"
                    | "Meanwhile"
                    | "Moreover"
                    | "Furthermore"
                    | "Nevertheless"
                    | "Nonetheless"
                    | "Therefore"
                    | "Thus"
                    | "Instead"
                    | "Indeed"
                    | "Otherwise"
            ) || (w.len() >= 7
                && w.ends_with("ly")
                && !t.is(FIRST_NAME)
                && self.toks.get(i + 1).is_some_and(|n| n.is_punct(','))))
    }

    /// The subject of the clause that starts the sentence at `ss`, before token `limit`.
    pub(super) fn clause_subject(&self, ss: usize, limit: usize) -> Option<(usize, usize)> {
        // An open parenthesis before `limit` starts the clause: "(Raphael Lemkin, who …, once said, “…”)".
        let mut ss = ss;
        let mut depth = 0i32;
        for j in (ss..limit.min(self.toks.len())).rev().take(SCAN) {
            match self.toks[j].punct() {
                Some(')') => depth += 1,
                Some('(') if depth == 0 => {
                    ss = j + 1;
                    break;
                }
                Some('(') => depth -= 1,
                _ => {}
            }
        }
        let mut i = ss;
        if i < limit && self.toks[i].flags & ALLCAPS != 0 {
            if let Some(d) = (i + 1..limit.min(i + 12))
                .find(|&j| matches!(self.toks[j].punct(), Some('—' | '–' | '-')))
            {
                i = d + 1;
            }
        }
        while i < limit {
            let t = &self.toks[i];
            if t.kind == Kind::Punct && !matches!(t.punct(), Some(',')) || t.is(CONJ) {
                i += 1;
            } else {
                break;
            }
        }
        if i >= limit {
            return None;
        }
        let t = &self.toks[i];
        if t.kind == Kind::Word && t.cls & PRONOUN != 0 && t.cls & DET == 0 {
            return Some((i, i + 1));
        }
        // An introductory phrase ("In a break with…, Putin acknowledged"; "Asked about it, Price said";
        // "A month later, he …").
        let time_intro = || {
            if t.cls & (DET | PREP | TIME) == 0 && t.flags & NUM == 0 {
                return false;
            }
            let mut j = i;
            while j < limit && j < i + 6 && self.toks[j].kind == Kind::Word {
                j += 1;
            }
            j < limit && self.toks[j].is_punct(',') && (i..j).any(|x| self.toks[x].is(TIME))
        };
        let np_like = t.cap() || t.cls & (DET | PRONOUN | PERSON_NOUN) != 0 || t.flags & NUM != 0;
        // "To wit, …", "To be sure, …", "To date, …": an infinitive or prepositional phrase opening the sentence
        let to_intro = t.kind == Kind::Word && self.word(i) == "To";
        let intro = t.kind == Kind::Word
            && (t.cls & (PREP | SUB | ADV | TIME) != 0 && t.cls & (PRONOUN | DET) == 0
                || to_intro
                || self.participle_intro(i, limit)
                || time_intro()
                || (self.sentence_adverb(i)
                    && self.toks.get(i + 1).is_some_and(|n| n.is_punct(',')))
                || (!np_like && self.cue(i).is_none()));
        if intro || t.kind == Kind::Quote {
            let mut j = i + 1;
            while j < limit && j < i + 25 && !self.toks[j].is_punct(',') {
                j += 1;
            }
            if j + 1 < limit && j < i + 25 {
                i = j + 1;
            } else if t.kind == Kind::Word && t.cls & (ADV | CONJ) != 0 && i + 1 < limit {
                // "Then he cut into Bush": one introductory word.
                i += 1;
            } else {
                return None;
            }
        }
        let t = &self.toks[i];
        if t.kind != Kind::Word {
            return None;
        }
        if t.cls & PRONOUN != 0 && t.cls & DET == 0 {
            return Some((i, i + 1));
        }
        // A name: honorifics, titles and capitalised words; or a determiner/person noun and a few words.
        let mut j = i;
        if t.cap() && t.cls & DET == 0 {
            while j < limit
                && j < i + 8
                && (self.toks[j].cap()
                    || (self.toks[j].lower()
                        && j + 1 < limit
                        && self.toks[j + 1].cap()
                        && self.word(j) == "of"))
            {
                j += 1;
            }
            return Some((i, j));
        }
        if t.cls & (DET | PERSON_NOUN) != 0 || t.cap() {
            j = i + 1;
            while j < limit && j < i + 6 {
                let u = &self.toks[j];
                let verbish = u.lower() && {
                    let w = self.word(j);
                    w.len() > 4 && w.ends_with("ed")
                };
                if u.kind == Kind::Poss
                    || (u.kind == Kind::Word
                        && u.cls & (AUX | SUB | CONJ | PREP | NEG | SAY) == 0
                        && !(u.lower() && u.cls & ADV != 0 && self.word(j).ends_with("ly"))
                        && !verbish
                        && (self.cue(j).is_none()
                            || (self.toks[j - 1].is(DET) && self.toks[j - 1].cls & PRONOUN == 0)))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            return Some((i, j));
        }
        None
    }

    /// The subject before a chain of comma-separated appositives that ends with the comma at `comma`: walks back
    /// over at most five segments to a clause boundary (sentence start, subordinator, conjunction, semicolon).
    pub(super) fn appositive_subject(&self, comma: usize, ss: usize) -> Option<(usize, usize)> {
        let mut j = comma;
        for _ in 0..5 {
            let mut b = j;
            while b > ss && j - b < 20 {
                let t = &self.toks[b - 1];
                if t.is_punct(',')
                    || t.is_punct(';')
                    || t.kind == Kind::Quote
                    || self.spaced_dash(b - 1)
                {
                    break;
                }
                let conj_after_comma =
                    t.cls & CONJ != 0 && b >= 2 && self.toks[b - 2].is_punct(',');
                // Subordinators open clauses; "as", "like", "that", relative pronouns stay inside appositives
                // ("Okafor, who describes herself as an engineer, told").
                // "as" opening its segment ("Or, as Ada Lund, a former harbour master, put it") opens a clause.
                let as_opens = (b - 1 == ss || self.toks[b - 2].is_punct(','))
                    && matches!(self.word(b - 1), "as" | "As");
                let opens_clause = t.cls & SUB != 0
                    && !matches!(
                        self.word(b - 1),
                        "as" | "like"
                            | "that"
                            | "than"
                            | "who"
                            | "whom"
                            | "whose"
                            | "which"
                            | "what"
                    );
                // A subordinate clause inside a relative one stays in the appositive ("The coach, who won two titles
                // before the club folded, said").
                let in_relative = || {
                    (ss..b - 1)
                        .rev()
                        .take_while(|&x| {
                            !self.toks[x].is_punct(',') && self.toks[x].kind != Kind::Quote
                        })
                        .any(|x| {
                            self.toks[x].lower()
                                && matches!(self.word(x), "who" | "whom" | "whose" | "which")
                        })
                };
                if as_opens
                    || t.kind == Kind::Word
                        && t.lower()
                        && (opens_clause || conj_after_comma)
                        && t.cls & PRONOUN == 0
                        && !(opens_clause && in_relative())
                {
                    break;
                }
                b -= 1;
            }
            if j - b >= 20 {
                return None;
            }
            let boundary_is_comma = b > ss && self.toks[b - 1].is_punct(',');
            if boundary_is_comma {
                j = b - 1;
                continue;
            }
            // The segment [b, j) opens a clause: its subject. A common noun phrase with a name in apposition
            // ("His rival, Jane Doe, said") is named by the name.
            if j < comma {
                let seg_end = (j + 1..=comma)
                    .find(|&x| self.toks[x].is_punct(','))
                    .unwrap_or(comma);
                if let Some(name) = self.apposed_name(j + 1, seg_end) {
                    // past a leading conjunction ("But the commander of Ukraine’s joint forces, Lieutenant
                    // General Serhiy Nayev, said"); names after "of" belong to the description
                    let mut b0 = b;
                    if b0 + 1 < j && self.toks[b0].is(CONJ) {
                        b0 += 1;
                    }
                    let t = &self.toks[b0];
                    let of_at = (b0..j).find(|&x| self.toks[x].lower() && self.word(x) == "of");
                    if t.kind == Kind::Word
                        && (t.is(DET | POSS_DET) || t.lower())
                        && !(b0..of_at.unwrap_or(j)).any(|x| self.toks[x].cap() && x > b0)
                    {
                        return Some(name);
                    }
                }
            }
            if b == ss {
                return self.clause_subject(ss, j);
            }
            let t = &self.toks[b];
            if t.cap() || t.is(PRONOUN | DET) {
                return self.clause_subject(b, j);
            }
            return None;
        }
        None
    }

    /// The tokens `a..b` when they are a name (two to five capitalised words, an honorific allowed): the name in
    /// an apposition.
    pub(super) fn apposed_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let n = b.saturating_sub(a);
        if !(2..=6).contains(&n) {
            return None;
        }
        let ok = (a..b).all(|x| {
            let t = &self.toks[x];
            t.kind == Kind::Word && t.cap() && t.cls & (DET | NONNAME | PRONOUN | TIME | ORG) == 0
        });
        ok.then_some((a, b))
    }

    /// The subject shared by a verb after the conjunction at `conj` ("he laughed and said", "Mr Lukashenko
    /// thanked his guest …, and said"): the nearest clause before it that opens with a name or pronoun.
    pub(super) fn coordinated_subject(&self, conj: usize, ss: usize) -> Option<(usize, usize)> {
        let mut j = conj;
        if j > ss && self.toks[j - 1].is_punct(',') {
            j -= 1;
        }
        for _ in 0..4 {
            let mut b = j;
            while b > ss && j - b < 25 {
                let t = &self.toks[b - 1];
                let boundary = t.is_punct(',')
                    || t.is_punct(';')
                    || matches!(t.punct(), Some('—' | '–' | '―' | '-' | ':'))
                    || t.kind == Kind::Quote
                    || (t.kind == Kind::Word
                        && t.lower()
                        && t.cls & SUB != 0
                        && t.cls & PRONOUN == 0);
                if boundary {
                    break;
                }
                b -= 1;
            }
            if b < j {
                let t = &self.toks[b];
                if t.kind == Kind::Word
                    && (t.is(PRONOUN) && t.cls & DET == 0 || (t.cap() && t.cls & NONNAME == 0))
                {
                    return self.clause_subject(b, j);
                }
            }
            if b == ss || j - b >= 25 {
                return None;
            }
            j = b - 1;
        }
        None
    }

    /// The subject of a participle cue opening its sentence, alone or after a preposition or subordinator ("In
    /// declaring the plan “a disaster,” the governor showed …", "Calling it “a joke”, Smith left"): the noun
    /// phrase after the comma that closes the participle's clause (inside a quotation's marks or after them),
    /// when a verb follows it.
    pub(super) fn fronted_participle_subject(
        &self,
        k: usize,
        ce: usize,
        ss: usize,
    ) -> Option<(usize, usize)> {
        let opens = k == ss
            || (k == ss + 1 && {
                let t = &self.toks[ss];
                t.cap() && t.cls & (PREP | SUB) != 0 && t.cls & (PRONOUN | DET) == 0
            });
        if !opens {
            return None;
        }
        let end = self.sent_end(k);
        let comma = (ce..end).find(|&j| {
            self.toks[j].is_punct(',')
                || (self.toks[j].kind == Kind::Quote && self.quote_ends_with_comma(j))
        })?;
        let (a, b) = self.np_right(comma + 1, end)?;
        // The phrase ends at its verb ("the governor made clear …").
        let b = (a + 1..b).find(|&x| self.verb_like(x)).unwrap_or(b);
        let v = self.skip_adverbs(b, end);
        (v < end && self.verb_like(v)).then_some((a, b))
    }

    /// The subject of the clause that ends right before the participle at `k` ("when the striking
    /// dockers blocked the gate, chanting …" → "the striking dockers").
    pub(super) fn local_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
        if k == ss {
            return None;
        }
        let end = k - 1; // the comma or conjunction before the participle
        let mut j = end;
        while j > ss && end - j < 30 {
            let t = &self.toks[j - 1];
            let sub = t.kind == Kind::Word
                && t.cls & SUB != 0
                && t.cls & PRONOUN == 0
                && !matches!(self.word(j - 1), "that" | "as" | "like" | "than");
            if sub {
                break;
            }
            let stop = matches!(t.punct(), Some(',' | ';' | ':' | '—' | '–' | '('))
                || t.kind == Kind::Quote;
            if stop || j - 1 == ss {
                return None;
            }
            j -= 1;
        }
        if j == ss {
            return None;
        }
        let mut i = j;
        while i < end && (self.toks[i].is(CONJ) || (self.toks[i].lower() && self.toks[i].is(ADV))) {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let t = &self.toks[i];
        if t.kind != Kind::Word || (t.lower() && t.cls & (DET | PRONOUN | PERSON_NOUN) == 0) {
            return None;
        }
        if t.cls & (PREP | TIME) != 0 && t.cls & (DET | PRONOUN) == 0 {
            return None;
        }
        // "Lind went after Roe, calling him …": a subordinator with no verb after it is a preposition ("after
        // Roe"), and its noun phrase no subject.
        let verb = (i + 1..end).any(|x| {
            let u = &self.toks[x];
            let w = self.word(x);
            u.kind == Kind::Word
                && u.lower()
                && (u.is(AUX)
                    || w.len() > 3 && w.ends_with("ed") && u.cls & (DET | PREP) == 0
                    || crate::quotes::attribute::reported::words::irregular_past(w)
                    || self.cue(x).is_some())
        });
        if !verb {
            return None;
        }
        self.clause_subject(i, end)
    }

    /// Skips adverbs, auxiliaries, negation, time adverbials ("on Monday", "earlier this month") and
    /// parentheses leftwards from token `i`; returns the first other token's index (or None before `ss`).
    pub(super) fn skip_left(&self, mut i: isize, ss: usize) -> Option<usize> {
        let mut guard = 0;
        while i >= ss as isize && guard < 20 {
            guard += 1;
            let t = &self.toks[i as usize];
            if t.kind == Kind::Word
                && t.lower()
                && (t.cls & (ADV | AUX | NEG) != 0 || self.ly_adverb(i as usize))
                && t.cls & (DET | PRONOUN) == 0
            {
                i -= 1;
                continue;
            }
            if t.kind == Kind::Word && t.cls & TIME != 0 && t.cls & PRONOUN == 0 {
                // "on Monday", "last week", "earlier this month", "on Tuesday night"
                i -= 1;
                while i >= ss as isize {
                    let u = &self.toks[i as usize];
                    let time_word = u.kind == Kind::Word
                        && (u.lower() || u.cls & TIME != 0)
                        && u.cls & (PREP | DET | TIME | ADV) != 0
                        && u.cls & PRONOUN == 0;
                    if time_word || u.flags & NUM != 0 {
                        i -= 1;
                    } else {
                        break;
                    }
                }
                continue;
            }
            // A year or a number after a preposition: "who in 2011 said", "since 2019".
            if t.kind == Kind::Word
                && t.flags & NUM != 0
                && i > ss as isize
                && self.toks[i as usize - 1].lower()
                && self.toks[i as usize - 1].is(PREP)
            {
                i -= 2;
                continue;
            }
            if t.punct() == Some(')') {
                let mut j = i - 1;
                while j >= ss as isize && i - j < 12 && self.toks[j as usize].punct() != Some('(') {
                    j -= 1;
                }
                if j >= ss as isize && self.toks[j as usize].punct() == Some('(') {
                    i = j - 1;
                    continue;
                }
            }
            break;
        }
        if i >= ss as isize {
            Some(i as usize)
        } else {
            None
        }
    }

    /// The speaker of the cue at tokens `k..ce` (role, participle), in the sentence starting at `ss`.
    pub(super) fn subject_of(
        &self,
        k: usize,
        ce: usize,
        role: Role,
        participle: bool,
        ss: usize,
    ) -> Option<(usize, usize)> {
        if role == Role::Source {
            return self.np_right(ce, self.sent_end(k));
        }
        if participle {
            // "…, saying": the subject of the main clause, which is often the subject of an earlier cue.
            if k >= 1 && self.word(k - 1) == "as" {
                // "officials were quoted by the RBC news outlet as saying"
                let mut j = k - 1;
                while j > ss && k - j < 12 {
                    j -= 1;
                    if self.word(j) == "quoted" {
                        let before = self.skip_left(j as isize - 1, ss)?;
                        return self.np_left(before, ss);
                    }
                }
            }
            if let Some(np) = self.fronted_participle_subject(k, ce, ss) {
                return Some(np);
            }
            if let Some(np) = self.local_subject(k, ss) {
                return Some(np);
            }
            // "…, Nefzi said, adding, “…”": the reporting clause right before the participle.
            if k >= ss + 2 && self.toks[k - 1].is_punct(',') {
                let mut j = k - 1;
                while j > ss
                    && k - j < 8
                    && !self.toks[j - 1].is_punct(',')
                    && self.toks[j - 1].kind != Kind::Quote
                {
                    j -= 1;
                    // "stood by the comment, saying": a noun of saying after a determiner is no reporting verb.
                    let noun =
                        j > ss && (self.toks[j - 1].is(DET) || self.toks[j - 1].kind == Kind::Poss);
                    if let Some((ce2, role2, part2)) = self.cue(j).filter(|_| !noun) {
                        if !part2 && role2 == Role::Speech && ce2 == k - 1 {
                            return self.subject_of(j, ce2, role2, false, ss);
                        }
                    }
                }
            }
            let opens_with_quote = self.toks[ss].kind == Kind::Quote;
            if !opens_with_quote {
                if let Some(np) = self.clause_subject(ss, k) {
                    return Some(np);
                }
            }
            let mut j = k;
            while j > ss && k - j < SCAN {
                j -= 1;
                if let Some((ce2, role2, part2)) = self.cue(j) {
                    if !part2 && ce2 <= k && role2 != Role::Source {
                        return self.subject_of(j, ce2, role2, false, ss);
                    }
                }
            }
            return self.clause_subject(ss, k);
        }
        if ce < self.toks.len() && self.toks[ce].lower() && self.word(ce) == "by" {
            // A passive: "measures added by Republicans", "dismissed by the Kremlin".
            if let Some(np) = self.np_right(ce + 1, self.sent_end(k)) {
                return Some(np);
            }
        }
        let i = self.skip_left(k as isize - 1, ss)?;
        if self.toks[i].lower() && self.word(i) == "to" {
            // "Mr. Doe was moved to say": the subject of the clause holding the infinitive ("the hearing was so
            // calm that Mr. Doe was moved to say": the clause after "that").
            let cs = (ss..i)
                .rev()
                .take(12)
                .find(|&j| {
                    let t = &self.toks[j];
                    matches!(t.punct(), Some(';' | ':'))
                        || (t.lower() && t.cls & SUB != 0 && t.cls & PRONOUN == 0)
                })
                .map_or(ss, |j| j + 1);
            return self
                .clause_subject(cs, i)
                .or_else(|| (cs > ss).then(|| self.clause_subject(ss, i)).flatten());
        }
        let t = &self.toks[i];
        match t.kind {
            Kind::Quote => {
                // “A,” said Smith, “B.”
                self.np_right(ce, self.sent_end(k))
            }
            Kind::Punct => {
                if self.spaced_dash(i) {
                    // "Jane Roe — the former mayor — said": the subject before a parenthesis set off by dashes.
                    let open = (ss.max(i.saturating_sub(20))..i)
                        .rev()
                        .find(|&j| self.spaced_dash(j) && self.toks[j].punct() == t.punct())?;
                    let j = self.skip_left(open as isize - 1, ss)?;
                    return self.np_left(j, ss).filter(|&(a, _)| {
                        a == ss
                            || !self.toks[a - 1].lower()
                            || self.toks[a - 1].cls & (PREP | DET) == 0
                    });
                }
                if t.is_punct(',') {
                    // "Gov. Jane Roe (D-XX), said": the name before the parenthesis.
                    if i > ss + 1 && self.toks[i - 1].punct() == Some(')') {
                        if let Some(j) = self.skip_left(i as isize - 1, ss) {
                            if let Some(np) = self.np_left(j, ss) {
                                return Some(np);
                            }
                        }
                    }
                    // ", says Carl Anthony, historian at …, is that": the name after the cue (not after a verb of
                    // telling: "Roe, who chairs the board, told the Gazette, “…”").
                    if let Some((a, b)) = (!self.addressee_verb(k))
                        .then(|| self.np_right(ce, self.sent_end(k)))
                        .flatten()
                    {
                        if self.toks[a].cap() && self.toks.get(b).is_some_and(|t| t.is_punct(',')) {
                            return Some((a, b));
                        }
                    }
                    // "Kulemzin, the mayor of Donetsk, said"; "…, while Mike Huckabee, the former governor, proposed"
                    self.appositive_subject(i, ss)
                        .or_else(|| self.clause_subject(ss, i))
                } else {
                    None
                }
            }
            Kind::Poss => self.np_left(i, ss),
            Kind::Word => {
                if t.cls & CONJ != 0 {
                    return self
                        .coordinated_subject(i, ss)
                        .or_else(|| self.clause_subject(ss, i));
                }
                if t.cls & SUB != 0 && t.cls & PRONOUN == 0 {
                    let w = self.word(i).to_ascii_lowercase();
                    if matches!(w.as_str(), "who" | "which" | "that") && i > ss {
                        // PolNeAR's convention and the mention as written: "who" (resolved through
                        // its antecedent, see `refers`).
                        return Some((i, i + 1));
                    }
                    return None;
                }
                let np = self.np_left(i, ss)?;
                // "The company that makes phones said": the relative clause's antecedent.
                let first = &self.toks[np.0];
                if np.0 > ss
                    && first.lower()
                    && first.cls & (DET | PERSON_NOUN | PRONOUN) == 0
                    && self.toks[np.0 - 1].is(SUB)
                    && np.0 >= ss + 2
                    // "a case in which tenants argued": after a preposition the relative is no subject.
                    && !(self.toks[np.0 - 2].lower() && self.toks[np.0 - 2].is(PREP))
                {
                    let mut j = np.0 - 2;
                    if self.toks[j].is_punct(',') && j > ss {
                        j -= 1;
                    }
                    if let Some(ante) = self.np_left(j, ss) {
                        return Some(ante);
                    }
                }
                // "The engineer who built two bridges before her firm failed is now asking for …": the noun
                // phrase before the verb ends a relative clause whose subject is the relative pronoun (not "in
                // which Democrats argued", "To which she said"); the subject is its antecedent.
                if let Some(r) = (ss + 1..np.0)
                    .rev()
                    .take(15)
                    .take_while(|&x| self.toks[x].kind == Kind::Word)
                    .find(|&x| self.toks[x].lower() && matches!(self.word(x), "who" | "which"))
                    .filter(|&r| r + 1 < np.0 && !self.toks[r - 1].is(PREP))
                {
                    if let Some(ante) = self.np_left(r - 1, ss) {
                        return Some(ante);
                    }
                }
                Some(np)
            }
        }
    }

    /// The byte span of the speaker mention inside the noun phrase at tokens `a..b`: a name with its honorific
    /// ("Mr Zelenskiy"), without a job title before it ("Vladimir Putin"); the whole phrase for other phrases
    /// ("The Kremlin", "Officials in the Kyiv region", "a White House spokeswoman").
    pub(crate) fn np_span(&self, a: usize, b: usize) -> (usize, usize) {
        let toks = self.toks;
        let whole = (toks[a].start, toks[b - 1].end);
        if b - a == 1 {
            return whole;
        }
        let is_name_word = |i: usize| {
            let t = &toks[i];
            t.kind == Kind::Word
                && t.flags & CAP != 0
                && t.cls & (ANY_TITLE | DET | HONORIFIC) & !FIRST_NAME == 0
                && (t.cls & NONNAME == 0 || t.cls & FIRST_NAME != 0)
        };
        // The name run ending at `end` (exclusive), with an honorific before it.
        let run_before = |end: usize, from: usize| -> Option<(usize, usize)> {
            let mut s = end;
            while s > from {
                let i = s - 1;
                let t = &toks[i];
                let particle = t.lower()
                    && matches!(
                        self.word(i),
                        "de" | "van" | "von" | "bin" | "al" | "der" | "la"
                    );
                if is_name_word(i)
                    || (t.flags & ABBR != 0 && t.flags & CAP != 0 && t.cls == 0)
                    || (particle && s < end)
                {
                    s -= 1;
                } else {
                    break;
                }
            }
            if s == end {
                return None;
            }
            let mut run_start = s;
            let mut hon = false;
            if s > from && toks[s - 1].is(HONORIFIC) {
                run_start = s - 1;
                hon = true;
            }
            // A title complement at the run's start ("[Secretary of] State John Kerry").
            if !hon && end - s >= 3 && toks[s].is(COMPLEMENT) {
                s += 1;
                run_start = s;
            }
            let preceded_by_det = run_start > from
                && toks[run_start - 1].is(DET)
                && toks[run_start - 1].cls & PRONOUN == 0;
            if preceded_by_det {
                return None;
            }
            // One capitalised common word ("Officials", "Critics") is not a name.
            if end - s == 1
                && !hon
                && toks[s].cls & (PERSON_NOUN | ORG | NONNAME) != 0
                && toks[s].cls & FIRST_NAME == 0
            {
                return None;
            }
            Some((toks[run_start].start, toks[end - 1].end))
        };
        // A manner phrase closing the subject ("The minister in a low voice"): "in"/"with" + "a"/"an".
        let mut b = b;
        if let Some(m) = (a + 1..b.saturating_sub(1)).find(|&i| {
            toks[i].lower()
                && matches!(self.word(i), "in" | "with")
                && matches!(self.word(i + 1), "a" | "an")
        }) {
            b = m;
            if b - a == 1 {
                return (toks[a].start, toks[a].end);
            }
        }
        // A document and its issuer ("a statement from the water authority", "a report by the inspector
        // general"): the issuer speaks, the document is its medium.
        if let Some(m) = (a + 1..b.saturating_sub(1)).find(|&i| {
            toks[i].lower()
                && matches!(self.word(i), "from" | "by")
                && toks[i - 1].is(SPEECH_NOUN | PERSON_NOUN)
        }) {
            let doc = self.word(m - 1).to_ascii_lowercase();
            let is_doc = toks[m - 1].is(SPEECH_NOUN)
                || matches!(
                    doc.as_str(),
                    "report"
                        | "reports"
                        | "letter"
                        | "release"
                        | "memo"
                        | "document"
                        | "documents"
                        | "email"
                        | "emails"
                        | "filing"
                        | "study"
                        | "ad"
                        | "video"
                        | "notice"
                        | "post"
                        | "tweet"
                        | "analysis"
                        | "survey"
                        | "poll"
                        | "complaint"
                        | "lawsuit"
                );
            if is_doc && (a..m).all(|i| toks[i].lower() || toks[i].is(DET)) {
                return self.np_span(m + 1, b);
            }
        }
        // Head = the part before a preposition.
        let p = (a + 1..b).find(|&i| toks[i].is(PREP) && toks[i].lower());
        let head_end = p.unwrap_or(b);
        if let Some(span) = run_before(head_end, a) {
            return span;
        }
        if p.is_some() {
            // "Secretary of State John Kerry": a title before the preposition, a name at the end.
            // The title is capitalised: "a resident of Denver" is a resident, not Denver.
            let head_is_title = (a..head_end).all(|i| {
                (toks[i].is(DET) && toks[i].cls & PRONOUN == 0)
                    || (toks[i].cap() && (toks[i].is(ANY_TITLE) || toks[i].cls & NONNAME == 0))
            }) && (a..head_end).any(|i| toks[i].cap());
            if head_is_title {
                if let Some(span) = run_before(b, head_end) {
                    return span;
                }
            }
        }
        // Trim trailing punctuation or possessives.
        let mut e = b;
        while e > a + 1 && toks[e - 1].kind != Kind::Word {
            e -= 1;
        }
        (toks[a].start, toks[e - 1].end)
    }

    pub(super) fn np_ok_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Word
            && (t.cap() || t.cls & (DET | PRONOUN | PERSON_NOUN) != 0 || t.flags & NUM != 0)
            && t.cls & (SUB | CONJ) == 0
    }
}
