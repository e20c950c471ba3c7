//! The entries of a compiled gazetteer, interned: every id, name, label, alias and attribute text lives in
//! one string table, and the records hold `u32` offsets into it (no `String`, `Vec` or map per entry). A name
//! equal to an alias shares its bytes, each distinct label is stored once, and the attributes are kept as
//! their JSON text (parsed only when asked for). [`EntryRef`] and [`AliasRef`] are the borrowed views.
use super::{Alias, CaseMode, Entry};
use crate::error::{Error, Result};

/// A string in the table: `text[off..off + len]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    off: u32,
    len: u32,
}

#[derive(Clone, Copy, Debug)]
struct Rec {
    id: Span,
    name: Span,
    /// Empty: no attributes.
    attrs: Span,
    /// Index into `labels`.
    label: u32,
    /// The entry's aliases are `aliases[alias_start .. next entry's alias_start]`.
    alias_start: u32,
    priority: f64,
}

#[derive(Clone, Copy, Debug)]
struct AliasRec {
    text: Span,
    /// 0 = none, else 1 + the CaseMode's index.
    case: u8,
    context: bool,
}

fn case_code(c: Option<CaseMode>) -> u8 {
    match c {
        None => 0,
        Some(CaseMode::Smart) => 1,
        Some(CaseMode::Insensitive) => 2,
        Some(CaseMode::Sensitive) => 3,
    }
}

fn case_of(code: u8) -> Option<CaseMode> {
    match code {
        1 => Some(CaseMode::Smart),
        2 => Some(CaseMode::Insensitive),
        3 => Some(CaseMode::Sensitive),
        _ => None,
    }
}

/// The interned entries.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntryStore {
    text: String,
    recs: Vec<Rec>,
    aliases: Vec<AliasRec>,
    labels: Vec<Span>,
    /// Label text → index (only while building).
    label_ix: super::FastMap<Box<str>, u32>,
}

/// One alias being added: its text and options.
pub(crate) struct AliasIn<'a> {
    pub text: &'a str,
    pub case: Option<CaseMode>,
    pub context: bool,
}

impl EntryStore {
    /// An empty store for about `n` entries and `n_aliases` aliases.
    pub fn with_capacity(n: usize, n_aliases: usize, text_bytes: usize) -> EntryStore {
        EntryStore {
            text: String::with_capacity(text_bytes),
            recs: Vec::with_capacity(n),
            aliases: Vec::with_capacity(n_aliases),
            ..EntryStore::default()
        }
    }

    fn put(&mut self, s: &str) -> Result<Span> {
        let off = self.text.len();
        if off + s.len() > u32::MAX as usize {
            return Err(Error::GazetteerInput(
                "gazetteer texts too large (> 4 GB)".into(),
            ));
        }
        self.text.push_str(s);
        Ok(Span {
            off: off as u32,
            len: s.len() as u32,
        })
    }

