"""Property-based fuzzing of the public Python API (hypothesis).

Random Unicode — lone surrogates, NUL, control and format characters, every kind of quotation mark, apostrophe,
dash and space, astral characters, fragments of real news text — empty and huge inputs. Every call either
returns a result whose offsets slice the input correctly, or raises a clear ValueError, TypeError or
saidwho.SaidwhoError. Never anything else, never a crash. A text holding a lone surrogate always raises
ValueError; any other text always gives a result.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
import saidwho as sw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from saidwho.align import cluster_quotes

DATA = Path(__file__).parent / "data"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
WORDS = sorted(set(re.findall(r"\S+", " ".join(SEEDS))))
CLEAR = (ValueError, TypeError, sw.SaidwhoError)
SURROGATE = re.compile("[\ud800-\udfff]")

SPECIAL = list(
    "\x00\x01\x07\x1b\x7f\x85\xa0\u00ad\u200b\u200d\u2028\u2029\u3000\ufeff\ufffd"  # NUL, controls, spaces
    "“”‘’\"'«»„‚‹›「」―—–-‐’ʼ`´"  # quote marks, apostrophes, dashes
    "İıßẞﬁΣσςǅ\u0301\u0308"  # case-folding and combining oddities
    "\ud800\udbff\udc00\udfff"  # lone surrogates
    "😀𝔘🇺🇦"  # astral
) + ["\r\n", "\n\n", " said ", " Mr ", " according to ", ", he said.", "Zelenskiy", "Putin", "Kyiv"]

chars = st.one_of(
    st.characters(exclude_categories=()),  # anything, surrogates included
    st.sampled_from(SPECIAL),
    st.sampled_from(WORDS).map(lambda w: w + " "),
)
texts = st.lists(chars, max_size=120).map("".join)


@pytest.fixture(scope="module")
def gaz():
    return sw.default_gazetteer()


def _has_surrogate(t: str) -> bool:
    return bool(SURROGATE.search(t))


def _check_spans(text: str, items) -> None:
    for it in items:
        assert 0 <= it.start <= it.end <= len(text)
        assert text[it.start:it.end] == it.text


def _check_quotes(text: str, quotes) -> None:
    _check_spans(text, quotes)
    for q in quotes:
        assert q.kind in ("direct", "partial", "scare", "indirect")
        for span in (q.speaker, q.cue):
            if span is not None:
                _check_spans(text, [span])


def _expect(text: str, call):
    """Run ``call``: a result for a valid text, ValueError for one with a lone surrogate."""
    if _has_surrogate(text):
        with pytest.raises(ValueError):
            call()
        return None
    return call()


# SAIDWHO_FUZZ_EXAMPLES=5000 for a long run
FUZZ = settings(max_examples=int(os.environ.get("SAIDWHO_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=texts, overlapping=st.booleans())
def test_find(gaz, text, overlapping):
    ms = _expect(text, lambda: gaz.find(text, overlapping=overlapping))
    if ms is not None:
        _check_spans(text, ms)
        for m in ms:
            assert m.id in gaz and m.candidates and m.candidates[0] == m.id
        spans = gaz.find_spans(text, overlapping=overlapping)
        assert [(s, e) for s, e, _ in spans] == [(m.start, m.end) for m in ms]


@FUZZ
@given(text=texts)
def test_analyze_extract_quotes_find_people(gaz, text):
    doc = _expect(text, lambda: sw.analyze(text, gazetteer=gaz))
    if doc is None:
        for call in (lambda: sw.extract_quotes(text), lambda: sw.find_people(text, gazetteer=False)):
            with pytest.raises(ValueError):
                call()
        return
    _check_spans(text, doc.entities)
    _check_quotes(text, doc.quotes)
    for p in doc.people:
        _check_spans(text, p.mentions)
    qs = sw.extract_quotes(text, gazetteer=gaz)
    assert [(q.start, q.end, q.kind, q.speaker_id) for q in qs] == [
        (q.start, q.end, q.kind, q.speaker_id) for q in doc.quotes]
    _check_quotes(text, sw.extract_quotes(text, gazetteer=False))
    for p in sw.find_people(text, gazetteer=False):
        _check_spans(text, p.mentions)
    assert doc.to_json()


@FUZZ
@given(items=st.lists(st.one_of(texts, st.none(), st.just(float("nan")), st.binary(max_size=5)), max_size=8),
       on_error=st.sampled_from(["raise", "record"]))
def test_analyze_many_keeps_every_document(gaz, items, on_error):
    ids = [f"id{k}" for k in range(len(items))]
    bad = [i for i, t in zip(ids, items) if isinstance(t, bytes) or (isinstance(t, str) and _has_surrogate(t))]
    series = pd.Series(items, index=ids, dtype=object)
    if bad and on_error == "raise":
        with pytest.raises(CLEAR) as e:
            sw.analyze_many(series, gazetteer=gaz, progress=False, on_error=on_error)
        assert any(repr(i) in str(e.value) for i in bad), str(e.value)
        return
    corpus = sw.analyze_many(series, gazetteer=gaz, progress=False, on_error=on_error, n_threads=2)
    assert list(corpus.ids) == ids
    assert corpus.errors()["doc"].tolist() == bad
    texts_by_id = dict(zip(ids, items))
    for table in (corpus.quotes(), corpus.entities()):
        for row in table.itertuples():
            assert texts_by_id[row.doc][row.start:row.end] == row.text
    for row in corpus.quotes().itertuples():
        if not pd.isna(row.speaker_start):
            assert texts_by_id[row.doc][row.speaker_start:row.speaker_end] == row.speaker


@FUZZ
@given(items=st.lists(texts, max_size=6))
def test_batch_calls_equal_single_calls(gaz, items):
    if any(_has_surrogate(t) for t in items):
        for call in (lambda: gaz.find_batch(items), lambda: sw.extract_quotes_batch(items, gazetteer=gaz)):
            with pytest.raises(ValueError):
                call()
        return
    fb = gaz.find_batch(items, n_threads=2)
    assert list(zip(fb["doc"], fb["start"], fb["end"], fb["text"])) == [
        (k, m.start, m.end, m.text) for k, t in enumerate(items) for m in gaz.find(t)]
    qb = sw.extract_quotes_batch(items, gazetteer=gaz, n_threads=1)
    assert list(zip(qb["doc"], qb["start"], qb["end"], qb["text"])) == [
        (k, q.start, q.end, q.text) for k, t in enumerate(items) for q in sw.extract_quotes(t, gazetteer=gaz)]


aliases = st.one_of(texts.map(lambda t: t[:30]), st.sampled_from(WORDS), st.sampled_from(SPECIAL))


@FUZZ
@given(alias_lists=st.lists(st.lists(aliases, min_size=1, max_size=4), min_size=1, max_size=5),
       case=st.sampled_from(["smart", "insensitive", "sensitive"]), accents=st.sampled_from(["keep", "fold"]),
       text=texts)
def test_gazetteers_from_random_aliases(alias_lists, case, accents, text):
    records = [{"id": f"e{k}", "name": a[0], "label": "X", "aliases": a} for k, a in enumerate(alias_lists)]
    try:
        g = sw.Gazetteer.from_records(records, case=case, accents=accents)
    except CLEAR as e:
        assert str(e)
        return
    back = sw.Gazetteer.from_bytes(g.to_bytes())
    # every alias is found in a text that has it between spaces (unless it begins or ends with a
    # non-word char, where whole-word rules may join it to the spaces)
    for alias in [a for lst in alias_lists for a in lst][:6]:
        probe = f"{text} {alias} ."
        ms = _expect(probe, lambda: g.find(probe))  # noqa: B023
        if ms is None:
            continue
        _check_spans(probe, ms)
        assert [(m.start, m.end, m.id) for m in back.find(probe)] == [(m.start, m.end, m.id) for m in ms]


@FUZZ
@given(text=texts, spans=st.lists(st.tuples(st.integers(-3, 200), st.integers(-3, 200)), max_size=6))
def test_extract_quotes_with_arbitrary_entity_spans(text, spans):
    ents = [(s, e, f"x{k}", "Name", "PERSON") for k, (s, e) in enumerate(spans)]
    valid = all(0 <= s <= e <= len(text) for s, e in spans)
    if _has_surrogate(text) or not valid:
        with pytest.raises(ValueError):
            sw.extract_quotes(text, entities=ents)
        return
    _check_quotes(text, sw.extract_quotes(text, entities=ents))


@FUZZ
@given(quotes=st.lists(st.tuples(texts, st.one_of(st.none(), st.sampled_from(["putin", "x", ""]))), max_size=8))
def test_cluster_quotes(quotes):
    df = pd.DataFrame({"doc": range(len(quotes)), "start": 0, "end": [len(t) for t, _ in quotes],
                       "text": pd.Series([t for t, _ in quotes], dtype=object),
                       "speaker": pd.Series([s for _, s in quotes], dtype=object)})
    try:
        out = cluster_quotes(df)
    except CLEAR as e:
        assert any(_has_surrogate(t) for t, _ in quotes), str(e)
        return
    assert len(out) <= len(df)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(piece=texts, n=st.sampled_from([0, 1, 1000, 50_000]))
def test_huge_and_empty_inputs(gaz, piece, n):
    text = piece * n
    doc = _expect(text, lambda: sw.analyze(text, gazetteer=gaz))
    if doc is not None:
        _check_spans(text, doc.entities[:100])
        _check_quotes(text, doc.quotes[:100])
