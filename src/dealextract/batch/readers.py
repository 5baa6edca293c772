"""Readers for article dumps: JSONL (also gzipped), plain text, CSV, Parquet, WARC, folders, standard input.

A reader never raises on a bad record: it yields an ``UnreadableArticle`` in its place, carrying an
``ErrorInfo`` with the input line (or row), so the output keeps one line per input article, in order.
Every reader streams: memory holds one record (or one Parquet row batch) at a time, never the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dealextract.articles import ArticleError, UnreadableArticle, coerce_article
from dealextract.records import Article, ErrorInfo

InputItem = Article | UnreadableArticle

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz")
FOLDER_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + WARC_SUFFIXES

# Rows per Parquet batch: bounds memory whatever the row groups of the file.
PARQUET_BATCH_ROWS = 512


class UsageError(Exception):
    """A problem with how the command was called (a missing file, an unknown format): exit status 2."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a record (JSONL key, CSV column, Parquet column) hold the text, id and date."""

    text: str = "text"
    id: str = "id"
    published: str = "published"

    def rename(self, record: Mapping[str, Any]) -> Mapping[str, Any]:
        """The record with our field names, so ``coerce_article`` reads the user's columns."""
        if (self.text, self.id, self.published) == ("text", "id", "published"):
            return record
        renamed = {k: v for k, v in record.items() if k not in ("text", "id", "article_id", "published")}
        for ours, theirs in (("text", self.text), ("id", self.id), ("published", self.published)):
            if theirs in record:
                renamed[ours] = record[theirs]
        return renamed


DEFAULT_FIELDS = Fields()


def _broken(code: str, message: str, line: int | None = None) -> UnreadableArticle:
    return UnreadableArticle(ErrorInfo(code=code, message=message, line=line))


def record_to_item(
    record: object,
    number: int,
    default_published: dt.date | None,
    fields: Fields = DEFAULT_FIELDS,
    where: str = "line",
) -> InputItem:
    """One decoded record (a dict from JSON, CSV or Parquet) as an ``Article`` or what is wrong with it."""
    if isinstance(record, Mapping):
        record = fields.rename(record)
        if fields.text != "text" and "text" not in record:
            return _broken(
                "missing_text",
                f"{where} {number} has no '{fields.text}' field: add the article body or pick the field "
                "with --text-field",
                number,
            )
    if isinstance(record, str):
        # a bare JSON string is a value, not an article object (plain text belongs in a .txt file)
        return _broken(
            "not_an_object",
            f"{where} {number} is a JSON string, not an article object with a 'text' field",
            number,
        )
    try:
        article = coerce_article(record, number)
    except ArticleError as err:
        raw_id = record.get("id", record.get("article_id")) if isinstance(record, Mapping) else None
        return UnreadableArticle(err.info, None if raw_id is None else str(raw_id))
    updates: dict[str, object] = {"line": number}
    if article.published is None and default_published is not None:
        updates["published"] = default_published
    return article.model_copy(update=updates)


