"""Articles longer than the size limit, processed in pieces with offsets into the whole article.

Why: a scraped page or a dump with broken lines can be megabytes long.  Cutting it silently loses
deals; refusing it loses the article; running it whole needs ``nlp.max_length`` raised for every
article.  ``extract_chunked`` cuts the text into chunks no longer than the limit, preferring a paragraph
break, then a line break, then a sentence end, then a space (a hard cut only when the window holds none),
runs the pipeline on each, shifts every offset back by the chunk's start and merges the results.

Seams: consecutive chunks overlap by up to ``overlap`` characters so a mention or sentence cut by one
chunk's end is read whole by the next.  Each chunk *owns* the part of the text between the midpoints of
its overlaps; an entity or deal is kept only from the chunk that owns its start, and what is left
overlapping after that (a mention straddling a midpoint) is settled the way ``doc_entities`` settles
overlaps: the earlier, then the longer, wins.  Deals are not owned but folded: the tellings of one deal
(same kind, target, amount and round) from several chunks become one record with the evidence of all,
as the whole-article pipeline folds a restated deal.  So every record appears once and every offset
satisfies ``text == article[start:end]``.

Every step is linear in the article's length: boundary searches use ``str.rfind``/``str.find`` and
bounded regex scans over one window per chunk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel
from spacy.language import Language

from dealextract.records import Article, ArticleResult, Deal, Entity, Span

OnTooLarge = Literal["chunk", "error"]

# Characters of context two chunks share (at most a quarter of the chunk size, so chunks always advance).
DEFAULT_OVERLAP = 2_000

# A sentence end: final punctuation, optional closing quotes/brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]»]{0,3}\s")
_SPACES = (" ", "\n", "\t", "\u00a0", "\u3000")

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Chunk:
    """``text[start:end]`` is read by the pipeline; records starting in ``[own_start, own_end)`` are kept."""

    start: int
    end: int
    own_start: int
    own_end: int


def _cut(text: str, lo: int, hi: int) -> int:
    """The best place in ``(lo, hi]`` to end a chunk: after a paragraph, line, sentence or space."""
    para = text.rfind("\n\n", lo, hi)
    if para > lo:
        return para + 2
    line = text.rfind("\n", lo, hi)
    if line > lo:
        return line + 1
    last_sentence = -1
    for m in _SENTENCE_END.finditer(text, lo, hi):
        last_sentence = m.end()
    if last_sentence > lo:
        return last_sentence
    space = max(text.rfind(s, lo, hi) for s in _SPACES)
    if space > lo:
        return space + 1
    return hi


def _restart(text: str, lo: int, hi: int) -> int:
    """Where the next chunk starts in ``[lo, hi]``: the first line or sentence start, else a word start."""
    line = text.find("\n", lo, hi)
    sentence = _SENTENCE_END.search(text, lo, hi)
    found = [p for p in (line + 1 if line >= 0 else -1, sentence.end() if sentence else -1) if p >= 0]
    if found:
        return min(min(found), hi)
    spaces = [p for p in (text.find(s, lo, hi) for s in _SPACES) if p >= 0]
    return min(spaces) + 1 if spaces else lo


def plan_chunks(text: str, max_chars: int, overlap: int = DEFAULT_OVERLAP) -> list[Chunk]:
    """The chunks of ``text``, each at most ``max_chars`` long, covering it with bounded overlaps.

    Sentence ends make clean cuts; inside one long sentence, chunks share a few words:

    >>> text = "Acme raised money. Foo Ventures led it. Bar Capital joined."
    >>> [text[c.start : c.end] for c in plan_chunks(text, 24, overlap=8)]
    ['Acme raised money. ', 'Foo Ventures led it. ', 'Bar Capital joined.']
    >>> text = "Acme raised money from Foo Ventures and Bar Capital"
    >>> [text[c.start : c.end] for c in plan_chunks(text, 24, overlap=8)]
    ['Acme raised money from ', 'from Foo Ventures and ', 'and Bar Capital']
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    n = len(text)
    if n <= max_chars:
        return [Chunk(0, n, 0, n)]
    overlap = max(0, min(overlap, max_chars // 4))
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        if n - start <= max_chars:
            spans.append((start, n))
            break
        limit = start + max_chars
        end = _cut(text, start + max_chars // 2, limit)
        spans.append((start, end))
        nxt = _restart(text, max(start + 1, end - overlap), end) if overlap else end
        start = max(nxt, start + 1)
    chunks: list[Chunk] = []
    own_start = 0
    for i, (s, e) in enumerate(spans):
        own_end = n if i + 1 == len(spans) else (spans[i + 1][0] + e) // 2
        own_end = max(own_end, own_start)
        chunks.append(Chunk(s, e, own_start, own_end))
        own_start = own_end
    return chunks


def shift(record: M, delta: int) -> M:
    """A copy of ``record`` with every nested ``start``/``end`` offset moved by ``delta``."""
    if delta == 0:
        return record
    updates: dict[str, object] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            updates[name] = shift(value, delta)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            updates[name] = [shift(v, delta) for v in value]
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if isinstance(start, int) and isinstance(end, int):
        updates["start"], updates["end"] = start + delta, end + delta
    return record.model_copy(update=updates)


def _deal_start(deal: Deal) -> int:
    """Where a deal is anchored for ownership: its first evidence, else its target mention."""
    if deal.evidence:
        return deal.evidence[0].start
    if deal.target.start is not None:
        return deal.target.start
    return deal.amount.start if deal.amount is not None and deal.amount.start is not None else 0


def _deal_key(deal: Deal) -> tuple[object, ...]:
    """What makes two deals one: the whole-article pipeline also folds a restated deal into one record."""
    amount = (deal.amount.value, deal.amount.currency) if deal.amount is not None else None
    return (deal.kind, deal.target.name.casefold(), amount, deal.round)


def _fold(first: Deal, again: Deal) -> Deal:
    """``first`` with the evidence and investors that a later chunk's telling of the same deal adds."""
    evidence: list[Span] = []
    for span in sorted(first.evidence + again.evidence, key=lambda e: (e.start, -(e.end - e.start))):
        if not evidence or span.start >= evidence[-1].end:
            evidence.append(span)  # a sentence read by two chunks counts once (the longer reading)
    names = {p.name.casefold() for p in first.investors}
    investors = first.investors + [p for p in again.investors if p.name.casefold() not in names]
    return first.model_copy(update={"evidence": evidence, "investors": investors})


def _chunk_results(
    nlp: Language, article: Article, chunks: list[Chunk]
) -> Iterator[tuple[Chunk, ArticleResult]]:
    """The result of every chunk that holds more than whitespace, offsets relative to the chunk."""
    from dealextract.api import doc_to_result

    for chunk in chunks:
        piece = article.text[chunk.start : chunk.end]
        if not piece.strip():
            continue
        doc = nlp.make_doc(piece)
        doc._.dealextract_published = article.published
        doc._.dealextract_article_id = article.id
        yield chunk, doc_to_result(nlp(doc))


def merge_chunks(text: str, parts: Iterator[tuple[Chunk, ArticleResult]], article: Article) -> ArticleResult:
    """One result for the whole article from per-chunk results: shifted, owned, overlap-free, deduplicated."""
    entities: list[Entity] = []
    deals: list[Deal] = []
    seen_entities: set[tuple[str, int, int]] = set()
    seen_deals: dict[tuple[object, ...], int] = {}
    for chunk, result in parts:
        for ent in result.entities:
            start = ent.start + chunk.start
            if not chunk.own_start <= start < chunk.own_end:
                continue
            ent_key = (ent.label, start, ent.end + chunk.start)
            if ent_key not in seen_entities:
                seen_entities.add(ent_key)
                entities.append(shift(ent, chunk.start))
        for deal in result.deals:
            # No ownership test for deals: two chunks' tellings of one deal are folded by ``_deal_key``.
            moved = shift(deal, chunk.start)
            key = _deal_key(moved)
            if key in seen_deals:
                deals[seen_deals[key]] = _fold(deals[seen_deals[key]], moved)
            else:
                seen_deals[key] = len(deals)
                deals.append(moved)
    entities.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for ent in entities:
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    deals.sort(key=_deal_start)
    merged = ArticleResult(article_id=article.id, published=article.published, entities=kept, deals=deals)
    # Re-validate against the whole article: a wrong shift must fail here, not reach a user.
    return ArticleResult.model_validate(merged.model_dump(), context={"text": text})


def extract_chunked(
    nlp: Language, article: Article, max_chars: int, overlap: int = DEFAULT_OVERLAP
) -> ArticleResult:
    """Run the pipeline over ``article`` in chunks of at most ``max_chars`` and merge the results.

    ``max_chars`` larger than ``nlp.max_length`` is lowered to it, since spaCy refuses longer texts.
    """
    size = max(1, min(max_chars, nlp.max_length))
    chunks = plan_chunks(article.text, size, overlap)
    return merge_chunks(article.text, _chunk_results(nlp, article, chunks), article)


__all__ = [
    "DEFAULT_OVERLAP",
    "Chunk",
    "OnTooLarge",
    "extract_chunked",
    "merge_chunks",
    "plan_chunks",
    "shift",
]
