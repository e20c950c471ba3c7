//! Bindings of the gazetteer: `_Gazetteer` (wrapped by `saidwho.Gazetteer` in python/saidwho/gazetteer.py),
//! `Match` and `Entry`. Texts are read from the `str`'s own storage (Latin-1/UCS-2/UCS-4), so offsets are
//! code points with no conversion; matching runs with the GIL released and panics become `SaidwhoError`.
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::string::PyStringData;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rayon::prelude::*;

use super::errors::{to_py, SaidwhoError};
use crate::gazetteer::{
    read_table, AccentMode, Alias, CaseMode, Entry, EntryRef, Gazetteer, Match, Options,
    TableOptions,
};
use crate::text::check_no_surrogates;

/// Run `f`, turning a Rust panic into `SaidwhoError` instead of letting it cross into Python.
fn guarded<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        SaidwhoError::new_err(format!("internal error (please report): {msg}"))
    })
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A Python str's storage, borrowed.
#[derive(Clone, Copy)]
enum Src<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl Src<'_> {
    fn scan(self, g: &Gazetteer, overlapping: bool, emit: impl FnMut(Match)) {
        match self {
            Src::U8(s) => g.find_in(s, overlapping, emit),
            Src::U16(s) => g.find_in(s, overlapping, emit),
            Src::U32(s) => g.find_in(s, overlapping, emit),
        }
    }
    /// Code point `i`.
    #[inline]
    fn unit(self, i: usize) -> u32 {
        match self {
            Src::U8(s) => s[i] as u32,
            Src::U16(s) => s[i] as u32,
            Src::U32(s) => s[i],
        }
    }
    /// A hash of the code points `[s, e)`.
    fn hash(self, s: usize, e: usize) -> u64 {
        use std::hash::Hasher;
        let mut h = crate::gazetteer::FxHasher::default();
        for i in s..e {
            h.write_u32(self.unit(i));
        }
        h.finish()
    }
    fn surrogate(self) -> Option<usize> {
        match self {
            Src::U8(_) => None,
            Src::U16(s) => check_no_surrogates(s),
            Src::U32(s) => check_no_surrogates(s),
        }
    }
}

/// Borrow the storage of a `str` (TypeError for anything else).
fn source<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Src<'a>> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj))))?;
    // SAFETY: PyO3 documents this as tested on the platforms we build for (little-endian, CPython).
    // The borrow is tied to `obj`, which the caller keeps alive; Python strs are immutable.
    let data = unsafe { s.data() }?;
    Ok(match data {
        PyStringData::Ucs1(b) => Src::U8(b),
        PyStringData::Ucs2(b) => Src::U16(b),
        PyStringData::Ucs4(b) => Src::U32(b),
    })
}

fn surrogate_error(what: &str, pos: usize) -> PyErr {
    PyValueError::new_err(format!(
        "{what} holds a lone surrogate at offset {pos}; it cannot be matched (decode with errors='replace'?)"
    ))
}

fn substring<'py>(
    text: &Bound<'py, PyAny>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: `text` is a str and start <= end <= len (offsets come from scanning it).
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_Substring(text.as_ptr(), start as isize, end as isize);
        Bound::from_owned_ptr_or_err(text.py(), ptr)
    }
}

/// Pauses Python's cyclic GC while many result objects are created (each new tuple would otherwise count
/// towards a collection that scans every young object: quadratic-ish on big result lists).
struct GcPause(bool);

impl GcPause {
    fn new() -> GcPause {
        // SAFETY: called with the GIL held; returns the previous state.
        GcPause(unsafe { pyo3::ffi::PyGC_Disable() } == 1)
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.0 {
            // SAFETY: the GIL is held for the lifetime of the pause (it is created and dropped in one call).
            unsafe { pyo3::ffi::PyGC_Enable() };
        }
    }
}

