"""The embedded default gazetteer: countries, regions, cities, demonyms, organisations and leaders, out of the box.

``default_gazetteer()`` returns a ``saidwho.Gazetteer`` built from ``data/default_gazetteer.jsonl.gz``, shipped
inside the package: no download at run time. It is built on first use and then cached for the process
(thread-safe: concurrent first calls build it once).

>>> import saidwho as sw
>>> gaz = sw.default_gazetteer()
>>> [(m.text, m.label, m.id) for m in gaz.find("Ukrainian troops held Bakhmut, the Kremlin said.")]
[('Ukrainian', 'NORP', 'norp:ukrainian'), ('Bakhmut', 'GPE', 'city:713174'), ('Kremlin', 'ORG', 'kremlin')]

What it holds (counts, sources, licences and the date of the leaders list are in ``default_manifest()``):

- GPE: countries with their English variants ("Britain", "U.S.", "Burma", "Ivory Coast"; ids like
  ``"ukraine"``), first-level regions of ISO 3166-2 (``"region:UA-14"``, "Donetsk Oblast"; US states),
  and the cities and towns of >= 5,000 people of GeoNames (``"city:<geonameid>"``) with English alternate
  spellings (Kyiv/Kiev, Zaporizhzhia/Zaporozhye, Bakhmut/Artemivsk);
- NORP: demonyms and adjectives linked to their country (``"norp:ukrainian"``, attrs ``{"country": "UA"}``),
  plus groups such as "Western", "Arab", "Sunni";
- LOC: geopolitical regions, seas and continents (Donbas, Middle East, Gaza Strip, Europe);
- ORG: international organisations, government bodies and their stand-ins (United Nations, NATO, Kremlin,
  White House, FSB), armed and political groups, news agencies, media and platforms (Reuters, AFP, Telegram);
- PERSON: heads of state and government with name variants (Zelenskiy/Zelensky/Zelenskyy), dated.

An alias shared by several entries keeps them all as candidates, ranked country > region > city (then by
population): ``m.id`` is the top one, ``m.candidates`` the rest. Place names that are common English words or
people's names ("Nice", "Reading", "Vladimir") match only capitalised, not at the start of a sentence and not
next to another capitalised word; small places with such names ("Price", Utah; "Long", Thailand) are left out.

Extend or replace it — gazetteers are immutable, ``extend`` returns a new one:

>>> mine = sw.default_gazetteer().extend([
...     {"id": "acme", "name": "Acme Corp", "label": "ORG", "aliases": ["Acme"]},
... ])

or pass your own gazetteer wherever one is accepted (``sw.analyze(text, gazetteer=mine)``), starting from the
records if you want to filter them: ``sw.Gazetteer.from_records(r for r in default_records() if ...)``.
The data is regenerated from pinned sources by ``scripts/build_default_gazetteer.py`` in the repository.
The records (``data/default_gazetteer.jsonl.gz``) are the source of truth; ``data/default_gazetteer.swg.gz``,
when shipped, is the same gazetteer in the engine's binary format, built from those records (``--binary``), and
loads about three times faster. It is used only if the manifest ties it to the shipped records and this engine
reads its format version; otherwise the gazetteer is built from the records.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from . import Gazetteer

__all__ = ["default_gazetteer", "default_manifest", "default_records"]

_DATA_FILE = "default_gazetteer.jsonl.gz"
_BINARY_FILE = "default_gazetteer.swg.gz"  # optional: the same gazetteer in the engine's binary format
_MANIFEST_FILE = "MANIFEST.json"
_LOCK = threading.Lock()


def _data_path(name: str):
    return resources.files("saidwho").joinpath("data", name)


def default_records() -> list[dict[str, Any]]:
    """The records of the default gazetteer, as dicts in the ``Gazetteer.from_records`` format.

    A fresh list each call (callers may filter or change it). Each record has ``id``, ``name``, ``label``,
    ``aliases`` (strings, or dicts ``{"alias", "case", "context"}``), ``priority`` and ``attrs``.
    """
    with _data_path(_DATA_FILE).open("rb") as fh:
        raw = gzip.decompress(fh.read())
    # One JSON document for the whole file is much faster than one json.loads per line.
    return json.loads(b"[" + raw.rstrip(b"\n").replace(b"\n", b",") + b"]")


def default_manifest() -> dict[str, Any]:
    """Build date, source package versions, counts per layer, the date of the leaders list and the licence
    and attribution of each layer of the default gazetteer."""
    return json.loads(_data_path(_MANIFEST_FILE).read_text(encoding="utf-8"))


def _load_binary(manifest: dict[str, Any]) -> Gazetteer | None:
    """The prebuilt binary form, if it is shipped, was built from the shipped records and this engine reads
    its format version; else None (the records are used)."""
    from . import Gazetteer, GazetteerFormatError

    info = manifest.get("binary")
    path = _data_path(_BINARY_FILE)
    if not info or info.get("source_sha256") != manifest.get("sha256") or not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            return Gazetteer.from_bytes(gzip.decompress(fh.read()))
    except (GazetteerFormatError, OSError, EOFError):
        return None


@functools.cache
def _build() -> Gazetteer:
    from . import Gazetteer

    gaz = _load_binary(default_manifest())
    if gaz is None:
        gaz = Gazetteer.from_records(default_records(), case="smart", accents="keep")
    return gaz


def is_default(gaz: object) -> bool:
    """True when ``gaz`` is this process's default gazetteer (without building it)."""
    return _build.cache_info().currsize > 0 and gaz is _build()


def default_gazetteer() -> Gazetteer:
    """The embedded default gazetteer, built once per process on first use (thread-safe) and shared.

    See the module docstring for what it holds and how to extend or replace it
    (``sw.default_gazetteer().extend(records)``).
    """
    with _LOCK:
        return _build()
