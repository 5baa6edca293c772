"""The deals-only prefilter never drops a deal: prefiltered and full runs give identical deals."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from dealextract.api import extract_many
from dealextract.batch.prefilter import INVEST_ANY, candidate_lines, is_candidate, line_verdict
from dealextract.batch.runner import extract_items
from dealextract.deals import frames as F
from dealextract.records import Article
from gold import package_corpus

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def fixture_articles() -> list[Article]:
    out = []
    for path in sorted(FIXTURES.glob("*.json")):
        case = json.loads(path.read_text("utf-8"))
        out.append(Article(text=case["text"], id=case.get("id", path.stem), published=case.get("published")))
    return out


def generated_articles(corpus: ModuleType) -> list[Article]:
    """Ordinary news with a high share of near misses, and a few deal articles."""
    corpus.NEAR_MISS_SHARE = 0.3
    try:
        items = list(corpus.generate(0.12, seed=11, deal_every=8))
    finally:
        corpus.NEAR_MISS_SHARE = 0.03
    return [Article(text=str(i["text"]), id=str(i["id"]), published=str(i["published"])) for i in items]


def test_prefilter_keeps_every_deal(nlp: Language, corpus: ModuleType) -> None:
    articles = fixture_articles() + generated_articles(corpus)
    assert len(articles) > 100
    full = list(extract_many(articles, nlp=nlp))
    fast = extract_items(list(articles), nlp, deals_only=True)
    assert len(full) == len(fast) == len(articles)
    skipped = 0
    for article, a, b in zip(articles, full, fast, strict=True):
        assert [d.model_dump() for d in a.deals] == [d.model_dump() for d in b.deals], article.id
        assert a.errors == b.errors
        assert b.entities == []
        if not is_candidate(article.text):
            skipped += 1
            assert not a.deals, f"{article.id}: the prefilter skipped an article with a deal"
    assert skipped > 20, "the generated ordinary news should mostly be skipped"
    assert sum(bool(r.deals) for r in full) > 30


def test_every_deals_corpus_line_with_a_deal_is_a_candidate() -> None:
    """The deals corpus holds one example of each deal rule: the prefilter must pass every one."""
    for case in package_corpus("deals/data/corpus.jsonl"):
        if case["deals"]:
            assert is_candidate(case["text"]), case["text"]


def test_every_fixture_with_a_deal_is_a_candidate() -> None:
    for path in sorted(FIXTURES.glob("*.json")):
        case = json.loads(path.read_text("utf-8"))
        if case.get("deals"):
            assert is_candidate(case["text"]), path.name


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Acme Robotics raised $5 million in a seed round.", "raise_or_invest"),
        ("Sequoia put $20m into the company.", "amount"),
        ("Foo Corp agreed to buy Bar Ltd.", "acquire"),
        ("Toyota took a 20% stake in Enerlith.", "stake"),
        ("Kestrel — $4 million Series A", "amount"),
        ("Nimbus's Series C included Redwood and Harbor.", "possessive"),
        ("Paylio Labs gets $8 million from General Catalyst", "weak_raise_amount"),
        ("Sequoia Capital invests in Kestrel Bio", "invest_in"),
        ("The largest cheque, $80 million, was swept up by Trucklane.", "passive_raise"),
        ("Cinder Ventures' investment in Palomar's Series A was undisclosed.", "possessive_bet"),
        ("Shares closed 3% higher at $12.", ""),
        ("It rained all day in Lyon on Tuesday.", ""),
        ("Shares closed 3% higher.", ""),
        ("The firm unveiled a phone priced from $999.", ""),
    ],
)
def test_line_verdicts(line: str, reason: str) -> None:
    assert line_verdict(line).reason == reason


def test_invest_pattern_matches_wherever_the_pipeline_one_does() -> None:
    for text in ["tencent led the round", "led by sequoia", "invested to the hilt", "backs the team"]:
        if F.INVEST_RE.search(text):
            assert INVEST_ANY.search(text)
    assert INVEST_ANY.search("led by sequoia") and not F.INVEST_RE.search("led by sequoia")


def test_candidate_lines_point_at_the_deal() -> None:
    text = "Weather today.\nAcme raised $5 million in a seed round.\nSport."
    assert candidate_lines(text) == [1]