/// A list of `(start, end, entry)` tuples, built with the C API. The entry ints are shared between tuples
/// when the result is large (one int object per entry instead of one per match).
fn span_list<'py>(py: Python<'py>, spans: &[(usize, usize, u32)]) -> PyResult<Bound<'py, PyList>> {
    use pyo3::ffi;
    let _gc = GcPause::new();
    let max_entry = spans.iter().map(|&(_, _, k)| k as usize).max().unwrap_or(0);
    let mut ints: Vec<Option<Bound<'py, PyAny>>> = if spans.len() * 4 >= max_entry {
        vec![None; max_entry + 1]
    } else {
        Vec::new()
    };
    // SAFETY: every object is checked for NULL; PyList/PyTuple_SET_ITEM steal the new references into
    // freshly created containers of the right size; shared ints get their own reference first.
    unsafe {
        let list = ffi::PyList_New(spans.len() as ffi::Py_ssize_t);
        let list = Bound::from_owned_ptr_or_err(py, list)?;
        for (i, &(s, e, k)) in spans.iter().enumerate() {
            let t = ffi::PyTuple_New(3);
            if t.is_null() {
                return Err(PyErr::fetch(py));
            }
            let t = Bound::from_owned_ptr(py, t);
            for (j, v) in [s as isize, e as isize].into_iter().enumerate() {
                let x = ffi::PyLong_FromSsize_t(v);
                if x.is_null() {
                    return Err(PyErr::fetch(py));
                }
                ffi::PyTuple_SET_ITEM(t.as_ptr(), j as ffi::Py_ssize_t, x);
            }
            let x = match ints.get_mut(k as usize) {
                Some(slot) => {
                    if slot.is_none() {
                        *slot = Some(k.into_pyobject(py)?.into_any());
                    }
                    slot.as_ref().expect("just set").clone().into_ptr()
                }
                None => {
                    let x = ffi::PyLong_FromSsize_t(k as isize);
                    if x.is_null() {
                        return Err(PyErr::fetch(py));
                    }
                    x
                }
            };
            ffi::PyTuple_SET_ITEM(t.as_ptr(), 2, x);
            ffi::PyList_SET_ITEM(list.as_ptr(), i as ffi::Py_ssize_t, t.into_ptr());
        }
        Ok(list.cast_into_unchecked())
    }
}

// ---------- records -> entries ----------

fn json_value(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return Ok(Value::from(obj.extract::<f64>()?));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .unwrap_or(Value::Null));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_string()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, v) in d.iter() {
            let k: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("{path}: attribute keys must be str")))?;
            let v = json_value(&v, path)?;
            m.insert(k, v);
        }
        return Ok(Value::Object(m));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut v = Vec::new();
        for item in obj.try_iter()? {
            v.push(json_value(&item?, path)?);
        }
        return Ok(Value::Array(v));
    }
    // numpy scalars and the like: try float, then str.
    if let Ok(f) = obj.extract::<f64>() {
        return Ok(serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null));
    }
    Err(PyTypeError::new_err(format!(
        "{path}: attribute values must be JSON-like (str, int, float, bool, None, list, dict), not {}",
        type_name(obj)
    )))
}

pub(crate) fn py_to_json(py: Python<'_>, v: &serde_json::Value) -> PyResult<Py<PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any().unbind(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any().unbind(),
            None => n
                .as_f64()
                .unwrap_or(f64::NAN)
                .into_pyobject(py)?
                .into_any()
                .unbind(),
        },
        Value::String(s) => PyString::new(py, s).into_any().unbind(),
        Value::Array(a) => {
            let items = a
                .iter()
                .map(|x| py_to_json(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any().unbind()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, py_to_json(py, x)?)?;
            }
            d.into_any().unbind()
        }
    })
}

fn text_field(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    if obj.cast::<PyInt>().is_ok() && obj.cast::<PyBool>().is_err() {
        return Ok(obj.str()?.to_str()?.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str, not {}",
        type_name(obj)
    )))
}

fn parse_alias(obj: &Bound<'_, PyAny>, where_: &str) -> PyResult<Alias> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Alias::new(s.to_str()?));
    }
    let d = obj.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{where_}: an alias must be a str or a dict like {{'alias': 'Reading', 'context': True}}, not {}",
            type_name(obj)
        ))
    })?;
    let mut alias = Alias::new("");
    let mut has_text = false;
    for (k, v) in d.iter() {
        let k: String = k.extract()?;
        match k.as_str() {
            "alias" => {
                alias.text = text_field(&v, &format!("{where_}: 'alias'"))?;
                has_text = true;
            }
            "case" => {
                let s: String = v
                    .extract()
                    .map_err(|_| PyTypeError::new_err(format!("{where_}: 'case' must be str")))?;
                alias.case = Some(CaseMode::parse(&s).map_err(to_py)?);
            }
            "context" => {
                alias.context = v.cast::<PyBool>().map(|b| b.is_true()).map_err(|_| {
                    PyTypeError::new_err(format!("{where_}: 'context' must be a bool"))
                })?;
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "{where_}: unknown alias option {other:?} (expected alias, case, context)"
                )))
            }
        }
    }
    if !has_text {
        return Err(PyValueError::new_err(format!(
            "{where_}: alias dict without 'alias'"
        )));
    }
    Ok(alias)
}

