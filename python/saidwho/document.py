"""Documents and corpora: one call analyses a text or a collection into objects and pandas tables.

>>> import saidwho as sw
>>> doc = sw.analyze("“We will not give up,” Mr Zelenskiy said in Kyiv.")
>>> [(q.text, q.speaker.text, q.cue.text) for q in doc.quotes]
[('We will not give up,', 'Mr Zelenskiy', 'said')]
>>> corpus = sw.analyze_many({"ft": doc.text, "empty": ""}.items(), progress=False)
>>> corpus.quotes()[["doc", "speaker", "text"]].values.tolist()
[['ft', 'Mr Zelenskiy', 'We will not give up,']]
"""
from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from . import _columns
from ._optional import require
from ._resolve import resolve_gazetteer
from ._saidwho import CueLexicon, Match, Person, Quote, SaidwhoError, _analyze_columns, _analyze_doc
from ._threads import resolve_threads
from .display import render_html
from .gazetteer import Gazetteer


def _span_dict(s: Any) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _match_dict(m: Match) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "id": m.id, "label": m.label, "name": m.name}


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "group": q.group,
        "speaker": _span_dict(q.speaker), "speaker_id": q.speaker_id, "speaker_name": q.speaker_name,
        "cue": _span_dict(q.cue),
    }


def _person_dict(p: Person) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "gender": p.gender, "mentions": [_span_dict(s) for s in p.mentions]}


class Document:
    """One analysed text: ``entities`` (gazetteer matches), ``people`` (person clusters with their mentions) and
    ``quotes`` (with resolved speakers). Shown highlighted in Jupyter; ``to_dict``/``to_json`` for storage.

    >>> doc = analyze("“No,” said spokesman Ned Price.", gazetteer=False)
    >>> doc.quotes[0].speaker_name, [p.name for p in doc.people]
    ('Ned Price', ['Ned Price'])
    """

    __slots__ = ("entities", "people", "quotes", "text")

    def __init__(self, text: str, entities: list[Match], people: list[Person], quotes: list[Quote]) -> None:
        self.text = text
        self.entities = entities
        self.people = people
        self.quotes = quotes

    def __repr__(self) -> str:
        return (f"Document({len(self.text):,} chars, {len(self.entities)} entities, {len(self.people)} people, "
                f"{len(self.quotes)} quotes)")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready) of the text and everything found in it."""
        return {
            "text": self.text,
            "entities": [_match_dict(m) for m in self.entities],
            "people": [_person_dict(p) for p in self.people],
            "quotes": [_quote_dict(q) for q in self.quotes],
        }

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON (UTF-8 kept as is; ``kwargs`` go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def _repr_html_(self) -> str:
        return render_html(self.text, self.entities, self.quotes)


def analyze(text: str, gazetteer: Gazetteer | None | bool = None, *, cues: CueLexicon | None = None,
            reported: bool = True) -> Document:
    """Analyse one text: entities, people and who said what.

    ``gazetteer``: ``None`` for :func:`saidwho.default_gazetteer`, a :class:`saidwho.Gazetteer`, or ``False`` for
    none (people and speakers are then found from the text alone). ``cues``: a :class:`saidwho.CueLexicon`.
    ``reported``: also find reported speech without quotation marks (quotes of kind ``"indirect"``).

    >>> doc = analyze("Ukraine says Russia uses troops like “cannon fodder”.")
    >>> [m.text for m in doc.entities], [(q.kind, q.speaker.text) for q in doc.quotes]
    (['Ukraine', 'Russia'], [('indirect', 'Ukraine'), ('partial', 'Ukraine')])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    gaz = resolve_gazetteer(gazetteer, native_only=True)
    quotes, people = _analyze_doc(text, None if gaz is None else gaz._core, cues, reported)
    entities = [] if gaz is None else _not_person_names(text, gaz.find(text), people)
    return Document(text, entities, people, quotes)


