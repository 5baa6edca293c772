"""The words of dates and the regex fragments the rules are built from, plus the false-positive checks.

Every fragment is an alternation of literal words or a bounded repetition (``\\s{1,3}``, ``\\d{1,2}``):
there is no nested or unbounded quantifier anywhere, so every rule runs in linear time on hostile input
(a megabyte of digits, 100,000 question marks).  Rules are compiled case-insensitively; the few words
whose case matters ("May" the month vs "may" the verb) are checked by :func:`month_case_ok`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dealextract.literals import fold

if TYPE_CHECKING:
    from dealextract.dates.resolve import Reading

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth")  # fmt: skip


def _ordinal_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS) if w}
    words.update({w: 10 + i for i, w in enumerate(_TEENS)})
    words.update({"twentieth": 20, "thirtieth": 30})
    for i, unit in enumerate(_UNITS[1:], start=1):
        words[f"twenty-{unit}"] = 20 + i
        words[f"twenty {unit}"] = 20 + i
    words["thirty-first"] = words["thirty first"] = 31
    return words


ORDINAL_WORDS: dict[str, int] = _ordinal_words()

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "a couple of": 2, "a couple": 2,
}  # fmt: skip


def alternation(words: list[str] | tuple[str, ...] | dict[str, int]) -> str:
    """A non-capturing alternation, longest word first so "sept" wins over "sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered) + ")"


S = r"\s{1,3}"  # bounded whitespace: never \s+ (a megabyte of spaces must not backtrack)
MONTH = alternation(MONTHS) + r"\b\.?"
FULL_MONTH = alternation(FULL_MONTHS) + r"\b"
WEEKDAY = alternation(FULL_WEEKDAYS) + r"\b"
ANY_WEEKDAY = alternation(WEEKDAYS) + r"\b\.?"
# A four-digit year 1600-2099, not part of a number ("$2,023", "2023.5", "12023").
YEAR_TAIL = r"(?:1[6-9]|20)\d\d(?![\w%]|[.,/]\d)"  # for attached forms ("FY2024", "3Q2025")
YEAR = r"(?<![\w$€£¥.,])" + YEAR_TAIL
ERA = r"(?:\s{0,2}(?:A\.D\.|AD\b|C\.E\.|CE\b))?"
DAY_DIGITS = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
DAY_NUM = r"(?<![\w$€£¥.,])" + DAY_DIGITS + r"(?![\w%]|[.,]\d)"
DAY_AFTER = DAY_DIGITS + r"(?![\w%]|[.,]\d)"  # after a month word, possibly attached ("Feb13")
DAY_WORD = alternation(ORDINAL_WORDS) + r"\b"
COUNT = r"(?:\d{1,3}\b|" + alternation(NUMBER_WORDS) + r"\b)"
SMALL_ORDINAL = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\b"

# Words before a bare year or month that make it read as a date ("in 2023", "since March").
PREPOSITIONS = alternation(
    ["in", "since", "from", "during", "by", "until", "till", "through", "throughout", "before",
     "after", "of", "for", "between", "around", "circa", "as of", "year", "the year", "founded",
     "established", "launched", "set up", "started", "starting", "beginning", "ending"]
) + r"\b"  # fmt: skip
# Modifiers that stay in the span: "late 2023", "mid-2023", "the end of March".
MODIFIER = r"(?:early|mid|late|(?:the\s{1,3})?(?:end|start|beginning|middle|close|turn)\s{1,3}of)"
# Words that turn a year-less date towards the future ("by March", "until Friday", "next quarter").
FUTURE_CUES = frozenset({"by", "until", "till", "next", "coming", "upcoming", "following"})

