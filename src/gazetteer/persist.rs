//! The saved form of a gazetteer: a small header, then a postcard payload of the options and entries.
//!
//! ```text
//! magic  b"SAIDWHO-GAZ\0"   12 bytes
//! format version            u32 little-endian (this build writes and reads FORMAT_VERSION)
//! payload length            u64 little-endian
//! CRC-32 of the payload     u32 little-endian
//! payload                   postcard(Stored)
//! ```
//!
//! Loading checks each part and fails with [`Error::GazetteerFormat`] on a foreign file, a newer format,
//! a truncated or corrupt payload. The matcher is rebuilt from the entries on load.
use serde::{Deserialize, Serialize};

use super::{Alias, CaseMode, Entry, Gazetteer, Options};
use crate::error::{Error, Result};

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
        let payload = postcard::to_stdvec(&stored).expect("serialising to memory cannot fail");
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
        let stored: Stored = postcard::from_bytes(payload)
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
        Gazetteer::new(entries, stored.options)
            .map_err(|e| format_err(format!("invalid content: {e}")))
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
