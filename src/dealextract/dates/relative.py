"""Relative dates: the words count from the publication date ("yesterday", "on Tuesday", "last month",
"two months ago", "earlier this year").  Conventions are in :mod:`dealextract.dates.resolve`.

"In the coming weeks", "in recent months", "the past year" are not dates: they name a stretch of time
with no first day a reader would agree on, so no rule reads them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dealextract.dates import resolve as r
from dealextract.dates.patterns import (
    COUNT,
    DAY_NUM,
    DAY_WORD,
    FULL_MONTH,
    FULL_WEEKDAYS,
    SMALL_ORDINAL,
    WEEKDAY,
    YEAR,
    Rule,
    alternation,
    future_cue,
    is_named_day,
    month_number,
    number,
    ordinal,
    rule,
    weekday_number,
)
from dealextract.dates.resolve import Reading
from dealextract.literals import fold
from dealextract.records import Granularity

_WHICH = (
    r"(?P<which>this|last|next|current|previous|prior|coming|the\s{1,3}(?:current|previous|prior|coming))"
)
_OFFSETS = {"this": 0, "current": 0, "last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}


def _offset(which: str) -> int:
    return _OFFSETS[" ".join(fold(which).split()).removeprefix("the ")]


# ---------------------------------------------------------------- days
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@rule(
    "day_word",
    r"\b(?P<core>the\s{1,3}day\s{1,3}(?P<ba>before|after)\s{1,3}(?P<w1>yesterday|tomorrow)"
    r"|(?:earlier|later)\s{1,3}(?P<w2>today)|this\s{1,3}(?:morning|afternoon|evening)"
    r"|(?P<w3>today|tonight|yesterday|tomorrow))\b",
)
def day_word(m: re.Match[str]) -> Reading | None:
    """ "today", "yesterday", "the day before yesterday", "this morning" (a day; no time of day)."""
    if m["w3"] and m["w3"][0].isupper() and is_named_day(m.string, m.start()):
        return None  # "USA Today"
    if m["w1"]:
        days = _DAY_WORDS[fold(m["w1"])] + (-1 if fold(m["ba"]) == "before" else 1)
    else:
        days = _DAY_WORDS[fold(m["w2"] or m["w3"] or "today")]
    return r.relative("day", lambda ref: ref + dt.timedelta(days=days))


# ---------------------------------------------------------------- weekdays
@rule(
    "weekday",
    r"\b(?P<core>(?:(?P<det>last|this|next|past|coming|this\s{1,3}past|this\s{1,3}coming)"
    r"\s{1,3})?(?P<wd>" + WEEKDAY + r")(?:\s{1,3}(?P<after>after\s{1,3}next|before\s{1,3}last)\b)?)",
)
def weekday(m: re.Match[str]) -> Reading | None:
    """ "on Tuesday" (on or before the reference), "last Tuesday" (strictly before), "next Tuesday"
    (in next week), "Tuesday after next", "by Friday" (on or after)."""
    if is_named_day(m.string, m.start()):
        return None  # "Black Friday"
    wd = weekday_number(m["wd"])
    det = " ".join(fold(m["det"] or "").split())
    after = fold(m["after"] or "")
    if after.startswith("after"):
        return r.relative("day", lambda ref: r.weekday_after(ref, wd) + dt.timedelta(weeks=1))
    if after.startswith("before"):
        return r.relative("day", lambda ref: r.weekday_before(ref, wd) - dt.timedelta(weeks=1))
    if det in ("last", "past", "this past"):
        return r.relative("day", lambda ref: r.weekday_before(ref, wd))
    if det == "next":
        return r.relative("day", lambda ref: r.monday(ref) + dt.timedelta(days=7 + wd))
    if det == "this":
        return r.relative("day", lambda ref: r.monday(ref) + dt.timedelta(days=wd))
    if det in ("coming", "this coming") or future_cue(m.string, m.start()):
        return r.relative("day", lambda ref: r.weekday_on_or_after(ref, wd))
    return r.relative("day", lambda ref: r.weekday_on_or_before(ref, wd))


def _week_day(which: str, wd: int) -> Reading:
    weeks = _offset(which)
    return r.relative("day", lambda ref: r.monday(ref) + dt.timedelta(weeks=weeks, days=wd))


@rule(
    "weekday_of_week",
    r"\b(?P<core>(?P<wd>" + WEEKDAY + r")\s{1,3}(?:(?:of|from)\s{1,3})?(?:the\s{1,3})?"
    r"(?P<which>this|next|last|previous|current|coming)\s{1,3}week)\b",
)
def weekday_of_week(m: re.Match[str]) -> Reading | None:
    """ "Wednesday of next week", "Sunday from last week", "Monday this week"."""
    return _week_day(m["which"], weekday_number(m["wd"]))


@rule("week_weekday", r"\b(?P<core>(?P<which>this|next|last)\s{1,3}week['’]s\s{1,3}(?P<wd>" + WEEKDAY + r"))")
def week_weekday(m: re.Match[str]) -> Reading | None:
    """ "last week's Sunday"."""
    return _week_day(m["which"], weekday_number(m["wd"]))


@rule(
    "weekdays_ago",
    r"(?<![\w.,])(?P<core>(?P<n>"
    + COUNT
    + r")\s{1,3}(?P<wd>"
    + alternation(FULL_WEEKDAYS)
    + r")s\s{1,3}(?P<dir>ago|back|from\s{1,3}now|hence))\b",
)
def weekdays_ago(m: re.Match[str]) -> Reading | None:
    """ "2 Thursdays ago" (the second most recent one), "three Fridays from now"."""
    n = number(m["n"])
    if n < 1:
        return None
    wd = weekday_number(m["wd"])
    if fold(m["dir"]) in ("ago", "back"):
        return r.relative("day", lambda ref: r.weekday_before(ref, wd) - dt.timedelta(weeks=n - 1))
    return r.relative("day", lambda ref: r.weekday_after(ref, wd) + dt.timedelta(weeks=n - 1))


# ---------------------------------------------------------------- this/last/next unit
@rule(
    "this_unit",
    r"\b(?P<core>(?:(?P<mod>earlier|later|early|late|mid|(?:the\s{1,3})?(?:end|start|beginning"
    r"|middle)\s{1,3}of)[ -]{1,2})?" + _WHICH + r"\s{1,3}(?P<unit>week|month|quarter|year|yr))\b",
)
def this_unit(m: re.Match[str]) -> Reading | None:
    """ "this week" (its Monday), "last month", "earlier this year", "late last year", "the previous
    quarter", "next year".  Plurals ("the coming weeks") do not match: they are not one date."""
    offset = _offset(m["which"])
    unit = fold(m["unit"])
    if unit == "week":
        return r.relative("day", lambda ref: r.monday(ref) + dt.timedelta(weeks=offset))
    grain: Granularity = {"month": "month", "quarter": "quarter"}.get(unit, "year")  # type: ignore[assignment]
    return r.relative(grain, lambda ref: r.shift(r.period_start(ref, grain), grain, offset))


