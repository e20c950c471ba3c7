"""The Python API of saidwho.Gazetteer: constructors, errors, container protocol, matching, batches, pickling."""

import pickle

import numpy as np
import pandas as pd
import pytest
import saidwho as sw

RECORDS = [
    {"id": "kyiv", "name": "Kyiv", "label": "GPE", "aliases": ["Kiev"], "country": "UA"},
    {"id": "russia", "name": "Russia", "label": "GPE", "aliases": [], "priority": 1},
    {"id": "russian", "name": "Russian", "label": "NORP", "aliases": []},
    {"id": "fsb", "name": "Federal Security Service", "label": "ORG", "aliases": ["FSB"]},
    {"id": "us", "name": "United States", "label": "GPE", "aliases": ["US", "U.S."], "attrs": {"iso": "US"}},
    {"id": "reading", "name": "Reading", "label": "GPE", "aliases": [{"alias": "Reading", "context": True}]},
    {"id": "georgia", "name": "Georgia", "label": "GPE", "aliases": []},
    {"id": "georgia_us", "name": "Georgia", "label": "GPE", "aliases": [], "priority": 2.5},
]

TEXT = (
    "Russia’s FSB said Russian-held areas near Kyiv (not Kyivstar) were calm, the U.S. said. "
    "reading us in Reading, Georgia\nKiev"
)


@pytest.fixture(scope="module")
def gaz():
    return sw.Gazetteer.from_records(RECORDS)


def spans(ms):
    return [(m.start, m.end, m.id) for m in ms]


def test_find_semantics_and_offsets(gaz):
    ms = gaz.find(TEXT)
    assert [m.text for m in ms] == ["Russia", "FSB", "Russian", "Kyiv", "U.S.", "Reading", "Georgia", "Kiev"]
    for m in ms:
        assert TEXT[m.start : m.end] == m.text
    g = ms[6]
    assert g.id == "georgia_us" and g.candidates == ["georgia_us", "georgia"]
    assert ms[0].label == "GPE" and ms[0].name == "Russia" and ms[0].alias == "Russia"
    assert ms[-1].alias == "Kiev" and ms[-1].name == "Kyiv"
    assert ms[0].entry == gaz["russia"]
    r = repr(ms[1])
    assert r.startswith("Match(start=9, end=12, text='FSB'") and "fsb" in r
    assert ms[0] == gaz.find(TEXT)[0] and ms[0] != ms[1] and hash(ms[0]) == hash(gaz.find(TEXT)[0])


def test_offsets_are_code_points_with_astral_and_folding_chars():
    gaz = sw.Gazetteer.from_records([{"id": "s", "name": "Strasse"}, {"id": "f", "name": "final"}])
    for text in ["😀 STRAẞE ﬁnal", "İİİ Straße, ﬁnal 𝐀", "\u0100 strasse", "x final", "ß" * 5 + " final"]:
        ms = gaz.find(text)
        assert ms, text
        for m in ms:
            assert text[m.start : m.end] == m.text
    assert [m.text for m in gaz.find("İİİ Straße, ﬁnal 𝐀")] == ["Straße", "ﬁnal"]


def test_overlapping(gaz):
    g = sw.Gazetteer.from_records(
        [
            {"id": "ny", "name": "New York"},
            {"id": "nyc", "name": "New York City"},
            {"id": "york", "name": "York"},
        ]
    )
    t = "New  York City"
    assert spans(g.find(t)) == [(0, 14, "nyc")]
    assert spans(g.find(t, overlapping=True)) == [(0, 9, "ny"), (0, 14, "nyc"), (5, 9, "york")]
    assert g.find_spans(t, overlapping=True) == [(0, 9, 0), (0, 14, 1), (5, 9, 2)]


