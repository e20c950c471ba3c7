//! (quotes: see lib.rs for the pipeline.)
