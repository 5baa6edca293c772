"""Absolute dates: the words name the period ("April 17, 2018", "Q3 2025", "in 2023", "the 2010s").

A year-less form ("Apr. 17", "in March", "the third quarter") is read here too, because it is written
like an absolute date; its year comes from the publication date (past-leaning), so it is ``relative``.
"""

from __future__ import annotations

import datetime as dt
import re

from dealextract.dates import resolve as r
from dealextract.dates.patterns import (
    ANY_WEEKDAY,
    DAY_AFTER,
    DAY_DIGITS,
    DAY_WORD,
    ERA,
    FULL_MONTH,
    MODIFIER,
    MONTH,
    PREPOSITIONS,
    YEAR,
    YEAR_TAIL,
    Rule,
    full_year,
    future_cue,
    is_count,
    looks_like_model_name,
    month_case_ok,
    month_number,
    ordinal,
    rule,
)
from dealextract.dates.resolve import Reading
from dealextract.literals import fold
from dealextract.records import Granularity

_NOT_AFTER_NUMBER = r"(?<![\w.,/$€£¥-])"
_NUMERIC_END = r"(?![\w/-]|[.,]\d)"


def _day(year: int, month: int, day: int) -> Reading | None:
    try:
        return r.fixed("day", dt.date(year, month, day))
    except ValueError:
        return None


def _month_day(m: re.Match[str], month_word: str, day: int, year: str | None) -> Reading | None:
    """A month and a day, with or without a year; year-less leans to the past unless "by"/"until"."""
    if not month_case_ok(month_word, bare=False) or not 1 <= day <= 31:
        return None
    month = month_number(month_word)
    if year is not None:
        return _day(full_year(year), month, day)
    if day > r.days_in_month(2024, month):  # 2024: a leap year, so "Feb 29" stays possible
        return None
    future = future_cue(m.string, m.start())
    return r.relative("day", lambda ref: r.month_day_year(ref, month, day, future))


# ---------------------------------------------------------------- numeric
@rule(
    "iso_day",
    _NOT_AFTER_NUMBER + r"(?P<y>(?:1[6-9]|20)\d\d)(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)"
    r"(?P<d>\d{1,2})" + _NUMERIC_END,
)
def iso_day(m: re.Match[str]) -> Reading | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


@rule("iso_month", _NOT_AFTER_NUMBER + r"(?P<y>(?:1[6-9]|20)\d\d)[-/](?P<m>0[1-9]|1[0-2])" + _NUMERIC_END)
def iso_month(m: re.Match[str]) -> Reading | None:
    return r.fixed("month", dt.date(int(m["y"]), int(m["m"]), 1))


@rule(
    "numeric_day",
    _NOT_AFTER_NUMBER + r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})" + _NUMERIC_END,
)
def numeric_day(m: re.Match[str]) -> Reading | None:
    """ "10/31/1974", "31.10.1974", "3/3/15": month first, day first when the month cannot be."""
    return _numeric(m)


def _numeric(m: re.Match[str]) -> Reading | None:
    if len(m["y"]) == 2 and m["sep"] == ".":  # "1.10.24" is a version number more often than a date
        return None
    year = full_year(m["y"])
    if not 1600 <= year <= 2099:
        return None
    value = r.dateparser_day(f"{int(m['a'])}/{int(m['b'])}/{year}", None)
    return None if value is None else r.fixed("day", value)


@rule(
    "numeric_day_spaced", r"\A\s{0,3}(?P<core>(?P<a>\d{1,2})(?P<sep> )(?P<b>\d{1,2}) (?P<y>\d{4}))\s{0,3}\Z"
)
def numeric_day_spaced(m: re.Match[str]) -> Reading | None:
    """ "31 10 1974" only as a whole string: inside prose three numbers in a row are rarely a date."""
    return _numeric(m)


@rule(
    "month_slash_year", _NOT_AFTER_NUMBER + r"(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:1[6-9]|20)\d\d)" + _NUMERIC_END
)
def month_slash_year(m: re.Match[str]) -> Reading | None:
    return r.fixed("month", dt.date(int(m["y"]), int(m["m"]), 1))


