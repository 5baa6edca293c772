"""The fast paths of the money grammar give exactly what the plain ones did.

- ``scanner_matches`` runs the scanner only where a match can start: it returns what
  ``SCANNER.finditer`` returns;
- ``scan`` reads only the matches that have, or may join, a currency: it returns what reading every
  match returned (an exception included);
- the qualifier search starts late and its phrases are grouped: same span and bound as the flat pattern;
- the currency alternations are grouped by first character (``by_first_char``): same matches as the
  flat alternation, which relies on ``_first_chars`` knowing every character that Python's
  case-insensitive matching takes for a letter.
"""

from __future__ import annotations

import json
import random
import re
import string
import sys
from importlib import resources
from pathlib import Path

import pytest

from dealextract import extract, parse_money
from dealextract.money.currencies import (
    _CUE_KEY,
    _CUES,
    Form,
    _first_chars,
    forms,
    post_pattern,
    pre_pattern,
)
from dealextract.money.grammar import (
    _APPROX,
    _LOWER,
    _UPPER,
    SCANNER,
    Amount,
    _cents_tail,
    _hit,
    _join_ranges,
    _link_equivalents,
    _per_unit,
    _qualifier_before,
    _qualifier_kind,
    _qualify,
    scan,
    scanner_matches,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"

# Pieces of money text, glued at random: currencies before and after, in any case, numbers in digits and
# words, openers ("a", "half a"), vague amounts, separators and the characters the scanner looks behind.
_PIECES = """$ US$ U.S.$ US $ USD$ HK$ S$ SGD$ NT$ A$ C$ NZ$ R$ CN¥ RMB¥ ¥ ￥ RMB Rmb Rs. Rs ₹ € £ ₩ W RM Rp S/.
malaysian ringgits Ringgit RINGGIT ringgits USD EUR GBP CHF JPY CNY INR SGD KES RON ALL TOP dollars Dollars
bucks euros pounds sterling yuan yen rupees won francs cents cent c ¢ pence penny kr lei zł TL KD L.E.
元 亿 万 亿元 人民币 美元 円 日元 one two five ten twelve twenty forty hundred thousand million billion
lakh crores zero a an half a half an half-a tens hundreds dozens several few many multi multi- Several MANY
ſeveral Tens of millions thousands Millions k K m M b B T bn mn mln MM cr Million of and or to through
between from - – — , . : ; ( ) + -plus ~ about roughly more than up to or more per a month / month
equivalent to worth the raised in 2019 Q3 A380 _ % é ı A few A FEW Half a HALF An Dollars EUROS Rupee
thouſands bıllion millİons ſeveral Ringgit MALAYSIA About UP TO Or More c. C. from between From Between""".split()
_NUMBERS = ["5", "10", "1,200", "1,200,000", "13 009", "4.7", ".75", "0.14", "43", "119", "95", "1,190.00",
            "3000", "5,5", "12345", "1 000", "28.35", "1,000,000,000"]  # fmt: skip
_GLUE = [" ", "", " ", "\u00a0", "\u202f", "-", ", ", " (", ") ", ". ", "\n"]


def _generated(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 12)):
            parts.append(rnd.choice(_NUMBERS) if rnd.random() < 0.4 else rnd.choice(_PIECES))
            parts.append(rnd.choice(_GLUE))
        texts.append("".join(parts))
    return texts


def _texts() -> list[str]:
    money = resources.files("dealextract.money")
    corpus = money.joinpath("data/corpus.tsv").read_text("utf-8").splitlines()
    sentences = money.joinpath("data/sentences.jsonl").read_text("utf-8").splitlines()
    articles = [json.loads(p.read_text("utf-8"))["text"] for p in sorted(FIXTURES.glob("*.json"))]
    return (
        [line.split("\t")[0] for line in corpus if line and not line.startswith("#")]
        + [json.loads(line)["text"] for line in sentences if line.strip()]
        + articles
        + _generated(4000, seed=0)
        + ["1,2" * 500, "$" * 500, "one " * 200 + "dollars", "a " * 200 + "dollar", "US$" * 200 + "5"]
        + [
            "raised A FEW MILLION dollars",
            "x A few billion yuan",
            "x half a dollar",
            "x HALF A MILLION",
            "x an eight dollars",
            "x a-hundred euros",
            "(.75 cents)",
            "5ringgit 3",
            "US $5",
            "_5 RM5",
        ]
    )


