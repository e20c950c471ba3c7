"""Quotations and who said them; people of a document.

>>> import saidwho as sw
>>> text = "“We will win,” Mr Zelenskiy said. Putin said the war could be a “long process”."
>>> for q in sw.extract_quotes(text):
...     print(q.text, q.kind, q.speaker.text, q.speaker_name, q.cue.text, sep=" | ")
We will win, | direct | Mr Zelenskiy | Volodymyr Zelenskiy | said
the war could be a “long process” | indirect | Putin | Vladimir Putin | said
long process | partial | Putin | Vladimir Putin | said

Reported speech without quotation marks is a quote of kind ``indirect`` (its content as written, without a
leading "that"); the quoted words inside it are its partial quote and share its ``group``. ``reported=False``
(on every entry point) leaves it out.

``gazetteer=None`` (as here) is the default gazetteer, which knows heads of state; ``gazetteer=False`` resolves
people from the text alone ("Zelenskiy").

Offsets are Python str offsets, end-exclusive: ``text[q.start:q.end] == q.text``.

Speakers are resolved to a gazetteer entity (a ``Gazetteer``, or any object with a ``find(text)`` method
returning matches with ``start``, ``end``, ``id``, ``label`` and optionally ``name``), to a person of the
document ("Mr Putin" and "he" → "Vladimir Putin"), or else to the capitalised name as written. Entity mentions
from elsewhere can be passed directly as ``entities=[(start, end, id, name, label), ...]``.

The reporting cues are data: ``sw.CueLexicon()`` is the built-in list; ``extend`` returns a new one::

    cues = sw.CueLexicon().extend(["harrumphed", ("in the view of", "source")])
    sw.extract_quotes(text, cues=cues)

Roles: ``speech`` (said, told reporters; the speaker is the subject), ``label`` (called, described … as),
``belief`` (thinks, believes; only before a quote), ``source`` (the speaker follows: according to),
``passive`` (was quoted as saying).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ._missing import blank_missing
from ._resolve import resolve_gazetteer
from ._saidwho import (
    CueLexicon,
    Person,
    Quote,
    Span,
    _analyze_doc,
    _extract_quotes,
    _extract_quotes_columns,
    _find_people,
)
from ._threads import resolve_threads
from .gazetteer import Gazetteer

__all__ = [
    "CueLexicon",
    "Person",
    "Quote",
    "Span",
    "extract_quotes",
    "extract_quotes_batch",
    "find_people",
]

EntityTuple = tuple[int, int, str, str, str]

_KINDS = ["direct", "partial", "scare", "indirect"]

_COLUMNS = [
    "doc",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_id",
    "speaker_name",
    "cue",
    "cue_start",
    "cue_end",
    "group",
]


def _entity_tuple(m: Any) -> EntityTuple:
    if isinstance(m, tuple):
        if len(m) != 5:
            raise ValueError(f"an entity tuple is (start, end, id, name, label), got {m!r}")
        start, end, eid, name, label = m
    else:
        try:
            start, end, eid, label = m.start, m.end, m.id, m.label
        except AttributeError as e:
            raise TypeError(f"an entity needs start, end, id and label attributes, got {type(m).__name__}") from e
        name = getattr(m, "name", None) or getattr(m, "text", None) or eid
    for v, what in ((start, "start"), (end, "end")):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"entity {what} must be an int, got {type(v).__name__}")
    return (start, end, str(eid), str(name), str(label))


def _entities(text: str, gazetteer: Any, entities: Iterable[Any] | None) -> list[EntityTuple] | None:
    if gazetteer is not None and entities is not None:
        raise ValueError("give either gazetteer= or entities=, not both")
    if gazetteer is not None:
        find = getattr(gazetteer, "find", None)
        if find is None:
            raise TypeError(f"gazetteer must have a find(text) method, got {type(gazetteer).__name__}")
        return _in_text(text, [_entity_tuple(m) for m in find(text)])
    if entities is not None:
        return _in_text(text, [_entity_tuple(m) for m in entities])
    return None


def _in_text(text: str, ents: list[EntityTuple]) -> list[EntityTuple]:
    for e in ents:
        if not 0 <= e[0] <= e[1] <= len(text):
            raise ValueError(f"entity span {e[0]}..{e[1]} is outside the text (length {len(text)})")
    return ents


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return text


def _dispatch(gazetteer: Any, entities: Any) -> tuple[bool, Any]:
    """Where a single-text call runs. ``(True, core)``: the whole analysis runs in Rust with ``core`` (a compiled
    gazetteer, or None for none). ``(False, gaz)``: entities come from Python, and ``gaz`` is what
    ``_entities`` reads (an object with ``find``, or None when ``entities`` are given)."""
    if entities is None:
        gaz = resolve_gazetteer(gazetteer)
        if gaz is None or isinstance(gaz, Gazetteer):
            return True, (None if gaz is None else gaz._core)
        return False, gaz
    return False, (None if gazetteer is False else gazetteer)


def extract_quotes(    text: str,
    gazetteer: Any = None,
    *,
    entities: Iterable[Any] | None = None,
    cues: CueLexicon | None = None,
    reported: bool = True,
) -> list[Quote]:
    """The quotations of ``text``, each with kind, speaker, resolved speaker, cue and group, in text order.

    One ``Quote`` per pair of quotation marks (“ ” " ‘ ’ ' « » „ and ``''``); ``start``/``end``/``text`` are the
    content inside the marks. ``kind`` is ``"direct"``, ``"partial"`` (a fragment inside reported speech) or
    ``"scare"`` (nobody's speech). With ``reported=True`` (the default) reported speech without marks is found
    too, as quotes of kind ``"indirect"`` whose text is the reported content as written, without a leading
    "that" (``Kyiv said the move was illegal`` → "the move was illegal"; ``…, they said.``; ``According to X,
    …``); quotes in marks inside it share its ``group``. ``speaker`` is the mention as written (a ``Span``: "he", "Mr Putin", "The
    Kremlin"); for a quote-only paragraph it is the mention that named the speaker before. ``speaker_id`` and
    ``speaker_name`` are the resolved entity or person. ``cue`` is the reporting expression (a ``Span``).
    Parts of one split or multi-paragraph quotation share ``group``.

    ``gazetteer``: None (the default gazetteer), False (none), a ``Gazetteer`` or any object with
    ``find(text)``; ``entities``: mentions as
    ``(start, end, id, name, label)`` tuples or objects with those attributes; ``cues``: a ``CueLexicon``.
    """
    text = _check_text(text)
    in_rust, gazetteer = _dispatch(gazetteer, entities)
    if in_rust:
        return _analyze_doc(text, gazetteer, cues, reported)[0]
    return _extract_quotes(text, _entities(text, gazetteer, entities), cues, reported)


def find_people(
    text: str,
    gazetteer: Any = None,
    *,
    entities: Iterable[Any] | None = None,
) -> list[Person]:
    """The people of ``text``, clustered ("Volodymyr Zelenskiy" = "Mr Zelenskiy" = "Zelenskiy").

    Each ``Person`` has ``id`` (the gazetteer id or the name in snake case), ``name`` (the longest form written),
    ``gender`` ("male", "female" or "unknown"; from honorifics, gendered titles and given names) and
    ``mentions`` (``Span`` list). People are found from titles, honorifics, given names and gazetteer PERSON
    entities.
    """
    text = _check_text(text)
    in_rust, gazetteer = _dispatch(gazetteer, entities)
    if in_rust:
        return _analyze_doc(text, gazetteer, None)[1]
    return _find_people(text, _entities(text, gazetteer, entities))


def extract_quotes_batch(
    texts: Sequence[str],
    gazetteer: Any = None,
    *,
    cues: CueLexicon | None = None,
    n_threads: int | None = None,
    reported: bool = True,
):
    """``extract_quotes`` over many texts in parallel (all cores unless ``n_threads``), as a pandas DataFrame.

    One row per quotation; columns: doc (index of the text), start, end, text, kind (categorical: direct,
    partial, scare, indirect), speaker, speaker_start, speaker_end, speaker_id, speaker_name, cue, cue_start, cue_end,
    group. Missing offsets are ``<NA>`` (nullable Int64); missing strings are ``None``.
    """
    from .document import analyze_many

    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of str, not a single str")
    texts = blank_missing(list(texts))  # None/NaN/pd.NA: a document without quotes
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] must be a str, got {type(t).__name__}")
    gaz = resolve_gazetteer(gazetteer)
    if gaz is None or isinstance(gaz, Gazetteer):
        corpus = analyze_many(texts, gazetteer=False if gaz is None else gaz, n_threads=n_threads,
                              progress=False, cues=cues, reported=reported)
        return corpus.quotes()[_COLUMNS]
    import pandas as pd

    n_threads = resolve_threads(n_threads) or None  # one thread inside a Dask/Spark task
    ents = [_entities(t, gaz, None) for t in texts]
    cols = _extract_quotes_columns(texts, ents, cues, n_threads, reported)
    import numpy as np

    def ints(name: str, nullable: bool = False):
        a = np.frombuffer(cols[name], dtype="<i8")
        if nullable:
            return pd.arrays.IntegerArray(a.copy(), a < 0)
        return a.astype("int64")

    kind = pd.Categorical.from_codes(np.frombuffer(cols["kind"], dtype=np.uint8), categories=_KINDS)
    codes = np.frombuffer(cols["speaker_code"], dtype="<i4")
    ids = np.array(cols["speaker_ids"] + [None], dtype=object)
    names = np.array(cols["speaker_names"] + [None], dtype=object)
    return pd.DataFrame(
        {
            "doc": ints("doc"),
            "start": ints("start"),
            "end": ints("end"),
            "text": cols["text"],
            "kind": kind,
            "speaker": cols["speaker"],
            "speaker_start": ints("speaker_start", True),
            "speaker_end": ints("speaker_end", True),
            "speaker_id": ids[codes],
            "speaker_name": names[codes],
            "cue": cols["cue"],
            "cue_start": ints("cue_start", True),
            "cue_end": ints("cue_end", True),
            "group": ints("group"),
        },
        columns=_COLUMNS,
    )
