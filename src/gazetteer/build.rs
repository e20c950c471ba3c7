//! Compile entries into the trie: validate and merge entries, normalise every alias, sort the keys, build
//! the trie in one pass, and lay out the ranked candidates of each key.
use std::collections::HashMap;

use super::trie::{Trie, NONE};
use super::{Cand, Entry, Gazetteer, Options};
use crate::error::{Error, Result};
use crate::text::{is_space, Normalizer};

fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Validate, trim and merge entries (same id → one entry), and add each name as an alias.
fn merge_entries(entries: Vec<Entry>) -> Result<(Vec<Entry>, HashMap<String, u32>)> {
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut by_id: HashMap<String, u32> = HashMap::with_capacity(entries.len());
    for (k, mut e) in entries.into_iter().enumerate() {
        if e.id.is_empty() {
            return Err(Error::GazetteerInput(format!("entry {k}: empty id")));
        }
        if e.priority.is_nan() {
            return Err(Error::GazetteerInput(format!(
                "entry {:?}: priority is NaN",
                e.id
            )));
        }
        for a in e.aliases.iter_mut() {
            let t = trim(&a.text);
            if t.is_empty() {
                return Err(Error::GazetteerInput(format!(
                    "entry {:?}: empty or blank alias {:?}",
                    e.id, a.text
                )));
            }
            if t.len() != a.text.len() {
                a.text = t.to_string();
            }
        }
        let name = trim(&e.name);
        if name.len() != e.name.len() {
            e.name = name.to_string();
        }
        match by_id.get(&e.id) {
            Some(&i) => {
                let base = &mut out[i as usize];
                if base.name.is_empty() {
                    base.name = e.name.clone();
                }
                if !e.name.is_empty() {
                    e.aliases.push(super::Alias::new(e.name));
                }
                for a in e.aliases {
                    if !base.aliases.iter().any(|b| b.text == a.text) {
                        base.aliases.push(a);
                    }
                }
                for (k, v) in e.attrs {
                    base.attrs.entry(k).or_insert(v);
                }
                if base.label.is_empty() {
                    base.label = e.label;
                }
            }
            None => {
                let mut aliases: Vec<super::Alias> = Vec::with_capacity(e.aliases.len() + 1);
                if !e.name.is_empty() && !e.aliases.iter().any(|a| a.text == e.name) {
                    aliases.push(super::Alias::new(e.name.clone()));
                }
                for a in e.aliases {
                    if !aliases.iter().any(|b| b.text == a.text) {
                        aliases.push(a);
                    }
                }
                if e.name.is_empty() {
                    match aliases.first() {
                        Some(a) => e.name = a.text.clone(),
                        None => {
                            return Err(Error::GazetteerInput(format!(
                                "entry {:?}: no name and no alias",
                                e.id
                            )))
                        }
                    }
                }
                e.aliases = aliases;
                by_id.insert(e.id.clone(), out.len() as u32);
                out.push(e);
            }
        }
    }
    Ok((out, by_id))
}

struct KeyRow {
    key: Vec<u8>,
    cand: Cand,
    /// The exact (case-kept) key if this candidate is verified.
    exact: Option<Vec<u8>>,
}

pub(super) fn build(entries: Vec<Entry>, options: Options) -> Result<Gazetteer> {
    let (entries, by_id) = merge_entries(entries)?;
    let fold_accents = options.accents == super::AccentMode::Fold;
    // Case of each alias, and whether the trie must fold case at all.
    let sensitive: Vec<Vec<bool>> = entries
        .iter()
        .map(|e| {
            e.aliases
                .iter()
                .map(|a| a.case.unwrap_or(options.case).is_sensitive_for(&a.text))
                .collect()
        })
        .collect();
    let fold_case = sensitive.iter().flatten().any(|s| !s);
    let norm = Normalizer::new(fold_case, fold_accents);
    let exact_norm = Normalizer::new(false, fold_accents);
    let n_aliases: usize = entries.iter().map(|e| e.aliases.len()).sum();
    let mut rows: Vec<KeyRow> = Vec::with_capacity(n_aliases);
    for (ei, e) in entries.iter().enumerate() {
        for (ai, a) in e.aliases.iter().enumerate() {
            let key = norm.normalize_bytes(&a.text);
            if key.is_empty() {
                return Err(Error::GazetteerInput(format!(
                    "entry {:?}: alias {:?} is empty once normalised",
                    e.id, a.text
                )));
            }
            let verify = fold_case && sensitive[ei][ai];
            rows.push(KeyRow {
                key,
                cand: Cand {
                    entry: ei as u32,
                    alias: ai as u32,
                    exact: NONE,
                    context: a.context,
                },
                exact: verify.then(|| exact_norm.normalize_bytes(&a.text)),
            });
        }
    }
    let prio = |r: &KeyRow| entries[r.cand.entry as usize].priority;
    rows.sort_unstable_by(|a, b| {
        a.key
            .cmp(&b.key)
            .then_with(|| prio(b).total_cmp(&prio(a)))
            .then_with(|| a.cand.entry.cmp(&b.cand.entry))
            .then_with(|| a.cand.alias.cmp(&b.cand.alias))
    });
    let mut term_start: Vec<u32> = Vec::new();
    let mut term_checked: Vec<bool> = Vec::new();
    let mut cands: Vec<Cand> = Vec::with_capacity(rows.len());
    let mut exact_keys: Vec<Box<[u8]>> = Vec::new();
    let mut key_ix: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i + 1;
        while j < rows.len() && rows[j].key == rows[i].key {
            j += 1;
        }
        term_start.push(cands.len() as u32);
        key_ix.push(i);
        let mut checked = false;
        let group_start = cands.len();
        for row in rows[i..j].iter_mut() {
            let unconditional = row.exact.is_none() && !row.cand.context;
            // A candidate of an entry already listed unconditionally adds nothing.
            let dup = cands[group_start..]
                .iter()
                .any(|c: &Cand| c.entry == row.cand.entry && c.exact == NONE && !c.context);
            if dup {
                continue;
            }
            let mut cand = row.cand;
            if let Some(ex) = row.exact.take() {
                cand.exact = exact_keys.len() as u32;
                exact_keys.push(ex.into_boxed_slice());
            }
            checked |= !unconditional;
            cands.push(cand);
        }
        term_checked.push(checked);
        i = j;
    }
    term_start.push(cands.len() as u32);
    let trie = Trie::build(key_ix.iter().map(|&i| rows[i].key.as_slice()));
    let mut ascii_start = [false; 128];
    for (b, slot) in ascii_start.iter_mut().enumerate() {
        let nb = norm.ascii(b as u8);
        *slot = nb != crate::text::normalize::ASCII_SPACE && trie.child(Trie::ROOT, nb) != NONE;
    }
    Ok(Gazetteer {
        entries,
        options,
        by_id,
        n_aliases,
        trie,
        norm,
        exact_norm,
        term_start,
        term_checked,
        cands,
        exact_keys,
        ascii_start,
    })
}