fn parse_record(obj: &Bound<'_, PyAny>, k: usize) -> PyResult<Entry> {
    let d = obj.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!("record {k} must be a dict, not {}", type_name(obj)))
    })?;
    let mut e = Entry {
        id: String::new(),
        name: String::new(),
        label: String::new(),
        aliases: Vec::new(),
        priority: 0.0,
        attrs: serde_json::Map::new(),
    };
    let mut has_id = false;
    for (key, v) in d.iter() {
        let key: String = key
            .extract()
            .map_err(|_| PyTypeError::new_err(format!("record {k}: keys must be str")))?;
        let where_ = format!("record {k}");
        match key.as_str() {
            "id" => {
                e.id = text_field(&v, &format!("{where_}: 'id'"))?;
                has_id = true;
            }
            "name" => e.name = text_field(&v, &format!("{where_}: 'name'"))?,
            "label" => e.label = text_field(&v, &format!("{where_}: 'label'"))?,
            "priority" => {
                if v.cast::<PyBool>().is_ok() || v.cast::<PyString>().is_ok() {
                    return Err(PyTypeError::new_err(format!(
                        "{where_}: 'priority' must be a number"
                    )));
                }
                e.priority = v.extract::<f64>().map_err(|_| {
                    PyTypeError::new_err(format!("{where_}: 'priority' must be a number"))
                })?;
            }
            "aliases" => {
                if v.cast::<PyString>().is_ok() {
                    return Err(PyTypeError::new_err(format!(
                        "{where_}: 'aliases' must be a list of str, not a str"
                    )));
                }
                if v.is_none() {
                    continue;
                }
                let it = v.try_iter().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "{where_}: 'aliases' must be a list, not {}",
                        type_name(&v)
                    ))
                })?;
                for a in it {
                    e.aliases.push(parse_alias(&a?, &where_)?);
                }
            }
            "attrs" => {
                let a = v.cast::<PyDict>().map_err(|_| {
                    PyTypeError::new_err(format!("{where_}: 'attrs' must be a dict"))
                })?;
                for (ak, av) in a.iter() {
                    let ak: String = ak.extract().map_err(|_| {
                        PyTypeError::new_err(format!("{where_}: attribute keys must be str"))
                    })?;
                    e.attrs.insert(ak, json_value(&av, &where_)?);
                }
            }
            _ => {
                e.attrs.insert(key, json_value(&v, &where_)?);
            }
        }
    }
    if !has_id {
        return Err(PyValueError::new_err(format!("record {k} has no 'id'")));
    }
    Ok(e)
}

fn parse_records(records: &Bound<'_, PyAny>) -> PyResult<Vec<Entry>> {
    if records.cast::<PyString>().is_ok() || records.cast::<PyDict>().is_ok() {
        return Err(PyTypeError::new_err(
            "records must be an iterable of dicts (a list of records), not a single str or dict",
        ));
    }
    let it = records.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "records must be an iterable of dicts, not {}",
            type_name(records)
        ))
    })?;
    let mut out = Vec::new();
    for (k, r) in it.enumerate() {
        out.push(parse_record(&r?, k)?);
    }
    Ok(out)
}

fn options(case: &str, accents: &str) -> PyResult<Options> {
    Ok(Options {
        case: CaseMode::parse(case).map_err(to_py)?,
        accents: AccentMode::parse(accents).map_err(to_py)?,
    })
}

// ---------- classes ----------

/// One entity of a gazetteer: id, name, label, aliases, priority, attrs.
#[pyclass(frozen, module = "saidwho", name = "Entry")]
pub struct PyEntry {
    gaz: Arc<Gazetteer>,
    index: u32,
}

impl PyEntry {
    fn e(&self) -> EntryRef<'_> {
        self.gaz.entry(self.index)
    }
}

