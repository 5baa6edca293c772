"""The organisation corpus (src/dealextract/orgs/data/corpus.jsonl) is the test: one case per line."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import dealextract.ai_models.component
import dealextract.orgs.component
import dealextract.orgs.references  # noqa: F401  (registers the factories)
from gold import blank_pipeline, package_corpus


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_pipeline("dealextract_orgs")


CASES = package_corpus("orgs/data/corpus.jsonl")


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 90


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_org_corpus(nlp: Language, case: dict[str, Any]) -> None:
    doc = nlp(case["text"])
    found = {(m.text, m.name) for m in doc._.dealextract_orgs}
    for m in doc._.dealextract_orgs:
        assert doc.text[m.start : m.end] == m.text
    for expected in case["orgs"]:
        assert (expected["text"], expected["name"]) in found, f"missing {expected}; found {sorted(found)}"
    texts = {t for t, _ in found}
    for negative in case["not"]:
        assert negative not in texts, f"{negative!r} taken for an organisation; found {sorted(found)}"