def test_case_modes():
    recs = [{"id": "us", "name": "US"}, {"id": "kyiv", "name": "Kyiv"}]
    t = "us US kyiv KYIV Kyiv"
    assert [m.text for m in sw.Gazetteer.from_records(recs).find(t)] == ["US", "kyiv", "KYIV", "Kyiv"]
    ins = sw.Gazetteer.from_records(recs, case="insensitive")
    assert [m.text for m in ins.find(t)] == ["us", "US", "kyiv", "KYIV", "Kyiv"]
    sen = sw.Gazetteer.from_records(recs, case="sensitive")
    assert [m.text for m in sen.find(t)] == ["US", "Kyiv"]
    assert sen.case == "sensitive" and ins.accents == "keep"
    fold = sw.Gazetteer.from_records([{"id": "z", "name": "Zürich"}], accents="fold")
    assert [m.text for m in fold.find("Zurich ZÜRICH Zu\u0308rich")] == ["Zurich", "ZÜRICH", "Zu\u0308rich"]


@pytest.mark.parametrize("kwargs", [{"case": "Smart"}, {"case": "ci"}, {"accents": "strip"}, {"accents": ""}])
def test_wrong_option_values(kwargs):
    with pytest.raises(ValueError):
        sw.Gazetteer.from_records(RECORDS, **kwargs)


def test_bad_records():
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records("kyiv")
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records([["kyiv", "Kyiv"]])
    with pytest.raises(TypeError, match="aliases"):
        sw.Gazetteer.from_records([{"id": "k", "name": "Kyiv", "aliases": "Kiev"}])
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records([{"id": "k", "name": b"Kyiv"}])
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records([{"id": "k", "name": "K", "priority": "high"}])
    with pytest.raises(ValueError, match="no 'id'"):
        sw.Gazetteer.from_records([{"name": "Kyiv"}])
    with pytest.raises(sw.GazetteerInputError, match="blank alias"):
        sw.Gazetteer.from_records([{"id": "k", "name": "Kyiv", "aliases": ["  "]}])
    with pytest.raises(sw.GazetteerInputError, match="no name and no alias"):
        sw.Gazetteer.from_records([{"id": "k", "aliases": []}])
    with pytest.raises(ValueError, match="unknown alias option"):
        sw.Gazetteer.from_records([{"id": "k", "aliases": [{"alias": "K", "weight": 2}]}])
    with pytest.raises(ValueError):
        sw.Gazetteer.from_records([{"id": "k", "aliases": [{"alias": "K", "case": "upper"}]}])
    with pytest.raises(TypeError):
        sw.Gazetteer.from_records([{"id": "k", "name": "K", "attrs": {"x": object()}}])
    assert issubclass(sw.GazetteerInputError, sw.SaidwhoError)


def test_bad_texts(gaz):
    with pytest.raises(TypeError, match="bytes"):
        gaz.find(b"Kyiv")
    with pytest.raises(TypeError):
        gaz.find(None)
    with pytest.raises(ValueError, match="surrogate at offset 5"):
        gaz.find("Kyiv \ud800 Kyiv")
    with pytest.raises(ValueError, match="surrogate"):
        gaz.find_spans("𝐀 Kyiv \udfff")
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        gaz.find_batch(["Kyiv", "x \udc80"])
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        gaz.find_batch([b"Kyiv"])
    with pytest.raises(TypeError):
        gaz.find_batch("Kyiv")
    with pytest.raises(ValueError):
        gaz.find_batch(["Kyiv"], n_threads=0)
    with pytest.raises(ValueError):
        gaz.find_batch(["Kyiv"], n_threads=100_000)
    with pytest.raises(TypeError):
        gaz.find_batch(["Kyiv"], n_threads=1.5)
    with pytest.raises(TypeError):
        gaz.find(["Kyiv"])
    assert gaz.find("") == [] and gaz.find_spans("") == []
    big = "Kyiv " * 200_000
    assert len(gaz.find_spans(big)) == 200_000


