//! Reported speech: the content a cue of the lexicon's `clause` column introduces, without quotation marks.
//!
//! Forms, each with the speaker found by the same machinery as quotes in marks ([`super::phrases`]):
//! - forward: `X said (that) …`, `X told Y (that) …`, `X said on Tuesday that …`, `X has said repeatedly …`,
//!   `X, the mayor of Y, said …`, `X was quoted by Y as saying …`, `…, saying …` (the main clause's subject);
//! - closing: `…, X said.`, `…, said X.`, `…, X said in a statement.`;
//! - source: `According to X, …` and `…, according to X.`
//!
//! The content runs from the first word after the cue (and its object, time adverbials, a "that") to the end of
//! the sentence, or stops before a closing reporting clause, a semicolon or a colon. It must read as a clause: a
//! "that", a subject pronoun, or a noun phrase followed by a verb (`denied the report` is no reported speech).
use super::*;

/// A reported-speech attribution in byte offsets: content, speaker mention (and a relative pronoun's
/// antecedent), cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Speech {
    pub content: (usize, usize),
    pub speaker: (usize, usize),
    pub refers: Option<(usize, usize)>,
    pub cue: (usize, usize),
}

/// Verbs whose object comes before the content: `told reporters (that) …`, `assured them …`.
fn takes_object(w: &str) -> bool {
    matches!(
        w,
        "tell"
            | "tells"
            | "told"
            | "telling"
            | "assure"
            | "assures"
            | "assured"
            | "assuring"
            | "reassure"
            | "reassures"
            | "reassured"
            | "inform"
            | "informs"
            | "informed"
            | "informing"
            | "warn"
            | "warns"
            | "warned"
            | "warning"
            | "remind"
            | "reminds"
            | "reminded"
            | "advise"
            | "advised"
            | "promised"
            | "convinced"
            | "notified"
    )
}

/// Common irregular past tenses and present verbs (a finite verb: "Ukrainian shelling hit a hospital").
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "hit"
            | "cut"
            | "put"
            | "set"
            | "let"
            | "made"
            | "took"
            | "gave"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "knew"
            | "thought"
            | "found"
            | "left"
            | "felt"
            | "kept"
            | "held"
            | "brought"
            | "began"
            | "ran"
            | "lost"
            | "paid"
            | "met"
            | "sent"
            | "built"
            | "spent"
            | "won"
            | "led"
            | "fell"
            | "rose"
            | "shot"
            | "struck"
            | "sold"
            | "fought"
            | "broke"
            | "chose"
            | "drove"
            | "wrote"
            | "spoke"
            | "stood"
            | "meant"
            | "became"
            | "grew"
            | "drew"
            | "threw"
            | "flew"
            | "sought"
            | "caught"
            | "taught"
            | "bought"
            | "hid"
            | "spread"
            | "quit"
            | "hurt"
            | "cost"
            | "sank"
            | "shut"
            | "stole"
            | "swore"
            | "needs"
            | "wants"
            | "plans"
            | "remains"
            | "faces"
            | "seems"
            | "appears"
            | "means"
            | "intends"
    )
}

fn object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me" | "you" | "it")
}

impl<'a> Window<'a> {
    /// The end (exclusive) of token `i`'s sentence, without its final punctuation.
    fn content_end(&self, i: usize) -> usize {
        let s = self.sent[i];
        let mut j = i + 1;
        while j < self.toks.len() && self.sent[j] == s && j < i + 2 * SCAN {
            j += 1;
        }
        while j > i + 1 && matches!(self.toks[j - 1].punct(), Some('.' | '!' | '?' | '…' | ')')) {
            j -= 1;
        }
        j
    }

