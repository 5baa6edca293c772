"""One deal as one flat row: the shape shared by the deals table (``--deals-table``) and ``to_dataframe``.

Values keep their types here (``Decimal`` amounts, ``date`` dates); each consumer converts them for its
medium (strings for CSV, Arrow decimals for pandas), so there is one definition of what a row holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from dealextract.records import ArticleResult, DateValue, Deal, Money


def _joined(names: Iterable[str]) -> str | None:
    text = "; ".join(names)
    return text or None


def _money_parts(m: Money | None) -> tuple[Decimal | None, str | None]:
    return (None, None) if m is None else (m.value, m.currency)


def _date_parts(d: DateValue | None) -> tuple[Any, str | None]:
    return (None, None) if d is None else (d.value, d.granularity)


def deal_row(result: ArticleResult, position: int, index: int, deal: Deal) -> dict[str, Any]:
    """One deal as a flat row: the article's place and id, the deal's terms, its parties by role."""
    amount, currency = _money_parts(deal.amount)
    valuation, valuation_currency = _money_parts(deal.valuation)
    date, granularity = _date_parts(deal.date)
    first = deal.evidence[0] if deal.evidence else None
    return {
        "position": position,
        "article_id": result.article_id,
        "published": result.published,
        "deal_index": index,
        "kind": deal.kind,
        "status": deal.status,
        "target": deal.target.name,
        "amount": amount,
        "currency": currency,
        "amount_min": None if deal.amount is None else deal.amount.min,
        "amount_max": None if deal.amount is None else deal.amount.max,
        "amount_approximate": None if deal.amount is None else deal.amount.approximate,
        "amount_text": None if deal.amount is None else deal.amount.text,
        "amount_usd": deal.amount_usd,
        "amount_usd_source": deal.amount_usd_source,
        "valuation": valuation,
        "valuation_currency": valuation_currency,
        "round": deal.round,
        "date": date,
        "date_granularity": granularity,
        "leads": _joined(p.name for p in deal.investors if p.role == "lead"),
        "co_leads": _joined(p.name for p in deal.investors if p.role == "co_lead"),
        "participants": _joined(p.name for p in deal.investors if p.role == "participant"),
        "acquirers": _joined(p.name for p in deal.investors if p.role == "acquirer"),
        "n_investors": len(deal.investors),
        "models": _joined(deal.models),
        "confidence": deal.confidence,
        "flags": _joined(deal.flags),
        "evidence_start": None if first is None else first.start,
        "evidence_end": None if first is None else first.end,
        "evidence": None if first is None else first.text,
    }


def deal_rows(result: ArticleResult, position: int) -> list[dict[str, Any]]:
    return [deal_row(result, position, i, deal) for i, deal in enumerate(result.deals)]
