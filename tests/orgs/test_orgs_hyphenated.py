"""A known name glued by a hyphen to a capitalised or numbered word is part of a longer word."""

from __future__ import annotations

import dealextract


def _orgs(text: str) -> list[tuple[str, int]]:
    result = dealextract.extract(text)
    return [(e.text, e.start) for e in result.entities if e.label == "ORG"]


def test_product_suffix_is_not_the_company() -> None:
    text = "Lumenary Raises $42 Million to Scale AI-Powered Forecasting. Kestrel bought Hotbox, maker of Hotbox-XL."
    orgs = _orgs(text)
    assert ("Scale AI", text.index("Scale AI")) not in orgs
    assert ("Hotbox", text.index("Hotbox-XL")) not in orgs
    assert ("Hotbox", text.index("Hotbox,")) in orgs


def test_modifier_suffix_keeps_the_company() -> None:
    text = "Alibaba-Backed Tovra Hires Staff. Scale AI-backed Norvo raised $4 million."
    orgs = _orgs(text)
    assert ("Alibaba", 0) in orgs
    assert ("Scale AI", text.index("Scale AI")) in orgs
