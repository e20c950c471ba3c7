//! Bindings for whole-document analysis: one text into objects, many texts into column tables.
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};

use super::columns::{CatCol, Col, IntCol, StrCol, Table};
use super::errors::SaidwhoError;
use super::gazetteer::PyGazetteer;
use super::quotes::{
    guarded, options, people_to_py, quotes_to_py, text_of, Offsets, PyCueLexicon, PyPerson, PyQuote,
};
use crate::corpus::analyze::{analyze, analyze_batch_isolated, Analysis};

/// _analyze_doc(text, gazetteer=None, cues=None) -> (quotes, people), speakers resolved against the gazetteer
/// inside Rust (see saidwho.analyze).
#[pyfunction]
#[pyo3(signature = (text, gazetteer=None, cues=None, reported=true))]
fn _analyze_doc(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    gazetteer: Option<&Bound<'_, PyGazetteer>>,
    cues: Option<&Bound<'_, PyCueLexicon>>,
    reported: bool,
) -> PyResult<(Vec<PyQuote>, Vec<PyPerson>)> {
    let s = &*text_of(text)?;
    let opts = options(cues, reported);
    let gaz = gazetteer.map(|g| g.get().inner.clone());
    let a = guarded(py, "analyze", || analyze(s, gaz.as_deref(), &opts))?;
    let offsets = Offsets::new(s);
    Ok((
        quotes_to_py(s, &offsets, &a.quotes),
        people_to_py(s, &offsets, &a.quotes.people),
    ))
}

/// The tables of many analyses: entities, quotes, people, mentions (of people), errors.
#[derive(Default)]
struct Tables {
    ent_doc: IntCol,
    ent_start: IntCol,
    ent_end: IntCol,
    ent_text: StrCol,
    ent_entry: IntCol,
    q_doc: IntCol,
    q_start: IntCol,
    q_end: IntCol,
    q_text: StrCol,
    q_kind: Vec<Option<usize>>,
    q_group: IntCol,
    q_sp_start: IntCol,
    q_sp_end: IntCol,
    q_sp_text: StrCol,
    q_sp_id: StrCol,
    q_sp_name: StrCol,
    q_cue_start: IntCol,
    q_cue_end: IntCol,
    q_cue_text: StrCol,
    p_doc: IntCol,
    p_id: StrCol,
    p_name: StrCol,
    p_gender: Vec<Option<usize>>,
    p_n: IntCol,
    m_doc: IntCol,
    m_person: IntCol,
    m_start: IntCol,
    m_end: IntCol,
    m_text: StrCol,
}

const KINDS: [&str; 4] = ["direct", "partial", "scare", "indirect"];
const GENDERS: [&str; 3] = ["unknown", "male", "female"];

