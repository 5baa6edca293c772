"""Where the sentence splitter (``dealextract_sentences``) ends sentences: after abbreviations kept on
their words by the tokenizer, a sentence starts only where the words after it say so."""

from __future__ import annotations

import pytest

import dealextract


def _sentences(text: str) -> list[str]:
    doc = dealextract.load()(text)
    return [text[start:end].strip() for start, end in doc._.dealextract_sentence_spans]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a capitalised function word after a company abbreviation opens a sentence
        ("Halvorn bought Orlenza Inc. The deal closed.", ["Halvorn bought Orlenza Inc.", "The deal closed."]),
        # one capitalised word and a lower-case one after a legal form: a new sentence with its subject
        (
            "Kestrow raised $5 million from Tarnby Capital Ltd. Sequera also joined.",
            ["Kestrow raised $5 million from Tarnby Capital Ltd.", "Sequera also joined."],
        ),
        # a title after the legal form, or a second legal form, does not end the sentence
        ("Applex Inc. CEO Tim Cooke said so.", ["Applex Inc. CEO Tim Cooke said so."]),
        (
            "Huavex Technologies Co. Ltd. Chief Executive Li Wei spoke.",
            ["Huavex Technologies Co. Ltd. Chief Executive Li Wei spoke."],
        ),
        # a round's letter and an initial
        ("It closed a Series A. J. Smith led it.", ["It closed a Series A.", "J. Smith led it."]),
    ],
)
def test_sentence_ends(text: str, sentences: list[str]) -> None:
    assert _sentences(text) == sentences