def test_container_protocol(gaz):
    assert len(gaz) == len(RECORDS)
    assert "kyiv" in gaz and "nowhere" not in gaz and 3 not in gaz
    e = gaz["kyiv"]
    assert (e.id, e.name, e.label, e.aliases, e.priority) == ("kyiv", "Kyiv", "GPE", ["Kyiv", "Kiev"], 0.0)
    assert e.attrs == {"country": "UA"} and gaz["us"].attrs == {"iso": "US"}
    assert gaz["reading"].alias_specs == [{"alias": "Reading", "context": True}]
    assert [x.id for x in gaz] == [r["id"] for r in RECORDS]
    with pytest.raises(KeyError):
        gaz["nowhere"]
    with pytest.raises(TypeError):
        gaz[0]
    assert gaz.n_aliases == 12
    assert repr(gaz) == "Gazetteer(8 entries, 12 aliases, case='smart', accents='keep')"
    with pytest.raises(AttributeError):
        gaz.case = "sensitive"


def test_extend_and_merge(gaz):
    g2 = gaz.extend([{"id": "kyiv", "aliases": ["Kyjiw"]}, {"id": "lviv", "name": "Lviv", "label": "GPE"}])
    assert len(g2) == len(gaz) + 1 and len(gaz) == len(RECORDS)
    assert g2["kyiv"].aliases == ["Kyiv", "Kiev", "Kyjiw"]
    assert [m.id for m in g2.find("Kyjiw to Lviv")] == ["kyiv", "lviv"]
    other = sw.Gazetteer.from_records([{"id": "lviv", "name": "Lemberg"}])
    g3 = g2.merge(other)
    assert g3["lviv"].aliases == ["Lviv", "Lemberg"]
    with pytest.raises(TypeError):
        g2.merge(RECORDS)


def test_pickle_and_bytes(gaz, tmp_path):
    g = pickle.loads(pickle.dumps(gaz))
    assert spans(g.find(TEXT)) == spans(gaz.find(TEXT))
    assert list(g) == list(gaz)
    assert len(pickle.dumps(gaz)) < len(gaz.to_bytes()) + 200
    p = tmp_path / "g.swg"
    gaz.save(p)
    assert spans(sw.Gazetteer.load(p).find(TEXT)) == spans(gaz.find(TEXT))
    data = p.read_bytes()
    for bad, msg in [
        (data[:-5], "truncated"),
        (b"not a gazetteer at all, sorry", "not a saidwho"),
        (data[:40] + bytes([data[40] ^ 1]) + data[41:], "checksum"),
        (data[:12] + (7).to_bytes(4, "little") + data[16:], "newer"),
    ]:
        p.write_bytes(bad)
        with pytest.raises(sw.GazetteerFormatError, match=msg):
            sw.Gazetteer.load(p)
    with pytest.raises(TypeError):
        sw.Gazetteer.from_bytes("text")
    with pytest.raises(TypeError):
        sw.Gazetteer(None)


