"""The pandas accessor ``Series.saidwho``: the Corpus tables straight from a column of texts.

>>> import pandas as pd, saidwho as sw
>>> s = pd.Series({"a": "“We will win,” Mr Zelenskiy said.", "b": "Nothing quoted here."})
>>> s.saidwho.quotes()[["doc", "text", "speaker"]].values.tolist()
[['a', 'We will win,', 'Mr Zelenskiy']]

Every method takes ``gazetteer=None`` (the default gazetteer) and ``n_threads=None`` (all cores); the ``doc``
column carries the Series index (and is named after it when the index has a name). Missing values (None/NaN)
are kept as documents without results. Tables: ``quotes``, ``entities``, ``people``, ``who_said_what``,
``quote_clusters``; ``analyze`` gives the :class:`saidwho.Corpus` itself.
"""
from __future__ import annotations

from typing import Any

import pandas as pd


@pd.api.extensions.register_series_accessor("saidwho")
class SaidwhoAccessor:
    """``series.saidwho``: analyse a Series of texts (see the module docstring)."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def analyze(self, gazetteer: Any = None, n_threads: int | None = None, progress: bool = True,
                reported: bool = True) -> Any:
        """Analyse every text; returns a :class:`saidwho.Corpus` whose ``doc`` ids are the Series index.
        ``reported=False``: quotes in marks only (no reported speech, kind ``indirect``)."""
        from .document import analyze_many

        return analyze_many(self._series, gazetteer=gazetteer, n_threads=n_threads, progress=progress,
                            reported=reported)

    def quotes(self, gazetteer: Any = None, n_threads: int | None = None, reported: bool = True) -> pd.DataFrame:
        """One row per quote (see :meth:`saidwho.Corpus.quotes`)."""
        return self.analyze(gazetteer, n_threads, progress=False, reported=reported).quotes()

    def entities(self, gazetteer: Any = None, n_threads: int | None = None, reported: bool = True) -> pd.DataFrame:
        """One row per entity mention (see :meth:`saidwho.Corpus.entities`)."""
        return self.analyze(gazetteer, n_threads, progress=False, reported=reported).entities()

    def people(self, gazetteer: Any = None, n_threads: int | None = None, reported: bool = True) -> pd.DataFrame:
        """One row per person cluster (see :meth:`saidwho.Corpus.people`)."""
        return self.analyze(gazetteer, n_threads, progress=False, reported=reported).people()

    def who_said_what(self, gazetteer: Any = None, n_threads: int | None = None, reported: bool = True) -> pd.DataFrame:
        """One row per attributed quote with the entities inside it (see :meth:`saidwho.Corpus.who_said_what`)."""
        return self.analyze(gazetteer, n_threads, progress=False, reported=reported).who_said_what()

    def quote_clusters(self, gazetteer: Any = None, n_threads: int | None = None, reported: bool = True,
                       **kwargs: Any) -> pd.DataFrame:
        """The same utterance across documents (see :meth:`saidwho.Corpus.quote_clusters`; ``kwargs`` go to
        :func:`saidwho.align.cluster_quotes`)."""
        corpus = self.analyze(gazetteer, n_threads, progress=False, reported=reported)
        return corpus.quote_clusters(n_threads=n_threads, **kwargs)
