//! PyO3 bindings: the only place that knows Python. Thin wrappers over the core; every hot call releases
//! the GIL. Each submodule registers its own classes and functions.
use pyo3::prelude::*;

/// The extension's allocator: the analysis makes many short-lived vectors and strings per document, which
/// mimalloc serves in about half the instructions of the system allocator (`analyze` on 2 MB of news:
/// 420M -> 401M instructions, see examples/analyze_profile.rs). Python objects keep Python's allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod align;
mod analyze;
mod columns;
mod errors;
mod gazetteer;
mod quotes;

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
