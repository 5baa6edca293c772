"""How records name an organisation: as the article writes it (the default) or by the canonical name."""

from __future__ import annotations

import pytest

import dealextract
from dealextract.names import display_names

TEXT = "Tencent led a $20 million round in Quorvel. Hillhouse Capital also invested."


@pytest.fixture(scope="module")
def canonical() -> object:
    return dealextract.load(org_names="canonical")


def test_records_carry_the_form_the_article_writes() -> None:
    result = dealextract.extract(TEXT)
    (deal,) = result.deals
    assert sorted(p.name for p in deal.investors) == ["Hillhouse Capital", "Tencent"]
    orgs = {e.text: e.normalized for e in result.entities if e.label == "ORG"}
    assert orgs["Tencent"] == "Tencent"


def test_canonical_names_on_request(canonical: object) -> None:
    result = dealextract.extract(TEXT, nlp=canonical)
    (deal,) = result.deals
    assert sorted(p.name for p in deal.investors) == ["Hillhouse Investment", "Tencent Holdings"]
    orgs = {e.text: e.normalized for e in result.entities if e.label == "ORG"}
    assert orgs["Tencent"] == "Tencent Holdings"


def test_the_canonical_name_is_kept_where_the_article_writes_it() -> None:
    shown = display_names([("Tencent Holdings", "Tencent"), ("Tencent Holdings", "Tencent Holdings")])
    assert shown == {"Tencent Holdings": "Tencent Holdings"}


def test_otherwise_the_fullest_form_written_not_shouting() -> None:
    shown = display_names(
        [("Meta Platforms", "META"), ("Meta Platforms", "Meta"), ("X Corp", "X  Corp\nLtd")]
    )
    assert shown == {"Meta Platforms": "Meta", "X Corp": "X Corp Ltd"}


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="record_names"):
        dealextract.load(org_names="nicknames")


def test_dask_helpers_take_the_setting() -> None:
    db = pytest.importorskip("dask.bag")
    from dealextract.dask import extract_bag

    bag = extract_bag(db.from_sequence([TEXT], npartitions=1), org_names="canonical")
    (result,) = bag.compute(scheduler="synchronous")
    assert sorted(p.name for p in result.deals[0].investors) == ["Hillhouse Investment", "Tencent Holdings"]
