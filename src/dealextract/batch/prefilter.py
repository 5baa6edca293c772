"""The cheap first pass of ``--deals-only``: which articles can hold a deal at all.

Most articles in a news dump state no deal, and the full pipeline costs far more than reading them.
Deal assembly (``deals/assemble.py``) only ever starts a deal from a sentence that has one of:

* an acquisition trigger (``frames.ACQUIRE_RE``): no other condition;
* a raise or invest trigger (``frames.RAISE_*``, ``frames.INVEST_RE``) together with an amount or a
  funding word (``frames.FUNDING_WORDS``) in the same sentence (``_is_financing``);
* a stake ("took a 20% stake in"): a stake verb or invest trigger and a stake noun followed by "in";
* no verb but an amount and a round or funding word (a digest line, ``_nominal_draft``);
* a possessive deal ("X's Series C included ...", ``_POSSESSIVE_DEAL``): a funding word and an investor
  cue (``frames.CUES``).

Everything else (cue lists, "the round was led by X") only adds to a deal started by such a sentence.
So an article none of whose sentences passes these tests yields no deal, and ``is_candidate`` may skip it.

Why the scan is a superset of the pipeline's own tests:

* the unit is a *line*: the pipeline starts a sentence after every line break, so each line is a union of
  whole pipeline sentences and a test that passes within a sentence passes within its line;
* the patterns are the pipeline's own compiled ones, applied to the lower-cased raw line instead of the
  sentence skeleton; the skeleton only hides words (inside names and amounts), never adds any, and the
  negative look-aheads that refine a trigger in context are dropped here;
* amounts are found with the money grammar's own scanner (``grammar.SCANNER``), which every amount
  mention starts from; it matches any number, with or without a currency.

A candidate article goes through the full pipeline whole: currency decisions ("$" as SGD) and references
("the startup") read the whole article, so cutting non-candidate sentences out could change a deal.
``tests/batch/test_prefilter_safety.py`` checks the equality on every fixture article and on generated
ordinary news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dealextract.deals import frames as F
from dealextract.money.grammar import SCANNER


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
STAKE_NOUN = re.compile(r"\b(?:stake|shareholding|interest|holding)\s+in\b")


def has_amount(line: str) -> bool:
    """Whether ``line`` may hold an amount of money: a scanner hit with a currency before or after it.

    The money finder keeps only hits with a currency form (``grammar.scan``); a range ("$5-10 million")
    has one on at least one of its ends.
    """
    return any(m.group("pre") or m.group("post") for m in SCANNER.finditer(line))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a line may state a deal (empty ``reason`` when it cannot)."""

    reason: str

    def __bool__(self) -> bool:
        return bool(self.reason)


def line_verdict(line: str) -> Verdict:
    """Whether one line (a union of whole sentences) passes any test that can start a deal.

    The tests mirror ``assemble._is_financing``, ``_draft_for``, ``_nominal_draft`` and ``_context_draft``:
    a weak raise verb ("closed", "announced") needs a funding word; a strong one ("raised") or an invest
    verb needs a funding word or an amount; an acquisition verb needs nothing more.
    """
    low = line.lower()
    if F.ACQUIRE_RE.search(low):
        return Verdict("acquire")
    funding = F.FUNDING_WORDS.search(low) is not None
    invest = INVEST_ANY.search(low) is not None
    if funding and (invest or RAISE_ANY.search(low)):
        return Verdict("raise_or_invest")
    if (invest or F.STAKE_VERB_RE.search(low)) and STAKE_NOUN.search(low):
        return Verdict("stake")
    if funding and any(cue.pattern.search(low) for cue in F.CUES):
        return Verdict("possessive")
    if (funding or invest or RAISE_STRONG_ANY.search(low)) and has_amount(line):
        return Verdict("amount")
    return Verdict("")


def candidate_lines(text: str) -> list[int]:
    """Indexes of the lines of ``text`` that may start a deal."""
    return [i for i, line in enumerate(text.split("\n")) if line_verdict(line)]


def is_candidate(text: str) -> bool:
    """True when the article may hold a deal; False only when the full pipeline would find none.

    Whole-article searches come first: an acquisition verb anywhere settles it (its line passes), and an
    article with no funding word, no invest or strong raise verb and no stake verb cannot pass any line.
    """
    low = text.lower()
    if F.ACQUIRE_RE.search(low):
        return True
    if not F.FUNDING_WORDS.search(low) and not (
        INVEST_ANY.search(low) or RAISE_STRONG_ANY.search(low) or F.STAKE_VERB_RE.search(low)
    ):
        return False
    return any(line_verdict(line) for line in text.split("\n"))