#[pymethods]
impl PyEntry {
    /// The entry's id.
    #[getter]
    fn id(&self) -> &str {
        self.e().id
    }
    /// The canonical name.
    #[getter]
    fn name(&self) -> &str {
        self.e().name
    }
    /// The label (PERSON, GPE, ...).
    #[getter]
    fn label(&self) -> &str {
        self.e().label
    }
    /// The aliases as written (the name among them), without options.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.e().aliases().map(|a| a.text.to_string()).collect()
    }
    /// The aliases with their options: a str for a plain alias, else a dict {alias, case, context}.
    #[getter]
    fn alias_specs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for a in self.e().aliases() {
            if a.case.is_none() && !a.context {
                out.append(a.text)?;
            } else {
                let d = PyDict::new(py);
                d.set_item("alias", a.text)?;
                if let Some(c) = a.case {
                    d.set_item("case", c.as_str())?;
                }
                if a.context {
                    d.set_item("context", true)?;
                }
                out.append(d)?;
            }
        }
        Ok(out)
    }
    /// The priority among candidates of an ambiguous alias.
    #[getter]
    fn priority(&self) -> f64 {
        self.e().priority
    }
    /// The attributes (a new dict each time).
    #[getter]
    fn attrs(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        py_to_json(py, &serde_json::Value::Object(self.e().attrs()))
    }
    /// The entry as a record dict, as accepted by `Gazetteer.from_records`.
    fn to_record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", self.id())?;
        d.set_item("name", self.name())?;
        d.set_item("label", self.label())?;
        d.set_item("aliases", self.alias_specs(py)?)?;
        d.set_item("priority", self.priority())?;
        d.set_item("attrs", self.attrs(py)?)?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.e();
        Ok(format!(
            "Entry(id={}, name={}, label={}, aliases={})",
            PyString::new(py, e.id).repr()?,
            PyString::new(py, e.name).repr()?,
            PyString::new(py, e.label).repr()?,
            e.n_aliases()
        ))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<PyEntry>() {
            Ok(o) => self.e() == o.get().e(),
            Err(_) => false,
        }
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.e().id.hash(&mut h);
        h.finish()
    }
}

/// An entity mention: `text[m.start:m.end] == m.text` (str offsets, end-exclusive).
#[pyclass(frozen, module = "saidwho", name = "Match")]
pub struct PyMatch {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// The matched text, as written in the document.
    #[pyo3(get)]
    text: Py<PyAny>,
    gaz: Arc<Gazetteer>,
    entry: u32,
    cands: Vec<u32>,
    alias: u32,
    /// Set when the match was unpickled: it then carries its own strings, not its gazetteer.
    owned: Option<Box<OwnedMatch>>,
}

/// What a match keeps of its gazetteer once pickled: (id, label, name, alias, candidate ids).
#[derive(Clone)]
struct OwnedMatch {
    id: String,
    label: String,
    name: String,
    alias: String,
    candidates: Vec<String>,
}

