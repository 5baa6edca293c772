"""The dates corpus (src/dealextract/dates/data/) run through parse_date and find_dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from typing import Any

import pytest

from dealextract.dates import find_dates, parse_date
from dealextract.records import DateValue

_DATA = resources.files("dealextract.dates").joinpath("data")


def _corpus() -> list[Any]:
    rows = []
    for number, line in enumerate(_DATA.joinpath("corpus.tsv").read_text("utf-8").splitlines(), 1):
        if line and not line.startswith("#"):
            text, reference, value, grain, relative = line.split("\t")
            rows.append(pytest.param(text, reference, value, grain, relative, id=f"L{number}:{text}"))
    return rows


def _sentences() -> list[Any]:
    lines = _DATA.joinpath("sentences.jsonl").read_text("utf-8").splitlines()
    return [pytest.param(json.loads(line), id=f"S{i}") for i, line in enumerate(lines, 1) if line.strip()]


def test_corpus_is_large_and_has_negatives() -> None:
    rows = _corpus()
    assert len(rows) >= 200
    assert sum(1 for r in rows if r.values[2] == "-") >= 40


@pytest.mark.parametrize(("text", "reference", "value", "grain", "relative"), _corpus())
def test_parse_date_corpus(text: str, reference: str, value: str, grain: str, relative: str) -> None:
    got = parse_date(text, None if reference == "-" else reference)
    if value == "-":
        assert got is None, f"{text!r} is not a date, got {got}"
        return
    assert got is not None, f"{text!r} should be a date"
    expected = None if value == "None" else dt.date.fromisoformat(value)
    assert (got.value, got.granularity, got.relative) == (expected, grain, relative == "yes")
    assert got.text is not None and got.start is not None and got.end is not None
    assert text[got.start : got.end] == got.text


@pytest.mark.parametrize("case", _sentences())
def test_find_dates_sentences(case: dict[str, Any]) -> None:
    text = case["text"]
    reference = dt.date.fromisoformat(case["reference"]) if case["reference"] else None
    found = find_dates(text, reference)
    for d in found:  # offsets are exact, and the record validates against the article
        assert d.start is not None and d.end is not None and text[d.start : d.end] == d.text
        DateValue.model_validate(d.model_dump(), context={"text": text})
    got = [[d.text, d.value.isoformat() if d.value else None, d.granularity, d.relative] for d in found]
    assert got == case["dates"]
    assert [d.start for d in found] == sorted(d.start for d in found if d.start is not None)


def test_find_dates_and_parse_date_agree() -> None:
    """The same code path: every date find_dates sees in a sentence parses alone to the same kind of
    date (except a bare "Q2", a date only after "in" or "Kuaishou's"; the value may differ where the
    context points forward: "until March 30")."""
    reference = dt.date(2025, 6, 18)
    for param in _sentences():
        for d in find_dates(param.values[0]["text"], reference):
            assert d.text is not None
            if re.fullmatch(r"[QH]\d", d.text):
                continue
            alone = parse_date(d.text, reference)
            assert alone is not None and (alone.granularity, alone.relative) == (d.granularity, d.relative)
