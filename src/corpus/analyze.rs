//! One call for a whole document: gazetteer entities, then people and quotations resolved against them.
//!
//! ```
//! use saidwho::corpus::analyze::analyze;
//! use saidwho::gazetteer::{Entry, Gazetteer, Options};
//! use saidwho::quotes::QuoteOptions;
//!
//! let gaz = Gazetteer::new(
//!     vec![Entry::new("putin", "Vladimir Putin", "PERSON", &["Putin", "Vladimir Putin"])],
//!     Options::default(),
//! )
//! .unwrap();
//! let text = "“It is extremely difficult,” Putin said.";
//! let a = analyze(text, Some(&gaz), &QuoteOptions::default());
//! assert_eq!(&text[a.entities[0].start..a.entities[0].end], "Putin");
//! let q = &a.quotes.quotes[0];
//! assert_eq!(a.quotes.speaker_id(q), Some("putin"));
//! ```
use crate::gazetteer::{Gazetteer, Match};
use crate::people::EntityMention;
use crate::quotes::{extract, thread_pool, QuoteOptions, QuoteResult};
use crate::Result;

/// Everything found in one text (byte offsets).
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Gazetteer mentions, leftmost-longest, in text order.
    pub entities: Vec<Match>,
    /// Quotations with their resolved speakers, and the people of the text.
    pub quotes: QuoteResult,
}

/// The gazetteer mentions of `matches` as the entity mentions the later stages read.
pub fn entity_mentions<'g>(gaz: &'g Gazetteer, matches: &[Match]) -> Vec<EntityMention<'g>> {
    matches
        .iter()
        .map(|m| {
            let e = gaz.entry(m.entry);
            EntityMention {
                start: m.start,
                end: m.end,
                id: e.id.into(),
                name: e.name.into(),
                label: e.label.into(),
            }
        })
        .collect()
}

/// Analyse one text: entities (when a gazetteer is given), people, quotations and speakers.
pub fn analyze(text: &str, gaz: Option<&Gazetteer>, opts: &QuoteOptions) -> Analysis {
    let mut entities = gaz.map_or_else(Vec::new, |g| g.find_str(text, false));
    let mentions = gaz.map_or_else(Vec::new, |g| entity_mentions(g, &entities));
    let quotes = extract(text, &mentions, opts);
    // A place or organisation named like a person the document names in full ("Lincoln" after "Abraham
    // Lincoln") is that person's mention: not listed as the place (mentions and entities are in step).
    let called = quotes.people.called(text);
    if !entities.is_empty() && !called.is_empty() {
        let mut k = 0;
        entities.retain(|_| {
            let m = &mentions[k];
            k += 1;
            m.is_person() || !called.contains_key(&text[m.start..m.end])
        });
    }
    Analysis { entities, quotes }
}

/// [`analyze`] over many texts in parallel (`n_threads`, all cores when `None`); `None` texts (missing values)
/// give empty analyses, so results stay aligned with the input.
pub fn analyze_batch(
    texts: &[Option<&str>],
    gaz: Option<&Gazetteer>,
    opts: &QuoteOptions,
    n_threads: Option<usize>,
) -> Result<Vec<Analysis>> {
    use rayon::prelude::*;
    let pool = thread_pool(n_threads)?;
    Ok(pool.install(|| {
        texts
            .par_iter()
            .map(|t| t.map_or_else(Analysis::default, |t| analyze(t, gaz, opts)))
            .collect()
    }))
}

/// [`analyze_batch`] with each document isolated: a document whose analysis panics (a bug) gives
/// `Err(message)` in its place and the others their analyses, so one bad text never loses a batch.
pub fn analyze_batch_isolated(
    texts: &[Option<&str>],
    gaz: Option<&Gazetteer>,
    opts: &QuoteOptions,
    n_threads: Option<usize>,
) -> Result<Vec<std::result::Result<Analysis, String>>> {
    use rayon::prelude::*;
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let one = |t: &Option<&str>| {
        catch_unwind(AssertUnwindSafe(|| {
            t.map_or_else(Analysis::default, |t| analyze(t, gaz, opts))
        }))
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into())
        })
    };
    Ok(thread_pool(n_threads)?.install(|| texts.par_iter().map(one).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Entry, Options};

    fn gaz() -> Gazetteer {
        Gazetteer::new(
            vec![
                Entry::new(
                    "putin",
                    "Vladimir Putin",
                    "PERSON",
                    &["Putin", "Vladimir Putin"],
                ),
                Entry::new("ukraine", "Ukraine", "GPE", &["Ukraine"]),
            ],
            Options::default(),
        )
        .unwrap()
    }

    #[test]
    fn entities_and_resolved_speakers() {
        let text = "Vladimir Putin spoke about Ukraine.\n“We will see,” Putin said.";
        let a = analyze(text, Some(&gaz()), &QuoteOptions::default());
        let found: Vec<&str> = a.entities.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Vladimir Putin", "Ukraine", "Putin"]);
        let q = &a.quotes.quotes[0];
        assert_eq!(&text[q.start..q.end], "We will see,");
        assert_eq!(a.quotes.speaker_id(q), Some("putin"));
    }

    #[test]
    fn a_place_named_like_the_person_of_the_document_is_the_person() {
        // The shared corpus's Abraham Lincoln article: the default gazetteer's "Lincoln" (Nebraska; a context
        // alias, so not matched sentence-initially) was listed as a place and resolved speakers to the town.
        let mut lincoln = Entry::new("city:lincoln", "Lincoln", "GPE", &[]);
        lincoln.aliases = vec![crate::gazetteer::Alias {
            text: "Lincoln".into(),
            case: Some(crate::gazetteer::CaseMode::Sensitive),
            context: true,
        }];
        let g = Gazetteer::new(vec![lincoln], Options::default()).unwrap();
        let text = "Abraham Lincoln was the 16th President of the United States. Lincoln led the country \
                    through its Civil War.\nBorn in Hodgenville, Kentucky, Lincoln grew up on the western \
                    frontier.\n“A house divided against itself cannot stand,” Kentucky's Lincoln said.";
        let a = analyze(text, Some(&g), &QuoteOptions::default());
        let found: Vec<&str> = a.entities.iter().map(|m| &text[m.start..m.end]).collect();
        assert!(found.is_empty(), "{found:?}");
        let q = &a.quotes.quotes[0];
        assert_eq!(a.quotes.speaker_id(q), Some("abraham_lincoln"));
        // without the person, the town stays a town
        let town = "Officials in Kentucky and in Lincoln, Nebraska, met on Monday.";
        assert_eq!(
            analyze(town, Some(&g), &QuoteOptions::default())
                .entities
                .len(),
            1
        );
    }

    #[test]
    fn batch_keeps_order_and_missing_texts() {
        let g = gaz();
        let texts = [Some("Ukraine."), None, Some(""), Some("“Yes,” Putin said.")];
        let out = analyze_batch(&texts, Some(&g), &QuoteOptions::default(), Some(2)).unwrap();
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].entities.len(), 1);
        assert!(out[1].entities.is_empty() && out[1].quotes.quotes.is_empty());
        assert_eq!(out[3].quotes.quotes.len(), 1);
        for (t, a) in texts.iter().zip(&out) {
            let single = t.map(|t| analyze(t, Some(&g), &QuoteOptions::default()));
            assert_eq!(
                single.map(|s| s.entities.len()).unwrap_or(0),
                a.entities.len()
            );
        }
    }
}
