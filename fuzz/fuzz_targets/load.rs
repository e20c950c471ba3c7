//! The saved-gazetteer loader: `Gazetteer::from_bytes` must return an error, never panic, on any input; a
//! gazetteer it accepts must scan any text without panicking and save again.
//!
//! Modes (first byte): raw bytes; bytes wrapped in a valid header and checksum (so the fuzzer reaches the
//! payload decoder past the CRC); a real saved gazetteer with fuzzer-chosen byte edits and truncation, the
//! checksum fixed up.
#![no_main]
use libfuzzer_sys::fuzz_target;
use saidwho::gazetteer::{AccentMode, Alias, CaseMode, Entry, Gazetteer, Options, FORMAT_VERSION};

#[path = "common.rs"]
mod common;
use common::*;

const MAGIC: &[u8; 12] = b"SAIDWHO-GAZ\0";
const HEADER: usize = 12 + 4 + 8 + 4;
const TEXT: &str = "In KYIV, Kiev and Zürich, U.S. officials met Putin’s aides. “No,” said Reading. Ünï 😀 kyiv";

fn wrap(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn sample(sel: u8) -> Vec<u8> {
    let mut reading = Entry::new("reading", "Reading", "GPE", &[]);
    reading.aliases.push(Alias { text: "Reading".into(), case: None, context: true });
    let mut entries = vec![
        Entry::new("kyiv", "Kyiv", "GPE", &["Kiev", "Kyiv"]),
        Entry::new("us", "United States", "GPE", &["US", "U.S."]),
        Entry::new("zurich", "Zürich", "GPE", &["Zürich"]),
        Entry::new("putin", "Vladimir Putin", "PERSON", &["Putin", "Putin’s aides"]),
        reading,
    ];
    entries[1].attrs.insert("iso".into(), serde_json::Value::from(sel as u64));
    let case = [CaseMode::Smart, CaseMode::Insensitive, CaseMode::Sensitive][(sel % 3) as usize];
    let accents = if sel & 4 != 0 { AccentMode::Fold } else { AccentMode::Keep };
    Gazetteer::new(entries, Options { case, accents }).expect("valid").to_bytes()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = match mode % 3 {
        0 => rest.to_vec(),
        1 => wrap(rest),
        _ => {
            let Some((&sel, edits)) = rest.split_first() else { return };
            let mut saved = sample(sel);
            let mut payload = saved.split_off(HEADER);
            for e in edits.chunks_exact(3) {
                let at = u16::from_le_bytes([e[0], e[1]]) as usize;
                if e[2] == 0 {
                    payload.truncate(at % (payload.len() + 1));
                } else if !payload.is_empty() {
                    let n = payload.len();
                    payload[at % n] ^= e[2];
                }
            }
            wrap(&payload)
        }
    };
    match Gazetteer::from_bytes(&bytes) {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(g) => {
            for ov in [false, true] {
                for m in g.find_str(TEXT, ov) {
                    check_range(TEXT, &(m.start..m.end), "match");
                    assert!((m.entry as usize) < g.len());
                    let _ = m.candidates(&g);
                    let _ = m.alias(&g);
                }
                let l = layouts(TEXT);
                let mut n = 0;
                g.find_in(&l.ucs4[..], ov, |m| {
                    assert!(m.start < m.end && m.end <= l.ucs4.len());
                    n += 1;
                });
            }
            for e in g.entries() {
                let _ = g.index_of(&e.id);
            }
            let again = Gazetteer::from_bytes(&g.to_bytes()).expect("a loaded gazetteer saves and loads again");
            assert_eq!(again.len(), g.len());
        }
    }
});