TEXTS = _texts()


def test_scanner_matches_are_finditer() -> None:
    for text in TEXTS:
        fast = [(m.span(), m.groupdict()) for m in scanner_matches(text)]
        assert fast == [(m.span(), m.groupdict()) for m in SCANNER.finditer(text)], text


def _scan_reading_every_match(text: str) -> list[Amount]:
    """``scan`` as it was: every match read, not only those that have or may join a currency."""
    hits: list[Amount] = []
    covered = 0
    for m in SCANNER.finditer(text):
        a = _hit(m)
        if a is not None and a.start >= covered:
            _cents_tail(text, a)
            hits.append(a)
            covered = a.end
    amounts = [a for a in _join_ranges(text, hits) if a.form is not None]
    for a in amounts:
        _qualify(text, a)
        _per_unit(text, a)
    _link_equivalents(text, amounts)
    return amounts


def _outcome(fn: object, text: str) -> object:
    try:
        return fn(text)  # type: ignore[operator]
    except Exception as exc:  # the old scan raised on some vague spellings: so must the new one
        return type(exc)


def test_scan_reads_what_reading_every_match_read() -> None:
    for text in TEXTS:
        assert _outcome(scan, text) == _outcome(_scan_reading_every_match, text), text


# The qualifier pattern as it was, one group per kind of bound.
_FLAT_QUALIFIER = re.compile(
    rf"(?:(?<![^\W\d_])(?i:(?P<approx>{_APPROX})|(?P<lower>{_LOWER})|(?P<upper>{_UPPER}))"
    r"|(?P<tilde>~|≈|c\.))[ \u00a0\u202f]*$"
)


def test_qualifier_search_finds_what_the_flat_pattern_found() -> None:
    for text in TEXTS[:2000]:
        for end in range(len(text) + 1):
            start = max(0, end - 30)
            a, b = _FLAT_QUALIFIER.search(text, start, end), _qualifier_before(text, start, end)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), _qualifier_kind(b))), (text, end)


def _flat(items: list[Form]) -> re.Pattern[str]:
    """The forms as one flat alternation, longest first: what the grouped patterns must match."""
    parts = []
    for f in sorted(items, key=lambda f: len(f.text), reverse=True):
        body = re.escape(f.text).replace(r"\ ", "[ \u00a0]")
        if f.case_insensitive:
            body = f"(?i:{body})"
        if f.text[-1].isalpha():
            body += r"(?![^\W\d_])"
        parts.append(body)
    return re.compile("(?:" + "|".join(parts) + ")")


@pytest.mark.parametrize("where", ["pre", "post"])
def test_grouped_forms_match_like_the_flat_alternation(where: str) -> None:
    items = [f for f in forms() if getattr(f, where)]
    flat = _flat(items)
    grouped = re.compile(pre_pattern() if where == "pre" else post_pattern())
    for text in TEXTS[:3000]:
        for i in range(len(text)):
            a, b = flat.match(text, i), grouped.match(text, i)
            assert (a and a.span()) == (b and b.span()), (text, i)


def test_first_chars_know_every_case_twin() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    firsts = set(string.ascii_letters) | {f.text[0] for f in forms() if f.case_insensitive}
    for ch in sorted(firsts):
        expected = sorted(set(re.findall(f"(?i:{re.escape(ch)})", everything)))
        assert sorted(_first_chars(ch, True)) == expected, ch


def test_each_cue_counts_for_one_place() -> None:
    # ``ArticleContext`` counts a matched cue for the place ``_CUE_KEY`` gives it: one place per word
    assert len(_CUE_KEY) == sum(len(words) for words in _CUES.values())


@pytest.mark.parametrize(
    ("twin", "plain"),
    [
        ("thouſands of dollars", "thousands of dollars"),  # "ſ" is an "s" to a case-insensitive pattern
        ("tens of thouſands of yuan", "tens of thousands of yuan"),
        ("ſeveral million euros", "several million euros"),
    ],
)
def test_vague_amounts_with_case_twins_read_as_plain_ones(twin: str, plain: str) -> None:
    a, b = parse_money(twin), parse_money(plain)
    assert a is not None and b is not None and a.value is None
    assert (a.min, a.max, a.currency) == (b.min, b.max, b.currency)
    assert extract(f"Acme raised {twin}.").errors == []
