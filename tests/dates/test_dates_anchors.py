"""``dates.anchors.Scanner.finditer`` must give exactly what ``pattern.finditer`` gives, for every rule.

The scanner only tries a rule near the literals its matches must hold (see ``dates/anchors.py``); these
tests run both on the dates corpus, the fixture articles and hostile strings, over the finder's own
segments, whole texts and arbitrary (pos, endpos) pairs, and compare spans and groups.
"""

from __future__ import annotations

import json
import random
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from dealextract.dates import anchors, finder

_DATA = resources.files("dealextract.dates").joinpath("data")
_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def _texts() -> list[str]:
    texts = [
        line.split("\t")[0]
        for line in _DATA.joinpath("corpus.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    texts += [
        json.loads(line)["text"] for line in _DATA.joinpath("sentences.jsonl").read_text("utf-8").splitlines()
    ]
    texts += [json.loads(p.read_text("utf-8"))["text"] for p in sorted(_FIXTURES.glob("*.json"))]
    texts += [
        "2023" * 200,
        "May " * 300,
        "the 3rd of March 2021, Q3 2024's H1 FY24 3Q2025, 1/2/2023 12-01-1999 2021-03-04 2021/03",
        "early 2020s mid-1990s late 2010s; last week's Sunday, two months ago, next Tuesday, 3 weeks ago",
        "SEPTEMBER 1st ſeptember Kelvin \u212a 2020\u00a0年 2019年3月 Ｑ3 ２０２０",
        "1" * 500 + " 20" * 100,
    ]
    return texts


def _key(m: re.Match[str]) -> tuple[Any, ...]:
    return (m.span(), m.groups())


@pytest.mark.parametrize("rule", finder.RULES, ids=lambda r: r.name)
def test_scanner_matches_finditer(rule: Any) -> None:
    rng = random.Random(rule.name)
    for text in _texts():
        scanner = anchors.Scanner(text)
        ranges = [*finder.segments(text), (0, len(text))]
        for _ in range(3):
            a = rng.randint(0, len(text))
            ranges.append((a, rng.randint(a, len(text))))
        for pos, endpos in ranges:
            expected = [_key(m) for m in rule.pattern.finditer(text, pos, endpos)]
            assert [_key(m) for m in scanner.finditer(rule.pattern, pos, endpos)] == expected, (
                text[:60],
                pos,
            )


def test_most_rules_are_anchored() -> None:
    """The speed-up only holds while the rules keep literals the scanner can find."""
    anchored = [r.name for r in finder.RULES if anchors.anchor_of(r.pattern) is not None]
    assert len(anchored) >= len(finder.RULES) // 2, anchored
