//! Rule 3 and the sentence context: a reporting clause closing the sentence (`…, the lawsuit says.`), a cue
//! later in the sentence, the tail of a paragraph handing its speaker to the next one, the previous sentence's
//! speaker, and whether a quotation stands as a clause of its own.
use super::*;

impl<'a> Window<'a> {
    /// A reporting clause that closes the sentence after a comma — ", the lawsuit says.", ", according to a
    /// Quinnipiac poll.", ", said Sanders." — reports everything before it, embedded quotes included.
    pub(crate) fn closing_report(&self, qi: usize) -> Option<Found> {
        let end = self.sent_end(qi);
        // The sentence's last token (before final punctuation).
        let mut e = end;
        while e > qi + 1 && matches!(self.toks[e - 1].punct(), Some('.' | '!' | '?' | '…' | ')'))
        {
            e -= 1;
        }
        if e <= qi + 2 {
            return None;
        }
        let comma_before = |x: usize| {
            x > 0 && (self.toks[x - 1].is_punct(',') || self.quote_ends_with_comma(x - 1))
        };
        let mut k = e;
        while k > qi + 1 && e - k < 14 {
            k -= 1;
            if self.toks[k].kind == Kind::Quote {
                return None;
            }
            let Some((ce, role, part)) = self.cue(k) else {
                continue;
            };
            if part || !matches!(role, Role::Speech | Role::Source) {
                return None;
            }
            let cue = (self.toks[k].start, self.toks[ce - 1].end);
            if comma_before(k) && !self.addressee_verb(k) {
                // ", said Sanders." / ", according to Reuters."
                let (a, b) = self.np_right(ce, e)?;
                if b != e {
                    return None;
                }
                return Some(Found {
                    speaker: self.np_span(a, b),
                    refers: None,
                    cue: Some(cue),
                    cue_tok: Some(k),
                    how: How::Later,
                });
            }
            // ", the lawsuit says." / ", the Orlando Sentinel reported." (time words may follow the verb)
            let tail_ok = (ce..e).all(|x| {
                let u = &self.toks[x];
                u.kind == Kind::Word
                    && (u.cls & (TIME | PREP | DET) != 0 || u.flags & NUM != 0 || self.ly_adverb(x))
            });
            if !tail_ok || role == Role::Source {
                return None;
            }
            let i = self.skip_left(k as isize - 1, qi + 1)?;
            let (a, b) = self.np_left(i, qi + 1)?;
            if !comma_before(a) || b - a > 8 {
                return None;
            }
            return Some(Found {
                speaker: self.np_span(a, b),
                refers: self.refers(a, b),
                cue: Some(cue),
                cue_tok: Some(k),
                how: How::Later,
            });
        }
        None
    }

    /// Rule 3: a cue later in the sentence whose subject stands after the quote.
    pub(crate) fn later(&self, qi: usize) -> Option<Found> {
        let end = self.sent_end(qi);
        let ss = self.sent[qi];
        let mut k = qi + 1;
        while k < end {
            if let Some((ce, role, part)) = self.cue(k) {
                if part || !matches!(role, Role::Speech | Role::Source) {
                    k += 1;
                    continue;
                }
                if k > 0
                    && self.toks[k - 1].is_punct(',')
                    && role == Role::Speech
                    && !self.addressee_verb(k)
                {
                    if let Some((a, b)) = self.np_right(ce, end) {
                        let cue = (self.toks[k].start, self.toks[ce - 1].end);
                        return Some(Found {
                            speaker: self.np_span(a, b),
                            refers: self.refers(a, b),
                            cue: Some(cue),
                            cue_tok: Some(k),
                            how: How::Later,
                        });
                    }
                }
                if !self.cue_usable_before(k, ce, usize::MAX) {
                    k += 1;
                    continue;
                }
                if let Some((a, b)) = self.subject_of(k, ce, role, false, ss) {
                    if a > qi {
                        let cue = (self.toks[k].start, self.toks[ce - 1].end);
                        return Some(Found {
                            speaker: self.np_span(a, b),
                            refers: self.refers(a, b),
                            cue: Some(cue),
                            cue_tok: Some(k),
                            how: How::Later,
                        });
                    }
                }
                return None;
            }
            k += 1;
        }
        None
    }

