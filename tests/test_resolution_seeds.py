"""Resolved speakers on the two seed articles (tests/data/*.gold.json, hand-annotated): for every gold quotation
not marked ambiguous, saidwho's quote at that span, with the default gazetteer, resolves to the entity the gold
names in ``speaker_entity``: the same ``speaker_id`` (None when the gold names no entity, as for "Officials in
the Kyiv region"), and for a person the person's name as the gold writes it (accents aside: the default
gazetteer spells "António Guterres"). The loaders and helpers are test_quotes_seeds.py's."""

import importlib.util
from pathlib import Path

import pytest
import saidwho as sw


def _seed_helpers():
    path = Path(__file__).with_name("test_quotes_seeds.py")
    spec = importlib.util.spec_from_file_location("_quotes_seeds_helpers", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


seeds = _seed_helpers()


def resolution_errors(name, extract=sw.extract_quotes):
    """(gold quote text, gold entity, what saidwho resolved) for every non-ambiguous gold quote it gets wrong."""
    text, gold = seeds.load(name)
    names = seeds.canonical_names(gold)
    types = {e["entity"]: e["type"] for e in gold["entities"]}
    at = {(q.start, q.end): q for q in extract(text)}
    scored = [g for g in gold["quotes"] if not g.get("ambiguous")]
    assert scored
    errors = []
    for g in scored:
        ent = g["speaker_entity"]
        q = at.get((g["start"], g["end"]))
        if q is None:
            errors.append((g["text"], ent, "no quote at this span"))
            continue
        ok = q.speaker_id == ent and (ent is None) == (q.speaker_name is None)
        if ok and types.get(ent) == "PERSON":
            ok = seeds._unaccented(q.speaker_name) == seeds._unaccented(names[ent])
        if not ok:
            errors.append(
                (g["text"], ent, (q.speaker.text if q.speaker else None, q.speaker_id, q.speaker_name))
            )
    return errors


@pytest.mark.parametrize("name", seeds.SEEDS)
def test_seed_speakers_resolve_to_the_gold_entity(name):
    assert resolution_errors(name) == []


@pytest.mark.parametrize("name", seeds.SEEDS)
def test_seed_speakers_counted(name):
    # Both kinds of resolution are exercised: a pronoun ("he") and a non-person entity (the Kremlin, Ukraine).
    _, gold = seeds.load(name)
    scored = [g for g in gold["quotes"] if not g.get("ambiguous")]
    assert any(g["speaker"] in ("he", "He") for g in scored)
    assert any(g["speaker_entity"] in ("kremlin", "ukraine", "russia") for g in scored)
