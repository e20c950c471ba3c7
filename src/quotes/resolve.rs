//! Resolution: a speaker mention to the entity, the person of the document or the bare name it names.
use super::marks::RawQuote;
use super::Speaker;
use crate::people::lexicon::{
    FnvMap, ANY_TITLE, CONJ, DET, FIRST_NAME, NONNAME, ORG, PERSON_NOUN, POSS_DET, PREP, PRONOUN,
    PRON_F, PRON_M, SAY, SPEECH_NOUN, SUB, TITLE_F, TITLE_M,
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
    pub entities: &'a [EntityMention<'a>],
    pub people: &'a People,
    pub called: &'a FnvMap<&'a str, usize>,
    pub raw: &'a [RawQuote],
    /// The speaker mentions of the document's attributions (byte spans, sorted by start).
    pub spoken: &'a [(usize, usize)],
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
        spoken: &'a [(usize, usize)],
    ) -> Self {
        Doc {
            text,
            paras,
            entities,
            people,
            called,
            raw,
            spoken,
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

/// The person a pronoun or a definite description at byte `pos` refers to, by salience. The subject of a
/// sentence is the speaker of its attribution when it has one ("…, said Jane Doe, a pollster." — even when the
/// sentence names someone else first: "The Doe approach works, said Ann Roe"), else its first person named
/// outside quotations. In the pronoun's own sentence the first compatible person before it ("Smith said he
/// ..."); a description skips its own sentence (one names a person of the same sentence with a pronoun, not a
/// description) unless a quotation stands between them ("Doe said: “…,” the senator added"). Going back sentence by sentence, the first compatible subject wins, unless the sentence's
/// subject continues an earlier one: its attribution's speaker is a pronoun of the same gender or a definite
/// description of a person ("…, he added.", "…, the senator said"), or it opens with one ("He added ...", "But
/// on Sunday he ...", "The senator said ..."), and the persons it names further on are objects. Bounded:
/// [`MAX_SENTENCES_BACK`] sentences, then the closest compatible mention ([`People::antecedent`]). A
/// `description` (its words after the determiner: "former governor") that an earlier sentence repeats after
/// its first person named ("Mr. Doe's attacks clearly annoyed the former governor, whose remarks …") names
/// someone else than that person: from there on, that person is no candidate.
fn salient_antecedent(
    doc: &Doc,
    pos: usize,
    gender: Gender,
    description: Option<&str>,
) -> Option<Speaker> {
    let people = doc.people;
    let starts = doc.sentence_starts();
    let compatible = |p: usize| {
        let g = people.persons[p].gender;
        gender == Gender::Unknown || g == Gender::Unknown || g == gender
    };
    let mut k = people.mentions.partition_point(|m| m.start < pos);
    let mut j = doc.spoken.partition_point(|sp| sp.0 < pos);
    let mut sent = starts.partition_point(|&s| s <= pos);
    let mut fallback = None;
    let mut own_first = None;
    let mut toks = Vec::new();
    let described = description.map(str::to_lowercase);
    let description = described.is_some();
    // The person a repeated description was found not to name.
    let mut excluded = None;
    if !description {
        if let Some(p) = cataphor(doc, pos, gender, &mut toks) {
            return Some(person_speaker(people, p));
        }
    }
    for step in 0..MAX_SENTENCES_BACK {
        if sent == 0 || (k == 0 && j == 0) {
            break;
        }
        sent -= 1;
        let s0 = starts[sent];
        let lo = people.mentions[..k].partition_point(|m| m.start < s0);
        let jlo = doc.spoken[..j].partition_point(|sp| sp.0 < s0);
        let own = step == 0;
        {
            let within = (s0, own, description);
            match speaker_subject(doc, within, &doc.spoken[jlo..j], pos, gender, &mut toks) {
                Subject::Found(sp) if excluded.is_none() || sp.person != excluded => {
                    return Some(sp)
                }
                Subject::Found(_) => {}
                Subject::Continues => {
                    k = lo;
                    j = jlo;
                    continue;
                }
                Subject::Unknown => {}
            }
            let mut first = None;
            for m in &people.mentions[lo..k] {
                if m.end > pos
                    || doc.inside_quote(m.start)
                    || !compatible(m.person)
                    || excluded == Some(m.person)
                {
                    continue;
                }
                if own && description && !quote_between(doc, m.end, pos) {
                    if own_first.is_none()
                        && people.persons[m.person].confident
                        && !object_position(doc.text, m.start)
                    {
                        own_first = Some(m.person);
                    }
                    continue;
                }
                if people.persons[m.person].confident && !object_position(doc.text, m.start) {
                    first = Some(m);
                    break;
                }
                fallback = fallback.or(Some(m.person));
            }
            let repeated = |m: &crate::people::PersonMention| {
                // Bounded: at most 2 KB after the name (a "sentence" without punctuation may be huge).
                let end = starts.get(sent + 1).map_or(pos, |&e| e.min(pos));
                let end = end.min(super::marked::floor_boundary(
                    doc.text,
                    (m.end + 2048).min(doc.text.len()),
                ));
                described
                    .as_deref()
                    .is_some_and(|d| m.end < end && doc.text[m.end..end].to_lowercase().contains(d))
            };
            if let Some(m) = first.filter(|m| repeated(m)) {
                excluded = Some(m.person);
            } else if let Some(m) = first {
                if own || !continues_subject(doc, s0, m.start, gender, &mut toks) {
                    return Some(person_speaker(people, m.person));
                }
            }
        }
        k = lo;
        j = jlo;
    }
    // A description in the text's first sentence after its headline ("The plan Ann Roe unveiled is not like
    // Tom Lee's, the candidate said"): with nobody before it, the first person its own sentence names, not the
    // closest.
    fallback
        .or(own_first)
        .or_else(|| people.antecedent(pos, gender, |p| doc.inside_quote(p)))
        .map(|p| person_speaker(people, p))
}

/// Is the name at byte `at` an object, not a subject: right after a preposition of an action's target
/// ("against Ann Roe", "hurled it at Roe", "met with Roe"; not "for", whose complement is often the topic: "It
/// may be too late for Roe") or a verb's "-ing" form ("giving Roe nine delegates"), a title or an honorific
/// between them aside ("against Sen. Roe")? Such a person is no sentence's subject.
fn object_position(text: &str, at: usize) -> bool {
    let mut rest = text[..at].trim_end();
    for _ in 0..3 {
        let w0 = rest
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        let w = w0.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.len() != w0.trim_end_matches('.').len() {
            return false;
        }
        let cls = crate::people::tokens::word_classes(w);
        if w.starts_with(char::is_uppercase) {
            if cls & (ANY_TITLE | crate::people::lexicon::HONORIFIC) == 0 {
                return false;
            }
            rest = rest[..rest.len() - w0.len()].trim_end();
            continue;
        }
        let prep = matches!(
            w,
            "against" | "at" | "with" | "over" | "about" | "on" | "into"
        );
        return (prep && cls & PREP != 0) || (w.len() > 5 && w.ends_with("ing") && cls == 0);
    }
    false
}

/// A pronoun in a fronted clause refers ahead to the subject of the main clause ("In what he called a mistake,
/// Mr Doe attacked …", "When she took office, Governor Roe …"): the sentence opens with a capitalised
/// subordinator or preposition, no person is named before the pronoun, and right after the clause's comma
/// (within three words: a title may come first) a person of a compatible gender is named.
fn cataphor(doc: &Doc, pos: usize, gender: Gender, toks: &mut Vec<Tok>) -> Option<usize> {
    let people = doc.people;
    let starts = doc.sentence_starts();
    let sent = starts.partition_point(|&s| s <= pos);
    let s0 = *starts.get(sent.checked_sub(1)?)?;
    let end = starts.get(sent).copied().unwrap_or(doc.text.len());
    toks.clear();
    crate::people::tokens::tokenize_limited(doc.text, s0, end, &[], true, 40, toks);
    let t0 = toks.first()?;
    if !(t0.cap() && t0.cls & (SUB | PREP) != 0) {
        return None;
    }
    let k = people.mentions.partition_point(|m| m.start < s0);
    if people.mentions.get(k).is_some_and(|m| m.start < pos) {
        return None;
    }
    // The clause's comma: outside quotations, or right before a closing mark ("a “mistake,” Mr Doe").
    let comma = toks.iter().position(|t| {
        t.is_punct(',')
            && (!doc.inside_quote(t.start)
                || doc.text[t.end..].starts_with(['”', '"', '’', '\'', '»']))
    })?;
    if toks[comma].start < pos {
        return None;
    }
    let m = people.mentions.get(k)?;
    let after: Vec<&Tok> = toks[comma + 1..].iter().take(3).collect();
    let starts_near = after.iter().any(|t| t.start == m.start);
    let p = &people.persons[m.person];
    let ok = gender == Gender::Unknown || p.gender == Gender::Unknown || p.gender == gender;
    (starts_near && ok && p.confident && !doc.inside_quote(m.start)).then_some(m.person)
}

/// What the attributions of one sentence tell of its subject.
enum Subject {
    /// A speaker named there, of a compatible gender.
    Found(Speaker),
    /// The speaker is a pronoun of the same gender or a description of a person: an earlier subject goes on.
    Continues,
    /// No attribution, or none that tells.
    Unknown,
}

/// The subject the attributions `spans` (speaker mentions of one sentence) give a pronoun or description of
/// `gender` at `pos`: the first speaker before `pos` outside quotations that is a name ("Jane Doe", "Doe") and
/// resolves to a person of a compatible gender or to a bare name (in a description's `own` sentence, only a
/// speaker before a quotation that precedes it), unless the sentence (`s0`, not the pronoun's `own`) opens with a subject that continues an earlier one ([`continues_subject`]); a speaker that is a
/// pronoun of that gender ("he said") continues an earlier subject. Descriptions ("the senator said", "a
/// reporter asked"), organisations, places and pronouns of another gender tell nothing.
fn speaker_subject(
    doc: &Doc,
    (s0, own, description): (usize, bool, bool),
    spans: &[(usize, usize)],
    pos: usize,
    gender: Gender,
    toks: &mut Vec<Tok>,
) -> Subject {
    let text = doc.text;
    for &(a, b) in spans {
        if b > pos || doc.inside_quote(a) || (own && description && !quote_between(doc, b, pos)) {
            continue;
        }
        toks.clear();
        crate::people::tokens::tokenize_limited(text, a, b, &[], true, 8, toks);
        let words: Vec<Tok> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .copied()
            .collect();
        let Some(w0) = words.first() else {
            continue;
        };
        if w0.cls & PRONOUN != 0 {
            let same = match gender {
                Gender::Male => w0.cls & PRON_M != 0,
                Gender::Female => w0.cls & PRON_F != 0,
                Gender::Unknown => w0.cls & (PRON_M | PRON_F) != 0,
            };
            if same && words.len() == 1 {
                return Subject::Continues;
            }
            continue;
        }
        // A description ("the senator said", "a reporter asked") is left to the sentence's persons.
        if w0.cls & (DET | POSS_DET) != 0 {
            continue;
        }
        if !w0.cap() || words.len() > 6 {
            continue;
        }
        let Some(sp) = resolve(doc, (a, b)) else {
            continue;
        };
        let ok = match sp.person {
            Some(p) => {
                let g = doc.people.persons[p].gender;
                gender == Gender::Unknown || g == Gender::Unknown || g == gender
            }
            None => sp.label.is_empty() || sp.label.eq_ignore_ascii_case("person"),
        };
        if ok {
            // "He should win, Doe said": the sentence opens with a pronoun that goes on from an earlier one.
            if !own && continues_subject(doc, s0, a, gender, toks) {
                return Subject::Continues;
            }
            return Subject::Found(sp);
        }
    }
    Subject::Unknown
}

/// Is a quotation between bytes `a` and `b` ("Doe says: “…,” the senator added": the description after the
/// quotation names the person before it)?
fn quote_between(doc: &Doc, a: usize, b: usize) -> bool {
    let k = doc.raw.partition_point(|q| q.open < a);
    doc.raw.get(k).is_some_and(|q| q.close < b)
}

/// Does the sentence starting at `s0` open, before its first person named at `first`, with a subject that
/// continues an earlier one: a pronoun of `gender` among its first words ("He added", "But on Sunday he"), or a
/// definite description of a person ("The senator", "But the former governor", "The Ohio Republican")?
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
            // Not a text that speaks ("The statement conflicted with what Ann Roe said"): a noun of saying
            // names no person, and the person after it is the sentence's subject.
            return w.take(3).any(|t| {
                (t.cls & (ANY_TITLE | PERSON_NOUN) != 0 && t.cls & (ORG | SPEECH_NOUN) == 0)
                    || party_member(&doc.text[t.start..t.end])
            });
        }
    }
    false
}