@rule(
    "day_of_month",
    r"(?<![\w.,$])(?P<core>(?:the\s{1,3})?(?P<day>"
    + DAY_NUM.removeprefix(r"(?<![\w$€£¥.,])")
    + r"|"
    + DAY_WORD
    + r")(?:\s{1,3}day)?\s{1,3}of\s{1,3}(?:the\s{1,3})?"
    + _WHICH
    + r"\s{1,3}month)\b",
)
def day_of_month(m: re.Match[str]) -> Reading | None:
    """ "the 20th of next month", "20 of this month", "20th of the previous month"."""
    day, offset = ordinal(m["day"]), _offset(m["which"])

    def against(ref: dt.date) -> dt.date:
        first = r.add_months(ref.replace(day=1), offset)
        return first.replace(day=min(day, r.days_in_month(first.year, first.month)))

    return r.relative("day", against) if 1 <= day <= 31 else None


# ---------------------------------------------------------------- n units ago
_AGO_GRAIN: dict[str, Granularity] = {
    "day": "day", "week": "day", "month": "day", "quarter": "quarter", "year": "month", "decade": "year",
}  # fmt: skip


@rule(
    "units_ago",
    r"(?<![\w.,])(?P<core>(?P<n>" + COUNT + r")\s{1,3}(?P<unit>day|week|month|quarter|year|decade)"
    r"s?\s{1,3}(?P<dir>ago|back|earlier|before|prior|later|hence|from\s{1,3}(?P<from>now|today)))\b",
)
def units_ago(m: re.Match[str]) -> Reading | None:
    """ "two months ago", "a year earlier", "two months before" (counted from the reference, as the
    text's anchor is rarely a date), "a year later", "3 years from today"."""
    n = number(m["n"])
    unit = fold(m["unit"])
    sign = 1 if fold(m["dir"]) in ("later", "hence") or m["from"] else -1
    grain: Granularity = "day" if fold(m["from"] or "") == "today" else _AGO_GRAIN[unit]
    return r.relative(grain, lambda ref: r.period_start(r.shift(ref, unit, sign * n), grain))


