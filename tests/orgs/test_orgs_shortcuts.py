"""The shortcuts that keep the organisation rules fast must never change what they find: the per-word
cache, the context-cue and inert-run gates, and the tuple version of ``filter_spans``."""

from __future__ import annotations

import random

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from dealextract.gazetteer import longest_first
from dealextract.orgs import patterns as P
from dealextract.orgs.component import OrgsComponent, _inert
from dealextract.tokens import WordCache, table


def test_word_cache_reads_a_column_and_calls_once_per_new_word() -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    cache = WordCache(length, limit=3)
    assert cache.column(["a", "bb", "a"]) == [1, 2, 1]
    assert cache.column(["bb", "a"]) == [2, 1]
    assert calls == ["a", "bb"] or calls == ["bb", "a"]
    assert cache.column(["ccc", "dddd", "ee", "f"]) == [3, 4, 2, 1]  # grows past the limit: emptied
    assert cache.column([]) == []


def test_context_cue_is_needed_by_every_context_rule(nlp: Language) -> None:
    """A run the context rules would take always has a cue around it (``has_context_cue``), and a run
    found inert is taken by no rule: every pair of words before and after "Acme" is tried."""
    words = sorted(
        P.HEAD_NOUNS
        | P.LEFT_TRIGGERS
        | P.RIGHT_TRIGGERS
        | P.BASED_WORDS
        | {"up", "by", "from", "as", "of", "in", "for", "such", ",", "–", "(", "-", ":", "'s", "’s", "took"}
        | {"the", "a", "an", "its", "one", "raised", "Beijing", "which", "over", "$", "funding", "start"}
        | {"led", "backed", "participation", "acquisition", "invested", "stake", "round", "series", "new"}
    )
    component = nlp.get_pipe("dealextract_orgs")
    assert isinstance(component, OrgsComponent)
    blank = spacy.blank("en")
    for a in words:
        pairs = " . ".join(f"{b} {a} Acme {a} {b}" for b in words)
        doc = blank.make_doc(pairs + "".join(f"\nAcme {a} {b} ." for b in words))  # and at line starts
        t = table(doc)
        for start in (i for i, tok in enumerate(doc) if tok.text == "Acme"):
            run = P.Run(start, start + 1)
            fired = (
                component._based(t, run) is not None
                or P.head_noun_before(t, run)
                or P.apposition_after(t, run, len(doc))
                or P.right_trigger(t, run, len(doc))
                or P.left_trigger(t, run, 0)
            )
            assert not fired or P.has_context_cue(t, run, len(doc)), doc[start - 3 : start + 4].text
            if _inert(t, run, len(doc)):  # then no rule takes it, alone or in a list
                assert component._reason(t, run, 0, len(doc), False) is None
                assert not P.left_trigger(t, run, 0) and not P.next_to_separator(t, run)


def test_longest_first_is_filter_spans() -> None:
    doc = spacy.blank("en").make_doc(" ".join(["w"] * 30))
    rng = random.Random(3)
    for _ in range(300):
        matches = []
        for _ in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 29)
            matches.append((rng.randrange(1, 4), start, min(30, start + rng.randrange(1, 5))))
        expected = [
            (s.label, s.start, s.end) for s in filter_spans([Span(doc, s, e, label=k) for k, s, e in matches])
        ]
        assert longest_first(matches) == expected
