//! Many documents: one-call analysis of a text or a batch, and cross-document quote alignment.
pub mod align;
pub mod analyze;