# ---------------------------------------------------------------- month words
@rule(
    "month_day",
    r"\b(?:(?P<wd>" + ANY_WEEKDAY + r"),?\s{1,3})?(?P<month>" + MONTH + r")"
    r"(?:\s{0,3}|\s{1,3}the\s{1,3})(?:(?P<dnum>" + DAY_AFTER + r")|(?P<dword>" + DAY_WORD + r"))"
    r"(?:(?:,\s{0,3}|\s{1,3})(?P<year>" + YEAR + r"))?(?:,?\s{1,3}(?P<wd2>" + ANY_WEEKDAY + r"))?",
)
def month_day(m: re.Match[str]) -> Reading | None:
    """ "April 17, 2018", "Apr. 17", "march third 2015", "Fri, Jul 18"."""
    return _month_day(m, m["month"], ordinal(m["dnum"] or m["dword"]), m["year"])


_DAY_MONTH = "".join(
    (
        r"(?<![\w.,/$€£¥-])(?:(?P<wd>" + ANY_WEEKDAY + r"),?\s{1,3})?(?:the\s{1,3})?",
        r"(?:(?P<dnum>"
        + DAY_DIGITS
        + r")(?:\s{1,3}of\s{1,3}|\s{0,3}|[/-])",  # "17 April", "14april", "31-Oct"
        r"|(?P<dword>" + DAY_WORD + r")\s{1,3}of\s{1,3})",  # "the first of March"
        r"(?P<month>" + MONTH + r")",
        r"(?:,?\s{1,3}(?P<year>" + YEAR + r")|[/-](?P<yy>\d\d(?:\d\d)?)" + _NUMERIC_END + r")?",
    )
)


@rule("day_month", _DAY_MONTH)
def day_month(m: re.Match[str]) -> Reading | None:
    """ "17 April 2018", "31st Oct 1974", "14april 2015", "31-Oct-74", "the 15th of February"."""
    return _month_day(m, m["month"], ordinal(m["dnum"] or m["dword"]), m["year"] or m["yy"])


@rule(
    "month_year",
    r"\b(?P<core>(?:(?P<mod>" + MODIFIER + r")[ -]{1,2})?(?P<month>" + MONTH + r"),?\s{1,3}"
    r"(?:of\s{1,3})?(?P<year>" + YEAR + r")" + ERA + ")",
)
def month_year(m: re.Match[str]) -> Reading | None:
    """ "April 2024", "Dec. 2025", "late March 2023", "May of 2021"."""
    if not month_case_ok(m["month"], bare=False) or is_count(m.string, m.end()):
        return None
    return r.fixed("month", dt.date(int(m["year"]), month_number(m["month"]), 1))


@rule(
    "bare_month",
    r"\b(?:(?P<prep>"
    + PREPOSITIONS
    + r")\s{1,3})?(?P<core>(?:(?P<mod>"
    + MODIFIER
    + r")[ -]{1,2})?(?:(?P<det>last|this|next|coming|this\s{1,3}past|this\s{1,3}coming)\s{1,3})?"
    r"(?P<month>" + FULL_MONTH + r")(?:,?\s{1,3}(?:of\s{1,3})?(?P<ry>this|last|next)\s{1,3}year\b)?)",
)
def bare_month(m: re.Match[str]) -> Reading | None:
    """ "in March", "since May", "late June", "last March", "March of last year": a month word needs
    context to be a date."""
    if not (m["prep"] or m["mod"] or m["det"] or m["ry"]) or not month_case_ok(m["month"], bare=True):
        return None
    month = month_number(m["month"])
    if m["ry"]:
        years = {"this": 0, "last": -1, "next": 1}[fold(m["ry"])]
        return r.relative("month", lambda ref: dt.date(ref.year + years, month, 1))
    det = " ".join(fold(m["det"] or "").split())
    prep = fold(m["prep"] or "")
    if det in ("next", "coming", "this coming"):
        how = "next"
    elif det in ("last", "this past"):
        how = "last"
    elif det == "this":
        how = "this"
    elif prep in ("by", "until", "till"):
        how = "future"
    else:
        how = "past"
    return r.relative("month", lambda ref: r.month_year(ref, month, how))


@rule("month_after_next", r"\b(?P<month>" + FULL_MONTH + r")\s{1,3}after\s{1,3}next\b")
def month_after_next(m: re.Match[str]) -> Reading | None:
    month = month_number(m["month"])
    return r.relative("month", lambda ref: r.add_months(r.month_year(ref, month, "next"), 12))