# ---------------------------------------------------------------- nth weekday / day of a month
_MONTH_REF = (r"(?:(?:the\s{1,3})?" + _WHICH + r"\s{1,3}month\b|(?P<the>the\s{1,3}month)\b|(?P<month>"
              + FULL_MONTH + r")(?:,?\s{1,3}(?P<year>" + YEAR + r"))?)")  # fmt: skip


def _month_of(m: re.Match[str]) -> tuple[int, int] | r.Resolver:
    """(year, month) when the words fix it, else a function of the reference giving the month's first day."""
    if m["month"] and m["year"]:
        return int(m["year"]), month_number(m["month"])
    if m["month"]:
        month = month_number(m["month"])
        return lambda ref: r.month_year(ref, month, "past")
    offset = _offset(m["which"]) if m["which"] else 0
    return lambda ref: r.add_months(ref.replace(day=1), offset)


def _in_month(m: re.Match[str], pick: Callable[[int, int], dt.date | None]) -> Reading | None:
    month = _month_of(m)
    if isinstance(month, tuple):
        value = pick(*month)
        return None if value is None else r.fixed("day", value)
    resolver = month

    def against(ref: dt.date) -> dt.date:
        first = resolver(ref)
        return pick(first.year, first.month) or first

    return r.relative("day", against)


@rule(
    "nth_weekday_of_month",
    r"\b(?P<core>(?:the\s{1,3})?(?P<ord>"
    + SMALL_ORDINAL
    + r"|last)\s{1,3}(?P<wd>"
    + WEEKDAY
    + r")\s{1,3}(?:of|in)\s{1,3}"
    + _MONTH_REF
    + ")",
)
def nth_weekday_of_month(m: re.Match[str]) -> Reading | None:
    """ "the first Monday of this month", "last Sunday of March 2014", "second Monday of last month"."""
    n = -1 if fold(m["ord"]) == "last" else ordinal(m["ord"])
    wd = weekday_number(m["wd"])
    return _in_month(m, lambda y, mo: r.nth_weekday(y, mo, wd, n))


@rule(
    "nth_day_of_month",
    r"\b(?P<core>(?:the\s{1,3})?(?:(?P<ord>" + DAY_WORD + r"|\d{1,2}(?:st|nd|rd|th))"
    r"\s{1,3}(?P<last>last\s{1,3})?|(?P<lastonly>last)\s{1,3})day\s{1,3}(?:of|in)\s{1,3}" + _MONTH_REF + ")",
)
def nth_day_of_month(m: re.Match[str]) -> Reading | None:
    """ "the third day of October", "last day of October 2015", "the 5th last day of May"."""
    n = 1 if m["lastonly"] else ordinal(m["ord"])
    from_end = bool(m["last"] or m["lastonly"])

    def pick(year: int, month: int) -> dt.date | None:
        size = r.days_in_month(year, month)
        day = size - n + 1 if from_end else n
        return dt.date(year, month, day) if 1 <= day <= size else None

    return _in_month(m, pick)


RULES: tuple[Rule, ...] = (
    day_word, weekday, weekday_of_week, week_weekday, weekdays_ago, this_unit, day_of_month, units_ago,
    nth_weekday_of_month, nth_day_of_month,
)  # fmt: skip
