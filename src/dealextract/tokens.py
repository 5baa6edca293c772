"""Token attributes of a Doc read once into plain Python lists, for the rule components' hot loops.

Why: ``doc[i]`` builds a new ``Token`` object on every call and ``doc[a:b]`` a new ``Span``; the
organisation, model and reference rules look at each token many times, so most of their time went into
creating those objects.  A ``TokenTable`` reads every attribute the rules use in one ``Doc.to_array``
call (plus one string lookup per distinct word) and the rules index lists instead.

The lists hold exactly what the ``Token`` attributes of the same name return (``text``, ``lower_``,
``whitespace_``, ``idx``, ``is_sent_start`` and the lexical flags), so a rule reads ``t.lower[i]`` where
it read ``doc[i].lower_`` and gets the same value.

``table(doc)`` keeps the table of a Doc while the Doc lives, so the components after the first one that
asks get it for free; a table is rebuilt when the Doc's tokens, spaces or sentence starts changed since
(a user's component between ours may retokenize or set sentences).
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections.abc import Callable
from itertools import compress, pairwise, repeat
from operator import is_
from typing import Generic, TypeVar, cast

import numpy as np
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

# The columns read with one ``to_array`` call; ``_FINGERPRINT`` are the ones a cached table must match.
_ATTRS = [ORTH, SPACY, SENT_START, LOWER, IDX, IS_ALPHA, IS_STOP, IS_UPPER, IS_LOWER, IS_PUNCT, IS_TITLE,
          LIKE_NUM, IS_SPACE]  # fmt: skip
_FINGERPRINT = 3  # ORTH, SPACY, SENT_START
_FLAGS = 5  # the columns from here on are boolean flags

V = TypeVar("V")

# String of each hash seen (a hash always names the same string, so one cache serves every vocab).
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 1_000_000  # emptied when it grows past this (a stream of novel words)


def _strings_of(hashes: list[int], lookup: Callable[[int], str]) -> list[str]:
    """The strings of ``hashes``: a dict lookup per token instead of a StringStore call."""
    cache = _STRINGS
    try:
        return [cache[h] for h in hashes]
    except KeyError:
        if len(cache) > _STRINGS_MAX:
            cache.clear()
        for h in hashes:
            if h not in cache:
                cache[h] = lookup(h)
        return [cache[h] for h in hashes]


# ``Token.is_sent_start`` from the stored ``sent_start`` value (1, -1 or 0; read back as uint64).
_SENT_START_VALUE: dict[int, bool | None] = {1: True, 0: None, 2**64 - 1: False}


class TokenTable:
    """Per-token attributes of one Doc as lists indexed like the Doc (see the module docstring)."""

    __slots__ = (
        "__weakref__",
        "_derived",
        "_doc_ref",
        "_doc_text",
        "_fingerprint",
        "idx",
        "is_alpha",
        "is_lower",
        "is_punct",
        "is_space",
        "is_stop",
        "is_title",
        "is_upper",
        "like_num",
        "lower",
        "n",
        "sent_start",
        "text",
        "ws",
    )  # fmt: skip

    def __init__(self, doc: Doc, strings: Callable[[int], str]) -> None:
        arr = doc.to_array(_ATTRS)
        if arr.ndim == 1:  # spaCy returns a 1-d array for a one-token Doc
            arr = arr.reshape(-1, len(_ATTRS))
        # only a weak reference to ``doc``: the table is the value of a weak-keyed cache on the Doc, and a
        # strong reference back would keep every Doc (and its table) alive for ever
        self._doc_ref = weakref.ref(doc)
        self.n = len(doc)
        self._fingerprint = np.ascontiguousarray(arr[:, :_FINGERPRINT]).tobytes()
        orth, spacy_, sent, lower, idx = arr[:, :_FLAGS].T.tolist() if self.n else [[] for _ in range(_FLAGS)]
        alpha, stop, upper, low, punct, title, num, space = (
            arr[:, _FLAGS:].astype(bool).T.tolist() if self.n else [[] for _ in _ATTRS[_FLAGS:]]
        )
        self.text: list[str] = _strings_of(orth, strings)
        self.lower: list[str] = _strings_of(lower, strings)
        self.ws: list[str] = [" " if s else "" for s in spacy_]
        self.idx: list[int] = idx
        self.sent_start: list[bool | None] = [_SENT_START_VALUE.get(v) for v in sent]
        self.is_alpha: list[bool] = alpha
        self.is_stop: list[bool] = stop
        self.is_upper: list[bool] = upper
        self.is_lower: list[bool] = low
        self.is_punct: list[bool] = punct
        self.is_title: list[bool] = title
        self.like_num: list[bool] = num
        self.is_space: list[bool] = space
        self._doc_text: str | None = None
        self._derived: dict[str, object] = {}

    def __len__(self) -> int:
        return self.n

    @property
    def doc(self) -> Doc:
        """The Doc this table describes (while it lives)."""
        doc = self._doc_ref()
        if doc is None:
            raise ReferenceError("the Doc of this token table no longer exists")
        return doc

    @property
    def doc_text(self) -> str:
        """``doc.text``, joined once (``Doc.text`` builds a Token per token on every call)."""
        if self._doc_text is None:
            self._doc_text = "".join([t + w for t, w in zip(self.text, self.ws, strict=True)])
        return self._doc_text

    def start_char(self, start: int) -> int:
        """``doc[start:end].start_char`` of a non-empty span."""
        return self.idx[start]

    def end_char(self, end: int) -> int:
        """``doc[start:end].end_char`` of a non-empty span (the end of its last token)."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for 0 <= start <= end <= len(doc), without making a Span."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]

    def char_span_expand(self, start_idx: int, end_idx: int) -> tuple[int, int] | None:
        """The token bounds of ``doc.char_span(start_idx, end_idx, alignment_mode="expand")`` (None when
        that returns None), without building the Span: components map every money, date and
        organisation offset back to tokens, and ``char_span`` made several Python objects each time."""
        start = self._token_by_char(start_idx)
        if start < 0:
            return None
        end = self._token_by_char(end_idx - 1)
        if end < 0:
            return None
        # as spaCy does: a start in the trailing whitespace of a token is not part of that token
        if start_idx == self.idx[start] + len(self.text[start]):
            start += 1
        if start > end + 1:  # spaCy's own error for such a span, whatever it is
            span = self.doc.char_span(start_idx, end_idx, alignment_mode="expand")
            return None if span is None else (span.start, span.end)
        return start, end + 1

    def _token_by_char(self, char_idx: int) -> int:
        """The token whose text or trailing space holds ``char_idx``, or -1 (spaCy's search, by bisection
        in C: tokens and their spaces cover the text without gaps, so the last token starting at or
        before ``char_idx`` is the only one that can hold it)."""
        k = bisect.bisect_right(self.idx, char_idx) - 1
        if k < 0 or char_idx >= self.idx[k] + len(self.text[k]) + len(self.ws[k]):
            return -1
        return k

    def derived(self, key: str, build: Callable[[TokenTable], object]) -> object:
        """A column a component computes from the others (e.g. "can be part of a name"), built once."""
        value = self._derived.get(key)
        if value is None:
            value = self._derived[key] = build(self)
        return value

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """``[(s.start, s.end) for s in doc.sents]`` from the sentence starts already read.

        Raises ``ValueError`` as ``doc.sents`` does when the Doc has no sentence boundaries; a Doc with a
        ``sents`` user hook (a custom segmenter) is asked through ``doc.sents`` itself.
        """
        doc = self.doc
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return [(s.start, s.end) for s in doc.sents]
        if self.n == 0:
            return []
        # only ``True`` opens a sentence (``False`` and ``None`` do not): ``compress`` keeps exactly those
        starts = [0, *compress(range(1, self.n), self.sent_start[1:]), self.n]
        return list(pairwise(starts))

    def matches(self, doc: Doc) -> bool:
        """Whether this table still describes ``doc`` (same tokens, spaces and sentence starts)."""
        if len(doc) != self.n:
            return False
        arr = doc.to_array(_ATTRS[:_FINGERPRINT])
        return bool(np.ascontiguousarray(arr).tobytes() == self._fingerprint)


