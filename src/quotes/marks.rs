//! Finding quotations: pairing quotation marks, one paragraph at a time, in one linear pass.
//!
//! Double marks (“ ” „ ‟ « » " and doubled apostrophes `''`, with `` `` `` as an opener) make quotations. Whether
//! a mark opens or closes is told by its glyph and by what stands around it: a mark with a space (or line start)
//! before and a non-space after opens; a non-space before and a space or punctuation after closes (the
//! "flanking" rule). A straight `"` alternates guided by the same rule. A second opener while a quotation is
//! open means the first one was stray: it is dropped and the new one opens. A closer with nothing open is
//! ignored. Anything still open at the end of a paragraph is a part of a multi-paragraph quotation when the next
//! paragraph opens with a mark or when the opener began its paragraph (the part runs to the paragraph's end);
//! otherwise it is dropped. So one stray mark never affects more than its own paragraph.
//!
//! Single marks (‘ ’ ' and `` ` ``) are read only outside double quotations (inside one they are nested and stay
//! part of it). An apostrophe is never a quotation mark: a ’ or ' between two word characters ("Russia’s",
//! "don’t"), before a decade or an elision ("’90s", "’n’", "’em") or that cannot be closed in its paragraph is
//! left alone; a closing single mark must be followed by a non-word character. Single quotations never continue
//! over a paragraph break.
use std::ops::Range;

use crate::text::is_word_char;

/// One quotation found by pairing marks (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// Index of the paragraph that holds it.
    pub para: u32,
    /// Start of the opening mark.
    pub open: usize,
    /// The content, inside the marks (trimmed of white space).
    pub start: usize,
    pub end: usize,
    /// End of the closing mark; the paragraph's end when `closed` is false.
    pub close: usize,
    /// False for a part of a multi-paragraph quotation left open at its paragraph's end.
    pub closed: bool,
    /// Made of single marks (‘…’).
    pub single: bool,
}

impl RawQuote {
    /// Does the quotation end its sentence: left open at its paragraph's end, or its content ends with `.`, `!`
    /// or `?` (`“We will win.” He left.`)?
    pub fn ends_sentence(&self, text: &str) -> bool {
        !self.closed || text[self.start..self.end].ends_with(['.', '!', '?'])
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Space,
    Word,
    Punct,
}

fn class_of(c: Option<char>) -> Class {
    match c {
        None => Class::Space,
        Some(c) if c.is_whitespace() => Class::Space,
        Some(c) if is_word_char(c) => Class::Word,
        Some(_) => Class::Punct,
    }
}

/// Can open: something non-space follows, and it is a word or the mark stands after space/punctuation.
fn left_flanking(prev: Class, next: Class) -> bool {
    next != Class::Space && (next != Class::Punct || prev != Class::Word)
}

/// Can close: something non-space precedes, and it is a word or a space/punctuation follows.
fn right_flanking(prev: Class, next: Class) -> bool {
    prev != Class::Space && (prev != Class::Punct || next != Class::Word)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// “ (and ‟)
    LeftDouble,
    /// ”
    RightDouble,
    /// „ (closed by “ or ”)
    LowDouble,
    /// «
    LeftGuillemet,
    /// »
    RightGuillemet,
    /// " or ''
    Straight,
    /// ``
    Backticks,
    /// ‘ (and ‛)
    LeftSingle,
    /// ’
    RightSingle,
    /// '
    StraightSingle,
    /// `
    Backtick,
}

impl Mark {
    fn is_single(self) -> bool {
        matches!(
            self,
            Mark::LeftSingle | Mark::RightSingle | Mark::StraightSingle | Mark::Backtick
        )
    }
}

/// A mark found in a paragraph: kind, start, end.
#[derive(Clone, Copy, Debug)]
struct Found {
    mark: Mark,
    start: usize,
    end: usize,
    prev: Class,
    next: Class,
}

/// Collects the marks of `text[range]` into `out`.
fn collect_marks(text: &str, range: Range<usize>, out: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    let end_all = range.end;
    // Next positions of the common candidate bytes (" ' and the lead byte of the curly marks) and of the rare
    // ones (` and the lead byte of « »), each found by memchr and cached until passed: linear overall.
    let find_main = |from: usize| {
        memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..end_all]).map_or(end_all, |p| from + p)
    };
    let find_rare = |from: usize| {
        memchr::memchr2(b'`', 0xC2, &bytes[from..end_all]).map_or(end_all, |p| from + p)
    };
    let mut next_main = find_main(range.start);
    let mut next_rare = find_rare(range.start);
    let mut i = range.start;
    while i < range.end {
        if next_main < i {
            next_main = find_main(i);
        }
        if next_rare < i {
            next_rare = find_rare(i);
        }
        i = next_main.min(next_rare);
        if i >= range.end {
            break;
        }
        let b = bytes[i];
        let (mark, len) = match b {
            b'"' => (Some(Mark::Straight), 1),
            b'\'' => {
                if bytes.get(i + 1) == Some(&b'\'') && i + 1 < range.end {
                    (Some(Mark::Straight), 2)
                } else {
                    (Some(Mark::StraightSingle), 1)
                }
            }
            b'`' => {
                if bytes.get(i + 1) == Some(&b'`') && i + 1 < range.end {
                    (Some(Mark::Backticks), 2)
                } else {
                    (Some(Mark::Backtick), 1)
                }
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) | Some(0x9F) => (Some(Mark::LeftDouble), 3),
                Some(0x9D) => (Some(Mark::RightDouble), 3),
                Some(0x9E) => (Some(Mark::LowDouble), 3),
                Some(0x98) | Some(0x9B) => (Some(Mark::LeftSingle), 3),
                Some(0x99) => (Some(Mark::RightSingle), 3),
                _ => (None, 3),
            },
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => (Some(Mark::LeftGuillemet), 2),
                Some(0xBB) => (Some(Mark::RightGuillemet), 2),
                _ => (None, 2),
            },
            _ => (None, 1),
        };
        let Some(mark) = mark else {
            i += len;
            continue;
        };
        let end = i + len;
        let prev = class_of(if i > range.start {
            text[range.start..i].chars().next_back()
        } else {
            None
        });
        let next = class_of(if end < range.end {
            text[end..range.end].chars().next()
        } else {
            None
        });
        out.push(Found {
            mark,
            start: i,
            end,
            prev,
            next,
        });
        i = end;
    }
}

