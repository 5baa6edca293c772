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

__all__ = [
    "ATOMIC_GROUP",
    "CASE_TWINS",
    "REPEATS",
    "Candidates",
    "LiteralGate",
    "fold",
    "odds_of",
    "required_in",
    "required_literals",
    "sre",
    "sre_parse",
]

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
            # "pa" + (y|id|ying): the parser factors a common prefix out of an alternation; the prefix
            # with each branch's own leading literal is rarer than the prefix alone
            consider({run + lead for lead in _leads(op, av)} or {run})
            run = ""
        if op is sre.SUBPATTERN:
            # a scoped "(?i:...)" would need its literals folded: none are taken from it (a scoped
            # "(?-i:...)" in a case-insensitive pattern only matches less than the folded search finds)
            if not av[1] & sre.SRE_FLAG_IGNORECASE:
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


def _leads(op: Any, av: Any) -> set[str]:
    """The literal each alternative of a branch or small character class starts with, or an empty set
    when one of them starts with something else."""
    if op is sre.IN and len(av) <= 8 and all(o is sre.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}
    if op is not sre.BRANCH:
        return set()
    leads: set[str] = set()
    for branch in av[1]:
        lead = ""
        for o, a in branch:
            if o is not sre.LITERAL:
                break
            lead += chr(a)
        if not lead:
            return set()
        leads.add(lead)
    return leads


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


# Letters that re.IGNORECASE equates with an ASCII one although ``str.lower`` does not turn them into it
# ("ı", "ſ": ``re._casefix``), or turns them into two characters ("İ"), or only just does (the Kelvin
# sign): mapped first, lower-casing makes a case-insensitive match of ASCII literals a plain one.
CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans(CASE_TWINS)


def fold(text: str) -> str:
    """``text`` as a case-insensitive pattern with ASCII literals sees it: lower case, with the
    characters that match an ASCII letter only under IGNORECASE mapped to it.  Every character stays
    one character ("İ", the one whose lower case is two, is mapped first), so indexes hold."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


class LiteralGate:
    """Which of a fixed list of patterns can match a text, found by one scan for all their literals.

    The scan is an Aho-Corasick automaton (``pyahocorasick``, in C): every occurrence of every
    literal, overlapping ones included, in one pass; a regex alternation of a few hundred words is
    twenty times slower.  Case-insensitive patterns are looked for in the folded text (``fold``);
    one with a non-ASCII literal, whose case folding that does not reproduce, or with no known
    literal, is always reported as possible.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        always: set[re.Pattern[str]] = set()
        exact: dict[str, set[re.Pattern[str]]] = {}  # literal -> the patterns it may start
        folded: dict[str, set[re.Pattern[str]]] = {}
        for pattern in patterns:
            literals = required_literals(pattern)
            insensitive = bool(pattern.flags & re.IGNORECASE)
            if literals is None or (insensitive and not all(s.isascii() for s in literals)):
                always.add(pattern)
                continue
            for literal in literals:
                if insensitive:
                    folded.setdefault(literal.lower(), set()).add(pattern)
                else:
                    exact.setdefault(literal, set()).add(pattern)
        self._always = frozenset(always)
        self._exact = _automaton(exact)
        self._folded = _automaton(folded)

    def possible(self, text: str) -> set[re.Pattern[str]]:
        """The patterns that may match ``text`` (the others cannot)."""
        out = set(self._always)
        if self._exact is not None:
            for _, owners in self._exact.iter(text):
                out |= owners
        if self._folded is not None:
            for _, owners in self._folded.iter(fold(text)):
                out |= owners
        return out

    def scan(self, text: str) -> Candidates:
        """``text`` with the patterns that may match it, to search it with (see ``Candidates``)."""
        return Candidates(text, self.possible(text))

    def hits(self, text: str) -> Iterator[tuple[int, frozenset[re.Pattern[str]]]]:
        """Every literal occurrence in ``text``: (index of its last character, the patterns it may
        start); the case-sensitive ones first, then the folded ones (``fold`` keeps every index)."""
        if self._exact is not None:
            yield from self._exact.iter(text)
        if self._folded is not None:
            yield from self._folded.iter(fold(text))

    @property
    def always(self) -> frozenset[re.Pattern[str]]:
        """The patterns run on every text (no literal known)."""
        return self._always


class Candidates:
    """A text and the patterns that may match it: ``search`` and ``finditer`` run a pattern only when
    it may, and give what the pattern itself gives (a pattern that cannot match finds nothing)."""

    __slots__ = ("patterns", "text")

    def __init__(self, text: str, patterns: set[re.Pattern[str]]) -> None:
        self.text = text
        self.patterns = patterns

    def __contains__(self, pattern: re.Pattern[str]) -> bool:
        return pattern in self.patterns

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.search(self.text) if pattern in self.patterns else None

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(self.text) if pattern in self.patterns else iter(())


def _automaton(needing: dict[str, set[re.Pattern[str]]]) -> Any:
    """An Aho-Corasick automaton from each literal to the patterns it may start (None if none)."""
    if not needing:
        return None
    automaton = ahocorasick.Automaton()
    for literal, owners in needing.items():
        automaton.add_word(literal, frozenset(owners))
    automaton.make_automaton()
    return automaton
