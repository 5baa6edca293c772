"""The AI-model corpus (src/dealextract/ai_models/data/corpus.jsonl) is the test: one case per line."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import dealextract.ai_models.component
import dealextract.orgs.component  # noqa: F401  (registers the factories)
from gold import blank_pipeline, package_corpus


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_pipeline("dealextract_orgs", "dealextract_models")


CASES = package_corpus("ai_models/data/corpus.jsonl")


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_model_corpus(nlp: Language, case: dict[str, Any]) -> None:
    doc = nlp(case["text"])
    models = {m.text: m for m in doc._.dealextract_models}
    for m in doc._.dealextract_models:
        assert doc.text[m.start : m.end] == m.text
    for expected in case["models"]:
        got = models.get(expected["text"])
        assert got is not None, f"missing {expected}; found {sorted(models)}"
        assert got.name == expected["name"]
        for key in ("family", "maker"):
            if expected[key] is not None:
                assert getattr(got, key) == expected[key], f"{key} of {got}"
    orgs = {o.text for o in doc._.dealextract_orgs}
    for negative in case["not"]:
        assert negative not in models, f"{negative!r} taken for a model; found {sorted(models)}"
    # a name decided to be a model is never also an organisation
    assert not (set(models) & orgs)
