"""find_money on whole sentences: offsets, several amounts, equivalents and context decisions.

The examples live beside the rules in src/dealextract/money/data/sentences.jsonl.
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from dealextract.money import find_money
from dealextract.records import Money


def _cases() -> list[Any]:
    text = resources.files("dealextract.money").joinpath("data/sentences.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [pytest.param(row, id=row["text"][:50]) for row in rows]


def _dec(raw: str | None) -> Decimal | None:
    return None if raw is None else Decimal(raw)


@pytest.mark.parametrize("case", _cases())
def test_sentence(case: dict[str, Any]) -> None:
    text = case["text"]
    found, links = find_money(text)
    assert [m.text for m in found] == [a["text"] for a in case["amounts"]]
    for m, expected in zip(found, case["amounts"], strict=True):
        assert m.start is not None and m.end is not None
        assert text[m.start : m.end] == m.text
        assert m.value == _dec(expected.get("value"))
        assert m.currency == expected["currency"]
        assert m.approximate is expected.get("approximate", False)
        assert m.min == _dec(expected.get("min"))
        assert m.max == _dec(expected.get("max"))
        assert m.unit == expected.get("unit")
        Money.model_validate(m.model_dump(), context={"text": text})
    starts = [m.start or 0 for m in found]
    assert starts == sorted(starts)
    expected_links = {}
    for equivalent, primary in case["links"]:
        at = text.index(equivalent)
        expected_links[at] = text.rindex(primary, 0, at)
    assert links == expected_links


def test_ambiguous_signs_say_how_they_were_decided() -> None:
    found, _ = find_money("Shanghai-based Ruyi raised ¥300 million from Chinese funds.")
    assert found[0].currency == "CNY"
    assert found[0].currency_note and "Chinese" in found[0].currency_note
    found, _ = find_money("It raised $5 million.")
    assert found[0].currency == "USD" and found[0].currency_note


def test_hostile_input_is_read_without_error() -> None:
    # Correctness only (no timing): the scanner must come back with sensible answers on these.
    assert find_money("1," * 50_000)[0] == []
    assert find_money("$" * 50_000)[0] == []
    assert find_money("million " * 50_000)[0] == []
    assert find_money("one hundred and " * 10_000)[0] == []
    found, _ = find_money("$1 million " * 1_000)
    assert len(found) == 1_000