    /// The last cue of the sentence that ends the window (after the last quote), with its subject: what a
    /// following quote-only paragraph continues ("As Joel Pollak observed, …:").
    pub(crate) fn tail(&self) -> Option<(Found, usize)> {
        let n = self.toks.len();
        if n == 0 {
            return None;
        }
        let ss = self.sent[n - 1];
        let colon = self.toks[n - 1].is_punct(':');
        let mut k = n;
        while k > ss && n - k < SCAN {
            k -= 1;
            if self.toks[k].kind == Kind::Quote {
                return None;
            }
            if let Some((ce, role, part)) = self.usable_cue(k, ss, usize::MAX) {
                if let Some((a, b)) = self.subject_of(k, ce, role, part, ss) {
                    let cue = (self.toks[k].start, self.toks[ce - 1].end);
                    return Some((
                        Found {
                            speaker: self.np_span(a, b),
                            refers: self.refers(a, b),
                            cue: Some(cue),
                            cue_tok: Some(k),
                            how: How::Before,
                        },
                        k,
                    ));
                }
            }
        }
        if colon {
            // "Provincial governor Jane Doe issued the following statement:"
            if let Some((a, b)) = self.clause_subject(ss, n - 1) {
                let found = Found {
                    speaker: self.np_span(a, b),
                    refers: self.refers(a, b),
                    cue: None,
                    cue_tok: None,
                    how: How::Before,
                };
                return Some((found, n - 1));
            }
        }
        None
    }

    /// Does the quote token `qi` stand as a clause of its own before it (sentence start, after a colon, comma or
    /// dash, or right after a reporting verb)?
    pub(crate) fn stands_alone_before(&self, qi: usize) -> bool {
        if qi == self.sent[qi] {
            return true;
        }
        let p = &self.toks[qi - 1];
        match p.kind {
            Kind::Punct => matches!(p.punct(), Some(':' | ',' | '—' | '–' | '(' | ';' | '-')),
            Kind::Word => p.lower() && self.cue(qi - 1).is_some(),
            _ => false,
        }
    }

    /// Is token i the first of its sentence?
    pub(crate) fn sentence_start(&self, i: usize) -> bool {
        self.sent[i] == i
    }

    /// Does the quote token `qi` end a clause (end of sentence or window, punctuation, another quote)?
    pub(crate) fn stands_alone_after(&self, qi: usize) -> bool {
        match self.toks.get(qi + 1) {
            None => true,
            Some(t) => match t.kind {
                Kind::Punct => matches!(
                    t.punct(),
                    Some('.' | '!' | '?' | ',' | ';' | ':' | '—' | '–' | '―' | '-' | ')' | '…')
                ),
                Kind::Quote => true,
                Kind::Word => {
                    self.sent[qi + 1] != self.sent[qi]
                        || self.cue(qi + 1).is_some()
                        || self.after(qi, false).is_some()
                }
                Kind::Poss => false,
            },
        }
    }

    /// The speaker of the sentence before the one holding token `qi` (a cue in it), if any.
    pub(crate) fn previous_sentence(&self, qi: usize) -> Option<Found> {
        let ss = self.sent[qi];
        if ss == 0 {
            return None;
        }
        let pss = self.sent[ss - 1];
        let mut k = ss;
        while k > pss && ss - k < SCAN {
            k -= 1;
            if self.toks[k].kind == Kind::Quote {
                return None;
            }
            if let Some((ce, role, part)) = self.usable_cue(k, pss, usize::MAX) {
                if role == Role::Label {
                    continue;
                }
                if let Some((a, b)) = self.subject_of(k, ce, role, part, pss) {
                    return Some(Found {
                        speaker: self.np_span(a, b),
                        refers: self.refers(a, b),
                        cue: None,
                        cue_tok: Some(k),
                        how: How::Before,
                    });
                }
            }
        }
        None
    }
}

