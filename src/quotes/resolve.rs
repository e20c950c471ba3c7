//! Resolution: a speaker mention to the entity, the person of the document or the bare name it names.
use super::marks::RawQuote;
use super::Speaker;
use crate::people::lexicon::{
    FnvMap, ANY_TITLE, CONJ, DET, FIRST_NAME, NONNAME, ORG, PERSON_NOUN, POSS_DET, PREP, PRONOUN,
    PRON_F, PRON_M, TITLE_F, TITLE_M,
};
use crate::people::tokens::{tokenize, Kind, Tok};
use crate::people::{slug, EntityMention, Gender, People};
use crate::text::segment::sentences;
use std::cell::OnceCell;
use std::ops::Range;

/// What resolution reads of one document.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub paras: &'a [Range<usize>],
    pub entities: &'a [EntityMention],
    pub people: &'a People,
    pub called: &'a FnvMap<&'a str, usize>,
    pub raw: &'a [RawQuote],
    /// Sentence starts, computed when a pronoun or description first needs them.
    sents: OnceCell<Vec<usize>>,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        paras: &'a [Range<usize>],
        entities: &'a [EntityMention],
        people: &'a People,
        called: &'a FnvMap<&'a str, usize>,
        raw: &'a [RawQuote],
    ) -> Self {
        Doc {
            text,
            paras,
            entities,
            people,
            called,
            raw,
            sents: OnceCell::new(),
        }
    }

    fn sentence_starts(&self) -> &[usize] {
        self.sents.get_or_init(|| {
            let mut out = Vec::new();
            for p in self.paras {
                out.extend(sentences(self.text, p.clone()).into_iter().map(|r| r.start));
            }
            out
        })
    }

    /// Is byte `pos` inside a quotation (between its marks)?
    fn inside_quote(&self, pos: usize) -> bool {
        let k = self.raw.partition_point(|q| q.open <= pos);
        k > 0 && self.raw[k - 1].close > pos
    }
}

/// Sentences looked back over for an antecedent.
const MAX_SENTENCES_BACK: usize = 16;

/// The person a pronoun or a definite description at byte `pos` refers to, by salience: the subject of the
/// sentence is its first person named outside quotations. In the pronoun's own sentence the first compatible
/// person before it ("Smith said he ..."); a description skips its own sentence (one names a person of the same
/// sentence with a pronoun, not a description). Going back sentence by sentence, the first compatible person of
/// a sentence wins, unless the sentence opens with a pronoun of the same person ("He added ...", "But on Sunday
/// he ...") or a definite description ("The senator said ..."): its subject continues an earlier one, and the
/// persons it names further on are objects. Bounded: [`MAX_SENTENCES_BACK`] sentences, then the closest
/// compatible mention ([`People::antecedent`]).
fn salient_antecedent(doc: &Doc, pos: usize, gender: Gender, description: bool) -> Option<usize> {
    let people = doc.people;
    let starts = doc.sentence_starts();
    let compatible = |p: usize| {
        let g = people.persons[p].gender;
        gender == Gender::Unknown || g == Gender::Unknown || g == gender
    };
    let mut k = people.mentions.partition_point(|m| m.start < pos);
    let mut sent = starts.partition_point(|&s| s <= pos);
    let mut fallback = None;
    let mut toks = Vec::new();
    for step in 0..MAX_SENTENCES_BACK {
        if sent == 0 || k == 0 {
            break;
        }
        sent -= 1;
        let s0 = starts[sent];
        let lo = people.mentions[..k].partition_point(|m| m.start < s0);
        let own = step == 0;
        if !(own && description) {
            let mut first = None;
            for m in &people.mentions[lo..k] {
                if m.end > pos || doc.inside_quote(m.start) || !compatible(m.person) {
                    continue;
                }
                if people.persons[m.person].confident {
                    first = Some(m);
                    break;
                }
                fallback = fallback.or(Some(m.person));
            }
            if let Some(m) = first {
                if own || !continues_subject(doc, s0, m.start, gender, &mut toks) {
                    return Some(m.person);
                }
            }
        }
        k = lo;
    }
    fallback.or_else(|| people.antecedent(pos, gender, |p| doc.inside_quote(p)))
}

