"""WARC files (e.g. Common Crawl news): each HTML response record becomes one article.

warcio reads the records (plain or gzipped, streaming); trafilatura turns the HTML into the article body
and finds its publication date in the page's own metadata.  Both come with the ``warc`` extra.

The record's ``WARC-Date`` is when the crawler fetched the page, not when it was published, so it is
never used as ``published``: a page with no date of its own gets ``--published`` (or none).
Records that are not HTML responses (requests, metadata, images) are not articles and are skipped; an
HTML page with no extractable body gives an error line, so a reader sees what was dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from dealextract.articles import UnreadableArticle, parse_published
from dealextract.records import Article, ErrorInfo

# Pages larger than this are not news articles (archives, feeds): reported, not parsed.
MAX_HTML_BYTES = 5_000_000


def html_to_article(
    html: bytes | str, url: str | None, record_id: str | None, default_published: dt.date | None
) -> Article | None:
    """The article of one HTML page: body text, title and date (trafilatura), or None without a body."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text")
    if not text or not str(text).strip():
        return None
    try:
        published = parse_published(data.get("date")) or default_published
    except ValueError:
        published = default_published
    return Article(
        text=str(text),
        id=url or record_id,
        published=published,
        title=data.get("title"),
        url=url,
    )


def read_warc(path: Path, default_published: dt.date | None = None) -> Iterator[Article | UnreadableArticle]:
    """The articles of a WARC file, in record order; ``line`` is the record's number in the file."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as err:  # pragma: no cover - depends on the installed extras
        from dealextract.batch.readers import UsageError

        raise UsageError(
            f"{path}: reading WARC needs warcio and trafilatura: pip install 'dealextract[warc]'"
        ) from err
    with path.open("rb") as handle:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            html = record.content_stream().read(MAX_HTML_BYTES + 1)
            if len(html) > MAX_HTML_BYTES:
                yield UnreadableArticle(ErrorInfo(
                    code="too_large",
                    message=f"{path}: record {number} ({url}) is over {MAX_HTML_BYTES:,} bytes of HTML: "
                    "not an article page",
                    line=number,
                ))  # fmt: skip
                continue
            article = html_to_article(html, url, record_id, default_published)
            if article is None:
                yield UnreadableArticle(ErrorInfo(
                    code="no_article_text",
                    message=f"{path}: record {number} ({url}) has no article body that could be extracted",
                    line=number,
                ))  # fmt: skip
                continue
            yield article.model_copy(update={"line": number})
