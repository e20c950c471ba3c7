"""Seeds: a gazetteer built from the gold entities' own aliases finds exactly the gold entity mentions."""

import json
from pathlib import Path

import pytest
import saidwho as sw

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.name[: -len(".gold.json")] for p in DATA.glob("*.gold.json"))


def gold_gazetteer(gold):
    records = {}
    for e in gold["entities"]:
        r = records.setdefault(
            e["entity"], {"id": e["entity"], "name": e["text"], "label": e["type"], "aliases": []}
        )
        if e["text"] not in r["aliases"]:
            r["aliases"].append(e["text"])
    return sw.Gazetteer.from_records(list(records.values()))


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_gold_entities_found_exactly(seed):
    text = (DATA / f"{seed}.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / f"{seed}.gold.json").read_text(encoding="utf-8"))
    gaz = gold_gazetteer(gold)
    found = [(m.start, m.end, m.id) for m in gaz.find(text)]
    expected = sorted((e["start"], e["end"], e["entity"]) for e in gold["entities"])
    assert found == expected
    for m in gaz.find(text):
        assert text[m.start : m.end] == m.text
    # The batch path gives the same.
    df = gaz.find_batch([text, text], n_threads=2)
    assert len(df) == 2 * len(expected)


def test_seeds_present():
    assert len(SEEDS) >= 2
