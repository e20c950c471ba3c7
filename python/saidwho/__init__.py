"""saidwho — who said what, about whom, in news text.

A Rust core with a thin Python layer: exact, fast gazetteer entity matching, quotation detection with speaker
attribution, and pandas tables for notebooks.

>>> import saidwho as sw
>>> gaz = sw.Gazetteer.from_records([{"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]}])
>>> [(m.text, m.id) for m in gaz.find("From Kiev to Kyivstar and Kyiv.")]
[('Kiev', 'kyiv'), ('Kyiv', 'kyiv')]
"""
from ._saidwho import GazetteerFormatError, GazetteerInputError, SaidwhoError, __version__
from .default import default_gazetteer
from .gazetteer import Entry, Gazetteer, Match
from .quotes import CueLexicon, Person, Quote, Span, extract_quotes, extract_quotes_batch, find_people

__all__ = [
    "CueLexicon",
    "Entry",
    "Gazetteer",
    "GazetteerFormatError",
    "GazetteerInputError",
    "Match",
    "Person",
    "Quote",
    "SaidwhoError",
    "Span",
    "__version__",
    "default_gazetteer",
    "extract_quotes",
    "extract_quotes_batch",
    "find_people",
]

from .default import default_gazetteer, default_manifest, default_records

__all__ += ["default_gazetteer", "default_manifest", "default_records"]