# Plural nouns after a number that mark a count, not a year ("2023 employees").
_COUNT_NOUNS = re.compile(
    r"\s{1,3}(?:employees|people|staff|workers|users|customers|units|shares|patents|stores|"
    r"vehicles|cars|robots|members|students|jobs|startups|companies|firms|investors|deals|"
    r"projects|models|chips|GPUs|yuan|dollars|euros|won|yen|rupees|times)\b",
    re.IGNORECASE,
)
# Capitalised words that may stand before "Q3"/"H1" in a sentence without making it a model name.
_FUNCTION_WORDS = frozenset(
    ("in", "by", "during", "for", "since", "until", "through", "from", "the", "its", "their", "our", "his",
     "her", "of", "and", "or", "before", "after", "as", "at", "on", "to", "this", "last", "next", "each",
     "every", "early", "late", "mid")
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]{0,40})[ \t]{1,3}\Z")
_HOLIDAY_WORDS = frozenset({"black", "cyber", "good", "super", "giving", "easter", "ash", "palm", "holy"})


# Every rule's match holds one of these; the finder runs the rules only near them (see finder.segments).
TRIGGER = re.compile(
    r"(?:1[6-9]|20)\d\d|\d{1,2}[/-]\d|\d\.\d{1,2}\.\d|[QH][1-4]|[1-4][QH]|\d{1,2}\s\d{1,2}\s\d|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|"
    r"yesterday|tomorrow|ago|week|month|quarter|year|yr|decade|half|day|fiscal|fy|morning|afternoon|"
    r"evening|hence)",
    re.IGNORECASE,
)
TRIGGER_MARGIN = 100  # characters kept on each side of a trigger: longer than any rule's match


def number(word: str) -> int:
    """A count written in digits or words ("3", "three", "a")."""
    word = " ".join(fold(word).split())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def ordinal(word: str) -> int:
    """A day or rank written "3", "3rd" or "third"."""
    word = " ".join(fold(word).split())
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else ORDINAL_WORDS[word]


def month_number(word: str) -> int:
    return MONTHS[fold(word).rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[fold(word).rstrip(".")]


def month_case_ok(word: str, bare: bool) -> bool:
    """ "May" is a month only when capitalised ("the firm may raise"); a bare "March" too ("march
    toward"); other month words are dates in any case ("march 3 2015")."""
    low = fold(word).rstrip(".")
    if low == "may" or (bare and low == "march"):
        return word[0].isupper()
    return True


def word_before(text: str, start: int) -> str | None:
    """The word just before ``start`` on the same line, if any (looks back at most ~45 characters)."""
    m = _WORD_BEFORE.search(text, max(0, start - 45), start)
    return m.group(1) if m else None


def looks_like_model_name(text: str, start: int) -> bool:
    """A capitalised word before "Q3"/"H1" with no year names a product ("Vidu Q3"), not a quarter."""
    before = word_before(text, start)
    return before is not None and before[0].isupper() and fold(before) not in _FUNCTION_WORDS


def is_count(text: str, end: int) -> bool:
    """A year-shaped number followed by a plural noun is a count ("2023 employees")."""
    return _COUNT_NOUNS.match(text, end) is not None


def is_named_day(text: str, start: int) -> bool:
    """ "Black Friday", "USA Today": a weekday or "today" that is part of a name."""
    before = word_before(text, start)
    if before is None:
        return False
    return fold(before) in _HOLIDAY_WORDS or (before.isupper() and len(before) > 1)


@dataclass(frozen=True, slots=True)
class Rule:
    """One way of writing a date: a regex and the function that reads its match (None = not a date).

    If the regex has a ``core`` group, that group is the date's span (prepositions such as "in" in
    "in 2023" are context, not part of the date)."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str]], Reading | None]


def rule(name: str, regex: str) -> Callable[[Callable[[re.Match[str]], Reading | None]], Rule]:
    """Decorator that turns a reader function into a :class:`Rule` (regex compiled case-insensitively)."""

    def wrap(read: Callable[[re.Match[str]], Reading | None]) -> Rule:
        return Rule(name, re.compile(regex, re.IGNORECASE), read)

    return wrap


def future_cue(text: str, start: int) -> bool:
    """ "by March", "until Friday", "next quarter": the word before points forward in time."""
    before = word_before(text, start)
    return before is not None and fold(before) in FUTURE_CUES


def full_year(digits: str) -> int:
    """A year from 4 digits, or from 2 with a fixed pivot (00-49 -> 2000s, 50-99 -> 1900s)."""
    value = int(digits)
    if len(digits) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value
