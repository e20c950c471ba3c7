//! (people: see lib.rs for the pipeline.)
