"""Calendar arithmetic: turning what a rule read into a date, against the article's publication date.

News looks back, so every year-less or relative expression resolves **in the past** (on or before the
reference) unless the words say otherwise ("next", "by", "coming", "later").  Nothing here reads the
machine's clock: with no reference a relative date has no value.

Conventions (the record has no "week" or "season" granularity, so we choose and document):

* a week is the day-granularity **Monday** that starts it ("last week" -> Monday of the previous week);
* "early/mid/late 2023", "the end of 2023" keep the granularity of what they qualify (year) and its
  first day: the record says "some time in 2023", honestly, rather than inventing a month;
* a decade ("the 2010s") is year granularity on its first year (2010-01-01);
* "N days/weeks/months ago" is a day, "N years ago" a month, "N quarters ago" a quarter (Duckling's
  habit: one step finer than the unit counted, because "two years ago" is rarely January);
* "next Tuesday" is the Tuesday of next week; "this Tuesday" the Tuesday of this week;
  "last Tuesday" the most recent Tuesday strictly before the reference; a bare "Tuesday" the most recent
  one on or before it;
* "fiscal 2024" is the calendar year 2024 (fiscal years differ by company; the text does not say how).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dealextract.records import Granularity

Resolver = Callable[[dt.date], dt.date]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a rule read from the words: a granularity and either a fixed date or a function of the
    reference.  ``relative`` means the value depends on the publication date."""

    grain: Granularity
    fixed: dt.date | None = None
    against: Resolver | None = None

    @property
    def relative(self) -> bool:
        return self.against is not None

    def resolve(self, reference: dt.date | None) -> dt.date | None:
        if self.against is None:
            return self.fixed
        return None if reference is None else self.against(reference)


def fixed(grain: Granularity, value: dt.date) -> Reading:
    return Reading(grain, fixed=value)


def relative(grain: Granularity, against: Resolver) -> Reading:
    return Reading(grain, against=against)


# ---------------------------------------------------------------------------------------------- periods
def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def half_of(d: dt.date) -> int:
    return 1 if d.month <= 6 else 2


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def half_start(year: int, half: int) -> dt.date:
    return dt.date(year, 6 * half - 5, 1)


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the target month ("Mar 31" - 1 -> Feb 28)."""
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (day, week, month, quarter, year, decade); ``n`` may be negative."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return add_months(d, n * months)


def period_start(d: dt.date, grain: Granularity) -> dt.date:
    """The first day of the period of ``grain`` that holds ``d``."""
    if grain == "year":
        return dt.date(d.year, 1, 1)
    if grain == "half":
        return half_start(d.year, half_of(d))
    if grain == "quarter":
        return quarter_start(d.year, quarter_of(d))
    if grain == "month":
        return d.replace(day=1)
    return d


def monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


# ---------------------------------------------------------------------------------------------- weekdays
def weekday_on_or_before(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_before(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def weekday_after(ref: dt.date, weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def weekday_on_or_after(ref: dt.date, weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th ``weekday`` of a month (n = -1 for the last); None if the month has no such day."""
    if n < 0:
        last = dt.date(year, month, days_in_month(year, month))
        return weekday_on_or_before(last, weekday)
    first = weekday_on_or_after(dt.date(year, month, 1), weekday)
    day = first + dt.timedelta(weeks=n - 1)
    return day if day.month == month else None


# ---------------------------------------------------------------------------------------------- year-less
def month_day_year(ref: dt.date, month: int, day: int, future: bool) -> dt.date:
    """The year of a year-less "Apr. 17": the most recent one on or before the reference (or the next
    one on or after it when the text points forward); Feb 29 looks further for a leap year."""
    step = 1 if future else -1
    year = ref.year
    for _ in range(9):
        if day <= days_in_month(year, month):
            candidate = dt.date(year, month, day)
            if (candidate >= ref) if future else (candidate <= ref):
                return candidate
        year += step
    return dt.date(ref.year, month, min(day, days_in_month(ref.year, month)))


def month_year(ref: dt.date, month: int, how: str) -> dt.date:
    """A year-less month: ``past`` = most recent on or before the reference month, ``last`` = strictly
    before, ``this`` = the reference year, ``next`` = strictly after, ``future`` = on or after."""
    if how == "this":
        return dt.date(ref.year, month, 1)
    if how == "last":
        return dt.date(ref.year if month < ref.month else ref.year - 1, month, 1)
    if how == "next":
        return dt.date(ref.year if month > ref.month else ref.year + 1, month, 1)
    if how == "future":
        return dt.date(ref.year if month >= ref.month else ref.year + 1, month, 1)
    return dt.date(ref.year if month <= ref.month else ref.year - 1, month, 1)


def period_in_year(ref: dt.date, index: int, per_year: int, future: bool) -> dt.date:
    """A year-less quarter (per_year=4) or half (2): the most recent one that has begun, or the next
    one that has not ended when the text points forward."""
    current = (ref.month - 1) * per_year // 12 + 1
    year = ref.year
    if future and index < current:
        year += 1
    elif not future and index > current:
        year -= 1
    return dt.date(year, (index - 1) * 12 // per_year + 1, 1)


# ---------------------------------------------------------------------------------------------- dateparser
@lru_cache(maxsize=4096)
def dateparser_day(candidate: str, reference: dt.date | None) -> dt.date | None:
    """A short, complete numeric date ("10/31/1974", "31.10.1974") read by dateparser.

    dateparser is good at exactly this (separators, month-first with a day-first fallback); our own
    patterns found the candidate, so it never sees an article.  English only, past-leaning, cached.
    """
    import dateparser  # late: importing it costs ~0.3 s, and most texts never need it

    base = dt.datetime.combine(reference or dt.date(2000, 1, 1), dt.time())
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "MDY",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None