def _not_person_names(text: str, entities: list[Match], people: list[Person]) -> list[Match]:
    """``entities`` without the places and organisations named like a person of the document: a name the text
    uses for a person where the gazetteer did not claim it ("Abraham Lincoln … Lincoln led …") means that person
    throughout the document (the core applies the same rule to the Corpus tables and to speakers)."""
    short = {text[m.start:m.end] for p in people for m in p.mentions}  # Document.people: confident persons
    if not short:
        return entities
    return [m for m in entities if m.label.upper() in ("PERSON", "PER") or m.text not in short]


_BIG_RUN_CHARS = 2_000_000  # show a progress bar beyond this much text


def _split_input(texts: Any) -> tuple[pd.Index, list[Any]]:
    """(ids, texts) from a Series, a dict, a list of str, or an iterable of (id, text) pairs."""
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of texts, not a single str (use saidwho.analyze)")
    if isinstance(texts, pd.DataFrame):
        raise TypeError("pass a column of texts (df['text']), not a whole DataFrame")
    if isinstance(texts, pd.Series):
        # NaN, None and pd.NA (nullable string dtypes) all become None: a missing text
        return texts.index, texts.to_numpy(dtype=object, na_value=None).tolist()
    if isinstance(texts, dict):
        ids, items = pd.Index(list(texts.keys())), list(texts.values())
    else:
        items = list(texts)
        if items and all(isinstance(x, tuple) and len(x) == 2 for x in items):
            ids, items = pd.Index([x[0] for x in items]), [x[1] for x in items]
        else:
            ids = pd.RangeIndex(len(items))
    return ids, [None if x is pd.NA else x for x in items]


