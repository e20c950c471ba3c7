//! The saved form of a gazetteer: a small header, then the entries (postcard) and the compiled matcher as
//! raw little-endian arrays, so loading skips normalising, sorting and trie building.
//!
//! ```text
//! magic  b"SAIDWHO-GAZ\0"   12 bytes
//! format version            u32 LE (this build writes and reads FORMAT_VERSION)
//! payload length            u64 LE
//! CRC-32 of the payload     u32 LE
//! payload                   u64 LE length + postcard(options, entries), then the compiled arrays
//!                           (the trie's shape, see `Trie::encode`, and the candidates)
//! ```
//!
//! Loading fails with [`Error::GazetteerFormat`] on a foreign file, a newer format, a truncated or corrupt
//! payload, and checks every index of the compiled arrays, so even a damaged file cannot cause a panic.
use serde::{Deserialize, Serialize};

use super::store::{AliasIn, EntryStore};
use super::trie::{Trie, NONE};
use super::{Cand, CaseMode, FastMap, Gazetteer, Options};
use crate::error::{Error, Result};
use crate::text::Normalizer;

const MAGIC: &[u8; 12] = b"SAIDWHO-GAZ\0";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 12 + 4 + 8 + 4;

/// The entries' layout, as read: borrowing the file's strings (postcard reads `&str` in place), so loading
/// copies each string once, into the gazetteer's string table.
#[derive(Deserialize)]
struct StoredAlias<'a> {
    text: &'a str,
    case: Option<CaseMode>,
    context: bool,
}

#[derive(Deserialize)]
struct StoredEntry<'a> {
    id: &'a str,
    /// Empty when the name is the first alias (it always is an alias).
    name: &'a str,
    /// Index into `Stored::labels`.
    label: u32,
    #[serde(borrow)]
    aliases: Vec<StoredAlias<'a>>,
    priority: f64,
    /// The attributes as a JSON object text ("" for none).
    attrs: &'a str,
}

#[derive(Deserialize)]
struct Stored<'a> {
    options: Options,
    #[serde(borrow)]
    labels: Vec<&'a str>,
    #[serde(borrow)]
    entries: Vec<StoredEntry<'a>>,
}

/// The same layout as [`Stored`], borrowing (serialising without copying every string).
#[derive(Serialize)]
struct StoredRef<'a> {
    options: Options,
    labels: Vec<&'a str>,
    entries: Vec<StoredEntryRef<'a>>,
}

#[derive(Serialize)]
struct StoredAliasRef<'a> {
    text: &'a str,
    case: Option<CaseMode>,
    context: bool,
}

#[derive(Serialize)]
struct StoredEntryRef<'a> {
    id: &'a str,
    name: &'a str,
    label: u32,
    aliases: Vec<StoredAliasRef<'a>>,
    priority: f64,
    attrs: &'a str,
}

fn format_err(msg: impl Into<String>) -> Error {
    Error::GazetteerFormat(msg.into())
}

fn put_u32s(out: &mut Vec<u8>, v: impl ExactSizeIterator<Item = u32>) {
    out.extend_from_slice(&(v.len() as u64).to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

/// Reads the compiled arrays back.
struct Cursor<'a> {
    data: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.data.len() < n {
            return Err(format_err("corrupt: compiled section cut short"));
        }
        let (a, b) = self.data.split_at(n);
        self.data = b;
        Ok(a)
    }
    fn count(&mut self, elem: usize) -> Result<usize> {
        let n = u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes"));
        if n.saturating_mul(elem as u64) > self.data.len() as u64 {
            return Err(format_err("corrupt: array longer than the file"));
        }
        Ok(n as usize)
    }
    fn u32s(&mut self) -> Result<Vec<u32>> {
        let n = self.count(4)?;
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
    fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.count(1)?;
        self.take(n)
    }
}

