"""parse_date's reference handling, the spaCy component, and input that must not hang or crash."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

import dealextract.dates.component  # noqa: F401  (registers the factory)
from dealextract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "reference",
    [dt.date(2025, 6, 18), dt.datetime(2025, 6, 18, 23, 59), "2025-06-18", "2025-06-18T09:30:00+08:00"],
)
def test_reference_forms(reference: object) -> None:
    got = parse_date("yesterday", reference)  # type: ignore[arg-type]
    assert got is not None and got.value == dt.date(2025, 6, 17)


def test_no_reference_never_uses_the_clock() -> None:
    for text in ("today", "last week", "Apr. 17", "in March", "the third quarter"):
        got = parse_date(text)
        assert got is not None and got.value is None and got.relative


def test_bad_reference_string_is_an_error() -> None:
    with pytest.raises(ValueError):
        parse_date("today", "not a date")


def test_empty_and_blank() -> None:
    assert parse_date("") is None
    assert parse_date("   ") is None
    assert find_dates("", None) == []


def test_component_sets_the_extension() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dealextract_dates")
    doc = nlp.make_doc("The startup said on Tuesday it raised money in Q3 2025.")
    doc._.dealextract_published = dt.date(2025, 11, 5)
    doc = nlp(doc)
    dates = doc._.dealextract_dates
    assert [(d.text, d.value) for d in dates] == [
        ("Tuesday", dt.date(2025, 11, 4)),
        ("Q3 2025", dt.date(2025, 7, 1)),
    ]


def test_component_without_published() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dealextract_dates")
    doc = nlp("It closed last month.")
    assert [(d.text, d.value, d.relative) for d in doc._.dealextract_dates] == [("last month", None, True)]


@pytest.mark.parametrize(
    "hostile",
    [
        "?" * 100_000,
        "1" * 1_000_000,
        " " * 200_000 + "in",
        ("in " * 50_000) + "2023",
        "May " * 100_000,
        "the first half of " * 20_000,
        "12/" * 100_000,
        "Q3 " * 100_000,
        ("word " * 1_000_000),  # 5 MB without a full stop
    ],
    ids=["questions", "digits", "spaces", "prepositions", "mays", "halves", "slashes", "quarters", "5MB"],
)
def test_hostile_input_finishes(hostile: str) -> None:
    """Linear-time rules: these finish in well under a second each (no timing asserted, a hang fails)."""
    find_dates(hostile, dt.date(2025, 6, 18))
