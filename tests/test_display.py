"""Document._repr_html_: the text escaped and complete, every quote highlighted in its speaker's colour with kind
and cue on hover, entity mentions marked, nothing fetched from the internet."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import saidwho as sw
from saidwho.display import render_html

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))


class Spans(HTMLParser):
    """Rebuilds the document text from the HTML and records every highlighted span with the text it covers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (attrs, start offset in the rebuilt text)
        self.spans = []  # (class, attrs, text covered)
        self.text = []
        self.in_doc = 0
        self.label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "sw-doc":
            self.in_doc = 1
            return
        if not self.in_doc:
            return
        assert tag == "span", tag
        self.stack.append((attrs, len("".join(self.text))))
        if attrs.get("class") == "sw-ent-label":
            self.label_depth += 1

    def handle_endtag(self, tag):
        if not self.in_doc:
            return
        if tag == "div":
            self.in_doc = 0
            return
        attrs, start = self.stack.pop()
        if attrs.get("class") == "sw-ent-label":
            self.label_depth -= 1
            return
        classes = (attrs.get("class") or "").split()
        attrs["_start"] = start  # spans close inner first: order them by start with this
        self.spans.append((classes[0] if classes else None, attrs, "".join(self.text)[start:]))

    def handle_data(self, data):
        if self.in_doc and not self.label_depth:
            self.text.append(data)


def parse(markup):
    """(the text, the highlighted spans in text order: by start, the enclosing one first)."""
    p = Spans()
    p.feed(markup)
    p.close()
    assert not p.stack
    spans = sorted(p.spans, key=lambda s: (s[1]["_start"], -len(s[2])))
    return "".join(p.text), spans


def in_order(quotes):
    """Quotes in text order, a quote enclosing another (reported speech around a partial quote) first."""
    return sorted(quotes, key=lambda q: (q.start, -q.end))


def colour(attrs):
    m = re.search(r"rgba\((\d+, \d+, \d+),", attrs.get("style", ""))
    return m.group(1) if m else None


@pytest.fixture(scope="module", params=SEEDS)
def seed_doc(request):
    text = (DATA / f"{request.param}.txt").read_text(encoding="utf-8")
    return sw.analyze(text)


def test_text_is_complete_and_escaped(seed_doc):
    markup = seed_doc._repr_html_()
    rebuilt, _ = parse(markup)
    assert rebuilt == seed_doc.text


def test_every_quote_highlighted_in_its_speakers_colour(seed_doc):
    _, spans = parse(seed_doc._repr_html_())
    quotes = [(a, t) for c, a, t in spans if c == "sw-quote"]
    assert [t for _, t in quotes] == [q.text for q in in_order(seed_doc.quotes)]
    by_speaker = {}
    for (attrs, _), q in zip(quotes, in_order(seed_doc.quotes), strict=True):
        title = attrs["title"]
        if q.kind == "scare":
            assert title == "scare quote"
            continue
        assert title.startswith(f"{q.kind} quote")
        assert f"cue: {q.cue.text if q.cue else 'none'}" in title
        key = q.speaker_id or q.speaker_name or (q.speaker.text if q.speaker else None)
        if key is not None:
            by_speaker.setdefault(key, set()).add(colour(attrs))
            assert (q.speaker_name or q.speaker.text) in title
    # one colour per speaker, and different speakers differ (the palette has 10 hues)
    assert all(len(c) == 1 for c in by_speaker.values())
    assert len(by_speaker) >= 3
    assert len({next(iter(c)) for c in by_speaker.values()}) == min(len(by_speaker), 10)
    # speaker mentions wear their quote's colour
    speaker_spans = [(a, t) for c, a, t in spans if c == "sw-speaker"]
    colours = {k: next(iter(c)) for k, c in by_speaker.items()}
    for q in seed_doc.quotes:
        if q.kind != "scare" and q.speaker is not None and q.speaker_id in colours:
            assert any(t == q.speaker.text and colour(a) == colours[q.speaker_id] for a, t in speaker_spans)


def test_entities_marked_with_label_and_id(seed_doc):
    _, spans = parse(seed_doc._repr_html_())
    ents = [(a["title"], t) for c, a, t in spans if c == "sw-ent"]
    # entity spans may be clipped where they cross a quote boundary; nearly all come whole
    whole = {(m.text, f"{m.label}: {m.name} ({m.id})") for m in seed_doc.entities}
    assert sum((t, title) in whole for title, t in ents) >= 0.9 * len(seed_doc.entities)


