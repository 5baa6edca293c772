"""The record contract: every model refuses inconsistent data and round-trips through JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from dealextract import (
    ArticleResult,
    DateValue,
    Deal,
    Entity,
    ErrorInfo,
    MergedDeal,
    Money,
    Party,
    Span,
    json_schema,
)

ARTICLE = "Acme Robotics raised $5 million from Foo Ventures."


def _deal(**changes: object) -> Deal:
    data: dict[str, object] = {
        "kind": "funding_round",
        "target": Party(name="Acme Robotics", text="Acme Robotics", start=0, end=13, role="target"),
        "investors": [Party(name="Foo Ventures", role="lead")],
        "amount": Money(value=Decimal("5000000"), currency="USD", text="$5 million", start=21, end=31),
        "confidence": 0.9,
    }
    data.update(changes)
    return Deal(**data)  # type: ignore[arg-type]


def test_money_is_exact_decimal_and_serialises_as_string() -> None:
    m = Money(value="4700000000", currency="USD")  # type: ignore[arg-type]
    assert m.value == Decimal("4700000000")
    assert m.model_dump(mode="json")["value"] == "4700000000"
    assert Money.model_validate_json(m.model_dump_json()) == m


@pytest.mark.parametrize(
    "data",
    [
        {"value": "1", "currency": "XYZ"},
        {"value": "1", "currency": "usd"},
        {"value": "-5", "currency": "USD"},
        {"min": "10", "max": "5", "currency": "USD"},
        {"value": "20", "min": "1", "max": "10", "currency": "USD"},
        {"currency": "USD"},
        {"value": "NaN", "currency": "USD"},
        {"value": "1", "currency": "USD", "start": 5, "end": 2},
        {"value": "1", "currency": "USD", "start": 5},
        {"value": "1", "currency": "USD", "surprise": True},
    ],
)
def test_money_rejects_inconsistent_data(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Money.model_validate(data)


def test_offsets_are_checked_against_the_article_when_it_is_known() -> None:
    good = {"value": "5000000", "currency": "USD", "text": "$5 million", "start": 21, "end": 31}
    assert Money.model_validate(good, context={"text": ARTICLE}).value == Decimal("5000000")
    with pytest.raises(ValidationError, match="differs from the article"):
        Money.model_validate({**good, "start": 20, "end": 30}, context={"text": ARTICLE})
    with pytest.raises(ValidationError, match="past the article"):
        Span.model_validate({"text": "x", "start": 100, "end": 101}, context={"text": ARTICLE})


def test_date_value_rules() -> None:
    assert DateValue(value=dt.date(2026, 4, 1), granularity="month").relative is False
    assert DateValue(granularity="month", relative=True).value is None
    with pytest.raises(ValidationError):
        DateValue(granularity="month")  # an absolute date needs a value
    with pytest.raises(ValidationError):
        DateValue(value=dt.date(2026, 4, 1), granularity="week")  # type: ignore[arg-type]


def test_entity_normalised_type_follows_label() -> None:
    money = Money(value=Decimal(5), currency="USD")
    assert Entity(label="MONEY", text="$5", start=0, end=2, normalized=money).normalized == money
    with pytest.raises(ValidationError):
        Entity(label="MONEY", text="Acme", start=0, end=4, normalized="Acme")
    with pytest.raises(ValidationError):
        Entity(label="ORG", text="$5", start=0, end=2, normalized=money)


def test_deal_rules() -> None:
    assert _deal().confidence == 0.9
    with pytest.raises(ValidationError, match="its own investor"):
        _deal(investors=[Party(name="ACME ROBOTICS", role="lead")])
    with pytest.raises(ValidationError):
        _deal(confidence=1.5)
    with pytest.raises(ValidationError):
        _deal(target=Party(name="Acme Robotics", role="lead"))
    with pytest.raises(ValidationError):
        _deal(kind="acquisition")  # its buyer has role lead, not acquirer
    with pytest.raises(ValidationError):
        _deal(amount_usd=Decimal(5))  # without a source
    with pytest.raises(ValidationError):
        _deal(kind="merger")


def test_article_result_round_trips_and_validates_against_text() -> None:
    money = Money(value=Decimal("5000000"), currency="USD", text="$5 million", start=21, end=31)
    result = ArticleResult(
        article_id="a1",
        published=dt.date(2026, 3, 2),
        entities=[
            Entity(label="ORG", text="Acme Robotics", start=0, end=13, normalized="Acme Robotics"),
            Entity(label="MONEY", text="$5 million", start=21, end=31, normalized=money),
        ],
        deals=[_deal()],
    )
    again = ArticleResult.model_validate_json(result.model_dump_json(), context={"text": ARTICLE})
    assert again == result
    with pytest.raises(ValidationError):
        ArticleResult.model_validate(result.model_dump(), context={"text": "something else entirely"})


def test_entities_must_be_in_text_order() -> None:
    a = Entity(label="ORG", text="Foo", start=10, end=13, normalized="Foo")
    b = Entity(label="ORG", text="Acme", start=0, end=4, normalized="Acme")
    with pytest.raises(ValidationError, match="text order"):
        ArticleResult(entities=[a, b])


def test_error_info_codes_are_short_stable_words() -> None:
    assert ErrorInfo(code="invalid_json", message="fix it", line=3).line == 3
    with pytest.raises(ValidationError):
        ErrorInfo(code="Invalid JSON!", message="fix it")
    with pytest.raises(ValidationError):
        ErrorInfo(code="bad_date", message="")


def test_merged_deal_extends_deal() -> None:
    merged = MergedDeal(**_deal().model_dump(), sources=["a1", "a2"], deals=[_deal(), _deal()])
    assert merged.sources == ["a1", "a2"]


def test_json_schema_describes_article_result() -> None:
    schema = json_schema()
    assert schema["title"] == "ArticleResult"
    assert {"entities", "deals", "errors"} <= set(schema["properties"])
    assert "Deal" in schema["$defs"] and "Money" in schema["$defs"]
