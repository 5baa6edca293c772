"""The money corpus (src/dealextract/money/data/corpus.tsv): every line through parse_money."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources

import pytest

from dealextract.money import parse_money


def _cell(raw: str) -> Decimal | None:
    return None if raw in ("", "None") else Decimal(raw)


def _lines() -> list[pytest.ParameterSet]:
    text = resources.files("dealextract.money").joinpath("data/corpus.tsv").read_text("utf-8")
    params = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        params.append(pytest.param(cells, id=f"L{number}:{cells[0].strip()[:40]}"))
    return params


CORPUS = _lines()


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 300
    negatives = [p for p in CORPUS if list(p.values[0])[1] == "NONE"]  # type: ignore[call-overload]
    assert len(negatives) >= 30


@pytest.mark.parametrize("cells", CORPUS)
def test_corpus_line(cells: list[str]) -> None:
    text = cells[0]
    got = parse_money(text)
    if cells[1] == "NONE":
        assert got is None, f"{text!r} is not one amount of money, got {got}"
        return
    value, currency, approximate, low, high, unit = (cells + [""] * 7)[1:7]
    assert got is not None, f"{text!r} was not read"
    assert got.value == _cell(value)
    assert got.currency == (currency or None if currency != "None" else None)
    assert got.approximate is (approximate == "true")
    assert got.min == _cell(low)
    assert got.max == _cell(high)
    assert got.unit == (unit or None)
    assert got.start is None and got.end is None
