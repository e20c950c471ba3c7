//! The scan: anchored trie walks from word starts only, folding each text char on the fly (no copy of the
//! text), accepting a key only at a char boundary that is a word boundary. Offsets are the source's own
//! code units, so Python strings need no offset conversion.
use super::trie::{Trie, NONE};
use super::{Gazetteer, Match};
use crate::text::normalize::ASCII_SPACE;
use crate::text::{char_flags, is_capital, tables, TextSource};

const WORD: u8 = tables::WORD;
const SPACE: u8 = tables::SPACE;

#[inline(always)]
fn flags_of(c: char) -> u8 {
    char_flags(c)
}

/// A terminal reached at a valid end during a walk.
struct Hit {
    end: usize,
    term: u32,
    last_word: bool,
}

impl Gazetteer {
    /// Find the mentions in any [`TextSource`] (offsets in its code units), calling `emit` for each, in
    /// order of start (then end, when overlapping).
    pub fn find_in<S: TextSource + ?Sized>(
        &self,
        text: &S,
        overlapping: bool,
        mut emit: impl FnMut(Match),
    ) {
        let n = text.len();
        let mut i = 0usize;
        let mut prev_word = false;
        let mut hits: Vec<Hit> = Vec::new();
        while i < n {
            let (c, next) = text.next_char(i);
            let f = flags_of(c);
            let word = f & WORD != 0;
            if word && prev_word {
                // Inside a word: no match can start before its end.
                i = text.skip_word(next);
                prev_word = true;
                continue;
            }
            // A match may start here only at a word start or at a non-word char; never at white space.
            if f & SPACE == 0 && (!c.is_ascii() || self.ascii_start[c as usize]) {
                hits.clear();
                self.walk(text, i, &mut hits);
                if overlapping {
                    for h in hits.drain(..) {
                        if let Some(m) = self.accept(text, i, &h) {
                            emit(m);
                        }
                    }
                } else if let Some((m, last_word)) = hits
                    .iter()
                    .rev()
                    .find_map(|h| self.accept(text, i, h).map(|m| (m, h.last_word)))
                {
                    i = m.end;
                    prev_word = last_word;
                    emit(m);
                    continue;
                }
            }
            prev_word = word;
            i = next;
        }
    }

    /// Walk the trie from `s`, pushing every terminal reached at a valid whole-word end (shortest first);
    /// the caller checks the candidates (case verification, context) and picks.
    #[inline]
    fn walk<S: TextSource + ?Sized>(&self, text: &S, s: usize, hits: &mut Vec<Hit>) {
        let n = text.len();
        let trie = &self.trie;
        let mut node = trie.root();
        let mut j = s;
        let mut prev_space = false;
        while j < n {
            let (c, nj) = text.next_char(j);
            let f;
            if c.is_ascii() {
                let b = self.norm.ascii(c as u8);
                if b == ASCII_SPACE {
                    if !prev_space {
                        node = trie.child(node, b' ');
                        if node == 0 {
                            return;
                        }
                        prev_space = true;
                    }
                    j = nj;
                    continue;
                }
                node = trie.child(node, b);
                if node == 0 {
                    return;
                }
                f = tables::LATIN1_CLASS[c as usize];
                prev_space = false;
            } else {
                f = flags_of(c);
                if f & SPACE != 0 {
                    if !prev_space {
                        node = trie.child(node, b' ');
                        if node == 0 {
                            return;
                        }
                        prev_space = true;
                    }
                    j = nj;
                    continue;
                }
                let nb = self.norm.norm_char(c);
                // A char that folds to nothing (a mark, with accent folding) is transparent.
                if !nb.as_bytes().is_empty() {
                    node = trie.walk(node, nb.as_bytes());
                    if node == 0 {
                        return;
                    }
                    prev_space = false;
                }
            }
            j = nj;
            if Trie::is_term(node) {
                let term = trie.term(node);
                let last_word = f & WORD != 0;
                let end_ok = j == n || !last_word || flags_of(text.next_char(j).0) & WORD == 0;
                if end_ok {
                    hits.push(Hit {
                        end: j,
                        term,
                        last_word,
                    });
                }
            }
        }
    }