/// What a double mark does given the current state: open, close, or nothing.
#[derive(PartialEq, Eq, Debug)]
enum Act {
    Open,
    Close,
    Skip,
}

fn double_action(m: &Found, open: Option<Mark>) -> Act {
    let lf = left_flanking(m.prev, m.next);
    let rf = right_flanking(m.prev, m.next);
    match (m.mark, open) {
        (Mark::LeftDouble, None) => {
            if rf && !lf {
                Act::Skip
            } else {
                Act::Open
            }
        }
        (Mark::LeftDouble, Some(o)) => {
            if o == Mark::LowDouble || (rf && !lf) || (rf && m.prev == Class::Punct) {
                Act::Close
            } else {
                Act::Open
            }
        }
        (Mark::RightDouble, None) => {
            if lf && !rf && m.prev == Class::Space {
                Act::Open
            } else {
                Act::Skip
            }
        }
        (Mark::RightDouble, Some(_)) => Act::Close,
        (Mark::LowDouble, _) => Act::Open,
        (Mark::LeftGuillemet, None) => Act::Open,
        (Mark::LeftGuillemet, Some(Mark::RightGuillemet)) => Act::Close,
        (Mark::LeftGuillemet, Some(_)) => Act::Open,
        (Mark::RightGuillemet, None) => {
            if lf && !rf {
                Act::Open
            } else {
                Act::Skip
            }
        }
        (Mark::RightGuillemet, Some(_)) => Act::Close,
        (Mark::Backticks, _) => Act::Open,
        (Mark::Straight, None) => {
            if lf {
                Act::Open
            } else {
                Act::Skip
            }
        }
        (Mark::Straight, Some(_)) => {
            if rf || !lf || m.prev == Class::Punct {
                Act::Close
            } else {
                Act::Open
            }
        }
        _ => Act::Skip,
    }
}

