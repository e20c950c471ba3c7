"""HTML rendering of an analysed document for Jupyter (``Document._repr_html_``).

The view is self-contained (inline CSS, nothing fetched from the internet) and readable in light and dark
themes: highlights use translucent colours over the notebook's own text colour.

>>> from types import SimpleNamespace as NS
>>> html = render_html("Putin said “no”.", entities=[], quotes=[NS(start=12, end=14, kind="direct",
...     speaker=NS(start=0, end=5, text="Putin"), speaker_id="putin", speaker_name="Putin",
...     cue=NS(start=6, end=10, text="said"), group=0)])
>>> "sw-quote" in html and "Putin" in html
True
"""
from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from typing import Any

# Hues chosen to stay distinct on white and on dark backgrounds when used translucently.
_PALETTE = [
    "31, 119, 180", "255, 127, 14", "44, 160, 44", "214, 39, 40", "148, 103, 189",
    "140, 86, 75", "227, 119, 194", "127, 127, 127", "188, 189, 34", "23, 190, 207",
]

# How each kind of quote looks, at a glance and without hovering: (background alpha, bottom border).
# Direct: solid and strong; partial: lighter, dotted; reported (indirect, no marks): faint, dashed; scare:
# grey and italic, no speaker colour. Any other kind: a thin solid line.
_KIND_LOOK: dict[str, tuple[str, str]] = {
    "direct": (".28", "2px solid"),
    "partial": (".16", "2px dotted"),
    "indirect": (".07", "2px dashed"),
    "scare": (".10", "none"),
}
_OTHER_LOOK = (".20", "1px solid")
_KIND_LABEL = {"direct": "direct quote", "partial": "partial quote", "indirect": "reported speech",
               "scare": "scare quote"}

_STYLE = """
<style>
.sw-doc { line-height: 1.8; white-space: pre-wrap; font-family: inherit; color: inherit; max-width: 60em; }
.sw-ent { border-bottom: 2px solid rgba(127,127,127,.8); padding: 0 1px; }
.sw-ent-label { font-size: .65em; font-weight: 600; opacity: .75; margin-left: 2px; vertical-align: super; }
.sw-quote { border-radius: 3px; padding: 1px 0; }
.sw-k-scare { font-style: italic; }
.sw-speaker { font-weight: 700; border-radius: 3px; padding: 0 2px; }
.sw-cue { font-style: italic; text-decoration: underline dotted; }
.sw-legend { margin: .4em 0 .8em 0; font-size: .85em; line-height: 2; }
.sw-legend span { display: inline-block; margin-right: 1em; padding: 0 .4em; border-radius: 3px; }
</style>
"""


def _kind_class(kind: str) -> str:
    """``sw-k-direct``, ``sw-k-indirect``…: a CSS class per kind of quote (any kind string)."""
    return "sw-k-" + ("".join(c if c.isalnum() or c == "-" else "-" for c in str(kind).lower()) or "none")


def _quote_style(kind: str, rgb: str) -> str:
    alpha, border = _KIND_LOOK.get(kind, _OTHER_LOOK)
    if kind == "scare":
        return "background: rgba(127, 127, 127,.10); opacity: .85"
    line = "" if border == "none" else f"; border-bottom: {border} rgba({rgb},.9)"
    return f"background: rgba({rgb},{alpha}){line}"


def _kind_legend(kinds: list[str]) -> str:
    order = [k for k in _KIND_LOOK if k in kinds] + sorted(k for k in set(kinds) if k not in _KIND_LOOK)
    items = "".join(
        f'<span class="sw-quote {_kind_class(k)}" style="{_quote_style(k, "127, 127, 127")}">'
        f"{_html.escape(_KIND_LABEL.get(k, k))}</span>"
        for k in order
    )
    return f'<div class="sw-legend sw-kinds">Quotes: {items}</div>' if items else ""


_TITLE_WORD = re.compile(r"^[A-Z][A-Za-z]*\.?$")


