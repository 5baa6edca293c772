"""An article's text as HTML: entities highlighted in displaCy's entity style, evidence sentences marked.

Why our own markup rather than ``spacy.displacy.render(style="ent")``: displaCy's entity style cannot nest
the entities inside a second layer of spans, and a reviewer needs both at once: the organisations,
amounts, dates and models, and the sentences each deal was read from.  The ``<mark class="entity">``
element and its inline style are displaCy's own (``spacy.displacy.templates.TPL_ENT``), so the page looks
like any displaCy output; labels and colours are ours (``LABEL_COLORS``).

Layers must nest to be valid HTML: an evidence sentence boundary that falls inside an entity is moved to
the entity's start, so an entity is always wholly inside or wholly outside each evidence stretch.  Every
piece of text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from dealextract.records import ArticleResult, DateValue, Entity, Money

# Our four labels and their colours (the first three are displaCy's own for ORG, MONEY and DATE).
LABEL_COLORS: dict[str, str] = {
    "ORG": "#7aecec",
    "MONEY": "#e4e7d2",
    "DATE": "#bfe1d9",
    "MODEL": "#c887fb",
}

# displaCy's entity template (spacy.displacy.templates.TPL_ENT), with a title for the normalised value.
_TPL_ENT = (
    '<mark class="entity ent-{label_lower}" data-label="{label}" title="{title}" '
    'style="background: {bg}; padding: 0.45em 0.6em; margin: 0 0.25em; line-height: 1; '
    'border-radius: 0.35em;">{text}<span style="font-size: 0.8em; font-weight: bold; line-height: 1; '
    'border-radius: 0.35em; vertical-align: middle; margin-left: 0.5rem">{label}</span></mark>'
)


@dataclass(frozen=True, slots=True)
class EvidencePiece:
    """A stretch of text that is evidence for some deals (indices into ``result.deals``)."""

    start: int
    end: int
    deals: tuple[int, ...]


def describe(value: Money | DateValue | str) -> str:
    """The normalised value of an entity as a reader sees it in the tooltip."""
    if isinstance(value, str):
        return value
    if isinstance(value, Money):
        return money_text(value)
    if value.value is None:
        return f"relative date ({value.granularity}), no publication date to resolve it"
    return f"{value.value.isoformat()} ({value.granularity}{', relative' if value.relative else ''})"


def money_text(m: Money) -> str:
    """ "2000000000 CNY", "≥ 5000000 USD", "1000000–2000000 EUR", with "≈" for approximate amounts."""
    cur = f" {m.currency}" if m.currency else ""
    approx = "≈ " if m.approximate else ""
    if m.value is not None:
        return f"{approx}{m.value:,}{cur}"
    if m.min is not None and m.max is not None:
        return f"{approx}{m.min:,}–{m.max:,}{cur}"
    if m.min is not None:
        return f"≥ {m.min:,}{cur}"
    return f"≤ {m.max:,}{cur}"


def evidence_pieces(result: ArticleResult, entities: Sequence[Entity], length: int) -> list[EvidencePiece]:
    """The evidence of every deal cut into pieces that each belong to one set of deals, and that never
    cut an entity in two."""

    def snap(offset: int) -> int:
        for ent in entities:
            if ent.start < offset < ent.end:
                return ent.start
        return offset

    spans: list[tuple[int, int, int]] = []
    for index, deal in enumerate(result.deals):
        for ev in deal.evidence:
            start, end = snap(max(0, ev.start)), snap(min(length, ev.end))
            if start < end:
                spans.append((start, end, index))
    bounds = sorted({b for s, e, _ in spans for b in (s, e)})
    pieces: list[EvidencePiece] = []
    for a, b in itertools.pairwise(bounds):
        deals = tuple(sorted({i for s, e, i in spans if s <= a and b <= e}))
        if deals:
            pieces.append(EvidencePiece(a, b, deals))
    return pieces


def _entity_html(text: str, ent: Entity) -> str:
    return _TPL_ENT.format(
        label=ent.label,
        label_lower=ent.label.lower(),
        title=html.escape(describe(ent.normalized)),
        bg=LABEL_COLORS.get(ent.label, "#ddd"),
        text=html.escape(text[ent.start : ent.end]),
    )


def _plain_with_entities(text: str, start: int, end: int, entities: Sequence[Entity]) -> str:
    """``text[start:end]`` with the entities inside it marked (entities never cross the bounds)."""
    out: list[str] = []
    cursor = start
    for ent in entities:
        if ent.end <= start or ent.start >= end:
            continue
        out.append(html.escape(text[cursor : ent.start]))
        out.append(_entity_html(text, ent))
        cursor = ent.end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def article_html(text: str, result: ArticleResult, article_index: int) -> str:
    """The article's text as HTML, in a ``div.entities`` as displaCy makes it.

    Each evidence piece is a ``span.evidence`` whose ``data-deals`` lists the deal card ids it supports,
    so hovering a card can light its sentences up.
    """
    entities = [e for e in result.entities if 0 <= e.start < e.end <= len(text)]
    pieces = evidence_pieces(result, entities, len(text))
    out: list[str] = []
    cursor = 0
    for piece in pieces:
        out.append(_plain_with_entities(text, cursor, piece.start, entities))
        ids = " ".join(deal_id(article_index, i) for i in piece.deals)
        out.append(f'<span class="evidence" data-deals="{ids}">')
        out.append(_plain_with_entities(text, piece.start, piece.end, entities))
        out.append("</span>")
        cursor = piece.end
    out.append(_plain_with_entities(text, cursor, len(text), entities))
    return f'<div class="entities" style="line-height: 2.5; direction: ltr">{"".join(out)}</div>'


def deal_id(article_index: int, deal_index: int) -> str:
    """The HTML id of a deal card: stable, and safe in a CSS selector."""
    return f"deal-{article_index}-{deal_index}"