    /// Reported speech whose cue starts at token `k`, if any.
    pub(crate) fn reported(&self, k: usize) -> Option<Speech> {
        let h = match self.hits[k] {
            Some(h) if h.clause => h,
            None if self.toks[k].cap() => {
                // "According to X, …" opening a sentence: written with a capital, so no lexicon hit.
                if self.word(k) == "According"
                    && self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                    && self.word(k + 1) == "to"
                {
                    let ss = self.sent[k];
                    return self.according(k, k + 2, ss, self.content_end(k));
                }
                return self.headline(k, self.sent[k]);
            }
            _ => return None,
        };
        let ss = self.sent[k];
        let e = self.content_end(k);
        if h.end > e {
            // The cue runs past the end of its sentence: past 2 × SCAN tokens a run-on "sentence" is read in
            // pieces that end at every token (`Window::new`), so a cue of several words there has no room for
            // content (fuzz finding: tests/fuzz_regressions.rs).
            return None;
        }
        if h.role == Role::Source {
            return self.according(k, h.end, ss, e);
        }
        if k > ss && self.passive_be(k, ss) && h.role != Role::Passive && !h.participle {
            // "when the case was argued", "it is said": a passive verb has no speaker before it ("is warning"
            // is a progressive, read below).
            return None;
        }
        if k > ss
            && self.toks[k - 1].lower()
            && self.word(k - 1) == "to"
            && !self.that_follows(h.end)
            && !(h.bare && self.pronoun_clause(h.end))
        {
            // "too many names to mention": an infinitive reports nothing yet; with a that-clause it reports for
            // the clause's subject ("continues to insist that …", "went on to explain that …").
            return None;
        }
        if k > ss
            && k + 1 < self.toks.len()
            && self.toks[k - 1].is_punct(',')
            && self.toks[k + 1].is_punct(',')
            && self.word(k) == "say"
        {
            // "cheaper than, say, a new car"
            return None;
        }
        let quantifier = k == ss + 1
            && matches!(
                self.word(ss).to_ascii_lowercase().as_str(),
                "some" | "many" | "most" | "few" | "several" | "both" | "all"
            );
        if k > ss && self.toks[k - 1].is(DET) && self.toks[k - 1].cls & PRONOUN == 0 && !quantifier
        {
            // "the reported figures", "the announced plan": an adjective or a noun.
            return None;
        }
        if !h.participle && h.usage != Usage::Any && h.role == Role::Speech {
            // "…, O'Keefe notes." / "…, he continued.": forms that are nouns elsewhere report in closing position.
            if let Some(s) = self.closing(k, h.end, ss, e) {
                return Some(s);
            }
        }
        let (ce, role, part) = match self.usable_cue(k, ss, usize::MAX) {
            Some(c) => c,
            // "The governor is warning residents that …": after a form of "be" an ambiguous "-ing" form (a noun
            // elsewhere: "a warning that …") is a verb in the progressive.
            None if h.participle && h.usage == Usage::Ambiguous && self.progressive(k, ss) => {
                (h.end, h.role, false)
            }
            // "Unions claim it will cost jobs", "Candidates promise they will …": a form that is a noun elsewhere
            // is a verb before a subject pronoun and its verb, after a subject.
            None if !h.participle
                && h.usage == Usage::Ambiguous
                && self.pronoun_clause(h.end)
                && self.subject_like_before(k)
                && !self.toks[k - 1].is(DET)
                && self.toks[k - 1].kind != Kind::Poss =>
            {
                (h.end, h.role, false)
            }
            // "He's suggesting that …": a progressive with the auxiliary written onto its subject
            None if h.participle
                && k > ss + 1
                && self.toks[k - 1].kind == Kind::Poss
                && self.toks[k - 2].is(PRONOUN)
                && self.toks[k - 2].cls & DET == 0 =>
            {
                (h.end, h.role, false)
            }
            // "…, falsely suggesting that …", "while also saying that …": a participle after its adverbs
            None if h.participle && h.usage == Usage::Any && {
                let pk = self.adverbs_before(k, ss);
                pk < k
                    && pk > ss
                    && (self.toks[pk - 1].is_punct(',')
                        || self.toks[pk - 1].lower() && self.toks[pk - 1].is(SUB | CONJ))
            } =>
            {
                (h.end, h.role, true)
            }
            // "a statement saying …", "with 40 percent saying …": a participle after a noun of saying or a
            // group (read below).
            None if h.participle
                && h.usage == Usage::Any
                && k > ss
                && (self.noun_before_participle(k, ss) || self.group_before(k - 1)) =>
            {
                (h.end, h.role, true)
            }
            None => return None,
        };
        if matches!(role, Role::Label) {
            return None;
        }
        if role == Role::Passive
            && (ce..e.min(ce + 12))
                .any(|x| self.toks[x].lower() && matches!(self.word(x), "as" | "saying"))
        {
            // "were quoted by the RBC news outlet as saying …": the participle "saying" reads it.
            return None;
        }
        let after_as = k > ss && self.toks[k - 1].lower() && self.word(k - 1) == "as";
        let after_noun = self.noun_before_participle(k, ss);
        // "farmers saying the price is too low …", "40 percent saying …": a group and what it says.
        let after_group = part && k > ss && self.group_before(k - 1);
        // "responded by saying …", "opened the session by announcing that …": the main clause's subject speaks.
        let pk = self.adverbs_before(k, ss);
        let after_by = pk > ss
            && self.toks[pk - 1].lower()
            && matches!(
                self.word(pk - 1),
                "by" | "after" | "before" | "while" | "when" | "since" | "and" | "but"
            );
        if part
            && !(pk > ss && self.toks[pk - 1].is_punct(',')
                || after_as
                || after_noun
                || after_group
                || after_by)
        {
            // "a series of decrees declaring …" modifies a noun; ", saying …" and "as saying …" report.
            return None;
        }
        if part && after_as && ce == e {
            // "…, officials were quoted by the RBC news outlet as saying."
            return self.closing_passive(k, ce, ss);
        }
        if !part {
            if let Some(s) = self.as_reported(k, ce, ss, e) {
                return Some(s);
            }
            if let Some(s) = self.closing(k, ce, ss, e) {
                return Some(s);
            }
        }
        self.forward(k, ce, role, part, ss, e)
    }

