"""What every match of a regular expression must hold, read off its parse tree (for ``anchors``).

A rule's match holds particular words ("April 17": a month name and a day), at a bounded distance from
its start, and starts with particular words ("in March": a preposition, a modifier or the month).
Reading them off the compiled pattern itself, never listing them by hand, keeps them from drifting
from the rules.  Every answer here is a necessary condition, so ``anchors`` may skip a place where it
fails; when in doubt the answer is None (or nothing): the rule then runs there.

Consecutive literals and small character classes are spelt out together: "1[6-9]" is "16" to "19",
``\\d`` "0" to "9", "[QH][1-4]" "Q1" to "H4"; the longer the strings, the rarer.  Only ASCII strings
are kept, which ``anchors.fold`` lets a plain search find where the case-insensitive rule sees them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dealextract.literals import ATOMIC_GROUP, REPEATS, odds_of, sre, sre_parse

MAX_WIDTH = 1000  # lookaheads reading further than this are not bounded (see ``lookahead_width``)
_MAX_STRINGS = 64  # a run of spelt-out items is spelt out up to this many strings
_MAX_FIRST = 512  # more words than this a match may start with: not worth knowing
_DIGITS = "0123456789"  # what ``\d`` is spelt as (``anchors.fold`` turns every other digit into "0")
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


@dataclass(frozen=True, slots=True)
class Required:
    """A set of literals of which every match holds one, each with its ``before``: the most characters
    from the match's start to the literal's.  ``left`` and ``right`` when the pattern asserts a word
    boundary right before or after them."""

    odds: float  # how common they are in news (``dealextract.literals.odds_of``): lower is rarer
    literals: dict[str, int]  # lowercase literal -> before
    left: bool = False
    right: bool = False

    def shifted(self, offset: int) -> Required:
        """The same literals inside a match that can run ``offset`` more characters before them."""
        literals = {s: before + offset for s, before in self.literals.items()}
        return Required(self.odds, literals, self.left, self.right)

    def rank(self) -> tuple[float, int]:
        """Rarest first, then nearest the match's start."""
        return self.odds, max(self.literals.values())


def parse(pattern: str, flags: int) -> Any:
    """The parse tree the functions here read (the standard library's internal parser: a caller
    treats any exception as "unknown")."""
    return sre_parse.parse(pattern, flags)


def required(seq: Any) -> list[Required]:
    """Sets of literal strings of which every match of the parsed sequence ``seq`` holds one (each set
    a necessary condition on its own), rarest first.

    The last repetition of a spelt-out item starts a run as well: "\\d{1,2}/" holds "0/" to "9/".
    """
    found: list[Required] = []
    offset = 0  # the most characters the items so far can match
    run: set[str] | None = None  # the strings the current run of spelt-out items matches
    run_offset, run_left, previous = 0, False, None
    for item in seq:
        strings = _strings(item)
        width = _width(seq, item)
        if strings is not None and run is not None and len(run) * len(strings) <= _MAX_STRINGS:
            run = {a + b for a in run for b in strings}
        else:
            found += _spelt(run, run_offset, run_left, _is_boundary(item))
            run, run_offset = strings, offset
            run_left = strings is not None and previous is not None and _bounded_before(previous, strings)
            if strings is None:
                found += [inner.shifted(offset) for inner in _inside(item)]
                run = _ending(item)
                if run:  # it starts at most its shortest string before the item's longest end
                    run_offset = offset + width - min(map(len, run))
        previous = item
        offset += width
    return sorted(found + _spelt(run, run_offset, run_left, False), key=Required.rank)


def starting_words(seq: Any) -> Required | None:
    """The words every match of ``seq`` starts with (before 0), after a word boundary if the pattern
    begins with one; None if unknown."""
    items = list(seq)
    lead = []
    while items and items[0][0] in _ZERO_WIDTH:
        lead.append(items.pop(0))
    strings = _first(items)
    if not strings or len(strings) > _MAX_FIRST or not all(s and s.isascii() for s in strings):
        return None
    left = any(_bounded_before(item, strings) for item in lead)
    return Required(0.0, {s.lower(): 0 for s in strings}, left)


def begins_at_start(seq: Any) -> bool:
    """Whether ``seq`` begins with ``\\A``: then a match can only start at 0."""
    return bool(seq.data) and seq.data[0] == (sre.AT, sre.AT_BEGINNING_STRING)


def lookahead_width(seq: Any) -> int | None:
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
                if hi > MAX_WIDTH:
                    return None
                total += hi
            subs = [body]
        elif op is sre.SUBPATTERN:
            subs = [av[3]]
        elif op is ATOMIC_GROUP:
            subs = [av]
        elif op is sre.BRANCH:
            subs = list(av[1])
        elif op in REPEATS:
            subs = [av[2]]  # a repeated lookahead still starts within the match: counted once is enough
        elif op is sre.GROUPREF_EXISTS:
            subs = [s for s in av[1:] if s is not None]
        for sub in subs:
            width = lookahead_width(sub)
            if width is None:
                return None
            total += width
    return total