    /// Add an entry. `attrs_json` is the attributes' JSON object text ("" for none). A name equal to one of
    /// the aliases shares its bytes.
    pub fn push<'a>(
        &mut self,
        id: &str,
        name: &str,
        label: &str,
        aliases: impl Iterator<Item = AliasIn<'a>>,
        priority: f64,
        attrs_json: &str,
    ) -> Result<()> {
        if self.aliases.len() > u32::MAX as usize - 1 || self.recs.len() >= u32::MAX as usize - 1 {
            return Err(Error::GazetteerInput("too many entries or aliases".into()));
        }
        let id = self.put(id)?;
        let alias_start = self.aliases.len() as u32;
        let mut name_span = None;
        for a in aliases {
            let text = self.put(a.text)?;
            if name_span.is_none() && a.text == name {
                name_span = Some(text);
            }
            self.aliases.push(AliasRec {
                text,
                case: case_code(a.case),
                context: a.context,
            });
        }
        let name = match name_span {
            Some(s) => s,
            None => self.put(name)?,
        };
        let label = match self.label_ix.get(label) {
            Some(&l) => l,
            None => {
                let span = self.put(label)?;
                self.labels.push(span);
                let l = (self.labels.len() - 1) as u32;
                self.label_ix.insert(label.into(), l);
                l
            }
        };
        let attrs = self.put(attrs_json)?;
        self.recs.push(Rec {
            id,
            name,
            attrs,
            label,
            alias_start,
            priority,
        });
        Ok(())
    }

    /// Add an [`Entry`].
    pub fn push_entry(&mut self, e: &Entry) -> Result<()> {
        let attrs = if e.attrs.is_empty() {
            String::new()
        } else {
            serde_json::Value::Object(e.attrs.clone()).to_string()
        };
        self.push(
            &e.id,
            &e.name,
            &e.label,
            e.aliases.iter().map(|a| AliasIn {
                text: &a.text,
                case: a.case,
                context: a.context,
            }),
            e.priority,
            &attrs,
        )
    }

    /// Drop the building helpers and spare capacity.
    pub fn finish(&mut self) {
        self.label_ix = Default::default();
        self.text.shrink_to_fit();
        self.recs.shrink_to_fit();
        self.aliases.shrink_to_fit();
        self.labels.shrink_to_fit();
    }

    #[inline]
    fn s(&self, sp: Span) -> &str {
        &self.text[sp.off as usize..(sp.off + sp.len) as usize]
    }

    /// Number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    /// The id of entry `i`.
    #[inline]
    pub fn id(&self, i: u32) -> &str {
        self.s(self.recs[i as usize].id)
    }

    fn alias_range(&self, i: u32) -> std::ops::Range<usize> {
        let a = self.recs[i as usize].alias_start as usize;
        let b = self
            .recs
            .get(i as usize + 1)
            .map_or(self.aliases.len(), |r| r.alias_start as usize);
        a..b
    }

    /// Entry `i`.
    #[inline]
    pub fn get(&self, i: u32) -> EntryRef<'_> {
        let r = &self.recs[i as usize];
        EntryRef {
            id: self.s(r.id),
            name: self.s(r.name),
            label: self.s(self.labels[r.label as usize]),
            priority: r.priority,
            store: self,
            index: i,
        }
    }

    /// Alias `k` of entry `i`.
    #[inline]
    pub fn alias(&self, i: u32, k: u32) -> AliasRef<'_> {
        let a = self.aliases[self.alias_range(i).start + k as usize];
        AliasRef {
            text: self.s(a.text),
            case: case_of(a.case),
            context: a.context,
        }
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.recs.capacity() * std::mem::size_of::<Rec>()
            + self.aliases.capacity() * std::mem::size_of::<AliasRec>()
            + self.labels.capacity() * 8
    }
}

/// A borrowed view of one entry of a compiled gazetteer ([`super::Gazetteer::entry`]).
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'g> {
    /// Unique id.
    pub id: &'g str,
    /// Canonical name.
    pub name: &'g str,
    /// Label.
    pub label: &'g str,
    /// Rank among the candidates of an ambiguous alias.
    pub priority: f64,
    store: &'g EntryStore,
    index: u32,
}

/// A borrowed view of one alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AliasRef<'g> {
    /// The alias as written (trimmed).
    pub text: &'g str,
    /// Its own case mode, if any.
    pub case: Option<CaseMode>,
    /// A context alias.
    pub context: bool,
}

/// Equal contents (as [`Entry`]'s equality: attributes compared as values, not as text).
impl PartialEq for EntryRef<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
            && self.name == o.name
            && self.label == o.label
            && self.priority == o.priority
            && self.aliases().eq(o.aliases())
            && (self.attrs_json() == o.attrs_json() || self.attrs() == o.attrs())
    }
}

impl<'g> EntryRef<'g> {
    /// The entry's index in the gazetteer.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Number of aliases.
    pub fn n_aliases(&self) -> usize {
        self.store.alias_range(self.index).len()
    }

    /// The aliases, the name first unless listed elsewhere.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = AliasRef<'g>> + 'g {
        let store = self.store;
        store.aliases[store.alias_range(self.index)]
            .iter()
            .map(move |a| AliasRef {
                text: store.s(a.text),
                case: case_of(a.case),
                context: a.context,
            })
    }

    /// Alias `k` (panics if out of range).
    pub fn alias(&self, k: u32) -> AliasRef<'g> {
        self.store.alias(self.index, k)
    }

    /// Whether the entry has attributes.
    pub fn has_attrs(&self) -> bool {
        self.store.recs[self.index as usize].attrs.len > 0
    }

    /// The attributes' JSON object text ("" for none).
    pub fn attrs_json(&self) -> &'g str {
        self.store.s(self.store.recs[self.index as usize].attrs)
    }

    /// The attributes (parsed from their stored JSON text).
    pub fn attrs(&self) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::from_str(self.attrs_json()) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        }
    }

    /// An owned copy.
    pub fn to_entry(&self) -> Entry {
        Entry {
            id: self.id.to_string(),
            name: self.name.to_string(),
            label: self.label.to_string(),
            aliases: self
                .aliases()
                .map(|a| Alias {
                    text: a.text.to_string(),
                    case: a.case,
                    context: a.context,
                })
                .collect(),
            priority: self.priority,
            attrs: self.attrs(),
        }
    }
}
