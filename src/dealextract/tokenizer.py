"""spaCy's English tokenizer, made linear on hostile input.

Why: ``spacy.blank("en")``'s tokenizer strips prefixes and suffixes off a whitespace-free run one at a
time, and each step (1) searches the whole remaining run for a suffix (the suffix regex is an alternation
of ``...$`` branches, which Python's ``re.search`` tries at every position) and (2) copies and hashes the
remaining run.  A run of n affix characters ("$$$$...", 100,000 "?") therefore costs O(n^2): 20,000 "?"
took 34 s, 50,000 "$" eight minutes.

Two small changes make it linear, and leave every ordinary text tokenized exactly as before:

* ``TailSearch``: the suffix regex only looks at the last ``SUFFIX_WINDOW`` characters (every English
  suffix is shorter, except a run of dots, which is then split into tokens of ``SUFFIX_WINDOW`` dots);
* ``GuardedTokenizer``: a whitespace-free run longer than ``MAX_RUN`` characters (no word, number or URL
  in news is that long) is tokenized in pieces of ``MAX_RUN`` characters, joined with no space between,
  so ``doc.text`` is still the input character for character.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
from spacy.tokens import Doc

SUFFIX_WINDOW = 16
MAX_RUN = 1_000

# The start of a whitespace-free run of at least MAX_RUN characters.  The lookbehind fails at once
# inside a run, so each run is scanned at most MAX_RUN characters: linear.
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN}}}")
_RUN_END = re.compile(r"\s")


class TailSearch:
    """A suffix ``search`` that only tries the last ``window`` characters (``re.search`` tries all).

    Keeps the regex's ``pattern`` so spaCy can still serialise the tokenizer.
    """

    def __init__(self, regex: re.Pattern[str], window: int = SUFFIX_WINDOW) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.window = window

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string, max(0, len(string) - self.window))

    def __reduce__(self) -> tuple[Any, ...]:
        return (TailSearch, (self.regex, self.window))


class GuardedTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's ``Tokenizer`` with over-long whitespace-free runs tokenized in bounded pieces."""

    def __call__(self, text: str) -> Doc:
        return (
            _split_round_full_stops(self._guarded(text))
            if _ROUND_FULL_STOP.search(text)
            else self._guarded(text)
        )

    def _guarded(self, text: str) -> Doc:
        first = _LONG_RUN.search(text)
        if first is None:
            whole: Doc = super().__call__(text)
            return whole
        docs: list[Doc] = []
        pos = 0
        match: re.Match[str] | None = first
        while match is not None:
            run_start = match.start()
            end_match = _RUN_END.search(text, match.end())
            run_end = end_match.start() if end_match is not None else len(text)
            if run_start > pos:
                docs.append(super().__call__(text[pos:run_start]))
            for piece in range(run_start, run_end, MAX_RUN):
                docs.append(super().__call__(text[piece : min(piece + MAX_RUN, run_end)]))
            pos = run_end
            match = _LONG_RUN.search(text, pos)
        if pos < len(text):
            docs.append(super().__call__(text[pos:]))
        doc = Doc.from_docs([d for d in docs if len(d)], ensure_whitespace=False)
        assert doc.text == text, "GuardedTokenizer must keep the text unchanged"
        return doc


# "closed a Series A. Sequoia led": spaCy keeps "A." one token (an initial, as in "J. Smith"), so the
# sentence would not end; after a round word the letter and the full stop are two tokens.
_ROUND_FULL_STOP = re.compile(r"\b(?:[Ss]eries|[Rr]ound|[Pp]re-)\s?[A-K]\.(?=\s+[A-Z\"“‘']|\s*$)")


def _split_round_full_stops(doc: Doc) -> Doc:
    """``doc`` with each "A." that ends a round name ("Series A.") split into "A" and "."."""
    ends = {m.end() - 1 for m in _ROUND_FULL_STOP.finditer(doc.text)}
    targets = [tok for tok in doc if len(tok.text) == 2 and tok.text[1] == "." and tok.idx + 1 in ends]
    if not targets:
        return doc
    with doc.retokenize() as retokenizer:
        for tok in targets:
            retokenizer.split(tok, [tok.text[0], "."], heads=[(tok, 1), (tok, 1)])
    return doc


# A full stop after a number and a capital letter ends the sentence: "raised $5M.", "Mistral 7B.".
# spaCy's English rules keep a full stop after a capital letter (abbreviations: "U.S."), which left
# "7B." one token and the sentence unsplit.
_UNIT_FULL_STOP = r"|(?<=[0-9][A-Z])\.$"


def guard(nlp: Language) -> Language:
    """Replace ``nlp``'s tokenizer by a ``GuardedTokenizer`` with the same rules (and a full stop after
    "7B" split off) and a tail-only suffix search.  Idempotent; a tokenizer that is not spaCy's own
    rule-based one is left alone."""
    base: Any = nlp.tokenizer
    if isinstance(base, GuardedTokenizer) or type(base) is not Tokenizer:
        return nlp
    suffix = base.suffix_search
    regex = getattr(suffix, "__self__", None)
    if isinstance(regex, re.Pattern):
        regex = re.compile(regex.pattern + _UNIT_FULL_STOP, regex.flags)
    tail = TailSearch(regex).search if isinstance(regex, re.Pattern) else suffix
    nlp.tokenizer = GuardedTokenizer(
        nlp.vocab,
        rules=base.rules,
        prefix_search=base.prefix_search,
        suffix_search=tail,
        infix_finditer=base.infix_finditer,
        token_match=base.token_match,
        url_match=base.url_match,
        faster_heuristics=base.faster_heuristics,
    )
    return nlp


__all__ = ["MAX_RUN", "SUFFIX_WINDOW", "GuardedTokenizer", "TailSearch", "guard"]