class Corpus:
    """Many analysed texts as tidy tables: :meth:`entities`, :meth:`quotes`, :meth:`people`,
    :meth:`who_said_what`, :meth:`quote_clusters`; ``to_arrow`` for large outputs.

    Every table has a ``doc`` column carrying the id of the text (the Series index, the given id, or the position).
    Results are held as column buffers (numbers as numpy, strings Arrow-backed when pyarrow is installed), so
    memory grows with the results, not with one Python object per character or per match.
    """

    def __init__(self, ids: pd.Index, texts: list[Any] | pd.Series, chunks: list[tuple[int, dict[str, Any]]],
                 gazetteer: Gazetteer | None, errors: list[tuple[int, str]],
                 cues: CueLexicon | None = None, reported: bool = True) -> None:
        self._ids = ids
        self._texts = texts
        self._chunks = chunks
        self._gazetteer = gazetteer
        self._errors = errors
        self._cues = cues
        self._reported = reported
        self._cache: dict[str, pd.DataFrame] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return f"Corpus({len(self):,} documents, {len(self.quotes()):,} quotes, {len(self.entities()):,} entities)"

    def __getstate__(self) -> dict[str, Any]:
        # the default gazetteer pickles by name (see Gazetteer.__reduce__); cached tables are rebuilt on demand
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    @property
    def ids(self) -> pd.Index:
        """The document ids, in input order."""
        return self._ids

    def document(self, doc: Any) -> Document:
        """The :class:`Document` of the text with id ``doc`` (analysed again, as objects)."""
        pos = self._ids.get_loc(doc)
        if not isinstance(pos, (int, np.integer)):
            raise KeyError(f"document id {doc!r} is not unique")
        text = self._texts.iloc[pos] if isinstance(self._texts, pd.Series) else self._texts[pos]
        if not isinstance(text, str) or any(d == pos for d, _ in self._errors):
            text = None  # analysed as missing (see errors())
        gaz = self._gazetteer if self._gazetteer is not None else False
        return analyze(text if isinstance(text, str) else "", gaz, cues=self._cues,
                       reported=getattr(self, "_reported", True))

    def __iter__(self) -> Iterator[Document]:
        for doc in self._ids:
            yield self.document(doc)

    # ----- tables -----
    @property
    def doc_column(self) -> str:
        """The name of the column that holds the document ids in every table: the name of the Series index the
        texts came with (``df.set_index("article")["text"]`` gives ``article``), else ``doc``."""
        return _doc_column(self._ids)

    def _table(self, name: str) -> pd.DataFrame:
        if name in self._cache:
            return self._cache[name]
        frames = []
        for offset, tables in self._chunks:
            cols = _columns.to_columns(tables[name])
            cols["doc"] = cols["doc"] + offset
            frames.append(pd.DataFrame(cols))
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        self._cache[name] = df
        return df

    def _with_ids(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df.copy()
        out["doc"] = self._ids.take(df["doc"].to_numpy(dtype=np.int64))
        return out

    def _public(self, df: pd.DataFrame) -> pd.DataFrame:
        """The table as users get it: ids categorical, the doc column named :attr:`doc_column`."""
        if "speaker_id" in df.columns:
            df["speaker_id"] = _columns.categorical(df["speaker_id"])
        name = self.doc_column
        return df if name == "doc" else df.rename(columns={"doc": name})

    def entities(self) -> pd.DataFrame:
        """One row per entity mention: doc, start, end, text, id, label, name (id/label/name categorical)."""
        df = self._table("entities")
        out = self._with_ids(df.drop(columns="entry"))
        entry = df["entry"].to_numpy(dtype=np.int64)
        if self._gazetteer is not None:
            ids, (labels, label_of) = self._gazetteer._categories()
            names = self._gazetteer._names_index()
            codes = entry.astype(np.int32)
            # only the ids found: value_counts() and groupby list these, not the gazetteer's 60,000
            out["id"] = pd.Categorical.from_codes(codes, categories=ids).remove_unused_categories()
            out["label"] = pd.Categorical.from_codes(label_of[codes], categories=labels)
            out["name"] = _columns.take_strings(names, entry)
        else:
            for c in ("id", "label"):
                out[c] = pd.Categorical([])
            out["name"] = _columns.empty_strings()
        return self._public(out)

    def quotes(self) -> pd.DataFrame:
        """One row per quote: doc, start, end, text, kind, group, speaker (the mention as written), speaker_start,
        speaker_end, speaker_id (categorical), speaker_name (resolved), cue, cue_start, cue_end. Missing values
        are <NA>."""
        return self._public(self._with_ids(self._table("quotes")))

    def people(self) -> pd.DataFrame:
        """One row per person cluster: doc, id (categorical), name, gender, n_mentions, mentions (a list of
        ``{"start", "end"}`` per cluster: an Arrow list column when pyarrow is installed)."""
        df = self._table("people")
        m = self._table("mentions")
        out = self._with_ids(df)
        out["id"] = _columns.categorical(out["id"])
        counts = df["n_mentions"].to_numpy(dtype=np.int64)
        out["mentions"] = _columns.span_lists(counts, m["start"].to_numpy(dtype=np.int64),
                                              m["end"].to_numpy(dtype=np.int64))
        return self._public(out)

    def _entities_in_quotes(self, q: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(list lengths, flat gazetteer entry numbers) of the entities inside each quote of ``q``."""
        e = self._table("entities")
        # entities inside each quote: sort keys (doc, start) and search the quote bounds
        ekey = e["doc"].to_numpy(dtype=np.int64) * (1 << 40) + e["start"].to_numpy(dtype=np.int64)
        order = np.argsort(ekey, kind="stable")
        ekey = ekey[order]
        eend = e["end"].to_numpy(dtype=np.int64)[order]
        eentry = e["entry"].to_numpy(dtype=np.int64)[order]
        qdoc = q["doc"].to_numpy(dtype=np.int64) * (1 << 40)
        lo = np.searchsorted(ekey, qdoc + q["start"].to_numpy(dtype=np.int64), side="left")
        hi = np.searchsorted(ekey, qdoc + q["end"].to_numpy(dtype=np.int64), side="left")
        qend = q["end"].to_numpy(dtype=np.int64)
        lengths = np.zeros(len(q), dtype=np.int64)
        flat: list[np.ndarray] = []
        for k, (a, b, end) in enumerate(zip(lo.tolist(), hi.tolist(), qend.tolist())):
            if b > a:
                sel = eentry[a:b][eend[a:b] <= end]
                lengths[k] = len(sel)
                flat.append(sel)
        return lengths, (np.concatenate(flat) if flat else np.zeros(0, dtype=np.int64))

    def who_said_what(self) -> pd.DataFrame:
        """One row per attributed (non-scare) quote: doc, speaker_id, speaker_name, speaker (the mention as
        written), cue, kind, text, start, end, and the entities mentioned inside the quote (``entity_ids``,
        ``entity_names``: lists, Arrow list columns when pyarrow is installed)."""
        q = self._table("quotes")
        q = q[q["kind"] != "scare"]
        lengths, flat = self._entities_in_quotes(q)
        gaz = self._gazetteer
        ids = gaz._categories()[0] if gaz is not None else pd.Index([], dtype=object)
        names = gaz._names_index() if gaz is not None else pd.Index([], dtype=object)
        out = self._with_ids(q)[["doc", "speaker_id", "speaker_name", "speaker", "cue", "kind", "text",
                                 "start", "end"]]
        out = out.reset_index(drop=True)
        out["entity_ids"] = _columns.string_lists(lengths, ids, flat)
        out["entity_names"] = _columns.string_lists(lengths, names, flat)
        return self._public(out)

    def errors(self) -> pd.DataFrame:
        """Documents that could not be analysed (with ``on_error="record"``): doc, error."""
        out = pd.DataFrame({"doc": self._ids.take([d for d, _ in self._errors]),
                            "error": _columns.strings([m for _, m in self._errors])})
        return self._public(out)

    def quote_clusters(self, **kwargs: Any) -> pd.DataFrame:
        """The same utterance across documents: one row per member quote with its cluster, relation and the
        cluster's longest version (see :func:`saidwho.align.cluster_quotes`). Quotes are grouped by their resolved
        speaker (``speaker_id``, else ``speaker_name``); ``speaker`` is the mention as written, as in every table.
        Scare quotes are left out; reported speech (kind ``indirect``) joins the cluster of a quote in marks it
        paraphrases (relation ``paraphrase``) or is a cluster of its own, and is never a cluster's longest version
        beside a quote in marks.

        Columns: cluster, doc, start, end, text, kind, speaker, speaker_id, speaker_name, relation, score,
        is_longest, row (the quote's row in :meth:`quotes`).
        """
        from .align import cluster_quotes

        q = self._with_ids(self._table("quotes"))
        # scare quotes are nobody's words; reported speech is matched to quotes in marks as a paraphrase
        q = q[q["kind"] != "scare"].reset_index()  # the "index" column: the row in quotes()
        key = q["speaker_id"].astype(object).where(q["speaker_id"].notna(), q["speaker_name"].astype(object))
        members = cluster_quotes(
            pd.DataFrame({"doc": q["doc"], "start": q["start"], "end": q["end"], "text": q["text"],
                          "speaker": key, "kind": q["kind"].astype(str)}), **kwargs)
        pos = members["row"].to_numpy(dtype=np.int64)
        out = members[["cluster", "doc", "start", "end"]].copy()
        for c in ("text", "kind", "speaker", "speaker_id", "speaker_name"):
            out[c] = q[c].take(pos).reset_index(drop=True)
        out["relation"] = members["relation"]
        out["score"] = members["score"]
        out["is_longest"] = members["is_longest"]
        out["row"] = q["index"].to_numpy(dtype=np.int64)[pos]
        return self._public(out)

    _ARROW_TABLES = ("quotes", "entities", "people", "who_said_what", "quote_clusters", "errors")

    def to_arrow(self, table: str = "quotes") -> Any:
        """A table (``"quotes"``, ``"entities"``, ``"people"``, ``"who_said_what"``, ``"quote_clusters"``,
        ``"errors"``) as a ``pyarrow.Table``. Needs pyarrow (``pip install 'saidwho[arrow]'``)."""
        if table not in self._ARROW_TABLES:
            raise ValueError(f"table must be one of {', '.join(self._ARROW_TABLES)}; not {table!r}")
        require("pyarrow", "Corpus.to_arrow")
        return _columns.arrow_table(getattr(self, table)())


# every column name of the Corpus tables: an index named like one of them keeps the id column's name "doc"
_TABLE_COLUMNS = frozenset({
    "start", "end", "text", "id", "label", "name", "kind", "group", "speaker", "speaker_start", "speaker_end",
    "speaker_id", "speaker_name", "cue", "cue_start", "cue_end", "gender", "n_mentions", "mentions", "entity_ids",
    "entity_names", "cluster", "relation", "score", "is_longest", "row", "error", "index",
})


def _doc_column(ids: pd.Index) -> str:
    name = ids.name
    if isinstance(name, str) and name and name not in _TABLE_COLUMNS:
        return name
    return "doc"


def _renamed(err: Exception, ids: pd.Index, offset: int) -> Exception:
    """The core names a bad document by its position in a chunk; name it by its id instead."""
    msg = str(err)
    head, sep, rest = msg.partition(":")
    words = head.split()
    if sep and len(words) == 2 and words[0] == "document" and words[1].isdigit():
        return type(err)(f"document {ids[int(words[1]) + offset]!r}:{rest}")
    return err


def analyze_many(
    texts: Iterable[Any] | pd.Series,
    gazetteer: Gazetteer | None | bool = None,
    n_threads: int | None = None,
    progress: bool = True,
    *,
    cues: CueLexicon | None = None,
    on_error: str = "raise",
    reported: bool = True,
) -> Corpus:
    """Analyse many texts in parallel (the GIL released; all cores unless ``n_threads``) into a :class:`Corpus`.

    ``texts``: a list of str, a pandas Series (its index becomes the ``doc`` ids), a dict ``{id: text}`` or an
    iterable of ``(id, text)`` pairs. ``None``/NaN/``pd.NA`` texts are kept as documents without results. A text
    that is not valid Unicode raises ``ValueError`` naming it (a value that is not a str: ``TypeError``), or with
    ``on_error="record"`` is listed in :meth:`Corpus.errors` and analysed as missing. ``progress``: a progress
    bar (tqdm; notebook or terminal) on long runs. Documents are never dropped or reordered. ``reported=False``
    leaves out reported speech (quotes of kind ``"indirect"``).
    """
    if on_error not in ("raise", "record"):
        raise ValueError(f"on_error must be 'raise' or 'record', not {on_error!r}")
    threads = resolve_threads(n_threads) or None
    gaz = resolve_gazetteer(gazetteer, native_only=True)
    ids, items = _split_input(texts)
    core = None if gaz is None else gaz._core
    total_chars = sum(len(t) for t in items if isinstance(t, str))
    n = len(items)
    bar = None
    if progress and total_chars > _BIG_RUN_CHARS and n > 1:
        with warnings.catch_warnings():
            # tqdm.auto warns once when a notebook lacks ipywidgets, then falls back to a text bar: that is fine
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm

        bar = tqdm(total=n, unit="doc", desc="saidwho")
    # chunks keep the bar moving and the peak memory of one call bounded; each chunk uses every thread
    step = max(256, n // 50) if bar is not None else max(n, 1)
    chunks: list[tuple[int, dict[str, Any]]] = []
    errors: list[tuple[int, str]] = []
    lo = 0
    try:
        for lo in range(0, max(n, 1), step):
            part = items[lo:lo + step]
            tables, errs = _analyze_columns(part, core, cues, threads, on_error, reported)
            chunks.append((lo, tables))
            errors.extend((lo + d, msg) for d, msg in errs)
            if bar is not None:
                bar.update(len(part))
    except (ValueError, TypeError, SaidwhoError) as e:
        raise _renamed(e, ids, lo) from None
    finally:
        if bar is not None:
            bar.close()
    # A Series is kept as given: the str objects made from an Arrow-backed column (and their UTF-8 copies) go
    # away with ``items``; Corpus.document reads the text again from the column.
    return Corpus(ids, texts.copy() if isinstance(texts, pd.Series) else items, chunks, gaz, errors, cues,
                  reported)
