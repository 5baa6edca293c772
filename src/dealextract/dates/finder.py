"""Finding dates in text: run every rule, keep the longest non-overlapping readings, resolve them.

``find_dates`` (an article) and ``parse_date`` (one expression) share this one path, so the corpus
tests of one are tests of the other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dealextract.dates import absolute, anchors, relative
from dealextract.dates.patterns import TRIGGER, TRIGGER_MARGIN, Rule
from dealextract.dates.resolve import Reading
from dealextract.records import DateValue

RULES: tuple[Rule, ...] = absolute.RULES + relative.RULES

# What may surround a whole-string date for parse_date: "in 2014", "on Dec. 3", "around next Tuesday."
_LEADING = re.compile(
    r"\A\s{0,10}(?:(?:in|on|at|during|around|about|since|by|from|until|till|as\s{1,3}of|circa|"
    r"approximately|sometime\s{1,3}in)\s{1,3})?(?:the\s{1,3})?",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:['’]s)?[\s.,;:!?]{0,10}\Z")


@dataclass(frozen=True, slots=True)
class Found:
    """A rule's reading of one stretch of text, before overlaps are settled."""

    start: int
    end: int
    reading: Reading
    rank: int  # the rule's position in RULES: earlier rules win ties


def segments(text: str, scanner: anchors.Scanner | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text`` worth reading: a margin around every date-like word or number.

    News is mostly prose with no date in it; running ~30 rules over only these stretches is what makes
    ``find_dates`` fast.  Every rule's match holds a trigger and is shorter than the margin, and
    regexes see the whole string behind a stretch (lookbehinds, ``\\A``), so nothing is lost.
    ``scanner`` (the one the rules will use) finds the triggers in the same scan as their literals.
    """
    out: list[tuple[int, int]] = []
    for m in (scanner or anchors.Scanner(text)).finditer(TRIGGER, 0, len(text)):
        start, end = max(0, m.start() - TRIGGER_MARGIN), min(len(text), m.end() + TRIGGER_MARGIN)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def candidates(text: str) -> Iterator[Found]:
    """Every reading of every rule, overlapping freely."""
    scanner = anchors.Scanner(text)
    spans = segments(text, scanner)
    for rank, rule in enumerate(RULES):
        has_core = "core" in rule.pattern.groupindex
        # the same matches as rule.pattern.finditer in each span, only tried near the words they must hold
        for m in scanner.finditer_each(rule.pattern, spans):
            reading = rule.read(m)
            if reading is None:
                continue
            start, end = m.span("core") if has_core else m.span()
            if end > start:
                yield Found(start, end, reading, rank)


def select(found: Iterator[Found]) -> list[Found]:
    """The longest readings that do not overlap, in text order ("last week's Sunday" over "last week")."""
    kept: list[Found] = []  # kept in start order; kept spans never overlap, so ends are ordered too
    for f in sorted(found, key=lambda f: (f.start - f.end, f.rank, f.start)):
        i = bisect.bisect_left(kept, f.start, key=lambda k: k.start)
        if (i == 0 or kept[i - 1].end <= f.start) and (i == len(kept) or f.end <= kept[i].start):
            kept.insert(i, f)
    return kept


def _record(text: str, f: Found, reference: dt.date | None) -> DateValue:
    return DateValue(
        value=f.reading.resolve(reference),
        granularity=f.reading.grain,
        relative=f.reading.relative,
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
    )


def find_dates(text: str, published: dt.date | None) -> list[DateValue]:
    """Every date in ``text``, in text order, with exact offsets (``text[start:end]`` is the date).

    Relative and year-less dates resolve against ``published``, in the past unless the words point
    forward; with no ``published`` they keep ``value=None`` and ``relative=True``.
    """
    found = select(candidates(text))
    reference = _dateline_date(text, found, published) or published
    return [_record(text, f, reference if f.reading.relative else published) for f in found]


# A dateline: a line opening with a place in capitals and a comma ("SAN FRANCISCO, April 8, 2026
# /PRNewswire/ --", "TOKYO, May 12 (Reuters) -"): the date the news was written, which "today" and
# "on Monday" in the story count from.
_DATELINE_BEFORE = re.compile(r"(?:\A|\n)[ \t]*[A-Z][A-Z.\-' ]{1,40}(?:,\s[A-Za-z.\- ]{2,30})?,\s*\Z")
_DATELINE_AFTER = re.compile(
    r"\A,?\s*(?:\d{4}\s*)?(?:/[^/\n]{2,40}/\s*)?(?:\([^()\n]{2,40}\)\s*)?(?:--|—|–|-)\s"
)


def _dateline_date(text: str, found: list[Found], published: dt.date | None) -> dt.date | None:
    """The day of the article's dateline, if it opens one of its first lines and is a plausible
    writing day (at most a month before ``published``, never after it)."""
    for f in found[:3]:
        if f.reading.grain != "day" or f.start > 600:
            continue
        line_start = text.rfind("\n", 0, f.start) + 1
        if not _DATELINE_BEFORE.search(text[line_start : f.start]) or not _DATELINE_AFTER.match(
            text[f.end : f.end + 60]
        ):
            continue
        day = f.reading.resolve(published)
        if day is not None and (published is None or 0 <= (published - day).days <= 31):
            return day
    return None


def as_reference(reference: dt.date | dt.datetime | str | None) -> dt.date | None:
    """A reference date from a date, a datetime (its date part) or an ISO string ("2025-03-14",
    "2013-02-12T04:30:00-02:00": the date as written, not converted to another time zone)."""
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    return dt.date.fromisoformat(reference.strip()[:10])


def parse_date(s: str, reference: dt.date | dt.datetime | str | None = None) -> DateValue | None:
    """One date expression, the whole string ("April 17, 2018", "last month", "in 2023"), or None.

    A leading preposition and trailing punctuation may surround it.  Offsets point into ``s``.
    """
    ref = as_reference(reference)
    lead = _LEADING.match(s)
    trail = _TRAILING.search(s)
    start = lead.end() if lead else 0
    end = trail.start() if trail else len(s)
    for f in select(candidates(s)):
        if f.start in (0, start) and f.end in (end, len(s)):
            return _record(s, f, ref)
    return None
