"""The story this project started from, retold in our own words (fixtures fx-001 to fx-003).

Acceptance checks across the components: the organisations and models the story names, its four deals
with their roles, amounts, equivalents and dates, and no news outlet or university as a deal party.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import dealextract
from dealextract import ArticleResult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
STORY = ("fx-001-shengshu-alibaba-wire", "fx-002-shengshu-alibaba-analysis", "fx-003-alibaba-tripo-pixverse")


@cache
def result(name: str) -> ArticleResult:
    case = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return dealextract.extract(case["text"], published=case["published"], article_id=case["id"])


def _labelled(label: str) -> set[tuple[str, str]]:
    return {(str(e.normalized), e.text) for name in STORY for e in result(name).entities if e.label == label}


def test_organisations_of_the_story() -> None:
    orgs = _labelled("ORG")
    names = {n for n, _ in orgs}
    assert {
        "Alibaba Cloud",
        "ShengShu Technology",
        "Qiming Venture Partners",
        "Tripo AI",
        "PixVerse",
    } <= names
    assert ("ShengShu Technology", "ShengShu") in orgs  # the short form is an alias of the full name


def test_models_of_the_story() -> None:
    models = {n for n, _ in _labelled("MODEL")}
    assert {"Qwen", "Vidu", "Vidu Q3", "Vidu Q3 Pro", "Motus", "HappyHorse"} <= models
    assert not models & {"Alibaba", "ShengShu", "Alibaba Cloud"}


def test_no_outlet_or_university_is_a_deal_party() -> None:
    for name in STORY:
        for deal in result(name).deals:
            parties = [deal.target.name, *(p.name for p in deal.investors)]
            assert not any(p.startswith(("Reuters", "CNBC", "Bloomberg", "Tsinghua")) for p in parties)


def test_the_two_shengshu_rounds() -> None:
    deals = result(STORY[0]).deals
    assert len(deals) == 2
    big, earlier = sorted(deals, key=lambda d: -(d.amount.value if d.amount and d.amount.value else 0))
    assert big.target.name == "ShengShu Technology"
    assert [(p.name, p.role) for p in big.investors] == [("Alibaba Cloud", "lead")]
    assert big.amount is not None and (big.amount.value, big.amount.currency) == (
        Decimal(2_000_000_000),
        "CNY",
    )
    assert [(e.value, e.currency) for e in big.equivalents] == [(Decimal(293_000_000), "USD")]
    assert (big.amount_usd, big.amount_usd_source) == (Decimal(293_000_000), "stated")
    assert big.date is not None and big.date.value == dt.date(2026, 4, 13)  # "said on Monday"
    assert earlier.amount is not None and earlier.amount.value == Decimal(600_000_000)
    assert [(p.name, p.role) for p in earlier.investors] == [("Qiming Venture Partners", "participant")]
    assert earlier.date is not None and earlier.date.value is not None
    assert (earlier.date.value.year, earlier.date.value.month) == (2026, 2)  # "two months earlier"


@pytest.mark.parametrize(
    ("target", "role", "usd"), [("Tripo AI", "co_lead", 50_000_000), ("PixVerse", "lead", 60_000_000)]
)
def test_alibabas_other_bets(target: str, role: str, usd: int) -> None:
    deal = next(d for d in result(STORY[2]).deals if d.target.name == target)
    assert [(p.name, p.role) for p in deal.investors] == [("Alibaba Group", role)]
    assert deal.amount_usd == Decimal(usd)


def test_story_dates_resolve_against_publication() -> None:
    dates = {e.text: e.normalized for name in STORY[:2] for e in result(name).entities if e.label == "DATE"}
    expected = {
        "two months earlier": (2026, 2),
        "two months before": (2026, 2),
        "earlier this year": (2026, 1),
        "December 2025": (2025, 12),
    }
    for text, (year, month) in expected.items():
        value = dates[text].value  # type: ignore[union-attr]
        assert (value.year, value.month) == (year, month), text
