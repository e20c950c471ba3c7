//! Rule 2: the nearest usable cue before the quotation in its sentence and that cue's subject: `Putin said
//! the war could be a “long process”`, `He said: “…”`, `Said Comey, “…”`, `According to X, “…”`, a colon after a
//! clause (`… in a general election: “…”`), a possessor of a noun of saying (`her assertion that “…”`).
use super::*;

impl<'a> Window<'a> {
    /// A reporting verb, then its speaker, then a comma or colon and the quote: "…, explained Rosenberg, “…”",
    /// "Said Comey, “…”", "Adding, “…”" (a capitalised cue opening the sentence).
    pub(super) fn inverted_before(&self, qi: usize, ss: usize) -> Option<Found> {
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

    /// "According to the Gazette, Doe praised her “loyal backers”": a source opening the sentence.
    pub(super) fn according_first(&self, qi: usize) -> Option<Found> {
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

    /// Rule 2: the nearest cue before the quote token `qi` in its sentence, and its subject.
    pub(crate) fn before(&self, qi: usize) -> Option<Found> {
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
            // "He also talked up his supposed lead in the rural vote: “…”": the colon's clause.
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
                            && self.subject_like_before(j)
                            && self.cue(j).is_some_and(|(ce, r, p)| {
                                r == Role::Speech
                                    && !p
                                    && self.toks.get(ce).is_some_and(|t| t.is_punct(','))
                            })
                    })
                {
                    // "The Gazette, Roe said, called the decision “deeply worrying”": the reporting verb (a
                    // verb after its subject: not "sent tweets, and he called …").
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
        // "her claim during the hearing that “…”": a possessor of a noun of saying.
        let mut k = qi;
        while k > ss && qi - k < 25 {
            k -= 1;
            let t = &self.toks[k];
            if t.kind == Kind::Quote || t.is_punct(';') {
                break;
            }
            let introduces = (k + 1..qi)
                .any(|x| self.toks[x].kind == Kind::Word && self.word(x) == "that")
                // "his pledge to “…”", "her promise to cut taxes" — not "the city's response to the floods".
                || self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == Kind::Word && self.word(k + 1) == "to")
                    && self.toks.get(k + 2).is_some_and(|n| {
                        n.kind == Kind::Quote || (n.lower() && n.cls & (DET | POSS_DET) == 0)
                    })
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
    pub(super) fn colon_speaker(&self, qi: usize, ss: usize) -> Option<Found> {
        let np = if qi - ss <= 8 || self.toks[qi - 2].cap() {
            self.np_left(qi - 2, ss).filter(|&(a, b)| {
                a == ss
                    || self.toks[a - 1].kind == Kind::Punct
                    || (self.toks[qi - 2].cap() && {
                        // "… doesn’t surprise regional pollster Ada Lind: “…”": a name before the colon.
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
}
