"""The public records of dealextract: Pydantic v2 models that refuse inconsistent data.

Every record that points into an article carries ``text``, ``start`` and ``end`` so a reviewer can
find the words it came from.  When the article is known, pass it as validation context
(``ArticleResult.model_validate(data, context={"text": article})``) and every offset is checked
against it: ``text == article[start:end]``.

Money is ``Decimal`` from the first digit to the record; dates are ``datetime.date``; currencies are
ISO 4217 codes.  Serialise with ``model_dump(mode="json")``: Decimals become strings so no float ever
rounds an amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
    model_validator,
)
from typing_extensions import Self

# Decimals serialise as strings in JSON (never floats), as the contract says.
Amount = Annotated[Decimal, PlainSerializer(lambda v: str(v), return_type=str, when_used="json")]

Label = Literal["ORG", "MONEY", "DATE", "MODEL"]
Granularity = Literal["day", "month", "quarter", "half", "year"]
DealKind = Literal["funding_round", "investment", "acquisition"]
DealStatus = Literal["completed", "announced", "reported", "planned"]
Role = Literal["lead", "co_lead", "participant", "acquirer", "target"]
UsdSource = Literal["stated", "ecb"]


@lru_cache(maxsize=1)
def iso4217_codes() -> frozenset[str]:
    """The active ISO 4217 alphabetic codes, read once from the bundled data file."""
    data = resources.files("dealextract").joinpath("data/iso4217.tsv").read_text("utf-8")
    return frozenset(
        line.split("\t", 1)[0] for line in data.splitlines() if line and not line.startswith("#")
    )


class _Record(BaseModel):
    """Base of every record: unknown fields are an error, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _check_span(text: str | None, start: int | None, end: int | None, info: ValidationInfo) -> None:
    """Shared offset check: a well-formed interval, and the article's own characters when known."""
    if start is None and end is None:
        return
    if start is None or end is None:
        raise ValueError("start and end must both be set or both be absent")
    if start < 0 or end < start:
        raise ValueError(f"bad offsets: start={start}, end={end}")
    article = info.context.get("text") if isinstance(info.context, dict) else None
    if article is not None:
        if end > len(article):
            raise ValueError(f"end={end} is past the article's {len(article)} characters")
        if text is not None and article[start:end] != text:
            raise ValueError(
                f"text {text!r} differs from the article at {start}:{end} ({article[start:end]!r})"
            )


class Span(_Record):
    """A stretch of the article: usually a sentence given as evidence."""

    text: str
    start: int
    end: int

    @model_validator(mode="after")
    def _offsets(self, info: ValidationInfo) -> Self:
        _check_span(self.text, self.start, self.end, info)
        return self


class Money(_Record):
    """An amount of money as the text states it, normalised exactly.

    ``value`` is in whole units of ``currency`` ("2 billion yuan" is 2000000000 CNY).  Ranges and bounds
    set ``min``/``max``; vague amounts ("tens of millions of yuan") have ``min``/``max`` and no value.
    ``unit`` marks a per-unit price ("per million tokens", "a month"), which is never a deal amount.
    ``currency_note`` says how an ambiguous symbol ("¥", "$") was decided.
    """

    value: Amount | None = None
    currency: str | None = None
    approximate: bool = False
    min: Amount | None = None
    max: Amount | None = None
    unit: str | None = None
    currency_note: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    @field_validator("currency")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and v not in iso4217_codes():
            raise ValueError(f"{v!r} is not an ISO 4217 currency code (use e.g. CNY, USD, EUR)")
        return v

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        for name in ("value", "min", "max"):
            v = getattr(self, name)
            if v is not None and (v < 0 or not v.is_finite()):
                raise ValueError(f"{name} must be a finite, non-negative amount, got {v}")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")
        if self.value is not None:
            if self.min is not None and self.value < self.min:
                raise ValueError(f"value {self.value} is below min {self.min}")
            if self.max is not None and self.value > self.max:
                raise ValueError(f"value {self.value} is above max {self.max}")
        if self.value is None and self.min is None and self.max is None:
            raise ValueError("an amount needs a value, a min or a max")
        _check_span(self.text, self.start, self.end, info)
        return self


