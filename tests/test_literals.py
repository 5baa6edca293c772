"""The literal gate never skips a pattern that can match: every match holds one of its literals."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dealextract.batch import prefilter
from dealextract.deals import assemble, status
from dealextract.deals import frames as F
from dealextract.deals.rounds import ROUND_RE
from dealextract.literals import LiteralGate, required_literals
from gold import fixture_cases

PATTERNS = [
    assemble._DEAL_HINT,
    F.ACQUIRE_RE,
    F.INVEST_RE,
    F.STAKE_VERB_RE,
    F.RAISE_PASSIVE_RE,
    F.RAISE_RANKING_RE,
    F.RAISE_RE,
    F.FUNDING_WORDS,
    prefilter.INVEST_ANY,
    *(cue.pattern for cue in F.CUES),
    status.REPORTED,  # case-insensitive: looked for in the folded text
    status.TALKS,
    status.ANNOUNCED,
    status.PLANNED,
    status.COMPLETED,
    ROUND_RE,
]
GATE = LiteralGate(PATTERNS)
# words the patterns are made of, so that generated texts often match them
WORDS = sorted({w for p in PATTERNS for w in (required_literals(p) or ())})


def test_required_literals_of_simple_patterns() -> None:
    assert required_literals(re.compile(r"\b(?:raised|secured)\s+\$\d+")) == {"raised", "secured"}
    assert required_literals(re.compile(r"led\s+by")) in ({"led"}, {"by"})
    assert required_literals(re.compile(r"\w+")) is None  # nothing literal: always run
    assert required_literals(re.compile(r"(?:a|b)?c*")) is None  # may match the empty string


def test_a_factored_prefix_keeps_each_alternative() -> None:
    """The parser turns "pay|paid|paying" into "pa" + a branch; "pa" alone would flag every "company"."""
    assert required_literals(re.compile(r"\b(?:pay|pays|paid|paying)\b")) == {"pay", "pays", "paid", "paying"}
    assert required_literals(re.compile(r"sol[de]")) == {"sold", "sole"}
    assert required_literals(re.compile(r"ab[cd]x|abq")) == {"ab"}  # a branch that starts with a class


def test_patterns_without_literals_always_run() -> None:
    word = re.compile(r"\w+")
    gate = LiteralGate([word])
    assert gate.always == {word}
    assert gate.possible("") == {word}


def test_overlapping_literals_are_all_found() -> None:
    lead, co_lead = re.compile(r"\blead\b"), re.compile(r"co-lead")
    gate = LiteralGate([lead, co_lead])
    assert gate.possible("a co-lead role") == {lead, co_lead}
    assert gate.possible("nothing here") == set()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "«m0»", "«o1»", ", ", "$5m"])), max_size=30
    )
)
def test_gate_is_a_superset_of_matches(parts: list[str]) -> None:
    text = " ".join(parts)
    possible = GATE.possible(text)
    for pattern in PATTERNS:
        if pattern.search(text):
            assert pattern in possible, (pattern.pattern[:60], text)


def test_gate_on_real_sentences() -> None:
    for text in (case["text"] for case in fixture_cases()):
        for sentence in [*re.split(r"(?<=[.!?])\s+|\n", text.lower()), *text.split("\n")]:
            possible = GATE.possible(sentence)
            for pattern in PATTERNS:
                if pattern.search(sentence):
                    assert pattern in possible, (pattern.pattern[:60], sentence)


def test_case_insensitive_patterns_are_looked_for_folded() -> None:
    series = re.compile(r"\bseries\s+[a-k]\b", re.IGNORECASE)
    gate = LiteralGate([series])
    assert gate.possible("a SERIES B round") == {series}
    assert series.search("a ſeries B") and gate.possible("a ſeries B") == {series}
    assert gate.possible("a round") == set()


def test_scoped_case_insensitive_groups_give_no_literal() -> None:
    assert required_literals(re.compile(r"(?i:series)\s+[a-k]")) is None
    assert required_literals(re.compile(r"(?i:series)\s+round")) == {"round"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="SsEeRrIiſİıKk \u212a-", max_size=20))
def test_folded_gate_agrees_with_ignorecase(text: str) -> None:
    for literal in ("series", "risk", "kiss"):
        pattern = re.compile(literal, re.IGNORECASE)
        if pattern.search(text):
            assert pattern in LiteralGate([pattern]).possible(text), text
