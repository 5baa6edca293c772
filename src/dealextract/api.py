"""The functions of the public contract: a thin layer over the spaCy pipeline.

``extract`` holds no I/O and no extraction logic: it makes a Doc, runs the pipeline built by
``dealextract.pipeline`` and turns what the components left on the Doc into records.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, get_args

from spacy.language import Language
from spacy.tokens import Doc

from dealextract import pipeline
from dealextract.articles import (
    ArticleError,
    UnreadableArticle,
    check_text,
    coerce_article,
    parse_published,
    replace_surrogates,
)
from dealextract.chunking import OnTooLarge, extract_chunked
from dealextract.failures import SETUP_ERRORS, failures_as_results, internal_error
from dealextract.records import (
    Article,
    ArticleResult,
    DateValue,
    Entity,
    ErrorInfo,
    MergedDeal,
    Money,
)

_default_nlp: Language | None = None
_default_lock = threading.Lock()


def load(
    *,
    org_files: Sequence[str | Path] = (),
    model_files: Sequence[str | Path] = (),
    exclude: Iterable[str] = (),
    max_chars: int = pipeline.DEFAULT_MAX_CHARS,
    on_too_large: OnTooLarge = "chunk",
    org_names: str = "as_written",
) -> Language:
    """The spaCy pipeline behind ``extract()``, built on ``spacy.blank("en")``.

    ``org_files``/``model_files`` add the user's own gazetteer files (JSONL, same format as ours);
    ``exclude`` leaves components out; ``max_chars`` is the largest article processed in one piece.
    A longer article is processed in chunks with offsets into the whole article (``on_too_large="chunk"``,
    see ``dealextract.chunking``) or refused with error ``too_large`` (``"error"``); never cut silently.
    ``org_names`` says how records name an organisation: ``"as_written"`` (the default: the fullest form
    the article writes, or the gazetteer's canonical name when the article writes that; "Meta" for an
    article that only says "Meta", as annotators record it) or ``"canonical"`` (always the gazetteer's
    canonical name, e.g. to join records across articles by it).
    Build it once and reuse it: loading compiles the gazetteers.

    >>> nlp = load()
    >>> nlp.pipe_names[0], nlp.pipe_names[-1]
    ('dealextract_sentences', 'dealextract_deals')
    """
    if on_too_large not in get_args(OnTooLarge):
        raise ValueError(f"on_too_large must be 'chunk' or 'error', got {on_too_large!r}")
    nlp = pipeline.build(
        org_files=org_files,
        model_files=model_files,
        exclude=exclude,
        max_chars=max_chars,
        org_names=org_names,
    )
    nlp.meta.setdefault("dealextract", {})["on_too_large"] = on_too_large
    return nlp


def _size_policy(
    nlp: Language, max_chars: int | None, on_too_large: OnTooLarge | None
) -> tuple[int, OnTooLarge]:
    """The size limit and what to do beyond it: the caller's choice, else the pipeline's (``load``).

    ``max_chars`` can only lower the pipeline's ``nlp.max_length``: spaCy refuses longer texts.
    """
    limit = nlp.max_length if max_chars is None else max(1, min(max_chars, nlp.max_length))
    mode = on_too_large or nlp.meta.get("dealextract", {}).get("on_too_large", "chunk")
    if mode not in get_args(OnTooLarge):
        raise ValueError(f"on_too_large must be 'chunk' or 'error', got {mode!r}")
    return limit, mode


def default_pipeline() -> Language:
    """The shared pipeline ``extract()`` uses, built on first use.

    >>> default_pipeline() is default_pipeline()
    True
    """
    global _default_nlp
    if _default_nlp is None:
        with _default_lock:
            if _default_nlp is None:
                _default_nlp = load()
    return _default_nlp


def add_to(nlp: Language, *, exclude: Iterable[str] = ()) -> Language:
    """Add our components to a user's own pipeline (e.g. one with a statistical parser), in order.

    >>> import spacy
    >>> nlp = add_to(spacy.blank("en"))
    >>> doc = nlp("Acme Robotics raised $5 million.")
    >>> [(d.target.name, d.amount.value) for d in doc._.deals]
    [('Acme Robotics', Decimal('5000000'))]
    """
    return pipeline.add_components(nlp, exclude=exclude)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc for ``article`` with the caller's context (publication date, id) set before components run.

    >>> doc = make_doc(default_pipeline(), Article(text="Acme raised $5 million.", id="a1"))
    >>> doc._.dealextract_article_id, doc._.deals is None
    ('a1', True)
    """
    check_text(article.text, nlp.max_length)
    doc = nlp.make_doc(article.text)
    doc._.dealextract_published = article.published
    doc._.dealextract_article_id = article.id
    return doc


