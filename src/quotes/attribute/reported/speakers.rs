//! Speaker candidates: which noun phrases can speak, coordinated speakers (`Kyiv and its Western allies`), groups
//! (`40 percent`, `local farmers`), and nouns of saying (`a statement saying …`).
use super::*;

impl<'a> Window<'a> {
    /// The speaker mention of the noun phrase `a..b`, with a noun phrase coordinated before it: "Kyiv and its
    /// Western allies", "Mr Putin and Belarusian leader Alexander Lukashenko".
    pub(super) fn coordinated_span(&self, a: usize, b: usize) -> (usize, usize) {
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

    /// Can the noun phrase `a..b` speak: a name, a person or group, an organisation, a pronoun other than "it"?
    pub(super) fn can_speak(&self, a: usize, b: usize) -> bool {
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

    /// Does token `i` end a group of people named by a number or a plural ("22 percent", "three in 10",
    /// "local farmers", "40%")?
    pub(super) fn group_before(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.flags & NUM != 0
            || t.punct() == Some('%')
            || t.kind == Kind::Word
                && (self.word(i) == "percent" || t.is(PERSON_NOUN) && self.plural_noun_like(i))
    }

    pub(super) fn plural_noun_like(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
    }

    /// A bare plural noun opening a clause ("officials", "prices rose").
    pub(super) fn plural_noun(&self, i: usize) -> bool {
        self.plural_noun_like(i) && self.toks[i].cls == 0
    }

    /// A noun of saying, singular or plural ("a statement saying", "letters warning").
    pub(super) fn speech_noun(&self, i: usize) -> bool {
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
}
