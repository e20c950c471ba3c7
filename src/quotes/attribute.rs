//! Attribution rules over the tokens of one paragraph window (crate-internal).
//!
//! Each quotation is one opaque token; around it the rules look, in this order, for
//! 1. a speaker and cue right after it: `“…,” Mr Zelenskiy said`, `“…,” said Mr Putin`, `“…,” according to X`,
//!    the epigraph `“…” ― Name`;
//! 2. the nearest cue before it in its sentence and that cue's subject: `Putin said the war could be a “long
//!    process”`, `He said: “…”`, `The Kremlin on Monday dismissed … as “groundless”`, `Mr Lukashenko thanked his
//!    guest …, and said … “special” warheads` (coordination: the sentence's subject);
//! 3. a cue later in its sentence: `The “disaster” deal will hurt us, Trump said.`
//!
//! The caller adds continuation across quotes and paragraphs. Every scan is bounded (in tokens), so the work per
//! quotation is constant and the whole pass linear.
use crate::people::lexicon::*;
use crate::people::tokens::{Kind, Tok, ABBR, ALLCAPS, CAP, NUM};
use crate::quotes::cues::{CueHit, CueLexicon, Role, Usage};

/// Longest look-back or look-ahead, in tokens, for a cue in the same sentence.
const SCAN: usize = 60;
/// Longest noun phrase, in tokens.
const NP_MAX: usize = 10;

/// How a quotation got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// Speaker and cue right after the quote.
    After,
    /// A cue before it in the sentence.
    Before,
    /// A cue later in the sentence.
    Later,
    /// A colon after a speaker: `Smith: “…”`.
    Colon,
    /// The epigraph form `“…” ― Name`.
    Epigraph,
}

/// A speaker (token range of the noun phrase, byte span of the speaker mention) and a cue (byte span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub speaker: (usize, usize),
    pub cue: Option<(usize, usize)>,
    /// Token index of the cue's first word (for grouping parts that share one cue).
    pub cue_tok: Option<usize>,
    pub how: How,
    /// For a relative pronoun speaker ("who said"), the byte span of the mention it refers to.
    pub refers: Option<(usize, usize)>,
}

pub(crate) struct Window<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// For each token, the index of the first token of its sentence.
    pub sent: Vec<usize>,
    pub cues: &'a CueLexicon,
    /// The cue starting at each token, looked up once.
    hits: Vec<Option<CueHit>>,
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.punct(), Some('—' | '–' | '―' | '-'))
}

fn is_final(t: &Tok) -> bool {
    matches!(t.punct(), Some('.' | '!' | '?' | '…'))
}