impl Tables {
    fn add(&mut self, doc: usize, text: &str, a: &Analysis) {
        let off = Offsets::new(text);
        let c = |b: usize| off.char_of(b);
        for m in &a.entities {
            self.ent_doc.push(doc);
            self.ent_start.push(c(m.start));
            self.ent_end.push(c(m.end));
            self.ent_text.push(&text[m.start..m.end]);
            self.ent_entry.push(m.entry as usize);
        }
        let res = &a.quotes;
        for q in &res.quotes {
            self.q_doc.push(doc);
            self.q_start.push(c(q.start));
            self.q_end.push(c(q.end));
            self.q_text.push(&text[q.start..q.end]);
            self.q_kind
                .push(KINDS.iter().position(|k| *k == q.kind.as_str()));
            self.q_group.push(q.group);
            let sp = q.speaker.as_ref();
            self.q_sp_start.push_opt(sp.map(|r| c(r.start)));
            self.q_sp_end.push_opt(sp.map(|r| c(r.end)));
            self.q_sp_text.push_opt(sp.map(|r| &text[r.clone()]));
            self.q_sp_id.push_opt(res.speaker_id(q));
            self.q_sp_name.push_opt(res.speaker_name(q));
            let cue = q.cue.as_ref();
            self.q_cue_start.push_opt(cue.map(|r| c(r.start)));
            self.q_cue_end.push_opt(cue.map(|r| c(r.end)));
            self.q_cue_text.push_opt(cue.map(|r| &text[r.clone()]));
        }
        for (_, p) in res.people.confident() {
            let row = self.p_n.len();
            self.p_doc.push(doc);
            self.p_id.push(&p.id);
            self.p_name.push(&p.name);
            self.p_gender
                .push(GENDERS.iter().position(|g| *g == p.gender.as_str()));
            self.p_n.push(p.mentions.len());
            for r in &p.mentions {
                self.m_doc.push(doc);
                self.m_person.push(row);
                self.m_start.push(c(r.start));
                self.m_end.push(c(r.end));
                self.m_text.push(&text[r.clone()]);
            }
        }
    }

    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let cat = |codes: Vec<Option<usize>>, cats: &[&str]| {
            let mut col = CatCol::new(cats.iter().map(|s| s.to_string()).collect());
            for code in codes {
                col.push(code);
            }
            Col::Cat(col)
        };
        let out = PyDict::new(py);
        let entities = Table {
            columns: vec![
                ("doc", Col::Int(self.ent_doc)),
                ("start", Col::Int(self.ent_start)),
                ("end", Col::Int(self.ent_end)),
                ("text", Col::Str(self.ent_text)),
                ("entry", Col::Int(self.ent_entry)),
            ],
        };
        let quotes = Table {
            columns: vec![
                ("doc", Col::Int(self.q_doc)),
                ("start", Col::Int(self.q_start)),
                ("end", Col::Int(self.q_end)),
                ("text", Col::Str(self.q_text)),
                ("kind", cat(self.q_kind, &KINDS)),
                ("group", Col::Int(self.q_group)),
                ("speaker", Col::Str(self.q_sp_text)),
                ("speaker_start", Col::Int(self.q_sp_start)),
                ("speaker_end", Col::Int(self.q_sp_end)),
                ("speaker_id", Col::Str(self.q_sp_id)),
                ("speaker_name", Col::Str(self.q_sp_name)),
                ("cue", Col::Str(self.q_cue_text)),
                ("cue_start", Col::Int(self.q_cue_start)),
                ("cue_end", Col::Int(self.q_cue_end)),
            ],
        };
        let people = Table {
            columns: vec![
                ("doc", Col::Int(self.p_doc)),
                ("id", Col::Str(self.p_id)),
                ("name", Col::Str(self.p_name)),
                ("gender", cat(self.p_gender, &GENDERS)),
                ("n_mentions", Col::Int(self.p_n)),
            ],
        };
        let mentions = Table {
            columns: vec![
                ("doc", Col::Int(self.m_doc)),
                ("person", Col::Int(self.m_person)),
                ("start", Col::Int(self.m_start)),
                ("end", Col::Int(self.m_end)),
                ("text", Col::Str(self.m_text)),
            ],
        };
        out.set_item("entities", entities.to_py(py)?)?;
        out.set_item("quotes", quotes.to_py(py)?)?;
        out.set_item("people", people.to_py(py)?)?;
        out.set_item("mentions", mentions.to_py(py)?)?;
        Ok(out)
    }
}

/// Per-document errors recorded instead of raised: (document position, message).
type DocErrors = Vec<(usize, String)>;

/// A batch input that is not a usable text: `None`/NaN are missing values; anything else is an error.
fn text_at<'a, 'py>(
    item: &'a Bound<'py, PyAny>,
    i: usize,
) -> PyResult<Option<&'a Bound<'py, PyString>>> {
    if item.is_none() {
        return Ok(None);
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
    }
    item.cast::<PyString>().map(Some).map_err(|_| {
        PyTypeError::new_err(format!(
            "document {i}: expected str (or None/NaN for a missing text), got {}",
            item.get_type()
                .name()
                .map_or_else(|_| "?".into(), |n| n.to_string())
        ))
    })
}

