//! Resolution: a speaker mention to the entity, the person of the document or the bare name it names.
use super::marks::RawQuote;
use super::Speaker;
use crate::people::lexicon::{
    FnvMap, ANY_TITLE, CONJ, DET, FIRST_NAME, NONNAME, ORG, PERSON_NOUN, PREP, PRONOUN, PRON_F,
    PRON_M, TITLE_F, TITLE_M,
};
use crate::people::tokens::{tokenize, Kind};
use crate::people::{slug, EntityMention, Gender, People};

/// Resolves a speaker mention to an entity, a person or a bare name.
pub(super) fn resolve(
    text: &str,
    (s, e): (usize, usize),
    entities: &[EntityMention],
    people: &People,
    called: &FnvMap<&str, usize>,
    raw: &[RawQuote],
) -> Option<Speaker> {
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
    // An antecedent is never a name inside a quotation.
    let inside_quote = |pos: usize| {
        let k = raw.partition_point(|q| q.start <= pos);
        k > 0 && raw[k - 1].end > pos
    };
    if toks.len() == 1 && toks[0].kind == Kind::Word && toks[0].cls & PRONOUN != 0 {
        let gender = if toks[0].cls & PRON_M != 0 {
            Gender::Male
        } else if toks[0].cls & PRON_F != 0 {
            Gender::Female
        } else {
            return None;
        };
        let p = people.antecedent(s, gender, inside_quote)?;
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
            if let Some(p) = people.antecedent(s, gender, inside_quote) {
                return Some(person_speaker(people, p));
            }
        }
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
        return Some(Speaker {
            id: slug(&name),
            name,
            label: String::new(),
            person: None,
        });
    }
    None
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
