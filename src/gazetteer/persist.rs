//! The saved form of a gazetteer: a small header, then the entries (postcard) and the compiled matcher as
//! raw little-endian arrays, so loading skips normalising, sorting and trie building.
//!
//! ```text
//! magic  b"SAIDWHO-GAZ\0"   12 bytes
//! format version            u32 LE (this build writes and reads FORMAT_VERSION)
//! payload length            u64 LE
//! CRC-32 of the payload     u32 LE
//! payload                   u64 LE length + postcard(options, entries), then the compiled arrays
//!                           (each: u64 LE count + elements LE)
//! ```
//!
//! Loading fails with [`Error::GazetteerFormat`] on a foreign file, a newer format, a truncated or corrupt
//! payload, and checks every index of the compiled arrays, so even a damaged file cannot cause a panic.
use serde::{Deserialize, Serialize};

use super::trie::{Trie, NONE};
use super::{Alias, Cand, CaseMode, Entry, FastMap, Gazetteer, Options};
use crate::error::{Error, Result};
use crate::text::Normalizer;

const MAGIC: &[u8; 12] = b"SAIDWHO-GAZ\0";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 12 + 4 + 8 + 4;

#[derive(Serialize, Deserialize)]
struct StoredAlias {
    text: String,
    case: Option<CaseMode>,
    context: bool,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: String,
    name: String,
    label: String,
    aliases: Vec<StoredAlias>,
    priority: f64,
    /// The attributes as a JSON object text ("" for none).
    attrs: String,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    options: Options,
    entries: Vec<StoredEntry>,
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
    fn u64s(&mut self) -> Result<Vec<u64>> {
        let n = self.count(8)?;
        Ok(self
            .take(n * 8)?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
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
        let stored = Stored {
            options: self.options,
            entries: self
                .entries
                .iter()
                .map(|e| StoredEntry {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    label: e.label.clone(),
                    aliases: e
                        .aliases
                        .iter()
                        .map(|a| StoredAlias {
                            text: a.text.clone(),
                            case: a.case,
                            context: a.context,
                        })
                        .collect(),
                    priority: e.priority,
                    attrs: if e.attrs.is_empty() {
                        String::new()
                    } else {
                        serde_json::Value::Object(e.attrs.clone()).to_string()
                    },
                })
                .collect(),
        };
        let entries = postcard::to_stdvec(&stored).expect("serialising to memory cannot fail");
        let mut payload = Vec::with_capacity(entries.len() + self.matcher_bytes() + 64);
        payload.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        payload.extend_from_slice(&entries);
        payload.push(self.norm.folds_case() as u8);
        let (nodes, edges, dense) = self.trie.parts();
        put_u32s(&mut payload, nodes.into_iter());
        payload.extend_from_slice(&(edges.len() as u64).to_le_bytes());
        for e in edges {
            payload.extend_from_slice(&e.to_le_bytes());
        }
        put_u32s(&mut payload, dense.iter().copied());
        put_u32s(&mut payload, self.term_start.iter().copied());
        payload.extend_from_slice(&(self.term_checked.len() as u64).to_le_bytes());
        payload.extend(self.term_checked.iter().map(|&b| b as u8));
        let cand_words: Vec<u32> = self
            .cands
            .iter()
            .flat_map(|c| [c.entry, c.alias, c.exact, c.context as u32])
            .collect();
        put_u32s(&mut payload, cand_words.into_iter());
        let mut offsets = vec![0u32];
        let mut bytes = Vec::new();
        for k in &self.exact_keys {
            bytes.extend_from_slice(k);
            offsets.push(bytes.len() as u32);
        }
        put_u32s(&mut payload, offsets.into_iter());
        payload.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        payload.extend_from_slice(&bytes);

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
        let mut entries = Vec::with_capacity(stored.entries.len());
        for e in stored.entries {
            let attrs = if e.attrs.is_empty() {
                serde_json::Map::new()
            } else {
                match serde_json::from_str(&e.attrs) {
                    Ok(serde_json::Value::Object(m)) => m,
                    _ => return Err(format_err("corrupt attributes")),
                }
            };
            entries.push(Entry {
                id: e.id,
                name: e.name,
                label: e.label,
                aliases: e
                    .aliases
                    .into_iter()
                    .map(|a| Alias {
                        text: a.text,
                        case: a.case,
                        context: a.context,
                    })
                    .collect(),
                priority: e.priority,
                attrs,
            });
        }
        let compiled = |m: &str| format_err(format!("corrupt compiled matcher: {m}"));
        let fold_case = match cur.take(1)?[0] {
            0 => false,
            1 => true,
            _ => return Err(compiled("flags")),
        };
        let nodes = cur.u32s()?;
        let edges = cur.u64s()?;
        let dense = cur.u32s()?;
        let term_start = cur.u32s()?;
        let term_checked: Vec<bool> = cur.bytes()?.iter().map(|&b| b != 0).collect();
        let cand_words = cur.u32s()?;
        let offsets = cur.u32s()?;
        let key_bytes = cur.bytes()?;
        if !cur.data.is_empty() {
            return Err(compiled("trailing bytes"));
        }
        let n_terms = term_checked.len();
        if term_start.len() != n_terms + 1
            || term_start.windows(2).any(|w| w[0] > w[1])
            || cand_words.len() % 4 != 0
            || *term_start.last().unwrap_or(&1) as usize != cand_words.len() / 4
            || term_start.first() != Some(&0)
            || offsets.first() != Some(&0)
            || offsets.windows(2).any(|w| w[0] > w[1])
            || *offsets.last().unwrap_or(&0) as usize != key_bytes.len()
        {
            return Err(compiled("tables"));
        }
        let n_exact = offsets.len() - 1;
        let mut cands = Vec::with_capacity(cand_words.len() / 4);
        for c in cand_words.chunks_exact(4) {
            let (entry, alias, exact) = (c[0], c[1], c[2]);
            let ok = (entry as usize) < entries.len()
                && (alias as usize) < entries[entry as usize].aliases.len()
                && (exact == NONE || (exact as usize) < n_exact)
                && c[3] <= 1;
            if !ok {
                return Err(compiled("candidate out of range"));
            }
            cands.push(Cand {
                entry,
                alias,
                exact,
                context: c[3] == 1,
            });
        }
        let exact_keys = offsets
            .windows(2)
            .map(|w| {
                key_bytes[w[0] as usize..w[1] as usize]
                    .to_vec()
                    .into_boxed_slice()
            })
            .collect();
        let trie =
            Trie::from_parts(&nodes, edges, dense, n_terms as u32).map_err(|m| compiled(&m))?;
        drop(nodes);
        let mut by_id: FastMap<String, u32> = FastMap::default();
        by_id.reserve(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_id.insert(e.id.clone(), i as u32);
        }
        let fold_accents = stored.options.accents == super::AccentMode::Fold;
        let norm = Normalizer::new(fold_case, fold_accents);
        let ascii_start = super::build::ascii_start(&trie, &norm);
        Ok(Gazetteer {
            n_aliases: entries.iter().map(|e| e.aliases.len()).sum(),
            entries,
            options: stored.options,
            by_id,
            trie,
            norm,
            exact_norm: Normalizer::new(false, fold_accents),
            term_start,
            term_checked,
            cands,
            exact_keys,
            ascii_start,
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