/// _analyze_columns(texts, gazetteer=None, cues=None, n_threads=None, on_error="raise", reported=True)
///   -> (tables: dict[str, list[column]], errors: list[(doc, message)])
/// `texts` is a list; None/NaN are missing documents (no rows). A text that is not valid Unicode (a lone
/// surrogate) raises ValueError naming the document, a value that is not a str raises TypeError; with
/// on_error="record" either is reported in `errors` and analysed as missing.
#[pyfunction]
#[pyo3(signature = (texts, gazetteer=None, cues=None, n_threads=None, on_error="raise", reported=true))]
fn _analyze_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    gazetteer: Option<&Bound<'py, PyGazetteer>>,
    cues: Option<&Bound<'py, PyCueLexicon>>,
    n_threads: Option<usize>,
    on_error: &str,
    reported: bool,
) -> PyResult<(Bound<'py, PyDict>, DocErrors)> {
    let record = match on_error {
        "raise" => false,
        "record" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "on_error must be 'raise' or 'record', not {other:?}"
            )))
        }
    };
    let items: Vec<Bound<'py, PyAny>> = texts.iter().collect();
    let mut owned: Vec<Option<std::borrow::Cow<'_, str>>> = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let s = match text_at(item, i) {
            // Not a text at all (bytes, a number...): recorded like an invalid text, or raised.
            Err(e) if record => {
                // the error row names the document already
                let msg = e.value(py).to_string();
                let msg = msg.strip_prefix(&format!("document {i}: ")).unwrap_or(&msg);
                errors.push((i, msg.to_string()));
                None
            }
            Err(e) => return Err(e),
            Ok(None) => None,
            Ok(Some(s)) => match text_of(s) {
                Ok(s) => Some(s),
                Err(e) if record => {
                    errors.push((i, e.value(py).to_string()));
                    None
                }
                Err(e) => {
                    return Err(PyValueError::new_err(format!(
                        "document {i}: {}",
                        e.value(py)
                    )))
                }
            },
        };
        owned.push(s);
    }
    let strs: Vec<Option<&str>> = owned.iter().map(|s| s.as_deref()).collect();
    let opts = options(cues, reported);
    let gaz = gazetteer.map(|g| g.get().inner.clone());
    // Each document isolated: a panic (a bug) in one is that document's error, never a lost batch.
    let (tables, failed) = guarded(py, "analyze_many", || {
        analyze_batch_isolated(&strs, gaz.as_deref(), &opts, n_threads).map(|results| {
            let mut t = Tables {
                q_sp_start: IntCol::nullable(),
                q_sp_end: IntCol::nullable(),
                q_cue_start: IntCol::nullable(),
                q_cue_end: IntCol::nullable(),
                ..Tables::default()
            };
            let mut failed = Vec::new();
            for (i, (s, a)) in strs.iter().zip(results).enumerate() {
                match (s, a) {
                    (Some(s), Ok(a)) => t.add(i, s, &a),
                    (_, Err(msg)) => failed.push((i, msg)),
                    (None, Ok(_)) => {}
                }
            }
            (t, failed)
        })
    })?
    .map_err(super::errors::to_py)?;
    if !failed.is_empty() {
        if !record {
            let (i, msg) = &failed[0];
            return Err(SaidwhoError::new_err(format!(
                "document {i}: internal error (please report it): {msg}"
            )));
        }
        errors.extend(
            failed
                .into_iter()
                .map(|(i, m)| (i, format!("internal error (please report it): {m}"))),
        );
        errors.sort_by_key(|e| e.0);
    }
    Ok((tables.into_py(py)?, errors))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_analyze_doc, m)?)?;
    m.add_function(wrap_pyfunction!(_analyze_columns, m)?)?;
    Ok(())
}
