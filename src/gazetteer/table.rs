//! Gazetteer tables: CSV/TSV files in two layouts, told apart by the first row.
//!
//! - **With a header** (the first row names a column `id` and one of `aliases`, `alias` or `name`): columns
//!   `id`, `name`, `label`, `aliases` (several separated by `alias_sep`, `|` by default), `priority`
//!   (optional float); any other column becomes a string attribute (empty cells are left out).
//! - **Without a header**, one alias per row: `id<TAB>label<TAB>alias` (the layout of the benchmark
//!   gazetteers). Rows with the same id are one entry; its name is its first alias.
//!
//! Rows with the same id merge in both layouts (consecutive rows here, the others when the gazetteer is
//! built). A malformed row is an error naming the source and line.
//!
//! ```
//! use saidwho::gazetteer::{read_table, TableOptions};
//! let tsv = "kyiv\tGPE\tKyiv\nkyiv\tGPE\tKiev\nlviv\tGPE\tLviv\n";
//! let entries = read_table(tsv.as_bytes(), "inline", &TableOptions::tsv()).unwrap();
//! assert_eq!(entries.len(), 2);
//! assert_eq!(entries[0].name, "Kyiv");
//! assert_eq!(entries[0].aliases.len(), 2);
//! ```
use std::io::Read;

use super::{Alias, Entry};
use crate::error::{Error, Result};

/// How a table file is read.
#[derive(Clone, Debug)]
pub struct TableOptions {
    /// Field delimiter (`b','` or `b'\t'`).
    pub delimiter: u8,
    /// Separator of several aliases in one `aliases` cell.
    pub alias_sep: String,
    /// Whether `"` quotes fields (CSV: yes; TSV: no, names may hold quotes).
    pub quoting: bool,
}

impl TableOptions {
    /// Comma-separated, quoted fields, aliases separated by `|`.
    pub fn csv() -> TableOptions {
        TableOptions {
            delimiter: b',',
            alias_sep: "|".to_string(),
            quoting: true,
        }
    }
    /// Tab-separated, no quoting, aliases separated by `|`.
    pub fn tsv() -> TableOptions {
        TableOptions {
            delimiter: b'\t',
            alias_sep: "|".to_string(),
            quoting: false,
        }
    }
}

fn input_err(source: &str, line: u64, msg: impl std::fmt::Display) -> Error {
    Error::GazetteerInput(format!("{source}, line {line}: {msg}"))
}

/// Read a gazetteer table from `reader`; `source` names it in error messages (a path, usually).
pub fn read_table<R: Read>(reader: R, source: &str, opts: &TableOptions) -> Result<Vec<Entry>> {
    if opts.alias_sep.is_empty() {
        return Err(Error::InvalidArgument("alias_sep must not be empty".into()));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(opts.delimiter)
        .quoting(opts.quoting)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut entries: Vec<Entry> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut first = true;
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(input_err(source, line, e));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if first {
            first = false;
            let names: Vec<String> = record.iter().map(|f| f.trim().to_lowercase()).collect();
            let has = |n: &str| names.iter().any(|x| x == n);
            if has("id") && (has("aliases") || has("alias") || has("name")) {
                let mut seen = std::collections::HashSet::new();
                for n in &names {
                    if n.is_empty() {
                        return Err(input_err(source, line, "empty column name in header"));
                    }
                    if !seen.insert(n) {
                        return Err(input_err(source, line, format!("duplicate column {n:?}")));
                    }
                }
                header = Some(names);
                continue;
            }
        }
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        let entry = match &header {
            Some(names) => header_row(&record, names, opts, source, line)?,
            None => {
                if record.len() != 3 {
                    return Err(input_err(
                        source,
                        line,
                        format!(
                            "expected 3 fields id, label, alias (or a header row), found {}",
                            record.len()
                        ),
                    ));
                }
                let (id, label, alias) = (&record[0], &record[1], &record[2]);
                if id.trim().is_empty() {
                    return Err(input_err(source, line, "empty id"));
                }
                if alias.trim().is_empty() {
                    return Err(input_err(source, line, "empty alias"));
                }
                Entry {
                    id: id.trim().to_string(),
                    name: alias.trim().to_string(),
                    label: label.trim().to_string(),
                    aliases: vec![Alias::new(alias.trim())],
                    priority: 0.0,
                    attrs: serde_json::Map::new(),
                }
            }
        };
        // Consecutive rows of one id merge here; `Gazetteer::new` merges any others.
        match entries.last_mut() {
            Some(base) if base.id == entry.id => {
                for a in entry.aliases {
                    if !base.aliases.iter().any(|b| b.text == a.text) {
                        base.aliases.push(a);
                    }
                }
                if base.name.is_empty() {
                    base.name = entry.name;
                }
                for (k, v) in entry.attrs {
                    base.attrs.entry(k).or_insert(v);
                }
            }
            _ => entries.push(entry),
        }
    }
    Ok(entries)
}

fn header_row(
    record: &csv::StringRecord,
    names: &[String],
    opts: &TableOptions,
    source: &str,
    line: u64,
) -> Result<Entry> {
    if record.len() != names.len() {
        return Err(input_err(
            source,
            line,
            format!(
                "expected {} fields as in the header, found {}",
                names.len(),
                record.len()
            ),
        ));
    }
    let mut e = Entry {
        id: String::new(),
        name: String::new(),
        label: String::new(),
        aliases: Vec::new(),
        priority: 0.0,
        attrs: serde_json::Map::new(),
    };
    for (name, value) in names.iter().zip(record.iter()) {
        let v = value.trim();
        match name.as_str() {
            "id" => e.id = v.to_string(),
            "name" => e.name = v.to_string(),
            "label" => e.label = v.to_string(),
            "aliases" | "alias" => {
                if v.is_empty() {
                    continue;
                }
                for a in v.split(opts.alias_sep.as_str()) {
                    if a.trim().is_empty() {
                        return Err(input_err(source, line, format!("empty alias in {v:?}")));
                    }
                    e.aliases.push(Alias::new(a.trim()));
                }
            }
            "priority" => {
                if !v.is_empty() {
                    e.priority =
                        v.parse::<f64>()
                            .ok()
                            .filter(|p| !p.is_nan())
                            .ok_or_else(|| {
                                input_err(source, line, format!("priority {v:?} is not a number"))
                            })?;
                }
            }
            _ => {
                if !v.is_empty() {
                    e.attrs
                        .insert(name.clone(), serde_json::Value::String(v.to_string()));
                }
            }
        }
    }
    if e.id.is_empty() {
        return Err(input_err(source, line, "empty id"));
    }
    if e.name.is_empty() && e.aliases.is_empty() {
        return Err(input_err(source, line, "no name and no alias"));
    }
    Ok(e)
}