/// Nouns naming a work or a show, that a title in quotation marks follows ("the film “…”") or precedes.
fn names_work(w: &str) -> bool {
    matches!(
        w,
        "book"
            | "film"
            | "show"
            | "program"
            | "programme"
            | "series"
            | "song"
            | "movie"
            | "podcast"
    )
}

impl<'a> Window<'a> {
    /// Is the quotation at token `qi` a title of a work or show: every word capitalised (small words aside)
    /// right after a possessive or a preposition ("on the BBC’s “Morning Talk,”", "starred in “Rivers and
    /// Bridges”")? Such a quotation is nobody's words.
    pub(crate) fn title_after_owner(&self, qi: usize) -> bool {
        if qi == 0 || qi == self.sent[qi] {
            return false;
        }
        let p = &self.toks[qi - 1];
        let owner = p.kind == Kind::Poss
            || (p.kind == Kind::Word
                && p.lower()
                && (matches!(
                    self.word(qi - 1),
                    "on" | "in" | "of" | "with" | "from" | "at" | "by"
                ) || names_work(self.word(qi - 1))));
        owner && self.title_case(qi)
    }

    /// Is the quotation at token `qi` a title next to a noun naming a work: right before it or before it and a
    /// comma ("the civil rights anthem “…”", "In her 2019 memoir, “…,”"), or right after it ("his “…” radio
    /// program", "a “…” forum")? Every word capitalised, small words aside; nobody's words.
    pub(crate) fn title_near_work(&self, qi: usize) -> bool {
        if qi == 0 || qi == self.sent[qi] || !self.title_case(qi) {
            return false;
        }
        let p = &self.toks[qi - 1];
        let work = |i: usize| {
            self.toks[i].kind == Kind::Word
                && self.toks[i].lower()
                && (names_work(self.word(i))
                    || matches!(
                        self.word(i),
                        "anthem"
                            | "album"
                            | "novel"
                            | "memoir"
                            | "play"
                            | "documentary"
                            | "episode"
                            | "hymn"
                            | "musical"
                            | "poem"
                            | "sitcom"
                            | "forum"
                    ))
        };
        let work_before = work(qi - 1) || (qi >= 2 && p.is_punct(',') && work(qi - 2));
        let work_after = self.toks.get(qi + 1).is_some_and(|t| t.kind == Kind::Word)
            && (work(qi + 1)
                || (self.toks.get(qi + 2).is_some_and(|t| t.kind == Kind::Word)
                    && self.toks[qi + 1].lower()
                    && matches!(self.word(qi + 1), "radio" | "television" | "tv" | "talk")
                    && work(qi + 2)));
        work_before || work_after
    }

    /// Is the quotation at token `qi` a nickname inside a name: one capitalised word right between two
    /// capitalised words, with no punctuation around it (`Juan "Chico" Ortiz`, `Marta “Tita” Lopez`)? A
    /// nickname is nobody's words.
    pub(crate) fn nickname(&self, qi: usize) -> bool {
        if qi == 0 || qi == self.sent[qi] {
            return false;
        }
        let (p, n) = (&self.toks[qi - 1], self.toks.get(qi + 1));
        let name_word = |t: &Tok| t.kind == Kind::Word && t.cap() && t.cls & NONNAME == 0;
        let t = &self.toks[qi];
        let inner = &self.text[t.start..t.end];
        let inner = inner.trim_matches(|c: char| !c.is_alphanumeric());
        name_word(p)
            && n.is_some_and(|n| name_word(n) && self.sent[qi + 1] == self.sent[qi])
            && !inner.is_empty()
            && inner.starts_with(char::is_uppercase)
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    }

    /// Does the quotation at token `qi` follow a noun of crowd utterance and "of" ("chants of “…”", "cries of
    /// “…”", "shouts of “…”")?
    pub(crate) fn chant_before(&self, qi: usize) -> bool {
        qi >= 2
            && self.toks[qi - 1].kind == Kind::Word
            && self.word(qi - 1) == "of"
            && self.toks[qi - 2].kind == Kind::Word
            && matches!(
                self.word(qi - 2),
                "chants" | "chant" | "cries" | "shouts" | "cheers" | "screams" | "chorus"
            )
    }

