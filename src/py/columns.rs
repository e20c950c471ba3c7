//! Column builders for tables handed to Python as raw buffers: no Python object per row until the user asks.
//!
//! Each column crosses as `(name, kind, payload)`; `saidwho._columns` turns them into numpy / Arrow / pandas:
//! - `"i64"`: `(values: bytes of little-endian i64, valid: bytes of u8 or None)`;
//! - `"str"`: `(offsets: bytes of i64 (n + 1), data: UTF-8 bytes, valid: bytes of u8 or None)`;
//! - `"cat"`: `(codes: bytes of i32, -1 for missing, categories: list[str])`.
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

fn bytes_of<T: Copy>(v: &[T], f: impl Fn(T) -> [u8; 8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 8);
    for &x in v {
        out.extend_from_slice(&f(x));
    }
    out
}

/// A 64-bit integer column; a [`nullable`](IntCol::nullable) one always crosses with its validity bytes, so
/// its pandas dtype (`Int64`) does not depend on whether this batch happened to hold a missing value.
#[derive(Default)]
pub struct IntCol {
    values: Vec<i64>,
    valid: Vec<u8>,
    nulls: bool,
}

impl IntCol {
    /// An empty column that may hold missing values.
    pub fn nullable() -> Self {
        IntCol {
            nulls: true,
            ..IntCol::default()
        }
    }
    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn push(&mut self, v: usize) {
        self.values.push(v as i64);
        self.valid.push(1);
    }
    pub fn push_opt(&mut self, v: Option<usize>) {
        match v {
            Some(v) => self.push(v),
            None => {
                self.values.push(-1);
                self.valid.push(0);
                self.nulls = true;
            }
        }
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let values = PyBytes::new(py, &bytes_of(&self.values, i64::to_le_bytes));
        let valid = self.nulls.then(|| PyBytes::new(py, &self.valid));
        Ok(PyTuple::new(py, [values.into_any(), valid.into_pyobject(py)?.into_any()])?.into_any())
    }
}

/// A nullable UTF-8 string column.
pub struct StrCol {
    offsets: Vec<i64>,
    data: Vec<u8>,
    valid: Vec<u8>,
    nulls: bool,
}

impl Default for StrCol {
    fn default() -> Self {
        StrCol {
            offsets: vec![0],
            data: Vec::new(),
            valid: Vec::new(),
            nulls: false,
        }
    }
}

impl StrCol {
    pub fn push(&mut self, s: &str) {
        self.data.extend_from_slice(s.as_bytes());
        self.offsets.push(self.data.len() as i64);
        self.valid.push(1);
    }
    pub fn push_opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.push(s),
            None => {
                self.offsets.push(self.data.len() as i64);
                self.valid.push(0);
                self.nulls = true;
            }
        }
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let offsets = PyBytes::new(py, &bytes_of(&self.offsets, i64::to_le_bytes));
        let data = PyBytes::new(py, &self.data);
        let valid = self.nulls.then(|| PyBytes::new(py, &self.valid));
        Ok(PyTuple::new(
            py,
            [
                offsets.into_any(),
                data.into_any(),
                valid.into_pyobject(py)?.into_any(),
            ],
        )?
        .into_any())
    }
}

/// A categorical column: codes into a list of categories (-1 = missing).
pub struct CatCol {
    codes: Vec<i32>,
    categories: Vec<String>,
}

impl CatCol {
    pub fn new(categories: Vec<String>) -> Self {
        CatCol {
            codes: Vec::new(),
            categories,
        }
    }
    pub fn push(&mut self, code: Option<usize>) {
        self.codes.push(code.map_or(-1, |c| c as i32));
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut raw = Vec::with_capacity(self.codes.len() * 4);
        for c in &self.codes {
            raw.extend_from_slice(&c.to_le_bytes());
        }
        let codes = PyBytes::new(py, &raw);
        let cats = PyList::new(py, &self.categories)?;
        Ok(PyTuple::new(py, [codes.into_any(), cats.into_any()])?.into_any())
    }
}

/// One column of any kind.
pub enum Col {
    Int(IntCol),
    Str(StrCol),
    Cat(CatCol),
}

/// A table: named columns of equal length, in order.
#[derive(Default)]
pub struct Table {
    pub columns: Vec<(&'static str, Col)>,
}

impl Table {
    /// `[(name, kind, payload), ...]` for `saidwho._columns.to_frame`.
    pub fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = PyList::empty(py);
        for (name, col) in &self.columns {
            let (kind, payload) = match col {
                Col::Int(c) => ("i64", c.to_py(py)?),
                Col::Str(c) => ("str", c.to_py(py)?),
                Col::Cat(c) => ("cat", c.to_py(py)?),
            };
            items.append((name, kind, payload))?;
        }
        Ok(items)
    }
}
