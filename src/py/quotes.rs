//! Bindings for quotations and people: `Span`, `Quote`, `Person`, `CueLexicon`, `extract_quotes`,
//! `extract_quotes_batch` (columns) and `find_people`. Offsets cross the boundary as Python str offsets.
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use super::errors::{to_py, SaidwhoError};
pub(crate) use super::text::text_of;
use crate::people::{find_people, EntityMention, People};
use crate::quotes::cues::{Content, CueLexicon, Role, Usage};
use crate::quotes::{extract, extract_batch, QuoteOptions, QuoteResult};

/// Byte ↔ code point offsets of one UTF-8 text: a count of characters every 64 bytes, then a short count.
pub(crate) struct Offsets<'a> {
    text: &'a [u8],
    ascii: bool,
    blocks: Vec<u32>,
}

/// The number of chars in `b` (bytes that are not UTF-8 continuation bytes `10xxxxxx`), eight bytes at a time.
#[inline]
fn chars_in(b: &[u8]) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = b.chunks_exact(8);
    let mut cont = 0u32;
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        // Bit 7 set and bit 6 clear: a continuation byte.
        cont += (x & !(x << 1) & HIGH).count_ones();
    }
    let rest = words.remainder();
    cont += rest.iter().filter(|&&x| x & 0xC0 == 0x80).count() as u32;
    b.len() as u32 - cont
}

impl<'a> Offsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        let mut blocks = Vec::new();
        if !ascii {
            blocks.reserve(bytes.len() / 64 + 1);
            let mut n = 0u32;
            for chunk in bytes.chunks(64) {
                blocks.push(n);
                n += chars_in(chunk);
            }
            blocks.push(n);
        }
        Offsets {
            text: bytes,
            ascii,
            blocks,
        }
    }

    /// Code point offset of byte offset `b` (a char boundary).
    pub(crate) fn char_of(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        let k = b / 64;
        self.blocks[k] as usize + chars_in(&self.text[k * 64..b]) as usize
    }

    /// Byte offset of code point offset `c` (clamped to the text's end).
    fn byte_of(&self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.text.len());
        }
        let k = self
            .blocks
            .partition_point(|&n| (n as usize) <= c)
            .saturating_sub(1);
        let mut n = self.blocks[k] as usize;
        let mut b = k * 64;
        while b < self.text.len() {
            if (self.text[b] & 0xC0) != 0x80 {
                if n == c {
                    return b;
                }
                n += 1;
            }
            b += 1;
        }
        self.text.len()
    }
}

/// A piece of the text: `text[start:end]` (str offsets).
#[pyclass(frozen, eq, hash, module = "saidwho", name = "Span", from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PySpan {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
}

#[pymethods]
impl PySpan {
    #[new]
    fn new(start: usize, end: usize, text: String) -> Self {
        PySpan { start, end, text }
    }

    fn __repr__(&self) -> String {
        format!("Span({}, {}, {:?})", self.start, self.end, self.text)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (s.start, s.end, s.text.clone());
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

/// One quotation. See `saidwho.extract_quotes`.
#[pyclass(frozen, eq, module = "saidwho", name = "Quote")]
#[derive(Clone, PartialEq)]
pub struct PyQuote {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    speaker: Option<PySpan>,
    #[pyo3(get)]
    speaker_id: Option<String>,
    #[pyo3(get)]
    speaker_name: Option<String>,
    #[pyo3(get)]
    cue: Option<PySpan>,
    #[pyo3(get)]
    group: usize,
}

fn kind_str(kind: &str) -> PyResult<&'static str> {
    match kind {
        "direct" => Ok("direct"),
        "partial" => Ok("partial"),
        "scare" => Ok("scare"),
        "indirect" => Ok("indirect"),
        other => Err(PyValueError::new_err(format!(
            "kind must be 'direct', 'partial', 'scare' or 'indirect', not {other:?}"
        ))),
    }
}

#[pymethods]
impl PyQuote {
    #[new]
    #[pyo3(signature = (start, end, text, kind, speaker=None, speaker_id=None, speaker_name=None, cue=None, group=0))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: String,
        kind: &str,
        speaker: Option<PySpan>,
        speaker_id: Option<String>,
        speaker_name: Option<String>,
        cue: Option<PySpan>,
        group: usize,
    ) -> PyResult<Self> {
        Ok(PyQuote {
            start,
            end,
            text,
            kind: kind_str(kind)?,
            speaker,
            speaker_id,
            speaker_name,
            cue,
            group,
        })
    }

