"""A component failing on one article costs that article only: its result says internal_error."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import dealextract
from dealextract.api import load
from dealextract.failures import INTERNAL_ERROR
from dealextract.gazetteer import GazetteerError


@Language.component("test_fails_on_boom")
def _fails_on_boom(doc: Doc) -> Doc:
    if "boom" in doc.text:
        raise RuntimeError("a bug in a rule")
    return doc


def failing_pipeline() -> Language:
    nlp = load()
    nlp.add_pipe("test_fails_on_boom", before="dealextract_deals")
    return nlp


def test_extract_many_reports_a_failure_in_the_articles_place() -> None:
    nlp = failing_pipeline()
    articles = [
        {"id": "a", "text": "Acme Robotics raised $5 million from Foo Ventures."},
        {"id": "b", "text": "boom went the rule", "published": "2026-01-02"},
        {"id": "c", "text": ""},
        {"id": "d", "text": "Bolt Labs raised $7 million from Bar Capital."},
    ]
    results = list(dealextract.extract_many(articles, nlp=nlp))
    assert [r.article_id for r in results] == ["a", "b", "c", "d"]
    assert len(results[0].deals) == 1 and len(results[3].deals) == 1
    assert [e.code for e in results[1].errors] == [INTERNAL_ERROR]
    assert "test_fails_on_boom" in results[1].errors[0].message
    assert results[1].published is not None
    assert [e.code for e in results[2].errors] == ["empty_text"]
    # the handler is gone afterwards: the pipeline raises as spaCy does
    try:
        nlp("boom")
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the error handler outlived extract_many")


def test_extract_reports_a_failure_as_an_error() -> None:
    result = dealextract.extract("boom", article_id="x", nlp=failing_pipeline())
    assert [e.code for e in result.errors] == [INTERNAL_ERROR]
    assert result.article_id == "x"


def test_a_pipeline_that_cannot_work_still_stops_the_call(tmp_path: Path) -> None:
    nlp = load(org_files=[tmp_path / "missing.jsonl"])  # refused on first use, not at load
    with pytest.raises(GazetteerError, match=r"missing\.jsonl"):
        list(dealextract.extract_many(["Acme raised $5 million."], nlp=nlp))
