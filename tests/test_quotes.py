"""saidwho.extract_quotes: marks, kinds, speakers, cues, groups, offsets, the cue lexicon, errors."""

import pickle

import pytest
import saidwho as sw


def spans_ok(text, quotes):
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for sp in (q.speaker, q.cue):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text


def by_text(quotes):
    return {q.text: q for q in quotes}


def test_direct_quote_with_speaker_after():
    text = "“We will win,” Mr Zelenskiy said on Tuesday."
    (q,) = sw.extract_quotes(text, gazetteer=False)
    assert (q.text, q.kind, q.speaker.text, q.cue.text) == ("We will win,", "direct", "Mr Zelenskiy", "said")
    assert q.speaker_name == "Zelenskiy" and q.speaker_id == "zelenskiy"
    # with the default gazetteer the same mention resolves to the known head of state
    (q,) = sw.extract_quotes(text)
    assert q.speaker_name == "Volodymyr Zelenskiy"
    spans_ok(text, [q])


def test_inverted_and_pronoun_speakers_resolve_to_the_person():
    text = (
        "Russian President Vladimir Putin met his security chiefs.\n"
        "“The situation is extremely difficult,” said Mr Putin.\n"
        "“We will prevail,” he added."
    )
    q1, q2 = sw.extract_quotes(text)
    assert (q1.speaker.text, q1.cue.text, q1.speaker_name) == ("Mr Putin", "said", "Vladimir Putin")
    assert (q2.speaker.text, q2.cue.text, q2.speaker_name) == ("he", "added", "Vladimir Putin")
    assert q2.speaker_id == "vladimir_putin"
    spans_ok(text, [q1, q2])


def test_partial_and_scare_quotes():
    text = "Putin said the war could be a “long process”. Ukraine shot down 30 “kamikaze” drones."
    q = by_text(sw.extract_quotes(text))
    assert q["long process"].kind == "partial" and q["long process"].speaker.text == "Putin"
    assert q["kamikaze"].kind == "scare" and q["kamikaze"].speaker is None and q["kamikaze"].cue is None


def test_split_quote_shares_speaker_cue_and_group():
    text = "“We are ready,” she told reporters, “and we will not give up.”"
    q1, q2 = sw.extract_quotes(text)
    assert q1.speaker.text == q2.speaker.text == "she"
    assert q1.cue.text == q2.cue.text == "told reporters"
    assert q1.group == q2.group
    assert q1.speaker == q2.speaker


def test_multi_paragraph_quote_and_quote_only_paragraph():
    text = (
        "Antonio Guterres said: “I am not optimistic.\n"
        "“I do believe the confrontation will go on.”\n"
        "Others disagreed.\n"
        "“It will end soon,” an aide said.\n"
        "“There is no other way.”"
    )
    qs = sw.extract_quotes(text)
    assert [q.text for q in qs] == [
        "I am not optimistic.",
        "I do believe the confrontation will go on.",
        "It will end soon,",
        "There is no other way.",
    ]
    # The open first part and its continuation are one quotation.
    assert qs[0].group == qs[1].group and qs[0].speaker == qs[1].speaker
    assert qs[1].speaker.text == "Antonio Guterres"
    # A quote-only paragraph continues the speaker of the paragraph before, pointing at that mention.
    assert qs[3].speaker == qs[2].speaker and qs[3].speaker.text == "an aide"
    assert qs[3].cue is None and qs[3].group != qs[2].group
    spans_ok(text, qs)


def test_all_mark_styles_and_apostrophes():
    text = (
        "He said \"yes.\" She said «non». They said „ja“. ''Fine,'' he said. ``Sure,'' she said.\n"
        "Russia’s rock ’n’ roll of the ’90s and the Debates’ rules aren't quotes."
    )
    texts = [q.text for q in sw.extract_quotes(text)]
    assert texts == ["yes.", "non", "ja", "Fine,", "Sure,"]