    /// Turn a hit into a match if at least one of its candidates passes its checks.
    #[inline]
    fn accept<S: TextSource + ?Sized>(&self, text: &S, s: usize, h: &Hit) -> Option<Match> {
        let t = h.term as usize;
        let (a, b) = (self.term_start[t], self.term_start[t + 1]);
        if !self.term_checked[t] {
            let c = self.cands[a as usize];
            return Some(Match {
                start: s,
                end: h.end,
                entry: c.entry,
                cand: a,
                term: h.term,
                subset: None,
            });
        }
        let mut passed: Vec<u32> = Vec::new();
        let mut context: Option<bool> = None;
        for ci in a..b {
            let c = self.cands[ci as usize];
            if c.exact != NONE
                && !self.exact_equal(text, s, h.end, &self.exact_keys[c.exact as usize])
            {
                continue;
            }
            if c.context && !*context.get_or_insert_with(|| context_ok(text, s, h.end)) {
                continue;
            }
            passed.push(ci);
        }
        let first = *passed.first()?;
        let subset = if passed.len() == (b - a) as usize {
            None
        } else {
            Some(passed.into_boxed_slice())
        };
        Some(Match {
            start: s,
            end: h.end,
            entry: self.cands[first as usize].entry,
            cand: first,
            term: h.term,
            subset,
        })
    }

    /// Whether `text[s..e]`, normalised without case folding, equals `key`.
    fn exact_equal<S: TextSource + ?Sized>(
        &self,
        text: &S,
        s: usize,
        e: usize,
        key: &[u8],
    ) -> bool {
        let mut k = 0usize;
        let mut j = s;
        let mut prev_space = false;
        while j < e {
            let (c, nj) = text.next_char(j);
            j = nj;
            if flags_of(c) & SPACE != 0 {
                if !prev_space {
                    if key.get(k) != Some(&b' ') {
                        return false;
                    }
                    k += 1;
                    prev_space = true;
                }
                continue;
            }
            let nb = self.exact_norm.norm_char(c);
            let bytes = nb.as_bytes();
            if bytes.is_empty() {
                continue;
            }
            prev_space = false;
            if key.len() < k + bytes.len() || &key[k..k + bytes.len()] != bytes {
                return false;
            }
            k += bytes.len();
        }
        k == key.len()
    }
}

/// Opening brackets and quote marks skipped when looking for the end of the previous sentence.
fn is_quote_or_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›' | '(' | '[' | '{'
    )
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The proper-name context check of context aliases (see the module docs).
fn context_ok<S: TextSource + ?Sized>(text: &S, s: usize, e: usize) -> bool {
    let (first, _) = text.next_char(s);
    if !is_capital(first) {
        return false;
    }
    // Not sentence- or paragraph-initial.
    let mut j = s;
    loop {
        if j == 0 {
            return false;
        }
        let (c, pj) = text.prev_char(j);
        if is_line_break(c) {
            return false;
        }
        if flags_of(c) & SPACE != 0 || is_quote_or_opener(c) {
            j = pj;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            return false;
        }
        break;
    }
    // Not next to another capitalised word across white space (no line break).
    let mut j = s;
    let mut skipped = false;
    while j > 0 {
        let (c, pj) = text.prev_char(j);
        if flags_of(c) & SPACE != 0 && !is_line_break(c) {
            skipped = true;
            j = pj;
            continue;
        }
        if skipped && flags_of(c) & WORD != 0 {
            // Find the previous word's first char.
            let mut k = pj;
            let mut first = c;
            while k > 0 {
                let (pc, pk) = text.prev_char(k);
                if flags_of(pc) & WORD == 0 {
                    break;
                }
                first = pc;
                k = pk;
            }
            if is_capital(first) {
                return false;
            }
        }
        break;
    }
    let n = text.len();
    let mut j = e;
    let mut skipped = false;
    while j < n {
        let (c, nj) = text.next_char(j);
        if flags_of(c) & SPACE != 0 && !is_line_break(c) {
            skipped = true;
            j = nj;
            continue;
        }
        if skipped && is_capital(c) {
            return false;
        }
        break;
    }
    true
}