# ---------------------------------------------------------------- years
@rule(
    "year",
    r"\b(?:(?P<prep>"
    + PREPOSITIONS
    + r")\s{1,3})?(?P<core>(?:(?P<mod>"
    + MODIFIER
    + r")[ -]{1,2})?(?P<year>"
    + YEAR
    + r")"
    + ERA
    + r")",
)
def year(m: re.Match[str]) -> Reading | None:
    """ "in 2023", "since 2019", "founded in 2017", "by 2027", "late 2023" (a bare number needs context)."""
    if not (m["prep"] or m["mod"]) or is_count(m.string, m.end()):
        return None
    return r.fixed("year", dt.date(int(m["year"]), 1, 1))


@rule("year_possessive", r"(?P<core>" + YEAR + r")(?=['’]s\b)")
def year_possessive(m: re.Match[str]) -> Reading | None:
    """ "2023's results"."""
    return r.fixed("year", dt.date(int(m["core"]), 1, 1))


@rule(
    "year_range",
    r"\b(?:(?:"
    + PREPOSITIONS
    + r")\s{1,3}(?:"
    + MODIFIER
    + r"[ -]{1,2})?|"
    + MODIFIER
    + r"[ -]{1,2})"
    + YEAR
    + r"(?:\s{1,3}(?:and|to|or|through|until|till)\s{1,3}|\s{0,2}[-–—]\s{0,2})"
    r"(?P<core>(?:" + MODIFIER + r"[ -]{1,2})?(?P<year>" + YEAR + r"))",
)
def year_range(m: re.Match[str]) -> Reading | None:
    """The second year of "between 2018 and 2026", "late 2016 and early 2017" (the first has a rule)."""
    if is_count(m.string, m.end()):
        return None
    return r.fixed("year", dt.date(int(m["year"]), 1, 1))


@rule("whole_year", r"\A\s{0,3}(?P<core>(?P<year>(?:1[6-9]|20)\d\d)" + ERA + r")\s{0,3}\Z")
def whole_year(m: re.Match[str]) -> Reading | None:
    """A string that is only a year ("1974") is one; inside prose a bare number needs context."""
    return r.fixed("year", dt.date(int(m["year"]), 1, 1))


@rule(
    "fiscal_year",
    r"\b(?P<core>(?:fiscal(?:\s{1,3}year)?\s{1,3}|FY\s{0,2}['’]?)(?P<year>"
    + YEAR_TAIL
    + r"|\d\d(?![\w%]|[.,]\d)))",
)
def fiscal_year(m: re.Match[str]) -> Reading | None:
    """ "fiscal 2024", "FY2024", "FY24": the calendar year of that number (fiscal calendars vary)."""
    return r.fixed("year", dt.date(full_year(m["year"]), 1, 1))


@rule(
    "decade",
    r"(?<![\w$€£¥.,])(?P<core>(?:(?P<mod>early|mid|late)[ -]{1,2})?(?P<decade>(?:1[6-9]|20)\d0)"
    r"['’]?s)\b",
)
def decade(m: re.Match[str]) -> Reading | None:
    """ "the 2010s": year granularity on the decade's first year."""
    return r.fixed("year", dt.date(int(m["decade"]), 1, 1))


# ---------------------------------------------------------------- quarters, halves
_Q = r"(?P<q>Q[1-4]|[1-4]Q|H[12]|[12]H)"
_PERIOD_WORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latter)[ -]{1,2}(?P<unit>quarter|half)"
_REL_YEAR = r"(?P<which>this|last|next|current|previous|prior|the\s{1,3}(?:current|previous|prior|next))"


def _period(code_or_ord: str, unit: str | None) -> tuple[int, int] | None:
    """(index, periods per year) of "Q3", "3Q", "H1", or an ordinal plus "quarter"/"half"."""
    if unit is None:
        code = code_or_ord.upper()
        return int(code.strip("QH")), 4 if "Q" in code else 2
    index = 2 if fold(code_or_ord) == "latter" else ordinal(code_or_ord)
    per_year = 4 if fold(unit) == "quarter" else 2
    return (index, per_year) if index <= per_year else None


