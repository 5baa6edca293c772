"""Sentence boundaries for news text, without a parser.

spaCy's rule-based ``sentencizer`` splits on every full stop and ignores line breaks; news copy needs
both less and more: headlines and digest bullets end at a line break with no punctuation, while
"U.S.", "Inc." and "Apr." must not end a sentence.  This component marks a sentence start

* after a line break (a whitespace token holding "\\n"), and
* after sentence-final punctuation (optionally followed by closing quotes or brackets) when the next word
  starts like a sentence: an upper-case letter, a digit, an opening quote or bracket, or a bullet;
* and, so that hostile input cannot make one "sentence" huge, after a run of more than ``MAX_GAP``
  spaces and inside a sentence longer than ``MAX_SENTENCE_TOKENS`` tokens.

The tokenizer's exceptions already keep abbreviations such as "Inc." and "Dec." as one token, so a lone
"." token is a real full stop.

It runs on every article, so it works on token attribute arrays (no Python object per token) and also
leaves the sentences' character spans on ``doc._.dealextract_sentence_spans`` for later components, which
is much cheaper than iterating ``doc.sents``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, cast

import numpy as np
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_ASCII,
    IS_DIGIT,
    IS_LOWER,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    LENGTH,
    ORTH,
    SENT_START,
    SHAPE,
    SPACY,
    SUFFIX,
)
from spacy.language import Language
from spacy.tokens import Doc

from dealextract.mentions import register_extensions
from dealextract.stateless import Stateless

_FINAL = (".", "!", "?", "…", "。", "！", "？", "?!", "!!", "...", "!?")
_CLOSERS = ('"', "'", "”", "’", ")", "]", "»")
_OPENERS = ('"', "“", "‘", "(", "[", "«", "-", "–", "—", "•", "*")
_SOFT = (",", ";", ":", "，", "；", "：", ")", "—", "–")

# A "sentence" longer than this many tokens (a dump with no full stops, a scraped page) is cut, after a
# comma or semicolon between MIN and MAX tokens in when there is one: the rule components look at whole
# sentences, and some of their work grows with the square of a sentence's length (a 100,000-character
# sentence took minutes).  Real news sentences, even long investor lists, stay well under the cap.
MAX_SENTENCE_TOKENS = 200
MIN_SENTENCE_TOKENS = 100
# A run of white space longer than this (scraped layout) ends a sentence like a line break, so no
# sentence holds a long run (a rule with "\s*" before a literal would scan it once per position).
MAX_GAP = 40


#: Legal forms written with a full stop, which the tokenizer keeps on the word.
_LEGAL_DOTTED = ("Inc.", "Ltd.", "Corp.", "Co.", "Plc.", "LLC.", "L.L.C.", "N.V.", "S.A.", "B.V.")


class SentenceSplitter(Stateless):
    """Marks sentence starts and records the sentences' character spans."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self._final = np.array([strings.add(s) for s in _FINAL], dtype=np.uint64)
        self._closers = np.array([strings.add(s) for s in _CLOSERS], dtype=np.uint64)
        self._openers = np.array([strings.add(s) for s in _OPENERS], dtype=np.uint64)
        self._soft = np.array([strings.add(s) for s in _SOFT], dtype=np.uint64)
        self._legal = np.array([strings.add(s) for s in _LEGAL_DOTTED], dtype=np.uint64)
        self._dot_cache: dict[int, bool] = {}
        self._shape_cache: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc._.dealextract_sentence_spans = []
            return doc
        starts = self.sentence_starts(doc)
        values = np.where(starts, 1, -1).astype(np.int32)
        doc.from_array([SENT_START], cast(Any, values.reshape(-1, 1).astype(np.uint64)))
        doc._.dealextract_sentence_spans = self._spans(doc, np.flatnonzero(starts))
        return doc

    def sentence_starts(self, doc: Doc) -> np.ndarray:
        """A boolean array: True where a sentence starts."""
        arr = doc.to_array(
            [ORTH, IS_SPACE, IS_LOWER, IS_ALPHA, IS_DIGIT, IS_ASCII, IS_STOP, IS_TITLE, SUFFIX, SPACY, SHAPE]
        )
        orth, space, lower, alpha, digit, ascii_, stop, title, suffix, spacy_, shape = (
            arr[:, k] for k in range(11)
        )
        n = len(doc)
        # A word "starts like a sentence" unless it is a lower-case word or ascii punctuation that is
        # not an opener (a digit, a capital, an opening quote or bullet, a non-ascii letter, or a name
        # with a capital first and a dot inside, "Cred.ai", all do).
        opener = np.isin(orth, self._openers)
        starts_like = (
            (digit == 1)
            | opener
            | ((alpha == 1) & (lower == 0))
            | ((ascii_ == 0) & (space == 0))
            | self._capital_first(doc, shape)
        )
        newline = np.zeros(n, dtype=bool)
        for k in np.flatnonzero(space == 1):
            gap = doc[int(k)].text
            if "\n" in gap or len(gap) > MAX_GAP:  # a long run of spaces is layout: a break, like "\n"
                newline[k] = True
        final = np.isin(orth, self._final)
        # "Infra.Market", "Zeta.Tech": a full stop glued to the word after it is part of a name
        glued = np.zeros(n, dtype=bool)
        glued[:-1] = (spacy_[:-1] == 0) & (alpha[1:] == 1)
        final = final & ~glued
        # "... for Lidarwerk GmbH. The administrator said": the tokenizer keeps the full stop on a
        # company abbreviation; a capitalised function word after it ("The", "It") opens a sentence.
        dotted = self._dotted(doc, suffix) & ~final
        opens = np.zeros(n, dtype=bool)
        opens[:-1] = (stop[1:] == 1) & (title[1:] == 1)
        # "... from Tarn Capital Ltd. Sequoia also joined": after a legal form, one capitalised word
        # followed by a lower-case one opens a sentence ("Acme Inc. Chief Executive ..." does not)
        legal = np.isin(orth, self._legal)
        one_name = np.zeros(n, dtype=bool)
        one_name[:-3] = (space[1:-2] == 0) & (title[1:-2] == 1) & ~legal[1:-2] & (lower[2:-1] == 1)
        final = final | (dotted & opens) | (legal & one_name)
        closer = np.isin(orth, self._closers)
        starts = np.zeros(n, dtype=bool)
        starts[0] = True
        # after a line break: the next non-space token
        # after final punctuation (+ closers, + spaces): the next token, if it starts like a sentence
        i = 0
        candidates = np.flatnonzero(newline | final)
        for c in candidates:
            if c < i:
                continue
            j = int(c) + 1
            broke = bool(newline[c])
            if final[c]:
                while j < n and closer[j]:
                    j += 1
            while j < n and space[j] == 1:
                broke = broke or bool(newline[j])
                j += 1
            if j < n and (broke or starts_like[j]):
                starts[j] = True
            i = j
        self._cap_length(starts, orth)
        return starts

    def _cap_length(self, starts: np.ndarray, orth: np.ndarray) -> None:
        """Cut every sentence longer than ``MAX_SENTENCE_TOKENS``, preferably after a comma or semicolon.

        Linear: only the over-long sentences are visited, each in steps of at least ``MIN_SENTENCE_TOKENS``.
        """
        bounds = np.append(np.flatnonzero(starts), len(starts))
        long = np.flatnonzero(np.diff(bounds) > MAX_SENTENCE_TOKENS)
        if not len(long):
            return
        soft = np.isin(orth, self._soft)
        for k in long.tolist():
            pos, end = int(bounds[k]), int(bounds[k + 1])
            while end - pos > MAX_SENTENCE_TOKENS:
                window = np.flatnonzero(soft[pos + MIN_SENTENCE_TOKENS : pos + MAX_SENTENCE_TOKENS])
                cut = pos + (
                    MIN_SENTENCE_TOKENS + int(window[-1]) + 1 if len(window) else MAX_SENTENCE_TOKENS
                )
                starts[cut] = True
                pos = cut

    def _dotted(self, doc: Doc, suffix: np.ndarray) -> np.ndarray:
        """Tokens longer than one character that end in a full stop ("Inc.", "GmbH.", "U.S.")."""
        return _per_distinct(doc, suffix, self._dot_cache, lambda text: len(text) > 1 and text.endswith("."))

    def _capital_first(self, doc: Doc, shape: np.ndarray) -> np.ndarray:
        """Tokens whose first character is a capital letter (by their shape, "Xxxx.xx")."""
        return _per_distinct(doc, shape, self._shape_cache, lambda text: text.startswith("X"))

    @staticmethod
    def _spans(doc: Doc, start_tokens: np.ndarray) -> list[tuple[int, int]]:
        """Character spans of the sentences, from the first to the last non-space token of each.

        Works on token offsets: ``doc.text`` would build a Token object per token.
        """
        arr = doc.to_array([IDX, LENGTH, IS_SPACE])
        idx, length, space = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        bounds = [*start_tokens.tolist(), len(idx)]
        spans: list[tuple[int, int]] = []
        for a, b in itertools.pairwise(bounds):
            first, last = a, b - 1
            while first <= last and space[first]:
                first += 1
            while last >= first and space[last]:
                last -= 1
            if first <= last:
                spans.append((idx[first], idx[last] + length[last]))
        return spans


def _per_distinct(
    doc: Doc, column: np.ndarray, cache: dict[int, bool], test: Callable[[str], bool]
) -> np.ndarray:
    """``test`` of each token's string in ``column`` (a hash column such as SUFFIX or SHAPE), decided
    once per distinct value (a few hundred per article, cached across articles), not once per token."""
    strings = doc.vocab.strings
    distinct, inverse = np.unique(column, return_inverse=True)
    hits = []
    for h in distinct.tolist():
        hit = cache.get(h)
        if hit is None:
            hit = cache[h] = test(strings[h])
        hits.append(hit)
    return np.array(hits, dtype=bool)[inverse.reshape(-1)]


@Language.factory("dealextract_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory: ``nlp.add_pipe("dealextract_sentences")``."""
    register_extensions()
    return SentenceSplitter(nlp)
