"""Properties that must hold for *any* string: extraction never raises, every offset points at its own
text, every record validates and serialises, and the same input always gives the same output.

A lone surrogate is not a character (and cannot be written as UTF-8 JSON), so the pipeline reads it as
U+FFFD (``articles.replace_surrogates``, same length): offsets are checked against that text, which is
the caller's text exactly whenever it is valid Unicode.

The strings come from ``robustness_strategies.hostile_text``: arbitrary Unicode (CJK, emoji,
right-to-left and zero-width marks, control characters, NUL, lone surrogates) mixed with the words the
rules react to.  ``max_examples`` is fixed and ``deadline`` off, so the run is bounded and not flaky.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from robustness_strategies import any_char, hostile_text
from spacy.language import Language

import dealextract
from dealextract.api import validate_result
from dealextract.articles import replace_surrogates
from dealextract.records import ArticleResult, DateValue, Money

PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def _check_offsets(result: ArticleResult, text: str) -> None:
    """Every span in the result is the article's own characters (validate_result checks nested ones)."""
    text = replace_surrogates(text)
    validate_result(result, text)
    for ent in result.entities:
        assert text[ent.start : ent.end] == ent.text
    for deal in result.deals:
        for span in deal.evidence:
            assert text[span.start : span.end] == span.text


@PROPERTY
@given(text=hostile_text(), when=published)
@example(text="Acme \ud800 raised $5\udc80 million from Foo Ventures.", when=None)
@example(
    text="\x00" * 50 + "Alibaba Cloud led a 2 billion yuan round\u202e in ShengShu.",
    when=dt.date(2026, 4, 15),
)
@example(text="😀" * 30 + " raised $5 million", when=None)
def test_extract_never_raises_and_offsets_point_at_their_text(
    nlp: Language, text: str, when: dt.date | None
) -> None:
    result = dealextract.extract(text, published=when, article_id="p", nlp=nlp)
    if not text.strip():
        assert [e.code for e in result.errors] == ["empty_text"]
        return
    assert result.errors == []
    _check_offsets(result, text)
    # the record survives JSON and comes back equal: nothing in it is unserialisable
    assert ArticleResult.model_validate_json(result.model_dump_json()) == result


@PROPERTY
@given(text=hostile_text(max_pieces=25))
def test_extract_is_deterministic(nlp: Language, text: str) -> None:
    first = dealextract.extract(text, published="2026-04-15", nlp=nlp)
    second = dealextract.extract(text, published="2026-04-15", nlp=nlp)
    assert first.model_dump_json() == second.model_dump_json()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(texts=st.lists(hostile_text(max_pieces=15), max_size=6))
def test_extract_many_gives_one_result_per_input_equal_to_extract(nlp: Language, texts: list[str]) -> None:
    many = list(dealextract.extract_many(texts, nlp=nlp))
    assert len(many) == len(texts)
    for text, result in zip(texts, many, strict=True):
        assert result.model_dump_json() == dealextract.extract(text, nlp=nlp).model_dump_json()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.one_of(hostile_text(max_pieces=8), st.text(any_char, max_size=60)))
def test_parse_money_and_parse_date_never_raise(text: str) -> None:
    money = dealextract.parse_money(text)
    assert money is None or isinstance(money, Money)
    if money is not None:
        Money.model_validate(money.model_dump())
    date = dealextract.parse_date(text, reference="2026-04-15")
    assert date is None or isinstance(date, DateValue)
    if date is not None and date.start is not None and date.end is not None:
        assert text[date.start : date.end] == date.text


def test_a_lone_surrogate_is_read_as_a_replacement_character(nlp: Language) -> None:
    text = "Acme\ud800 Robotics raised $5\udc80 million from Foo Ventures."
    result = dealextract.extract(text, nlp=nlp)
    assert result.errors == [] and any(e.label == "MONEY" for e in result.entities)
    assert "\ud800" not in result.model_dump_json()  # writable as UTF-8 JSON
    for ent in result.entities:
        assert (
            len(ent.text) == ent.end - ent.start and replace_surrogates(text)[ent.start : ent.end] == ent.text
        )
