//! One Python exception hierarchy, and the mapping of the core's [`crate::Error`] onto it.
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    saidwho,
    SaidwhoError,
    PyException,
    "Base class of saidwho's own errors."
);
create_exception!(
    saidwho,
    GazetteerFormatError,
    SaidwhoError,
    "A saved gazetteer is corrupt, truncated, of another version or not a gazetteer."
);
create_exception!(
    saidwho,
    GazetteerInputError,
    SaidwhoError,
    "A gazetteer source (records, TSV/CSV, DataFrame) is malformed."
);

/// Map a core error onto the Python exception hierarchy.
pub fn to_py(err: crate::Error) -> PyErr {
    use crate::Error as E;
    match err {
        E::InvalidArgument(msg) => PyValueError::new_err(msg),
        e @ E::GazetteerInput(_) => GazetteerInputError::new_err(e.to_string()),
        e @ E::GazetteerFormat(_) => GazetteerFormatError::new_err(e.to_string()),
        e @ E::Io { .. } => PyOSError::new_err(e.to_string()),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("SaidwhoError", py.get_type::<SaidwhoError>())?;
    m.add(
        "GazetteerFormatError",
        py.get_type::<GazetteerFormatError>(),
    )?;
    m.add("GazetteerInputError", py.get_type::<GazetteerInputError>())?;
    Ok(())
}
