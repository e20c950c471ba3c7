//! PyO3 bindings: the only place that knows Python. Thin wrappers over the core; every hot call releases
//! the GIL. Each submodule registers its own classes and functions.
use pyo3::prelude::*;

mod align;
mod analyze;
mod columns;
mod errors;
mod gazetteer;
mod quotes;
mod text;

#[pymodule]
fn _saidwho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    gazetteer::register(m)?;
    quotes::register(m)?;
    align::register(m)?;
    analyze::register(m)?;
    Ok(())
}
