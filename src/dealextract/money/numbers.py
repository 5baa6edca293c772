"""Numbers as news writes them, read into exact ``Decimal`` values.

Three shapes reach us: digits with separators ("1,200,000", "13 009", "4.7"), English number words
("twenty-five", "half a", "a hundred") and Chinese magnitude characters after digits ("5亿", "3000万").
Scale words ("million", "bn", "crore") are plain factors kept in one table, ``SCALES``, which the pint
registry in ``units.py`` reads too, so the two can never disagree.

Nothing here guesses a currency: a bare number is not money.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Scale words, lowercase unless the case matters (an upper-case "M" is a million, but so is "m";
# "T" is a trillion only upper-case: a lower-case "t" is a tonne).
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "K": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "lac": Decimal(10) ** 5,
    "lacs": Decimal(10) ** 5,
    "million": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "M": Decimal(10) ** 6,
    "MM": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "billion": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "B": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "T": Decimal(10) ** 12,
}

# Chinese magnitude characters, as they follow digits in English text ("5亿元", "3000万").
CHINESE_SCALES: dict[str, Decimal] = {
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10) ** 4,
    "亿": Decimal(10) ** 8,
}

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
WORD_SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "million": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

# Longer numbers are not amounts of money (and would only slow Decimal arithmetic on hostile input).
MAX_DIGITS = 40
MAX_WORDS = 12

# Characters used to group thousands: comma, (narrow) no-break space, thin space, plain space.
GROUP_SEPARATORS = ",\u00a0\u2009\u202f "

# Regex fragments used by the scanner in ``grammar.py``.  Each is free of nested quantifiers that could
# backtrack: a group separator is one character and every group is exactly three digits.
DIGITS_RE = r"(?:\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
NUMBER_WORDS = tuple(
    sorted((w for w in {**UNITS_WORDS, **WORD_SCALES} if w not in ("a", "an")), key=len, reverse=True)
)
NUMBER_WORD_RE = "(?:" + "|".join(NUMBER_WORDS) + r")\b"
# A run of number words: "twenty-five", "one hundred and fifty", "a hundred", "half a million".
WORDS_RUN_RE = (
    rf"(?:half[ -]an?[ -]|an?[ -])?{NUMBER_WORD_RE}"
    rf"(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=dollar)|(?<=dollars))[ ]and)?"
    rf"[ -]{NUMBER_WORD_RE})*"
)
# "a", "an", "half a" standing for one (or a half) before a currency word ("a dollar", "half a euro").
ARTICLE_UNITS = ("dollars?", "bucks?", "euros?", "pounds?", "penny", "yuan", "yen", "rupees?", "cents?")
ARTICLE_NUMBER_RE = rf"(?:half[ -]an?|an?)(?=[ -](?:{'|'.join(ARTICLE_UNITS)})\b)"


def parse_digits(text: str) -> Decimal | None:
    """Read "1,200,000", "13 009", "4.7", ".75" exactly; None if it is not a number."""
    cleaned = text
    for sep in GROUP_SEPARATORS:
        cleaned = cleaned.replace(sep, "")
    if not cleaned or cleaned == "." or len(cleaned) > MAX_DIGITS:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_WORD_SEPARATORS = re.compile(r"[\s-]+")


def parse_words(text: str) -> Decimal | None:
    """Read English number words ("twenty-five", "one hundred and fifty", "half a million", "a").

    Returns None for a run that is not one well-formed number ("million million"), so hostile text is
    never read as an amount.
    """
    words = [w for w in _WORD_SEPARATORS.split(text.lower()) if w and w != "and"]
    if not words or len(words) > MAX_WORDS:
        return None
    half = False
    if words[0] == "half":
        half = True
        words = words[1:]
        if not words:
            return None
    total = Decimal(0)  # completed groups (above a thousand)
    current = Decimal(0)  # the group being built
    last_scale: Decimal | None = None
    seen_any = False
    for word in words:
        if word in UNITS_WORDS:
            unit_value = UNITS_WORDS[word]
            if word in ("a", "an") and seen_any:
                return None
            below_hundred = current % 100
            tens_then_unit = below_hundred >= 20 and below_hundred % 10 == 0 and unit_value < 10
            if below_hundred and not tens_then_unit:
                return None  # "one two", "twenty thirty": two numbers, not one
            current += unit_value
            seen_any = True
        elif word in WORD_SCALES:
            scale = WORD_SCALES[word]
            if scale == 100:
                if current >= 100:
                    return None  # "one hundred hundred"
                current = (current or Decimal(1)) * scale
            else:
                if last_scale is not None and scale >= last_scale:
                    return None  # "million million", "thousand million": not how news writes numbers
                total += (current or Decimal(1)) * scale
                current = Decimal(0)
                last_scale = scale
            seen_any = True
        else:
            return None
    value: Decimal = total + current
    return value / 2 if half else value


def apply_chinese_scale(chars: str) -> Decimal | None:
    """The factor of a run of Chinese magnitude characters ("亿" 1e8, "万亿" 1e12); None if unknown."""
    factor = Decimal(1)
    for ch in chars:
        scale = CHINESE_SCALES.get(ch)
        if scale is None:
            return None
        factor *= scale
    return factor


def scale_factor(word: str) -> Decimal | None:
    """The factor of a scale word, matching case where the case decides ("T" vs "t")."""
    if word in SCALES:
        return SCALES[word]
    lowered = word.lower()
    if lowered in SCALES and len(lowered) > 1 and lowered not in ("mm",):
        return SCALES[lowered]
    return None