/// A quotation in the other style of double marks inside an open one (`"… it reads as “too loud” to me …"`,
/// `“… he said "no" twice …”`) is nested and stays part of the outer one: the mark at `k` opens it when the outer
/// style `outer` (" or “) closes later in the paragraph, after the inner one's own closer. Returns the mark that
/// ends the nested quotation. Looks at most 64 marks ahead.
fn nested_other_style(marks: &[Found], k: usize, outer: Mark) -> Option<Mark> {
    let (inner_close, outer_close) = match (outer, marks[k].mark) {
        (Mark::Straight, Mark::LeftDouble) => (Mark::RightDouble, Mark::Straight),
        (Mark::LeftDouble, Mark::Straight) => (Mark::Straight, Mark::RightDouble),
        _ => return None,
    };
    let mut rest = marks[k + 1..]
        .iter()
        .take(64)
        .filter(|m| !m.mark.is_single());
    rest.find(|m| m.mark == inner_close)?;
    rest.any(|m| m.mark == outer_close).then_some(inner_close)
}

/// True when the word after a single mark at `end` makes it an apostrophe: "’90s", "’n’", "’em", "’til".
fn elision_after(text: &str, end: usize, limit: usize) -> bool {
    let rest = &text[end..limit];
    let w_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let w = &rest[..w_end];
    if w.is_empty() {
        return false;
    }
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        // '90s, '08
        return w.len() <= 3;
    }
    matches!(
        w.to_ascii_lowercase().as_str(),
        "n" | "em"
            | "til"
            | "cause"
            | "tis"
            | "twas"
            | "bout"
            | "round"
            | "cos"
            | "s"
            | "d"
            | "ll"
            | "re"
            | "ve"
            | "m"
    )
}

/// Pairs the marks of every paragraph. `paras` are the paragraphs' byte ranges in order.
#[inline(never)]
pub fn find_quotes(text: &str, paras: &[Range<usize>]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    let mut doubles: Vec<RawQuote> = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        marks.clear();
        collect_marks(text, para.clone(), &mut marks);
        if marks.is_empty() {
            continue;
        }
        doubles.clear();
        let pidx = pi as u32;
        // Pass 1: double marks.
        // The open quotation: its mark, start and content start.
        let mut open: Option<(Mark, usize, usize)> = None;
        // Markup attribute values (`<tweet author="@x" date="May 2">`, `href="…"`): a double mark right after
        // `=` opens a value that the next double mark closes; neither is a quotation mark.
        let mut in_attr = false;
        // Inside a quotation nested in the open one: the mark that ends the nested one.
        let mut nested_until: Option<Mark> = None;
        for (k, m) in marks.iter().enumerate() {
            if m.mark.is_single() {
                continue;
            }
            if in_attr {
                in_attr = false;
                continue;
            }
            if let Some(c) = nested_until {
                if m.mark == c {
                    nested_until = None;
                }
                continue;
            }
            if open.is_none() && text[para.start..m.start].ends_with('=') {
                in_attr = true;
                continue;
            }
            let act = double_action(m, open.map(|o| o.0));
            if let (Act::Open, Some((o, ..))) = (&act, open) {
                if let Some(c) = nested_other_style(&marks, k, o) {
                    nested_until = Some(c);
                    continue;
                }
            }
            match act {
                Act::Open => open = Some((m.mark, m.start, m.end)),
                Act::Close => {
                    if let Some((_, o_start, c_start)) = open.take() {
                        push_trimmed(
                            text,
                            pidx,
                            o_start,
                            c_start,
                            m.start,
                            m.end,
                            true,
                            false,
                            &mut doubles,
                        );
                    }
                }
                Act::Skip => {}
            }
        }
        if let Some((_, o_start, c_start)) = open {
            let at_para_start = o_start == para.start;
            let next_opens = paras
                .get(pi + 1)
                .is_some_and(|np| starts_with_opener(text, np.clone()));
            if at_para_start || next_opens {
                push_trimmed(
                    text,
                    pidx,
                    o_start,
                    c_start,
                    para.end,
                    para.end,
                    false,
                    false,
                    &mut doubles,
                );
            }
        }
        // Pass 2: single marks outside double quotations.
        let mut singles: Vec<RawQuote> = Vec::new();
        let mut d = 0;
        let mut sopen: Option<(usize, usize)> = None;
        for m in marks.iter().filter(|m| m.mark.is_single()) {
            while d < doubles.len() && doubles[d].close <= m.start {
                d += 1;
            }
            let inside_double = d < doubles.len() && doubles[d].open <= m.start;
            if inside_double {
                continue;
            }
            let lf = left_flanking(m.prev, m.next);
            let rf = right_flanking(m.prev, m.next);
            let can_open = lf
                && m.prev != Class::Word
                && matches!(
                    m.mark,
                    Mark::LeftSingle | Mark::StraightSingle | Mark::Backtick | Mark::RightSingle
                )
                && (m.mark != Mark::RightSingle || m.prev == Class::Space)
                && !elision_after(text, m.end, para.end);
            let can_close = rf
                && m.next != Class::Word
                && matches!(m.mark, Mark::RightSingle | Mark::StraightSingle)
                && m.prev != Class::Space;
            match sopen {
                Some((o_start, c_start)) if can_close => {
                    // Content must not cross a double quotation: doubles are sorted and disjoint, so only the
                    // last one opening before this mark can run past it.
                    let k = doubles.partition_point(|q| q.open < m.start);
                    let crosses =
                        k > 0 && doubles[k - 1].open > o_start && doubles[k - 1].close > m.end;
                    if !crosses {
                        push_trimmed(
                            text,
                            pidx,
                            o_start,
                            c_start,
                            m.start,
                            m.end,
                            true,
                            true,
                            &mut singles,
                        );
                    }
                    sopen = None;
                }
                _ if can_open => sopen = Some((m.start, m.end)),
                _ => {}
            }
        }
        // A double quotation inside a single one is nested: it stays part of the outer one.
        if !singles.is_empty() {
            let mut s = 0;
            doubles.retain(|q| {
                while s < singles.len() && singles[s].close <= q.open {
                    s += 1;
                }
                !(s < singles.len() && singles[s].open < q.open && singles[s].close >= q.close)
            });
            let mut merged = Vec::with_capacity(doubles.len() + singles.len());
            let (mut a, mut b) = (0, 0);
            while a < doubles.len() || b < singles.len() {
                if b >= singles.len() || (a < doubles.len() && doubles[a].open < singles[b].open) {
                    merged.push(doubles[a]);
                    a += 1;
                } else {
                    merged.push(singles[b]);
                    b += 1;
                }
            }
            out.extend(merged);
        } else {
            out.extend(doubles.iter().copied());
        }
    }
    out
}

