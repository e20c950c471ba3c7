//! Bindings of [`crate::corpus::align`]: cluster quote texts by utterance. The Python layer
//! (`saidwho/align.py`) builds the tables; this takes plain lists and returns packed arrays.
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::errors::{to_py, SaidwhoError};
use crate::corpus::align::{cluster_quotes, AlignOptions, QuoteRef, Relation};

/// Relation names by code, as returned by `align_cluster_quotes`.
const RELATIONS: [Relation; 6] = [
    Relation::Representative,
    Relation::Identical,
    Relation::Fragment,
    Relation::CloseVariant,
    Relation::Overlapping,
    Relation::Paraphrase,
];

/// Borrow the text of every item of `items` (a sequence of str; `None` allowed if `optional`).
fn strings<'py>(
    name: &str,
    items: &Bound<'py, PyAny>,
    optional: bool,
) -> PyResult<Vec<Option<Bound<'py, PyString>>>> {
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        if optional && item.is_none() {
            out.push(None);
            continue;
        }
        match item.cast_into::<PyString>() {
            Ok(s) => out.push(Some(s)),
            Err(e) => {
                let kind = e.into_inner().get_type().name()?;
                let want = if optional { "str or None" } else { "str" };
                return Err(PyTypeError::new_err(format!(
                    "{name}[{i}] must be {want}, not {kind}"
                )));
            }
        }
    }
    Ok(out)
}

/// The UTF-8 text of a Python str, or a ValueError naming the item.
fn utf8<'a>(name: &str, i: usize, s: &'a Bound<'_, PyString>) -> PyResult<&'a str> {
    s.to_str().map_err(|_| {
        PyValueError::new_err(format!("{name}[{i}] is not valid text (lone surrogate?)"))
    })
}

/// Cluster quotes into utterances (see `saidwho.align.cluster_quotes`, which wraps this).
///
/// `texts`: the quote texts; `speakers`: the resolved speaker key of each (str or None), same length;
/// `docs`: the document number of each (non-negative ints below 2**32), or None for all in one document;
/// `indirect`: whether each is reported speech (bools), or None for all in quotation marks.
/// Returns `(cluster, relation, score)` as little-endian packed arrays (`uint32`, `uint8`, `float32`), one
/// item per quote; relation codes index `ALIGN_RELATIONS`.
#[pyfunction]
#[pyo3(signature = (texts, speakers, docs=None, indirect=None, *, contain_min=0.7, variant_min=0.6, overlap_min_words=5,
    fuzzy_min_words=8,
    bridge_min_words=5, same_doc_max_words=2, cross_speaker_min_words=6, unknown_min_words=5, shingle_words=3, max_postings=500,
    max_candidates=100, paraphrase_min_words=3, paraphrase_min=0.5, n_threads=None))]
#[allow(clippy::too_many_arguments)]
fn align_cluster_quotes<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    speakers: &Bound<'py, PyAny>,
    docs: Option<Vec<u32>>,
    indirect: Option<Vec<bool>>,
    contain_min: f32,
    variant_min: f32,
    overlap_min_words: usize,
    fuzzy_min_words: usize,
    bridge_min_words: usize,
    same_doc_max_words: usize,
    cross_speaker_min_words: usize,
    unknown_min_words: usize,
    shingle_words: usize,
    max_postings: usize,
    max_candidates: usize,
    paraphrase_min_words: usize,
    paraphrase_min: f32,
    n_threads: Option<usize>,
) -> PyResult<(
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
)> {
    let opts = AlignOptions {
        shingle_words,
        contain_min,
        variant_min,
        overlap_min_words,
        fuzzy_min_words,
        bridge_min_words,
        same_doc_max_words,
        cross_speaker_min_words,
        unknown_min_words,
        max_postings,
        max_candidates,
        paraphrase_min_words,
        paraphrase_min,
    };
    opts.validate().map_err(to_py)?;
    if n_threads == Some(0) {
        return Err(PyValueError::new_err("n_threads must be at least 1"));
    }
    let text_objs = strings("texts", texts, false)?;
    let speaker_objs = strings("speakers", speakers, true)?;
    if text_objs.len() != speaker_objs.len() {
        return Err(PyValueError::new_err(format!(
            "texts and speakers differ in length: {} and {}",
            text_objs.len(),
            speaker_objs.len()
        )));
    }
    if let Some(d) = &docs {
        if d.len() != text_objs.len() {
            return Err(PyValueError::new_err(format!(
                "texts and docs differ in length: {} and {}",
                text_objs.len(),
                d.len()
            )));
        }
    }
    if let Some(k) = &indirect {
        if k.len() != text_objs.len() {
            return Err(PyValueError::new_err(format!(
                "texts and indirect differ in length: {} and {}",
                text_objs.len(),
                k.len()
            )));
        }
    }
    let mut quotes = Vec::with_capacity(text_objs.len());
    for (i, (t, s)) in text_objs.iter().zip(&speaker_objs).enumerate() {
        let text = utf8("texts", i, t.as_ref().expect("texts are never None"))?;
        let speaker = match s {
            Some(s) => Some(utf8("speakers", i, s)?),
            None => None,
        };
        quotes.push(QuoteRef {
            doc: docs.as_ref().map_or(0, |d| d[i]),
            start: 0,
            end: 0,
            text,
            speaker,
            indirect: indirect.as_ref().is_some_and(|k| k[i]),
        });
    }
    let result = py.detach(|| {
        // The crate's fork-aware pools, never rayon's global one.
        std::panic::catch_unwind(|| {
            crate::parallel::install(n_threads, || cluster_quotes(&quotes, &opts))?
        })
    });
    let members = match result {
        Ok(r) => r.map_err(to_py)?,
        Err(_) => {
            return Err(SaidwhoError::new_err(
                "internal error while aligning quotes (please report)",
            ))
        }
    };
    let mut cluster = Vec::with_capacity(members.len() * 4);
    let mut relation = Vec::with_capacity(members.len());
    let mut score = Vec::with_capacity(members.len() * 4);
    for m in &members {
        cluster.extend_from_slice(&m.cluster.to_le_bytes());
        relation.push(RELATIONS.iter().position(|&r| r == m.relation).unwrap_or(0) as u8);
        score.extend_from_slice(&m.score.to_le_bytes());
    }
    Ok((
        PyBytes::new(py, &cluster),
        PyBytes::new(py, &relation),
        PyBytes::new(py, &score),
    ))
}

/// The normalised words of `text` and the word indices preceded by an ellipsis (how alignment sees a quote).
#[pyfunction]
fn align_normalized_words(text: &str) -> (Vec<String>, Vec<usize>) {
    crate::corpus::align::normalized_words(text)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(align_cluster_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(align_normalized_words, m)?)?;
    m.add("ALIGN_RELATIONS", RELATIONS.map(Relation::as_str).to_vec())?;
    Ok(())
}
