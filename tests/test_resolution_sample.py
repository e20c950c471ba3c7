"""bench/resolution_sample.tsv (hand-annotated speaker referents for PolNeAR train quotes, issue 11) is well formed:
offsets and names only, no PolNeAR text. With ../shared present, every row lies on a gold quote fragment whose
Source has the row's form, and bench/resolution_score.py runs; without it, those checks skip and the script says
so and exits 0."""

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "bench" / "resolution_sample.tsv"
SHARED = ROOT / ".." / "shared"
TRAIN = SHARED / "eval" / "polnear" / "train"
HAS_SHARED = (SHARED / "eval" / "polnear_score.py").exists() and TRAIN.is_dir()
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their"}


def load_script():
    spec = importlib.util.spec_from_file_location("resolution_score", ROOT / "bench" / "resolution_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


rs = load_script()


def test_sample_is_well_formed():
    lines = [line.rstrip("\n") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    data = [line for line in lines if line and not line.startswith("#")]
    assert data[0].split("\t") == rs.COLUMNS
    rows = rs.read_sample(SAMPLE)
    assert len(rows) == len(data) - 1 >= 150
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == len(rs.COLUMNS), line
        assert re.fullmatch(r"\d+", cells[1]) and re.fullmatch(r"\d+", cells[2]), line
    for r in rows:
        assert re.fullmatch(r"[a-z-]+_\d{4}-\d{2}-\d{2}_[\w-]+", r["article"]), r
        assert 0 <= r["quote_start"] < r["quote_end"], r
        assert r["form"] in ("pronoun", "description"), r
        assert r["entity"] in ("person", "org"), r
        # names only: nothing longer than a name, no quotation marks or sentence punctuation
        for name in [r["referent"], *r["aliases"]]:
            assert name.strip() == name and 0 < len(name) <= 50 and len(name.split()) <= 6, r
            assert not re.search(r"[\"“”«»;:!?]|, ", name), r
    assert len({(r["article"], r["quote_start"], r["quote_end"]) for r in rows}) == len(rows)
    assert max(Counter(r["article"] for r in rows).values()) <= 4
    forms = Counter(r["form"] for r in rows)
    assert forms["pronoun"] >= 50 and forms["description"] >= 50, forms
    assert Counter(r["entity"] for r in rows)["org"] >= 10


def test_name_matching_rule():
    person = {"referent": "Harry M. Reid", "aliases": [], "entity": "person"}
    assert rs.is_correct("Harry Reid", person) and rs.is_correct("harry m reid", person)
    assert rs.is_correct("Reid", person) and rs.is_correct("Mr. Reid", person)
    assert not rs.is_correct("Harry", person) and not rs.is_correct(None, person)
    assert not rs.is_correct("Harry Smith", person) and not rs.is_correct("Reid Hoffman", person)
    assert rs.is_correct(
        "Francois Hollande", {"referent": "François Hollande", "aliases": [], "entity": "person"}
    )
    org = {"referent": "Hillary Clinton campaign", "aliases": ["Clinton campaign"], "entity": "org"}
    assert rs.is_correct("the Clinton campaign", org) and rs.is_correct("Hillary Clinton Campaign", org)
    assert not rs.is_correct("Hillary Clinton", org) and not rs.is_correct("campaign", org)


def test_script_skips_without_shared(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(rs, "SHARED", tmp_path / "shared")
    monkeypatch.setattr(rs, "SCORER", tmp_path / "shared" / "eval" / "polnear_score.py")
    monkeypatch.setattr(rs, "POLNEAR", tmp_path / "shared" / "eval" / "polnear")
    assert rs.main([]) == 0
    assert capsys.readouterr().out.startswith("skipped:")


@pytest.mark.skipif(not HAS_SHARED, reason="../shared/eval is absent")
def test_rows_lie_on_gold_fragments_with_that_form_of_source():
    ps = rs.load_scorer()
    anns = rs.first_annotations(TRAIN)
    for r in rs.read_sample(SAMPLE):
        text = (TRAIN / "text" / f"{r['article']}.txt").read_text(encoding="utf-8")
        gold = ps.gold_of(text, anns[r["article"]])
        src = gold.get((r["quote_start"], r["quote_end"]))
        assert src, r  # a gold fragment with a Source
        source = " ".join(text[a:b] for a, b in src).strip()
        assert (source.lower() in PRONOUNS) == (r["form"] == "pronoun"), (r, source)
        # the annotation is of the referent, not a copy of the mention
        assert r["referent"] != source, r


@pytest.mark.skipif(not HAS_SHARED, reason="../shared/eval is absent")
def test_script_runs(capsys):
    assert rs.main(["--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["all"]["n"] == len(rs.read_sample(SAMPLE))
    assert res["all"]["n"] == res["pronoun"]["n"] + res["description"]["n"]
    assert 0 <= res["all"]["correct"] <= res["all"]["found"] <= res["all"]["n"]