    fn __repr__(&self) -> String {
        let mut text: String = self.text.chars().take(60).collect();
        if text.len() < self.text.len() {
            text.push('…');
        }
        let speaker = self
            .speaker
            .as_ref()
            .map_or("None".to_string(), |s| format!("{:?}", s.text));
        let cue = self
            .cue
            .as_ref()
            .map_or("None".to_string(), |s| format!("{:?}", s.text));
        let id = self
            .speaker_id
            .as_ref()
            .map_or("None".to_string(), |s| format!("{s:?}"));
        format!(
            "Quote({}, {}, {:?}, kind={:?}, speaker={}, speaker_id={}, cue={}, group={})",
            self.start, self.end, text, self.kind, speaker, id, cue, self.group
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let q = slf.get();
        let args = (
            q.start,
            q.end,
            q.text.clone(),
            q.kind,
            q.speaker.clone(),
            q.speaker_id.clone(),
            q.speaker_name.clone(),
            q.cue.clone(),
            q.group,
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    /// A flat dict: start, end, text, kind, speaker, speaker_start, speaker_end, speaker_id, speaker_name, cue,
    /// cue_start, cue_end, group.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("kind", self.kind)?;
        d.set_item("speaker", self.speaker.as_ref().map(|s| s.text.clone()))?;
        d.set_item("speaker_start", self.speaker.as_ref().map(|s| s.start))?;
        d.set_item("speaker_end", self.speaker.as_ref().map(|s| s.end))?;
        d.set_item("speaker_id", &self.speaker_id)?;
        d.set_item("speaker_name", &self.speaker_name)?;
        d.set_item("cue", self.cue.as_ref().map(|s| s.text.clone()))?;
        d.set_item("cue_start", self.cue.as_ref().map(|s| s.start))?;
        d.set_item("cue_end", self.cue.as_ref().map(|s| s.end))?;
        d.set_item("group", self.group)?;
        Ok(d)
    }
}

/// A person of a document: id, name, gender ("male", "female", "unknown") and mentions.
#[pyclass(frozen, eq, module = "saidwho", name = "Person")]
#[derive(Clone, PartialEq)]
pub struct PyPerson {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    gender: &'static str,
    #[pyo3(get)]
    mentions: Vec<PySpan>,
}

fn gender_str(g: &str) -> PyResult<&'static str> {
    match g {
        "male" => Ok("male"),
        "female" => Ok("female"),
        "unknown" => Ok("unknown"),
        other => Err(PyValueError::new_err(format!(
            "gender must be 'male', 'female' or 'unknown', not {other:?}"
        ))),
    }
}

#[pymethods]
impl PyPerson {
    #[new]
    #[pyo3(signature = (id, name, gender="unknown", mentions=Vec::new()))]
    fn new(id: String, name: String, gender: &str, mentions: Vec<PySpan>) -> PyResult<Self> {
        Ok(PyPerson {
            id,
            name,
            gender: gender_str(gender)?,
            mentions,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Person({:?}, {:?}, gender={:?}, mentions={})",
            self.id,
            self.name,
            self.gender,
            self.mentions.len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let p = slf.get();
        let args = (p.id.clone(), p.name.clone(), p.gender, p.mentions.clone());
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("name", &self.name)?;
        d.set_item("gender", self.gender)?;
        let mentions = PyList::empty(py);
        for m in &self.mentions {
            mentions.append(m.to_dict(py)?)?;
        }
        d.set_item("mentions", mentions)?;
        Ok(d)
    }
}

/// The reporting cues used by `extract_quotes`: phrases with a role (speech, label, belief, source, passive).
/// Immutable: `extend` returns a new lexicon.
#[pyclass(frozen, module = "saidwho", name = "CueLexicon")]
#[derive(Clone)]
pub struct PyCueLexicon {
    inner: CueLexicon,
}

/// Reads entries: strings (taking `role`, `usage` and `content`), (phrase, role) pairs, (phrase, role, usage)
/// triples or (phrase, role, usage, content) quadruples. A missing content is the role's default (verbs of saying
/// and sources introduce reported content).
fn cue_entries(
    entries: &Bound<'_, PyAny>,
    role: &str,
    usage: &str,
    content: Option<&str>,
) -> PyResult<Vec<(String, Role, Usage, Content)>> {
    let default_role = Role::parse(role).map_err(to_py)?;
    let default_usage = Usage::parse(usage).map_err(to_py)?;
    let content_for = |r: Role| -> PyResult<Content> {
        match content {
            Some(c) => Content::parse(c).map_err(to_py),
            None => Ok(Content::default_for(r)),
        }
    };
    if entries.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "entries must be an iterable of phrases, not a single str",
        ));
    }
    let mut out = Vec::new();
    for item in entries.try_iter()? {
        let item = item?;
        if let Ok(s) = item.cast::<PyString>() {
            out.push((
                s.to_str()?.to_string(),
                default_role,
                default_usage,
                content_for(default_role)?,
            ));
        } else if let Ok((p, r)) = item.extract::<(String, String)>() {
            let r = Role::parse(&r).map_err(to_py)?;
            out.push((p, r, default_usage, content_for(r)?));
        } else if let Ok((p, r, u)) = item.extract::<(String, String, String)>() {
            let r = Role::parse(&r).map_err(to_py)?;
            out.push((p, r, Usage::parse(&u).map_err(to_py)?, content_for(r)?));
        } else if let Ok((p, r, u, c)) = item.extract::<(String, String, String, String)>() {
            out.push((
                p,
                Role::parse(&r).map_err(to_py)?,
                Usage::parse(&u).map_err(to_py)?,
                Content::parse(&c).map_err(to_py)?,
            ));
        } else {
            return Err(PyTypeError::new_err(format!(
                "a cue entry must be a str, a (phrase, role) pair, a (phrase, role, usage) triple or a \
                 (phrase, role, usage, content) quadruple, not {}",
                item.get_type().name()?
            )));
        }
    }
    Ok(out)
}