def _grain(per_year: int) -> Granularity:
    return "quarter" if per_year == 4 else "half"


def _period_reading(index: int, per_year: int, year: int) -> Reading:
    grain = _grain(per_year)
    return r.fixed(grain, dt.date(year, (index - 1) * 12 // per_year + 1, 1))


@rule(
    "period_code_year",
    r"(?<![\w-])(?P<core>(?P<q>Q[1-4]|H[12]|[1-4]Q|[12]H)(?:(?:\s{1,3}|,\s{0,3}"
    r"|\s{1,3}of\s{1,3})(?:FY\s{0,2}|fiscal\s{1,3})?(?P<year>" + YEAR_TAIL + r")|\s{0,2}['’](?P<yy>\d\d)"
    r"(?![\w%]|[.,]\d))|(?P<q2>[1-4]Q|[12]H)(?P<yy2>\d\d)(?![\w%]|[.,]\d))",
)
def period_code_year(m: re.Match[str]) -> Reading | None:
    """ "Q3 2025", "Q3 of 2025", "Q3'25", "3Q25", "H1 2024", "1H24" (never "H100": a chip, not 2000)."""
    period = _period(m["q"] or m["q2"], None)
    if period is None:
        return None
    return _period_reading(*period, full_year(m["year"] or m["yy"] or m["yy2"]))


@rule(
    "period_words_year",
    r"\b(?P<core>(?:the\s{1,3})?" + _PERIOD_WORD + r"(?:\s{1,3}of|,)?\s{1,3}"
    r"(?:(?:fiscal|FY)\s{0,3}(?:year\s{1,3})?)?(?P<year>" + YEAR_TAIL + r"))",
)
def period_words_year(m: re.Match[str]) -> Reading | None:
    """ "the third quarter of 2025", "first-half 2024", "the second half of fiscal 2023"."""
    period = _period(m["ord"], m["unit"])
    return None if period is None else _period_reading(*period, int(m["year"]))


@rule(
    "period_words",
    r"\b(?P<core>(?:the\s{1,3})?" + _PERIOD_WORD + r"(?:\s{1,3}of\s{1,3}(?:the\s{1,3}year"
    r"|" + _REL_YEAR + r"\s{1,3}(?:year|yr)))?)\b",
)
def period_words(m: re.Match[str]) -> Reading | None:
    """ "the third quarter", "the first half of this year", "the second quarter of last year"."""
    period = _period(m["ord"], m["unit"])
    if period is None:
        return None
    index, per_year = period
    grain = _grain(per_year)
    which = " ".join(fold(m["which"] or "").split()).removeprefix("the ")
    if which:
        offset = {"this": 0, "current": 0, "last": -1, "previous": -1, "prior": -1, "next": 1}[which]
        month = (index - 1) * 12 // per_year + 1
        return r.relative(grain, lambda ref: dt.date(ref.year + offset, month, 1))
    future = future_cue(m.string, m.start())
    return r.relative(grain, lambda ref: r.period_in_year(ref, index, per_year, future))


@rule(
    "period_code",
    r"(?:\b(?P<prep>in|into|during|for|by|since|until|till|through|throughout|from|before"
    r"|after)\s{1,3}(?:the\s{1,3})?|\w['’]s\s{1,3})(?P<core>" + _Q + r")(?![\w-])",
)
def period_code(m: re.Match[str]) -> Reading | None:
    """ "in Q3", "by H2", "Kuaishou's Q2": a year-less quarter needs a preposition or an owner, else
    "Vidu Q3" (a model) would be a date."""
    if m["prep"] and looks_like_model_name(m.string, m.start("core")):
        return None
    period = _period(m["q"], None)
    if period is None:
        return None
    index, per_year = period
    future = fold(m["prep"] or "") in ("by", "until", "till")
    grain = _grain(per_year)
    return r.relative(grain, lambda ref: r.period_in_year(ref, index, per_year, future))


RULES: tuple[Rule, ...] = (
    iso_day, iso_month, numeric_day, numeric_day_spaced, month_slash_year, month_day, day_month,
    month_year, bare_month, month_after_next, year, year_possessive, year_range, whole_year, fiscal_year,
    decade, period_code_year, period_words_year, period_words, period_code,
)  # fmt: skip
