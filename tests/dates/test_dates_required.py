"""What ``required`` reads off a pattern, and the scanner built on it against plain ``finditer``.

``test_dates_anchors.py`` compares the scanner with ``finditer`` on real texts; here the texts are made
to hit the corners of the windows: month words inside other words ("market", "mayor"), digits inside
numbers, capitals and characters that fold to ASCII ("İ", "ſ", "K", other digits), and ranges whose
end cuts a word in two (a word boundary holds at the end of a range).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from dealextract.dates import anchors, finder
from dealextract.dates import required as req
from dealextract.dates.patterns import TRIGGER


def _required(regex: str) -> list[req.Required]:
    return req.required(req.parse(regex, re.IGNORECASE))


def test_literals_and_how_far_into_a_match() -> None:
    [months] = _required(r"\b(?:jan|feb)\b")
    assert (months.literals, months.left, months.right) == ({"jan": 0, "feb": 0}, True, True)
    year = _required(r"(?:in\s{1,3})?(?:1[6-9]|20)\d\d")[0]
    assert year.literals == {f"{y}{d}": 5 for y in range(16, 21) for d in range(10)}


def test_the_last_repetition_starts_a_run() -> None:
    found = _required(r"\d{1,2}/\d{4}")
    assert {s: 1 for s in (f"{d}/" for d in range(10))} in [f.literals for f in found]


def test_an_alternation_holds_the_union_of_its_branches() -> None:
    [union] = _required(r"(?:q[1-4]|h[12]\w)")
    assert union.literals == {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "h1": 0, "h2": 0}
    assert _required(r"(?:q[1-4]|\w+)") == []  # a branch with no literal: nothing is required


def test_starting_words() -> None:
    words = req.starting_words(req.parse(r"\b(?:(?:in|by)\s{1,3})?(?:march|may)\b", re.IGNORECASE))
    assert words is not None and set(words.literals) == {"in", "by", "march", "may"} and words.left
    assert req.starting_words(req.parse(r"(?:\w['’]s|in)\s+q\d", 0)) is None
    # a lookbehind that no word character passes is a boundary before words
    digits = req.starting_words(req.parse(r"(?<![\w.])(?:\d{1,2}|the)", 0))
    assert digits is not None and digits.left


def test_begins_at_start_and_lookahead_width() -> None:
    assert req.begins_at_start(req.parse(r"\A\s{0,3}\d{4}\Z", 0))
    assert req.lookahead_width(req.parse(r"a(?=bc|d)(?!e{1,5})", 0)) == 7
    assert req.lookahead_width(req.parse(r"a(?=b+)", 0)) is None


_WORDS = (
    "March", "march", "marched", "market", "MAY", "may", "mayor", "Sept.", "september", "Dec", "decade",
    "Monday", "mondays", "today", "in", "by", "the", "of", "late", "early", "mid-", "this", "next", "last",
    "week", "weeks", "month", "quarter", "half", "year", "years", "ago", "later", "Q3", "3Q", "H1", "1H",
    "FY", "fiscal", "2023", "1999", "2010s", "20", "17", "3rd", "first", "twenty-first", "12/31/2019",
    "2019-04-17", "4.17.2019", "$2,023", "2023.5", "12023", "İn", "ſeptember", "\u212aelvin", "\u0662\u0660\u0662\u0663",
)  # fmt: skip
_GLUE = (" ", " ", " ", ", ", ". ", "-", "/", "'s ", "\n", "", "  ", "\u00a0")


def _texts() -> list[str]:
    rng = random.Random(7)
    return [
        "".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(3, 14))) for _ in range(150)
    ]


def _cuts(text: str, rng: random.Random) -> list[tuple[int, int]]:
    """Whole text, and ranges ending inside a word or right after one."""
    inside = [i for i in range(1, len(text)) if text[i - 1].isalnum() and text[i].isalnum()]
    ends = rng.sample(inside, min(4, len(inside))) + [rng.randint(0, len(text)) for _ in range(3)]
    return [(0, len(text))] + [(rng.randint(0, end), end) for end in ends]


def _key(m: re.Match[str]) -> tuple[Any, ...]:
    return (m.span(), m.groups())


@pytest.mark.parametrize(
    "pattern", [TRIGGER, *(r.pattern for r in finder.RULES)], ids=lambda p: p.pattern[:30]
)
def test_scanner_matches_finditer_on_made_up_texts(pattern: re.Pattern[str]) -> None:
    rng = random.Random(pattern.pattern)
    for text in _texts():
        scanner = anchors.Scanner(text)
        for pos, endpos in _cuts(text, rng):
            expected = [_key(m) for m in pattern.finditer(text, pos, endpos)]
            assert [_key(m) for m in scanner.finditer(pattern, pos, endpos)] == expected, (text, pos, endpos)
