"""``pattern.finditer(text, pos, endpos)`` for the date rules, run only near the words a match must hold.

Why: finding dates was ~30 regexes each scanning about half of every article (``finder.segments``
keeps a margin around every date-like word, and news has many).  Yet each rule needs particular words:
a month rule a month name, a weekday rule a weekday, a year rule "160" to "209".  Those *required
literals* (``required.py``) come with how far into a match each can start (its ``before``), so a
rule's regex need only be tried where a match could start: at most ``before`` characters ahead of an
occurrence of one of them.  One Aho-Corasick scan (in C) of a lowercased copy of the text (``fold``)
finds every occurrence of every rule's literals at once.  Inside such a window three more facts save
work: a rule needs other words too ("April 17": a day as well as a month), so a window without them
within reach is skipped or narrowed (``Check``); a match starts with known words ("in March": a
preposition, a modifier or the month), so only those places are tried; and a search stops at the
window's end (``_stopper``).

The results are exactly those of ``finditer`` (same matches, same order, same groups):

* a match starting at q holds a required literal starting at some h with q <= h <= q + before, so no
  match starts outside the windows [h - before, h], nor where a check's literals are not within its
  ``ahead``, nor (when they are known) where none of the words a match starts with starts;
* every occurrence of a literal is found, overlapping ones included (``fold`` sees to case);
* inside a window the regex is run with ``endpos`` cut ``reach`` characters after the window, where
  ``reach`` bounds what a match attempt reads past its start (the longest match plus every
  lookahead), so each attempt sees exactly the characters it would see in the whole range;
* after a match the search goes on from its end, as ``finditer`` does (matches are never empty: each
  holds a literal).

A rule whose pattern has no required literal, or unbounded width, is run by plain ``finditer``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from dealextract.dates import required as req
from dealextract.literals import fold as literal_fold

_MAX_COVER = 0.3  # above this expected share of the text in windows, plain finditer is as fast
_CHECKS = 2  # at most this many checks of other literals per anchor, the rarest first
_CHECK_ODDS = 0.025  # literals more common than this (a single letter) would seldom skip a window
_FEW = 8  # a window of fewer positions is tried position by position: a search call costs several

# (literal, before): a match holds the literal starting at most ``before`` characters after its start
Literals = frozenset[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class Check:
    """Literals of which every match holds one within ``ahead`` characters of its start, as a regex
    for a plain search of the folded text."""

    regex: re.Pattern[str]
    ahead: int
    span: int  # ``ahead`` plus the longest literal: where a search for them can stop


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one per pattern, hashed fast
class Anchor:
    """Where matches of one pattern can start: at most ``before`` characters ahead of an occurrence
    of one of ``literals``, for each (literal, before); and where every check and ``starts`` allow."""

    stopper: re.Pattern[str]  # the pattern for searches in windows (see ``_stopper``)
    literals: Literals  # lowercase ASCII, found by the scan
    checks: tuple[Check, ...]
    reach: int  # most characters a match attempt reads from its start (match plus lookaheads)
    starts: Check | None = None  # the words every match starts with, if known
    at_start: bool = False  # the pattern begins with "\A": a match can only start at 0


# By id, since hashing a pattern hashes its whole compiled code; the pattern is kept, so its id stays its own.
_anchors: dict[int, tuple[re.Pattern[str], Anchor | None]] = {}


def anchor_of(pattern: re.Pattern[str]) -> Anchor | None:
    """The ``Anchor`` of a compiled pattern (computed once), or None to run plain ``finditer``."""
    known = _anchors.get(id(pattern))
    if known is None:
        known = _anchors[id(pattern)] = (pattern, _build(pattern))
        if known[1] is not None and known[1].literals:
            _INDEX.add(known[1].literals)
    return known[1]


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit outside ASCII: "\d" matches it


def fold(text: str) -> str:
    """``text`` folded as the case-insensitive rules see it (``literals.fold``: lower case, with the
    letters such a regex equates with an ASCII one mapped to it), with every other decimal digit made
    "0", since the literals spell ``\\d`` as "0" to "9".  The copy may show a literal where the rule
    sees none (a wider window, never a lost match), never the other way round; every character stays
    one, so a word boundary is where it is in ``text``.  ``tests/dates/test_dates_fold.py`` checks
    every code point.
    """
    low = literal_fold(text)
    return low if text.isascii() else _OTHER_DIGIT.sub("0", low)


@dataclass(frozen=True, slots=True)
class _Automaton:
    """Every literal of the anchors built so far, and for each the slots (set of literals, before)
    whose lists of starts it goes to."""

    automaton: Any  # an ahocorasick.Automaton: literal -> (length, slot numbers)
    slots: tuple[tuple[Literals, int], ...]


class _LiteralIndex:
    """One Aho-Corasick automaton that finds every occurrence of every anchor's literals, overlapping
    ones included, in a single pass over a text.  It is swapped whole when an anchor adds literals,
    so that a scan in another thread keeps a consistent one."""

    def __init__(self) -> None:
        self._sets: frozenset[Literals] = frozenset()
        self._current: _Automaton | None = None

    def add(self, literals: Literals) -> None:
        if literals not in self._sets:
            self._sets |= {literals}
            self._current = None

    def scan(self, folded: str) -> dict[Literals, list[tuple[int, list[int]]]]:
        """For every known set of literals, (before, the starts of its literals with that before in
        ``folded``) for each of their befores."""
        current = self._current or self._built()
        starts: list[list[int]] = [[] for _ in current.slots]
        for end, (length, slots) in current.automaton.iter(folded):
            for slot in slots:
                starts[slot].append(end - length + 1)
        found: dict[Literals, list[tuple[int, list[int]]]] = {literals: [] for literals, _ in current.slots}
        for (literals, before), at in zip(current.slots, starts, strict=True):
            found[literals].append((before, at))
        return found

    def _built(self) -> _Automaton:
        slots = tuple({(literals, before) for literals in self._sets for _, before in literals})
        owners: dict[str, list[int]] = {}
        for i, (literals, before) in enumerate(slots):
            for literal in (s for s, b in literals if b == before):
                owners.setdefault(literal, []).append(i)
        automaton = ahocorasick.Automaton()
        for literal, numbers in owners.items():
            automaton.add_word(literal, (len(literal), tuple(numbers)))
        automaton.make_automaton()
        self._current = _Automaton(automaton, slots)
        return self._current


_INDEX = _LiteralIndex()


class Scanner:
    """Runs the rules over one text: the literals of all of them are looked for in one scan, and the
    windows of each set of literals are computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = ""
        self._found: dict[Literals, list[tuple[int, list[int]]]] = {}
        self._windows: dict[Literals, tuple[list[int], list[int]]] = {}

    def finditer(self, pattern: re.Pattern[str], pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """Exactly ``pattern.finditer(self.text, pos, endpos)``, trying the pattern only near its
        required literals."""
        return self.finditer_each(pattern, [(pos, endpos)])

    def finditer_each(
        self, pattern: re.Pattern[str], ranges: list[tuple[int, int]]
    ) -> Iterator[re.Match[str]]:
        """``finditer`` over each (pos, endpos) of ``ranges`` in turn (one call per rule, not per range).

        In a window, a few positions are tried one by one, since a search call costs as much as
        several attempts; else, if the words a match starts with are known, only where one of them
        is; else a search finds the first match, and stops after the window (see ``_stopper``).
        """
        text, anchor = self.text, anchor_of(pattern)
        if anchor is None:
            for pos, endpos in ranges:
                yield from pattern.finditer(text, pos, endpos)
            return
        firsts, lasts = self._windows.get(anchor.literals) or self._windows_of(anchor)
        match, search, stop = pattern.match, pattern.search, anchor.stopper.search
        reach, checks, starts = anchor.reach, anchor.checks, anchor.starts
        for pos, endpos in ranges:
            for k in range(bisect.bisect_left(lasts, pos), bisect.bisect_left(firsts, endpos)):
                s, last, find = firsts[k], lasts[k], stop
                if s < pos:
                    s = pos
                if last >= endpos:  # a match is not empty: none starts at endpos or after
                    last = endpos - 1
                limit = last + reach
                if limit > endpos:  # the stopper stops in the right place only with its own limit
                    limit, find = endpos, search
                if checks:
                    s = self._narrowed(checks, s, last, endpos)
                if last - s < _FEW:
                    while s <= last:
                        m = match(text, s, limit)
                        if m is None:
                            s += 1
                        else:
                            yield m
                            pos = s = m.end()
                elif starts is not None:
                    while s <= last:
                        at = starts.regex.search(self._folded, s, min(last + starts.span, endpos))
                        if at is None or at.start() > last:
                            break
                        m = match(text, at.start(), limit)
                        if m is None:
                            s = at.start() + 1
                        else:
                            yield m
                            pos = s = m.end()
                else:
                    while s <= last:
                        m = find(text, s, limit)
                        if m is None or m.start() > last:
                            break
                        yield m
                        pos = s = m.end()

    def _narrowed(self, checks: tuple[Check, ...], first: int, last: int, endpos: int) -> int:
        """The first position of [first, last] where a match ending by ``endpos`` could start and hold
        a literal of every check, ``last + 1`` if none can.  (The search for a check's literals ends
        by ``endpos`` too, so that a word boundary there holds as it does for the rule.)"""
        for check in checks:
            end = last + check.span
            m = check.regex.search(self._folded, first, end if end < endpos else endpos)
            if m is None or m.start() > last + check.ahead:
                return last + 1
            if m.start() - check.ahead > first:
                first = m.start() - check.ahead
        return first

    def _windows_of(self, anchor: Anchor) -> tuple[list[int], list[int]]:
        """Merged, sorted ranges [first, last] of the positions where a match may start (``first`` may
        be negative).  Windows may hold positions where nothing matches: that costs a search, never a
        result."""
        if anchor.at_start:
            windows = ([0], [0])
        else:
            found = self._found.get(anchor.literals)
            if found is None:  # the first anchor of this text, or one added since its scan
                self._folded = fold(self.text)
                self._found = _INDEX.scan(self._folded)
                found = self._found[anchor.literals]
            windows = _windows(*found[0]) if len(found) == 1 else _union([_windows(*f) for f in found])
        self._windows[anchor.literals] = windows
        return windows


def _windows(before: int, starts: list[int]) -> tuple[list[int], list[int]]:
    """The ranges [h - before, h] of the starts h of a literal, merged: (firsts, lasts)."""
    starts.sort()  # found in order of their ends, and literals differ in length
    firsts: list[int] = []
    lasts: list[int] = []  # a window's last is known when the next one begins, so one behind
    end = -before - 2  # the first start begins a window
    for h in starts:
        if h - before > end + 1:
            firsts.append(h - before)
            lasts.append(end)
        end = h
    lasts.append(end)
    del lasts[0]
    return firsts, lasts


def _union(windows: list[tuple[list[int], list[int]]]) -> tuple[list[int], list[int]]:
    """Several lists of windows merged into one."""
    firsts: list[int] = []
    lasts: list[int] = []
    for first, last in sorted(pair for each in windows for pair in zip(*each, strict=True)):
        if lasts and first <= lasts[-1] + 1:
            if last > lasts[-1]:
                lasts[-1] = last
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _build(pattern: re.Pattern[str]) -> Anchor | None:
    if pattern.flags & (re.ASCII | re.LOCALE):  # ``fold`` and the checks assume Unicode matching
        return None
    try:
        tree = req.parse(pattern.pattern, pattern.flags)
        found = req.required(tree)
        width = tree.getwidth()[1]
        lookahead = req.lookahead_width(tree)
    except Exception:  # an internal parser we only use to go faster: fall back to plain finditer
        return None
    if not found or lookahead is None or width > req.MAX_WIDTH:
        return None  # no literal (matches might be empty, which windows do not handle), or unbounded
    reach = width + lookahead + 2  # a word boundary reads the character after, "$" the one after that
    if req.begins_at_start(tree):
        return Anchor(pattern, frozenset(), (), reach, at_start=True)
    primary = found[0]
    if primary.odds * width > _MAX_COVER:
        return None  # literals so common that the windows would cover most of the text
    starts = req.starting_words(tree)
    return Anchor(
        _stopper(pattern, reach),
        _shortest(primary.literals),
        _checks(primary, found[1:]),
        reach,
        None if starts is None else _check(starts),
    )


def _stopper(pattern: re.Pattern[str], reach: int) -> re.Pattern[str]:
    """``pattern`` or, where it fails, an empty match ``reach - 1`` characters before ``endpos``.

    A window's search is cut ``reach`` characters after the window, so that attempts in it see what
    they would see in the whole text; but a plain search goes on trying the positions after the
    window, where nothing it finds is wanted.  This one stops right after the window: the extra
    branch, tried only where the pattern fails, matches only there, so that before it the search is
    the pattern's.  Its groups are the pattern's.  (The pattern itself if it cannot be wrapped.)
    """
    if pattern.flags & re.VERBOSE:  # a trailing comment would swallow the extra branch
        return pattern
    try:
        return re.compile(f"(?:{pattern.pattern})|(?=(?s:.){{{reach - 1}}}\\Z)", pattern.flags)
    except re.error:
        return pattern


def _shortest(literals: dict[str, int]) -> Literals:
    """The literals without those that start with another one allowed as far into a match ("160"
    where "1" is one): that one occurs wherever they do, at the same start."""
    return frozenset(
        (s, before)
        for s, before in literals.items()
        if not any(s != t and s.startswith(t) and literals[t] >= before for t in literals)
    )


def _checks(primary: req.Required, others: list[req.Required]) -> tuple[Check, ...]:
    """The primary literals again if the pattern bounds them by a word boundary ("mar" only as a
    word), then the rarest other sets, if rare enough to skip a window now and then."""
    bounded = [primary] if primary.left or primary.right else []
    useful = [
        other
        for other in others
        if other.odds <= _CHECK_ODDS
        and (other.left or other.right or not _within(primary.literals, other.literals))
    ]
    return tuple(dict.fromkeys(_check(found) for found in bounded + useful[:_CHECKS]))


def _within(literals: dict[str, int], others: dict[str, int]) -> bool:
    """Whether every one of ``literals`` holds one of ``others`` (a check of them could skip nothing)."""
    return all(any(o in s for o in others) for s in literals)


def _check(found: req.Required) -> Check:
    ahead = max(found.literals.values())
    regex = _trie(found.literals, found.left) + (r"\b" if found.right else "")
    return Check(re.compile(regex), ahead, ahead + max(map(len, found.literals)))


Trie = dict[str, "Trie"]


def _trie(strings: Iterable[str], left: bool) -> str:
    """An alternation of ``strings`` as a trie ("sep(?:t(?:ember)?)?"), after a word boundary if
    ``left``.  A search then tries a position's characters once, not once per string, and skips in C
    the positions where none of the strings' first characters is: so the boundary is tested after
    the first character, by a lookbehind, not by a leading ``\\b`` (which would rule that out)."""
    root: Trie = {}
    for s in strings:
        node = root
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}  # a string ends here
    branches = []
    for char, node in sorted(root.items()):
        bound = (r"(?<!\w.)" if req.is_word(char) else r"(?<=\w.)") if left else ""
        branches.append(re.escape(char) + bound + _trie_rest(node))
    return "(?:" + "|".join(branches) + ")"


def _trie_rest(node: Trie) -> str:
    branches = [re.escape(char) + _trie_rest(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body