impl Gazetteer {
    /// Serialise to the versioned binary format (see the module docs of `persist`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut labels: Vec<&str> = Vec::new();
        let mut label_ix: FastMap<&str, u32> = FastMap::default();
        let stored = StoredRef {
            options: self.options,
            entries: self
                .entries()
                .map(|e| StoredEntryRef {
                    id: e.id,
                    name: if e.aliases().next().is_some_and(|a| a.text == e.name) {
                        ""
                    } else {
                        e.name
                    },
                    label: *label_ix.entry(e.label).or_insert_with(|| {
                        labels.push(e.label);
                        (labels.len() - 1) as u32
                    }),
                    aliases: e
                        .aliases()
                        .map(|a| StoredAliasRef {
                            text: a.text,
                            case: a.case,
                            context: a.context,
                        })
                        .collect(),
                    priority: e.priority,
                    attrs: e.attrs_json(),
                })
                .collect(),
            labels,
        };
        let entries = postcard::to_stdvec(&stored).expect("serialising to memory cannot fail");
        let mut payload = Vec::with_capacity(entries.len() + self.matcher_bytes() + 64);
        payload.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        payload.extend_from_slice(&entries);
        payload.push(self.norm.folds_case() as u8);
        let (shape, labels) = self.trie.encode();
        payload.extend_from_slice(&(shape.len() as u64).to_le_bytes());
        for x in shape {
            payload.extend_from_slice(&x.to_le_bytes());
        }
        payload.extend_from_slice(&labels);
        // Candidates: number per terminal, then (entry, alias index, flags) each; exact keys are recomputed.
        put_u32s(
            &mut payload,
            self.term_start
                .windows(2)
                .map(|w| w[1] - w[0])
                .collect::<Vec<_>>()
                .into_iter(),
        );
        payload.extend_from_slice(&(self.cands.len() as u64).to_le_bytes());
        for c in &self.cands {
            payload.extend_from_slice(&c.entry.to_le_bytes());
            payload.extend_from_slice(&c.alias.to_le_bytes());
            payload.push(c.context as u8 | ((c.exact != NONE) as u8) << 1);
        }

        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Load from [`Gazetteer::to_bytes`] output.
    pub fn from_bytes(data: &[u8]) -> Result<Gazetteer> {
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(format_err("not a saidwho gazetteer (bad magic bytes)"));
        }
        if data.len() < HEADER {
            return Err(format_err("truncated header"));
        }
        let version = u32::from_le_bytes(data[12..16].try_into().expect("4 bytes"));
        if version > FORMAT_VERSION {
            return Err(format_err(format!(
                "format version {version} is newer than this saidwho reads ({FORMAT_VERSION}); upgrade saidwho"
            )));
        }
        if version == 0 {
            return Err(format_err("format version 0 is invalid"));
        }
        let len = u64::from_le_bytes(data[16..24].try_into().expect("8 bytes"));
        let crc = u32::from_le_bytes(data[24..28].try_into().expect("4 bytes"));
        let payload = &data[HEADER..];
        if (payload.len() as u64) < len {
            return Err(format_err(format!(
                "truncated: payload has {} of {len} bytes",
                payload.len()
            )));
        }
        if payload.len() as u64 > len {
            return Err(format_err(format!(
                "{} unexpected bytes after the payload",
                payload.len() as u64 - len
            )));
        }
        if crc32fast::hash(payload) != crc {
            return Err(format_err("corrupt: checksum mismatch"));
        }
        let mut cur = Cursor { data: payload };
        let stored_bytes = cur.bytes()?;
        let stored: Stored = postcard::from_bytes(stored_bytes)
            .map_err(|e| format_err(format!("corrupt payload: {e}")))?;
        let n_aliases: usize = stored.entries.iter().map(|e| e.aliases.len()).sum();
        let text_bytes = stored
            .entries
            .iter()
            .map(|e| {
                e.id.len()
                    + e.name.len()
                    + e.attrs.len()
                    + e.aliases.iter().map(|a| a.text.len()).sum::<usize>()
            })
            .sum::<usize>();
        let mut entries = EntryStore::with_capacity(stored.entries.len(), n_aliases, text_bytes);
        for e in &stored.entries {
            if !e.attrs.is_empty()
                && !matches!(
                    serde_json::from_str(e.attrs),
                    Ok(serde_json::Value::Object(_))
                )
            {
                return Err(format_err("corrupt attributes"));
            }
            let label = *stored
                .labels
                .get(e.label as usize)
                .ok_or_else(|| format_err("corrupt label index"))?;
            let name = if e.name.is_empty() {
                e.aliases
                    .first()
                    .ok_or_else(|| format_err("entry without aliases"))?
                    .text
            } else {
                e.name
            };
            entries
                .push(
                    e.id,
                    name,
                    label,
                    e.aliases.iter().map(|a| AliasIn {
                        text: a.text,
                        case: a.case,
                        context: a.context,
                    }),
                    e.priority,
                    e.attrs,
                )
                .map_err(|e| format_err(e.to_string()))?;
        }
        entries.finish();
        let options = stored.options;
        drop(stored);
        let compiled = |m: &str| format_err(format!("corrupt compiled matcher: {m}"));
        let fold_case = match cur.take(1)?[0] {
            0 => false,
            1 => true,
            _ => return Err(compiled("flags")),
        };
        let n_nodes = cur.count(3)?;
        let shape: Vec<u16> = cur
            .take(n_nodes * 2)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let labels = cur.take(n_nodes)?;
        let (trie, n_terms) = Trie::decode(&shape, labels).map_err(|m| compiled(&m))?;
        drop(shape);
        let counts = cur.u32s()?;
        if counts.len() != n_terms as usize {
            return Err(compiled("terminal count"));
        }
        let n_cands = cur.count(9)?;
        let raw = cur.take(n_cands * 9)?;
        if !cur.data.is_empty() {
            return Err(compiled("trailing bytes"));
        }
        let fold_accents = options.accents == super::AccentMode::Fold;
        let exact_norm = Normalizer::new(false, fold_accents);
        let mut cands = Vec::with_capacity(n_cands);
        let mut exact_keys: Vec<Box<[u8]>> = Vec::new();
        for c in raw.chunks_exact(9) {
            let entry = u32::from_le_bytes(c[0..4].try_into().expect("4 bytes"));
            let alias = u32::from_le_bytes(c[4..8].try_into().expect("4 bytes"));
            let flags = c[8];
            if (entry as usize) >= entries.len()
                || alias as usize >= entries.get(entry).n_aliases()
                || flags > 3
            {
                return Err(compiled("candidate out of range"));
            }
            let exact = if flags & 2 != 0 {
                let a = entries.alias(entry, alias);
                exact_keys.push(exact_norm.normalize_bytes(a.text).into_boxed_slice());
                (exact_keys.len() - 1) as u32
            } else {
                NONE
            };
            cands.push(Cand {
                entry,
                alias,
                exact,
                context: flags & 1 != 0,
            });
        }
        let mut term_start = Vec::with_capacity(counts.len() + 1);
        let mut term_checked = Vec::with_capacity(counts.len());
        let mut at = 0usize;
        term_start.push(0u32);
        for &k in &counts {
            let end = at + k as usize;
            if k == 0 || end > cands.len() {
                return Err(compiled("candidate counts"));
            }
            term_checked.push(cands[at..end].iter().any(|c| c.exact != NONE || c.context));
            term_start.push(end as u32);
            at = end;
        }
        if at != cands.len() {
            return Err(compiled("candidate counts"));
        }
        let mut by_id = super::ids::IdIndex::with_capacity(entries.len());
        for i in 0..entries.len() as u32 {
            let id = entries.id(i);
            if by_id.get(id, &entries).is_some() {
                return Err(format_err("corrupt: duplicate entry id"));
            }
            by_id.insert(id, i, &entries);
        }
        let norm = Normalizer::new(fold_case, fold_accents);
        let ascii_start = super::build::ascii_start(&trie, &norm);
        let first = super::first::FirstWords::from_trie(&trie, &norm);
        Ok(Gazetteer {
            n_aliases,
            entries,
            options,
            by_id,
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

    /// Save to a file (see [`Gazetteer::to_bytes`]).
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        std::fs::write(path, self.to_bytes()).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })
    }

    /// Load from a file written by [`Gazetteer::save`].
    pub fn load(path: &std::path::Path) -> Result<Gazetteer> {
        let data = std::fs::read(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Gazetteer::from_bytes(&data).map_err(|e| match e {
            Error::GazetteerFormat(m) => Error::GazetteerFormat(format!("{}: {m}", path.display())),
            e => e,
        })
    }

    /// Read a CSV/TSV table file (see [`read_table`](super::read_table)) and build.
    pub fn from_table_path(
        path: &std::path::Path,
        table: &super::TableOptions,
        options: Options,
    ) -> Result<Gazetteer> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let entries = super::read_table(
            std::io::BufReader::new(file),
            &path.display().to_string(),
            table,
        )?;
        Gazetteer::new(entries, options)
    }
}