/// Quotations in single marks nested inside the double quotations `raw` (`“… I said, ‘Why not?’ …”`), each with
/// the index of the quotation holding it, in text order. The single marks pair by the rules of the module docs
/// (apostrophes and elisions are no marks), within the content of the outer quotation.
pub fn nested_quotes(text: &str, raw: &[RawQuote]) -> Vec<(usize, RawQuote)> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    for (i, q) in raw.iter().enumerate() {
        if q.single {
            continue;
        }
        let content = &text[q.start..q.end];
        // The other style of double marks nests too (see `nested_other_style`): “…” inside "…", "…" inside “…”.
        let other = match text[q.open..].chars().next() {
            Some('"') if content.contains('“') => Some((Mark::LeftDouble, Mark::RightDouble)),
            Some('“') if content.contains('"') => Some((Mark::Straight, Mark::Straight)),
            _ => None,
        };
        if other.is_none() && !content.contains(['‘', '\'', '`']) {
            continue;
        }
        marks.clear();
        collect_marks(text, q.start..q.end, &mut marks);
        let first = out.len();
        if let Some((o, c)) = other {
            let mut dopen: Option<(usize, usize)> = None;
            for m in marks.iter().filter(|m| m.mark == o || m.mark == c) {
                match dopen {
                    Some((o_start, c_start)) if m.mark == c && right_flanking(m.prev, m.next) => {
                        let mut one = Vec::with_capacity(1);
                        push_trimmed(
                            text, q.para, o_start, c_start, m.start, m.end, true, false, &mut one,
                        );
                        out.extend(one.into_iter().map(|n| (i, n)));
                        dopen = None;
                    }
                    _ if m.mark == o && left_flanking(m.prev, m.next) => {
                        dopen = Some((m.start, m.end))
                    }
                    _ => {}
                }
            }
        }
        let mut sopen: Option<(usize, usize)> = None;
        for m in marks.iter().filter(|m| m.mark.is_single()) {
            let can_open = left_flanking(m.prev, m.next)
                && m.prev != Class::Word
                && matches!(
                    m.mark,
                    Mark::LeftSingle | Mark::StraightSingle | Mark::Backtick
                )
                && !elision_after(text, m.end, q.end);
            let can_close = right_flanking(m.prev, m.next)
                && m.next != Class::Word
                && matches!(m.mark, Mark::RightSingle | Mark::StraightSingle)
                && m.prev != Class::Space;
            match sopen {
                Some((o_start, c_start)) if can_close => {
                    let mut one = Vec::with_capacity(1);
                    push_trimmed(
                        text, q.para, o_start, c_start, m.start, m.end, true, true, &mut one,
                    );
                    out.extend(one.into_iter().map(|n| (i, n)));
                    sopen = None;
                }
                _ if can_open => sopen = Some((m.start, m.end)),
                _ => {}
            }
        }
        out[first..].sort_unstable_by_key(|(_, n)| n.open);
    }
    out
}

