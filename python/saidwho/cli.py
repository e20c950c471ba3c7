"""The ``saidwho`` command line: analyse files, build and inspect gazetteers.

Examples::

    saidwho analyze article1.txt article2.txt                # a table of who said what on stdout
    saidwho analyze news.jsonl --format parquet -o quotes.parquet
    saidwho analyze news.csv --what entities --format csv -o entities.csv
    saidwho gazetteer build places.tsv people.csv -o my.swg
    saidwho gazetteer inspect my.swg

Inputs: ``.txt`` (one document per file), ``.jsonl`` (one document per line; ``--text-field``, ``--id-field``)
and ``.csv`` (one document per row; ``--text-column``, ``--id-column``). An empty file is no error: an empty
``.txt`` is a document without results (as ``saidwho.analyze("")``), an empty ``.jsonl``/``.csv`` holds no
documents. Formats: ``table`` (for reading: one header, the file name, texts cut to the terminal's width),
``jsonl``, ``csv`` (list columns as JSON arrays) and ``parquet`` (needs pyarrow: ``pip install 'saidwho[arrow]'``).
Results are written file by file, so what was processed before an error is kept.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

from ._optional import MissingDependency, require
from ._saidwho import SaidwhoError, __version__

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2
_TABLES = ("quotes", "entities", "people", "who_said_what", "quote_clusters")
_EXIT_CODES = """exit codes:
  0  success
  1  some inputs or documents were skipped (--on-error skip; each is named on stderr)
  2  usage error, a missing optional dependency, or a failed input with --on-error stop"""


class InputError(Exception):
    """An input file cannot be read as documents (missing, undecodable, malformed, empty)."""


def _read_documents(path: str, args: argparse.Namespace) -> list[tuple[str, str]]:
    """Read one input file into (doc_id, text) pairs; raise InputError with a clear message."""
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory")
    ext = os.path.splitext(path)[1].lower()
    try:
        with open(path, encoding="utf-8", newline="" if ext == ".csv" else None) as f:
            if ext == ".jsonl":
                docs = []
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
                    if not isinstance(obj, dict) or not isinstance(obj.get(args.text_field), str):
                        raise InputError(f"{path}:{n}: no string field {args.text_field!r} (choose the field with --text-field)")
                    doc_id = obj.get(args.id_field, f"{path}:{n}")
                    docs.append((str(doc_id), obj[args.text_field]))
            elif ext == ".csv":
                reader = csv.DictReader(f)
                docs = []
                if reader.fieldnames is None:  # an empty file: no documents
                    return docs
                if args.text_column not in reader.fieldnames:
                    raise InputError(f"{path}: no column {args.text_column!r} (columns: "
                                     f"{', '.join(reader.fieldnames)}); choose the text column with --text-column")
                for n, row in enumerate(reader, 2):
                    doc_id = row.get(args.id_column) or f"{path}:{n}"
                    docs.append((str(doc_id), row[args.text_column] or ""))
            else:
                docs = [(path, f.read())]
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start}: {e.reason})") from None
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    return docs


def _is_list_column(col: Any) -> bool:
    import pandas as pd

    dtype = col.dtype
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        t = dtype.pyarrow_dtype
        return pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t)
    if dtype == object:
        first = next((v for v in col if v is not None), None)
        return isinstance(first, (list, tuple, dict)) or hasattr(first, "tolist")
    return False


def _plain_value(v: Any) -> Any:
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_plain_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain_value(x) for k, x in v.items()}
    return v


def _lists_as(df: Any, how: str) -> Any:
    """``df`` with its list columns (entity_ids, mentions…) as JSON text (``how="json"``, for CSV) or as plain
    Python lists (``how="python"``, for JSON Lines)."""
    cols = [c for c in df.columns if _is_list_column(df[c])]
    if not cols:
        return df
    df = df.copy()
    for c in cols:
        values = [_plain_value(v) for v in df[c].tolist()]
        if how == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        df[c] = _objects(values)
    return df


def _objects(values: list[Any]) -> Any:
    import numpy as np

    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


# The table format: (column, header, width); width None is the column that takes the rest of the line.
_VIEWS: dict[str, list[tuple[str, str, int | None]]] = {
    "who_said_what": [("doc", "doc", 16), ("speaker_name", "speaker", 20), ("cue", "cue", 12),
                      ("kind", "kind", 8), ("text", "text", None)],
    "quotes": [("doc", "doc", 16), ("start", "start", 6), ("kind", "kind", 8), ("speaker", "speaker", 18),
               ("text", "text", None)],
    "entities": [("doc", "doc", 16), ("start", "start", 6), ("label", "label", 6), ("text", "text", 24),
                 ("id", "id", None)],
    "people": [("doc", "doc", 16), ("name", "name", 30), ("gender", "gender", 7), ("n_mentions", "mentions", 8),
               ("id", "id", None)],
    "quote_clusters": [("cluster", "cluster", 7), ("doc", "doc", 16), ("speaker_name", "speaker", 20),
                       ("relation", "relation", 14), ("text", "text", None)],
}


def _cell(v: Any, width: int) -> str:
    import pandas as pd

    if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)):
        text = ""
    else:
        text = " ".join(str(v).split())  # line breaks and runs of spaces as one space
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


class _Writer:
    """Writes result tables incrementally (file by file) in the chosen format."""

    def __init__(self, fmt: str, output: str | None, what: str, doc_width: int = 16) -> None:
        self.fmt, self.output, self.what = fmt, output, what
        self._stream: Any = None
        self._header_done = False
        self._parquet: Any = None
        self._empty: Any = None
        self.rows = 0
        if fmt == "parquet":
            if not output:
                raise ValueError("--format parquet needs --output PATH")
            require("pyarrow.parquet", "--format parquet")
        if fmt == "table":
            self._view = [(c, h, doc_width if c == "doc" else w) for c, h, w in _VIEWS[what]]
            # a terminal's own width; 100 columns in a file or a pipe
            tty = not output and sys.stdout.isatty()
            width = max(shutil.get_terminal_size((100, 24)).columns, 60) if tty else 100
            fixed = sum(w for _, _, w in self._view if w is not None) + 2 * (len(self._view) - 1)
            self._flex = max(width - 1 - fixed, 16)  # one column spare: a full line wraps on some terminals

    def _open(self):
        if self._stream is None:
            # kept open across files so results are appended as they come; closed in close()
            self._stream = (
                open(self.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
                if self.output
                else sys.stdout
            )
        return self._stream

    def _table_lines(self, df: Any, path: str) -> list[str]:
        base = os.path.basename(path)
        lines = []
        if not self._header_done:
            lines.append(self._row([h for _, h, _ in self._view]))
            lines.append(self._row(["-" * (w or self._flex) for _, _, w in self._view]))
            self._header_done = True
        cols: list[list[Any]] = []
        for name, _, _ in self._view:
            if name == "doc":
                col: Any = [str(d).replace(path, base, 1) if str(d).startswith(path) else d
                            for d in df["doc"].tolist()]
            elif name == "speaker_name" and "speaker" in df.columns:  # the resolved name, else the mention
                col = df["speaker_name"].astype(object).where(df["speaker_name"].notna(),
                                                              df["speaker"].astype(object)).tolist()
            else:
                col = df[name].tolist() if name in df.columns else [None] * len(df)
            cols.append(col)
        for values in zip(*cols):
            lines.append(self._row(values))
        return lines

    def _row(self, values: Any) -> str:
        parts = []
        for (name, _, w), v in zip(self._view, values):
            width = w or self._flex
            cell = _cell(v, width)
            parts.append(cell.rjust(width) if name in ("start", "n_mentions", "cluster") else cell.ljust(width))
        return "  ".join(parts).rstrip()

    def write(self, df: Any, path: str) -> None:
        self.rows += len(df)
        if self.fmt == "parquet":
            pa = require("pyarrow", "--format parquet")
            pq = require("pyarrow.parquet", "--format parquet")

            if not len(df):
                # an empty table says nothing about column types (lists of nothing); written at close if no
                # other table comes
                self._empty = df
                return
            from ._columns import arrow_table

            table = arrow_table(df)
            # a column of lists that are all empty comes out as list<null>: give it its real type
            for i, field in enumerate(table.schema):
                if pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
                    table = table.set_column(i, field.name, table.column(i).cast(pa.list_(pa.string())))
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.output, table.schema)
            self._parquet.write_table(table.cast(self._parquet.schema))
            return
        out = self._open()
        if self.fmt == "jsonl":
            if len(df):
                body = _lists_as(df, "python").to_json(orient="records", lines=True, force_ascii=False)
                out.write(body if body.endswith("\n") else body + "\n")
        elif self.fmt == "csv":
            _lists_as(df, "json").to_csv(out, index=False, header=not self._header_done)
            self._header_done = True
        elif len(df):
            out.write("\n".join(self._table_lines(df, path)) + "\n")
        out.flush()

    def close(self) -> None:
        if self.fmt == "parquet" and self._parquet is None and self._empty is not None:
            from ._columns import arrow_table

            require("pyarrow.parquet", "--format parquet").write_table(arrow_table(self._empty), self.output)
        if self._parquet is not None:
            self._parquet.close()
        if self._stream is not None and self._stream is not sys.stdout:
            self._stream.close()


def _iter_inputs(paths: list[str], args: argparse.Namespace,
                 errors: list[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    for path in paths:
        try:
            yield path, _read_documents(path, args)
        except InputError as e:
            errors.append(str(e))
            print(f"saidwho: {e}", file=sys.stderr)
            if args.on_error == "stop":
                return


def cmd_analyze(args: argparse.Namespace) -> int:
    import saidwho as sw

    gaz = sw.Gazetteer.load(args.gazetteer) if args.gazetteer else sw.default_gazetteer()
    # the table shows file names (ids of .jsonl/.csv documents): as wide as the longest, within reason
    doc_width = min(max([8] + [len(os.path.basename(f)) for f in args.files]), 24)
    writer = _Writer(args.format, args.output, args.what, doc_width)
    errors: list[str] = []
    progress = None
    if len(args.files) > 1 and not args.quiet:
        from tqdm.auto import tqdm

        progress = tqdm(total=len(args.files), unit="file", file=sys.stderr, disable=None)
    try:
        for path, docs in _iter_inputs(args.files, args, errors):
            corpus = sw.analyze_many(docs, gazetteer=gaz, n_threads=args.threads, progress=False,
                                     on_error="record", reported=args.reported)
            writer.write(getattr(corpus, args.what)(), path)
            if progress is not None:
                progress.update(1)
            bad = corpus.errors()
            for doc, msg in zip(bad["doc"], bad["error"]):
                errors.append(f"{doc}: {msg}")
                print(f"saidwho: {doc}: skipped: {msg}", file=sys.stderr)
            if len(bad) and args.on_error == "stop":
                break
        if progress is not None:
            progress.update(len(args.files) - progress.n)
    finally:
        if progress is not None:
            progress.close()
        writer.close()
    if args.format == "table" and not writer.rows and not args.quiet and not errors:
        print(f"saidwho: no {args.what} rows in {len(args.files)} input file(s)", file=sys.stderr)
    if errors:
        return EXIT_ERROR if args.on_error == "stop" else EXIT_SKIPPED
    return EXIT_OK


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    import saidwho as sw

    gaz = None
    for path in args.sources:
        ext = os.path.splitext(path)[1].lower()
        if not os.path.exists(path):
            print(f"saidwho: {path}: no such file", file=sys.stderr)
            return EXIT_ERROR
        part = (sw.Gazetteer.from_csv if ext == ".csv" else sw.Gazetteer.from_tsv)(
            path, case=args.case, accents=args.accents
        )
        gaz = part if gaz is None else gaz.merge(part)
    assert gaz is not None
    gaz.save(args.output)
    print(f"{args.output}: {len(gaz):,} entries, {gaz.n_aliases:,} aliases", file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_inspect(args: argparse.Namespace) -> int:
    import saidwho as sw

    gaz = sw.default_gazetteer() if args.path == "default" else sw.Gazetteer.load(args.path)
    print(repr(gaz))
    labels: dict[str, int] = {}
    for e in gaz:
        labels[e.label] = labels.get(e.label, 0) + 1
    print(f"entries: {len(gaz):,}  aliases: {gaz.n_aliases:,}  case: {gaz.case}  accents: {gaz.accents}")
    for label, n in sorted(labels.items(), key=lambda kv: -kv[1]):
        print(f"  {label:10} {n:>9,}")
    for i, e in enumerate(gaz):
        if i >= args.head:
            break
        print(f"  {e.id}\t{e.label}\t{e.name}\t{' | '.join(e.aliases[:6])}")
    return EXIT_OK


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's layout (the exit codes) and widens the option column a little."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="saidwho", description="Who said what, about whom, in news text.",
                                epilog=_EXIT_CODES, formatter_class=_HelpFormatter)
    p.add_argument("--version", action="version", version=f"saidwho {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse .txt/.jsonl/.csv files", formatter_class=_HelpFormatter,
                       description="Analyse files: one document per .txt file, per .jsonl line, per .csv row.",
                       epilog=_EXIT_CODES)
    a.add_argument("files", nargs="+", metavar="FILES", help=".txt, .jsonl or .csv files")
    a.add_argument("--gazetteer", metavar="PATH", help="a saved gazetteer (default: the embedded one)")
    a.add_argument("--format", choices=["table", "jsonl", "csv", "parquet"], default="table",
                   help="output format (default: table; parquet needs pyarrow)")
    a.add_argument("--output", "-o", metavar="PATH", help="write here (default: stdout)")
    a.add_argument("--what", choices=_TABLES, default="who_said_what",
                   help="which table to write (default: who_said_what)")
    a.add_argument("--on-error", choices=["skip", "stop"], default="skip",
                   help="on a bad file or document: name it on stderr and go on, or stop (default: skip)")
    a.add_argument("--text-field", default="text", metavar="NAME",
                   help="text field of .jsonl inputs (default: text)")
    a.add_argument("--id-field", default="id", metavar="NAME", help="id field of .jsonl inputs (default: id)")
    a.add_argument("--text-column", default="text", metavar="NAME",
                   help="text column of .csv inputs (default: text)")
    a.add_argument("--id-column", default="id", metavar="NAME", help="id column of .csv inputs (default: id)")
    a.add_argument("--threads", type=int, default=None, metavar="N", help="threads (default: all cores)")
    a.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no notes on stderr")
    a.add_argument("--no-reported", dest="reported", action="store_false",
                   help="quotes in quotation marks only (default: also reported speech, kind 'indirect')")
    a.set_defaults(func=cmd_analyze)

    g = sub.add_parser("gazetteer", help="build or inspect gazetteers", formatter_class=_HelpFormatter,
                       epilog=_EXIT_CODES)
    gsub = g.add_subparsers(dest="gcommand", required=True, metavar="COMMAND")
    b = gsub.add_parser("build", help="build a saved gazetteer from TSV/CSV files", formatter_class=_HelpFormatter)
    b.add_argument("sources", nargs="+", metavar="FILES", help="TSV or CSV files (see the README)")
    b.add_argument("--output", "-o", required=True, metavar="PATH", help="the .swg file to write")
    b.add_argument("--case", choices=["smart", "insensitive", "sensitive"], default="smart",
                   help="case rule of the aliases (default: smart)")
    b.add_argument("--accents", choices=["keep", "fold"], default="keep",
                   help="fold accents, Zürich = Zurich (default: keep)")
    b.set_defaults(func=cmd_gazetteer_build)
    i = gsub.add_parser("inspect", help="summarise a saved gazetteer ('default' for the embedded one)",
                        formatter_class=_HelpFormatter)
    i.add_argument("path", metavar="PATH", help="a .swg file, or 'default'")
    i.add_argument("--head", type=int, default=10, metavar="N", help="entries to list (default: 10)")
    i.set_defaults(func=cmd_gazetteer_inspect)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, ValueError, SaidwhoError, MissingDependency) as e:
        print(f"saidwho: {e}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
