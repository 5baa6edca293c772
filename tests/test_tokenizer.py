"""Our tokenizer is spaCy's English one, made linear, with a full stop after "7B" or "Series A" split off."""

from __future__ import annotations

import pytest

import dealextract


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("It shipped Mistral 7B.", ["It", "shipped", "Mistral", "7B", "."]),
        ("Kestrel raised $5M.", ["Kestrel", "raised", "$", "5", "M", "."]),
        ("The U.S. and U.K.", ["The", "U.S.", "and", "U.K."]),  # abbreviations keep their full stops
        # a round's letter ends its sentence; an initial keeps its full stop
        (
            "It closed a Series A. J. Smith led.",
            ["It", "closed", "a", "Series", "A", ".", "J.", "Smith", "led", "."],
        ),
        ("a pre-B. Then", ["a", "pre", "-", "B", ".", "Then"]),
    ],
)
def test_full_stops(text: str, tokens: list[str]) -> None:
    assert [t.text for t in dealextract.load().make_doc(text)] == tokens


def test_sentence_after_unit_full_stop() -> None:
    text = "Kestrel Labs shipped Quill 7B. Tarn Capital then led a $5 million round in Kestrel Labs."
    result = dealextract.extract(text)
    assert [(d.target.name, [i.name for i in d.investors]) for d in result.deals] == [
        ("Kestrel Labs", ["Tarn Capital"])
    ]
