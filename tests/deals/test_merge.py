"""Merging across articles: one MergedDeal per real-world deal, every source and disagreement kept."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import dealextract
from dealextract import ArticleResult, DateValue, Deal, Money, Party
from dealextract.deals.merge import same_deal

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def _deal(article: str, usd: str, *, target: str = "ShengShu Technology", round_: str | None = None,
          when: dt.date | None = None) -> Deal:  # fmt: skip
    return Deal(
        kind="funding_round",
        target=Party(name=target, role="target"),
        investors=[Party(name="Alibaba Cloud", role="lead")],
        amount=Money(value=Decimal("2000000000"), currency="CNY"),
        equivalents=[Money(value=Decimal(usd), currency="USD", approximate=True)],
        amount_usd=Decimal(usd),
        amount_usd_source="stated",
        round=round_,
        date=DateValue(value=when, granularity="day") if when else None,
        confidence=0.9,
        article_id=article,
    )


def test_two_tellings_merge_and_the_disagreement_is_listed() -> None:
    a = ArticleResult(article_id="a", deals=[_deal("a", "293000000")])
    b = ArticleResult(article_id="b", deals=[_deal("b", "290000000")])
    (merged,) = dealextract.merge([a, b])
    assert merged.sources == ["a", "b"]
    assert len(merged.deals) == 2
    usd = next(d for d in merged.disagreements if d.field == "amount_usd")
    assert {(v.value, tuple(v.sources)) for v in usd.values} == {("293000000", ("a",)), ("290000000", ("b",))}
    assert merged.amount is not None and merged.amount.value == Decimal("2000000000")


def test_different_rounds_dates_or_amounts_stay_apart() -> None:
    base = _deal("a", "293000000", round_="Series B", when=dt.date(2026, 4, 13))
    assert same_deal(base, _deal("b", "290000000", round_="Series B", when=dt.date(2026, 4, 14)))
    assert not same_deal(base, _deal("b", "293000000", round_="Series C"))
    assert not same_deal(base, _deal("b", "293000000", when=dt.date(2025, 6, 1)))
    assert not same_deal(base, _deal("b", "88000000"))
    assert not same_deal(base, _deal("b", "293000000", target="Tripo AI"))


def test_seed_story_tellings_merge() -> None:
    results = []
    for name in ("fx-001-shengshu-alibaba-wire", "fx-002-shengshu-alibaba-analysis"):
        case = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
        results.append(dealextract.extract(case["text"], published=case["published"], article_id=case["id"]))
    merged = dealextract.merge(results)
    big = next(m for m in merged if m.amount and m.amount.value == Decimal("2000000000"))
    assert big.target.name == "ShengShu Technology"
    assert set(big.sources) == {r.article_id for r in results}
    assert [(p.name, p.role) for p in big.investors] == [("Alibaba Cloud", "lead")]
    fields = {d.field for d in big.disagreements}
    assert "amount_usd" in fields  # about $293 million in one telling, about $290 million in the other
    small = next(m for m in merged if m.amount and m.amount.value == Decimal("600000000"))
    assert set(small.sources) == {r.article_id for r in results}
    assert "date" not in {d.field for d in small.disagreements}  # "two months earlier/before": one month