/// True when the paragraph begins with an opening double mark.
fn starts_with_opener(text: &str, para: Range<usize>) -> bool {
    let s = &text[para];
    s.starts_with('“')
        || s.starts_with('"')
        || s.starts_with('«')
        || s.starts_with('„')
        || s.starts_with("''")
        || s.starts_with("``")
}

#[allow(clippy::too_many_arguments)]
fn push_trimmed(
    text: &str,
    para: u32,
    open: usize,
    c_start: usize,
    c_end: usize,
    close: usize,
    closed: bool,
    single: bool,
    out: &mut Vec<RawQuote>,
) {
    let content = &text[c_start..c_end];
    let trimmed = content.trim();
    if trimmed.is_empty() || !trimmed.chars().any(is_word_char) {
        return;
    }
    let start = c_start + (content.len() - content.trim_start().len());
    out.push(RawQuote {
        para,
        open,
        start,
        end: start + trimmed.len(),
        close,
        closed,
        single,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::paragraphs;

    fn quotes(text: &str) -> Vec<&str> {
        let paras: Vec<_> = paragraphs(text).collect();
        find_quotes(text, &paras)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(quotes("“Yes,” he said. \"No,\" she said."), ["Yes,", "No,"]);
        assert_eq!(
            quotes("He called it «absurd» and „falsch“ then."),
            ["absurd", "falsch"]
        );
        assert_eq!(
            quotes("They said ''enough'' and ``more''."),
            ["enough", "more"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes(
                "Russia’s rock ’n’ roll in the ’90s, the Debates’ rules and 'em. He don't care."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("The ‘special’ warheads and 'fake news' and Russia’s."),
            ["special", "fake news"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quotes("“He said ‘no’ to me,” she said."),
            ["He said ‘no’ to me,"]
        );
        assert_eq!(
            quotes("‘He said “no” to me,’ she said."),
            ["He said “no” to me,"]
        );
    }

    #[test]
    fn stray_marks_do_not_derail() {
        // A stray opener is dropped when a new one opens; a stray closer is ignored.
        assert_eq!(
            quotes("The \"so-called expert said \"hello\" twice."),
            ["hello"]
        );
        assert_eq!(quotes("He is 6'2\" tall and said “fine”."), ["fine"]);
        // An unclosed mark does not leak into the next paragraph.
        assert_eq!(
            quotes("He said “never mind and left.\nShe said “yes”."),
            ["yes"]
        );
    }

    #[test]
    fn markup_attribute_values_are_not_quotes() {
        assert_eq!(
            quotes("<post author=\"@ann\" date=\"May 2\">We won,” she said. He said “fine”."),
            ["fine"]
        );
        assert_eq!(
            quotes("See <a href=\"http://x.example\">here</a> and “this”."),
            ["this"]
        );
    }

    #[test]
    fn a_quotation_in_the_other_double_style_is_nested() {
        assert_eq!(
            quotes("\"To them I come across as “too sharp” or “too much,” and I stopped caring.\" She left."),
            ["To them I come across as “too sharp” or “too much,” and I stopped caring."]
        );
        assert_eq!(
            quotes("“The clerk said \"closed\" and shut the door,” Ana said."),
            ["The clerk said \"closed\" and shut the door,"]
        );
        // Without a closer of the outer style later on, the first mark was stray.
        assert_eq!(quotes("The \"so-called “expert” left."), ["expert"]);
    }

    #[test]
    fn multi_paragraph_quotes() {
        let text = "He said: “First part.\n“Second part.\n“Third part.”\nAfter.";
        assert_eq!(quotes(text), ["First part.", "Second part.", "Third part."]);
        let paras: Vec<_> = paragraphs(text).collect();
        let q = find_quotes(text, &paras);
        assert_eq!(
            q.iter().map(|q| q.closed).collect::<Vec<_>>(),
            [false, false, true]
        );
    }
}
