"""The spaCy side: factories by name without importing our modules, order, extensions, offsets."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from spacy.language import Language

import dealextract
from dealextract.api import validate_result
from dealextract.pipeline import COMPONENTS
from gold import fixture_cases


def test_load_builds_the_pipeline_in_order(nlp: Language) -> None:
    assert tuple(nlp.pipe_names) == COMPONENTS


def test_factories_work_through_the_entry_point_without_importing_us() -> None:
    code = textwrap.dedent(
        """
        import sys, spacy
        nlp = spacy.blank("en")
        for name in ("dealextract_sentences", "dealextract_money", "dealextract_dates",
                     "dealextract_orgs", "dealextract_models", "dealextract_references",
                     "dealextract_deals"):
            nlp.add_pipe(name)
        assert "dealextract" in sys.modules  # spaCy imported us through the entry point
        doc = nlp("Lumora Robotics has raised $45 million in a Series B round led by Qingshan Capital.")
        print(len(doc._.deals), doc._.deals[0].amount.value)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["1", "45000000"]


def test_add_to_a_users_pipeline_keeps_their_components() -> None:
    import spacy

    user = spacy.blank("en")
    user.add_pipe("sentencizer")
    dealextract.add_to(user)
    assert user.pipe_names[0] == "sentencizer"
    assert "dealextract_sentences" not in user.pipe_names  # their sentence boundaries are kept
    assert user.pipe_names[-1] == "dealextract_deals"


def test_doc_extensions_hold_records(nlp: Language) -> None:
    doc = nlp("Lumora Robotics has raised $45 million in a Series B round led by Qingshan Capital.")
    assert [d.target.name for d in doc._.deals] == ["Lumora Robotics"]
    labels = {e.label for e in doc._.dealextract_entities}
    assert {"ORG", "MONEY"} <= labels


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda c: c["id"])
def test_every_fixture_keeps_the_offset_invariant(case: dict[str, object], nlp: Language) -> None:
    text = str(case["text"])
    result = dealextract.extract(text, published=case.get("published"), article_id=str(case["id"]), nlp=nlp)
    assert not result.errors
    validate_result(result, text)  # raises if any text != article[start:end]
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text
    for deal in result.deals:
        for span in deal.evidence:
            assert text[span.start : span.end] == span.text
    again = dealextract.ArticleResult.model_validate_json(result.model_dump_json())
    assert again == result


def test_extract_reports_bad_input_as_errors() -> None:
    assert dealextract.extract("   ").errors[0].code == "empty_text"
    assert dealextract.extract("Hi.", published="yesterday").errors[0].code == "bad_date"
    with pytest.raises(TypeError):
        dealextract.extract(b"bytes")  # type: ignore[arg-type]


def test_extract_many_keeps_order_and_errors(nlp: Language) -> None:
    items = [
        "Lumora Robotics has raised $45 million.",
        {"id": "x", "text": ""},
        {"id": "y", "text": "Nothing here.", "published": "2026-01-05"},
        42,
    ]
    results = list(dealextract.extract_many(items, nlp=nlp))
    assert len(results) == 4
    assert [bool(r.errors) for r in results] == [False, True, False, True]
    assert results[1].article_id == "x"
    assert results[2].published is not None and results[2].published.isoformat() == "2026-01-05"


def test_parse_functions_are_exported() -> None:
    money = dealextract.parse_money("RMB1 billion")
    assert money is not None and money.currency == "CNY" and money.value == 1_000_000_000
    when = dealextract.parse_date("April 2024", reference="2026-04-15")
    assert when is not None and when.granularity == "month" and when.value is not None
    assert when.value.isoformat() == "2024-04-01"


def test_a_processed_doc_is_freed(nlp: Language) -> None:
    """Nothing the components cache keeps a Doc alive: memory stays flat over a dump of any size."""
    import gc
    import weakref

    doc = nlp("Lumora Robotics has raised $45 million in a Series B round led by Qingshan Capital.")
    assert doc._.deals
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_extract_many_without_entities_keeps_deals_and_errors(nlp: Language) -> None:
    long_article = {"id": "long", "text": "Acme Robotics raised $5 million from Foo Ventures. " * 40}
    articles = [
        "Acme Robotics raised $5 million in a seed round led by Foo Ventures in March.",
        {"id": "empty", "text": ""},
        long_article,
    ]
    full = list(dealextract.extract_many(articles, nlp=nlp, max_chars=500, on_too_large="chunk"))
    lean = list(
        dealextract.extract_many(articles, nlp=nlp, max_chars=500, on_too_large="chunk", entities=False)
    )
    assert full[0].entities and full[2].entities  # the long one is chunked, then merged
    for a, b in zip(full, lean, strict=True):
        assert b.entities == []
        assert a.model_copy(update={"entities": []}) == b
