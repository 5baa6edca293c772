"""The deals corpus (src/dealextract/deals/data/corpus.jsonl) run end to end through the pipeline.

Each line is a short text in the language of deal news with the deals it states (or none): the rules of
``dealextract.deals`` are proved by these examples, positive and negative.
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from spacy.language import Language

import dealextract
from dealextract.names import names_match

CORPUS = [
    json.loads(line)
    for line in resources.files("dealextract.deals")
    .joinpath("data/corpus.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]


def _describe(case: dict[str, Any]) -> str:
    return case["text"][:60]


@pytest.mark.parametrize("case", CORPUS, ids=_describe)
def test_deals_corpus(case: dict[str, Any], nlp: Language) -> None:
    result = dealextract.extract(case["text"], published=case.get("published"), nlp=nlp)
    got = result.deals
    want = case["deals"]
    assert len(got) == len(want), [d.target.name for d in got]
    for deal, gold in zip(got, want, strict=False):
        assert names_match(deal.target.name, gold["target"]) or names_match(
            deal.target.text or "", gold["target"]
        ), (
            deal.target.name,
            gold["target"],
        )
        assert deal.kind == gold["kind"]
        if gold["amount"] is None:
            assert deal.amount is None or deal.amount.value is None
        else:
            assert deal.amount is not None
            assert (deal.amount.value, deal.amount.currency) == (
                Decimal(str(gold["amount"][0])),
                gold["amount"][1],
            )
        assert deal.round == gold["round"]
        got_investors = sorted((p.name, p.role) for p in deal.investors)
        assert len(got_investors) == len(gold["investors"]), got_investors
        for name, role in gold["investors"]:
            assert any(names_match(n, name) and r == role for n, r in got_investors), (
                name,
                role,
                got_investors,
            )
        if "date" in gold:
            got_date = deal.date.value.isoformat() if deal.date and deal.date.value else None
            assert got_date == gold["date"], (got_date, gold["date"])
        if "status" in gold:
            assert deal.status == gold["status"]
        if "models" in gold:
            assert deal.models == gold["models"]
        if "valuation" in gold and gold["valuation"] is None:
            assert deal.valuation is None, deal.valuation  # another clause's valuation is not this deal's
        elif "valuation" in gold:
            assert deal.valuation is not None and deal.valuation.value == Decimal(str(gold["valuation"][0]))
        assert deal.evidence and 0 < deal.confidence <= 1
