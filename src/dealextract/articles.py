"""Turning whatever a user hands us into an ``Article``, or into an ``ErrorInfo`` that says what to fix.

One place decides what a valid article is, so ``extract``, ``extract_many`` and every batch reader give
the same error codes and messages for the same fault.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal

from dealextract.records import Article, ErrorInfo

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_SURROGATE = re.compile("[\ud800-\udfff]")


class ArticleError(ValueError):
    """An article that cannot be processed; carries the ``ErrorInfo`` to report."""

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.info = ErrorInfo(code=code, message=message, line=line)


def parse_published(value: object) -> dt.date | None:
    """Accept a date, a datetime, an ISO string ("2026-04-15", "2026-04-15T08:00:00Z", "2026-04") or None.

    A month-only string stands for the first day of that month.  Anything else raises ``ArticleError``
    with code ``bad_date``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match:
            year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
    raise ArticleError(
        "bad_date",
        f"published {value!r} is not a date: give it as YYYY-MM-DD (or leave it out)",
    )


class UnreadableArticle:
    """Stands in the stream for an input a reader could not read, so its error keeps its place."""

    __slots__ = ("article_id", "info")

    def __init__(self, info: ErrorInfo, article_id: str | None = None) -> None:
        self.info = info
        self.article_id = article_id  # kept when the record gave one, so the error line can name it


def coerce_article(item: object, line: int | None = None) -> Article:
    """An ``Article`` from a string, a mapping with ``text`` or an ``Article``; ``ArticleError`` if not."""
    if isinstance(item, Article):
        return item
    if isinstance(item, UnreadableArticle):
        raise ArticleError(item.info.code, item.info.message, item.info.line)
    if isinstance(item, str):
        return Article(text=item)
    if not isinstance(item, Mapping):
        raise ArticleError(
            "not_an_object",
            f"expected an article object with a 'text' field, got {type(item).__name__}",
            line,
        )
    if "text" not in item or item["text"] is None:
        raise ArticleError("missing_text", "the article has no 'text' field: add the article body", line)
    text = item["text"]
    if not isinstance(text, str):
        raise ArticleError("bad_text", f"'text' must be a string, got {type(text).__name__}", line)
    raw_id: Any = item.get("id", item.get("article_id"))
    try:
        published = parse_published(item.get("published"))
    except ArticleError as err:
        err.info.line = line
        raise
    return Article(
        text=text,
        id=None if raw_id is None else str(raw_id),
        published=published,
        title=_optional_str(item.get("title")),
        url=_optional_str(item.get("url")),
    )


def check_text(text: str, max_chars: int, on_too_large: Literal["chunk", "error"] = "error") -> None:
    """Refuse text the pipeline cannot use, with a message that says what to do.

    An article over ``max_chars`` is refused with ``too_large`` when ``on_too_large="error"``; with
    ``"chunk"`` it passes, for ``dealextract.chunking`` to process in pieces.
    """
    if not text.strip():
        raise ArticleError("empty_text", "the article text is empty: skip it or supply the body")
    if len(text) > max_chars and on_too_large != "chunk":
        raise ArticleError(
            "too_large",
            f"the article has {len(text):,} characters, more than the limit of {max_chars:,}: "
            "split it, raise the limit with load(max_chars=...), or process it in chunks with "
            'on_too_large="chunk"',
        )


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (U+D800..U+DFFF) replaced by U+FFFD, the same length.

    Why: Python strings may hold lone surrogates (a JSON ``"\\ud800"`` escape, bytes decoded with
    ``errors="surrogateescape"``), but they are not Unicode characters: spaCy's string store cannot
    encode them, and no record holding one could be written as UTF-8 JSON.  The pipeline reads the
    replaced text, so a record quotes U+FFFD where the input had a lone surrogate; the length is the same,
    so every offset still points into the caller's text.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