class WordCache(Generic[V]):
    """A function of a word's text, remembered per distinct word, read for all the tokens of a Doc.

    Why not ``functools.lru_cache``: a column is read with one ``map`` over the tokens, and a plain dict
    lookup is about twice as fast as the LRU bookkeeping when the pipeline's other components have left
    the CPU caches cold.  ``fn`` must never return None (the mark of a word not seen yet); the cache is
    emptied when it grows past ``limit`` words (a stream of novel words).
    """

    def __init__(self, fn: Callable[[str], V], limit: int = 200_000) -> None:
        self._fn = fn
        self._limit = limit
        self._values: dict[str, V] = {}

    def column(self, words: list[str]) -> list[V]:
        """``[fn(w) for w in words]``: two C-level passes, ``fn`` called once per new word."""
        values = self._values
        col = list(map(values.get, words))
        if None not in col:
            return cast(list[V], col)
        if len(values) > self._limit:
            values.clear()
        for word in set(compress(words, map(is_, col, repeat(None)))):
            values[word] = self._fn(word)
        col = list(map(values.get, words))
        # another thread may have emptied the cache between the two passes
        return cast(list[V], col) if None not in col else list(map(self._fn, words))


_tables: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def table(doc: Doc) -> TokenTable:
    """The ``TokenTable`` of ``doc``, reused across components while the Doc is unchanged."""
    with _lock:
        cached = _tables.get(doc)
    if cached is not None and cached.matches(doc):
        return cached
    strings = doc.vocab.strings
    built = TokenTable(doc, strings.__getitem__)
    with _lock:
        _tables[doc] = built
    return built