/// A member of a political party named by its party ("the Florida Republican", "the Vermont Democrat"): a
/// description of one person.
fn party_member(w: &str) -> bool {
    matches!(
        w,
        "Republican" | "Democrat" | "Independent" | "Libertarian" | "Conservative" | "Socialist"
    )
}

/// Resolves a speaker mention to an entity, a person or a bare name.
pub(super) fn resolve(doc: &Doc, (s, e): (usize, usize)) -> Option<Speaker> {
    let (text, entities, people, called) = (doc.text, doc.entities, doc.people, doc.called);
    if let Some(sp) = possessive_name(doc, s, e) {
        return Some(sp);
    }
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
    // A gazetteer entity that is the mention's head (it ends where the mention ends) — not the complement of a
    // definite description ("the senator from Ohio", "the mayor of Eastfield", "the campaign of …", "the front
    // page of …": [`of_complement`] and the descriptions below read those).
    let complement_at = of_complement(text, s, e);
    for m in entities[i..]
        .iter()
        .take_while(|m| m.start < e)
        .filter(|m| complement_at.is_none_or(|c| m.start < c))
    {
        // An entity running past the mention's end is not its head (fuzz finding: tests/fuzz_regressions.rs).
        if m.end == e
            || (m.end < e && m.end + 1 >= e && text[m.end..e].chars().all(|c| !c.is_alphanumeric()))
        {
            // "Lincoln" of a document about Abraham Lincoln is the person, not the town.
            if !m.is_person() {
                if let Some(&p) = called.get(&text[m.start..m.end]) {
                    return Some(person_speaker(people, p));
                }
                // A person's name that holds a place or nationality word ("Mark Cuban", and "Cuban said" after
                // it) is the person, not the place.
                if let Some(pm) = people.mention_at(s, e) {
                    if pm.start == s && pm.end == e && people.persons[pm.person].confident {
                        return Some(person_speaker(people, pm.person));
                    }
                }
            }
            let person = if m.is_person() {
                people.person_at(m.start, m.end)
            } else {
                None
            };
            return Some(Speaker {
                id: m.id.to_string(),
                name: m.name.to_string(),
                label: m.label.to_string(),
                person,
            });
        }
    }
    let mut toks = Vec::new();
    tokenize(text, s, e, &[], true, &mut toks);
    if let Some(sp) = document_issuer(doc, &toks) {
        return Some(sp);
    }
    if toks.len() == 1 && toks[0].kind == Kind::Word && toks[0].cls & PRONOUN != 0 {
        let gender = if toks[0].cls & PRON_M != 0 {
            Gender::Male
        } else if toks[0].cls & PRON_F != 0 {
            Gender::Female
        } else if text[s..e].eq_ignore_ascii_case("it") {
            return salient_organisation(doc, s);
        } else {
            return None;
        };
        return salient_antecedent(doc, s, gender, None);
    }
    // A person's mention that is the speaker's name (not "the mayor of Tom Smith's town").
    // Not the complement of a description ("the son of Jo Park" is not Jo Park), nor a possessor ("Jo Park's
    // campaign", "Park's spokesman" are someone else).
    if let Some(m) = people.mention_at(s, e).filter(|m| {
        complement_at.is_none_or(|c| m.start < c)
            && !text
                .get(m.end..e)
                .is_some_and(|t| t.starts_with(['\'', '’']))
    }) {
        if m.end == e || m.start == s {
            return Some(person_speaker(people, m.person));
        }
    }
    // A description of one person ("the senator", "the Republican nominee", "the former Florida governor",
    // "the Ohio Republican"): the name in apposition after it, else the person the text described so before
    // it, else the person the text named last before it, of the title's gender when it has one.
    // "the campaign of Jo Park", "the campaign of the former senator": that person's campaign. "the front page
    // of The Courier", "the website of the Acme Group": a part of an organisation speaks for it — the
    // complement, when the words before "of" hold no title and it is no person ("the son of Jo Park").
    if let Some(c) = complement_at {
        let k = toks.partition_point(|t| t.start < c);
        let pre: Vec<&Tok> = toks[..k.saturating_sub(1)]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let of = k > 0 && &text[toks[k - 1].start..toks[k - 1].end] == "of";
        let rest: Vec<&Tok> = toks[k..].iter().filter(|t| t.kind == Kind::Word).collect();
        if let (true, Some(head), Some(r0)) = (of, pre.last(), rest.first()) {
            let head_w = &text[head.start..head.end];
            if head_w == "campaign" && pre.len() == 2 {
                let described = text[r0.start..r0.end].eq_ignore_ascii_case("the")
                    && rest.get(1).is_some_and(|t| t.lower());
                let person = if described {
                    // A possessor, like "his": the person the sentence is about.
                    salient_antecedent(doc, s, Gender::Unknown, None).and_then(|sp| sp.person)
                } else {
                    resolve(doc, (c, e)).and_then(|sp| sp.person)
                };
                return person.map(|p| {
                    let p = &people.persons[p];
                    Speaker {
                        id: format!("{}_campaign", p.id),
                        name: format!("{} campaign", p.name),
                        label: "ORG".into(),
                        person: None,
                    }
                });
            }
            let part = head.lower()
                && !ORG_HEADS.contains(&head_w)
                && pre.iter().all(|t| t.cls & (ANY_TITLE | PRONOUN) == 0);
            let named = rest.iter().any(|t| t.cap());
            if part && named {
                // An organisation, a place or a name after a determiner ("of The Evening Courier"); not a
                // person or a bare name, which may be a person's.
                let det = rest[0].cls & DET != 0;
                return resolve(doc, (c, e))
                    .filter(|sp| det || (sp.person.is_none() && !sp.label.is_empty()));
            }
        }
    }
    // A title with a prepositional complement ("the secretary of state", "the former senator from Ohio"): the
    // title is the head, the complement's words (at most three) are modifiers.
    let pp = toks
        .iter()
        .position(|t| t.kind == Kind::Word && t.lower() && t.cls & PREP != 0);
    let pp = pp.filter(|&p| {
        p >= 2
            && p + 4 >= toks.len()
            && p + 1 < toks.len()
            && toks[p - 1].kind == Kind::Word
            && toks[p - 1].lower()
            && toks[p - 1].cls & ANY_TITLE != 0
            && toks[p - 1].cls & ORG == 0
            && toks[p + 1..]
                .iter()
                .all(|t| t.kind == Kind::Word && t.cls & (PREP | CONJ | PRONOUN) == 0)
            // A place or a field, not a person ("the son of Jo Park" is no description of a son).
            && people.mention_at(toks[p + 1].start, e).is_none()
    });
    let (core, complement) = match pp {
        Some(p) => (&toks[..p], &toks[p + 1..]),
        None => (&toks[..], &toks[..0]),
    };
    if let (Some(f), Some(h)) = (
        core.first(),
        core.iter().rev().find(|t| t.kind == Kind::Word),
    ) {
        let first = &text[f.start..f.end];
        let head = &text[h.start..h.end];
        // A bare role after a conjunction of descriptions ("The party leader and former governor of Utah told
        // …") is as definite as "the former governor of Utah".
        let definite = matches!(first, "the" | "The" | "this" | "This")
            || (f.lower() && matches!(first, "former" | "then" | "longtime" | "veteran"));
        let party = party_member(head) && toks.len() >= 2;
        let one_person = party
            || h.lower()
                && h.cls & (ANY_TITLE | PERSON_NOUN) != 0
                && h.cls & ORG == 0
                && head != "campaign"
                && !ORG_HEADS.contains(&head)
                && !head.ends_with('s')
                && !core.iter().any(|t| t.lower() && t.cls & (CONJ | PREP) != 0);
        if (h.lower() || party) && toks.len() <= 8 {
            if let Some(sp) = apposed_name(doc, e) {
                return Some(sp);
            }
        }
        let honorific = h.lower() && h.cls & crate::people::lexicon::HONORIFIC != 0;
        // At most six tokens, commas and hyphens aside ("the soft-spoken, 64-year-old envoy").
        let words = toks
            .iter()
            .filter(|t| !matches!(t.punct(), Some(',' | '-')))
            .count();
        if definite && (one_person || honorific) && words <= 6 {
            let gender = if h.cls & TITLE_M != 0 {
                Gender::Male
            } else if h.cls & TITLE_F != 0 {
                Gender::Female
            } else {
                Gender::Unknown
            };
            // The description's words after its determiner ("former president").
            let after_det = match toks.get(1) {
                Some(t) if f.cls & DET != 0 => t.start,
                _ => f.start,
            };
            let salient = if one_person {
                salient_antecedent(doc, s, gender, Some(&text[after_det..e]))
            } else {
                None
            };
            // The complement's words stand before the head: "the secretary of state" reads as "the state
            // secretary".
            let mut words: Vec<&str> = core
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| &text[t.start..t.end])
                .collect();
            let head_w = words.pop();
            words.extend(
                complement
                    .iter()
                    .filter(|t| t.cls & DET == 0)
                    .map(|t| &text[t.start..t.end]),
            );
            words.extend(head_w);
            let sp = salient.as_ref().and_then(|sp| sp.person);
            if let Some(p) = described_person(doc, s, &words, sp, salient.is_some()) {
                return Some(person_speaker(people, p));
            }
            if salient.is_some() {
                return salient;
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
    // "the Acme Group", "The Courier": a determiner and a capitalised name that is nobody's (an organisation or
    // a medium the gazetteer does not know), the name without the determiner.
    let the_name = toks.len() >= 2
        && text[toks[0].start..toks[0].end].eq_ignore_ascii_case("the")
        && toks[1..].iter().all(|t| {
            t.kind == Kind::Word
                && t.cap()
                && t.cls & (DET | CONJ | PRONOUN | FIRST_NAME | ANY_TITLE) == 0
        })
        && toks.last().is_some_and(|h| {
            (h.cls & PERSON_NOUN == 0 || h.cls & ORG != 0) && !party_member(&text[h.start..h.end])
        })
        && !toks[1..].iter().all(|t| t.cls & (ORG | NONNAME) != 0)
        && people.mention_at(s, e).is_none();
    if the_name {
        let name = text[toks[1].start..e].to_string();
        return Some(Speaker {
            id: slug(&name),
            name,
            label: "ORG".into(),
            person: None,
        });
    }
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
    // A speaker mention that runs on past its noun phrase into a predicate ("his campaign sent out a text to
    // supporters saying", "The group seeks to end …"): its opening noun phrase — a determiner and at most two
    // more words up to an organisation head, "campaign" or a person noun — when a lower-case word follows
    // that is no preposition, conjunction, relative or determiner ("the mayor of Eastfield" is one phrase).
    if toks.len() >= 3 && toks[0].kind == Kind::Word && toks[0].cls & (DET | POSS_DET) != 0 {
        for h in 1..toks.len().min(4) {
            let t = &toks[h];
            if t.kind != Kind::Word || !t.lower() {
                break;
            }
            let w = &text[t.start..t.end];
            let head = ORG_HEADS.contains(&w)
                || w == "campaign"
                || (t.cls & (ANY_TITLE | PERSON_NOUN) != 0 && t.cls & SPEECH_NOUN == 0);
            if head {
                let verb = toks.get(h + 1).is_some_and(|n| {
                    n.kind == Kind::Word && n.lower() && n.cls & (PREP | CONJ | SUB | DET) == 0
                });
                if verb {
                    return resolve(doc, (s, t.end));
                }
                break;
            }
        }
    }
    None
}

/// Nouns of a document or message that speaks for whoever issued it ("a Kremlin statement", "the ministry's
/// letter").
const DOCUMENT_HEADS: &[&str] = &[
    "statement",
    "statements",
    "editorial",
    "report",
    "letter",
    "memo",
    "release",
    "message",
    "ad",
    "advertisement",
    "filing",
];

/// The issuer of a document that speaks ("A Kremlin statement said", "a sharply worded Acme Courier
/// editorial", "the ministry's letter"): a mention whose head is a noun of a document ([`DOCUMENT_HEADS`])
/// resolves to the gazetteer entity named among its modifiers (the one nearest the head), else the first person
/// named there, or to its possessor.
fn document_issuer(doc: &Doc, toks: &[Tok]) -> Option<Speaker> {
    let head = toks.last().filter(|h| {
        h.kind == Kind::Word && h.lower() && DOCUMENT_HEADS.contains(&&doc.text[h.start..h.end])
    })?;
    let s = toks.first()?.start;
    if let Some(p) = toks.iter().rposition(|t| t.kind == Kind::Poss) {
        // "the ministry's letter", "the ministry's new letter"
        if p > 0
            && toks[p + 1..toks.len() - 1]
                .iter()
                .all(|t| t.kind == Kind::Word && t.lower())
        {
            return resolve(doc, (s, toks[p - 1].end));
        }
        return None;
    }
    let i = doc.entities.partition_point(|m| m.start < s);
    if let Some(m) = doc.entities[i..]
        .iter()
        .take_while(|m| m.start < head.start)
        .filter(|m| m.end <= head.start)
        .last()
    {
        return resolve(doc, (m.start, m.end));
    }
    let mentions = &doc.people.mentions;
    let m = mentions[mentions.partition_point(|m| m.start < s)..]
        .iter()
        .take_while(|m| m.start < head.start)
        .find(|m| m.end <= head.start)?;
    Some(person_speaker(doc.people, m.person))
}

/// A speaker mention cut before a possessive that goes on as a name ("the People" of "the People's Courier
/// newspaper says"): a capitalised mention followed by "'s", one or two capitalised words and an organisation
/// or medium head in lower case is that organisation ("People's Courier").
fn possessive_name(doc: &Doc, s: usize, e: usize) -> Option<Speaker> {
    // The whole phrase as the mention ("the People's Courier newspaper calls it …"): the possessive inside it,
    // the phrase ending at the head.
    let m = &doc.text[s..e];
    if let Some(i) = m.find("'s ").or_else(|| m.find("’s ")) {
        if let Some(sp) = possessive_before(doc, s, s + i, Some(e)) {
            return Some(sp);
        }
    }
    possessive_before(doc, s, e, None)
}

/// [`possessive_name`] for a mention `s..e` that a possessive follows; with `ends`, the head must end there.
fn possessive_before(doc: &Doc, s: usize, e: usize, ends: Option<usize>) -> Option<Speaker> {
    let text = doc.text;
    let rest = text.get(e..)?;
    let poss = ["'s ", "’s "].iter().find(|p| rest.starts_with(**p))?;
    let m = &text[s..e];
    let name_start = m
        .strip_prefix("the ")
        .or_else(|| m.strip_prefix("The "))
        .map_or(s, |r| e - r.len());
    if !text[name_start..e].starts_with(char::is_uppercase) {
        return None;
    }
    let mut toks = Vec::new();
    crate::people::tokens::tokenize_limited(
        text,
        e + poss.len(),
        text.len(),
        &[],
        true,
        4,
        &mut toks,
    );
    let caps = toks.iter().take_while(|t| t.cap()).count();
    let head = toks.get(caps)?;
    let head_w = &text[head.start..head.end];
    if !(1..=2).contains(&caps)
        || !(ORG_HEADS.contains(&head_w) || MEDIA_HEADS.contains(&head_w))
        || ends.is_some_and(|x| x != head.end)
    {
        return None;
    }
    let name = text[name_start..toks[caps - 1].end].to_string();
    Some(Speaker {
        id: slug(&name),
        name,
        label: "ORG".into(),
        person: None,
    })
}

/// Where the complement starts in a definite description "the … from X" or "the … of X", or a bare role
/// ("former governor of X"), at most five words before the preposition: the byte after the preposition.
fn of_complement(text: &str, s: usize, e: usize) -> Option<usize> {
    let m = &text[s..e];
    let bare_role = ["former ", "then ", "longtime ", "veteran "]
        .iter()
        .any(|w| m.starts_with(w));
    if !(m.starts_with("the ") || m.starts_with("The ") || bare_role) {
        return None;
    }
    let mut at = s;
    for (n, w) in m.split(' ').enumerate() {
        let end = at + w.len();
        if n > 5 {
            return None;
        }
        if n > 0 && (w == "of" || w == "from") {
            return Some(end + 1);
        }
        at = end + 1;
    }
    None
}

/// A description followed by the name it describes, after a comma ("said his oldest friend, Ann Roe,", "as the
/// bank's chief economist, Tom Lee, put it", "wrote another reader, Jo Park."): the apposition names the
/// speaker. At most a preposition and three words come between the description and the comma ("his friend at
/// college, Ann Roe"). The name is a person of the document, or two to four capitalised words (not a place or
/// organisation of the gazetteer) followed by a comma, a full stop or the end of the text.
fn apposed_name(doc: &Doc, e: usize) -> Option<Speaker> {
    let text = doc.text;
    let mut toks = Vec::new();
    crate::people::tokens::tokenize_limited(text, e, text.len(), &[], true, 12, &mut toks);
    let mut i = 0;
    if toks.first().is_some_and(|t| t.is(PREP)) {
        i = 1;
        while i < toks.len() && i <= 3 && toks[i].kind == Kind::Word && !toks[i].is(CONJ) {
            i += 1;
        }
    }
    if !toks.get(i).is_some_and(|t| t.is_punct(',')) || doc.inside_quote(toks[i].start) {
        return None;
    }
    let name = toks.get(i + 1)?;
    if let Some(m) = doc.people.mention_at(name.start, name.end) {
        if m.start == name.start && doc.people.persons[m.person].confident {
            return Some(person_speaker(doc.people, m.person));
        }
    }
    let run = toks[i + 1..]
        .iter()
        .take_while(|t| t.kind == Kind::Word && t.cap() && t.cls & (DET | PRONOUN | ORG) == 0)
        .count();
    let after = toks.get(i + 1 + run);
    let closed = after.is_none_or(|t| t.is_punct(',') || t.is_punct('.'));
    if !(2..=4).contains(&run) || !closed {
        return None;
    }
    let (ns, ne) = (name.start, toks[i + run].end);
    let ent = doc.entities.partition_point(|m| m.end <= ns);
    if doc.entities[ent..]
        .iter()
        .take_while(|m| m.start < ne)
        .next()
        .is_some()
    {
        return None;
    }
    let name = text[ns..ne].to_string();
    Some(Speaker {
        id: slug(&name),
        name,
        label: String::new(),
        person: None,
    })
}

/// Title words and their abbreviations as a description names them ("Sen. Jo Park" … "the senator").
fn title_word(w: &str) -> &str {
    let w = w.trim_end_matches('.');
    match w.to_ascii_lowercase().as_str() {
        "sen" | "senator" => "senator",
        "gov" | "governor" => "governor",
        "rep" | "representative" | "congressman" | "congresswoman" => "representative",
        "pres" | "president" => "president",
        "sec" | "secretary" => "secretary",
        "gen" | "general" => "general",
        "lt" | "lieutenant" => "lieutenant",
        "col" | "colonel" => "colonel",
        "adm" | "admiral" => "admiral",
        "atty" | "attorney" => "attorney",
        "dr" | "doctor" => "doctor",
        "prof" | "professor" => "professor",
        "rev" | "reverend" => "reverend",
        "capt" | "captain" => "captain",
        "sgt" | "sergeant" => "sergeant",
        "amb" | "ambassador" => "ambassador",
        "frontrunner" | "front-runner" => "front-runner",
        "ceo" => "executive",
        _ => "",
    }
}

/// Does the word `w` of a person's context say the description word `d` (case, a final period and
/// abbreviations aside: "Sen." says "senator", "Gov." says "governor")?
fn says(w: &str, d: &str) -> bool {
    let t = title_word(w);
    if !t.is_empty() && t == title_word(d) {
        return true;
    }
    w.trim_end_matches('.').eq_ignore_ascii_case(d)
}

/// Words of a description that tell nothing of whom it names.
fn empty_modifier(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the"
            | "this"
            | "that"
            | "former"
            | "then"
            | "new"
            | "late"
            | "current"
            | "longtime"
            | "veteran"
    )
}

/// The person a definite description names by the words the text used for them ("the senator" after "Sen. Jo
/// Park", "the former governor" after "Tom Lee, the former governor of Utah,", "the Acme founder" after
/// "Acme founder Ann Roe", "the prince" after "Prince Karim"): among the confident persons mentioned before
/// `s` outside quotations (the last 300 mentions), one whose title is its head word: the word right before the
/// name ("Sen. Jo Park", "the company's chief executive, Jo Park"; not "prince mocks Jo Park"), the name's own
/// title ("Prince Karim") or a word of an apposition after it (", the former governor of Utah,"). Its other
/// words count when six words before the name (of the same phrase: not across a conjunction, a preposition but
/// "of", a verb of saying or another person's name) or the apposition say them. `salient` (the subject [`salient_antecedent`] found) wins
/// when the text so described it; else the person whose context says most of the description's other words
/// (of equals, the one mentioned last) — when the salient subject is someone else (`has_salient`), only if
/// that context says a word of the description besides its head ("the Utah senator" after "Utah Sen. Jo
/// Park"): a subject goes on more often than a bare title ("the senator") is repeated.
fn described_person(
    doc: &Doc,
    s: usize,
    words: &[&str],
    salient: Option<usize>,
    has_salient: bool,
) -> Option<usize> {
    let (head, mods) = words.split_last()?;
    let mods: Vec<&str> = mods
        .iter()
        .copied()
        .filter(|w| !empty_modifier(w))
        .collect();
    let people = doc.people;
    let text = doc.text;
    let i = people.mentions.partition_point(|m| m.start < s);
    let mut best: Option<(usize, usize)> = None;
    let mut toks = Vec::new();
    let mut ctx: Vec<&str> = Vec::new();
    // The words that can be the person's title: the word right before the name, the name's own title, an
    // apposition's words.
    let mut titles: Vec<&str> = Vec::new();
    for m in people.mentions[..i].iter().rev().take(300) {
        if m.end > s || !people.persons[m.person].confident || doc.inside_quote(m.start) {
            continue;
        }
        ctx.clear();
        titles.clear();
        // Before the name: up to six words back, across one comma right before it, not across other
        // punctuation (an abbreviation's period aside).
        toks.clear();
        let from = super::marked::floor_boundary(text, m.start.saturating_sub(80));
        crate::people::tokens::tokenize(text, from, m.start, &[], true, &mut toks);
        let mut k = toks.len();
        if k > 0 && toks[k - 1].is_punct(',') {
            k -= 1;
        }
        let mut n = 0;
        let mut chain = true;
        while k > 0 && n < 6 {
            let t = &toks[k - 1];
            match t.kind {
                // Not across a conjunction, a preposition (but "of": "Secretary of State"), a verb of saying
                // or another person's name ("Sen. Jo Park and Governor Tom Lee").
                Kind::Word
                    if t.cls & (CONJ | SAY) != 0
                        || (t.cls & PREP != 0 && &text[t.start..t.end] != "of")
                        || people.mention_at(t.start, t.end).is_some() =>
                {
                    break
                }
                Kind::Word => {
                    // The title right before the name, and one before its complement ("Secretary of State Ann
                    // Roe": "State", "of", "Secretary").
                    if chain {
                        titles.push(&text[t.start..t.end]);
                    }
                    chain = chain
                        && (t.cls & crate::people::lexicon::COMPLEMENT != 0
                            || &text[t.start..t.end] == "of");
                    ctx.push(&text[t.start..t.end]);
                    n += 1;
                }
                Kind::Poss => {}
                Kind::Punct if t.is_punct('-') => {}
                Kind::Punct
                    if t.is_punct('.')
                        && k > 1
                        && toks[k - 2].cls & (ANY_TITLE | crate::people::lexicon::HONORIFIC)
                            != 0 => {}
                _ => break,
            }
            k -= 1;
        }
        // The mention's own title ("Prince Karim", "Judge Ann Roe" when the name keeps it).
        toks.clear();
        crate::people::tokens::tokenize(text, m.start, m.end, &[], true, &mut toks);
        for t in &toks {
            if t.kind == Kind::Word && t.cls & (ANY_TITLE | crate::people::lexicon::HONORIFIC) != 0
            {
                titles.push(&text[t.start..t.end]);
            }
        }
        // After the name: an apposition (", the former governor of Utah,").
        toks.clear();
        crate::people::tokens::tokenize_limited(text, m.end, text.len(), &[], true, 12, &mut toks);
        if toks.first().is_some_and(|t| t.is_punct(',')) {
            for t in &toks[1..] {
                if t.kind != Kind::Word {
                    break;
                }
                titles.push(&text[t.start..t.end]);
                ctx.push(&text[t.start..t.end]);
            }
        }
        if !titles.iter().any(|w| says(w, head)) {
            continue;
        }
        let score = 1 + mods
            .iter()
            .filter(|d| ctx.iter().chain(&titles).any(|w| says(w, d)))
            .count();
        if salient == Some(m.person) {
            return salient;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, m.person));
        }
    }
    best.filter(|&(score, _)| !has_salient || score >= 2)
        .map(|(_, p)| p)
}