#[pymethods]
impl PyCueLexicon {
    /// The built-in lexicon.
    #[new]
    fn new() -> Self {
        PyCueLexicon {
            inner: CueLexicon::default(),
        }
    }

    /// An empty lexicon (start from nothing and `extend`).
    #[staticmethod]
    fn empty() -> Self {
        PyCueLexicon {
            inner: CueLexicon::empty(),
        }
    }

    /// A lexicon of exactly these entries: (phrase, role) pairs, (phrase, role, usage) triples or (phrase, role,
    /// usage, content) quadruples.
    #[staticmethod]
    fn from_phrases(entries: &Bound<'_, PyAny>) -> PyResult<Self> {
        let entries = cue_entries(entries, "speech", "any", None)?;
        Ok(PyCueLexicon {
            inner: CueLexicon::empty().extended_full(entries).map_err(to_py)?,
        })
    }

    /// A new lexicon with these phrases added: strings (taking `role`, `usage` and `content`), (phrase, role)
    /// pairs, (phrase, role, usage) triples or quadruples with content. Roles: speech, label, belief, source,
    /// passive; usages: any, post, ambiguous; content (the reported speech a cue introduces): "clause" ("X
    /// said the move was illegal"), "that" (only a that-clause), "object" (also "vowed to …", "announced his
    /// bid") or "none"; by default verbs of saying and sources take "clause", other roles "none".
    #[pyo3(signature = (entries, role="speech", usage="any", content=None))]
    fn extend(
        &self,
        entries: &Bound<'_, PyAny>,
        role: &str,
        usage: &str,
        content: Option<&str>,
    ) -> PyResult<Self> {
        let entries = cue_entries(entries, role, usage, content)?;
        Ok(PyCueLexicon {
            inner: self.inner.extended_full(entries).map_err(to_py)?,
        })
    }

