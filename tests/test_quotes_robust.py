"""Robustness: stray marks, huge texts, no paragraphs, one quote spanning everything, random input.

Linear time is shown by bench/quotes_bench.py (1, 10, 100 MB); these tests check behaviour, not speed.
"""

import random

import saidwho as sw
from hypothesis import given, settings
from hypothesis import strategies as st


def check_invariants(text, quotes):
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.kind != "indirect":
            # quotes in marks never overlap, but a quote nested in another follows it (reported content may
            # hold them too: a mixed quote)
            nested = last[0] <= q.start and q.end <= last[1]
            assert q.start >= last[1] or nested, "quotes in marks are sorted and do not overlap"
            if not nested:
                last = (q.start, q.end)
        assert q.kind in ("direct", "partial", "scare", "indirect")
        for sp in (q.speaker, q.cue):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text


def test_thousands_of_unbalanced_marks_do_not_derail_the_rest():
    rnd = random.Random(7)
    marks = ["“", "”", '"', "'", "‘", "’", "«", "»", "„"]
    words = ["the", "minister", "said", "that", "nothing", "was", "decided", "and", "talks", "would", "go", "on"]
    paras = []
    for _ in range(3000):
        toks = [rnd.choice(words) for _ in range(12)]
        for _ in range(rnd.randint(1, 3)):
            toks.insert(rnd.randrange(len(toks) + 1), rnd.choice(marks))
        paras.append(" ".join(toks) + ".")
    good = "“We will decide tomorrow,” the minister said."
    text = "\n".join(paras[:1500] + [good] + paras[1500:])
    quotes = sw.extract_quotes(text)
    check_invariants(text, quotes)
    mine = [q for q in quotes if q.text == "We will decide tomorrow,"]
    assert len(mine) == 1 and mine[0].speaker.text == "the minister" and mine[0].kind == "direct"
    # No quote crosses a line: a stray mark never reaches into the next paragraph.
    assert all("\n" not in q.text for q in quotes)


def test_text_without_paragraphs():
    unit = "Officials met on Monday. “We agreed on nothing,” Mr Smith said, and left. "
    text = unit * 20000  # ~1.5 MB on one line
    quotes = sw.extract_quotes(text)
    assert len(quotes) == 20000
    assert all(q.text == "We agreed on nothing," and q.speaker.text == "Mr Smith" for q in quotes)
    check_invariants(text, quotes[:50] + quotes[-50:])


def test_one_quote_spanning_the_whole_document():
    body = "and so it went on, day after day, " * 150000  # ~5 MB
    text = "“" + body + "”"
    (q,) = sw.extract_quotes(text)
    assert (q.start, q.end) == (1, len(text) - 1 - len(body) + len(body.rstrip()))
    assert q.kind == "direct"
    # Open to the end with no closing mark: the quote-only paragraph is one open part.
    (q,) = sw.extract_quotes("“" + body)
    assert q.start == 1 and q.text == body.rstrip()


def test_a_100_mb_text():
    para = (
        "The committee published its report on Tuesday after months of hearings in the capital. "
        "Members of both parties reviewed thousands of pages of documents and interviewed dozens of "
        "witnesses, including former officials and independent experts. "
        "“The findings speak for themselves,” said Senator Jane Roe, who chaired the panel. "
        "Critics called the process a “political exercise” and vowed to keep fighting in the courts. "
    )
    n = 100_000_000 // (len(para) + 1) + 1
    text = "\n".join([para] * n)
    assert len(text) >= 100_000_000
    quotes = sw.extract_quotes(text)
    # per paragraph: two quotes in marks and one reported ("vowed to keep fighting in the courts")
    assert sum(q.kind == "indirect" for q in quotes) == n
    quotes = [q for q in quotes if q.kind != "indirect"]
    assert len(quotes) == 2 * n
    first, second = quotes[0], quotes[1]
    assert (first.speaker.text, first.cue.text, first.speaker_name) == ("Jane Roe", "said", "Jane Roe")
    assert second.text == "political exercise" and second.speaker.text == "Critics"
    last = quotes[-2]
    assert text[last.start : last.end] == "The findings speak for themselves,"
    assert last.speaker.text == "Jane Roe"


ALPHABET = st.sampled_from(
    list("“”\"'‘’«»„`") + ["''", "``"] + list(" \n\t.,:;—-!?()") + ["he", "said", "Mr", "Putin", "é", "😀", "ß", "İ"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_random_input_never_breaks_invariants(text):
    # e.g. "“'he'": the open quote holds the quotation 'he' (two quotes, one inside the other)
    check_invariants(text, sw.extract_quotes(text))
    for p in sw.find_people(text):
        assert all(text[m.start : m.end] == m.text for m in p.mentions)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    try:
        quotes = sw.extract_quotes(text)
    except ValueError:
        # Only lone surrogates are rejected.
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    check_invariants(text, quotes)


def test_dense_quotes_in_one_endless_sentence():
    # No full stop anywhere: sentence-bounded scans must stay bounded (this would take hours if they were not).
    text = "and Mr Smith said “yes” then " * 60000
    quotes = sw.extract_quotes(text)
    assert len(quotes) == 60000
    assert all(q.text == "yes" for q in quotes)
    assert quotes[-1].speaker.text == "Mr Smith" and quotes[-1].cue.text == "said"
    check_invariants(text, quotes[:20] + quotes[-20:])


def test_a_quote_nested_in_an_open_quote_keeps_the_invariants():
    # Found by the random test: the unclosed “ holds the quotation 'he'; both are reported, the inner one inside.
    text = "“'he'"
    quotes = sw.extract_quotes(text)
    assert [(q.start, q.end) for q in quotes] == [(1, 5), (2, 4)]
    check_invariants(text, quotes)
