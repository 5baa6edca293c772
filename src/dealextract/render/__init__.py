"""A page for people to review what dealextract read: ``dealextract render INPUT -o report.html``.

Records hold offsets, not the article, so the page needs the texts beside the results; ``review`` runs
the pipeline and keeps both, ``render_page`` turns them into one self-contained HTML file.

>>> from dealextract.render import render_page, review
>>> items = review(["Acme Robotics raised $5 million from Foo Ventures."])
>>> html = render_page(items, title="Example")
>>> html.count('class="deal-card"')
1
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from dealextract.articles import ArticleError, UnreadableArticle, coerce_article
from dealextract.records import Article, ArticleResult
from dealextract.render.markup import LABEL_COLORS, article_html
from dealextract.render.page import ReviewArticle, render_page


def review(articles: Iterable[Any], *, nlp: Language | None = None) -> list[ReviewArticle]:
    """Extract every article and keep its text for the page.

    ``articles`` holds what ``extract_many`` takes (strings, dicts, ``Article``), and also the
    ``UnreadableArticle`` placeholders the batch readers yield for broken input lines, which become
    sections that show their errors.

    >>> [len(item.result.deals) for item in review(["Acme Robotics raised $5 million.", ""])]
    [1, 0]
    """
    from dealextract.api import extract_many

    pending: list[tuple[Article | None, ArticleResult | None]] = []
    good: list[Article] = []
    for item in articles:
        if isinstance(item, UnreadableArticle):
            pending.append((None, ArticleResult(errors=[item.info])))
            continue
        try:
            article = coerce_article(item)
        except ArticleError as err:
            pending.append((None, ArticleResult(errors=[err.info])))
            continue
        pending.append((article, None))
        good.append(article)
    results = iter(extract_many(good, nlp=nlp))
    out: list[ReviewArticle] = []
    for kept, failed in pending:
        if kept is None:
            assert failed is not None
            out.append(ReviewArticle(text=None, result=failed))
        else:
            out.append(ReviewArticle(kept.text, next(results), title=kept.title, url=kept.url))
    return out


__all__ = ["LABEL_COLORS", "ReviewArticle", "article_html", "render_page", "review"]