/// Does the sentence starting at `s0` open, before its first person named at `first`, with a subject that
/// continues an earlier one: a pronoun of `gender` among its first words ("He added", "But on Sunday he"), or a
/// definite description of a person ("The senator", "But the former governor")?
fn continues_subject(
    doc: &Doc,
    s0: usize,
    first: usize,
    gender: Gender,
    toks: &mut Vec<Tok>,
) -> bool {
    toks.clear();
    crate::people::tokens::tokenize_limited(doc.text, s0, first, &[], true, 10, toks);
    let words: Vec<_> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && !doc.inside_quote(t.start))
        .take(7)
        .collect();
    let pron = match gender {
        Gender::Male => PRON_M,
        Gender::Female => PRON_F,
        Gender::Unknown => PRON_M | PRON_F,
    };
    if words.iter().any(|t| t.cls & pron != 0) {
        return true;
    }
    let mut w = words.iter().skip_while(|t| t.cls & CONJ != 0);
    if let Some(t) = w.next() {
        if doc.text[t.start..t.end].eq_ignore_ascii_case("the") {
            return w
                .take(3)
                .take_while(|t| t.lower())
                .any(|t| t.cls & (ANY_TITLE | PERSON_NOUN) != 0 && t.cls & ORG == 0);
        }
    }
    false
}

/// Resolves a speaker mention to an entity, a person or a bare name.
pub(super) fn resolve(doc: &Doc, (s, e): (usize, usize)) -> Option<Speaker> {
    let (text, entities, people, called) = (doc.text, doc.entities, doc.people, doc.called);
    let i = entities.partition_point(|m| m.start < s);
    // Several speakers ("Mr Putin and Belarusian leader Alexander Lukashenko") resolve to none of them, unless
    // one entity is the whole mention ("Bosnia and Herzegovina").
    let whole = entities[i..]
        .iter()
        .take_while(|m| m.start == s)
        .any(|m| m.end == e);
    if !whole && text[s..e].split_whitespace().any(|w| w == "and") {
        return None;
    }
    // A gazetteer entity that is the mention's head (it ends where the mention ends).
    for m in entities[i..].iter().take_while(|m| m.start < e) {
        // An entity running past the mention's end is not its head (fuzz finding: tests/fuzz_regressions.rs).
        if m.end == e
            || (m.end < e && m.end + 1 >= e && text[m.end..e].chars().all(|c| !c.is_alphanumeric()))
        {
            // "Lincoln" of a document about Abraham Lincoln is the person, not the town.
            if !m.is_person() {
                if let Some(&p) = called.get(&text[m.start..m.end]) {
                    return Some(person_speaker(people, p));
                }
            }
            let person = if m.is_person() {
                people.person_at(m.start, m.end)
            } else {
                None
            };
            return Some(Speaker {
                id: m.id.clone(),
                name: m.name.clone(),
                label: m.label.clone(),
                person,
            });
        }
    }
    let mut toks = Vec::new();
    tokenize(text, s, e, &[], true, &mut toks);
    if toks.len() == 1 && toks[0].kind == Kind::Word && toks[0].cls & PRONOUN != 0 {
        let gender = if toks[0].cls & PRON_M != 0 {
            Gender::Male
        } else if toks[0].cls & PRON_F != 0 {
            Gender::Female
        } else {
            return None;
        };
        let p = salient_antecedent(doc, s, gender, false)?;
        return Some(person_speaker(people, p));
    }
    // A person's mention that is the speaker's name (not "the mayor of Tom Smith's town").
    if let Some(m) = people.mention_at(s, e) {
        if m.end == e || m.start == s {
            return Some(person_speaker(people, m.person));
        }
    }
    // A definite description of one person ("the senator", "the Republican nominee", "the former Florida
    // governor"): the person the text named last before it, of the title's gender when it has one.
    if let (Some(f), Some(h)) = (
        toks.first(),
        toks.iter().rev().find(|t| t.kind == Kind::Word),
    ) {
        let first = &text[f.start..f.end];
        let head = &text[h.start..h.end];
        let definite = matches!(first, "the" | "The" | "this" | "This");
        let one_person = h.lower()
            && h.cls & (ANY_TITLE | PERSON_NOUN) != 0
            && h.cls & ORG == 0
            && !matches!(
                head,
                "company" | "agency" | "department" | "campaign" | "group" | "newspaper" | "paper"
            )
            && !head.ends_with('s')
            && !toks.iter().any(|t| t.lower() && t.cls & (CONJ | PREP) != 0);
        if definite && one_person && toks.len() <= 6 {
            let gender = if h.cls & TITLE_M != 0 {
                Gender::Male
            } else if h.cls & TITLE_F != 0 {
                Gender::Female
            } else {
                Gender::Unknown
            };
            if let Some(p) = salient_antecedent(doc, s, gender, true) {
                return Some(person_speaker(people, p));
            }
        }
    }
    if let Some(sp) = organisation_description(doc, s, &toks) {
        return Some(sp);
    }
    // A bare capitalised name ("Ukraine", "Breitbart"): no determiner, no lower-case words.
    // A group or a common noun ("Critics", "Officials", "Democrats"): no id unless a gazetteer names it.
    let generic = toks.iter().all(|t| {
        t.kind != Kind::Word
            || t.cls & (PERSON_NOUN | ANY_TITLE | ORG | NONNAME) != 0 && t.cls & FIRST_NAME == 0
    });
    let name_like = !toks.is_empty()
        && !generic
        && toks.iter().all(|t| match t.kind {
            Kind::Word => t.cap() && t.cls & (DET | CONJ) == 0,
            Kind::Punct => matches!(t.punct(), Some('-' | '.')),
            _ => false,
        });
    if name_like {
        let name_start = toks
            .iter()
            .position(|t| t.cls & crate::people::lexicon::HONORIFIC == 0)
            .map_or(s, |k| toks[k].start);
        let name = text[name_start..e].to_string();
        // One letter is no name ("Ɂ indicates a glottal stop", "V indicates a vowel").
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        // A lone surname ("Smith: “…”") of the one person of the article whose full name ends in it.
        if !name.contains(' ') {
            if let Some(p) = unique_surname(people, &name) {
                return Some(person_speaker(people, p));
            }
        }
        return Some(Speaker {
            id: slug(&name),
            name,
            label: String::new(),
            person: None,
        });
    }
    None
}

