//! The scan: anchored trie walks from word starts only, folding each text char on the fly (no copy of the
//! text), accepting a key only at a char boundary that is a word boundary. Offsets are the source's own
//! code units, so Python strings need no offset conversion.
use super::first::{MAX_WORD, SPLITS_WORD};
use super::trie::{Handle, Trie, NONE};
use super::{Gazetteer, Match};
use crate::text::normalize::ASCII_SPACE;
use crate::text::{char_flags, is_capital, tables, TextSource};

const WORD: u8 = tables::WORD;
const SPACE: u8 = tables::SPACE;

#[inline(always)]
fn flags_of(c: char) -> u8 {
    char_flags(c)
}

/// What the first-word index says about a text word.
enum FirstWord {
    /// No key starts with it: no match starts here.
    Absent,
    /// Keys start with it; the trie node after it.
    Node(Handle),
    /// Not looked up (see [`super::first`]): walk.
    Unknown,
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
        let fw = &self.first;
        let mut i = 0usize;
        let mut prev_word = false;
        let mut hits: Vec<Hit> = Vec::new();
        while i < n {
            let u = text.unit(i);
            if u < 0x80 {
                // ASCII fast path.
                if fw.ascii_word(u) == 0 {
                    // Not a word char; a match starts here only if a key starts with it (never white space).
                    if self.ascii_start[u as usize] {
                        hits.clear();
                        self.walk(text, i, &mut hits);
                        if let Some((e, last_word)) =
                            self.choose(text, i, &mut hits, overlapping, &mut emit)
                        {
                            i = e;
                            prev_word = last_word;
                            continue;
                        }
                    }
                    prev_word = false;
                    i += 1;
                    continue;
                }
                if prev_word || !self.ascii_start[u as usize] {
                    // Inside a word, or a word no key starts with: no match starts before its end.
                    i = text.skip_word(i + 1);
                    prev_word = true;
                    continue;
                }
            } else {
                let (c, next) = text.next_char(i);
                let f = flags_of(c);
                let word = f & WORD != 0;
                if word && prev_word {
                    i = text.skip_word(next);
                    continue;
                }
                if !word {
                    if f & SPACE == 0 {
                        hits.clear();
                        self.walk(text, i, &mut hits);
                        if let Some((e, last_word)) =
                            self.choose(text, i, &mut hits, overlapping, &mut emit)
                        {
                            i = e;
                            prev_word = last_word;
                            continue;
                        }
                    }
                    prev_word = false;
                    i = next;
                    continue;
                }
            }
            // A word start: look its first word up before walking (see `first`).
            let (end, found) = self.first_word(text, i);
            hits.clear();
            match found {
                FirstWord::Absent => {}
                FirstWord::Node(node) => self.walk_on(text, end, node, &mut hits),
                FirstWord::Unknown => self.walk(text, i, &mut hits),
            }
            if !hits.is_empty() {
                if let Some((e, last_word)) =
                    self.choose(text, i, &mut hits, overlapping, &mut emit)
                {
                    i = e;
                    prev_word = last_word;
                    continue;
                }
            }
            // No match starts inside the word.
            i = end;
            prev_word = true;
        }
    }

    /// Emit the matches of the hits of a walk from `s`: all of them when overlapping (returns None), else
    /// the longest that passes its checks, returning its end and whether its last char is a word char.
    #[inline]
    fn choose<S: TextSource + ?Sized>(
        &self,
        text: &S,
        s: usize,
        hits: &mut Vec<Hit>,
        overlapping: bool,
        emit: &mut impl FnMut(Match),
    ) -> Option<(usize, bool)> {
        if overlapping {
            for h in hits.drain(..) {
                if let Some(m) = self.accept(text, s, &h) {
                    emit(m);
                }
            }
            return None;
        }
        let (m, last_word) = hits
            .iter()
            .rev()
            .find_map(|h| self.accept(text, s, h).map(|m| (m, h.last_word)))?;
        let e = m.end;
        emit(m);
        Some((e, last_word))
    }

    /// Normalise the word starting at `i` (a word start) and look it up among the keys' first words. Returns
    /// the word's end and what the lookup says.
    #[inline(always)]
    fn first_word<S: TextSource + ?Sized>(&self, text: &S, i: usize) -> (usize, FirstWord) {
        let n = text.len();
        let fw = &self.first;
        // Zero-padded: the hash reads whole 8-byte chunks.
        let mut buf = [0u8; MAX_WORD + 8];
        let mut len = 0usize;
        let mut j = i;
        let mut unknown = false;
        while j < n {
            // Eight ASCII units at a time while the word fits in `buf`, as the loop below would store them.
            if j + 8 <= n && len + 8 <= MAX_WORD {
                if let Some((k, m)) = text.ascii8(j).and_then(|x| fw.ascii_words8(x)) {
                    buf[len..len + 8].copy_from_slice(&m.to_le_bytes());
                    len += k;
                    j += k;
                    if k < 8 {
                        break;
                    }
                    continue;
                }
            }
            let u = text.unit(j);
            if u < 0x80 {
                let b = fw.ascii_word(u);
                if b == 0 {
                    break;
                }
                if len < MAX_WORD {
                    buf[len] = b;
                }
                len += 1;
                j += 1;
                continue;
            }
            let (c, nj) = text.next_char(j);
            if flags_of(c) & WORD == 0 {
                break;
            }
            unknown |= SPLITS_WORD.contains(&c);
            let nb = self.norm.norm_char(c);
            let b = nb.as_bytes();
            if len + b.len() <= MAX_WORD {
                buf[len..len + b.len()].copy_from_slice(b);
            }
            len += b.len();
            j = nj;
        }
        if unknown || len == 0 || len > MAX_WORD {
            return (j, FirstWord::Unknown);
        }
        match fw.get_padded(&buf, len) {
            0 => (j, FirstWord::Absent),
            node => (j, FirstWord::Node(node)),
        }
    }

    /// Walk the trie from `s`, pushing every terminal reached at a valid whole-word end (shortest first);
    /// the caller checks the candidates (case verification, context) and picks.
    #[inline]
    fn walk<S: TextSource + ?Sized>(&self, text: &S, s: usize, hits: &mut Vec<Hit>) {
        self.walk_from(text, s, self.trie.root(), hits)
    }

    /// Go on with a walk that reached `node` at `j`, the end of the match's first word (a word end, so a
    /// terminal there is a valid end).
    #[inline]
    fn walk_on<S: TextSource + ?Sized>(
        &self,
        text: &S,
        j: usize,
        node: Handle,
        hits: &mut Vec<Hit>,
    ) {
        if Trie::is_term(node) {
            hits.push(Hit {
                end: j,
                term: self.trie.term(node),
                last_word: true,
            });
        }
        self.walk_from(text, j, node, hits)
    }

    /// The walk from `node` at offset `s`.
    #[inline]
    fn walk_from<S: TextSource + ?Sized>(
        &self,
        text: &S,
        s: usize,
        mut node: Handle,
        hits: &mut Vec<Hit>,
    ) {
        let n = text.len();
        let trie = &self.trie;
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
        let mut context: Option<bool> = None;
        let mut passes = |ci: u32| {
            let c = self.cands[ci as usize];
            (c.exact == NONE
                || self.exact_equal(text, s, h.end, &self.exact_keys[c.exact as usize]))
                && (!c.context || *context.get_or_insert_with(|| context_ok(text, s, h.end)))
        };
        // The candidates up to the first that fails are counted, not collected: most terms pass whole.
        let mut ci = a;
        while ci < b && passes(ci) {
            ci += 1;
        }
        let subset = if ci == b {
            None
        } else {
            let mut passed: Vec<u32> = (a..ci).collect();
            passed.extend((ci + 1..b).filter(|&c| passes(c)));
            if passed.len() == (b - a) as usize {
                None
            } else {
                Some(passed.into_boxed_slice())
            }
        };
        let first = match &subset {
            None if b > a => a,
            None => return None,
            Some(p) => *p.first()?,
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
            if c.is_ascii() {
                // One byte, as `norm_char` gives it.
                prev_space = false;
                if key.get(k) != Some(&self.exact_norm.ascii(c as u8)) {
                    return false;
                }
                k += 1;
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
