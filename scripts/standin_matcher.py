"""A small, slow, pure-Python stand-in for ``saidwho.Gazetteer`` — for checking the default gazetteer's DATA.

Not part of the product (it is never shipped in the wheel). ``scripts/build_default_gazetteer.py --check`` and
``bench/default_gazetteer_report.py`` use it when the Rust engine is not available, so that the data can be
developed and measured before the engine lands. It follows the engine's documented semantics closely enough to
judge the data:

- whole words only (word characters: Unicode letters, marks, digits and ``_``), leftmost-longest, no overlaps;
- per-alias case: ``"smart"`` (aliases written all in capitals or with digits match case-sensitively, others
  case-insensitively), ``"sensitive"``, ``"insensitive"``;
- apostrophes ’ ' ʼ compare equal, and so do hyphens and dashes;
- ``context: true``: the match is kept only when it starts with a capital letter, is not sentence-initial and
  is not next to another capitalised word ("Price" in "Ned Price" is dropped, "Price said" kept);
- entries sharing an alias are ranked by ``priority`` (higher first), and the top one is the match's id.

>>> m = StandinMatcher([{"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]}])
>>> [(x.text, x.id) for x in m.find("From Kiev to Kyivstar and Kyiv.")]
[('Kiev', 'kyiv'), ('Kyiv', 'kyiv')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_APOS = "’'ʼ‘`´"
_DASH = "-‐‑‒–—―−"
_FOLD = {ord(c): "'" for c in _APOS} | {ord(c): "-" for c in _DASH}
_WORD_RE = re.compile(r"[^\W]+")  # Python's \w: letters, digits, underscore (marks are close enough here)
_OPENERS = "“\"‘'«([{„"
_SENTENCE_END = ".!?…"


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or (c != "" and 0x300 <= ord(c) <= 0x36F)


def _norm(s: str) -> str:
    """Length-preserving normalisation: apostrophes and dashes unified, white space to a plain space."""
    s = s.translate(_FOLD)
    return "".join(" " if c.isspace() else c for c in s)


def _lower(s: str) -> str:
    """Length-preserving lower-casing (characters whose lower case is longer, like İ, are kept)."""
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in s)


@dataclass
class Match:
    start: int
    end: int
    text: str
    id: str
    label: str
    name: str
    candidates: list[str] = field(default_factory=list)


@dataclass
class _Key:
    alias: str  # normalised (lower-cased unless case-sensitive)
    sensitive: bool
    context: bool
    entries: list[tuple[float, int]]  # (priority, entry index)


def _smart_is_sensitive(alias: str) -> bool:
    return any(ch.isdigit() for ch in alias) or not any(ch.islower() for ch in alias)


class StandinMatcher:
    """Leftmost-longest whole-word matching over records in the ``Gazetteer.from_records`` format."""

    def __init__(self, records, case: str = "smart"):
        self.entries: list[dict] = []
        # first word (normalised, lower-cased) -> list of keys, longest first
        self._by_first: dict[str, list[_Key]] = {}
        keys: dict[tuple[str, bool, bool], _Key] = {}
        for rec in records:
            idx = len(self.entries)
            self.entries.append(rec)
            prio = float(rec.get("priority", 0.0))
            aliases = list(rec.get("aliases", []))
            texts = {a["alias"] if isinstance(a, dict) else a for a in aliases}
            if rec.get("name") and rec["name"] not in texts:  # the name is an alias unless listed
                aliases.insert(0, rec["name"])
            for a in aliases:
                if isinstance(a, dict):
                    text, mode, ctx = a["alias"], a.get("case", case), bool(a.get("context", False))
                else:
                    text, mode, ctx = a, case, False
                text = _norm(text.strip())
                if not text:
                    continue
                sensitive = mode == "sensitive" or (mode == "smart" and _smart_is_sensitive(text))
                norm = text if sensitive else _lower(text)
                k = keys.get((norm, sensitive, ctx))
                if k is None:
                    k = keys[(norm, sensitive, ctx)] = _Key(norm, sensitive, ctx, [])
                if all(e != idx for _, e in k.entries):
                    k.entries.append((prio, idx))
        for k in keys.values():
            k.entries.sort(key=lambda pe: -pe[0])
            first = _WORD_RE.match(_lower(k.alias))
            if first is None:
                continue
            self._by_first.setdefault(first.group(0), []).append(k)
        for lst in self._by_first.values():
            lst.sort(key=lambda k: -len(k.alias))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[Match]:
        norm = _norm(text)
        low = _lower(norm)
        out: list[Match] = []
        pos = 0
        n = len(text)
        for wm in _WORD_RE.finditer(low):
            s = wm.start()
            if s < pos:
                continue
            keys = self._by_first.get(wm.group(0))
            if not keys:
                continue
            best_end, hits = -1, []
            for k in keys:  # longest first
                e = s + len(k.alias)
                if e > n or e < best_end:
                    continue
                hay = norm[s:e] if k.sensitive else low[s:e]
                if hay != k.alias:
                    continue
                if e < n and _is_word_char(text[e]) and _is_word_char(text[e - 1]):
                    continue
                if k.context and not _context_ok(text, s, e):
                    continue
                best_end = e
                hits.extend(k.entries)
            if not hits:
                continue
            ranked = [i for _, i in sorted(set(hits), key=lambda pe: (-pe[0], pe[1]))]
            top = self.entries[ranked[0]]
            out.append(
                Match(s, best_end, text[s:best_end], top["id"], top["label"], top["name"],
                      [self.entries[i]["id"] for i in ranked])
            )
            pos = best_end
        return out


def _context_ok(text: str, s: int, e: int) -> bool:
    """Capitalised, not sentence-initial, not next to another capitalised word."""
    if not text[s].isupper():
        return False
    # look back: sentence start?
    i = s - 1
    while i >= 0 and text[i] in " \t" + _OPENERS:
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END:
        return False
    # previous word capitalised and adjacent (only spaces between)?
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and j < s - 1 and _is_word_char(text[j]):
        k = j
        while k > 0 and _is_word_char(text[k - 1]):
            k -= 1
        if text[k].isupper():
            return False
    # next word capitalised and adjacent?
    j = e
    while j < len(text) and text[j] in " \t":
        j += 1
    return not (j > e and j < len(text) and text[j].isupper())