    /// All (phrase, role, usage, content) quadruples.
    fn entries(&self) -> Vec<(String, &'static str, &'static str, &'static str)> {
        self.inner
            .entries()
            .map(|(p, r, u, c)| (p.to_string(), r.as_str(), u.as_str(), c.as_str()))
            .collect()
    }

    /// The reported content a phrase introduces ("clause", "that", "object", "" for none), or None when the
    /// phrase is not in the lexicon.
    fn content_of(&self, phrase: &str) -> Option<&'static str> {
        self.inner.content_of(phrase).map(Content::as_str)
    }

    /// All (phrase, role, usage) triples.
    fn phrases(&self) -> Vec<(String, &'static str, &'static str)> {
        self.inner
            .phrases()
            .map(|(p, r, u)| (p.to_string(), r.as_str(), u.as_str()))
            .collect()
    }

    /// The role of a phrase, or None.
    fn role_of(&self, phrase: &str) -> Option<&'static str> {
        self.inner.role_of(phrase).map(Role::as_str)
    }

    /// The usage of a phrase, or None.
    fn usage_of(&self, phrase: &str) -> Option<&'static str> {
        self.inner.usage_of(phrase).map(Usage::as_str)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __contains__(&self, phrase: &str) -> bool {
        self.inner.role_of(phrase).is_some()
    }

    fn __repr__(&self) -> String {
        format!("CueLexicon({} phrases)", self.inner.len())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let ctor = slf.get_type().getattr("from_phrases")?;
        let phrases = slf.get().entries();
        PyTuple::new(py, [ctor, (phrases,).into_pyobject(py)?.into_any()])
    }
}

/// Entity mentions as given from Python: (start, end, id, name, label) in str offsets.
type EntityTuples = Vec<(usize, usize, String, String, String)>;

/// Reads entity mentions given in str offsets: (start, end, id, name, label) tuples.
fn entities_of(
    offsets: &Offsets<'_>,
    text_chars: usize,
    entities: Option<EntityTuples>,
) -> PyResult<Vec<EntityMention<'static>>> {
    let Some(list) = entities else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(list.len());
    for (start, end, id, name, label) in list {
        if start > end || end > text_chars {
            return Err(PyValueError::new_err(format!(
                "entity span {start}..{end} is outside the text (length {text_chars})"
            )));
        }
        out.push(EntityMention {
            start: offsets.byte_of(start),
            end: offsets.byte_of(end),
            id: id.into(),
            name: name.into(),
            label: label.into(),
        });
    }
    out.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    Ok(out)
}

pub(crate) fn options(cues: Option<&Bound<'_, PyCueLexicon>>, reported: bool) -> QuoteOptions {
    QuoteOptions {
        cues: cues.map_or_else(CueLexicon::default, |c| c.get().inner.clone()),
        reported,
    }
}

/// Runs `f` without the GIL, turning a panic into `SaidwhoError`.
pub(crate) fn guarded<T: Send>(
    py: Python<'_>,
    what: &str,
    f: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|_| SaidwhoError::new_err(format!("internal error in {what} (please report it)")))
}

