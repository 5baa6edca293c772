"""A noun reference in a sentence that names the company it means, beside the sentence's subject."""

from __future__ import annotations

import dealextract


def _refs(text: str) -> dict[str, str]:
    doc = dealextract.load()(text)
    return {r.text: r.name for r in doc._.dealextract_references}


def test_noun_reference_means_the_other_name_in_its_sentence() -> None:
    text = (
        "Velmont will buy snack maker Korrigan for about $36 billion. "
        "Shares of Tessaly jumped after Brannock said it would acquire the networking company."
    )
    refs = _refs(text)
    assert refs["the networking company"] == "Tessaly"
    assert refs["it"] == "Brannock"


def test_noun_reference_is_not_the_subject_that_speaks() -> None:
    text = "Kestrel Labs raised $5 million. Tarn Capital said the startup would hire engineers."
    assert _refs(text)["the startup"] == "Kestrel Labs"