    /// Every word of the quotation at token `qi` is capitalised, bar short function words ("Meet the Press").
    pub(crate) fn title_case(&self, qi: usize) -> bool {
        let t = &self.toks[qi];
        let inner = self.text[t.start..t.end]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim();
        let mut words = 0;
        for w in inner.split(|c: char| c.is_whitespace() || c == '-') {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            words += 1;
            let first = w.chars().next().unwrap_or(' ');
            let small = matches!(
                w,
                "of" | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "in"
                    | "on"
                    | "to"
                    | "for"
                    | "with"
                    | "at"
                    | "by"
                    | "from"
                    | "or"
                    | "vs"
            );
            if !(first.is_uppercase() || first.is_numeric() || (small && words > 1)) {
                return false;
            }
        }
        words > 0
    }

    /// A quoted phrase embedded in a clause whose subject is a person, an organisation, a group or a document
    /// (`Okafor has gone after the mayor as a “tired clown”`, `Berg urged the members to “keep the faith”`,
    /// `The senator spent the evening praising his “body language”`) is that subject's partial quote, even
    /// without a verb of saying: a phrase of several words, or one right after "as" or a labelling verb.
    pub(crate) fn subject_partial(&self, qi: usize) -> Option<Found> {
        let ss = self.sent[qi];
        if qi < ss + 2 || self.title_case(qi) {
            return None;
        }
        let t = &self.toks[qi];
        let inner = &self.text[t.start..t.end];
        let words = inner.split_whitespace().count();
        let p = qi - 1;
        let labelled = self.toks[p].lower()
            && (matches!(
                self.word(p),
                "as" | "it" | "him" | "her" | "them" | "a" | "an"
            ) && (ss..p).any(|j| {
                self.cue(j).is_some()
                    || (self.toks[j].lower() && matches!(self.word(j), "as" | "like"))
            }));
        if words < 2 && !labelled {
            return None;
        }
        // Attribute-like quotes (`author="@x"`) and quotes after a colon or a dash are not embedded phrases.
        if matches!(self.toks[p].punct(), Some('=' | ':' | '<' | '>')) {
            return None;
        }
        let (a, mut b) = self.clause_subject(ss, qi)?;
        // "Honest coverage helps …": a capitalised first word of no known class followed by a noun, not a
        // verb, is an adjective of the subject, not a name.
        if a == ss && b == a + 1 && self.toks[a].cls == 0 && self.toks[a].cap() {
            let x = self.skip_adverbs(b, qi);
            if x < qi
                && self.toks[x].kind == Kind::Word
                && self.toks[x].lower()
                && !self.verb_like(x)
            {
                return None;
            }
        }
        // A name that runs up to the quotation holds it (`Tea Party “super PACs” backed …`): the phrase is a part
        // of that noun phrase, not the words of the name. (Not so a headline's single marks: `Mayor ‘not sure’
        // about the plan` leaves out the verb.)
        let single = self.text[t.start..].starts_with(['‘', '\'', '’']);
        if b >= qi
            && !single
            && (a..qi).all(|x| {
                let u = &self.toks[x];
                u.kind == Kind::Word && u.cap() && u.flags & ALLCAPS == 0
            })
        {
            return None;
        }
        // "The senator spent the evening …": the phrase ends at its noun of people.
        if self.toks[a].is(DET) {
            if let Some(h) = (a + 1..b).find(|&x| self.toks[x].is(PERSON_NOUN | ANY_TITLE | ORG)) {
                b = h + 1;
            }
        }
        if !self.speaker_can_speak(a, b) {
            return None;
        }
        Some(Found {
            speaker: self.np_span(a, b),
            refers: self.refers(a, b),
            cue: None,
            cue_tok: None,
            how: How::Before,
        })
    }

