"""``pattern.finditer(text, pos, endpos)`` for the date rules, run only near the words a match must hold.

Why: finding dates was ~30 regexes each scanning about half of every article (``finder.segments``
keeps a margin around every date-like word, and news has many).  Yet each rule needs particular words:
a month rule a month name, a weekday rule a weekday, a year rule the digits "1" or "20".  Those
*required literals* are read off the compiled pattern itself (never listed by hand, so they cannot drift
from the rules), and the rule's regex is only tried where a match could start: at most ``width`` (the
longest match the pattern allows) characters before an occurrence of one of them.

The results are exactly those of ``finditer`` (same matches, same order, same groups):

* a match starting at q holds a required literal at some h with q <= h <= q + width, so no match
  starts outside the windows [h - width, h];
* every occurrence of a required literal is found (see ``Scanner._windows`` for overlaps);
* inside a window the regex is run by ``search`` with ``endpos`` cut ``reach`` characters after the
  window, where ``reach`` bounds what a match attempt reads past its start (the longest match plus
  every lookahead), so each attempt sees exactly the characters it would see in the whole segment;
* after a match the search goes on from its end, as ``finditer`` does (matches are never empty: each
  holds a literal).

A rule whose pattern has no required literal, or unbounded width, is run by plain ``finditer``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

try:  # the regex parser of the standard library, under its Python 3.11+ name
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as sre
    import sre_parse

_REPEATS = tuple(
    getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name)
)
_ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)  # Python 3.11+

# Rough odds of a character in English news, to pick the rarest of several sets of required literals.
_ODDS_LETTER, _ODDS_DIGIT, _ODDS_SPACE, _ODDS_OTHER = 1 / 33, 1 / 500, 1 / 6, 1 / 50
_MAX_WIDTH = 1000  # a longer possible match makes windows pointless: use plain finditer
_MAX_COVER = 0.3  # above this expected share of the text in windows, plain finditer is as fast


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where matches of one pattern can start: within ``width`` characters before a hit of ``literals``."""

    literals: re.Pattern[str]  # an alternation of the required literals, case-insensitive
    width: int  # longest possible match
    reach: int  # most characters a match attempt reads from its start (match plus lookaheads)


_anchors: dict[re.Pattern[str], Anchor | None] = {}


def anchor_of(pattern: re.Pattern[str]) -> Anchor | None:
    """The ``Anchor`` of a compiled pattern (computed once), or None to run plain ``finditer``."""
    if pattern not in _anchors:
        _anchors[pattern] = _build(pattern)
    return _anchors[pattern]