fn span(offsets: &Offsets<'_>, text: &str, r: &std::ops::Range<usize>) -> PySpan {
    PySpan {
        start: offsets.char_of(r.start),
        end: offsets.char_of(r.end),
        text: text[r.clone()].to_string(),
    }
}

pub(crate) fn quotes_to_py(text: &str, offsets: &Offsets<'_>, res: &QuoteResult) -> Vec<PyQuote> {
    res.quotes
        .iter()
        .map(|q| PyQuote {
            start: offsets.char_of(q.start),
            end: offsets.char_of(q.end),
            text: text[q.start..q.end].to_string(),
            kind: q.kind.as_str(),
            speaker: q.speaker.as_ref().map(|r| span(offsets, text, r)),
            speaker_id: res.speaker_id(q).map(str::to_string),
            speaker_name: res.speaker_name(q).map(str::to_string),
            cue: q.cue.as_ref().map(|r| span(offsets, text, r)),
            group: q.group,
        })
        .collect()
}

pub(crate) fn people_to_py(text: &str, offsets: &Offsets<'_>, people: &People) -> Vec<PyPerson> {
    people
        .confident()
        .map(|(_, p)| PyPerson {
            id: p.id.clone(),
            name: p.name.clone(),
            gender: p.gender.as_str(),
            mentions: p.mentions.iter().map(|r| span(offsets, text, r)).collect(),
        })
        .collect()
}

/// extract_quotes(text, entities=None, cues=None, reported=True) -> list[Quote]  (low level; see
/// saidwho.extract_quotes)
#[pyfunction]
#[pyo3(signature = (text, entities=None, cues=None, reported=true))]
fn _extract_quotes(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    entities: Option<EntityTuples>,
    cues: Option<&Bound<'_, PyCueLexicon>>,
    reported: bool,
) -> PyResult<Vec<PyQuote>> {
    let s = &*text_of(text)?;
    let opts = options(cues, reported);
    let offsets = Offsets::new(s);
    let ents = entities_of(&offsets, text.code_point_len()?, entities)?;
    let res = guarded(py, "extract_quotes", || extract(s, &ents, &opts))?;
    Ok(quotes_to_py(s, &offsets, &res))
}

/// find_people(text, entities=None) -> list[Person]  (low level; see saidwho.find_people)
#[pyfunction]
#[pyo3(signature = (text, entities=None))]
fn _find_people(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    entities: Option<EntityTuples>,
) -> PyResult<Vec<PyPerson>> {
    let s = &*text_of(text)?;
    let offsets = Offsets::new(s);
    let ents = entities_of(&offsets, text.code_point_len()?, entities)?;
    let people = guarded(py, "find_people", || find_people(s, &ents))?;
    Ok(people_to_py(s, &offsets, &people))
}

