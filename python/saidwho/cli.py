"""The ``saidwho`` command line: analyse files, build and inspect gazetteers.

Examples::

    saidwho analyze article1.txt article2.txt                # a table of who said what on stdout
    saidwho analyze news.jsonl --format parquet -o quotes.parquet
    saidwho analyze news.csv --what entities --format csv -o entities.csv
    saidwho gazetteer build places.tsv people.csv -o my.swg
    saidwho gazetteer inspect my.swg

Inputs: ``.txt`` (one document per file), ``.jsonl`` (one document per line; ``--text-field``, ``--id-field``)
and ``.csv`` (one document per row; ``--text-column``, ``--id-column``). Exit codes: 0 success, 1 some inputs
were skipped (``--on-error skip``), 2 usage error or a failed input with ``--on-error stop``. Results are written
file by file, so what was processed before an error is kept.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from ._saidwho import SaidwhoError

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2
_TABLES = ("quotes", "entities", "people", "who_said_what")


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
                        raise InputError(f"{path}:{n}: no string field {args.text_field!r}")
                    doc_id = obj.get(args.id_field, f"{path}:{n}")
                    docs.append((str(doc_id), obj[args.text_field]))
            elif ext == ".csv":
                reader = csv.DictReader(f)
                if reader.fieldnames is None or args.text_column not in reader.fieldnames:
                    raise InputError(f"{path}: no column {args.text_column!r} (columns: {reader.fieldnames})")
                docs = []
                for n, row in enumerate(reader, 2):
                    doc_id = row.get(args.id_column) or f"{path}:{n}"
                    docs.append((str(doc_id), row[args.text_column] or ""))
            else:
                docs = [(path, f.read())]
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start}: {e.reason})") from None
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    if not docs or all(not t.strip() for _, t in docs):
        raise InputError(f"{path}: empty input")
    return docs


class _Writer:
    """Writes result tables incrementally (file by file) in the chosen format."""

    def __init__(self, fmt: str, output: str | None) -> None:
        self.fmt, self.output = fmt, output
        self._stream: Any = None
        self._csv_header = False
        self._parquet: Any = None
        self._empty: Any = None
        if fmt == "parquet" and not output:
            raise ValueError("--format parquet needs --output PATH")

    def _open(self):
        if self._stream is None:
            # kept open across files so results are appended as they come; closed in close()
            self._stream = (
                open(self.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
                if self.output
                else sys.stdout
            )
        return self._stream

    def write(self, df) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            if not len(df):
                # an empty table says nothing about column types (lists of nothing); written at close if no
                # other table comes
                self._empty = df
                return
            table = pa.Table.from_pandas(df, preserve_index=False)
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
                body = df.to_json(orient="records", lines=True, force_ascii=False)
                out.write(body if body.endswith("\n") else body + "\n")
        elif self.fmt == "csv":
            df.to_csv(out, index=False, header=not self._csv_header)
            self._csv_header = True
        else:
            if len(df):
                out.write(df.to_string(index=False, max_colwidth=60) + "\n")
        out.flush()

    def close(self) -> None:
        if self.fmt == "parquet" and self._parquet is None and self._empty is not None:
            self._empty.to_parquet(self.output, index=False)
        if self._parquet is not None:
            self._parquet.close()
        if self._stream is not None and self._stream is not sys.stdout:
            self._stream.close()


def _iter_inputs(paths: list[str], args: argparse.Namespace, errors: list[str]) -> Iterator[list[tuple[str, str]]]:
    for path in paths:
        try:
            yield _read_documents(path, args)
        except InputError as e:
            errors.append(str(e))
            print(f"saidwho: {e}", file=sys.stderr)
            if args.on_error == "stop":
                return


def cmd_analyze(args: argparse.Namespace) -> int:
    import saidwho as sw

    gaz = sw.Gazetteer.load(args.gazetteer) if args.gazetteer else sw.default_gazetteer()
    writer = _Writer(args.format, args.output)
    errors: list[str] = []
    progress = None
    if len(args.files) > 1 and not args.quiet:
        from tqdm.auto import tqdm

        progress = tqdm(total=len(args.files), unit="file", file=sys.stderr, disable=None)
    try:
        for docs in _iter_inputs(args.files, args, errors):
            corpus = sw.analyze_many(docs, gazetteer=gaz, n_threads=args.threads, progress=False,
                                     on_error="record", reported=args.reported)
            writer.write(getattr(corpus, args.what)())
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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="saidwho", description="Who said what, about whom, in news text.")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse .txt/.jsonl/.csv files")
    a.add_argument("files", nargs="+", metavar="FILES")
    a.add_argument("--gazetteer", metavar="PATH", help="a saved gazetteer (default: the embedded one)")
    a.add_argument("--format", choices=["table", "jsonl", "csv", "parquet"], default="table")
    a.add_argument("--output", "-o", metavar="PATH", help="write here instead of stdout")
    a.add_argument("--what", choices=_TABLES, default="who_said_what", help="which table to write")
    a.add_argument("--on-error", choices=["skip", "stop"], default="skip")
    a.add_argument("--text-field", default="text", help="text field of .jsonl inputs")
    a.add_argument("--id-field", default="id", help="id field of .jsonl inputs")
    a.add_argument("--text-column", default="text", help="text column of .csv inputs")
    a.add_argument("--id-column", default="id", help="id column of .csv inputs")
    a.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    a.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    a.add_argument("--no-reported", dest="reported", action="store_false",
                   help="quotes in quotation marks only (no reported speech of kind 'indirect')")
    a.set_defaults(func=cmd_analyze)

    g = sub.add_parser("gazetteer", help="build or inspect gazetteers")
    gsub = g.add_subparsers(dest="gcommand", required=True)
    b = gsub.add_parser("build", help="build a saved gazetteer from TSV/CSV files")
    b.add_argument("sources", nargs="+")
    b.add_argument("--output", "-o", required=True)
    b.add_argument("--case", choices=["smart", "insensitive", "sensitive"], default="smart")
    b.add_argument("--accents", choices=["keep", "fold"], default="keep")
    b.set_defaults(func=cmd_gazetteer_build)
    i = gsub.add_parser("inspect", help="summarise a saved gazetteer ('default' for the embedded one)")
    i.add_argument("path")
    i.add_argument("--head", type=int, default=10)
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
    except (OSError, ValueError, SaidwhoError) as e:
        print(f"saidwho: {e}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
