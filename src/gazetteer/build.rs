//! Compile entries into the trie: validate and merge entries, normalise every alias into one key buffer,
//! sort the keys, build the trie in one pass, and lay out the ranked candidates of each key.
use super::ids::IdIndex;
use super::store::EntryStore;
use super::trie::{Trie, NONE};
use super::{Alias, Cand, Entry, Gazetteer, Options};
use crate::error::{Error, Result};
use crate::text::{is_space, Normalizer};

fn trim_in_place(s: &mut String) {
    let t = s.trim_matches(is_space);
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// An entry with nothing on the heap, left behind when an entry is moved out of the input.
fn hollow() -> Entry {
    Entry {
        id: String::new(),
        name: String::new(),
        label: String::new(),
        aliases: Vec::new(),
        priority: 0.0,
        attrs: serde_json::Map::new(),
    }
}

/// Validate, trim and merge entries (same id → one entry), and add each name as an alias. Works in place:
/// no second copy of the entries, and the id index holds numbers only.
fn merge_entries(mut entries: Vec<Entry>) -> Result<(Vec<Entry>, IdIndex)> {
    let mut by_id = IdIndex::with_capacity(entries.len());
    let mut w = 0usize;
    for k in 0..entries.len() {
        let mut e = std::mem::replace(&mut entries[k], hollow());
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
            trim_in_place(&mut a.text);
            if a.text.is_empty() {
                return Err(Error::GazetteerInput(format!(
                    "entry {:?}: empty or blank alias",
                    e.id
                )));
            }
        }
        trim_in_place(&mut e.name);
        if let Some(i) = by_id.get(&e.id, &entries[..w]) {
            let base = &mut entries[i as usize];
            if base.name.is_empty() {
                base.name = e.name.clone();
            }
            if !e.name.is_empty() {
                e.aliases.push(Alias::new(e.name));
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
            continue;
        }
        // Duplicates collapse (the first spelling and its options win); the name leads unless listed.
        if e.aliases.len() > 1 {
            let mut j = 1;
            while j < e.aliases.len() {
                if e.aliases[..j].iter().any(|b| b.text == e.aliases[j].text) {
                    e.aliases.remove(j);
                } else {
                    j += 1;
                }
            }
        }
        if !e.name.is_empty() && !e.aliases.iter().any(|a| a.text == e.name) {
            e.aliases.insert(0, Alias::new(e.name.clone()));
        }
        if e.name.is_empty() {
            match e.aliases.first() {
                Some(a) => e.name = a.text.clone(),
                None => {
                    return Err(Error::GazetteerInput(format!(
                        "entry {:?}: no name and no alias",
                        e.id
                    )))
                }
            }
        }
        entries[w] = e;
        by_id.insert(&entries[w].id, w as u32, &entries[..=w]);
        w += 1;
    }
    entries.truncate(w);
    entries.shrink_to_fit();
    Ok((entries, by_id))
}

/// One alias: its key in the trie's normal form (`buf[off..off+len]`), and its candidate.
struct KeyRow {
    /// The key's first 8 bytes, big-endian, zero-padded: most comparisons end here.
    prefix: u64,
    off: u32,
    len: u32,
    cand: Cand,
    /// Whether the candidate is case-sensitive under a case-folding trie (verified on each hit).
    verify: bool,
}

pub(super) fn build(entries: Vec<Entry>, options: Options) -> Result<Gazetteer> {
    let (entries, by_id) = merge_entries(entries)?;
    let fold_accents = options.accents == super::AccentMode::Fold;
    let is_sensitive = |a: &Alias| a.case.unwrap_or(options.case).is_sensitive_for(&a.text);
    // The trie folds case if any alias is case-insensitive.
    let fold_case = entries
        .iter()
        .flat_map(|e| &e.aliases)
        .any(|a| !is_sensitive(a));
    let norm = Normalizer::new(fold_case, fold_accents);
    let exact_norm = Normalizer::new(false, fold_accents);
    let n_aliases: usize = entries.iter().map(|e| e.aliases.len()).sum();
    let mut buf: Vec<u8> = Vec::with_capacity(n_aliases * 12);
    let mut rows: Vec<KeyRow> = Vec::with_capacity(n_aliases);
    for (ei, e) in entries.iter().enumerate() {
        for (ai, a) in e.aliases.iter().enumerate() {
            let off = buf.len();
            norm.normalize_into(&a.text, &mut buf);
            if buf.len() == off {
                return Err(Error::GazetteerInput(format!(
                    "entry {:?}: alias {:?} is empty once normalised",
                    e.id, a.text
                )));
            }
            if buf.len() > u32::MAX as usize {
                return Err(Error::GazetteerInput("aliases too large (> 4 GB)".into()));
            }
            let mut p = [0u8; 8];
            let head = &buf[off..buf.len().min(off + 8)];
            p[..head.len()].copy_from_slice(head);
            rows.push(KeyRow {
                prefix: u64::from_be_bytes(p),
                off: off as u32,
                len: (buf.len() - off) as u32,
                cand: Cand {
                    entry: ei as u32,
                    alias: ai as u32,
                    exact: NONE,
                    context: a.context,
                },
                verify: fold_case && is_sensitive(a),
            });
        }
    }
    let key = |r: &KeyRow| &buf[r.off as usize..(r.off + r.len) as usize];
    let prio = |r: &KeyRow| entries[r.cand.entry as usize].priority;
    rows.sort_unstable_by(|a, b| {
        a.prefix
            .cmp(&b.prefix)
            .then_with(|| key(a).cmp(key(b)))
            .then_with(|| prio(b).total_cmp(&prio(a)))
            .then_with(|| a.cand.entry.cmp(&b.cand.entry))
            .then_with(|| a.cand.alias.cmp(&b.cand.alias))
    });
    let mut term_start: Vec<u32> = Vec::with_capacity(rows.len() + 1);
    let mut term_checked: Vec<bool> = Vec::with_capacity(rows.len());
    let mut cands: Vec<Cand> = Vec::with_capacity(rows.len());
    let mut exact_keys: Vec<Box<[u8]>> = Vec::new();
    let mut key_rows: Vec<u32> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let mut j = i + 1;
        while j < rows.len() && key(&rows[j]) == key(&rows[i]) {
            j += 1;
        }
        term_start.push(cands.len() as u32);
        key_rows.push(i as u32);
        let mut checked = false;
        let group_start = cands.len();
        for row in &rows[i..j] {
            let unconditional = !row.verify && !row.cand.context;
            // A candidate of an entry already listed unconditionally adds nothing.
            let dup = cands[group_start..]
                .iter()
                .any(|c: &Cand| c.entry == row.cand.entry && c.exact == NONE && !c.context);
            if dup {
                continue;
            }
            let mut cand = row.cand;
            if row.verify {
                let a = &entries[cand.entry as usize].aliases[cand.alias as usize];
                cand.exact = exact_keys.len() as u32;
                exact_keys.push(exact_norm.normalize_bytes(&a.text).into_boxed_slice());
            }
            checked |= !unconditional;
            cands.push(cand);
        }
        term_checked.push(checked);
        i = j;
    }
    term_start.push(cands.len() as u32);
    let trie = Trie::build(key_rows.iter().map(|&r| key(&rows[r as usize])));
    let ascii_start = ascii_start(&trie, &norm);
    let first = super::first::FirstWords::from_trie(&trie, &norm);
    drop(rows);
    drop(buf);
    let entries = intern(entries)?;
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
        first,
    })
}

/// Move the entries into one string table (each entry is dropped as soon as it is copied).
fn intern(entries: Vec<Entry>) -> Result<EntryStore> {
    let n_aliases = entries.iter().map(|e| e.aliases.len()).sum();
    let bytes: usize = entries
        .iter()
        .map(|e| e.id.len() + e.aliases.iter().map(|a| a.text.len()).sum::<usize>())
        .sum();
    let mut store = EntryStore::with_capacity(entries.len(), n_aliases, bytes + bytes / 8);
    for e in entries {
        store.push_entry(&e)?;
    }
    store.finish();
    Ok(store)
}

/// For each ASCII char: may a key start with it?
pub(super) fn ascii_start(trie: &Trie, norm: &Normalizer) -> [bool; 128] {
    let mut out = [false; 128];
    for (b, slot) in out.iter_mut().enumerate() {
        let nb = norm.ascii(b as u8);
        *slot = nb != crate::text::normalize::ASCII_SPACE && trie.child(trie.root(), nb) != 0;
    }
    out
}
