//! The core's one error type. The bindings map each variant onto one Python exception.
use thiserror::Error;

/// Everything that can go wrong in the core.
#[derive(Debug, Error)]
pub enum Error {
    /// An argument is out of its domain (an unknown option value, an empty alias...).
    #[error("{0}")]
    InvalidArgument(String),
    /// A gazetteer source file (TSV/CSV/records) is malformed.
    #[error("malformed gazetteer input: {0}")]
    GazetteerInput(String),
    /// A saved gazetteer is corrupt, truncated, of another version, or not a gazetteer at all.
    #[error("invalid saved gazetteer: {0}")]
    GazetteerFormat(String),
    /// An I/O error, with the path it concerns.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with the core's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
