"""References ("the startup", "it", "its") resolve to the organisation they mean."""

from __future__ import annotations

import pytest
from spacy.language import Language

import dealextract.orgs.component
import dealextract.orgs.references  # noqa: F401
from gold import blank_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_pipeline("dealextract_orgs", "dealextract_references")


def _refs(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    for r in doc._.dealextract_references:
        assert doc.text[r.start : r.end] == r.text
    return [(r.text, r.name) for r in doc._.dealextract_references]


def test_startup_and_its(nlp: Language) -> None:
    text = (
        "Kelmora Robotics said it had raised 300 million yuan. The round was led by Larkspur Capital. "
        "The start-up was founded in 2019. Its investors also include Tencent."
    )
    assert _refs(nlp, text) == [
        ("it", "Kelmora Robotics"),
        ("The start-up", "Kelmora Robotics"),
        ("Its", "Kelmora Robotics"),
    ]


def test_investor_is_never_the_company(nlp: Language) -> None:
    text = "Velorian raised $30 million. Sequoia Capital led the round. The company will hire engineers."
    assert _refs(nlp, text) == [("The company", "Velorian")]


def test_main_company_wins_over_a_passing_mention(nlp: Language) -> None:
    text = (
        "Quillon Technologies closed a Series B. Quillon Technologies makes batteries. "
        "Rivals such as Tanbridge Technologies are smaller. The firm plans to expand."
    )
    assert _refs(nlp, text)[-1] == ("The firm", "Quillon Technologies")


def test_apposition_is_not_a_reference(nlp: Language) -> None:
    assert _refs(nlp, "The startup Brevix raised money.") == []


def test_expletive_it_is_skipped(nlp: Language) -> None:
    text = "Zanthera raised $5 million. It is unclear who led the round."
    assert _refs(nlp, text) == []


def test_no_orgs_no_references(nlp: Language) -> None:
    assert _refs(nlp, "The company said it would grow.") == []
