"""Required literals of a regular expression, and a gate that runs only the patterns that can match.

Why: the rule components run many patterns over every sentence (deal triggers, investor cues), and in
most sentences most of them cannot match.  Each pattern needs particular words: an acquisition trigger
"acquired", "bought" or one of a few others, a lead cue "led", "lead" or "headed".  Those *required
literals* are read off the compiled pattern itself (never listed by hand, so they cannot drift from the
rules); one scan of a text for all of them tells which patterns are worth running, and a pattern none
of whose literals occurs is skipped, since it cannot match.

``required_literals`` returns a set of strings of which every match of the pattern contains one (the
rarest such set it finds), or None when it knows none (then the pattern is always run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import ahocorasick

try:  # the regex parser of the standard library, under its Python 3.11+ name
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as sre
    import sre_parse

REPEATS = tuple(
    getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name)
)
ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)  # Python 3.11+

# Rough odds of a character in English news, to pick the rarest of several sets of required literals.
_ODDS_LETTER, _ODDS_DIGIT, _ODDS_SPACE, _ODDS_OTHER = 1 / 33, 1 / 500, 1 / 6, 1 / 50


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings of which every match of ``pattern`` holds one, or None if none are known."""
    try:
        found = required_in(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an internal parser we only use to go faster: no gate, the pattern always runs
        return None
    if not found or "" in found:
        return None
    return frozenset(found)


def required_in(seq: Any) -> set[str] | None:
    """A set of literal strings of which every match of the parsed ``seq`` contains one (the rarest
    such set found), or None when no such set is known."""
    best: tuple[float, set[str]] | None = None

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found:
            odds = sum(odds_of(s) for s in found)
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
            consider(required_in(av[3]))
        elif op is ATOMIC_GROUP:
            consider(required_in(av))
        elif op is sre.BRANCH:
            branches = [required_in(b) for b in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op in REPEATS and av[0] >= 1:
            consider(required_in(av[2]))
        # anything else (classes, lookarounds, anchors, backreferences) holds no required literal
    if run:
        consider({run})
    return best[1] if best else None


def odds_of(literal: str) -> float:
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


class LiteralGate:
    """Which of a fixed list of patterns can match a text, found by one scan for all their literals.

    The scan is an Aho-Corasick automaton (``pyahocorasick``, in C): every occurrence of every
    literal, overlapping ones included, in one pass; a regex alternation of a few hundred words is
    twenty times slower.  A pattern with no known literal, or a case-insensitive one (whose case
    folding a plain string search does not reproduce), is always reported as possible.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        always: set[re.Pattern[str]] = set()
        needing: dict[str, set[re.Pattern[str]]] = {}  # literal -> the patterns it may start
        for pattern in patterns:
            literals = None if pattern.flags & re.IGNORECASE else required_literals(pattern)
            if literals is None:
                always.add(pattern)
                continue
            for literal in literals:
                needing.setdefault(literal, set()).add(pattern)
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for literal, owners in needing.items():
            self._automaton.add_word(literal, frozenset(owners))
        if needing:
            self._automaton.make_automaton()
        self._empty = not needing

    def possible(self, text: str) -> set[re.Pattern[str]]:
        """The patterns that may match ``text`` (the others cannot)."""
        out = set(self._always)
        for _, owners in self.hits(text):
            out |= owners
        return out

    def hits(self, text: str) -> Iterator[tuple[int, frozenset[re.Pattern[str]]]]:
        """Every literal occurrence in ``text``: (index of its last character, the patterns it may
        start), in order of that index; patterns that are always possible are not in them."""
        return iter(()) if self._empty else self._automaton.iter(text)

    @property
    def always(self) -> frozenset[re.Pattern[str]]:
        """The patterns run on every text (no literal known, or case-insensitive)."""
        return self._always
