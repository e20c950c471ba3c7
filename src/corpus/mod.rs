//! (corpus: see lib.rs for the pipeline.)
pub mod align;