/// Heads of a definite description of an organisation ("the company", "the newspaper").
const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "agency",
    "department",
    "ministry",
    "newspaper",
    "paper",
    "tabloid",
    "outlet",
    "network",
    "broadcaster",
    "group",
    "organization",
    "organisation",
    "bank",
    "council",
    "committee",
    "union",
    "university",
    "website",
    "site",
    "magazine",
    "court",
    "club",
    "party",
    "team",
];

/// Entity labels that name an organisation (a gazetteer's "ORG"; not places or nationalities).
fn is_org_label(label: &str) -> bool {
    label.eq_ignore_ascii_case("org") || label.eq_ignore_ascii_case("organization")
}

/// A description of an organisation: a candidate's campaign ("his campaign", "the Smith campaign", "Smith's
/// campaign") is that person's campaign; "the company", "the agency", "the newspaper" is the organisation the
/// gazetteer named last before it, outside quotations, within [`MAX_SENTENCES_BACK`] sentences.
fn organisation_description(doc: &Doc, s: usize, toks: &[Tok]) -> Option<Speaker> {
    let text = doc.text;
    let words: Vec<&Tok> = toks.iter().filter(|t| t.kind != Kind::Punct).collect();
    let (first, head) = (words.first()?, words.last()?);
    if words.len() > 4 || !head.lower() {
        return None;
    }
    let head_w = &text[head.start..head.end];
    let first_w = &text[first.start..first.end];
    if head_w == "campaign" && words.len() >= 2 {
        let owner = words[words.len() - 2];
        let person = if owner.kind == Kind::Poss && words.len() >= 3 {
            doc.people
                .person_at(words[words.len() - 3].start, words[words.len() - 3].end)
        } else if owner.cap() {
            doc.people
                .person_at(owner.start, owner.end)
                .or_else(|| person_by_surname(doc, &text[owner.start..owner.end], s))
        } else if words.len() == 2 && first.cls & POSS_DET != 0 {
            let gender = match first_w.to_ascii_lowercase().as_str() {
                "his" => Gender::Male,
                "her" => Gender::Female,
                _ => return None,
            };
            salient_antecedent(doc, s, gender, false)
        } else {
            None
        }?;
        let p = &doc.people.persons[person];
        return Some(Speaker {
            id: format!("{}_campaign", p.id),
            name: format!("{} campaign", p.name),
            label: "ORG".into(),
            person: None,
        });
    }
    if !first_w.eq_ignore_ascii_case("the") || !ORG_HEADS.contains(&head_w) {
        return None;
    }
    let starts = doc.sentence_starts();
    let sent = starts.partition_point(|&x| x <= s);
    let floor = match starts.len() {
        0 => 0,
        n => starts[sent.saturating_sub(MAX_SENTENCES_BACK).min(n - 1)],
    };
    let i = doc.entities.partition_point(|m| m.start < s);
    doc.entities[..i]
        .iter()
        .rev()
        .take(64)
        .take_while(|m| m.start >= floor)
        .find(|m| m.end <= s && is_org_label(&m.label) && !doc.inside_quote(m.start))
        .map(|m| Speaker {
            id: m.id.clone(),
            name: m.name.clone(),
            label: m.label.clone(),
            person: None,
        })
        .or_else(|| named_organisation_before(doc, s, sent, head_w))
}

/// Heads of a description of a news medium.
const MEDIA_HEADS: &[&str] = &[
    "newspaper",
    "paper",
    "tabloid",
    "outlet",
    "magazine",
    "website",
    "site",
    "network",
    "broadcaster",
];

