"""Readers for article dumps: JSONL (also gzipped), plain-text files, folders of them, standard input.

A reader never raises on a bad record: it yields an ``UnreadableArticle`` in its place, carrying an
``ErrorInfo`` with the input line, so the output keeps one line per input article, in order.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dealextract.articles import ArticleError, UnreadableArticle, coerce_article
from dealextract.records import Article, ErrorInfo

InputItem = Article | UnreadableArticle

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


class UsageError(Exception):
    """A problem with how the command was called (a missing file, an unknown format): exit status 2."""


def _broken(code: str, message: str, line: int | None = None) -> UnreadableArticle:
    return UnreadableArticle(ErrorInfo(code=code, message=message, line=line))


def read_jsonl_lines(
    lines: Iterable[bytes], source: str, default_published: dt.date | None = None
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
        try:
            article = coerce_article(record, number)
        except ArticleError as err:
            yield UnreadableArticle(err.info)
            continue
        updates: dict[str, object] = {"line": number}
        if article.published is None and default_published is not None:
            updates["published"] = default_published
        yield article.model_copy(update=updates)


def read_text(text: str, article_id: str | None, default_published: dt.date | None) -> Article:
    """A whole plain-text file is one article."""
    return Article(text=text, id=article_id, published=default_published)


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_path(path: Path, default_published: dt.date | None = None) -> Iterator[InputItem]:
    """Articles from one file; ``UnreadableArticle`` for a file that cannot be read."""
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            with _open_binary(path) as handle:
                yield from read_jsonl_lines(handle, str(path), default_published)
            return
        data = path.read_bytes()
    except OSError as err:
        yield _broken("unreadable_file", f"{path}: cannot be read ({err.strerror}): check its permissions")
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
        if path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
            yield path


def read_stdin(stream: IO[bytes], default_published: dt.date | None) -> Iterator[InputItem]:
    """Standard input: JSONL when it starts with "{", otherwise one plain-text article."""
    buffered = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(64).lstrip()
    if head.startswith(b"{"):
        yield from read_jsonl_lines(buffered, "<stdin>", default_published)
        return
    data = buffered.read()
    try:
        yield read_text(data.decode("utf-8"), None, default_published)
    except UnicodeDecodeError as err:
        yield _broken("invalid_utf8", f"<stdin> is not valid UTF-8 (byte {err.start}): re-encode as UTF-8")


def read_inputs(inputs: Iterable[str], default_published: dt.date | None = None) -> Iterator[InputItem]:
    """Every article of every input, in order.  ``-`` is standard input.  Raises ``UsageError`` up
    front for a path that does not exist, before any output is written."""
    paths = list(inputs) or ["-"]
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise UsageError(f"{raw}: no such file or folder")
    for raw in paths:
        if raw == "-":
            yield from read_stdin(sys.stdin.buffer, default_published)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in iter_folder(path):
                yield from read_path(file, default_published)
        else:
            yield from read_path(path, default_published)