def is_word(char: str) -> bool:
    """Whether ``\\w`` matches ``char`` (``tests/dates/test_dates_fold.py`` checks every code point)."""
    return char.isalnum() or char == "_"


def _width(seq: Any, item: Any) -> int:
    return int(sre_parse.SubPattern(seq.state, [item]).getwidth()[1])


def _is_boundary(item: Any) -> bool:
    return bool(item[0] is sre.AT and item[1] is sre.AT_BOUNDARY)


def _bounded_before(item: Any, strings: Iterable[str]) -> bool:
    """Whether ``item``, right before one of ``strings``, means a word boundary at its start: a
    ``\\b``, or a lookbehind that no word character may pass before strings that start with one
    ("(?<![\\w.,])2023")."""
    op, av = item
    if _is_boundary(item):
        return True
    if op is not sre.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1:
        return False
    [(kind, chars)] = av[1]
    return (
        kind is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in chars and all(is_word(s[0]) for s in strings)
    )


def _spelt(strings: set[str] | None, before: int, left: bool, right: bool) -> list[Required]:
    """A run of spelt-out strings as a set of literals, if they are all non-empty ASCII."""
    if not strings or not all(s and s.isascii() for s in strings):
        return []
    return [Required(sum(odds_of(s) for s in strings), {s.lower(): before for s in strings}, left, right)]


def _inside(item: Any) -> list[Required]:
    """``required`` of what a group or a repetition (at least once) holds; for an alternation, the
    union of the rarest set of each branch."""
    op, av = item
    if op is sre.SUBPATTERN:
        return required(av[3])
    if op is ATOMIC_GROUP:
        return required(av)
    if op in REPEATS and av[0] >= 1:
        return required(av[2])  # the first repetition starts where the repeat does
    if op is sre.BRANCH:
        best = [required(branch)[:1] for branch in av[1]]
        if not all(best):
            return []
        union: dict[str, int] = {}
        for [b] in best:
            for s, before in b.literals.items():
                union[s] = max(before, union.get(s, before))
        left, right = all(b.left for [b] in best), all(b.right for [b] in best)
        return [Required(sum(b.odds for [b] in best), union, left, right)]
    # anything else (classes, lookarounds, anchors, backreferences) holds no required literal
    return []


def _ending(item: Any) -> set[str] | None:
    """The strings every match of ``item`` ends with, if they can be spelt out: what the last
    repetition of a repeated item matches ("\\d{1,2}": "0" to "9"), or what a group ends with."""
    strings = _strings(item)
    op, av = item
    if strings is None and op in REPEATS and av[0] >= 1:
        strings = _sequence_strings(av[2])
    elif strings is None and op is sre.SUBPATTERN and av[3]:
        strings = _ending(av[3][-1])
    return strings


def _first(items: list[Any]) -> set[str] | None:
    """The strings every match of the sequence ``items`` starts with, spelt out as far as they stay
    few; None when they are unknown."""
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:  # takes no characters: the match starts with what follows
        return _first(rest)
    strings = _strings(items[0])
    if strings is not None:
        for item in rest:
            more = _strings(item)
            if more is None or len(strings) * len(more) > _MAX_STRINGS:
                break
            strings = {a + b for a in strings for b in more}
        return strings
    if op is sre.SUBPATTERN:
        return _first(list(av[3]) + rest)
    if op is ATOMIC_GROUP:
        return _first(list(av) + rest)
    if op is sre.BRANCH:
        return _union_of(_first(list(branch) + rest) for branch in av[1])
    if op in REPEATS:  # not spelt on past it: the next repetition may follow
        first = _first(list(av[2]))
        return first if av[0] >= 1 else _union_of((first, _first(rest)))
    return None


def _union_of(sets: Iterable[set[str] | None]) -> set[str] | None:
    out: set[str] = set()
    for strings in sets:
        if strings is None:
            return None
        out |= strings
    return out


def _strings(item: Any) -> set[str] | None:
    """Every string one parsed item matches, if they are few and it is made of literals and small
    classes only; else None."""
    op, av = item
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        return _class_strings(av)
    if op is sre.SUBPATTERN:
        return _sequence_strings(av[3])
    if op is sre.BRANCH:
        union = _union_of(_sequence_strings(branch) for branch in av[1])
        return union if union is not None and len(union) <= _MAX_STRINGS else None
    return None


def _sequence_strings(seq: Any) -> set[str] | None:
    out = {""}
    for item in seq:
        strings = _strings(item)
        if strings is None or len(out) * len(strings) > _MAX_STRINGS:
            return None
        out = {a + b for a in out for b in strings}
    return out


def _class_strings(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_STRINGS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.update(_DIGITS)
        else:  # a negated class, a large range, letters or spaces: too many to spell out
            return None
    return chars if len(chars) <= _MAX_STRINGS else None
