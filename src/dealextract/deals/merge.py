"""Merging across articles: many tellings of one real-world deal become one ``MergedDeal``.

The rule, in full (documented in docs/deals.md as well):

* Two deals are the same deal when their targets match (``dealextract.names.names_match``), both are
  acquisitions or both are not, their rounds are equal or one is unknown, their dates are within
  ``max_days`` of each other or one is unknown, and their amounts are compatible: the USD amounts within
  ``tolerance`` of each other, or the same currency within ``tolerance``, or one amount unknown.
* Each field of the merged deal holds the value most of its articles give (ties: the most confident
  article's).  Where the articles disagree, ``disagreements`` lists every value with the articles that
  gave it: nothing is hidden ("$293 million" in one, "$290 million" in another).
* Investors are the union of every article's investors; an explicit role (lead, co-lead) beats
  participant.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from dealextract.names import names_match
from dealextract.records import (
    ArticleResult,
    DateValue,
    Deal,
    Disagreement,
    DisagreementValue,
    MergedDeal,
    Money,
    Party,
)

COMPARED_FIELDS = ("kind", "status", "amount", "equivalents", "amount_usd", "round", "date", "valuation")
_ROLE_RANK = {"lead": 3, "co_lead": 2, "acquirer": 3, "participant": 1, "target": 0}


def _close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    high = max(a, b)
    return high == 0 or abs(a - b) / high <= tolerance


def _amounts_compatible(a: Deal, b: Deal, tolerance: Decimal) -> bool:
    if a.amount_usd is not None and b.amount_usd is not None:
        return _close(a.amount_usd, b.amount_usd, tolerance)
    if a.amount and b.amount and a.amount.value is not None and b.amount.value is not None:
        if a.amount.currency == b.amount.currency:
            return _close(a.amount.value, b.amount.value, tolerance)
        return True  # different currencies and no dollar figure: nothing to compare honestly
    return True


def same_deal(a: Deal, b: Deal, *, max_days: int = 120, tolerance: Decimal = Decimal("0.10")) -> bool:
    """Whether two deal records describe the same real-world deal (see the module doc)."""
    if not names_match(a.target.name, b.target.name):
        return False
    if (a.kind == "acquisition") != (b.kind == "acquisition"):
        return False
    if a.round and b.round and a.round != b.round:
        return False
    if (
        a.date
        and b.date
        and a.date.value
        and b.date.value
        and abs((a.date.value - b.date.value).days) > max_days
    ):
        return False
    return _amounts_compatible(a, b, tolerance)


def _comparable(field: str, value: Any) -> str:
    """A stable key for a field's value, ignoring where in its article it was written."""
    if value is None:
        return "null"
    if isinstance(value, Money):
        return f"{value.value}|{value.currency}|{value.min}|{value.max}"
    if isinstance(value, list):
        return json.dumps(sorted(_comparable(field, v) for v in value))
    if isinstance(value, DateValue):
        if value.relative and value.value is not None:
            # "two months earlier" in articles published days apart is the same month, not a dispute
            return f"{value.value:%Y-%m}|relative"
        return f"{value.value}|{value.granularity}"
    return str(value)


def _fold(group: list[Deal]) -> MergedDeal:
    ranked = sorted(group, key=lambda d: -d.confidence)
    best = ranked[0]
    agreed: dict[str, Any] = {}
    disagreements: list[Disagreement] = []
    for field in COMPARED_FIELDS:
        by_key: dict[str, tuple[Any, list[str | None]]] = {}
        for deal in ranked:
            value = getattr(deal, field)
            if field == "amount_usd" and deal.amount_usd_source != "stated":
                value = None  # a conversion at the reference rate is ours, not the article's claim
            key = _comparable(field, value)
            by_key.setdefault(key, (value, []))[1].append(deal.article_id)
        known = {k: v for k, v in by_key.items() if k not in ("null", "[]")}
        pick_from = known or by_key
        agreed[field] = max(pick_from.values(), key=lambda v: len(v[1]))[0]
        if len(known) > 1:
            disagreements.append(
                Disagreement(
                    field=field,
                    values=[
                        DisagreementValue(value=_jsonable(v), sources=list(dict.fromkeys(ids)))
                        for v, ids in known.values()
                    ],
                )
            )
    investors: list[Party] = []
    for deal in ranked:
        for party in deal.investors:
            same = next((p for p in investors if names_match(p.name, party.name)), None)
            if same is None:
                investors.append(party)
            elif _ROLE_RANK[party.role] > _ROLE_RANK[same.role]:
                investors[investors.index(same)] = party
    amount_usd = agreed["amount_usd"]
    if amount_usd is None:  # no article states a dollar figure: fall back to a reference-rate one
        amount_usd = next((d.amount_usd for d in ranked if d.amount_usd is not None), None)
    source = next((d.amount_usd_source for d in ranked if d.amount_usd == amount_usd), None)
    return MergedDeal(
        kind=agreed["kind"],
        status=agreed["status"],
        target=max((d.target for d in group), key=lambda p: len(p.name)),
        investors=[p for p in investors if not names_match(p.name, best.target.name)],
        amount=agreed["amount"],
        equivalents=agreed["equivalents"] or [],
        valuation=agreed["valuation"],
        amount_usd=amount_usd,
        amount_usd_source=source if amount_usd is not None else None,
        flags=sorted({f for d in group for f in d.flags}),
        round=agreed["round"],
        date=agreed["date"],
        models=list(dict.fromkeys(m for d in group for m in d.models)),
        evidence=best.evidence,
        confidence=max(d.confidence for d in group),
        article_id=best.article_id,
        sources=list(dict.fromkeys(d.article_id for d in group)),
        deals=group,
        disagreements=disagreements,
    )


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def merge_deals(
    results: Iterable[ArticleResult], *, max_days: int = 120, tolerance: Decimal = Decimal("0.10")
) -> list[MergedDeal]:
    """One ``MergedDeal`` per real-world deal, in order of first appearance."""
    groups: list[list[Deal]] = []
    for result in results:
        for deal in result.deals:
            if deal.article_id is None and result.article_id is not None:
                deal = deal.model_copy(update={"article_id": result.article_id})
            home = next(
                (
                    g
                    for g in groups
                    if all(same_deal(deal, other, max_days=max_days, tolerance=tolerance) for other in g)
                ),
                None,
            )
            if home is None:
                groups.append([deal])
            else:
                home.append(deal)
    return [_fold(g) for g in groups]