def extract(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    article_id: str | None = None,
    *,
    nlp: Language | None = None,
    max_chars: int | None = None,
    on_too_large: OnTooLarge | None = None,
) -> ArticleResult:
    """Everything dealextract finds in one article.

    Problems with the input (empty text, a bad ``published``, an article over the size limit with
    ``on_too_large="error"``) come back as ``errors`` on the result, never as an exception; a ``text``
    that is not a string raises TypeError.  ``max_chars``/``on_too_large`` override the pipeline's
    settings (see ``load``) for this call.

    >>> r = extract("Acme Robotics raised $5 million in a seed round led by Foo Ventures.",
    ...             published="2026-03-02")
    >>> [e.label for e in r.entities if e.label == "MONEY"]
    ['MONEY']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    nlp = nlp or default_pipeline()
    limit, mode = _size_policy(nlp, max_chars, on_too_large)
    try:
        check_text(text, limit, mode)
        # Lone surrogates are read as U+FFFD (same length, so offsets hold): see replace_surrogates.
        article = Article(text=replace_surrogates(text), id=article_id, published=parse_published(published))
        if len(text) > limit:
            return _chunked(nlp, article, limit)
        doc = nlp(make_doc(nlp, article))
    except ArticleError as err:
        return ArticleResult(article_id=article_id, errors=[err.info])
    except SETUP_ERRORS:
        raise
    except Exception as exc:  # a bug, not bad input: reported on the result (see failures.py)
        return ArticleResult(article_id=article_id, errors=[internal_error("the pipeline", exc)])
    return doc_to_result(doc)


def extract_many(
    articles: Iterable[Any],
    n_process: int = 1,
    batch_size: int = 64,
    *,
    nlp: Language | None = None,
    max_chars: int | None = None,
    on_too_large: OnTooLarge | None = None,
    entities: bool = True,
) -> Iterator[ArticleResult]:
    """One ``ArticleResult`` per input, in input order; a bad article yields a result with ``errors``.

    ``articles`` holds strings, dicts (``text``, ``id``, ``published``, ``title``, ``url``) or
    ``Article`` objects.  ``n_process > 1`` runs spaCy's multiprocessing; each worker loads once.
    An article over the size limit is chunked in this process or refused, as in ``extract``.
    ``entities=False`` leaves every result's ``entities`` empty and skips building them (a batch that
    only keeps deals).

    >>> results = extract_many(["Acme Robotics raised $5 million.", {"id": "b", "text": ""}])
    >>> [(r.article_id, len(r.deals), [e.code for e in r.errors]) for r in results]
    [(None, 1, []), ('b', 0, ['empty_text'])]
    """
    nlp = nlp or default_pipeline()
    limit, mode = _size_policy(nlp, max_chars, on_too_large)
    # (position, Doc) for good articles; bad ones are kept aside and yielded in their place.
    pending: dict[int, ArticleResult] = {}

    def docs() -> Iterator[Doc]:
        for position, item in enumerate(articles):
            article: Article | None = None
            try:
                article = coerce_article(item)
                check_text(article.text, limit, mode)
                safe = replace_surrogates(article.text)
                if safe is not article.text:
                    article = article.model_copy(update={"text": safe})
                if len(article.text) > limit:
                    pending[position] = _chunked(nlp, article, limit)
                    continue
                doc = make_doc(nlp, article)
            except ArticleError as err:
                if article is not None:
                    err.info.line = err.info.line or article.line
                    raw_id: object = article.id
                else:
                    raw_id = (
                        item.article_id
                        if isinstance(item, UnreadableArticle)
                        else item.get("id")
                        if isinstance(item, dict)
                        else None
                    )
                pending[position] = ArticleResult(
                    article_id=None if raw_id is None else str(raw_id), errors=[err.info]
                )
                continue
            doc.user_data["dealextract_position"] = position
            yield doc

    def failed(doc: Doc, error: ErrorInfo) -> None:
        """A component raised on ``doc``: its article's result is that error (spaCy drops the Doc)."""
        position = doc.user_data.get("dealextract_position")
        if position is not None:
            pending[position] = ArticleResult(
                article_id=doc._.dealextract_article_id, published=doc._.dealextract_published, errors=[error]
            )

    # with several processes spaCy runs the handler in the workers, out of reach: there, as in spaCy,
    # a failing component stops the run
    guard = failures_as_results(nlp, failed) if n_process == 1 else contextlib.nullcontext()
    next_position = 0
    with guard:
        for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
            position = doc.user_data.get("dealextract_position", next_position)
            while next_position < position:
                yield _without_entities(pending.pop(next_position), entities)
                next_position += 1
            yield doc_to_result(doc, entities=entities)
            next_position = position + 1
    while next_position in pending:
        yield _without_entities(pending.pop(next_position), entities)
        next_position += 1


