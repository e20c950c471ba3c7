//! A Python `str` as the UTF-8 text the core reads.
//!
//! CPython stores a str in one of three fixed-width layouts (Latin-1, UCS-2, UCS-4). An ASCII str is UTF-8
//! as stored and is borrowed; any other is encoded here, a run of ASCII chars at a time. This is faster than
//! asking CPython for its UTF-8 form, which it would also keep, attached to the str, for as long as the str
//! lives (doubling the memory of a corpus held in a list or a DataFrame).
use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::string::PyStringData;
use pyo3::types::PyString;

use crate::text::units_to_utf8 as encode;

/// The UTF-8 text of `text`; a lone surrogate (which UTF-8 cannot hold) is a ValueError naming its offset.
pub(crate) fn text_of<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    // SAFETY: PyO3 documents this as tested on the platforms we build for (little-endian, CPython). The
    // borrow is tied to `text`, which the caller keeps alive; Python strs are immutable.
    let data = unsafe { text.data() }?;
    let encoded = match data {
        PyStringData::Ucs1(b) => {
            if b.is_ascii() {
                // ASCII is UTF-8 as it is.
                return Ok(Cow::Borrowed(
                    std::str::from_utf8(b).expect("ASCII is UTF-8"),
                ));
            }
            encode(b)
        }
        PyStringData::Ucs2(u) => encode(u),
        PyStringData::Ucs4(u) => encode(u),
    };
    encoded.map(Cow::Owned).map_err(|pos| {
        PyValueError::new_err(format!(
            "text is not valid Unicode: a lone surrogate at offset {pos} (decode with errors='replace'?)"
        ))
    })
}