/// The organisation "it" at `pos` stands for. Going back sentence by sentence (at most [`MAX_SENTENCES_BACK`]):
/// the nearest speaker of the sentence's attributions (before `pos`, outside quotations) that resolves to no
/// person — an organisation, a place, a medium, a bare name ("…, the newspaper said", "according to the Acme
/// Group") — or else an organisation opening the sentence as its subject (a gazetteer organisation or place,
/// "Doe's campaign", "the company"). A sentence whose speaker is "it" again continues an earlier subject and
/// is passed over; a sentence whose speaker or subject is a person ends the search (the "it" of "“…,” he said.
/// “It is …,” it said" would be his).
fn salient_organisation(doc: &Doc, pos: usize) -> Option<Speaker> {
    let text = doc.text;
    let starts = doc.sentence_starts();
    let mut j = doc.spoken.partition_point(|sp| sp.0 < pos);
    let mut sent = starts.partition_point(|&s| s <= pos);
    let mut toks = Vec::new();
    for _ in 0..MAX_SENTENCES_BACK {
        if sent == 0 {
            break;
        }
        sent -= 1;
        let s0 = starts[sent];
        let jlo = doc.spoken[..j].partition_point(|sp| sp.0 < s0);
        let mut continues = false;
        // Nearest first: "X has called for …, according to the Y Group" — the source is Y.
        for &(a, b) in doc.spoken[jlo..j].iter().rev() {
            if b > pos || doc.inside_quote(a) {
                continue;
            }
            let w = &text[a..b];
            if w.eq_ignore_ascii_case("it") {
                continues = true;
                break;
            }
            if let Some(sp) = resolve(doc, (a, b)) {
                if sp.person.is_none() && !sp.label.eq_ignore_ascii_case("person") {
                    return Some(sp);
                }
            }
        }
        j = jlo;
        if continues {
            continue;
        }
        // The sentence's subject: its first words after a conjunction.
        toks.clear();
        crate::people::tokens::tokenize_limited(text, s0, pos, &[], true, 8, &mut toks);
        let skip = toks
            .iter()
            .take_while(|t| t.is(CONJ) || t.is_punct(','))
            .count();
        let subj = &toks[skip..];
        let Some(t0) = subj.first() else {
            continue;
        };
        if t0.kind != Kind::Word || doc.inside_quote(t0.start) {
            continue;
        }
        if doc
            .people
            .mention_at(t0.start, t0.end)
            .is_some_and(|m| m.start == t0.start && doc.people.persons[m.person].confident)
        {
            // "Doe's campaign said": a person's campaign; else the person is the subject.
            let camp = subj
                .iter()
                .position(|t| &text[t.start..t.end] == "campaign");
            if let Some(c) =
                camp.filter(|&c| (1..=4).contains(&c) && subj[c - 1].kind == Kind::Poss)
            {
                return organisation_description(doc, t0.start, &subj[..=c]);
            }
            return None;
        }
        let i = doc.entities.partition_point(|m| m.start < t0.start);
        if let Some(m) = doc.entities.get(i).filter(|m| m.start == t0.start) {
            if m.is_person() {
                return None;
            }
            return Some(Speaker {
                id: m.id.to_string(),
                name: m.name.to_string(),
                label: m.label.to_string(),
                person: None,
            });
        }
        if text[t0.start..t0.end].eq_ignore_ascii_case("the") {
            if let Some(h) = subj[1..]
                .iter()
                .take(3)
                .position(|t| t.kind == Kind::Word && ORG_HEADS.contains(&&text[t.start..t.end]))
            {
                return organisation_description(doc, t0.start, &subj[..h + 2]);
            }
        }
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
/// gazetteer named last before it, outside quotations, within [`MAX_SENTENCES_BACK`] sentences, else a news
/// medium the text names ([`named_organisation_before`]), else the organisation named before the
/// description's first use ([`first_use_organisation`]).
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
            salient_antecedent(doc, s, gender, None)?.person
        } else if words.len() == 2 && first_w.eq_ignore_ascii_case("the") {
            // "the campaign" speaking: the campaign of the person the text is about there, read like "its
            // candidate's" ("Doe allies and the campaign itself said …").
            salient_antecedent(doc, s, Gender::Unknown, None)?.person
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
    let gazetteer = doc.entities[..i]
        .iter()
        .rev()
        .take(64)
        .take_while(|m| m.start >= floor)
        .find(|m| m.end <= s && is_org_label(&m.label) && !doc.inside_quote(m.start));
    // The organisation named last wins: one the gazetteer does not know, named after the gazetteer's ("The
    // Obama aides met a group called Parents United. The group says …"), is the one meant.
    // (The description's first use is looked for in the gazetteer's window only: bounded work per description.)
    if let Some(m) = gazetteer {
        if let Some((ns, ne)) = first_use_span(doc, s, head_w, floor).filter(|&(ns, _)| ns > m.end)
        {
            return Some(organisation_named(doc, ns, ne));
        }
    }
    gazetteer
        .map(|m| Speaker {
            id: m.id.to_string(),
            name: m.name.to_string(),
            label: m.label.to_string(),
            person: None,
        })
        .or_else(|| named_organisation_before(doc, s, sent, head_w))
        .or_else(|| first_use_organisation(doc, s, head_w))
}

/// Heads of descriptions that [`first_use_organisation`] resolves (a medium's are [`named_organisation_before`]'s).
const FIRST_USE_HEADS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "bank",
    "agency",
    "union",
    "club",
];