def _chunked(nlp: Language, article: Article, limit: int) -> ArticleResult:
    """``extract_chunked``, with a failure on one of the chunks reported on the article's result."""
    try:
        return extract_chunked(nlp, article, limit)
    except SETUP_ERRORS:
        raise
    except Exception as exc:
        return ArticleResult(
            article_id=article.id, published=article.published, errors=[internal_error("the pipeline", exc)]
        )


def _without_entities(result: ArticleResult, entities: bool) -> ArticleResult:
    """``result`` as ``extract_many(..., entities=False)`` gives it (a chunked article has them)."""
    if entities or not result.entities:
        return result
    return result.model_copy(update={"entities": []})


def doc_entities(doc: Doc) -> list[Entity]:
    """The ``Entity`` records of a processed Doc, in text order, with no two overlapping.

    Where mentions of different kinds overlap, the longer one wins (an amount over a date inside it).

    >>> [(e.label, e.text) for e in doc_entities(default_pipeline()("Acme raised $5 million in March."))]
    [('ORG', 'Acme'), ('MONEY', '$5 million'), ('DATE', 'March')]
    """
    candidates: list[Entity] = []
    for money in doc._.dealextract_money or ():
        if money.start is not None and money.end is not None and money.text is not None:
            candidates.append(
                Entity(label="MONEY", text=money.text, start=money.start, end=money.end, normalized=money)
            )
    for date in doc._.dealextract_dates or ():
        if date.start is not None and date.end is not None and date.text is not None:
            candidates.append(
                Entity(label="DATE", text=date.text, start=date.start, end=date.end, normalized=date)
            )
    shown = doc._.dealextract_org_names or {}  # the name records carry (``record_names``)
    for org in doc._.dealextract_orgs or ():
        name = shown.get(org.name, org.name)
        candidates.append(Entity(label="ORG", text=org.text, start=org.start, end=org.end, normalized=name))
    for model in doc._.dealextract_models or ():
        candidates.append(
            Entity(label="MODEL", text=model.text, start=model.start, end=model.end, normalized=model.name)
        )
    candidates.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for ent in candidates:
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    return kept


def doc_to_result(doc: Doc, *, entities: bool = True) -> ArticleResult:
    """An ``ArticleResult`` from a Doc the pipeline has processed (``entities=False``: without them).

    >>> len(doc_to_result(default_pipeline()("Acme Robotics raised $5 million.")).deals)
    1
    """
    article_id = doc._.dealextract_article_id
    deals = [
        d if d.article_id == article_id else d.model_copy(update={"article_id": article_id})
        for d in (doc._.deals or ())
    ]
    return ArticleResult(
        article_id=article_id,
        published=doc._.dealextract_published,
        entities=doc_entities(doc) if entities else [],
        deals=deals,
    )


def validate_result(result: ArticleResult, text: str) -> ArticleResult:
    """Re-validate a result against its article: every offset must satisfy ``text == article[s:e]``.

    >>> text = "Acme Robotics raised $5 million."
    >>> validate_result(extract(text), text).deals[0].amount.text
    '$5 million'
    """
    return ArticleResult.model_validate(result.model_dump(), context={"text": text})


def parse_money(text: str) -> Money | None:
    """One amount of money, the whole string, normalised exactly; None if it is not money.

    >>> parse_money("RMB1 billion").value
    Decimal('1000000000')
    """
    from dealextract.money import parse_money as _parse

    return _parse(text)


def parse_date(text: str, reference: dt.date | dt.datetime | str | None = None) -> DateValue | None:
    """One date expression, resolved against ``reference`` (the publication date); None if not a date.

    >>> parse_date("two months ago", reference="2026-04-15").value
    datetime.date(2026, 2, 15)
    """
    from dealextract.dates import parse_date as _parse

    return _parse(text, reference)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``ArticleResult`` (what one output line of ``dealextract extract`` holds).

    >>> sorted(json_schema()["properties"])
    ['article_id', 'deals', 'entities', 'errors', 'published']
    """
    return ArticleResult.model_json_schema(mode="serialization")


def merge(results: Iterable[ArticleResult]) -> list[MergedDeal]:
    """Fold the deals of many articles into one ``MergedDeal`` per real-world deal.

    >>> a = extract("Acme Robotics raised $5 million from Foo Ventures.", article_id="a")
    >>> b = extract("Foo Ventures led a $5 million round in Acme Robotics.", article_id="b")
    >>> [(m.target.name, m.sources) for m in merge([a, b])]
    [('Acme Robotics', ['a', 'b'])]
    """
    from dealextract.deals.merge import merge_deals

    return merge_deals(results)


def error_result(info: ErrorInfo, article_id: str | None = None) -> ArticleResult:
    """A result that holds only an error: what batch readers emit for an unreadable input.

    >>> error_result(ErrorInfo(code="invalid_json", message="fix line 3", line=3), "x").errors[0].code
    'invalid_json'
    """
    return ArticleResult(article_id=article_id, errors=[info])
