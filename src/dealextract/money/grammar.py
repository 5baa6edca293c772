"""The amount grammar: one compiled scanner over the text, then small anchored rules around each hit.

The scanner (``SCANNER``) reads a number with whatever currency and scale words touch it, with exact
character offsets.  ``scanner_matches`` returns what ``SCANNER.finditer`` would, left to right, but runs
the scanner only where a match can begin: one cheap search (``_START``) finds those places, and most
characters of an article begin nothing.  Only the number is mandatory in the scanner and everything
after it is optional, so a match never fails after consuming a long run: the pass is linear even on
hostile input ("$$$$...", a megabyte of digits and commas, "million million ...").  The rules below
read only the matches with a currency (and their neighbours, for ranges): most numbers in news are not
money.

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
from functools import lru_cache

from dealextract.literals import fold
from dealextract.money.currencies import (
    DOLLAR,
    UNKNOWN,
    YEN,
    Form,
    by_first_char,
    combine,
    lookup,
    post_pattern,
    pre_pattern,
)
from dealextract.money.numbers import (
    ARTICLE_NUMBER_RE,
    ARTICLE_UNITS,
    DIGITS_RE,
    NUMBER_WORDS,
    WORDS_RUN_RE,
    apply_chinese_scale,
    parse_digits,
    parse_words,
    scale_factor,
)

_SP = "[ \u00a0\u202f]"
_SCALE_WORDS = by_first_char(
    ((w[0], f"(?i:{w[1:]})", True)
     for w in ("thousand", "million", "billion", "trillion", "crores?", "lakhs?", "lacs?", "mln", "mil", "mn",
               "bln", "bn", "trn", "tn", "MM", "cr")),
    screen=True,
)  # fmt: skip
_VAGUE = (
    r"(?i:(?:tens|hundreds|dozens)[ ]of[ ](?:thousands|millions|billions|trillions)"
    r"|(?:several|a[ ]few|few|many)[ ](?:hundred[ ])?(?:thousand|million|billion|trillion)"
    r"|multi-?(?:million|billion|trillion)|(?:thousands|millions|billions|trillions))(?![^\W\d_])"
)
# The first word of every ``_VAGUE`` alternative ("a few" is found by its "a", see ``_START``).
_VAGUE_LEADS = ("tens", "hundreds", "dozens", "several", "few", "many", "multi", "thousands", "millions",
                "billions", "trillions")  # fmt: skip

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

# Where a match can start (``_starts``): right after a character that is not an ASCII letter, either a
# number the scanner reads there (not after a word character, ".", "," or "$") or a currency written
# before the number.  A number is found by its first word only (a longer match would hide a number
# starting inside it), or by the "a", "an", "half a" that may open it ("a hundred", "half a dollar",
# "a few million").  Digits and currencies are looked at, not consumed, so the search goes on to see
# what follows them: "5ringgit 3" starts a number and a currency, "US $5" a currency inside another.
# The character before is tested against ASCII letters only: more than the scanner accepts (it takes
# "é" for a letter), but one table look-up where ``\W`` asks Unicode about every character.
_NUMBER_LEADS = [(w[0], w[1:], False) for w in NUMBER_WORDS + ARTICLE_UNITS] + [
    (w[0], f"(?i:{w[1:]})", True) for w in _VAGUE_LEADS
]
_LEAD = by_first_char(_NUMBER_LEADS, screen=True)
_OPENERS = [
    ("a", f"(?=n?[ -]{_LEAD})", False),
    ("a", "(?=[ ](?i:few))", True),  # "A few million": the vague amounts are read in any case
    ("h", f"alf(?=[ -]an?[ -]{_LEAD})", False),
]
_START = re.compile(
    r"[^a-zA-Z](?:(?<![0-9_,.$])(?:(?=\.?\d)|"
    + by_first_char(_NUMBER_LEADS + _OPENERS, screen=True)
    + f")|(?={pre_pattern()}))"
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
_RANGE_GAP_MAX = len(" through ")  # the longest gap ``_RANGE_GAP`` accepts
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
_QUALIFIERS = (("approx", _APPROX), ("lower", _LOWER), ("upper", _UPPER))
# A qualifier right before an amount, its phrases grouped by first letter (``by_first_char``: a flat
# list of fifty phrases in any case cost fifty tries per word); ``_qualifier_kind`` names the bound.
_QUALIFIER_RE = re.compile(
    r"(?:(?<![^\W\d_])(?P<phrase>"
    + by_first_char((p[0], f"(?i:{p[1:]})", True) for _, phrases in _QUALIFIERS for p in phrases.split("|"))
    + rf")|(?P<tilde>~|≈|c\.)){_SP}*$"
)
_QUALIFIER_KINDS = tuple((kind, re.compile(f"(?i:{phrases})")) for kind, phrases in _QUALIFIERS)
# The longest qualifier, and the spaces ``_SP`` stands for: a qualifier ending right before an amount
# can only start this far before the spaces that precede the amount.
_QUALIFIER_MAX = max(len(p) for p in f"{_APPROX}|{_LOWER}|{_UPPER}".split("|"))
_SP_CHARS = " \u00a0\u202f"
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


@lru_cache(maxsize=1024)
def _form_of(raw: str | None) -> Form | None:
    """The form a matched currency stands for (cached: an article repeats a handful of them)."""
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
    """The interval a vague amount spans: "tens of millions" is [10 million, 100 million].

    The words are folded as the case-insensitive pattern matched them ("thouſands", "TENS").
    """
    low = fold(text).replace("-", " ")
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
    if a.form.minor is not None:
        return
    m = _TAIL_RE.match(text, a.end)
    if m is None or _RANGE_OPENER.search(text, max(0, a.start - 12), a.start):
        return  # "between 10 dollars and 20 dollars" is a range, not ten dollars twenty
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
    m = _qualifier_before(text, window_start, a.start)
    opener = _RANGE_OPENER.search(text, window_start, a.start) if a.value is None else None
    if opener is not None:
        a.ext_start = opener.start()
        m = _qualifier_before(text, max(0, a.ext_start - 30), a.ext_start)
    if m is not None:
        a.ext_start = m.start()
        kind = _qualifier_kind(m)
        _bound(a, kind == "lower", kind == "upper")
    after = _AFTER_QUALIFIER_RE.match(text, a.end)
    if after is not None:
        a.ext_end = after.end()
        _bound(a, after.group("lower") is not None or after.group("plus") is not None,
               after.group("upper") is not None)  # fmt: skip


def _qualifier_before(text: str, window_start: int, end: int) -> re.Match[str] | None:
    """``_QUALIFIER_RE.search(text, window_start, end)``, begun where a qualifier can start at the earliest.

    The qualifier ends where the spaces before ``end`` begin (or before a newline there: ``$`` also
    matches before a final newline), so the search need not try the thirty characters of the window.
    """
    last = end
    if last > window_start and text[last - 1] == "\n":
        last -= 1
    while last > window_start and text[last - 1] in _SP_CHARS:
        last -= 1
    return _QUALIFIER_RE.search(text, max(window_start, last - _QUALIFIER_MAX), end)


def _qualifier_kind(m: re.Match[str]) -> str:
    """The bound a qualifier sets: "approx", "lower" or "upper" (or "tilde" for "~").

    The first list with a phrase that reads as the matched one: the phrase the search took is the first
    that matches there in the order of ``_QUALIFIERS``, so its list is the first that has it.
    """
    phrase = m["phrase"]
    if phrase is None:
        return "tilde"
    return next(kind for kind, pattern in _QUALIFIER_KINDS if pattern.fullmatch(phrase))


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


def _starts(text: str) -> list[int]:
    """Every position where ``SCANNER`` can match (and a few where it cannot), in order.

    A match starts either with a currency form written before the number or with the number itself,
    which the scanner only reads at the start of the text or after a character that is not part of a
    word: a digit (or the "." of ".75"), a number word, the first word of a vague amount, a currency
    word after "a" or "half a" ("a dollar"), or the "a" or "half" that opens one of those.
    """
    return sorted({0, *(m.start() + 1 for m in _START.finditer(text))})


def scanner_matches(text: str) -> list[re.Match[str]]:
    """``list(SCANNER.finditer(text))``, running the scanner only where ``_starts`` says a match may begin.

    Why: ``finditer`` tries the scanner at every character, and most characters of an article start
    nothing.  The result is the same: the scanner never matches the empty string, so each match of
    ``finditer`` is the first one starting at or after the end of the one before, and every position
    where one can start is tried in order.
    """
    found = []
    end = 0
    match = SCANNER.match
    for start in _starts(text):
        if start >= end:
            m = match(text, start)
            if m is not None:
                found.append(m)
                end = m.end()
    return found


def _hits(text: str, matches: list[re.Match[str]]) -> list[Amount]:
    """The matches read as amounts, with their cents, in text order.

    A match with no currency form only matters as the other end of a range whose end has one ("$5-10
    million"), so it is read only when a match with a currency is within a range gap of it: most numbers
    in news are not money, and reading them all was most of the work.  Leaving the others out changes
    no range: a number never joins a range across another number.  A vague amount is read in any case,
    as before: ``_vague_bounds`` raises on a spelling its table lacks ("thouſands"), and that must not
    depend on whether a currency follows.
    """
    read = [m["pre"] is not None or m["post"] is not None or m["vague"] is not None for m in matches]
    hits: list[Amount] = []
    covered = 0  # the end of the last amount: a cents tail may have read the next match already
    for i, m in enumerate(matches):
        if not read[i] and not _may_join(matches, read, i, hits):
            continue
        a = _hit(m)
        if a is not None and a.start >= covered:
            _cents_tail(text, a)
            hits.append(a)
            covered = a.end
    return hits


def _may_join(matches: list[re.Match[str]], read: list[bool], i: int, hits: list[Amount]) -> bool:
    """Whether match ``i`` is within a range gap of the amount before it or of a match read after it."""
    m = matches[i]
    if hits and hits[-1].form is not None and m.start() - hits[-1].end <= _RANGE_GAP_MAX:
        return True
    return i + 1 < len(matches) and read[i + 1] and matches[i + 1].start() - m.end() <= _RANGE_GAP_MAX


def scan(text: str) -> list[Amount]:
    """Every amount in ``text`` with its qualifiers, units and equivalents; currencies still raw."""
    amounts = [a for a in _join_ranges(text, _hits(text, scanner_matches(text))) if a.form is not None]
    for a in amounts:
        _qualify(text, a)
        _per_unit(text, a)
    _link_equivalents(text, amounts)
    return amounts


__all__ = ["SCANNER", "Amount", "scan", "scanner_matches"]