/// A description of an organisation the gazetteer does not know ("the company"): a text keeps a repeated
/// definite description for one referent, so it names the organisation named last before the description's
/// first use ("Acme's shares fell after a report about the company. … The company said …"): the nearest
/// capitalised name before that first use — in its sentence or the two before, outside quotations — that is not
/// a person of known gender, a gazetteer place or a name after a preposition of place ("in New York"), an
/// all-capitals heading or a lone capitalised word opening a sentence; written in full when the text gives a longer name starting with it ("Acme" → "Acme Mobile").
fn first_use_organisation(doc: &Doc, s: usize, head: &str) -> Option<Speaker> {
    let (ns, ne) = first_use_span(doc, s, head, 0)?;
    Some(organisation_named(doc, ns, ne))
}

/// [`first_use_organisation`]'s name span, the description's first use looked for from byte `lo` on.
fn first_use_span(doc: &Doc, s: usize, head: &str, lo: usize) -> Option<(usize, usize)> {
    if !FIRST_USE_HEADS.contains(&head) {
        return None;
    }
    let text = doc.text;
    let bytes = text.as_bytes();
    let boundary = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut f = s;
    let mut from = lo.min(s);
    while let Some(k) = text[from..s].find(head) {
        let at = from + k;
        from = at + head.len();
        let the = at >= 4 && bytes[at - 4..at].eq_ignore_ascii_case(b"the ");
        if the && (at == 4 || boundary(at - 5)) && boundary(at + head.len()) {
            f = at - 4;
            break;
        }
    }
    let starts = doc.sentence_starts();
    let sent = starts.partition_point(|&x| x <= f);
    let floor = if sent == 0 {
        0
    } else {
        starts[sent.saturating_sub(3)]
    };
    let mut toks = Vec::new();
    tokenize(text, floor, f, &[], true, &mut toks);
    let is_start = |pos: usize| starts.binary_search(&pos).is_ok();
    let mut best = None;
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap() {
            i += 1;
            continue;
        }
        let mut a = i;
        while i < toks.len() && toks[i].cap() {
            i += 1;
        }
        let b = i;
        if text[toks[a].start..toks[a].end].eq_ignore_ascii_case("the") {
            a += 1;
        }
        if a >= b {
            continue;
        }
        let (ns, ne) = (toks[a].start, toks[b - 1].end);
        let poss = toks.get(b).is_some_and(|t| t.kind == Kind::Poss);
        let opening = is_start(toks[a].start) || (a > 0 && is_start(toks[a - 1].start));
        let bad_word = toks[a..b].iter().any(|t| {
            t.cls
                & (NONNAME
                    | PRONOUN
                    | DET
                    | CONJ
                    | PREP
                    | crate::people::lexicon::HONORIFIC
                    | ANY_TITLE)
                != 0
        });
        let caps = toks[a..b]
            .iter()
            .all(|t| t.flags & crate::people::tokens::ALLCAPS != 0);
        let person = doc.people.mention_at(ns, ne).is_some_and(|m| {
            let p = &doc.people.persons[m.person];
            p.confident && p.gender != Gender::Unknown
        });
        let e0 = doc.entities.partition_point(|m| m.end <= ns);
        let place = doc.entities[e0..]
            .iter()
            .take_while(|m| m.start < ne)
            .any(|m| !is_org_label(&m.label));
        let lone_opening = opening && (caps || b - a == 1 && !poss);
        // "in New York", "from Ohio": a place (without a gazetteer, a place reads like an organisation).
        let locative = a > 0
            && matches!(
                &text[toks[a - 1].start..toks[a - 1].end],
                "in" | "at" | "from" | "near" | "across" | "outside" | "inside" | "to"
            );
        let lone_opening = lone_opening || locative;
        let ok = !(bad_word || person || place || lone_opening || doc.inside_quote(ns));
        if ok {
            best = Some((ns, ne));
        }
    }
    best
}