class Scanner:
    """Runs the rules over one text; each set of required literals is looked for once per text,
    since several rules share one (the month rules, the weekday rules, the year rules)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._hits: dict[re.Pattern[str], tuple[list[int], list[int]]] = {}

    def finditer(self, pattern: re.Pattern[str], pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """Exactly ``pattern.finditer(self.text, pos, endpos)``, trying the pattern only near its
        required literals."""
        text = self.text
        anchor = anchor_of(pattern)
        if anchor is None:
            yield from pattern.finditer(text, pos, endpos)
            return
        for win_start, win_end in self._windows(anchor, pos, endpos):
            s = max(win_start, pos)
            limit = min(endpos, win_end + anchor.reach)
            while s <= win_end:
                m = pattern.search(text, s, limit)
                if m is None or m.start() > win_end:
                    break
                yield m
                pos = s = m.end()

    def _windows(self, anchor: Anchor, pos: int, endpos: int) -> list[tuple[int, int]]:
        """Merged, sorted ranges [first, last] of the positions in [pos, endpos] where a match may start.

        A literal found at [h, e) allows starts from h - width; the window runs on to e - 1 because the
        literals are found without overlaps, and another one may start inside this one.  Windows may
        hold positions where nothing matches: that costs a search, never a result.
        """
        starts, ends = self._literal_hits(anchor.literals)
        width = anchor.width
        windows: list[tuple[int, int]] = []
        # literals ending after pos may allow a start at or after pos; those starting at endpos or
        # later cannot be inside a match that ends by endpos
        first = bisect.bisect_right(ends, pos)
        last = bisect.bisect_left(starts, endpos)
        for k in range(first, last):
            lo = max(pos, starts[k] - width)
            hi = min(ends[k] - 1, endpos)
            if windows and lo <= windows[-1][1] + 1:
                if hi > windows[-1][1]:
                    windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        return windows

    def _literal_hits(self, literals: re.Pattern[str]) -> tuple[list[int], list[int]]:
        """Starts and ends of the non-overlapping occurrences of ``literals`` in the whole text."""
        hits = self._hits.get(literals)
        if hits is None:
            spans = [m.span() for m in literals.finditer(self.text)]
            hits = self._hits[literals] = ([s for s, _ in spans], [e for _, e in spans])
        return hits


def _build(pattern: re.Pattern[str]) -> Anchor | None:
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        literals = _required(tree)
        width = tree.getwidth()[1]
        lookahead = _lookahead_width(tree)
    except Exception:  # an internal parser we only use to go faster: fall back to plain finditer
        return None
    if not literals or "" in literals or lookahead is None or width > _MAX_WIDTH:
        return None
    if sum(_odds(s) for s in literals) * width > _MAX_COVER:
        return None  # literals so common ("Q", "H") that the windows would cover most of the text
    ordered = sorted(literals, key=lambda s: (-len(s), s))
    alternation = "|".join(re.escape(s) for s in ordered)
    # IGNORECASE: the rules are compiled case-insensitively, so "may" must find "May"; for a pattern
    # that is case-sensitive this finds more occurrences than needed, which only widens the windows.
    literal_re = re.compile(f"(?:{alternation})", re.IGNORECASE)
    # + 2: a word boundary reads the character after its position, and "$" the one after that
    return Anchor(literal_re, width, width + lookahead + 2)


def _required(seq: Any) -> set[str] | None:
    """A set of literal strings of which every match of ``seq`` contains one (the rarest such set
    found), or None when no such set is known."""
    best: tuple[float, set[str]] | None = None

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found:
            odds = sum(_odds(s) for s in found)
            if best is None or odds < best[0]:
                best = (odds, found)

    run = ""
    for op, av in seq:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            consider({run})
            run = ""
        if op is sre.SUBPATTERN:
            consider(_required(av[3]))
        elif op is _ATOMIC_GROUP:
            consider(_required(av))
        elif op is sre.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(av[2]))
        # anything else (classes, lookarounds, anchors, backreferences) holds no required literal
    if run:
        consider({run})
    return best[1] if best else None


def _odds(literal: str) -> float:
    """How likely ``literal`` is at a given place in news text (a rough model, for choosing only)."""
    odds = 1.0
    for c in literal:
        if c.isalpha():
            odds *= _ODDS_LETTER
        elif c.isdigit():
            odds *= _ODDS_DIGIT
        elif c.isspace():
            odds *= _ODDS_SPACE
        else:
            odds *= _ODDS_OTHER
    return odds


def _lookahead_width(seq: Any) -> int | None:
    """The sum of the longest reads of every lookahead in ``seq`` (None if one is unbounded): a bound
    on how far past the end of the longest match an attempt can look, since every lookahead starts
    inside it."""
    total = 0
    for op, av in seq:
        subs: list[Any] = []
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, body = av
            if direction == 1:
                hi = body.getwidth()[1]
                if hi > _MAX_WIDTH:
                    return None
                total += hi
            subs = [body]
        elif op is sre.SUBPATTERN:
            subs = [av[3]]
        elif op is _ATOMIC_GROUP:
            subs = [av]
        elif op is sre.BRANCH:
            subs = list(av[1])
        elif op in _REPEATS:
            subs = [av[2]]  # a repeated lookahead still starts within the match: counted once is enough
        elif op is sre.GROUPREF_EXISTS:
            subs = [s for s in av[1:] if s is not None]
        for sub in subs:
            width = _lookahead_width(sub)
            if width is None:
                return None
            total += width
    return total