#[pymethods]
impl PyMatch {
    /// Id of the top candidate entity.
    #[getter]
    fn id(&self) -> &str {
        match &self.owned {
            Some(o) => &o.id,
            None => self.gaz.entry_id(self.entry),
        }
    }
    /// Label of the top candidate.
    #[getter]
    fn label(&self) -> &str {
        match &self.owned {
            Some(o) => &o.label,
            None => self.gaz.entry(self.entry).label,
        }
    }
    /// Canonical name of the top candidate.
    #[getter]
    fn name(&self) -> &str {
        match &self.owned {
            Some(o) => &o.name,
            None => self.gaz.entry(self.entry).name,
        }
    }
    /// The gazetteer alias that matched (of the top candidate).
    #[getter]
    fn alias(&self) -> &str {
        match &self.owned {
            Some(o) => &o.alias,
            None => self.gaz.entry(self.entry).alias(self.alias).text,
        }
    }
    /// Ids of every candidate entity, best first (priority, then gazetteer order).
    #[getter]
    fn candidates(&self) -> Vec<String> {
        match &self.owned {
            Some(o) => o.candidates.clone(),
            None => self
                .cands
                .iter()
                .map(|&e| self.gaz.entry_id(e).to_string())
                .collect(),
        }
    }
    /// The top candidate as an `Entry` (not kept by a match that was pickled: look it up with `gaz[m.id]`).
    #[getter]
    fn entry(&self) -> PyResult<PyEntry> {
        if self.owned.is_some() {
            return Err(PyTypeError::new_err(
                "an unpickled Match does not keep its gazetteer; use gazetteer[match.id]",
            ));
        }
        Ok(PyEntry {
            gaz: self.gaz.clone(),
            index: self.entry,
        })
    }
    /// Pickles as its values (start, end, text, id, label, name, alias, candidates), without the gazetteer.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let m = slf.get();
        let args = (
            m.start,
            m.end,
            m.text.clone_ref(py),
            m.id(),
            m.label(),
            m.name(),
            m.alias(),
            m.candidates(),
        )
            .into_pyobject(py)?;
        let ctor = slf.get_type().getattr("_restore")?;
        PyTuple::new(py, [ctor, args.into_any()])
    }
    #[staticmethod]
    #[allow(clippy::too_many_arguments)]
    fn _restore(
        py: Python<'_>,
        start: usize,
        end: usize,
        text: Bound<'_, PyString>,
        id: String,
        label: String,
        name: String,
        alias: String,
        candidates: Vec<String>,
    ) -> PyResult<PyMatch> {
        static EMPTY: std::sync::OnceLock<Arc<Gazetteer>> = std::sync::OnceLock::new();
        let gaz = EMPTY
            .get_or_init(|| {
                Arc::new(Gazetteer::new(Vec::new(), Options::default()).expect("empty gazetteer"))
            })
            .clone();
        if start > end {
            return Err(PyValueError::new_err("Match start is after its end"));
        }
        let _ = py;
        Ok(PyMatch {
            start,
            end,
            text: text.into_any().unbind(),
            gaz,
            entry: 0,
            cands: Vec::new(),
            alias: 0,
            owned: Some(Box::new(OwnedMatch {
                id,
                label,
                name,
                alias,
                candidates,
            })),
        })
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Match(start={}, end={}, text={}, id={}, label={})",
            self.start,
            self.end,
            self.text.bind(py).repr()?,
            PyString::new(py, self.id()).repr()?,
            PyString::new(py, self.label()).repr()?
        ))
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyMatch>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start
            && self.end == o.end
            && self.candidates() == o.candidates()
            && self.label() == o.label()
            && self.text.bind(py).eq(o.text.bind(py))?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let t = self.text.bind(py).hash()?;
        Ok(
            t ^ (self.start as isize).wrapping_mul(31)
                ^ (self.end as isize).wrapping_mul(1_000_003),
        )
    }
}

/// The crate's cached pool of `n` threads (all cores when `None`); fork-aware, see [`crate::parallel`].
fn pool(n: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    crate::parallel::pool(n).map_err(to_py)
}

/// The compiled gazetteer (use `saidwho.Gazetteer`, which wraps it).
#[pyclass(frozen, module = "saidwho._saidwho", name = "_Gazetteer")]
pub struct PyGazetteer {
    pub(crate) inner: Arc<Gazetteer>,
}

impl PyGazetteer {
    fn wrap(g: Gazetteer) -> PyGazetteer {
        release_free_memory();
        PyGazetteer { inner: Arc::new(g) }
    }
}

/// After a build or load, hand the allocator's free pages back to the system. Building frees the input
/// entries' many small strings once they are interned; glibc keeps such holes mapped (RSS) unless trimmed.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::os::raw::c_int;
        }
        // SAFETY: glibc's malloc_trim only returns free memory to the system; it is thread-safe.
        unsafe {
            malloc_trim(0);
        }
    }
}

fn build(py: Python<'_>, entries: Vec<Entry>, opts: Options) -> PyResult<PyGazetteer> {
    let g = py
        .detach(|| guarded(|| Gazetteer::new(entries, opts)))?
        .map_err(to_py)?;
    Ok(PyGazetteer::wrap(g))
}

