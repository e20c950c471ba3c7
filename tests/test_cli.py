"""The ``saidwho`` command line, run both as a subprocess (the installed console script) and through
``saidwho.cli.main(argv)``: inputs, formats, output files, errors and exit codes, gazetteer build/inspect."""

import csv
import io
import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pandas as pd
import pytest
import saidwho as sw
from saidwho.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, main

DATA = Path(__file__).parent / "data"
SEEDS = sorted(p.stem for p in DATA.glob("*.txt"))
TEXTS = {name: (DATA / f"{name}.txt").read_text(encoding="utf-8") for name in SEEDS}
NED = "“We are not going anywhere,” said State Department spokesman Ned Price in Washington."


def script():
    exe = Path(sys.executable).parent / "saidwho"
    if not exe.exists():
        pytest.skip("the saidwho console script is not installed next to this Python")
    return str(exe)


def run(*args, cwd=None):
    return subprocess.run([script(), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300,
                          check=False)


def run_main(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture()
def seeds(tmp_path):
    paths = []
    for name, text in TEXTS.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def expected(docs, table="who_said_what"):
    """The table the library gives for these (id, text) pairs."""
    return getattr(sw.analyze_many(docs, progress=False), table)()


def test_console_script_is_declared_and_runs():
    (ep,) = [e for e in entry_points(group="console_scripts") if e.name == "saidwho"]
    assert ep.value == "saidwho.cli:main"
    r = run("--help")
    assert r.returncode == 0 and "analyze" in r.stdout and "gazetteer" in r.stdout
    r = run("analyze", "--help")
    assert r.returncode == 0 and "--on-error" in r.stdout and "--format" in r.stdout


def test_txt_table_on_stdout(seeds):
    r = run("analyze", *seeds)
    assert r.returncode == EXIT_OK, r.stderr
    assert "Volodymyr Zelenskiy" in r.stdout and "Vladimir Putin" in r.stdout
    # one header (and its rule) for all files, one line per attributed quote, file names not paths
    exp = expected([(str(p), p.read_text(encoding="utf-8")) for p in seeds])
    lines = r.stdout.rstrip("\n").splitlines()
    assert lines[0].split() == ["doc", "speaker", "cue", "kind", "text"]
    assert r.stdout.count("speaker") == 1 and len(lines) == len(exp) + 2
    assert all(len(line) < 100 for line in lines)  # fits a 100-column terminal
    assert str(seeds[0].parent) not in r.stdout
    for p in seeds:
        assert sum(line.startswith(p.name + " ") for line in lines) == (exp["doc"] == str(p)).sum()
    # each line shows its quote's speaker, cue and kind (the text cut with … to fit)
    for line, row in zip(lines[2:], exp.itertuples()):
        assert str(row.speaker if pd.isna(row.speaker_name) else row.speaker_name)[:18] in line and str(row.kind) in line
        assert " ".join(row.text.split())[:20] in line


def test_version_and_help(capsys):
    r = run("--version")
    assert r.returncode == EXIT_OK and r.stdout.strip() == f"saidwho {sw.__version__}"
    for args in (["--help"], ["analyze", "--help"]):
        r = run(*args)
        assert r.returncode == EXIT_OK
        assert "exit codes:" in r.stdout and "0  success" in r.stdout and "2  usage error" in r.stdout
    r = run("analyze", "--help")
    assert "(default: table" in r.stdout and "(default: who_said_what)" in r.stdout
    assert "(default: skip)" in r.stdout and "(default: text)" in r.stdout


def test_csv_writes_lists_as_json(seeds, capsys):
    code, out, err = run_main(capsys, "analyze", *seeds, "--format", "csv")
    assert code == EXIT_OK, err
    got = pd.read_csv(io.StringIO(out), keep_default_na=False)
    exp = expected([(str(p), p.read_text(encoding="utf-8")) for p in seeds])
    assert [json.loads(x) for x in got["entity_ids"]] == [list(x) for x in exp["entity_ids"]]
    assert [json.loads(x) for x in got["entity_names"]] == [list(x) for x in exp["entity_names"]]
    assert "['" not in out  # no Python reprs
    code, out, err = run_main(capsys, "analyze", seeds[0], "--format", "csv", "--what", "people")
    got = pd.read_csv(io.StringIO(out))
    people = expected([(str(seeds[0]), TEXTS[SEEDS[0]])], "people")
    assert [json.loads(x) for x in got["mentions"]] == [list(m) for m in people["mentions"]]
    assert all(TEXTS[SEEDS[0]][m["start"]:m["end"]] for x in got["mentions"] for m in json.loads(x))


def test_empty_input_is_an_empty_document(tmp_path, capsys):
    """An empty file is what ``sw.analyze("")`` is: no results, no error."""
    assert sw.analyze("").quotes == [] and sw.analyze("").entities == []
    for name, content in [("empty.txt", ""), ("blank.txt", "\n  \n"), ("empty.jsonl", ""),
                          ("blank.jsonl", "\n\n"), ("empty.csv", ""), ("header.csv", "id,text\n")]:
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        for fmt in ("jsonl", "csv", "table"):
            code, out, err = run_main(capsys, "analyze", p, "--format", fmt, "--what", "quotes")
            assert code == EXIT_OK and "Traceback" not in err, (name, fmt, err)
            header = ("doc,start,end,text,kind,group,speaker,speaker_start,speaker_end,speaker_id,speaker_name,"
                      "cue,cue_start,cue_end")
            assert out.strip() in ("", header), (name, fmt, out)
    # with other files: their results, and the empty one adds nothing
    good = tmp_path / "ned.txt"
    good.write_text(NED, encoding="utf-8")
    code, out, _ = run_main(capsys, "analyze", tmp_path / "empty.txt", good, "--format", "jsonl")
    assert code == EXIT_OK and [json.loads(x)["doc"] for x in out.splitlines()] == [str(good)]


def test_parquet_without_pyarrow_names_the_install(seeds, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # what a missing pyarrow looks like to import
    code, _, err = run_main(capsys, "analyze", seeds[0], "--format", "parquet", "-o", tmp_path / "q.parquet")
    assert code == EXIT_ERROR and "Traceback" not in err
    assert "--format parquet needs pyarrow" in err and "pip install 'saidwho[arrow]'" in err
    assert not (tmp_path / "q.parquet").exists()


def test_txt_to_jsonl_matches_the_library(seeds, capsys):
    code, out, err = run_main(capsys, "analyze", *seeds, "--format", "jsonl")
    assert code == EXIT_OK, err
    rows = [json.loads(line) for line in out.splitlines()]
    exp = expected([(str(p), p.read_text(encoding="utf-8")) for p in seeds])
    assert [(r["doc"], r["start"], r["end"], r["text"], r["speaker_id"], r["kind"]) for r in rows] == [
        (d, s, e, t, None if pd.isna(i) else i, str(k))
        for d, s, e, t, i, k in exp[["doc", "start", "end", "text", "speaker_id", "kind"]].itertuples(
            index=False, name=None)
    ]
    assert any(r["entity_names"] for r in rows)


def test_jsonl_input_with_ids(tmp_path, capsys):
    src = tmp_path / "news.jsonl"
    docs = [{"id": "g", "text": TEXTS[SEEDS[0]], "outlet": "x"}, {"id": "n", "text": NED}]
    src.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n\n", encoding="utf-8")
    out = tmp_path / "q.csv"
    code, _, err = run_main(capsys, "analyze", src, "--what", "quotes", "--format", "csv", "--output", out)
    assert code == EXIT_OK, err
    got = pd.read_csv(out)
    exp = expected([(d["id"], d["text"]) for d in docs], "quotes")
    assert got["doc"].tolist() == exp["doc"].tolist()
    assert got["text"].tolist() == exp["text"].tolist()
    assert got["speaker"].fillna("").tolist() == exp["speaker"].fillna("").tolist()
    # other field names
    alt = tmp_path / "alt.jsonl"
    alt.write_text(json.dumps({"key": 7, "body": NED}) + "\n", encoding="utf-8")
    code, out_, err = run_main(capsys, "analyze", alt, "--text-field", "body", "--id-field", "key",
                               "--format", "jsonl")
    assert code == EXIT_OK, err
    assert [json.loads(x)["doc"] for x in out_.splitlines()] == ["7"]


def test_csv_input_to_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    src = tmp_path / "news.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "text"])
        w.writerow(["a", "guardian", TEXTS[SEEDS[0]]])
        w.writerow(["b", "none", "Nothing quoted, nothing said."])
        w.writerow(["c", "reuters", TEXTS[SEEDS[1]]])
    out = tmp_path / "out.parquet"
    r = run("analyze", src, "--what", "entities", "--format", "parquet", "-o", out)
    assert r.returncode == EXIT_OK, r.stderr
    got = pd.read_parquet(out)
    exp = expected([("a", TEXTS[SEEDS[0]]), ("b", "Nothing quoted, nothing said."), ("c", TEXTS[SEEDS[1]])],
                   "entities")
    assert got[["doc", "start", "end"]].values.tolist() == exp[["doc", "start", "end"]].values.tolist()
    assert got["id"].astype(str).tolist() == exp["id"].astype(str).tolist()


def test_parquet_across_files_with_and_without_results(tmp_path, seeds):
    """Files whose tables are empty, or whose quotes hold no entities, do not break the Parquet schema."""
    pytest.importorskip("pyarrow")
    ned = tmp_path / "ned.txt"
    ned.write_text(NED.replace("in Washington", ""), encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Nothing quoted here.", encoding="utf-8")
    out = tmp_path / "w.parquet"
    files = [ned, plain, *seeds]
    r = run("analyze", *files, "--format", "parquet", "--output", out)
    assert r.returncode == EXIT_OK, r.stderr
    got = pd.read_parquet(out)
    exp = expected([(str(p), p.read_text(encoding="utf-8")) for p in files])
    assert got["text"].tolist() == exp["text"].tolist()
    assert [list(x) for x in got["entity_ids"]] == exp["entity_ids"].tolist()
    # only files without results: still a readable (empty) file
    out2 = tmp_path / "none.parquet"
    assert run("analyze", plain, "--format", "parquet", "-o", out2).returncode == EXIT_OK
    assert pd.read_parquet(out2).empty


@pytest.mark.parametrize("what", ["quotes", "entities", "people", "who_said_what"])
def test_every_table_as_csv(seeds, capsys, what):
    code, out, err = run_main(capsys, "analyze", seeds[0], "--what", what, "--format", "csv")
    assert code == EXIT_OK, err
    got = pd.read_csv(io.StringIO(out))
    exp = expected([(str(seeds[0]), TEXTS[SEEDS[0]])], what)
    assert list(got.columns) == list(exp.columns)
    assert len(got) == len(exp) > 0


def test_parquet_needs_output(seeds, capsys):
    code, _, err = run_main(capsys, "analyze", seeds[0], "--format", "parquet")
    assert code == EXIT_ERROR and "--output" in err


@pytest.fixture()
def bad_inputs(tmp_path):
    (tmp_path / "bytes.txt").write_bytes(b"caf\xe9 \xff\xfe not UTF-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text(json.dumps({"id": "ok", "text": NED}) + "\n{not json\n",
                                           encoding="utf-8")
    (tmp_path / "nofield.jsonl").write_text(json.dumps({"id": "x", "body": NED}) + "\n", encoding="utf-8")
    (tmp_path / "nocol.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(NED, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "no such file"),
    ("bytes.txt", "not UTF-8"),
    ("broken.jsonl", "broken.jsonl:2: not valid JSON"),
    ("nofield.jsonl", "nofield.jsonl:1: no string field 'text'"),
    ("nocol.csv", "no column 'text' (columns: id, body); choose the text column with --text-column"),
])
def test_bad_input_skip_keeps_the_rest(bad_inputs, capsys, name, message):
    good = bad_inputs / "good.txt"
    out = bad_inputs / "out.jsonl"
    code, _, err = run_main(capsys, "analyze", good, bad_inputs / name, good, "--format", "jsonl", "-o", out)
    assert code == EXIT_SKIPPED
    assert message in err and "Traceback" not in err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in rows] == [str(good), str(good)]


def test_bad_input_stop_keeps_what_was_written(bad_inputs):
    good = bad_inputs / "good.txt"
    out = bad_inputs / "out.csv"
    r = run("analyze", good, bad_inputs / "bytes.txt", bad_inputs / "empty.txt", good, "--on-error", "stop",
            "--format", "csv", "--output", out)
    assert r.returncode == EXIT_ERROR
    assert "bytes.txt: not UTF-8" in r.stderr and "good.txt" not in r.stderr and "Traceback" not in r.stderr
    got = pd.read_csv(out)
    assert got["doc"].tolist() == [str(good)]  # the first file's results, nothing after the failure
    assert got["speaker_name"].tolist() == ["Ned Price"]


def test_undecodable_document_inside_jsonl(tmp_path, capsys):
    """A lone surrogate (legal in JSON escapes, not in UTF-8) skips that document, not the file."""
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "bad", "text": "a \\ud800 b"}\n' + json.dumps({"id": "good", "text": NED}) + "\n",
                   encoding="utf-8")
    code, out, err = run_main(capsys, "analyze", src, "--format", "jsonl")
    assert code == EXIT_SKIPPED and "bad" in err and "Unicode" in err
    assert [json.loads(x)["doc"] for x in out.splitlines()] == ["good"]
    code, _, err = run_main(capsys, "analyze", src, src, "--format", "jsonl", "--on-error", "stop")
    assert code == EXIT_ERROR and err.count("skipped") == 1


def test_all_good_exit_zero_and_empty_results(bad_inputs, capsys):
    plain = bad_inputs / "plain.txt"
    plain.write_text("No quotations in this one.", encoding="utf-8")
    code, out, _ = run_main(capsys, "analyze", plain, "--format", "jsonl")
    assert (code, out) == (EXIT_OK, "")


def gazetteer_sources(tmp_path):
    tsv = tmp_path / "places.tsv"
    tsv.write_text("bakhmut\tGPE\tBakhmut\nbakhmut\tGPE\tArtemivsk\nkyiv\tGPE\tKyiv\nkyiv\tGPE\tKiev\n",
                   encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("id,name,label,aliases\nzelenskiy,Volodymyr Zelenskiy,PERSON,Zelenskiy|Volodymyr Zelenskiy\n",
                      encoding="utf-8")
    return tsv, people


def test_gazetteer_build_inspect_and_use(tmp_path, seeds, capsys):
    tsv, people = gazetteer_sources(tmp_path)
    swg = tmp_path / "my.swg"
    r = run("gazetteer", "build", tsv, people, "-o", swg)
    assert r.returncode == EXIT_OK, r.stderr
    assert "3 entries, 6 aliases" in r.stderr
    gaz = sw.Gazetteer.load(swg)
    assert sorted(e.id for e in gaz) == ["bakhmut", "kyiv", "zelenskiy"]
    code, out, _ = run_main(capsys, "gazetteer", "inspect", swg)
    assert code == EXIT_OK
    assert "entries: 3" in out and "aliases: 6" in out and "GPE" in out and "Artemivsk" in out
    # analyse with it: only its entities
    code, out, err = run_main(capsys, "analyze", seeds[0], "--gazetteer", swg, "--what", "entities",
                              "--format", "csv")
    assert code == EXIT_OK, err
    got = pd.read_csv(io.StringIO(out))
    assert set(got["id"]) == {"bakhmut", "kyiv", "zelenskiy"}
    exp = sw.analyze_many([(str(seeds[0]), TEXTS[SEEDS[0]])], gazetteer=gaz, progress=False).entities()
    assert got["start"].tolist() == exp["start"].tolist()


def test_gazetteer_build_options_and_errors(tmp_path, capsys):
    tsv, _ = gazetteer_sources(tmp_path)
    out = tmp_path / "folded.swg"
    code, _, err = run_main(capsys, "gazetteer", "build", tsv, "-o", out, "--case", "insensitive",
                            "--accents", "fold")
    assert code == EXIT_OK, err
    gaz = sw.Gazetteer.load(out)
    assert [m.id for m in gaz.find("kiev and BAKHMUT")] == ["kyiv", "bakhmut"]
    code, _, err = run_main(capsys, "gazetteer", "build", tmp_path / "nothere.tsv", "-o", out)
    assert code == EXIT_ERROR and "no such file" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,label,aliases\n,No Id,GPE,x\n", encoding="utf-8")
    code, _, err = run_main(capsys, "gazetteer", "build", bad, "-o", out)
    assert code == EXIT_ERROR and "bad.csv" in err and "Traceback" not in err


def test_inspect_default(capsys):
    code, out, _ = run_main(capsys, "gazetteer", "inspect", "default", "--head", "3")
    assert code == EXIT_OK
    gaz = sw.default_gazetteer()
    assert f"entries: {len(gaz):,}" in out and "PERSON" in out and "GPE" in out


def test_bad_gazetteer_file(tmp_path, seeds, capsys):
    junk = tmp_path / "junk.swg"
    junk.write_bytes(b"not a gazetteer at all")
    for path in (junk, tmp_path / "absent.swg"):
        code, _, err = run_main(capsys, "analyze", seeds[0], "--gazetteer", path)
        assert code == EXIT_ERROR and str(path.name) in err
    code, _, err = run_main(capsys, "gazetteer", "inspect", junk)
    assert code == EXIT_ERROR and "junk.swg" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["analyze"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["analyze", "x.txt", "--format", "xml"])
    assert e.value.code == 2
    capsys.readouterr()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_for_many_files_on_a_terminal(seeds, tmp_path):
    """With stderr on a terminal, several files show a progress bar; -q or a pipe (above) shows none."""
    import fcntl
    import os
    import struct
    import termios

    def stderr_on_tty(*extra):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
        try:
            r = subprocess.run([script(), "analyze", *map(str, seeds), "--format", "jsonl", "-o",
                                str(tmp_path / "o.jsonl"), *extra], stderr=slave, stdout=subprocess.DEVNULL,
                               timeout=300, check=False)
            os.close(slave)
            chunks = []
            while True:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the other end is closed and drained
                    break
                if not data:
                    break
                chunks.append(data)
        finally:
            os.close(master)
        return r.returncode, b"".join(chunks).decode("utf-8", "replace")

    code, err = stderr_on_tty()
    assert code == EXIT_OK and f"{len(seeds)}/{len(seeds)}" in err and "file" in err
    code, err = stderr_on_tty("--quiet")
    assert code == EXIT_OK and f"{len(seeds)}/{len(seeds)}" not in err
