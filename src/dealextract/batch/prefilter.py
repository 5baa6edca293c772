"""The cheap first pass of ``--deals-only``: which articles can hold a deal at all.

Most articles in a news dump state no deal, and the full pipeline costs far more than reading them.
Deal assembly (``deals/assemble.py``) only ever starts a deal from a sentence that has one of:

* an acquisition trigger (``frames.ACQUIRE_RE``, ``frames.OWNED_ACQUIRE_RE``): no other condition;
* a strong raise verb with money as its object ("raised money from", ``frames.RAISE_MONEY_RE``);
* a sale of a stake or a business ("sold its chip unit to X", ``frames.SELL_RE``): a sell verb and a
  word for what was sold (``frames.SOLD_THING``);
* a sale told as a noun ("the sale of X to Y", ``frames.SALE_NOUN_RE``): "sale", "to" after it;
* a take-private ("will take X private", ``frames.TAKE_PRIVATE_RE``);
* a price paid for a company ("will pay $28 billion for X", ``frames.PAY_FOR_RE``): a pay verb and an
  amount;
* a raise or invest trigger (``frames.RAISE_*``, ``frames.INVEST_RE``) together with an amount or a
  funding word (``frames.FUNDING_WORDS``) in the same sentence (``_is_financing``); a weak raise verb
  with an amount right after it ("gets $8 million"); an invest verb before "in" and a name ("invests
  in Kestrel Bio"); a passive raise ("$80 million was swept up by X"); a possessive investment ("X's
  investment in Y");
* a stake ("took a 20% stake in"): a stake verb or invest trigger and a stake noun followed by "in";
* no verb but an amount and a round or funding word (a digest line, ``_nominal_draft``);
* a possessive deal ("X's Series C included ...", ``_POSSESSIVE_DEAL``): a funding word and an investor
  cue (``frames.CUES``);
* money and its backers before the company ("With a fresh $75 million from X, Y plans ...",
  ``frames.FRONTED_MONEY_RAW``) and an amount.

Everything else (cue lists, "the round was led by X") only adds to a deal started by such a sentence.
So an article none of whose sentences passes these tests yields no deal, and ``is_candidate`` may skip it.

Why the scan is a superset of the pipeline's own tests:

* the unit is a *line*: the pipeline starts a sentence after every line break, so each line is a union of
  whole pipeline sentences and a test that passes within a sentence passes within its line;
* the patterns are the pipeline's own compiled ones, applied to the lower-cased raw line instead of the
  sentence skeleton; the skeleton only hides words (inside names and amounts), never adds any, and the
  negative look-aheads that refine a trigger in context are dropped here;
* amounts are found with the money grammar's own scanner (``grammar.scanner_matches``), which every amount
  mention starts from; it matches any number, with or without a currency;
* a pattern is only run on a line that holds one of its required literals (``literals.LiteralGate``: read
  off the compiled pattern, all found in one Aho-Corasick pass over the article), since every match holds
  one; a line holding none of the starters' literals is not looked at.  This is what makes the scan run
  at about 8 MB/s on one core (15 before the weak-raise, passive and possessive shapes were added: a
  weak raise verb such as "closed" is in many lines).

A candidate article goes through the full pipeline whole: currency decisions ("$" as SGD), references
("the startup") and the models tied to a target read the whole article, so cutting non-candidate
sentences out could change a deal (measured in ``docs/benchmarks.md``).
``tests/batch/test_prefilter_safety.py`` checks the equality on every fixture article and on generated
ordinary news, and that every line of the deals corpus (one example of each deal rule) is a candidate.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from dealextract.deals import frames as F
from dealextract.literals import Candidates, LiteralGate
from dealextract.money.grammar import scanner_matches


def _without_trailing_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with the negative look-ahead that ends it removed (so it matches more, never less)."""
    source = pattern.pattern
    cut = source.rfind(r")\b(?!")
    if cut < 0:
        return pattern
    return re.compile(source[: cut + 3], pattern.flags)