#[pymethods]
impl PyGazetteer {
    #[staticmethod]
    #[pyo3(signature = (records, case="smart", accents="keep"))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        case: &str,
        accents: &str,
    ) -> PyResult<Self> {
        let opts = options(case, accents)?;
        build(py, parse_records(records)?, opts)
    }

    /// Build from a CSV/TSV table given as bytes (`source` names it in errors).
    #[staticmethod]
    #[pyo3(signature = (data, source, delimiter, alias_sep="|", case="smart", accents="keep"))]
    fn from_table(
        py: Python<'_>,
        data: &[u8],
        source: &str,
        delimiter: &str,
        alias_sep: &str,
        case: &str,
        accents: &str,
    ) -> PyResult<Self> {
        let opts = options(case, accents)?;
        let mut table = if delimiter == "\t" {
            TableOptions::tsv()
        } else {
            TableOptions::csv()
        };
        let d = delimiter.as_bytes();
        if d.len() != 1 {
            return Err(PyValueError::new_err("delimiter must be one ASCII char"));
        }
        table.delimiter = d[0];
        table.alias_sep = alias_sep.to_string();
        let entries = py
            .detach(|| guarded(|| read_table(data, source, &table)))?
            .map_err(to_py)?;
        build(py, entries, opts)
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let g = py
            .detach(|| guarded(|| Gazetteer::from_bytes(data)))?
            .map_err(to_py)?;
        Ok(PyGazetteer::wrap(g))
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let g = self.inner.clone();
        let b = py.detach(|| guarded(|| g.to_bytes()))?;
        Ok(PyBytes::new(py, &b))
    }

    /// A new gazetteer with these records added (same id merges aliases).
    fn extend(&self, py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Self> {
        let more = parse_records(records)?;
        let g = self.inner.clone();
        let out = py.detach(|| guarded(|| g.extend(more)))?.map_err(to_py)?;
        Ok(PyGazetteer::wrap(out))
    }

    /// A new gazetteer with the other's entries added (same id merges; this one's options).
    fn merge(&self, py: Python<'_>, other: &Bound<'_, PyGazetteer>) -> PyResult<Self> {
        let (a, b) = (self.inner.clone(), other.get().inner.clone());
        let out = py
            .detach(|| guarded(|| a.extend(b.to_entries())))?
            .map_err(to_py)?;
        Ok(PyGazetteer::wrap(out))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
    #[getter]
    fn n_aliases(&self) -> usize {
        self.inner.n_aliases()
    }
    #[getter]
    fn case(&self) -> &'static str {
        self.inner.options().case.as_str()
    }
    #[getter]
    fn accents(&self) -> &'static str {
        self.inner.options().accents.as_str()
    }
    #[getter]
    fn matcher_bytes(&self) -> usize {
        self.inner.matcher_bytes()
    }

    /// Entry by index (IndexError out of range).
    fn entry_at(&self, i: isize) -> PyResult<PyEntry> {
        let n = self.inner.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyIndexError::new_err("entry index out of range"));
        }
        Ok(PyEntry {
            gaz: self.inner.clone(),
            index: j as u32,
        })
    }
    /// Index of the entry with this id, or None.
    fn index_of(&self, id: &str) -> Option<u32> {
        self.inner.index_of(id)
    }
    /// All entry ids, in order.
    fn ids(&self) -> Vec<String> {
        self.inner.entries().map(|e| e.id.to_string()).collect()
    }
    /// (distinct labels in first-seen order, label code of each entry as int32 bytes).
    fn label_codes<'py>(&self, py: Python<'py>) -> PyResult<(Vec<String>, Bound<'py, PyBytes>)> {
        let mut labels: Vec<String> = Vec::new();
        let mut ix: HashMap<&str, i32> = HashMap::new();
        let mut codes: Vec<u8> = Vec::with_capacity(self.inner.len() * 4);
        for e in self.inner.entries() {
            let c = *ix.entry(e.label).or_insert_with(|| {
                labels.push(e.label.to_string());
                (labels.len() - 1) as i32
            });
            codes.extend_from_slice(&c.to_le_bytes());
        }
        Ok((labels, PyBytes::new(py, &codes)))
    }

    #[pyo3(signature = (text, overlapping=false))]
    fn find<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        overlapping: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let src = source(text, "text")?;
        let g = self.inner.clone();
        let found = py.detach(|| {
            guarded(|| {
                if let Some(p) = src.surrogate() {
                    return Err(p);
                }
                let mut out: Vec<(usize, usize, u32, Vec<u32>, u32)> = Vec::new();
                src.scan(&g, overlapping, |m| {
                    let alias = m.alias_index(&g);
                    out.push((m.start, m.end, m.entry, m.candidates(&g), alias))
                });
                Ok(out)
            })
        })?;
        let found = found.map_err(|p| surrogate_error("text", p))?;
        let _gc = GcPause::new();
        let items = found
            .into_iter()
            .map(|(start, end, entry, cands, alias)| {
                Ok(PyMatch {
                    start,
                    end,
                    text: substring(text, start, end)?.unbind(),
                    gaz: self.inner.clone(),
                    entry,
                    cands,
                    alias,
                    owned: None,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    #[pyo3(signature = (text, overlapping=false))]
    fn find_spans<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        overlapping: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let src = source(text, "text")?;
        let g = self.inner.clone();
        let found = py.detach(|| {
            guarded(|| {
                if let Some(p) = src.surrogate() {
                    return Err(p);
                }
                let mut out: Vec<(usize, usize, u32)> = Vec::new();
                src.scan(&g, overlapping, |m| out.push((m.start, m.end, m.entry)));
                Ok(out)
            })
        })?;
        let found = found.map_err(|p| surrogate_error("text", p))?;
        span_list(py, &found)
    }

    /// Columns of the matches of many texts: doc, start, end (int64 bytes), entry (int32 bytes), and the
    /// matched texts as int32 codes into a list of distinct str.
    #[pyo3(signature = (texts, n_threads=None, overlapping=false))]
    #[allow(clippy::type_complexity)]
    fn find_batch_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        n_threads: Option<usize>,
        overlapping: bool,
    ) -> PyResult<(
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Bound<'py, PyList>,
    )> {
        if let Some(n) = n_threads {
            if n == 0 || n > 1024 {
                return Err(PyValueError::new_err(format!(
                    "n_threads must be between 1 and 1024, not {n}"
                )));
            }
        }
        let items: Vec<Bound<'py, PyAny>> = texts.iter().collect();
        let mut srcs: Vec<Src<'_>> = Vec::with_capacity(items.len());
        for (k, t) in items.iter().enumerate() {
            srcs.push(source(t, &format!("texts[{k}]"))?);
        }
        // Never rayon's global pool: it would hang in a child process after fork().
        let pool = Some(pool(n_threads)?);
        let g = self.inner.clone();
        let per_doc = py.detach(|| {
            guarded(|| {
                let work = || {
                    srcs.par_iter()
                        .enumerate()
                        .map(|(k, src)| {
                            if let Some(p) = src.surrogate() {
                                return Err((k, p));
                            }
                            let mut v: Vec<(usize, usize, u32, u64)> = Vec::new();
                            src.scan(&g, overlapping, |m| {
                                v.push((m.start, m.end, m.entry, src.hash(m.start, m.end)))
                            });
                            Ok(v)
                        })
                        .collect::<Result<Vec<_>, _>>()
                };
                match &pool {
                    Some(p) => p.install(work),
                    None => work(),
                }
            })
        })?;
        let per_doc = per_doc.map_err(|(k, p)| surrogate_error(&format!("texts[{k}]"), p))?;
        let total: usize = per_doc.iter().map(|v| v.len()).sum();
        let mut doc = Vec::with_capacity(total * 8);
        let mut start = Vec::with_capacity(total * 8);
        let mut end = Vec::with_capacity(total * 8);
        let mut entry = Vec::with_capacity(total * 4);
        // The matched texts as categories + codes: one Python str per distinct text, not per match.
        let mut text_code = Vec::with_capacity(total * 4);
        let mut firsts: Vec<(usize, usize, usize)> = Vec::new();
        let mut by_hash: crate::gazetteer::FastMap<u64, Vec<u32>> = Default::default();
        let _gc = GcPause::new();
        let categories = PyList::empty(py);
        for (k, v) in per_doc.iter().enumerate() {
            for &(s, e, en, h) in v {
                doc.extend_from_slice(&(k as i64).to_le_bytes());
                start.extend_from_slice(&(s as i64).to_le_bytes());
                end.extend_from_slice(&(e as i64).to_le_bytes());
                entry.extend_from_slice(&(en as i32).to_le_bytes());
                let bucket = by_hash.entry(h).or_default();
                let same = |&c: &u32| {
                    let (d, fs, fe) = firsts[c as usize];
                    fe - fs == e - s
                        && (0..e - s).all(|i| srcs[d].unit(fs + i) == srcs[k].unit(s + i))
                };
                let code = match bucket.iter().find(|c| same(c)) {
                    Some(&c) => c,
                    None => {
                        let c = firsts.len() as u32;
                        firsts.push((k, s, e));
                        categories.append(substring(&items[k], s, e)?)?;
                        bucket.push(c);
                        c
                    }
                };
                text_code.extend_from_slice(&(code as i32).to_le_bytes());
            }
        }
        Ok((
            PyBytes::new(py, &doc),
            PyBytes::new(py, &start),
            PyBytes::new(py, &end),
            PyBytes::new(py, &entry),
            PyBytes::new(py, &text_code),
            categories,
        ))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_class::<PyMatch>()?;
    m.add_class::<PyEntry>()?;
    Ok(())
}