def read_jsonl_lines(
    lines: Iterable[bytes],
    source: str,
    default_published: dt.date | None = None,
    fields: Fields = DEFAULT_FIELDS,
) -> Iterator[InputItem]:
    """One item per non-blank line: an ``Article`` or an ``UnreadableArticle`` saying what is wrong."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield _broken(
                "invalid_utf8",
                f"{source}: line {number} is not valid UTF-8 (byte {err.start}): re-encode the file as UTF-8",
                number,
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield _broken(
                "invalid_json",
                f"{source}: line {number} is not valid JSON ({err.msg} at column {err.colno}): "
                "write one JSON object per line",
                number,
            )
            continue
        yield record_to_item(record, number, default_published, fields)


def read_text(text: str, article_id: str | None, default_published: dt.date | None) -> Article:
    """A whole plain-text file is one article."""
    return Article(text=text, id=article_id, published=default_published)


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_csv(
    path: Path, default_published: dt.date | None = None, fields: Fields = DEFAULT_FIELDS
) -> Iterator[InputItem]:
    """A CSV (or TSV) with a header row: one article a row; the row number counts the header as 1."""
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    csv.field_size_limit(sys.maxsize)
    with _open_binary(path) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if reader.fieldnames is None:
            return
        if fields.text not in reader.fieldnames:
            raise UsageError(
                f"{path}: no column {fields.text!r} (columns: {', '.join(reader.fieldnames)}); "
                "name the text column with --text-field"
            )
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as err:
                yield _broken("invalid_csv", f"{path}: row {reader.line_num} cannot be read ({err})",
                              reader.line_num or None)  # fmt: skip
                return
            record = {k: (v if v != "" else None) for k, v in row.items() if k is not None}
            yield record_to_item(record, reader.line_num, default_published, fields, where="row")


def read_parquet(
    path: Path, default_published: dt.date | None = None, fields: Fields = DEFAULT_FIELDS
) -> Iterator[InputItem]:
    """A Parquet table (needs the ``parquet`` extra): one article a row, read in bounded batches."""
    try:
        import pyarrow.parquet as pq
    except ImportError as err:  # pragma: no cover - depends on the installed extras
        raise UsageError(
            f"{path}: reading Parquet needs pyarrow: pip install 'dealextract[parquet]'"
        ) from err
    table = pq.ParquetFile(path)
    names = table.schema_arrow.names
    if fields.text not in names:
        raise UsageError(
            f"{path}: no column {fields.text!r} (columns: {', '.join(names)}); "
            "name the text column with --text-field"
        )
    wanted = [n for n in names if n in (fields.text, fields.id, fields.published, "title", "url")]
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            yield record_to_item(row, number, default_published, fields, where="row")


def read_path(
    path: Path, default_published: dt.date | None = None, fields: Fields = DEFAULT_FIELDS
) -> Iterator[InputItem]:
    """Articles from one file, by its suffix; ``UnreadableArticle`` for a file that cannot be read."""
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            with _open_binary(path) as handle:
                produced = False
                for item in read_jsonl_lines(handle, str(path), default_published, fields):
                    produced = True
                    yield item
            if not produced:
                yield _broken("empty_file", f"{path}: holds no article (no non-blank line): check the file")
            return
        if name.endswith(CSV_SUFFIXES):
            yield from read_csv(path, default_published, fields)
            return
        if name.endswith(PARQUET_SUFFIXES):
            yield from read_parquet(path, default_published, fields)
            return
        if name.endswith(WARC_SUFFIXES):
            from dealextract.batch.warc import read_warc

            yield from read_warc(path, default_published)
            return
        data = path.read_bytes()
    except OSError as err:
        yield _broken(
            "unreadable_file", f"{path}: cannot be read ({err}): check the file and its permissions"
        )
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        yield _broken(
            "invalid_utf8", f"{path}: not valid UTF-8 (byte {err.start}): re-encode the file as UTF-8"
        )
        return
    yield read_text(text, path.stem, default_published)


def iter_folder(folder: Path) -> Iterator[Path]:
    """The readable article files under ``folder``, in a stable (sorted) order."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.lower().endswith(FOLDER_SUFFIXES):
            yield path


def read_stdin(
    stream: IO[bytes], default_published: dt.date | None, fields: Fields = DEFAULT_FIELDS
) -> Iterator[InputItem]:
    """Standard input: JSONL when it starts with "{", otherwise one plain-text article."""
    buffered = io.BufferedReader(stream)  # type: ignore[type-var]
    head = buffered.peek(64).lstrip()
    if head.startswith(b"{"):
        yield from read_jsonl_lines(buffered, "<stdin>", default_published, fields)
        return
    data = buffered.read()
    try:
        yield read_text(data.decode("utf-8"), None, default_published)
    except UnicodeDecodeError as err:
        yield _broken("invalid_utf8", f"<stdin> is not valid UTF-8 (byte {err.start}): re-encode as UTF-8")


def read_inputs(
    inputs: Iterable[str], default_published: dt.date | None = None, fields: Fields = DEFAULT_FIELDS
) -> Iterator[InputItem]:
    """Every article of every input, in order.  ``-`` is standard input.  Raises ``UsageError`` up
    front for a path that does not exist, before any output is written."""
    paths = list(inputs) or ["-"]
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise UsageError(f"{raw}: no such file or folder")
    for raw in paths:
        if raw == "-":
            yield from read_stdin(sys.stdin.buffer, default_published, fields)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in iter_folder(path):
                yield from read_path(file, default_published, fields)
        else:
            yield from read_path(path, default_published, fields)