RAISE_STRONG_ANY = re.compile(rf"\b(?:{F.RAISE_STRONG})\b")
RAISE_ANY = re.compile(rf"\b(?:{F.RAISE_STRONG}|{F.RAISE_WEAK})\b")
INVEST_ANY = _without_trailing_lookahead(F.INVEST_RE)
# the price of a company: on the raw line, where amounts and names are words, not placeholders
PAY_FOR_ANY = re.compile(rf"\b(?:{F.PAY_VERBS})\b")
_PAY_THEN_FOR = re.compile(rf"\b(?:{F.PAY_VERBS})\b[^;]{{0,120}}?\b(?:for|to\s+buy|to\s+acquire)\b")
TAKE_PRIVATE_ANY = re.compile(rf"\b(?:{F.TAKE_VERBS})\s[^;]{{1,80}}?\sprivate\b")
SELL_ANY = re.compile(rf"\b(?:{F.SELL_VERBS})\b")
# a sale told as a noun (``frames.SALE_NOUN_RE``): "the sale of X to Y", "X's sale to Y"
SALE_NOUN_ANY = re.compile(r"(?<![-\w])(?:sale|sell-off|divestiture|divestment)\s(?:of\s[^;]{1,160}?\s)?to\s")
STAKE_NOUN = re.compile(r"\b(?:stake|shareholding|interest|holding)\s+in\b")


