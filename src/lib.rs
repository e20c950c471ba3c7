//! saidwho — who said what, about whom, in news text.
//!
//! The crate is a pure Rust core (no Python) plus optional PyO3 bindings behind the `python` feature.
//! Data flows one way through the modules, each depending only on those before it:
//!
//! ```text
//! text      -> word classes, case folding, normalisation, paragraphs/sentences, offset maps
//! gazetteer -> entity mentions from aliases (exact whole-word matching)
//! document  -> one tokenisation of a document (words classified, cues found), read by people and quotes
//! people    -> person mentions found in the text and clustered per document
//! quotes    -> quotation spans, kind, cue, speaker mention, resolved speaker
//! corpus    -> many documents: tables and cross-document quote alignment
//! parallel  -> the crate's rayon pools (cached, fork-aware)
//! py        -> the Python bindings (feature `python`)
//! ```
pub mod corpus;
mod document;
pub mod error;
pub mod gazetteer;
pub mod parallel;
pub mod people;
pub mod quotes;
pub mod text;

#[cfg(feature = "python")]
mod py;

pub use error::{Error, Result};