    /// Can the noun phrase at tokens `a..b` speak: a person, an organisation, a group of people or a document
    /// (a name, a personal pronoun, a phrase with a noun of people or organisations) — not a dummy "it" or
    /// "there", a clitic, a manner phrase ("a low voice") or a bare abstract noun.
    pub(crate) fn speaker_can_speak(&self, a: usize, b: usize) -> bool {
        if b <= a {
            return false;
        }
        let t = &self.toks[a];
        if t.kind != Kind::Word {
            return false;
        }
        let w = self.word(a);
        if t.is(PRONOUN) && t.cls & DET == 0 {
            return !matches!(
                w.to_ascii_lowercase().as_str(),
                "it" | "there" | "this" | "that" | "what" | "which"
            ) || w == "which";
        }
        if b - a == 1 && w.contains(['\'', '’']) {
            return false;
        }
        (a..b).any(|x| {
            let u = &self.toks[x];
            u.kind == Kind::Word
                && (u.cls & (PERSON_NOUN | ORG | ANY_TITLE | HONORIFIC | FIRST_NAME | SPEECH_NOUN)
                    != 0
                    || (u.cap() && u.cls & (DET | NONNAME | TIME) == 0 && x > a)
                    || (u.cap() && x == a && u.cls & (DET | NONNAME | TIME | PREP | SUB) == 0))
        })
    }
}

impl<'a> Window<'a> {
    /// Is the speaker of `f` a mention that cannot speak: a dummy "It"/"There", a clitic ("won't", "’s"), a manner
    /// or place phrase opening with a preposition ("in a low voice"), a phrase ending in an auxiliary or a
    /// preposition ("the donor didn’t"), or a lone determiner ("The")?
    pub(crate) fn speaker_bad(&self, f: &Found) -> bool {
        let (s, e) = f.speaker;
        let a = self.toks.partition_point(|t| t.start < s);
        let b = self.toks.partition_point(|t| t.start < e);
        if a >= b || self.toks[a].start != s {
            return false;
        }
        let t = &self.toks[a];
        let w = self.word(a);
        if t.kind != Kind::Word {
            return false;
        }
        if b - a == 1 {
            return self.sentence_adverb(a)
                || matches!(w, "There" | "there")
                || w.ends_with("n't")
                || w.ends_with("n’t")
                || matches!(w, "'s" | "’s")
                || matches!(w, "The" | "the" | "A" | "a" | "An" | "an");
        }
        // A number, a date or a time ("who in 2011 said" read as "2011 said", "Tuesday") cannot speak.
        if (a..b).all(|x| {
            let u = &self.toks[x];
            u.kind != Kind::Word || u.flags & NUM != 0 || (u.is(TIME) && !u.is(PRONOUN))
        }) {
            return true;
        }
        let last = &self.toks[b - 1];
        // An event or an abstract noun ("the crisis", "the debate", "the war") is no speaker.
        if last.kind == Kind::Word
            && last.lower()
            && (a..b).all(|x| !self.toks[x].is(PERSON_NOUN | ANY_TITLE | HONORIFIC | FIRST_NAME))
            && matches!(
                self.word(b - 1),
                "crisis"
                    | "war"
                    | "conflict"
                    | "debate"
                    | "election"
                    | "pandemic"
                    | "storm"
                    | "attack"
                    | "shooting"
                    | "explosion"
                    | "violence"
                    | "situation"
                    | "problem"
                    | "issue"
                    | "economy"
                    | "weather"
                    | "scandal"
                    | "controversy"
                    | "outbreak"
                    | "recession"
                    | "fire"
                    | "flood"
                    | "decision"
                    | "idea"
            )
        {
            return true;
        }
        // A phrase opening with a preposition and a determiner, capitalised at a sentence start or not ("In a
        // Facebook message posted Friday, …"; but "From the report: “…”" names its source).
        (t.lower()
            || (self.toks[a + 1].is(DET)
                && self.toks[a + 1].lower()
                && !self.toks.get(b).is_some_and(|n| n.is_punct(':'))))
            && t.is(PREP)
            || (last.kind == Kind::Word
                && last.lower()
                && last.cls & (AUX | NEG | PREP | CONJ | SUB) != 0)
    }
}
