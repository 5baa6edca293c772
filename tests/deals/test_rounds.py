"""Round names: found in running text and normalised."""

from __future__ import annotations

import pytest

from dealextract.deals.rounds import parse_round

ROUNDS = [
    ("a Series A round", "Series A"),
    ("its series-b financing", "Series B"),
    ("Series B+ round", "Series B+"),
    ("a B+ round", "Series B+"),
    ("the A round", "Series A"),
    ("C-round funding", "Series C"),
    ("Series A1", "Series A1"),
    ("a Series B-2 round", "Series B2"),
    ("the Series A-plus round", "Series A+"),
    ("Series A plus a grant", "Series A"),
    ("pre-A financing", "Pre-A"),
    ("Pre-Series A round", "Pre-A"),
    ("pre-B round", "Pre-B"),
    ("angel round", "Angel"),
    ("seed funding", "Seed"),
    ("a seed round", "Seed"),
    ("pre-seed", "Pre-Seed"),
    ("pre-IPO round", "Pre-IPO"),
    ("a strategic investment", "Strategic"),
    ("venture debt financing", "Debt"),
    ("a debt facility", "Debt"),
    ("convertible notes", "Convertible"),
    ("bridge round", "Bridge"),
    ("Series F", "Series F"),
]
NOT_ROUNDS = [
    "Series of events",
    "a seedy bar",
    "B2B",
    "Airbus A380",
    "Vidu Q3",
    "GPT-4",
    "the A-team",
    "plan B",
    "seed loans from a state lender",
    "a seed grant",
]


@pytest.mark.parametrize(("text", "expected"), ROUNDS)
def test_round_is_normalised(text: str, expected: str) -> None:
    assert parse_round(text) == expected


@pytest.mark.parametrize("text", NOT_ROUNDS)
def test_not_a_round(text: str) -> None:
    assert parse_round(text) is None
