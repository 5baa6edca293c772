"""``anchors.fold`` and ``required.is_word`` against every code point.

The scanner looks for the rules' literals (lowercase ASCII) with a plain search of the folded copy of a
text, and tests word boundaries there; so the copy must keep every position, show each literal wherever
a case-insensitive rule sees it, and keep every word character a word character.  ``fold`` has a fast
path (``str.lower``) for the texts without the few characters it maps, and a slow one for the others:
both are checked.
"""

from __future__ import annotations

import re
import string

import pytest

from dealextract.dates import anchors, required
from dealextract.literals import CASE_TWINS

EVERY = "".join(map(chr, range(0x110000)))  # lone surrogates included: a str may hold them
MAPPED = "".join(CASE_TWINS)
PLAIN = EVERY.translate({ord(c): None for c in MAPPED})  # what the fast path may see (digits aside)


@pytest.fixture(scope="module")
def folded() -> str:
    out = anchors.fold(EVERY)  # the slow path: EVERY holds the mapped characters
    assert len(out) == len(EVERY)
    return out


def _runs(pattern: str, text: str) -> list[tuple[int, int]]:
    """Where the one-character class ``pattern`` matches in ``text``, as spans of runs."""
    return [m.span() for m in re.finditer(f"{pattern}+", text)]


def test_fast_path_keeps_every_position() -> None:
    assert len(PLAIN.lower()) == len(PLAIN)
    assert anchors.fold("Ab\u00c9\u2019") == "ab\u00e9\u2019"


@pytest.mark.parametrize("char", string.ascii_lowercase + string.digits + string.punctuation + " ")
def test_literal_found_wherever_a_case_insensitive_regex_sees_it(char: str, folded: str) -> None:
    sees = [m.start() for m in re.finditer(re.escape(char), EVERY, re.IGNORECASE)]
    assert {folded[i] for i in sees} == {char}
    plain = [m.start() for m in re.finditer(re.escape(char), PLAIN, re.IGNORECASE)]
    assert {PLAIN[i].lower() for i in plain} == {char}


def test_every_digit_becomes_an_ascii_digit(folded: str) -> None:
    assert {folded[m.start()] for m in re.finditer(r"\d", EVERY)} <= set(string.digits)
    assert anchors.fold("\u0663 \uff12") == "0 0"  # Arabic-Indic three, fullwidth two


def test_word_characters_stay_word_characters(folded: str) -> None:
    assert _runs(r"\w", folded) == _runs(r"\w", EVERY)
    assert _runs(r"\w", PLAIN.lower()) == _runs(r"\w", PLAIN)


def test_is_word_is_backslash_w() -> None:
    words = "".join("w" if required.is_word(c) else " " for c in EVERY)
    assert _runs("w", words) == _runs(r"\w", EVERY)


def test_isdecimal_is_backslash_d() -> None:  # what ``fold`` relies on to spot other digits
    digits = "".join("d" if c.isdecimal() else " " for c in EVERY)
    assert _runs("d", digits) == _runs(r"\d", EVERY)