impl<'a> Window<'a> {
    /// A window over `toks`, classified (and with the cue at each token found) by [`CueLexicon::classify`].
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        cues: &'a CueLexicon,
        hits: Vec<Option<CueHit>>,
        quote_ends_sentence: impl Fn(u32) -> bool,
    ) -> Self {
        let mut sent = Vec::with_capacity(toks.len());
        let mut start = 0;
        for i in 0..toks.len() {
            if i > 0 {
                let p = &toks[i - 1];
                let t = &toks[i];
                let starts = t.cap()
                    || t.kind == Kind::Quote
                    || t.flags & NUM != 0
                    || t.punct() == Some('(');
                let closes_final = p.punct() == Some(')') && i >= 2 && is_final(&toks[i - 2]);
                let boundary = if is_final(p) || closes_final {
                    starts
                } else if p.kind == Kind::Quote {
                    quote_ends_sentence(p.aux) && (t.cap() || t.kind == Kind::Quote)
                } else {
                    false
                };
                if boundary {
                    start = i;
                }
            }
            // Very long "sentences" (no punctuation) are cut to bounded pieces: every scan stays bounded.
            sent.push(start.max(i.saturating_sub(2 * SCAN)));
        }
        Window {
            text,
            toks,
            sent,
            cues,
            hits,
        }
    }

    #[inline]
    fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    #[inline]
    fn cue(&self, i: usize) -> Option<(usize, Role, bool)> {
        self.hits[i].map(|h| (h.end, h.role, h.participle))
    }

    /// The usage of the cue at token `i` (`Any` when there is none).
    #[inline]
    fn usage(&self, i: usize) -> Usage {
        self.hits[i].map_or(Usage::Any, |h| h.usage)
    }

    /// The end (exclusive) of token i's sentence, looking at most `SCAN` tokens ahead.
    fn sent_end(&self, i: usize) -> usize {
        let s = self.sent[i];
        let mut j = i + 1;
        while j < self.toks.len() && self.sent[j] == s && j < i + SCAN {
            j += 1;
        }
        j
    }

    /// A lower-case word in "-ly" that is not a known noun or adjective of people ("regularly", "rarely").
    fn ly_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 4
            && w.ends_with("ly")
            && self.toks[i].cls & (PERSON_NOUN | DET | TIME) == 0
            && !matches!(
                w,
                "family"
                    | "early"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "likely"
                    | "elderly"
                    | "friendly"
                    | "costly"
                    | "deadly"
                    | "timely"
                    | "ugly"
                    | "holy"
                    | "rally"
                    | "assembly"
                    | "anomaly"
                    | "monopoly"
                    | "bully"
                    | "supply"
                    | "reply"
                    | "apply"
                    | "belly"
                    | "jelly"
                    | "folly"
                    | "tally"
                    | "homily"
                    | "italy"
                    | "july"
            )
    }

    /// For a speaker that is a relative pronoun ("Lionel Sosa, …, who said"), the speaker span of its
    /// antecedent noun phrase.
    fn refers(&self, a: usize, b: usize) -> Option<(usize, usize)> {
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
    fn np_inner(&self, i: usize) -> bool {
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
    fn np_left(&self, i: usize, ss: usize) -> Option<(usize, usize)> {
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
    fn np_right(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
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
                        if self.word(b) == "of" && !seen_of {
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

    /// The subject of the clause that starts the sentence at `ss`, before token `limit`.
    fn clause_subject(&self, ss: usize, limit: usize) -> Option<(usize, usize)> {
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
        let intro = t.kind == Kind::Word
            && (t.cls & (PREP | SUB | ADV | TIME) != 0 && t.cls & (PRONOUN | DET) == 0
                || self.participle_intro(i, limit)
                || time_intro()
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
                        && self.cue(j).is_none())
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
    fn appositive_subject(&self, comma: usize, ss: usize) -> Option<(usize, usize)> {
        let mut j = comma;
        for _ in 0..5 {
            let mut b = j;
            while b > ss && j - b < 20 {
                let t = &self.toks[b - 1];
                if t.is_punct(',') || t.is_punct(';') || t.kind == Kind::Quote {
                    break;
                }
                let conj_after_comma =
                    t.cls & CONJ != 0 && b >= 2 && self.toks[b - 2].is_punct(',');
                // Subordinators open clauses; "as", "like", "that", relative pronouns stay inside appositives
                // ("Zimmerman, who identifies as Hispanic, told").
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
                if t.kind == Kind::Word
                    && t.lower()
                    && (opens_clause || conj_after_comma)
                    && t.cls & PRONOUN == 0
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
            // The segment [b, j) opens a clause: its subject.
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

    /// The subject shared by a verb after the conjunction at `conj` ("he laughed and said", "Mr Lukashenko
    /// thanked his guest …, and said"): the nearest clause before it that opens with a name or pronoun.
    fn coordinated_subject(&self, conj: usize, ss: usize) -> Option<(usize, usize)> {
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

    /// The subject of the clause that ends right before the participle at `k` ("when Sanders protesters
    /// interrupted her speech, shouting …" → "Sanders protesters").
    fn local_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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
        self.clause_subject(i, end)
    }

    /// Skips adverbs, auxiliaries, negation, time adverbials ("on Monday", "earlier this month") and
    /// parentheses leftwards from token `i`; returns the first other token's index (or None before `ss`).
    fn skip_left(&self, mut i: isize, ss: usize) -> Option<usize> {
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
    fn subject_of(
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
                    if let Some((ce2, role2, part2)) = self.cue(j) {
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
            // "Mr. Trump was prompted to say": the clause's subject.
            return self.clause_subject(ss, i);
        }
        let t = &self.toks[i];
        match t.kind {
            Kind::Quote => {
                // “A,” said Smith, “B.”
                self.np_right(ce, self.sent_end(k))
            }
            Kind::Punct => {
                if t.is_punct(',') {
                    // "Gov. John Kasich (R-OH), said": the name before the parenthesis.
                    if i > ss + 1 && self.toks[i - 1].punct() == Some(')') {
                        if let Some(j) = self.skip_left(i as isize - 1, ss) {
                            if let Some(np) = self.np_left(j, ss) {
                                return Some(np);
                            }
                        }
                    }
                    // ", says Carl Anthony, historian at …, is that": the name after the cue.
                    if let Some((a, b)) = self.np_right(ce, self.sent_end(k)) {
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
                {
                    let mut j = np.0 - 2;
                    if self.toks[j].is_punct(',') && j > ss {
                        j -= 1;
                    }
                    if let Some(ante) = self.np_left(j, ss) {
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
    pub fn np_span(&self, a: usize, b: usize) -> (usize, usize) {
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
        // Head = the part before a preposition.
        let p = (a + 1..b).find(|&i| toks[i].is(PREP) && toks[i].lower());
        let head_end = p.unwrap_or(b);
        if let Some(span) = run_before(head_end, a) {
            return span;
        }
        if p.is_some() {
            // "Secretary of State John Kerry": a title before the preposition, a name at the end.
            let head_is_title = (a..head_end).all(|i| toks[i].is(ANY_TITLE | DET) || toks[i].cap());
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

    fn np_ok_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Word
            && (t.cap() || t.cls & (DET | PRONOUN | PERSON_NOUN) != 0 || t.flags & NUM != 0)
            && t.cls & (SUB | CONJ) == 0
    }

    /// Rule 1: a speaker and cue right after the quote token `qi`.
    pub fn after(&self, qi: usize, quote_final: bool) -> Option<Found> {
        let f = self.after_inner(qi, quote_final)?;
        // “…,” the judge said, according to the Post: the source named last is the one reported.
        if let Some(ct) = f.cue_tok {
            if let Some(src) = self.according_after(ct + 1) {
                return Some(src);
            }
        }
        Some(f)
    }

    /// ", according to X" later in the sentence of token `from`.
    fn according_after(&self, from: usize) -> Option<Found> {
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

    /// A reporting verb, then its speaker, then a comma or colon and the quote: "…, explained Rosenberg, “…”",
    /// "Said Comey, “…”", "Adding, “…”" (a capitalised cue opening the sentence).
    fn inverted_before(&self, qi: usize, ss: usize) -> Option<Found> {
        if qi < ss + 2 || !matches!(self.toks[qi - 1].punct(), Some(',' | ':')) {
            return None;
        }
        let mut k = qi - 1;
        while k > ss && qi - k < 12 {
            k -= 1;
            let t = &self.toks[k];
            if t.kind != Kind::Word {
                if t.is_punct(',') && k + 1 < qi - 1 {
                    continue;
                }
                if t.kind == Kind::Punct
                    && k + 1 < qi - 1
                    && matches!(t.punct(), Some('(' | ')' | '.'))
                {
                    continue;
                }
                return None;
            }
            let hit = if t.cap() && k == ss {
                let lower = self.word(k).to_lowercase();
                self.cues
                    .role_of(&lower)
                    .filter(|&r| r == Role::Speech)
                    .map(|r| (k + 1, r))
            } else if k > ss && self.toks[k - 1].is_punct(',') || k == ss {
                self.cue(k)
                    .filter(|&(_, r, p)| r == Role::Speech && !p)
                    .map(|(ce, r, _)| (ce, r))
            } else {
                None
            };
            let Some((ce, _)) = hit else { continue };
            let lower = self.word(k).to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "told"
                    | "tells"
                    | "tell"
                    | "asked"
                    | "asks"
                    | "ask"
                    | "warned"
                    | "urged"
                    | "informed"
                    | "assured"
                    | "thanked"
                    | "reminded"
                    | "called"
                    | "interrupted"
            ) {
                return None;
            }
            if ce >= qi - 1 {
                // "Adding, “…”": no speaker here; the participle's subject comes from the sentence before.
                return None;
            }
            let (a, b) = self.np_right(ce, qi - 1)?;
            if !(self.toks[a].cap() || self.toks[a].is(PRONOUN) && self.toks[a].cls & DET == 0) {
                return None;
            }
            if b + 1 < qi - 1 && !self.toks[b].is_punct(',') {
                return None;
            }
            let cue = (self.toks[k].start, self.toks[ce - 1].end);
            return Some(Found {
                speaker: self.np_span(a, b),
                refers: None,
                cue: Some(cue),
                cue_tok: Some(k),
                how: How::Before,
            });
        }
        None
    }

    /// "According to ProPublica, Clinton praised her “wonderful donors”": a source opening the sentence.
    fn according_first(&self, qi: usize) -> Option<Found> {
        let ss = self.sent[qi];
        if qi < ss + 3
            || !self.word(ss).eq_ignore_ascii_case("according")
            || self.word(ss + 1) != "to"
        {
            return None;
        }
        let (a, b) = self.np_right(ss + 2, qi)?;
        let cue = (self.toks[ss].start, self.toks[ss + 1].end);
        Some(Found {
            speaker: self.np_span(a, b),
            refers: None,
            cue: Some(cue),
            cue_tok: Some(ss),
            how: How::Before,
        })
    }

    fn after_inner(&self, qi: usize, quote_final: bool) -> Option<Found> {
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
            if e == n || self.toks[e].is_punct(',') {
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
                // “…,” the dawn of the modern conservative movement, Bozell says: the name, when only the
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
                    if t.is_punct(',') {
                        if first_comma.is_none() {
                            first_comma = Some(k);
                        }
                    } else if !matches!(t.punct(), Some('(' | ')' | '-' | '&' | '/')) {
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

    /// Rule 2: the nearest cue before the quote token `qi` in its sentence, and its subject.
    pub fn before(&self, qi: usize) -> Option<Found> {
        let ss = self.sent[qi];
        if let Some(f) = self.inverted_before(qi, ss) {
            return Some(f);
        }
        if let Some(f) = self.according_first(qi) {
            return Some(f);
        }
        let cue_near_colon = (qi.saturating_sub(5).max(ss)..qi).any(|j| self.cue(j).is_some())
            || (ss..qi).any(|j| {
                self.usable_cue(j, ss, qi)
                    .is_some_and(|(_, r, p)| r == Role::Speech && !p)
            });
        if qi > ss + 1 && self.toks[qi - 1].is_punct(':') && !cue_near_colon {
            // "He also played up his believed strength in a general election: “…”": the colon's clause.
            if let Some(f) = self.colon_speaker(qi, ss) {
                return Some(f);
            }
        }
        let mut k = qi;
        while k > ss && qi - k < SCAN {
            k -= 1;
            if let Some((ce, role, part)) = self.cue(k) {
                if ce > qi {
                    continue;
                }
                if matches!(role, Role::Label | Role::Belief) && self.outer_cue_preferred(k, ss) {
                    continue;
                }
                if role == Role::Label
                    && k >= ss + 2
                    && self.toks[k - 1].is(PRONOUN)
                    && self.word(k - 2) == "what"
                {
                    if let Some((a, b)) = self.clause_subject(ss, k - 2) {
                        if self.toks[a].cap() || self.toks[a].is(PRONOUN) {
                            let cue = (self.toks[k].start, self.toks[ce - 1].end);
                            return Some(Found {
                                speaker: self.np_span(a, b),
                                refers: self.refers(a, b),
                                cue: Some(cue),
                                cue_tok: Some(k),
                                how: How::Before,
                            });
                        }
                    }
                }
                if role == Role::Label
                    && (ss..qi).any(|j| {
                        j != k
                            && self.cue(j).is_some_and(|(ce, r, p)| {
                                r == Role::Speech
                                    && !p
                                    && self.toks.get(ce).is_some_and(|t| t.is_punct(','))
                            })
                    })
                {
                    // "CNN, Cruz said, called the announcement “highly significant”": the reporting verb.
                    continue;
                }
                if self.in_intro_clause(k, qi, ss) {
                    continue;
                }
                if role == Role::Belief
                    && (ss..k).any(|j| self.cue(j).is_some_and(|(_, r, _)| r == Role::Speech))
                {
                    // "Lapp said she thinks Republicans “are going …”": the outer speaker.
                    continue;
                }
                let Some((ce, role, part)) = self.usable_cue(k, ss, qi) else {
                    if part && !self.progressive(k, ss) {
                        if let Some((a, b)) = self.noun_participle(k, ss) {
                            let cue = (self.toks[k].start, self.toks[ce - 1].end);
                            return Some(Found {
                                speaker: self.np_span(a, b),
                                refers: None,
                                cue: Some(cue),
                                cue_tok: Some(k),
                                how: How::Before,
                            });
                        }
                    }
                    continue;
                };
                if let Some((a, b)) = self.subject_of(k, ce, role, part, ss) {
                    // A cue whose subject stands inside the complement of an earlier reporting verb ("sources
                    // have said he said “…”") reports the outer speaker's words.
                    if let Some(outer) = self.outer_speech(a, ss).filter(|_| {
                        !(qi > ss && matches!(self.toks[qi - 1].punct(), Some(':' | ',')))
                            && qi != ss
                    }) {
                        return Some(outer);
                    }
                    let cue = (self.toks[k].start, self.toks[ce - 1].end);
                    return Some(Found {
                        speaker: self.np_span(a, b),
                        refers: self.refers(a, b),
                        cue: Some(cue),
                        cue_tok: Some(k),
                        how: How::Before,
                    });
                }
            }
        }
        // "her assertion during the debate that “…”": a possessor of a noun of saying.
        let mut k = qi;
        while k > ss && qi - k < 25 {
            k -= 1;
            let t = &self.toks[k];
            if t.kind == Kind::Quote || t.is_punct(';') {
                break;
            }
            let introduces = (k + 1..qi)
                .any(|x| self.toks[x].kind == Kind::Word && self.word(x) == "that")
                || self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == Kind::Word && self.word(k + 1) == "to")
                || matches!(
                    self.toks.get(k + 1).and_then(|t| t.punct()),
                    Some(':' | ',')
                )
                || k + 1 == qi;
            if t.kind == Kind::Word && t.lower() && t.cls & SPEECH_NOUN != 0 && k > ss && introduces
            {
                let p = &self.toks[k - 1];
                let sp = if p.kind == Kind::Word && p.lower() && p.cls & POSS_DET != 0 {
                    Some((k - 1, k))
                } else if p.kind == Kind::Poss && k >= ss + 2 {
                    self.np_left(k - 2, ss)
                } else {
                    None
                };
                if let Some((a, b)) = sp {
                    let cue = (t.start, t.end);
                    return Some(Found {
                        speaker: self.np_span(a, b),
                        refers: self.refers(a, b),
                        cue: Some(cue),
                        cue_tok: Some(k),
                        how: How::Before,
                    });
                }
            }
        }
        if qi > ss + 1 && self.toks[qi - 1].is_punct(':') {
            return self.colon_speaker(qi, ss);
        }
        None
    }

    /// Smith: “…” / Kaine has adopted the stance …: “…” / … - Philip Bump: “…”
    fn colon_speaker(&self, qi: usize, ss: usize) -> Option<Found> {
        let np = if qi - ss <= 8 || self.toks[qi - 2].cap() {
            self.np_left(qi - 2, ss).filter(|&(a, b)| {
                a == ss
                    || self.toks[a - 1].kind == Kind::Punct
                    || (self.toks[qi - 2].cap() && {
                        // "… doesn’t surprise Republican pollster Daron Shaw: “…”": a name before the colon.
                        let (x, y) = self.np_span(a, b);
                        let name = &self.text[x..y];
                        name.split_whitespace().count() >= 2 && name.starts_with(char::is_uppercase)
                    })
            })
        } else {
            None
        };
        let mut cs = ss;
        for j in (ss..qi - 1).rev().take(SCAN) {
            let t = &self.toks[j];
            let after_comma =
                j > ss && (self.toks[j - 1].is_punct(',') || self.quote_ends_with_comma(j - 1));
            if t.is_punct(';')
                || (t.kind == Kind::Word && t.lower() && t.cls & CONJ != 0 && after_comma)
            {
                cs = j + 1;
                break;
            }
        }
        let (a, b) = np.or_else(|| self.clause_subject(cs, qi - 1))?;
        let c = &self.toks[qi - 1];
        Some(Found {
            speaker: self.np_span(a, b),
            refers: self.refers(a, b),
            cue: Some((c.start, c.end)),
            cue_tok: Some(qi - 1),
            how: How::Colon,
        })
    }

    /// The cue at token `k` if it can report speech here (sentence starting at `ss`, quote token `qi` or
    /// `usize::MAX`): a participle only when it opens a clause (or is progressive: "is pledging"); an infinitive
    /// ("right to urge", "interjected to say:") never; post-only and ambiguous forms only where they fit.
    fn usable_cue(&self, k: usize, ss: usize, qi: usize) -> Option<(usize, Role, bool)> {
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
    fn outer_speech(&self, a: usize, ss: usize) -> Option<Found> {
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
            // ", but he called …" is a second clause, not a clause inside the first verb's report.
            let coordinated = (ce0..a).any(|x| {
                let t = &self.toks[x];
                t.is_punct(';')
                    || (t.kind == Kind::Word
                        && t.cls & CONJ != 0
                        && x > 0
                        && self.toks[x - 1].is_punct(','))
            });
            if coordinated {
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

    /// Is the cue at `k` inside an introductory subordinate clause that a comma closes before the quote at `qi`
    /// ("After FOX13’s Craig Patrick asked about it, the Graysons became “agitated”")?
    fn in_intro_clause(&self, k: usize, qi: usize, ss: usize) -> bool {
        let first = &self.toks[ss];
        if !(first.kind == Kind::Word
            && first.cap()
            && first.cls & SUB != 0
            && first.cls & PRONOUN == 0)
        {
            return false;
        }
        if matches!(self.word(ss), "That" | "What" | "As" | "Like") {
            return false;
        }
        let comma = |j: usize| {
            let t = &self.toks[j];
            t.is_punct(',')
                || (t.kind == Kind::Quote
                    && self.text[..t.end]
                        .trim_end_matches(['”', '"', '\'', '’'])
                        .ends_with(','))
        };
        !(ss..k).any(|j| self.toks[j].is_punct(',')) && (k + 1..qi).any(comma)
    }

    /// Post-only cues ("states", "shouts") only serve right after a quotation; ambiguous ones ("claims",
    /// "notes") before a quotation only when followed by "that", a colon, a comma or the quotation itself, and
    /// not after a determiner ("his claims that…" is a noun).
    fn cue_usable_before(&self, k: usize, ce: usize, qi: usize) -> bool {
        match self.usage(k) {
            Usage::Any => true,
            Usage::Post => {
                qi != usize::MAX
                    && ce + 1 == qi
                    && matches!(self.toks[ce].punct(), Some(',' | ':'))
                    && self.subject_like_before(k)
            }
            Usage::Ambiguous => {
                let next_ok = ce == qi
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
    fn participle_intro(&self, i: usize, limit: usize) -> bool {
        let w = self.word(i);
        w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed"))
            && self.toks[i].cls & FIRST_NAME == 0
            && !(i + 1 < limit && self.toks[i + 1].cap())
    }

    /// A participle after a form of "be" is a finite verb in the progressive: "is pledging to “win …”".
    fn progressive(&self, k: usize, ss: usize) -> bool {
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
    fn noun_participle(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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
        Some((a, b))
    }

    /// Does a subject end right before token `k` (adverbs skipped): a name, a pronoun or a noun of people?
    fn subject_like_before(&self, k: usize) -> bool {
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
    fn quote_ends_with_comma(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Quote
            && self.text[..t.end]
                .trim_end_matches(['”', '"', '\'', '’', '»'])
                .ends_with(',')
    }

    fn participle_is_cue(&self, k: usize, ss: usize) -> bool {
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

    /// "what he called Machado’s “sex tape”": a labelling verb inside a relative clause, with a reporting verb
    /// earlier in the sentence, speaks for the outer speaker.
    fn outer_cue_preferred(&self, k: usize, ss: usize) -> bool {
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
        (ss..i - 1).any(|j| self.cue(j).is_some_and(|(_, r, _)| r == Role::Speech))
    }

    /// A reporting clause that closes the sentence after a comma — ", the lawsuit says.", ", according to a
    /// Quinnipiac poll.", ", said Sanders." — reports everything before it, embedded quotes included.
    pub fn closing_report(&self, qi: usize) -> Option<Found> {
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
            if comma_before(k) {
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
    pub fn later(&self, qi: usize) -> Option<Found> {
        let end = self.sent_end(qi);
        let ss = self.sent[qi];
        let mut k = qi + 1;
        while k < end {
            if let Some((ce, role, part)) = self.cue(k) {
                if part || !matches!(role, Role::Speech | Role::Source) {
                    k += 1;
                    continue;
                }
                if k > 0 && self.toks[k - 1].is_punct(',') && role == Role::Speech {
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
    pub fn tail(&self) -> Option<(Found, usize)> {
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
            // "Republican presidential nominee Donald Trump issued the following statement:"
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
    pub fn stands_alone_before(&self, qi: usize) -> bool {
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
    pub fn sentence_start(&self, i: usize) -> bool {
        self.sent[i] == i
    }

    /// Does the quote token `qi` end a clause (end of sentence or window, punctuation, another quote)?
    pub fn stands_alone_after(&self, qi: usize) -> bool {
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
    pub fn previous_sentence(&self, qi: usize) -> Option<Found> {
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
