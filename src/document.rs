//! One tokenisation of a document, shared by the stages that read words (crate-internal).
//!
//! [`DocTokens::new`] tokenises every paragraph once ([`crate::people::tokens`]), classifies each word and finds
//! the cue starting at it ([`CueLexicon::classify_into`]). The people finder copies the few tokens around each
//! capitalised word from it, and the attribution of quotations in marks and reported speech read their windows
//! from it with [`DocTokens::window`], which folds each quotation into one opaque token and reads whole words at
//! its edges. A window whose quotations cut through a token of the stream (a quotation mark inside a word) is
//! tokenised again on its own.
//!
//! ```text
//! text:    Putin said the war could be a “long process”.
//! stream:  Putin said the war could be a “ long process ” .
//! window:  Putin said the war could be a [quote 0] .
//! ```
use std::ops::Range;

use crate::people::tokens::{tokenize, tokenize_with, Classify, Kind, Tok, CUE_WORD};
use crate::quotes::cues::{CueHit, CueLexicon};

/// The tokens of a whole document, in text order, with the cue found at each.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocTokens {
    pub toks: Vec<Tok>,
    /// The cue starting at each token; `end` counts tokens from the first of its paragraph (so a paragraph's
    /// tokens and hits are a window as they are). Cues never cross a paragraph.
    pub hits: Vec<Option<CueHit>>,
    /// The first token of each paragraph, and the token count at the end.
    para_first: Vec<usize>,
}

/// Classifies each word by the cue lexicon as it is read and notes the words that start a cue (token index in
/// the paragraph, phrase group).
struct ByCues<'a> {
    cues: &'a CueLexicon,
    cands: &'a mut Vec<(usize, u32)>,
    /// The paragraph's first token.
    p0: usize,
}

impl Classify for ByCues<'_> {
    #[inline(always)]
    fn classes(&mut self, w: &str, ascii: bool, k: usize) -> (u32, u8) {
        let (cls, grp) = self.cues.word_entry(w, ascii);
        match grp {
            Some(g) => {
                self.cands.push((k - self.p0, g));
                (cls, CUE_WORD)
            }
            None => (cls, 0),
        }
    }
}

/// Scratch space for windows that cannot be read as a slice of the stream.
#[derive(Debug, Default)]
pub(crate) struct WindowBuf {
    toks: Vec<Tok>,
    hits: Vec<Option<CueHit>>,
}

impl DocTokens {
    /// Tokenises and classifies the paragraphs `paras` of `text`; with `cues`, also finds the cue at each
    /// token (without, `hits` are all `None` and words get their [`crate::people::lexicon::classes`]).
    #[inline(never)]
    pub(crate) fn new(text: &str, paras: &[Range<usize>], cues: Option<&CueLexicon>) -> Self {
        // News has about one token per five bytes; room for one per four saves growing the vectors.
        let mut toks = Vec::with_capacity(text.len() / 4 + 16);
        let mut hits = Vec::with_capacity(text.len() / 4 + 16);
        let mut para_first = Vec::with_capacity(paras.len() + 1);
        let mut cands = Vec::new();
        for p in paras {
            let p0 = toks.len();
            para_first.push(p0);
            match cues {
                Some(c) => {
                    // Words are classified as they are read; the cues they start are read after the paragraph.
                    cands.clear();
                    tokenize_with(
                        text,
                        p.start,
                        p.end,
                        &[],
                        usize::MAX,
                        &mut toks,
                        ByCues {
                            cues: c,
                            cands: &mut cands,
                            p0,
                        },
                    );
                    c.hits_of(text, &toks[p0..], &cands, &mut hits);
                }
                None => {
                    tokenize(text, p.start, p.end, &[], true, &mut toks);
                    hits.resize(toks.len(), None);
                }
            }
        }
        para_first.push(toks.len());
        DocTokens {
            toks,
            hits,
            para_first,
        }
    }