def test_nested_quote_stays_inside_and_is_its_own_quote():
    # issue 11: the outer quotation keeps the inner one, which is reported as a quote of its own too
    text = "“He told me ‘never’ twice,” she said."
    outer, inner = sw.extract_quotes(text)
    assert outer.text == "He told me ‘never’ twice," and outer.kind == "direct"
    assert inner.text == "never" == text[inner.start:inner.end]
    assert inner.kind == "direct" and inner.speaker.text == "He" and inner.group != outer.group


def test_epigraph():
    text = "“Imagination is more important than knowledge.” ― Albert Einstein"
    (q,) = sw.extract_quotes(text)
    assert q.speaker.text == "Albert Einstein" and q.cue is None and q.kind == "direct"


def test_according_to_and_colon_speakers():
    text = "The plan is “dead on arrival,” according to a senior official. Mr Smith: “No comment.”"
    q = by_text(sw.extract_quotes(text))
    assert q["dead on arrival,"].speaker.text == "a senior official"
    assert q["dead on arrival,"].cue.text == "according to"
    assert q["No comment."].speaker.text == "Mr Smith" and q["No comment."].cue.text == ":"


def test_offsets_are_str_offsets_with_astral_and_combining_characters():
    text = "🇺🇦😀 Zoë\u0301 said “ça va 𝔘𝔫𝔦𝔠𝔬𝔡𝔢,” and Ms Łukasz-Żak added: “naïve 🎉.”"
    qs = sw.extract_quotes(text)
    assert [q.text for q in qs] == ["ça va 𝔘𝔫𝔦𝔠𝔬𝔡𝔢,", "naïve 🎉."]
    spans_ok(text, qs)
    assert qs[1].speaker.text == "Ms Łukasz-Żak"


def test_quote_objects_are_frozen_comparable_and_pickle():
    text = "“Yes,” said Mr Price."
    (q,) = sw.extract_quotes(text)
    with pytest.raises(AttributeError):
        q.start = 3
    assert pickle.loads(pickle.dumps(q)) == q
    assert pickle.loads(pickle.dumps(q.speaker)) == q.speaker
    d = q.to_dict()
    assert d["text"] == "Yes," and d["speaker"] == "Mr Price" and d["speaker_start"] == q.speaker.start
    assert d["cue"] == "said" and d["kind"] == "direct" and d["group"] == 0
    assert "Mr Price" in repr(q) and repr(q.speaker).startswith("Span(")
    assert sw.Span(1, 2, "x") == sw.Span(1, 2, "x") and hash(sw.Span(1, 2, "x")) == hash(sw.Span(1, 2, "x"))
    with pytest.raises(ValueError):
        sw.Quote(0, 1, "x", "shouted")


def test_cue_lexicon_is_data_and_extensible():
    lex = sw.CueLexicon()
    assert "said" in lex and lex.role_of("according to") == "source" and len(lex) > 300
    text = "“Nonsense,” the senator harrumphed."
    (q,) = sw.extract_quotes(text)
    assert q.speaker is None
    lex2 = lex.extend(["harrumphed"])
    assert "harrumphed" not in lex and "harrumphed" in lex2
    (q,) = sw.extract_quotes(text, cues=lex2)
    assert q.speaker.text == "the senator" and q.cue.text == "harrumphed"
    lex3 = lex.extend([("in the view of", "source"), ("bellowed", "speech", "post")])
    assert lex3.role_of("in the view of") == "source" and lex3.usage_of("bellowed") == "post"
    (q,) = sw.extract_quotes("It is “a disaster,” in the view of the mayor.", cues=lex3)
    assert q.speaker.text == "the mayor"
    assert pickle.loads(pickle.dumps(lex3)).phrases() == lex3.phrases()
    only = sw.CueLexicon.empty().extend(["quipped"])
    assert len(only) == 1
    assert sw.extract_quotes("“Hi,” she said.", cues=only)[0].speaker is None
    with pytest.raises(ValueError):
        lex.extend(["x"], role="shouting")
    with pytest.raises(ValueError):
        lex.extend(["   "])
    with pytest.raises(TypeError):
        lex.extend("said")
    with pytest.raises(TypeError):
        lex.extend([42])