class DateValue(_Record):
    """A date as the text states it, resolved to the first day of its period.

    ``value`` is None only for a relative date ("last week") with no publication date to resolve it
    against: we never guess from the machine's clock.  In an article whose dateline gives the day it
    was written ("SAN FRANCISCO, April 8, 2026 /PRNewswire/ --"), "today" and "on Monday" count from
    that day (when it is at most a month before publication).
    """

    value: dt.date | None = None
    granularity: Granularity
    relative: bool = False
    text: str | None = None
    start: int | None = None
    end: int | None = None

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        if self.value is None and not self.relative:
            raise ValueError("an absolute date must have a value")
        _check_span(self.text, self.start, self.end, info)
        return self


class Entity(_Record):
    """One mention of an organisation, amount, date or AI model, with its normalised value."""

    label: Label
    text: str
    start: int
    end: int
    normalized: Money | DateValue | str

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        expected: type = {"MONEY": Money, "DATE": DateValue}.get(self.label, str)
        if not isinstance(self.normalized, expected):
            raise ValueError(f"a {self.label} entity is normalised to {expected.__name__}")
        _check_span(self.text, self.start, self.end, info)
        return self


class Party(_Record):
    """A side of a deal: ``name`` is the organisation's name in the article (its fullest form there, or the
    gazetteer's canonical name where the article writes it; always the canonical name with
    ``load(org_names="canonical")``), ``text``/``start``/``end`` the mention that names it."""

    name: str = Field(min_length=1)
    text: str | None = None
    start: int | None = None
    end: int | None = None
    role: Role

    @model_validator(mode="after")
    def _offsets(self, info: ValidationInfo) -> Self:
        _check_span(self.text, self.start, self.end, info)
        return self


def _same_party(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


class Deal(_Record):
    """One deal the article states: who paid, who received, how much, which round, when, how sure."""

    kind: DealKind
    status: DealStatus = "completed"
    target: Party
    investors: list[Party] = Field(default_factory=list)
    amount: Money | None = None
    equivalents: list[Money] = Field(default_factory=list)
    valuation: Money | None = None
    amount_usd: Amount | None = None
    amount_usd_source: UsdSource | None = None
    flags: list[str] = Field(default_factory=list)
    round: str | None = None
    date: DateValue | None = None
    models: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    article_id: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.target.role != "target":
            raise ValueError("the target party must have role 'target'")
        for p in self.investors:
            if p.role == "target":
                raise ValueError(f"investor {p.name!r} cannot have role 'target'")
            if _same_party(p.name, self.target.name):
                raise ValueError(f"{p.name!r} is the target and cannot also be its own investor")
        if self.kind == "acquisition" and any(p.role not in ("acquirer",) for p in self.investors):
            raise ValueError("the buyers in an acquisition have role 'acquirer'")
        if (self.amount_usd is None) != (self.amount_usd_source is None):
            raise ValueError("amount_usd and amount_usd_source go together")
        if self.amount_usd is not None and self.amount_usd < 0:
            raise ValueError("amount_usd must be non-negative")
        return self


class ErrorInfo(_Record):
    """Why an article could not be processed, and what to do about it."""

    code: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    message: str = Field(min_length=1)
    line: int | None = Field(default=None, ge=1)


class ArticleResult(_Record):
    """Everything dealextract found in one article."""

    article_id: str | None = None
    published: dt.date | None = None
    entities: list[Entity] = Field(default_factory=list)
    deals: list[Deal] = Field(default_factory=list)
    errors: list[ErrorInfo] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        starts = [(e.start, e.end) for e in self.entities]
        if starts != sorted(starts):
            raise ValueError("entities must be in text order")
        return self


class Article(_Record):
    """One input article: what ``extract_many`` and the batch readers accept besides a plain string."""

    model_config = ConfigDict(extra="ignore")

    text: str
    id: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    line: int | None = Field(default=None, ge=1, description="input line it was read from, if any")


class DisagreementValue(_Record):
    """One of the values articles gave for a field, and which articles gave it."""

    value: Any
    sources: list[str | None]


class Disagreement(_Record):
    """A field on which the merged articles do not agree."""

    field: str
    values: list[DisagreementValue]


class MergedDeal(Deal):
    """One real-world deal told by one or more articles, with every source and disagreement."""

    sources: list[str | None] = Field(default_factory=list)
    deals: list[Deal] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)


__all__ = [
    "Article",
    "ArticleResult",
    "DateValue",
    "Deal",
    "Disagreement",
    "DisagreementValue",
    "Entity",
    "ErrorInfo",
    "MergedDeal",
    "Money",
    "Party",
    "Span",
    "iso4217_codes",
]