def test_self_contained():
    text = (DATA / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
    markup = sw.analyze(text)._repr_html_().lower()
    for banned in ("http:", "https:", "//", "<script", "src=", "@import", "url(", "<link", "<iframe"):
        assert banned not in markup, banned
    # readable in dark themes: the text colour is inherited, highlights are translucent
    assert "color: inherit" in markup
    assert "rgba(" in markup and "background: #" not in markup and "background: white" not in markup


def test_markup_in_text_is_escaped():
    text = '<script>alert("x")</script> & “Fine <b>work</b> & more,” said Ned Price.'
    doc = sw.analyze(text, gazetteer=False)
    markup = doc._repr_html_()
    assert "<script>" not in markup and "<b>" not in markup
    assert html.escape("<script>") in markup and "&amp;" in markup
    rebuilt, spans = parse(markup)
    assert rebuilt == text
    assert [t for c, _, t in spans if c == "sw-quote"] == [q.text for q in in_order(doc.quotes)]
    assert doc.quotes[-1].text == "Fine <b>work</b> & more," and doc.quotes[-1].speaker_name == "Ned Price"
    # a speaker name with markup characters is escaped in the legend and in titles too
    evil = render_html("“Hi,” said X.", quotes=[type("Q", (), {
        "start": 1, "end": 4, "kind": "direct", "group": 0, "speaker_id": None, "speaker_name": "<i>Eve</i>",
        "speaker": type("S", (), {"start": 11, "end": 12, "text": "X"})(), "cue": None})()])
    assert "<i>" not in evil and "&lt;i&gt;Eve" in evil


def test_crossing_spans_still_nest():
    """An entity that crosses a quote boundary is clipped; the HTML stays well formed and the text complete."""
    text = "He said “New York” City is big."
    ent = type("E", (), {"start": 9, "end": 23, "label": "GPE", "id": "nyc", "name": "New York City"})()
    q = type("Q", (), {"start": 9, "end": 17, "kind": "scare", "group": 0, "speaker_id": None,
                       "speaker_name": None, "speaker": None, "cue": None})()
    markup = render_html(text, entities=[ent], quotes=[q])
    rebuilt, spans = parse(markup)
    assert rebuilt == text
    assert [t for c, _, t in spans if c == "sw-quote"] == ["New York"]


def test_legend_lists_each_speaker_once():
    text = "“Yes,” said Ned Price. “No,” said Jen Psaki. “Maybe,” Ned Price added."
    doc = sw.analyze(text, gazetteer=False)
    legend = re.search(r'<div class="sw-legend">(.*?)</div>', doc._repr_html_()).group(1)
    names = re.findall(r">([^<>]+)</span>", legend)
    assert names == ["Ned Price", "Jen Psaki"]


def test_empty_document_renders():
    markup = sw.analyze("")._repr_html_()
    rebuilt, spans = parse(markup)
    assert rebuilt == "" and spans == []


KINDS_TEXT = ("“Bakhmut fortress,” Mr Zelenskiy said. He called the battle “extremely difficult”. "
              "The so-called “special operation” goes on.")


def test_kinds_look_different_at_a_glance_with_a_legend():
    """Direct, partial and scare quotes differ in class and in inline style, not only in the hover title, and a
    legend names each kind present; a kind the renderer does not know (reported speech is coming) gets a class
    and a look of its own too."""
    doc = sw.analyze(KINDS_TEXT)
    assert [q.kind for q in doc.quotes] == ["direct", "partial", "scare"]
    markup = doc._repr_html_()
    _, spans = parse(markup)
    quotes = [a for c, a, _ in spans if c == "sw-quote"]
    classes = [a["class"].split()[1] for a in quotes]
    assert classes == ["sw-k-direct", "sw-k-partial", "sw-k-scare"]
    styles = [a["style"] for a in quotes]
    assert len(set(styles)) == 3
    assert "solid" in styles[0] and "dotted" in styles[1] and "solid" not in styles[2]
    assert "font-style: italic" in markup.split("</style>")[0]  # .sw-k-scare
    kinds = re.search(r'<div class="sw-legend sw-kinds">(.*?)</div>', markup).group(1)
    assert re.findall(r">([^<>]+)</span>", kinds) == ["direct quote", "partial quote", "scare quote"]
    # reported speech ("indirect") and any other kind string
    q = [type("Q", (), {"start": s, "end": e, "kind": k, "group": 0, "speaker_id": "kyiv", "speaker_name": "Kyiv",
                        "speaker": type("S", (), {"start": 0, "end": 4, "text": "Kyiv"})(), "cue": None})()
         for s, e, k in [(10, 31, "indirect"), (33, 37, "rumour")]]
    markup = render_html("Kyiv said the move was illegal, “sham”.", quotes=q)
    _, spans = parse(markup)
    got = [a for c, a, _ in spans if c == "sw-quote"]
    assert [a["class"] for a in got] == ["sw-quote sw-k-indirect", "sw-quote sw-k-rumour"]
    assert "dashed" in got[0]["style"] and got[0]["style"] != got[1]["style"]
    assert "reported speech" in markup and ">rumour</span>" in markup


def test_title_inside_the_persons_underline():
    doc = sw.analyze(KINDS_TEXT)
    assert doc.quotes[0].speaker.text == "Mr Zelenskiy"
    assert any(m.text == "Zelenskiy" and m.label == "PERSON" for m in doc.entities)
    _, spans = parse(doc._repr_html_())
    underlined = [t for c, _, t in spans if c == "sw-ent"]
    assert "Mr Zelenskiy" in underlined and "Zelenskiy" not in underlined
    # a longer speaker phrase is not pulled into the name: "Ukraine's President Zelenskiy"
    doc = sw.analyze("“No,” Ukraine’s President Zelenskiy said.")
    _, spans = parse(doc._repr_html_())
    assert "Zelenskiy" in [t for c, _, t in spans if c == "sw-ent"]
