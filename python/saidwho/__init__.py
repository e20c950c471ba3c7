"""saidwho — who said what, about whom, in news text.

A Rust core with a thin Python layer: exact, fast gazetteer entity matching, quotation detection with speaker
attribution, and pandas tables for notebooks.

>>> import saidwho as sw
>>> gaz = sw.Gazetteer.from_records([{"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]}])
>>> [(m.text, m.id) for m in gaz.find("From Kiev to Kyivstar and Kyiv.")]
[('Kiev', 'kyiv'), ('Kyiv', 'kyiv')]
"""
from ._optional import MissingDependency, require_extra
from ._saidwho import GazetteerFormatError, GazetteerInputError, SaidwhoError, __version__
from .default import default_gazetteer, default_manifest, default_records
from .document import Corpus, Document, analyze, analyze_many
from .gazetteer import Entry, Gazetteer, Match
from .quotes import CueLexicon, Person, Quote, Span, extract_quotes, extract_quotes_batch, find_people

__all__ = [
    "Corpus",
    "CueLexicon",
    "Document",
    "Entry",
    "Gazetteer",
    "GazetteerFormatError",
    "GazetteerInputError",
    "Match",
    "MissingDependency",
    "Person",
    "Quote",
    "SaidwhoError",
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
    "default_gazetteer",
    "default_manifest",
    "default_records",
    "extract_quotes",
    "extract_quotes_batch",
    "find_people",
    "require_extra",
]

from . import accessor as _accessor  # noqa: F401  (registers Series.saidwho)
