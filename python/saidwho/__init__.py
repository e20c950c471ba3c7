"""saidwho — who said what, about whom, in news text.

A Rust core with a thin Python layer: exact, fast gazetteer entity matching, quotation detection with speaker
attribution, and pandas tables for notebooks.

>>> import saidwho as sw
>>> gaz = sw.Gazetteer.from_records([{"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"]}])
>>> [(m.text, m.id) for m in gaz.find("From Kiev to Kyivstar and Kyiv.")]
[('Kiev', 'kyiv'), ('Kyiv', 'kyiv')]
"""
from ._saidwho import GazetteerFormatError, GazetteerInputError, SaidwhoError, __version__

__all__ = [
    "__version__",
    "SaidwhoError",
    "GazetteerFormatError",
    "GazetteerInputError",
]

from .default import default_gazetteer, default_manifest, default_records

__all__ += ["default_gazetteer", "default_manifest", "default_records"]