def has_amount(line: str) -> bool:
    """Whether ``line`` may hold an amount of money: a scanner hit with a currency before or after it.

    The money finder keeps only hits with a currency form (``grammar.scan``); a range ("$5-10 million")
    has one on at least one of its ends.
    """
    return any(m.group("pre") or m.group("post") for m in scanner_matches(line))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a line may state a deal (empty ``reason`` when it cannot)."""

    reason: str

    def __bool__(self) -> bool:
        return bool(self.reason)


def line_verdict(line: str, low: str | None = None, possible: set[re.Pattern[str]] | None = None) -> Verdict:
    """Whether one line (a union of whole sentences) passes any test that can start a deal.

    The tests mirror ``assemble._is_financing``, ``_draft_for``, ``_nominal_draft`` and ``_context_draft``:
    a weak raise verb ("closed", "announced") needs a funding word; a strong one ("raised") or an invest
    verb needs a funding word or an amount; an acquisition verb needs nothing more.  ``low`` is the
    line lower-cased and ``possible`` the patterns whose literals it holds, when the caller has them;
    a pattern whose literals the line lacks is not run.
    """
    low = line.lower() if low is None else low
    found = (_GATE.scan(low) if possible is None else Candidates(low, possible)).search

    if found(F.ACQUIRE_RE) or found(F.OWNED_ACQUIRE_RE):
        return Verdict("acquire")
    if found(F.RAISE_MONEY_RE):
        return Verdict("raise_money")
    if found(PAY_FOR_ANY) and _PAY_THEN_FOR.search(low) and has_amount(line):
        return Verdict("pay_for")
    if found(SELL_ANY) and F.SOLD_THING.search(low):
        return Verdict("sale")
    if found(SALE_NOUN_ANY):
        return Verdict("sale_noun")
    if found(TAKE_PRIVATE_ANY):
        return Verdict("take_private")
    funding = found(F.FUNDING_WORDS) is not None
    invest = found(INVEST_ANY) is not None
    if funding and (invest or found(RAISE_ANY)):
        return Verdict("raise_or_invest")
    if (invest or found(F.STAKE_VERB_RE)) and found(STAKE_NOUN):
        return Verdict("stake")
    if funding and any(found(cue.pattern) for cue in F.CUES):
        return Verdict("possessive")
    if (funding or invest or found(RAISE_STRONG_ANY)) and has_amount(line):
        return Verdict("amount")
    if invest and _INVEST_IN_NAME.search(line):
        return Verdict("invest_in")  # "Sequoia invests in Kestrel Bio" (``_ORG_RIGHT_AFTER_IN``)
    if found(RAISE_ANY) and _money_right_after_weak_raise(line):
        return Verdict("weak_raise_amount")  # "X gets $8 million from Y" (``_MONEY_RIGHT_AFTER``)
    if found(_PASSIVE_PARTICIPLE) and F.RAISE_PASSIVE_RE.search(low) and has_amount(line):
        return Verdict("passive_raise")  # "$80 million was swept up by X"
    if found(F.FRONTED_MONEY_RAW) and has_amount(line):
        return Verdict("fronted_money")  # "With a fresh $75 million from X, Y plans ..." (``_FRONTED_MONEY``)
    if found(_BET_NOUN) and _POSSESSIVE_BET.search(low):
        return Verdict("possessive_bet")  # "Cinder Ventures' investment in Palomar" (``_BET``)
    return Verdict("")


# A weak raise verb with an amount right after it ("gets $8 million", "landed about EUR 5m"): the
# amount is a money-scanner hit with a currency, as the money finder requires ("closed 3% higher" is
# none), and the verb is looked for only in the few words before each such hit.
_WEAK_RAISE_BEFORE = re.compile(rf"(?i)\b(?:{F.RAISE_WEAK})\s{F.AMOUNT_LEAD}$")


def _money_right_after_weak_raise(line: str) -> bool:
    return any(
        (hit.group("pre") or hit.group("post"))
        and _WEAK_RAISE_BEFORE.search(line, max(0, hit.start() - 40), hit.start())
        for hit in scanner_matches(line)
    )


# An invest verb, "in" or "into" and a capitalised word: "invests in Kestrel Bio".
_INVEST_IN_NAME = re.compile(
    r"\b(?i:invested|invests|invest|investing)\s(?i:in|into)\s(?:[a-z][\w\-]*\s){0,2}?[A-Z]"
)
# The participle of a passive raise, for the gate (``frames.RAISE_PASSIVE_RE`` itself starts with "was",
# "is", ..., in nearly every line).
_PASSIVE_PARTICIPLE = re.compile(rf"\b(?:{F.PASSIVE_RAISE_PARTICIPLES})\s+by\b")
# A possessive before an investment noun and "in"/"on": "X's $5m bet on Y", "X' investment in Y". The
# gate looks for the noun (an apostrophe is in too many lines to be worth a look).
_BET_NOUN = re.compile(rf"\b(?:{F.BET_NOUNS})\s(?:on|in|into|for)\s")
_POSSESSIVE_BET = re.compile(rf"(?:'s|’s|'|’)\s(?:[^\s]+\s){{0,3}}?(?:{F.BET_NOUNS})\s(?:on|in|into|for)\s")


# Every line that passes a test above matches one of these: a line that holds none of their literals
# cannot pass, and is never looked at (one Aho-Corasick scan of the article finds the rest).
_STARTERS = frozenset(
    (
        F.ACQUIRE_RE,
        F.OWNED_ACQUIRE_RE,
        F.RAISE_MONEY_RE,
        PAY_FOR_ANY,
        SELL_ANY,
        SALE_NOUN_ANY,
        TAKE_PRIVATE_ANY,
        F.FUNDING_WORDS,
        INVEST_ANY,
        F.STAKE_VERB_RE,
        RAISE_STRONG_ANY,
        RAISE_ANY,
        _PASSIVE_PARTICIPLE,
        _BET_NOUN,
        F.FRONTED_MONEY_RAW,
    )
)
_GATE = LiteralGate([*_STARTERS, STAKE_NOUN, *(cue.pattern for cue in F.CUES)])


def candidate_lines(text: str) -> list[int]:
    """Indexes of the lines of ``text`` that may start a deal."""
    return list(_candidate_lines(text))


def is_candidate(text: str) -> bool:
    """True when the article may hold a deal; False only when the full pipeline would find none.
    The first candidate line settles it."""
    return next(_candidate_lines(text), None) is not None


def _candidate_lines(text: str) -> Iterator[int]:
    low = text.lower()
    # lower-casing keeps every line break, so the lines of ``low`` are those of ``text``
    low_lines = low.split("\n")
    ends = list(accumulate(len(line) + 1 for line in low_lines))  # where each next line starts
    possible: dict[int, set[re.Pattern[str]]] = {}
    for last, owners in _GATE.hits(low):  # a literal holds no line break: it lies in one line
        possible.setdefault(bisect.bisect_right(ends, last), set(_GATE.always)).update(owners)
    lines = text.split("\n") if possible else []
    for i, found in sorted(possible.items()):
        if not found.isdisjoint(_STARTERS) and line_verdict(lines[i], low_lines[i], found):
            yield i