def test_entities_resolve_speakers_by_id():
    text = "The Kremlin dismissed it as “groundless”. Ukraine says it is a “special operation”."
    ents = [
        (4, 11, "kremlin", "Kremlin", "ORG"),
        (text.index("Ukraine"), text.index("Ukraine") + 7, "ukraine", "Ukraine", "GPE"),
    ]
    q = by_text(sw.extract_quotes(text, entities=ents))
    assert q["groundless"].speaker.text == "The Kremlin" and q["groundless"].speaker_id == "kremlin"
    assert q["special operation"].speaker_id == "ukraine" and q["special operation"].speaker_name == "Ukraine"
    # Without entities or gazetteer, "The Kremlin" is a noun phrase with no resolved id ...
    assert by_text(sw.extract_quotes(text, gazetteer=False))["groundless"].speaker_id is None
    # ... and the default gazetteer knows it.
    assert by_text(sw.extract_quotes(text))["groundless"].speaker_id == "kremlin"


def test_gazetteer_protocol_and_argument_errors():
    class Gaz:
        def find(self, text):
            from types import SimpleNamespace

            i = text.find("Putin")
            return [SimpleNamespace(start=i, end=i + 5, id="vp", label="PERSON", name="Vladimir Putin")]

    (q,) = sw.extract_quotes("“No,” Putin said.", Gaz())
    assert (q.speaker_id, q.speaker_name) == ("vp", "Vladimir Putin")
    with pytest.raises(ValueError):
        sw.extract_quotes("x", Gaz(), entities=[])
    with pytest.raises(TypeError):
        sw.extract_quotes("x", object())
    with pytest.raises(ValueError):
        sw.extract_quotes("short", entities=[(0, 99, "a", "A", "PERSON")])
    with pytest.raises(ValueError):
        sw.extract_quotes("short", entities=[(0, 1, "a")])
    with pytest.raises(TypeError):
        sw.extract_quotes("short", entities=[("0", 1, "a", "A", "PERSON")])


def test_bad_input_gives_clear_errors():
    assert sw.extract_quotes("") == []
    assert sw.extract_quotes("no quotes here") == []
    with pytest.raises(TypeError):
        sw.extract_quotes(b"bytes")
    with pytest.raises(TypeError):
        sw.extract_quotes(None)
    with pytest.raises(ValueError):
        sw.extract_quotes("“lone \ud800 surrogate,” he said.")


def test_batch_matches_single_calls():
    texts = [
        "“We will win,” Mr Zelenskiy said.",
        "",
        "No quotes.",
        "Putin said the war could be a “long process”. “Really?” asked Ms Ivanova.",
        "🎉 “émoji,” said Zoë.",
    ]
    df = sw.extract_quotes_batch(texts)
    assert list(df.columns) == [
        "doc", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "speaker_id",
        "speaker_name", "cue", "cue_start", "cue_end", "group",
    ]
    rows = []
    for i, t in enumerate(texts):
        for q in sw.extract_quotes(t):
            d = q.to_dict()
            rows.append((i, d["start"], d["end"], d["text"], d["kind"], d["speaker"], d["speaker_id"], d["cue"]))
    got = [
        (r.doc, r.start, r.end, r.text, r.kind, r.speaker if isinstance(r.speaker, str) else None,
         r.speaker_id if isinstance(r.speaker_id, str) else None, r.cue if isinstance(r.cue, str) else None)
        for r in df.itertuples()
    ]
    assert got == rows
    one = sw.extract_quotes_batch(texts, n_threads=1)
    assert one.equals(df)
    assert len(sw.extract_quotes_batch([])) == 0
    with pytest.raises(TypeError):
        sw.extract_quotes_batch("a single str")
    with pytest.raises(TypeError):
        sw.extract_quotes_batch(["ok", 3])
    with pytest.raises(ValueError):
        sw.extract_quotes_batch(["ok"], n_threads=0)
    with pytest.raises(ValueError):
        sw.extract_quotes_batch(["“lone \udc00,” he said."])


def test_module_docstring_examples_run():
    import doctest

    import saidwho.quotes

    result = doctest.testmod(saidwho.quotes)
    assert result.attempted > 0 and result.failed == 0
