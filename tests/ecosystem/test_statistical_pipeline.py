"""Our components after a user's own pipeline: a stand-in (always run) and ``en_core_web_sm`` where it is
installed (skipped cleanly where not: no model is downloaded by the tests; set ``DEALEXTRACT_SPACY_MODEL``
to use another installed model package)."""

from __future__ import annotations

import os

import pytest
import spacy
from spacy.language import Language

import dealextract

TEXT = (
    "Alibaba Cloud led a 2 billion yuan (about $293 million) round in ShengShu Technology, "
    "the startup behind the Vidu video model. Qiming Venture Partners also took part."
)


def _check(nlp: Language) -> None:
    dealextract.add_to(nlp)
    doc = nlp(TEXT)
    deals = doc._.deals
    assert [d.target.name for d in deals] == ["ShengShu Technology"]
    assert ("Alibaba Cloud", "lead") in [(p.name, p.role) for p in deals[0].investors]
    assert deals[0].amount is not None and deals[0].amount.currency == "CNY"
    # The same records through extract() with the user's pipeline.
    result = dealextract.extract(TEXT, published="2026-04-15", nlp=nlp)
    assert [d.target.name for d in result.deals] == ["ShengShu Technology"]


def test_after_a_users_pipeline_that_sets_sentences_and_entities() -> None:
    """A stand-in for a statistical pipeline: its own sentence boundaries and ``doc.ents``, which our
    components leave as they found them."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "ORG", "pattern": "Alibaba Cloud"}, {"label": "PRODUCT", "pattern": "Vidu"}]
    )
    _check(nlp)
    assert "dealextract_sentences" not in nlp.pipe_names  # the user's sentence boundaries are kept
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [("Alibaba Cloud", "ORG"), ("Vidu", "PRODUCT")]


# Another installed spaCy model package can stand in: DEALEXTRACT_SPACY_MODEL=en_core_web_md
MODEL = os.environ.get("DEALEXTRACT_SPACY_MODEL", "en_core_web_sm")


@pytest.mark.skipif(not spacy.util.is_package(MODEL), reason=f"{MODEL} is not installed")
def test_after_a_statistical_model() -> None:
    nlp = spacy.load(MODEL)
    statistical = list(nlp.pipe_names)
    _check(nlp)
    assert nlp.pipe_names[: len(statistical)] == statistical  # ours run after the user's components
    doc = nlp(TEXT)
    assert any(e.label_ == "ORG" for e in doc.ents)  # the statistical NER still ran
