//! (corpus: see lib.rs for the pipeline.)
