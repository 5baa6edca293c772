"""The amount grammar: one compiled scanner over the text, then small anchored rules around each hit.

The scanner (``SCANNER``) finds every number with whatever currency and scale words touch it, in one
left-to-right pass with exact character offsets.  Only the number is mandatory in it and everything after
the number is optional, so a match never fails after consuming a long run: the pass is linear even on
hostile input ("$$$$...", a megabyte of digits and commas, "million million ...").

The rules after it look at a bounded window around each hit:

- cents tails ("$20 and 43c", "20 dollars 43 cents", "$119. 95");
- ranges between two hits ("$5-10 million", "between 1 and 2 billion yuan", "from $5m to $10m");
- qualifiers before ("about", "more than", "up to") and after ("or more", "+");
- per-unit prices ("$0.14 per million tokens", "$20 a month", "$5/month");
- equivalents ("2 billion yuan (roughly $293 million)", "or about $X").

Currencies are not decided here: ``finder.py`` decides "$" and "¥" with the whole article in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from dealextract.money.currencies import (
    DOLLAR,
    UNKNOWN,
    YEN,
    Form,
    combine,
    lookup,
    post_pattern,
    pre_pattern,
)
from dealextract.money.numbers import (
    ARTICLE_NUMBER_RE,
    DIGITS_RE,
    WORDS_RUN_RE,
    apply_chinese_scale,
    parse_digits,
    parse_words,
    scale_factor,
)

_SP = "[ \u00a0\u202f]"
_SCALE_WORDS = r"(?i:thousand|million|billion|trillion|crores?|lakhs?|lacs?|mln|mil|mn|bln|bn|trn|tn|MM|cr)"
_VAGUE = (
    r"(?i:(?:tens|hundreds|dozens)[ ]of[ ](?:thousands|millions|billions|trillions)"
    r"|(?:several|a[ ]few|few|many)[ ](?:hundred[ ])?(?:thousand|million|billion|trillion)"
    r"|multi-?(?:million|billion|trillion)|(?:thousands|millions|billions|trillions))(?![^\W\d_])"
)

SCANNER = re.compile(
    rf"(?:(?<![^\W\d_])(?P<pre>{pre_pattern()}(?:{_SP}?\$)?|\${_SP}?{pre_pattern()})(?:{_SP}?:)?{_SP}?"
    rf"|(?<![\w.,$]))"
    rf"(?:(?P<digits>{DIGITS_RE})(?P<dash>,-|\.-)?|(?P<vague>{_VAGUE})|(?P<words>{WORDS_RUN_RE})"
    rf"|(?P<art>{ARTICLE_NUMBER_RE}))"
    rf"(?:{_SP}?(?P<scale>{_SCALE_WORDS})(?![^\W\d_])(?:{_SP}(?P<scale2>crores?|lakhs?)(?![^\W\d_]))?"
    rf"|(?P<scale1>[kKmMbBT])(?![^\W\d_]))?"
    rf"(?P<cn>[百千万亿]{{1,3}})?"
    rf"(?:(?P<of>{_SP}of)?(?P<psep>{_SP}|-(?=[^\W\d_]))?(?P<post>{post_pattern()})(?(pre)(?!{_SP}?\d)))?"
)

# Vague amounts: (min, max) as multiples of nothing (the table gives whole values).
_VAGUE_BOUNDS: dict[str, tuple[Decimal, Decimal]] = {
    "thousands": (Decimal(10) ** 3, Decimal(10) ** 6),
    "millions": (Decimal(10) ** 6, Decimal(10) ** 9),
    "billions": (Decimal(10) ** 9, Decimal(10) ** 12),
    "trillions": (Decimal(10) ** 12, Decimal(10) ** 15),
}
_VAGUE_MULTIPLES: dict[str, tuple[int, int]] = {
    "tens": (10, 100),
    "dozens": (24, 100),
    "hundreds": (100, 1000),
    "several": (2, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "many": (2, 99),
    "multi": (2, 999),
}

_TAIL_RE = re.compile(
    rf"(?:(?P<dot>\.{_SP}\d{{2}})(?![\w.,])"
    rf"|(?:{_SP}and)?{_SP}?(?P<n>\d{{1,2}}(?![\d.,])|{WORDS_RUN_RE})"
    rf"(?:{_SP}?(?P<minor>(?i:cents?|c|¢|pence|pennies|sens?|kopiykas?|kopecks?|paise))(?![^\W\d_]))?)"
)
_WORD_AFTER = re.compile(rf"{_SP}*[\w$€£¥]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_GAP = re.compile(rf"{_SP}?(?:-|–|—|to|and|through){_SP}?")
_RANGE_OPENER = re.compile(r"(?<![^\W\d_])(?i:from|between)" + _SP + r"+$")
_APPROX = (
    r"roughly|about|approximately|approx\.|nearly|around|some|an estimated|estimated|almost|close to"
    r"|circa|more or less|a reported|a rumoured|a rumored|reportedly"
)
_LOWER = (
    r"more than|over|at least|upwards of|upward of|in excess of|above|no less than|not less than"
    r"|north of|exceeding|greater than|just over|well over|nearly over|a minimum of|minimum of"
)
_UPPER = (
    r"up to|under|less than|lower than|no more than|not more than|at most|below|as much as"
    r"|a maximum of|maximum of|just under|a maximum|not exceeding|capped at"
)
_QUALIFIER_RE = re.compile(
    rf"(?:(?<![^\W\d_])(?i:(?P<approx>{_APPROX})|(?P<lower>{_LOWER})|(?P<upper>{_UPPER}))"
    rf"|(?P<tilde>~|≈|c\.)){_SP}*$"
)
_AFTER_QUALIFIER_RE = re.compile(
    rf"(?:{_SP}(?i:(?P<lower>or more|and more|and above|and up)|(?P<approx>or so)"
    rf"|(?P<upper>or less|and under|and below))|(?P<plus>\+|-plus))(?![^\W\d_])"
)
_TIME_UNITS = (
    r"second|minute|hour|day|night|week|month|quarter|year|share|head|person|user|seat|unit|piece|token"
)
_PER_UNIT_RE = re.compile(
    rf"{_SP}?(?:(?i:(?P<per>per|every)){_SP}(?P<q>(?:{DIGITS_RE}|(?i:hundred|thousand|million|billion))"
    rf"{_SP})?(?P<noun>[^\W\d_][\w-]*)"
    rf"|(?i:an?){_SP}(?P<time>(?i:{_TIME_UNITS}))(?![^\W\d_])"
    rf"|/{_SP}?(?P<slash>[^\W\d_]+))"
)
_EQUIV_GAP = re.compile(
    rf"{_SP}?[(\[]{_SP}?(?:(?i:or|i\.e\.|equivalent to|equal to|equating to|converted to|worth){_SP})?"
    rf"|,?{_SP}(?i:or|equivalent to|equal to|equating to|i\.e\.|which is|that is){_SP}"
    rf"(?:(?i:about|some){_SP})?"
    rf"|,?{_SP}?[—–]{_SP}?(?:(?i:or){_SP})?"
)


@dataclass(slots=True)
class Amount:
    """One amount found in the text, before its currency is decided.

    ``start``/``end`` are the amount itself (what ``Money.text`` shows); ``ext_start``/``ext_end`` also
    cover its qualifiers and per-unit phrase, so ``parse_money`` can check that the whole string was read.
    """

    start: int
    end: int
    form: Form | None
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    approximate: bool = False
    unit: str | None = None
    scaled: bool = False
    factor: Decimal = Decimal(1)  # the product of the scale words ("million" 1e6)
    ext_start: int = -1
    ext_end: int = -1
    equivalent_of: int | None = None  # index of the primary amount in the list
    notes: list[str] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        return self.form.code if self.form is not None else None


def _form_of(raw: str | None) -> Form | None:
    if raw is None:
        return None
    found = lookup(raw)
    if found is None:  # "SGD$", "NZD $", "$ SGD": a code with a dollar sign
        found = lookup(raw.replace("$", "").strip(" \u00a0\u202f:"))
    return found


def _hit(m: re.Match[str]) -> Amount | None:
    """Read one scanner match into an Amount; None when it is not a number at all."""
    pre = _form_of(m.group("pre"))
    for name in ("digits", "vague", "words", "art"):
        if m.group(name) is not None:
            kind, num_text, num_start, end = name, m.group(name), m.start(name), m.end(name)
            break
    else:  # pragma: no cover - the scanner always matches one of them
        return None
    start = m.start("pre") if pre is not None else num_start
    value: Decimal | None
    vmin = vmax = None
    if kind == "digits":
        value = parse_digits(num_text)
        if m.group("dash") is not None:
            end = m.end("dash")
    elif kind == "vague":
        value = None
        vmin, vmax = _vague_bounds(num_text)
    else:
        value = parse_words(num_text)
    if value is None and kind != "vague":
        return None
    scaled = False
    total_factor = Decimal(1)
    for group in ("scale", "scale1", "scale2"):
        word = m.group(group)
        if word is None:
            continue
        factor = scale_factor(word)
        if factor is None or value is None:
            break
        value *= factor
        total_factor *= factor
        scaled = True
        end = m.end(group)
    if m.group("cn") is not None:
        factor = apply_chinese_scale(m.group("cn"))
        if factor is not None and value is not None:
            value *= factor
            total_factor *= factor
            scaled = True
            end = m.end("cn")
    post = _form_of(m.group("post"))
    if post is not None and (
        (m.group("psep") == "-" and kind != "vague") or (m.group("of") is not None and kind != "vague")
    ):
        post = None
    if post is not None:
        end = m.end("post")
        if post.minor is not None and value is not None:
            value *= post.minor
    if pre is not None and pre.scaled_only and not scaled:
        pre, start = None, num_start
    if kind == "vague" and (post is None and pre is None):
        return None
    form = combine(pre, post)
    amount = Amount(start, end, form, value=value, min=vmin, max=vmax, scaled=scaled, factor=total_factor)
    amount.approximate = kind == "vague"
    return amount


def _vague_bounds(text: str) -> tuple[Decimal, Decimal]:
    """The interval a vague amount spans: "tens of millions" is [10 million, 100 million]."""
    low = text.lower().replace("-", " ")
    words = low.split()
    base_word = words[-1].rstrip("s")
    base = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
            "trillion": Decimal(10) ** 12}.get(base_word, Decimal(10) ** 6)  # fmt: skip
    if low.startswith("multi"):
        base = {"multimillion": Decimal(10) ** 6, "multibillion": Decimal(10) ** 9,
                "multitrillion": Decimal(10) ** 12}.get(low.replace(" ", ""), base)  # fmt: skip
        return base * 2, base * 1000
    if len(words) == 1:
        return _VAGUE_BOUNDS[words[0]]
    lead = "a few" if low.startswith("a few") else words[0]
    lo, hi = _VAGUE_MULTIPLES.get(lead, (2, 9))
    if "hundred" in words[1:-1]:
        lo, hi = lo * 100, hi * 100
    return base * lo, base * hi


def _cents_tail(text: str, a: Amount) -> None:
    """Extend "$20" by "and 43c", "43 cents", ". 95": the minor units of the same amount."""
    if a.form is None or a.scaled or a.value is None or a.value != a.value.to_integral_value():
        return
    if a.form.minor is not None or _RANGE_OPENER.search(text, max(0, a.start - 12), a.start):
        return  # "between 10 dollars and 20 dollars" is a range, not ten dollars twenty
    m = _TAIL_RE.match(text, a.end)
    if m is None:
        return
    if m.group("dot") is not None:
        cents = Decimal(m.group("dot")[-2:])
    else:
        number = m.group("n")
        raw = parse_digits(number) if number[0].isdigit() else parse_words(number)
        if raw is None or raw >= 100 or raw != raw.to_integral_value():
            return
        cents = raw
        if m.group("minor") is None and _WORD_AFTER.match(text, m.end()):
            return
    a.value = a.value + cents / 100
    a.end = m.end()


def _join_ranges(text: str, hits: list[Amount]) -> list[Amount]:
    """Merge "X-Y", "from X to Y", "between X and Y" into one amount with min and max."""
    out: list[Amount] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        if i + 1 < len(hits):
            merged = _range(text, a, hits[i + 1])
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(text: str, a: Amount, b: Amount) -> Amount | None:
    if a.value is None or b.value is None or (a.form is None and b.form is None):
        return None
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    joiner = gap.group(0).strip(" \u00a0\u202f")
    opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    opened = opener is not None
    if joiner == "and" and not (opener is not None and opener.group(0).lower().startswith("between")):
        return None  # "$5 million and $10 million" are two amounts
    if joiner in ("to", "through") and not (opened or a.form is None):
        return None
    if (
        a.form is None
        and not a.scaled
        and b.scaled
        and a.value * b.factor > b.value
        and _YEAR.fullmatch(text, a.start, a.end)
    ):
        return None  # "raised since 2019 to S$135 million": a year, then the amount
    if a.form is not None and b.form is not None and a.form.code != b.form.code:
        return None
    low, high = a.value, b.value
    if not a.scaled and b.scaled and low * b.factor <= high:
        low = low * b.factor  # "$5-10 million": the second number's scale word applies to the first
    if low > high:
        return None
    return Amount(a.start, b.end, a.form or b.form, min=low, max=high, scaled=b.scaled, factor=b.factor)


def _qualify(text: str, a: Amount) -> None:
    """Apply "about", "more than", "up to", "or more", "+" around the amount; extend its outer span."""
    a.ext_start, a.ext_end = a.start, a.end
    window_start = max(0, a.start - 30)
    m = _QUALIFIER_RE.search(text, window_start, a.start)
    opener = _RANGE_OPENER.search(text, window_start, a.start) if a.value is None else None
    if opener is not None:
        a.ext_start = opener.start()
        m = _QUALIFIER_RE.search(text, max(0, a.ext_start - 30), a.ext_start)
    if m is not None:
        a.ext_start = m.start()
        _bound(a, m.group("lower") is not None, m.group("upper") is not None)
    after = _AFTER_QUALIFIER_RE.match(text, a.end)
    if after is not None:
        a.ext_end = after.end()
        _bound(a, after.group("lower") is not None or after.group("plus") is not None,
               after.group("upper") is not None)  # fmt: skip


def _bound(a: Amount, lower: bool, upper: bool) -> None:
    a.approximate = True
    if a.value is None:
        return
    if lower:
        a.min = a.value
    elif upper:
        a.max = a.value


def _per_unit(text: str, a: Amount) -> None:
    m = _PER_UNIT_RE.match(text, a.ext_end)
    if m is None:
        return
    if m.group("noun") is not None:
        noun = m.group("noun")
        if noun.lower() in ("cent", "percent", "annum") and m.group("q") is None:
            return
        a.unit = f"{m.group('per')} {m.group('q')}{noun}" if m.group("q") else noun
    elif m.group("time") is not None:
        a.unit = m.group("time")
    else:
        a.unit = m.group("slash")
    a.ext_end = m.end()


def _link_equivalents(text: str, amounts: list[Amount]) -> None:
    """Mark "2 billion yuan (roughly $293 million)": the second amount restates the first."""
    for i in range(1, len(amounts)):
        a, b = amounts[i - 1], amounts[i]
        if a.equivalent_of is not None or a.unit is not None or b.unit is not None:
            continue
        if _EQUIV_GAP.fullmatch(text, a.ext_end, b.ext_start) is None:
            continue
        ambiguous = (DOLLAR, YEN, UNKNOWN)
        if a.code == b.code and a.code not in ambiguous:
            continue
        if a.code == b.code and a.code == DOLLAR:
            continue
        b.equivalent_of = i - 1


def scan(text: str) -> list[Amount]:
    """Every amount in ``text`` with its qualifiers, units and equivalents; currencies still raw."""
    hits: list[Amount] = []
    covered = 0  # the end of the last amount: a cents tail may have read the next match already
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


__all__ = ["SCANNER", "Amount", "scan"]