/// Columns of the quotations of many texts (see `saidwho.quotes.extract_quotes_batch`): int columns as
/// little-endian i64 bytes (-1 = missing), kind as u8 codes (direct, partial, scare, indirect), text/speaker/cue as str
/// lists, the resolved speaker as i32 codes into speaker_ids/speaker_names (-1 = none).
#[pyfunction]
#[pyo3(signature = (texts, entities=None, cues=None, n_threads=None, reported=true))]
fn _extract_quotes_columns<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    entities: Option<Vec<Option<EntityTuples>>>,
    cues: Option<&Bound<'py, PyCueLexicon>>,
    n_threads: Option<usize>,
    reported: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let owned: Vec<_> = texts.iter().map(text_of).collect::<PyResult<_>>()?;
    let strs: Vec<&str> = owned.iter().map(|s| &**s).collect();
    let opts = options(cues, reported);
    let ents: Option<Vec<Vec<EntityMention>>> = match entities {
        None => None,
        Some(lists) => {
            if lists.len() != strs.len() {
                return Err(PyValueError::new_err(format!(
                    "{} entity lists for {} texts",
                    lists.len(),
                    strs.len()
                )));
            }
            let mut out = Vec::with_capacity(lists.len());
            for ((s, t), l) in strs.iter().zip(&texts).zip(lists) {
                let offsets = Offsets::new(s);
                out.push(entities_of(&offsets, t.code_point_len()?, l)?);
            }
            Some(out)
        }
    };
    let results = guarded(py, "extract_quotes_batch", || {
        extract_batch(&strs, ents.as_deref(), &opts, n_threads)
    })?
    .map_err(to_py)?;
    let n: usize = results.iter().map(|r| r.quotes.len()).sum();
    // Numbers travel as little-endian i64 buffers (-1 = missing), repeated strings as codes into a list of
    // categories: a few Python objects per column instead of one per cell.
    let mut ints: [Vec<u8>; 8] = Default::default();
    for v in ints.iter_mut() {
        v.reserve(8 * n);
    }
    let mut kind = Vec::with_capacity(n);
    let mut text = Vec::with_capacity(n);
    let mut speaker: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut cue: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut sp_codes: Vec<u8> = Vec::with_capacity(4 * n);
    let mut sp_cats: Vec<(&str, &str)> = Vec::new();
    let mut sp_index: std::collections::HashMap<(&str, &str), i32> =
        std::collections::HashMap::new();
    for (d, (s, res)) in strs.iter().zip(&results).enumerate() {
        if res.quotes.is_empty() {
            continue;
        }
        let offsets = Offsets::new(s);
        let ch = |b: Option<usize>| b.map_or(-1i64, |b| offsets.char_of(b) as i64);
        for q in &res.quotes {
            let row = [
                d as i64,
                ch(Some(q.start)),
                ch(Some(q.end)),
                ch(q.speaker.as_ref().map(|r| r.start)),
                ch(q.speaker.as_ref().map(|r| r.end)),
                ch(q.cue.as_ref().map(|r| r.start)),
                ch(q.cue.as_ref().map(|r| r.end)),
                q.group as i64,
            ];
            for (col, v) in ints.iter_mut().zip(row) {
                col.extend_from_slice(&v.to_le_bytes());
            }
            kind.push(q.kind as u8);
            text.push(&s[q.start..q.end]);
            speaker.push(q.speaker.as_ref().map(|r| &s[r.clone()]));
            cue.push(q.cue.as_ref().map(|r| &s[r.clone()]));
            let code = match q.speaker_ref {
                None => -1,
                Some(i) => {
                    let sp = &res.speakers[i];
                    let key = (sp.id.as_str(), sp.name.as_str());
                    *sp_index.entry(key).or_insert_with(|| {
                        sp_cats.push(key);
                        sp_cats.len() as i32 - 1
                    })
                }
            };
            sp_codes.extend_from_slice(&code.to_le_bytes());
        }
    }
    let d = PyDict::new(py);
    let names = [
        "doc",
        "start",
        "end",
        "speaker_start",
        "speaker_end",
        "cue_start",
        "cue_end",
        "group",
    ];
    for (name, col) in names.iter().zip(&ints) {
        d.set_item(*name, PyBytes::new(py, col))?;
    }
    d.set_item("kind", PyBytes::new(py, &kind))?;
    d.set_item("text", text)?;
    d.set_item("speaker", speaker)?;
    d.set_item("cue", cue)?;
    d.set_item("speaker_code", PyBytes::new(py, &sp_codes))?;
    d.set_item(
        "speaker_ids",
        sp_cats.iter().map(|c| c.0).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "speaker_names",
        sp_cats.iter().map(|c| c.1).collect::<Vec<_>>(),
    )?;
    Ok(d)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySpan>()?;
    m.add_class::<PyQuote>()?;
    m.add_class::<PyPerson>()?;
    m.add_class::<PyCueLexicon>()?;
    m.add_function(wrap_pyfunction!(_extract_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(_find_people, m)?)?;
    m.add_function(wrap_pyfunction!(_extract_quotes_columns, m)?)?;
    Ok(())
}