    /// Index of the first token that starts at or after byte `pos`.
    #[inline]
    pub(crate) fn first_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// Index of the token a tokenisation starting at byte `pos` would give first, when it is the stream's
    /// (`pos` is not inside a token nor at a possessive's apostrophe).
    #[inline]
    pub(crate) fn index_at(&self, pos: usize) -> Option<usize> {
        self.index_from(0, pos)
    }

    /// [`DocTokens::index_at`], searching forward from token `from` (at or before `pos`): a few steps for a
    /// nearby position.
    #[inline]
    pub(crate) fn index_from(&self, from: usize, pos: usize) -> Option<usize> {
        let t = &self.toks;
        let mut k = from;
        let mut steps = 0;
        while k < t.len() && t[k].start < pos {
            k += 1;
            steps += 1;
            if steps > 16 {
                k = from + self.toks[from..].partition_point(|t| t.start < pos);
                break;
            }
        }
        let inside = k > 0 && t[k - 1].end > pos;
        let poss = t
            .get(k)
            .is_some_and(|t| t.start == pos && t.kind == Kind::Poss);
        (!inside && !poss).then_some(k)
    }

    /// The tokens of the window `text[ws..we]` with each quotation of `spans` ((index, open, close), sorted,
    /// inside the window) as one `Quote` token, and the cue at each. A window reads whole tokens: a word its
    /// edges cut is read whole (tokenising from inside a word would read a fragment). When a quotation's marks
    /// fall inside a token, or a cue runs past a quotation or the window's end, the window is tokenised again
    /// on its own and classified by `cues`.
    pub(crate) fn window<'s>(
        &'s self,
        text: &str,
        ws: usize,
        we: usize,
        spans: &[(u32, usize, usize)],
        cues: &CueLexicon,
        buf: &'s mut WindowBuf,
    ) -> (&'s [Tok], &'s [Option<CueHit>]) {
        // A whole paragraph without quotations is a slice of the stream.
        if spans.is_empty() {
            if let Some(k0) = self.index_at(ws) {
                let p = self
                    .para_first
                    .partition_point(|&f| f <= k0)
                    .saturating_sub(1);
                let k1 = self.para_first.get(p + 1).copied().unwrap_or(k0);
                let whole = self.para_first[p] == k0
                    && (k1 == k0 || self.toks[k1 - 1].end <= we)
                    && self.toks.get(k1).is_none_or(|t| t.start >= we);
                if whole && self.index_from(k0, we).is_some() {
                    return (&self.toks[k0..k1], &self.hits[k0..k1]);
                }
            }
        }
        // A word cut by the window's edges is read whole.
        let ws = self.token_around(ws).map_or(ws, |t| t.start);
        let we = self.token_around(we).map_or(we, |t| t.end);
        buf.toks.clear();
        buf.hits.clear();
        if !self.fill(ws, we, spans, &mut buf.toks, &mut buf.hits) {
            buf.toks.clear();
            tokenize(text, ws, we, spans, false, &mut buf.toks);
            buf.hits.clear();
            cues.classify_into(text, &mut buf.toks, &mut buf.hits);
        }
        (&buf.toks, &buf.hits)
    }

    /// The token byte `pos` falls strictly inside, if any.
    fn token_around(&self, pos: usize) -> Option<&Tok> {
        let k = self.first_at(pos);
        k.checked_sub(1)
            .map(|k| &self.toks[k])
            .filter(|t| t.end > pos)
    }

    /// [`DocTokens::window`] from the stream; false when the window needs a tokenisation of its own.
    fn fill(
        &self,
        ws: usize,
        we: usize,
        spans: &[(u32, usize, usize)],
        toks: &mut Vec<Tok>,
        hits: &mut Vec<Option<CueHit>>,
    ) -> bool {
        let all = &self.toks;
        let mut k = self.first_at(ws);
        // Room for the window at once (a quotation folds several tokens into one): no growing on the way.
        let room = self.first_at(we) - k + spans.len();
        toks.reserve(room);
        hits.reserve(room);
        // The first token of the window's paragraph: hits count from it.
        let p0 = self.para_first[self
            .para_first
            .partition_point(|&f| f <= k)
            .saturating_sub(1)];
        let mut si = 0;
        loop {
            // The run of tokens before the next quotation (or the window's end) is copied at once.
            let lim = spans.get(si).map_or(we, |s| s.1.min(we));
            let r = k + all[k..].partition_point(|t| t.end <= lim);
            let base = toks.len();
            toks.extend_from_slice(&all[k..r]);
            for h in &self.hits[k..r] {
                hits.push(match *h {
                    Some(mut h) => {
                        // The cue's last token must come before the next quotation and the window's end.
                        let end = p0 + h.end;
                        if all[end - 1].end > lim {
                            return false;
                        }
                        h.end = end - k + base;
                        Some(h)
                    }
                    None => None,
                });
            }
            k = r;
            // The next quotation opens before the next token ends: fold it.
            let Some(&(idx, open, close)) = spans.get(si) else {
                return true;
            };
            if k < all.len() && all[k].start < open {
                return false; // a mark inside a token
            }
            toks.push(Tok::quote(idx, open, close));
            hits.push(None);
            while k < all.len() && all[k].start < close {
                if all[k].end > close {
                    return false;
                }
                k += 1;
            }
            si += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::paragraphs;

    /// The document's tokens and cues, classified as the tokenizer reads them, are those of tokenising each
    /// paragraph and classifying it afterwards ([`CueLexicon::classify_into`]).
    fn same_as_two_passes(text: &str) {
        let paras: Vec<_> = paragraphs(text).collect();
        let cues = CueLexicon::default();
        let doc = DocTokens::new(text, &paras, Some(&cues));
        let (mut toks, mut hits) = (Vec::new(), Vec::new());
        for p in &paras {
            let p0 = toks.len();
            tokenize(text, p.start, p.end, &[], false, &mut toks);
            cues.classify_into(text, &mut toks[p0..], &mut hits);
        }
        let key = |t: &Tok| (t.start, t.end, t.kind, t.flags, t.cls, t.aux);
        assert_eq!(
            doc.toks.iter().map(key).collect::<Vec<_>>(),
            toks.iter().map(key).collect::<Vec<_>>(),
            "{text:?}"
        );
        assert_eq!(doc.hits, hits, "{text:?}");
    }

    #[test]
    fn classified_while_read_is_classified_after() {
        for text in [
            "““claimed“he,and",
            "Putin said on Tuesday that the war, according to Mr. Lukashenko’s aides, was over.\n\nThey told reporters so.",
            "According to the U.S. ministry, 30 drones were shot down, officials said. Élysée sources vowed.",
        ] {
            same_as_two_passes(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn classified_while_read_is_classified_after_on_any_text(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "“", "”", "\"", " ", "\n", "\n\n", ".", ",", "said", "told", "according", "to", "the", "Mr.",
                "he", "claimed", "and", "É", "é", "’s", "on", "Tuesday", "that", "U.S.", "3.5", "Says",
            ]), 0..60)) {
            same_as_two_passes(&parts.concat());
        }
    }

    fn own(text: &str, ws: usize, we: usize, spans: &[(u32, usize, usize)]) -> Vec<(usize, usize)> {
        let mut toks = Vec::new();
        tokenize(text, ws, we, spans, false, &mut toks);
        toks.iter().map(|t| (t.start, t.end)).collect()
    }

    #[test]
    fn a_window_from_the_stream_is_the_window_tokenised_alone() {
        let text =
            "Putin said the war could be a “long process”. He told reporters: “We will win.”\n\
                    Mr. Lukashenko’s aides, according to the ministry, said so.";
        let paras: Vec<_> = paragraphs(text).collect();
        let cues = CueLexicon::default();
        let doc = DocTokens::new(text, &paras, Some(&cues));
        let q1 = (
            0u32,
            text.find('“').unwrap(),
            text.find('”').unwrap() + '”'.len_utf8(),
        );
        let o2 = text.rfind('“').unwrap();
        let q2 = (
            1u32,
            o2,
            text[o2..].find('”').unwrap() + o2 + '”'.len_utf8(),
        );
        for (ws, we, spans) in [
            (paras[0].start, paras[0].end, vec![q1, q2]),
            (paras[1].start, paras[1].end, vec![]),
            (0, q2.2, vec![q1, q2]),
        ] {
            let mut buf = WindowBuf::default();
            let (toks, hits) = doc.window(text, ws, we, &spans, &cues, &mut buf);
            let got: Vec<(usize, usize)> = toks.iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(got, own(text, ws, we, &spans));
            let mut alone = Vec::new();
            tokenize(text, ws, we, &spans, false, &mut alone);
            let want = cues.classify(text, &mut alone);
            assert_eq!(hits, want);
            for (a, b) in toks.iter().zip(&alone) {
                assert_eq!((a.kind, a.cls, a.aux), (b.kind, b.cls, b.aux));
            }
        }
    }

    #[test]
    fn windows_from_every_start_match_their_own_tokenisation() {
        let text =
            "Mr. Lukashenko’s aide told reporters on Monday: “The U.S. said it, 3.5 times.” \
                    Russia’s ‘envoy’ added that O’Brien's plan was dead, according to Kyiv.";
        let cues = CueLexicon::default();
        let whole: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let doc = DocTokens::new(text, &whole, Some(&cues));
        let q: Vec<(u32, usize, usize)> = [('“', '”'), ('‘', '’')]
            .iter()
            .enumerate()
            .map(|(i, &(o, c))| {
                let open = text.find(o).unwrap();
                (
                    i as u32,
                    open,
                    text[open..].find(c).unwrap() + open + c.len_utf8(),
                )
            })
            .collect();
        for ws in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for we in (ws..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(7)
            {
                let spans: Vec<_> = q
                    .iter()
                    .copied()
                    .filter(|s| s.1 >= ws && s.2 <= we)
                    .collect();
                let mut buf = WindowBuf::default();
                let (toks, hits) = doc.window(text, ws, we, &spans, &cues, &mut buf);
                // The window widened to the whole words its edges cut, tokenised alone.
                let (mut ws2, mut we2) = (ws, we);
                if let Some(t) = doc.toks.iter().find(|t| t.start < ws && ws < t.end) {
                    ws2 = t.start;
                }
                if let Some(t) = doc.toks.iter().find(|t| t.start < we && we < t.end) {
                    we2 = t.end;
                }
                let mut alone = Vec::new();
                tokenize(text, ws2, we2, &spans, false, &mut alone);
                if doc
                    .toks
                    .iter()
                    .any(|t| t.start == ws2 && t.kind == Kind::Poss)
                {
                    continue; // a possessive read from its apostrophe is punctuation
                }
                let want = cues.classify(text, &mut alone);
                let key = |t: &Tok| (t.start, t.end, t.kind, t.cls, t.aux);
                let got: Vec<_> = toks.iter().map(key).collect();
                assert_eq!(got, alone.iter().map(key).collect::<Vec<_>>(), "{ws}..{we}");
                assert_eq!(hits, want, "{ws}..{we}");
            }
        }
    }

    #[test]
    fn a_mark_inside_a_word_tokenises_the_window_again() {
        // An apostrophe used as a quotation mark inside "O'Brien": the stream's word crosses the mark.
        let text = "He met O'Brien' today.";
        let paras: Vec<_> = paragraphs(text).collect();
        let cues = CueLexicon::default();
        let doc = DocTokens::new(text, &paras, Some(&cues));
        let open = text.find('\'').unwrap();
        let close = text.rfind('\'').unwrap() + 1;
        let spans = [(0u32, open, close)];
        let mut buf = WindowBuf::default();
        let (toks, _) = doc.window(text, 0, text.len(), &spans, &cues, &mut buf);
        let got: Vec<(usize, usize)> = toks.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(got, own(text, 0, text.len(), &spans));
        assert!(toks.iter().any(|t| t.kind == Kind::Quote));
    }
}
