"""``dealextract.to_dataframe``: one row per deal or per entity, with dtypes an analyst can use directly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import dealextract
from dealextract.dataframe import DEAL_COLUMNS, ENTITY_COLUMNS

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def results() -> list[dealextract.ArticleResult]:
    lines = (ROOT / "fixtures" / "example.jsonl").read_text(encoding="utf-8").splitlines()
    return list(dealextract.extract_many([json.loads(line) for line in lines]))


def test_one_row_per_deal_with_proper_dtypes(results: list[dealextract.ArticleResult]) -> None:
    df = dealextract.to_dataframe(results)
    assert len(df) == sum(len(r.deals) for r in results) > 0
    assert list(df.columns) == list(DEAL_COLUMNS)
    assert str(df["amount"].dtype) == "decimal128(38, 6)[pyarrow]"
    assert str(df["amount_usd"].dtype) == "decimal128(38, 6)[pyarrow]"
    assert str(df["position"].dtype) == "Int64"
    assert str(df["confidence"].dtype) == "float64"
    assert str(df["target"].dtype).startswith("str")
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert isinstance(df["status"].dtype, pd.CategoricalDtype)
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["published"].dtype).startswith("datetime64")
    assert str(df["amount_approximate"].dtype) == "boolean"


def test_values_are_exact_and_match_the_records(results: list[dealextract.ArticleResult]) -> None:
    df = dealextract.to_dataframe(results)
    row = 0
    for position, result in enumerate(results):
        for index, deal in enumerate(result.deals):
            got = df.iloc[row]
            assert (got["position"], got["deal_index"], got["target"]) == (position, index, deal.target.name)
            if deal.amount is not None and deal.amount.value is not None:
                assert got["amount"] == deal.amount.value  # Decimal equality: no float on the way
                assert isinstance(got["amount"], Decimal)
            if deal.amount_usd is not None:
                assert got["amount_usd"] == deal.amount_usd
            if deal.date is not None and deal.date.value is not None:
                assert got["date"].date() == deal.date.value
            leads = [p.name for p in deal.investors if p.role == "lead"]
            assert (got["leads"] if leads else None) == ("; ".join(leads) or None) or pd.isna(got["leads"])
            row += 1
    # Sorting and arithmetic work on the typed columns.
    assert df.sort_values("amount_usd", ascending=False)["amount_usd"].iloc[0] == df["amount_usd"].max()


def test_entities_frame(results: list[dealextract.ArticleResult]) -> None:
    df = dealextract.to_dataframe(results, kind="entities")
    assert len(df) == sum(len(r.entities) for r in results)
    assert list(df.columns) == list(ENTITY_COLUMNS)
    assert set(df["label"].cat.categories) <= {"ORG", "MONEY", "DATE", "MODEL"}
    money = df[df["label"] == "MONEY"]
    assert money["value"].notna().any() and money["currency"].notna().all()
    dates = df[df["label"] == "DATE"]
    assert dates["date"].notna().any()
    orgs = df[df["label"] == "ORG"]
    assert orgs["value"].isna().all() and orgs["normalized"].notna().all()


def test_empty_input_and_json_dicts() -> None:
    empty = dealextract.to_dataframe([])
    assert list(empty.columns) == list(DEAL_COLUMNS) and len(empty) == 0
    assert str(empty["amount"].dtype) == "decimal128(38, 6)[pyarrow]"
    line = dealextract.extract("Acme Robotics raised $5 million.", article_id="x").model_dump(mode="json")
    df = dealextract.to_dataframe([line])
    assert df.loc[0, "amount"] == Decimal("5000000")
    with pytest.raises(ValueError, match="kind"):
        dealextract.to_dataframe([line], kind="people")  # type: ignore[arg-type]