def _title_prefix(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a title or honorific before a name ("Mr ", "Dr. ", "President "): at most
    three capitalised words, nothing else."""
    words = text[start:end].split()
    return 0 < len(words) <= 3 and text[end - 1:end].isspace() and all(_TITLE_WORD.match(w) for w in words)


def _speaker_key(q: Any) -> str | None:
    if getattr(q, "kind", None) == "scare":
        return None
    key = getattr(q, "speaker_id", None) or getattr(q, "speaker_name", None)
    if key is None and getattr(q, "speaker", None) is not None:
        key = q.speaker.text
    return key


def render_html(text: str, entities: Iterable[Any] = (), quotes: Iterable[Any] = ()) -> str:
    """Render ``text`` with entity mentions and quotes highlighted; each quote coloured by its speaker.

    Entities need ``start, end, label, id``; quotes ``start, end, kind, speaker, speaker_id, speaker_name, cue``.
    Each kind of quote has its own look and CSS class (``sw-k-direct``: solid, ``sw-k-partial``: lighter and
    dotted, ``sw-k-indirect``, reported speech: faint and dashed, ``sw-k-scare``: grey and italic; any other kind:
    a thin line), explained by a legend above the text; hovering a quote shows its kind, cue and speaker. Speaker
    mentions carry the quote's colour (bold), and a title in the speaker span ("Mr Zelenskiy") is inside the
    person's underline.
    """
    quotes = list(quotes)
    entities = list(entities)
    colours: dict[str, str] = {}
    names: dict[str, str] = {}
    for q in quotes:
        key = _speaker_key(q)
        if key is not None and key not in colours:
            colours[key] = _PALETTE[len(colours) % len(_PALETTE)]
            names[key] = getattr(q, "speaker_name", None) or key

    # Events: (position, order, html). Closing tags sort before opening ones at the same position; spans
    # that would cross are clipped to nest properly by emitting them in a stack discipline.
    opens: list[tuple[int, int, int, str, str]] = []  # start, -end, rank, open_tag, close_tag

    def add(start: int, end: int, rank: int, open_tag: str, close_tag: str) -> None:
        if 0 <= start < end <= len(text):
            opens.append((start, -end, rank, open_tag, close_tag))

    speaker_spans: list[tuple[int, int]] = []
    for q in quotes:
        key = _speaker_key(q)
        rgb = colours.get(key, "127, 127, 127") if key else "127, 127, 127"
        kind = str(q.kind)
        who = getattr(q, "speaker_name", None) or (q.speaker.text if q.speaker is not None else "unknown")
        cue = q.cue.text if getattr(q, "cue", None) is not None else "none"
        tip = f"{kind} quote — speaker: {who}; cue: {cue}" if kind != "scare" else "scare quote"
        add(q.start, q.end, 0,
            f'<span class="sw-quote {_kind_class(kind)}" style="{_quote_style(kind, rgb)}" '
            f'title="{_html.escape(tip)}">', "</span>")
        if kind != "scare" and q.speaker is not None:
            speaker_spans.append((q.speaker.start, q.speaker.end))
        if q.kind != "scare" and q.speaker is not None:
            add(q.speaker.start, q.speaker.end, 1,
                f'<span class="sw-speaker" style="background: rgba({rgb},.35)" '
                f'title="speaker: {_html.escape(who)}">', "</span>")
        if getattr(q, "cue", None) is not None:
            add(q.cue.start, q.cue.end, 1, f'<span class="sw-cue" title="cue of a {q.kind} quote">', "</span>")
    # "Mr Zelenskiy" as the speaker: the title is inside the person's underline, not left out of it
    extend: dict[tuple[int, int], int] = {}
    for s0, e0 in speaker_spans:
        for e in entities:
            if (str(e.label).upper() in ("PERSON", "PER") and e.end == e0 and s0 < e.start < e0
                    and _title_prefix(text, s0, e.start)):
                extend[(e.start, e.end)] = s0
    for e in entities:
        tip = f"{e.label}: {getattr(e, 'name', None) or e.id} ({e.id})"
        add(extend.get((e.start, e.end), e.start), e.end, 2, f'<span class="sw-ent" title="{_html.escape(tip)}">',
            f'<span class="sw-ent-label">{_html.escape(e.label)}</span></span>')

    opens.sort()
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, close_tag)
    pos = 0

    def emit_text(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(_html.escape(text[pos:upto]))
            pos = upto

    for start, neg_end, _rank, open_tag, close_tag in opens:
        end = -neg_end
        # close everything that ends before this span starts
        while stack and stack[-1][0] <= start:
            emit_text(stack[-1][0])
            out.append(stack.pop()[1])
        if stack and end > stack[-1][0]:
            end = stack[-1][0]  # clip a crossing span so tags nest
            if end <= start:
                continue
        emit_text(start)
        out.append(open_tag)
        stack.append((end, close_tag))
    while stack:
        emit_text(stack[-1][0])
        out.append(stack.pop()[1])
    emit_text(len(text))

    legend = "".join(
        f'<span style="background: rgba({rgb},.35)">{_html.escape(names[k])}</span>' for k, rgb in colours.items()
    )
    legend_html = f'<div class="sw-legend">Speakers: {legend}</div>' if legend else ""
    legend_html += _kind_legend([str(q.kind) for q in quotes])
    return f'{_STYLE}<div class="sw-root">{legend_html}<div class="sw-doc">{"".join(out)}</div></div>'