def test_from_csv_tsv_and_dataframe(tmp_path):
    csv = tmp_path / "g.csv"
    csv.write_text(
        'id,name,label,aliases,priority,wikidata\nkyiv,Kyiv,GPE,"Kiev|Kyjiw",1,Q1899\nlviv,Lviv,GPE,,,\n',
        encoding="utf-8",
    )
    g = sw.Gazetteer.from_csv(csv)
    assert g["kyiv"].aliases == ["Kyiv", "Kiev", "Kyjiw"] and g["kyiv"].attrs == {"wikidata": "Q1899"}
    assert g["kyiv"].priority == 1.0
    tsv = tmp_path / "g.tsv"
    tsv.write_text("1\tGPE\tParis\n1\tGPE\tParigi\n2\tGPE\tLyon\n", encoding="utf-8")
    g = sw.Gazetteer.from_tsv(tsv)
    assert [(m.text, m.id, m.name) for m in g.find("Parigi, Lyon")] == [
        ("Parigi", "1", "Paris"),
        ("Lyon", "2", "Lyon"),
    ]
    semi = tmp_path / "s.tsv"
    semi.write_text("id\tname\taliases\nny\tNew York\tNYC;Big Apple\n", encoding="utf-8")
    assert sw.Gazetteer.from_tsv(semi, alias_sep=";")["ny"].aliases == ["New York", "NYC", "Big Apple"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\tGPE\tParis\n2\tGPE\n", encoding="utf-8")
    with pytest.raises(sw.GazetteerInputError, match=r"bad\.tsv, line 2"):
        sw.Gazetteer.from_tsv(bad)
    with pytest.raises(FileNotFoundError):
        sw.Gazetteer.from_tsv(tmp_path / "missing.tsv")
    import lzma

    xz = tmp_path / "g.tsv.xz"
    xz.write_bytes(lzma.compress(tsv.read_bytes()))
    assert len(sw.Gazetteer.from_tsv(xz)) == 2

    df = pd.DataFrame(
        {
            "id": ["kyiv", "lviv", "odesa"],
            "name": ["Kyiv", "Lviv", None],
            "label": ["GPE"] * 3,
            "aliases": ["Kiev|Kyjiw", ["Lwów", "Lemberg"], "Odessa"],
            "population": [2.9e6, np.nan, 1_000_000],
        }
    )
    g = sw.Gazetteer.from_dataframe(df)
    assert g["lviv"].aliases == ["Lviv", "Lwów", "Lemberg"] and g["lviv"].attrs == {}
    assert g["odesa"].name == "Odessa" and g["odesa"].attrs == {"population": 1_000_000.0}
    with pytest.raises(TypeError):
        sw.Gazetteer.from_dataframe(RECORDS)
    with pytest.raises(ValueError, match="'id'"):
        sw.Gazetteer.from_dataframe(pd.DataFrame({"name": ["x"]}))


TEXTS = [TEXT, "", "Kiev — Kyiv’s", "ΚΙΕΒ 😀 Kyiv", "Strasse Kyiv" * 3, "x" * 1000 + " Kyiv"] * 7


@pytest.mark.parametrize("n_threads", [None, 1, 2])
@pytest.mark.parametrize("overlapping", [False, True])
def test_find_batch_equals_per_text_find(gaz, n_threads, overlapping):
    df = gaz.find_batch(TEXTS, n_threads=n_threads, overlapping=overlapping)
    assert list(df.columns) == ["doc", "start", "end", "text", "id", "label"]
    assert df["doc"].dtype == np.int64 and isinstance(df["id"].dtype, pd.CategoricalDtype)
    expected = [
        (d, m.start, m.end, m.text, m.id, m.label)
        for d, t in enumerate(TEXTS)
        for m in gaz.find(t, overlapping=overlapping)
    ]
    assert [tuple(r) for r in df.astype({"id": object, "label": object}).itertuples(index=False)] == expected
    table = gaz.find_batch_arrow(iter(TEXTS), n_threads=n_threads, overlapping=overlapping)
    assert table.column_names == ["doc", "start", "end", "text", "id", "label"]
    assert [tuple(r.values()) for r in table.to_pylist()] == expected


def test_find_batch_accepts_series_and_empty(gaz):
    s = pd.Series(["Kyiv", "Russia"])
    assert gaz.find_batch(s)["id"].tolist() == ["kyiv", "russia"]
    empty = gaz.find_batch([])
    assert len(empty) == 0 and list(empty.columns) == ["doc", "start", "end", "text", "id", "label"]


def test_exact_not_lossy():
    # Leftmost-longest-then-filter picks "Guinea-Bissau" (it ends inside "Guinea-Bissauan"), drops it as
    # mid-word and loses the whole-word "Guinea"; saidwho checks validity before choosing.
    gaz = sw.Gazetteer.from_records(
        [
            {"id": "gn", "name": "Guinea", "label": "GPE"},
            {"id": "gw", "name": "Guinea-Bissau", "label": "GPE"},
        ]
    )
    text = "Guinea-Bissauan officials met Guinea-Bissau and Guinea."
    assert [(m.text, m.id, m.start) for m in gaz.find(text)] == [
        ("Guinea", "gn", 0),
        ("Guinea-Bissau", "gw", 30),
        ("Guinea", "gn", 48),
    ]
    assert [(s, e) for s, e, _ in gaz.find_spans(text, overlapping=True)] == [
        (0, 6),
        (30, 36),
        (30, 43),
        (48, 54),
    ]