/// Words that end the name of a news medium ("The Boston Globe", "Daily News").
fn media_word(w: &str) -> bool {
    matches!(
        w,
        "News"
            | "Times"
            | "Post"
            | "Journal"
            | "Herald"
            | "Tribune"
            | "Daily"
            | "Gazette"
            | "Globe"
            | "Magazine"
            | "Press"
            | "Telegraph"
            | "Guardian"
            | "Examiner"
            | "Chronicle"
            | "Observer"
            | "Insider"
            | "Register"
            | "Inquirer"
            | "Star"
            | "Sun"
            | "Review"
            | "Advocate"
            | "Bulletin"
            | "Record"
            | "Courier"
            | "Standard"
            | "Mirror"
            | "Express"
            | "Wire"
    )
}

/// Without a gazetteer: the organisation the text named last before `s` (at most [`MAX_SENTENCES_BACK`]
/// sentences back, outside quotations), for a description of a news medium ("the newspaper", "the outlet"): a
/// run of capitalised words that is nobody's name, two words or more ("Boston Globe") or "The" and a name
/// ("The Advocate"), ending in a word of news names ("Times", "Herald").
fn named_organisation_before(doc: &Doc, s: usize, sent: usize, head: &str) -> Option<Speaker> {
    let text = doc.text;
    let starts = doc.sentence_starts();
    // Other organisations ("the company") are left to the gazetteer: a place reads like one ("New York").
    if !MEDIA_HEADS.contains(&head) {
        return None;
    }
    let mut toks = Vec::new();
    let mut end = s;
    let mut k = sent;
    for _ in 0..MAX_SENTENCES_BACK {
        if k == 0 {
            break;
        }
        k -= 1;
        let s0 = starts[k];
        if s0 >= end {
            continue;
        }
        toks.clear();
        crate::people::tokens::tokenize_limited(text, s0, end, &[], true, 80, &mut toks);
        let mut best = None;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !(t.kind == Kind::Word && t.cap()) {
                i += 1;
                continue;
            }
            let a = i;
            while i < toks.len() && toks[i].kind == Kind::Word && toks[i].cap() {
                i += 1;
            }
            let (mut ra, rb) = (a, i);
            let the = text[toks[ra].start..toks[ra].end].eq_ignore_ascii_case("the");
            if the {
                ra += 1;
            }
            if ra >= rb {
                continue;
            }
            let words = rb - ra;
            let (ns, ne) = (toks[ra].start, toks[rb - 1].end);
            let last = &text[toks[rb - 1].start..ne];
            let person = doc
                .people
                .mention_at(ns, ne)
                .is_some_and(|m| doc.people.persons[m.person].confident);
            let sentence_start = a == 0 && !the;
            let ok = !person
                && !doc.inside_quote(ns)
                && (words >= 2 || (the && !sentence_start))
                && media_word(last)
                && (ra..rb).all(|x| toks[x].cls & (PRONOUN | FIRST_NAME) == 0);
            if ok {
                best = Some((ns, ne));
            }
        }
        if let Some((ns, ne)) = best {
            let name = text[ns..ne].to_string();
            return Some(Speaker {
                id: slug(&name),
                name,
                label: "ORG".into(),
                person: None,
            });
        }
        end = s0;
    }
    None
}

/// The confident person whose name ends in `word` ("Doe" of "the Doe campaign"), mentioned last before `pos`.
fn person_by_surname(doc: &Doc, word: &str, pos: usize) -> Option<usize> {
    let people = doc.people;
    let i = people.mentions.partition_point(|m| m.start < pos);
    people.mentions[..i]
        .iter()
        .rev()
        .take(200)
        .map(|m| m.person)
        .find(|&p| {
            let person = &people.persons[p];
            person.confident
                && person.name.len() > word.len()
                && person.name.ends_with(word)
                && person.name[..person.name.len() - word.len()].ends_with(' ')
        })
}

/// The one confident person of the document whose name ends in the word `word` (none when two do; the first
/// 4096 persons are read).
fn unique_surname(people: &People, word: &str) -> Option<usize> {
    let mut found = None;
    for (p, person) in people.persons.iter().enumerate().take(4096) {
        let n = &person.name;
        let hit = person.confident
            && n.len() > word.len() + 1
            && n.is_char_boundary(n.len() - word.len())
            && n[n.len() - word.len()..].eq_ignore_ascii_case(word)
            && n[..n.len() - word.len()].ends_with(' ');
        if hit {
            if found.is_some() {
                return None;
            }
            found = Some(p);
        }
    }
    found
}

fn person_speaker(people: &People, p: usize) -> Speaker {
    let person = &people.persons[p];
    Speaker {
        id: person.id.clone(),
        name: person.name.clone(),
        label: "PERSON".into(),
        person: Some(p),
    }
}