/// How far from an organisation's mention its longer forms are looked for (bytes).
const NAME_REACH: usize = 1 << 16;

/// The organisation named at `ns..ne`, written in full when the text gives a longer name starting with it.
fn organisation_named(doc: &Doc, ns: usize, ne: usize) -> Speaker {
    let text = doc.text;
    let bytes = text.as_bytes();
    let boundary = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut name = &text[ns..ne];
    // The longest form the text gives: the name followed by more capitalised words — within 64 KB of the
    // mention (a whole article; bounded work per description in a huge text).
    let lo = super::marked::floor_boundary(text, ns.saturating_sub(NAME_REACH));
    let hi = super::marked::floor_boundary(text, (ne + NAME_REACH).min(text.len()));
    let mut more = Vec::new();
    let mut from = lo;
    while let Some(k) = text[from..hi].find(name) {
        let at = from + k;
        from = at + name.len();
        if !boundary(from) || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
            continue;
        }
        more.clear();
        crate::people::tokens::tokenize_limited(text, at, text.len(), &[], true, 6, &mut more);
        let n = more
            .iter()
            .take_while(|t| t.cap() && t.cls & (NONNAME | PRONOUN | DET) == 0)
            .count();
        if n > 0 && more[n - 1].end > at + name.len() && !doc.inside_quote(at) {
            name = &text[at..more[n - 1].end];
            break;
        }
        if from >= hi {
            break;
        }
    }
    let name = name.to_string();
    Speaker {
        id: slug(&name),
        name,
        label: "ORG".into(),
        person: None,
    }
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
