//! The text layer: normaliser, paragraph/sentence segmentation, the code-unit sources and surrogate checks.
#![no_main]
use libfuzzer_sys::fuzz_target;
use saidwho::text::segment::{paragraphs, sentences};
use saidwho::text::{check_no_surrogates, is_space, Normalizer, TextSource};

#[path = "common.rs"]
mod common;
use common::*;

fn check_normalised(out: &str) {
    assert!(!out.starts_with(' ') && !out.ends_with(' '), "not trimmed: {out:?}");
    assert!(!out.contains("  "), "double space: {out:?}");
    assert!(!out.chars().any(|c| c != ' ' && is_space(c)), "white space left: {out:?}");
}

/// The chars read forward and backward from one storage equal the text's chars.
fn check_source<S: TextSource + ?Sized>(src: &S, chars: &[char], unit_len: impl Fn(char) -> usize) {
    let mut i = 0;
    let mut k = 0;
    while i < src.len() {
        let (c, next) = src.next_char(i);
        assert_eq!(c, chars[k], "next_char at {i}");
        assert_eq!(next - i, unit_len(c));
        i = next;
        k += 1;
    }
    assert_eq!(k, chars.len());
    while i > 0 {
        let (c, prev) = src.prev_char(i);
        k -= 1;
        assert_eq!(c, chars[k], "prev_char at {i}");
        i = prev;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    for (fc, fa) in [(false, false), (true, false), (false, true), (true, true)] {
        let n = Normalizer::new(fc, fa);
        let out = n.normalize_str(&text);
        check_normalised(&out);
    }
    // Paragraphs: sorted, disjoint, trimmed, single lines; sentences inside their paragraph.
    let mut last = 0;
    for p in paragraphs(&text) {
        check_range(&text, &p, "paragraph");
        assert!(p.start >= last && p.start < p.end, "paragraph {p:?} after {last}");
        let s = &text[p.clone()];
        assert!(!s.contains('\n') && !s.contains('\r'));
        assert_eq!(s.trim(), s);
        let mut at = p.start;
        for r in sentences(&text, p.clone()) {
            check_range(&text, &r, "sentence");
            assert!(r.start >= at && r.end <= p.end && r.start < r.end, "sentence {r:?} in {p:?}");
            at = r.end;
        }
        last = p.end;
    }
    // The storages Python strings use read as the same chars.
    let chars: Vec<char> = text.chars().collect();
    check_source(text.as_str(), &chars, |c| c.len_utf8());
    let l = layouts(&text);
    check_source(&l.ucs4[..], &chars, |_| 1);
    if let Some(u) = &l.ucs2 {
        check_source(&u[..], &chars, |_| 1);
        assert_eq!(check_no_surrogates(&u[..]), None);
    }
    if let Some(b) = &l.latin1 {
        check_source(&b[..], &chars, |_| 1);
    }
    assert_eq!(check_no_surrogates(&l.ucs4[..]), None);
    // A lone surrogate anywhere is found at its offset (the first one).
    if !l.ucs4.is_empty() {
        let at = data[0] as usize % (l.ucs4.len() + 1);
        let mut bad = l.ucs4.clone();
        bad.insert(at, 0xD800 + (data.len() as u32 % 0x800));
        assert_eq!(check_no_surrogates(&bad[..]), Some(at));
    }
});