    /// A headline in title case: "Former Mayor Says City Budget Is Balanced", "Bridge Will Reopen In May, Engineer
    /// Says", "Governor Just Announced His Plan": the cue written with a capital (the lexicon's words of saying).
    fn headline(&self, k: usize, ss: usize) -> Option<Speech> {
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
    fn title_case_sentence(&self, ss: usize, e: usize) -> bool {
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

    /// Does token `i` end a group of people named by a number or a plural ("22 percent", "three in 10",
    /// "local farmers", "40%")?
    fn group_before(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.flags & NUM != 0
            || t.punct() == Some('%')
            || t.kind == Kind::Word
                && (self.word(i) == "percent" || t.is(PERSON_NOUN) && self.plural_noun_like(i))
    }

    fn plural_noun_like(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
    }

    /// A subject that the noun-phrase reader does not take: a number or percentage ("26% say", "about two-thirds,
    /// 55 percent, say", "four in 10 said"), at most six tokens before the cue.
    fn number_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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

    /// "As the local paper reported, …", "As reported by a news agency, …": the content after the comma.
    fn as_reported(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
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

    fn speech(
        &self,
        content: (usize, usize),
        np: (usize, usize),
        k: usize,
        ce: usize,
    ) -> Option<Speech> {
        let (a, b) = content;
        if !self.clause_like(a, b) || self.toks[a].kind == Kind::Quote && k > b {
            // Content that opens with a quotation in marks before its cue is that quotation's attribution.
            return None;
        }
        Some(Speech {
            content: (self.toks[a].start, self.toks[b - 1].end),
            speaker: self.coordinated_span(np.0, np.1),
            refers: self.refers(np.0, np.1),
            cue: (self.toks[k].start, self.toks[ce - 1].end),
        })
    }

    /// The speaker mention of the noun phrase `a..b`, with a noun phrase coordinated before it: "Kyiv and its
    /// Western allies", "Mr Putin and Belarusian leader Alexander Lukashenko".
    fn coordinated_span(&self, a: usize, b: usize) -> (usize, usize) {
        let one = self.np_span(a, b);
        let ss = self.sent[a];
        if a >= ss + 2 && self.toks[a - 1].lower() && self.word(a - 1) == "and" {
            if let Some((a2, b2)) = self.np_left(a - 2, ss) {
                let first = &self.toks[a2];
                if first.cap() && first.cls & (DET | PRONOUN) == 0 {
                    return (self.np_span(a2, b2).0, one.1);
                }
            }
        }
        one
    }

    /// Is the cue at `k` a passive participle ("was argued", "it is said", "has been reported")?
    fn passive_be(&self, k: usize, ss: usize) -> bool {
        let mut j = k;
        while j > ss
            && self.toks[j - 1].lower()
            && (self.toks[j - 1].is(ADV) || self.ly_adverb(j - 1))
        {
            j -= 1;
        }
        j > ss
            && self.toks[j - 1].lower()
            && matches!(
                self.word(j - 1),
                "is" | "was" | "were" | "are" | "be" | "been" | "being" | "'s" | "’s"
            )
    }

    /// A noun of saying, singular or plural ("a statement saying", "letters warning").
    fn speech_noun(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind != Kind::Word || !t.lower() {
            return false;
        }
        let w = self.word(i);
        t.is(SPEECH_NOUN)
            || (w.len() > 3
                && w.ends_with('s')
                && crate::people::lexicon::classes(&w[..w.len() - 1]) & SPEECH_NOUN != 0)
            || matches!(
                w,
                "interview"
                    | "interviews"
                    | "speech"
                    | "speeches"
                    | "tweet"
                    | "tweets"
                    | "letter"
                    | "letters"
                    | "report"
                    | "reports"
                    | "memo"
                    | "email"
                    | "emails"
                    | "post"
                    | "release"
                    | "op-ed"
            )
    }

    /// The first comma in `ce..e` (a participle clause after a closing report: "…, they said, suggesting …").
    fn report_end(&self, ce: usize, e: usize) -> usize {
        (ce..e).find(|&x| self.toks[x].is_punct(',')).unwrap_or(e)
    }

    /// Content tokens `a..b` hold at least two words and are not one quotation in marks (that is a direct or
    /// partial quote already).
    fn clause_like(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let words = (a..b).filter(|&i| self.toks[i].kind == Kind::Word).count();
        let quotes = (a..b).filter(|&i| self.toks[i].kind == Kind::Quote).count();
        words >= 2 || (words >= 1 && quotes >= 1)
    }

    /// `According to X, …` (cue `k..ce` opening the clause) or `…, according to X.`
    fn according(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
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
    fn source_phrase(&self, ce: usize, e: usize) -> Option<(usize, usize)> {
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

    /// `…, X said.` / `…, said X.` / `…, the ministry said in a statement.`: the content before the comma.
    fn closing(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
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
            if b != e && !tail_ok(b) || self.finite_verb(a, b) {
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

    /// "the policy, which officials said will take effect in May, …", "a strike that executives say could hurt
    /// earnings": a reporting clause inside a relative clause; the content is the rest of the relative clause
    /// (from the finite verb right after the cue to its comma or the sentence end), the speaker the noun phrase
    /// between the relative pronoun and the cue.
    fn relative_report(&self, k: usize, ce: usize, ss: usize, e: usize) -> Option<Speech> {
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

    /// `X said (that) …`: the subject before the cue, the content after it.
    fn forward(
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

    /// "While the mayor said the budget was balanced, auditors found a gap": when the reporting clause opens with
    /// a subordinator (its subject at `subj`), the content ends at the comma before the main clause.
    fn intro_cut(&self, subj: usize, start: usize, end: usize) -> usize {
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

    /// Does a complementizer "that" and a word follow at token `j`?
    fn that_follows(&self, j: usize) -> bool {
        j + 1 < self.toks.len()
            && self.toks[j].lower()
            && self.word(j) == "that"
            && self.toks[j + 1].kind == Kind::Word
    }

    /// "The mayor continues to insist that …", "He went on to explain that …", "they are likely to say that …":
    /// the subject of the verb (or adjective) that governs the infinitive marker at `to`.
    fn infinitive_subject(&self, to: usize, ss: usize) -> Option<(usize, usize)> {
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

    /// Is the cue at `k` negated ("did not say", "would not explain", "never said", "won't say")?
    fn negated(&self, k: usize, ss: usize) -> bool {
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
    fn noun_before_participle(&self, k: usize, ss: usize) -> bool {
        let i = self.time_gap(k, ss);
        i > ss && self.speech_noun(i - 1)
    }

    /// "The campaign sent an email Wednesday saying …", "The union sent the board a letter alleging …": the
    /// subject of the verb whose object is the noun of saying before the participle at `k`.
    fn noun_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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

    /// The start of a time adverbial right before token `k` ("Wednesday", "on Monday"), or `k`.
    fn time_gap(&self, k: usize, ss: usize) -> usize {
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
    fn adverbs_before(&self, k: usize, ss: usize) -> usize {
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

    /// Does a clause open at token `j` with a subject pronoun and a finite verb ("they will …", "it cost …")?
    fn pronoun_clause(&self, j: usize) -> bool {
        j + 1 < self.toks.len()
            && self.toks[j].kind == Kind::Word
            && self.toks[j].is(PRONOUN)
            && self.toks[j].cls & DET == 0
            && !matches!(self.word(j), "him" | "her" | "them" | "us" | "me")
            && self.finite_verb(j + 1, (j + 4).min(self.toks.len()))
    }

    /// Subjects the other readers miss: "The mayor has since said …" (an adverbial "since" after "has"), a
    /// quantifier standing alone ("Some say …", "Many argue …").
    fn loose_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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
            "some" | "many" | "most" | "others" | "few" | "several" | "both" | "all"
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
    fn dash_subject(&self, k: usize, ss: usize) -> Option<(usize, usize)> {
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

    /// "that, if elected, she would …", "that, despite the delays, the school …": a "that" at `j` followed by a
    /// comma-delimited aside of at most 12 tokens and a clause; returns the clause's first token.
    fn that_aside(&self, j: usize, e: usize) -> Option<usize> {
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

    /// An indirect question: "explained why she left", "would not say whether the plant will close", "asked how
    /// …": a wh-word followed by a finite verb within a few words.
    fn wh_clause(&self, i: usize, e: usize, negated: bool) -> bool {
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

    /// The content of a verb that takes an object: `vowed to fight on`, `urged voters to stay home`, `asked how
    /// much …`, `announced her bid last week`, `denied any wrongdoing`.
    fn object_content(&self, k: usize, ce: usize, np: (usize, usize), e: usize) -> Option<Speech> {
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
    fn object_np_end(&self, j: usize, end: usize) -> usize {
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

    /// After `told`: an object pronoun or a short noun phrase ("told reporters", "told the BBC").
    fn skip_object(&self, j: usize, e: usize) -> usize {
        let Some(t) = self.toks.get(j) else { return j };
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
    fn skip_adjuncts(&self, mut j: usize, e: usize) -> usize {
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

    /// "told the city's main evening newspaper on Saturday that …": a "that" within a dozen plain words
    /// (no verb, clause word, quotation or punctuation but a comma pair) after the cue.
    fn that_ahead(&self, j: usize, e: usize) -> Option<usize> {
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
    fn skip_that(&self, j: usize, e: usize) -> usize {
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

    /// Does a clause start at token `i`: a subject pronoun ("he", "it", "there"), or a noun phrase (name,
    /// determiner, number, quotation) followed by a verb within a few words?
    fn clause_opening(&self, i: usize, e: usize) -> bool {
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
    fn bare_opening(&self, i: usize, e: usize) -> bool {
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
            // infinitive ("claims to have annexed", "agreed to cap prices": no reported clause)
            return w != "to" && (i..e).filter(|&x| self.toks[x].kind == Kind::Word).count() >= 3;
        }
        let opens = if t.cap() {
            t.is(DET)
        } else {
            t.is(DET) && t.cls & (PREP | SUB) == 0
                || matches!(w, "none" | "nobody" | "nothing" | "everyone" | "everybody")
        };
        opens && self.finite_verb(i + 1, e.min(i + 14))
    }

    /// Can the noun phrase `a..b` speak: a name, a person or group, an organisation, a pronoun other than "it"?
    fn can_speak(&self, a: usize, b: usize) -> bool {
        let mut h = b - 1;
        while h > a && self.toks[h].kind != Kind::Word {
            h -= 1;
        }
        let t = &self.toks[h];
        let w = self.word(h);
        if t.cls & PRONOUN != 0 {
            return !matches!(w, "it" | "It" | "this" | "This" | "that" | "That");
        }
        t.cap()
            || t.is(PERSON_NOUN | ORG | ANY_TITLE)
            || (a..b).any(|x| self.toks[x].cap() && !self.toks[x].is(DET))
    }

    /// A bare plural noun opening a clause ("officials", "prices rose").
    fn plural_noun(&self, i: usize) -> bool {
        self.plural_noun_like(i) && self.toks[i].cls == 0
    }

    /// A finite verb among tokens `a..b`: an auxiliary, or a past tense ("-ed") after the first word.
    fn finite_verb(&self, a: usize, b: usize) -> bool {
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
    fn present_verb(&self, x: usize) -> bool {
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

    /// Where content starting at `a` ends before `e`: before a semicolon or colon, or before a closing reporting
    /// clause (`, officials said`, `, according to X`).
    fn cut(&self, a: usize, e: usize) -> usize {
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
                        && self.toks[j + 2].is(PRONOUN | DET))
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

    /// Is the cue at `k..ce` the end of a closing reporting clause: nothing but its speaker and time words follow?
    fn closing_tail(&self, k: usize, ce: usize, e: usize) -> bool {
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

    /// A prepositional phrase at `j` naming the speech act: "in a statement", "in one of his clearest public
    /// admissions", "during an interview".
    fn speech_pp(&self, j: usize, e: usize) -> bool {
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
    fn trim_time(&self, a: usize, mut j: usize) -> usize {
        while j > a + 2 && self.toks[j - 1].is(TIME) {
            j -= 1;
            if self.toks[j - 1].lower() && self.toks[j - 1].is(PREP) {
                j -= 1;
            }
        }
        j
    }

    /// `…, officials were quoted by the RBC news outlet as saying.`: the speaker before "was/were quoted".
    fn closing_passive(&self, k: usize, ce: usize, ss: usize) -> Option<Speech> {
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

    /// The end before token `j`, without trailing commas and dashes.
    fn trim_end(&self, a: usize, mut j: usize) -> usize {
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
    fn lead_in(&self, ss: usize, end: usize) -> usize {
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
    fn clause_start(&self, ss: usize, end: usize) -> usize {
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
