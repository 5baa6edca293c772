"""ECB rates (bundled file, no network), the pint registry's currency safety, and Money validation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pint
import pytest
from pydantic import ValidationError

from dealextract.money import find_money, parse_money
from dealextract.money.numbers import SCALES
from dealextract.money.rates import disagrees, to_usd, usd_rate
from dealextract.money.units import convert, quantity, registry
from dealextract.records import Money

DAY = dt.date(2024, 5, 2)  # a Thursday with ECB rates: 1 USD = 7.24 CNY, 1 EUR = 1.07 USD


def test_to_usd_is_decimal_and_whole_units() -> None:
    usd = to_usd(Decimal("2000000000"), "CNY", DAY)
    assert isinstance(usd, Decimal)
    assert usd == usd.to_integral_value()
    assert Decimal("270000000") < usd < Decimal("285000000")


def test_to_usd_takes_the_nearest_date_and_knows_its_limits() -> None:
    weekend = to_usd(Decimal(1000), "EUR", dt.date(2024, 5, 4))  # a Saturday: interpolated, not an error
    assert weekend is not None and Decimal(1050) < weekend < Decimal(1100)
    assert to_usd(Decimal(1000), "EUR", dt.date(1990, 1, 1)) is not None  # before the file: first date
    assert to_usd(Decimal(1000), "TWD", DAY) is None  # the ECB does not quote TWD
    assert to_usd(Decimal(5), "USD", DAY) == Decimal(5)


def test_disagrees_on_a_known_date() -> None:
    yuan = parse_money("2 billion yuan")
    fair = parse_money("$276 million")
    wrong = parse_money("$350 million")
    assert yuan is not None and fair is not None and wrong is not None
    assert disagrees(yuan, fair, DAY) is False
    assert disagrees(yuan, wrong, DAY) is True
    assert disagrees(yuan, wrong, DAY, tolerance=Decimal("0.5")) is False


def test_disagrees_cannot_judge_without_values_or_rates() -> None:
    yuan = parse_money("2 billion yuan")
    vague = parse_money("hundreds of millions of dollars")
    taiwan = parse_money("NT$1 billion")
    assert yuan is not None and vague is not None and taiwan is not None
    assert disagrees(yuan, vague, DAY) is None
    assert disagrees(yuan, taiwan, DAY) is None


def test_rates_never_touch_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    assert usd_rate("GBP", dt.date(2023, 3, 1)) is not None


def test_currencies_are_separate_dimensions() -> None:
    with pytest.raises(pint.DimensionalityError):
        _ = quantity(Decimal(5), "CNY") + quantity(Decimal(1), "USD")
    with pytest.raises(pint.DimensionalityError):
        quantity(Decimal(5), "CNY").to("USD")


def test_scale_words_are_plain_factors() -> None:
    q = quantity(Decimal("1.5"), "CNY", "billion")
    assert q.magnitude == Decimal("1500000000")
    assert str(q.units) == "CNY"
    for word in ("thousand", "million", "billion", "trillion", "crore", "lakh"):
        assert registry().Quantity(Decimal(1), word).to("dimensionless").magnitude == SCALES[word]


def test_conversion_only_through_an_explicit_rate() -> None:
    assert convert(Decimal(100), "EUR", "USD", Decimal("1.10")) == Decimal("110.00")
    with pytest.raises(pint.DimensionalityError):
        quantity(Decimal(100), "EUR").to("USD")  # no rate, no conversion
    ureg = registry()
    with pytest.raises(pint.DimensionalityError):  # a rate of another pair leaves a unit behind
        (quantity(Decimal(100), "EUR") * ureg.Quantity(Decimal("0.14"), "USD / CNY")).to("USD")


def test_conversions_do_not_grow_the_registry() -> None:
    before = len(registry()._contexts)
    for day in range(50):
        convert(Decimal(100), "EUR", "USD", Decimal("1.10") + Decimal(day) / 1000)
    assert len(registry()._contexts) == before


def test_money_validation_refuses_inconsistent_records() -> None:
    with pytest.raises(ValidationError):
        Money(value=Decimal(1), currency="XYZ")
    with pytest.raises(ValidationError):
        Money(min=Decimal(10), max=Decimal(5), currency="USD")
    with pytest.raises(ValidationError):
        Money(currency="USD")
    text = "They raised $5 million."
    found, _ = find_money(text)
    Money.model_validate(found[0].model_dump(), context={"text": text})
    with pytest.raises(ValidationError):
        Money.model_validate(found[0].model_dump(), context={"text": "They raised $6 million."})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("US$4.7 billion", "4700000000"),
        ("0.1 million dollars", "100000"),
        ("$13 009 million", "13009000000"),
        ("RMB1bn", "1000000000"),
        ("$2.25 billion", "2250000000"),
        ("€0.001 billion", "1000000"),
    ],
)
def test_exact_arithmetic(text: str, value: str) -> None:
    money = parse_money(text)
    assert money is not None
    assert money.value == Decimal(value)
    assert str(money.model_dump(mode="json")["value"]) == value
