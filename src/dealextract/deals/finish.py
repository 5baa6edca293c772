"""From draft to record: roles, USD amount, flags, kind, status and confidence of a validated ``Deal``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal

from dealextract.deals.amounts import definite, same_amount
from dealextract.deals.drafts import Article, Draft
from dealextract.deals.skeleton import Slot
from dealextract.deals.status import status_of
from dealextract.mentions import ModelMention
from dealextract.names import names_match
from dealextract.records import Deal, DealKind, DealStatus, Money, Party, Role, Span, UsdSource


def confidence_of(d: Draft) -> float:
    """Higher when the frame, the amount and the parties are all explicit."""
    score = 0.45
    score += 0.15 if d.has_verb else 0.0
    score += 0.15 if d.amount is not None else 0.0
    score += 0.1 if d.investors else 0.0
    score += 0.05 if d.round else 0.0
    score += 0.05 if any(i.explicit for i in d.investors) else 0.0
    score -= 0.1 if d.target.is_reference or d.target_how in ("possessive",) else 0.0
    return round(min(0.98, max(0.05, score)), 2)


def to_party(slot: Slot, role: Role, shown: Mapping[str, str] | None = None) -> Party:
    """A party of a deal, named as the article names it (``shown``: see ``names.display_names``)."""
    name = shown.get(slot.name, slot.name) if shown else slot.name
    return Party(name=name, text=slot.text, start=slot.start, end=slot.end, role=role)


def final_roles(d: Draft, shown: Mapping[str, str] | None = None) -> list[Party]:
    """Investors as parties; a sole investor named with no role word is the lead (as annotators do)."""
    if d.kind == "acquisition":
        return [to_party(i.slot, "acquirer", shown) for i in d.investors]
    sole = len(d.investors) == 1 and not d.investors[0].explicit
    if sole and any(_PART_OF_ROUND.search(sk.text) for sk in d.sentences):
        sole = False  # "is investing 10 billion won as part of a broader round": one backer of several
    return [to_party(i.slot, "lead" if sole else i.role, shown) for i in d.investors]


_PART_OF_ROUND = re.compile(
    r"(?i)\bpart\sof\s(?:a|an|the|its|their)\s(?:[\w\-$€£¥.,]+\s){0,7}?(?:round|raise|financing|funding|fundraising)\b"
)


def models_of(target: str, models: list[ModelMention]) -> list[str]:
    """The AI models the article ties to the target."""
    return list(dict.fromkeys(m.name for m in models if m.maker and names_match(m.maker, target)))


def usd_fields(
    amount: Money | None, equivalents: list[Money], on: dt.date | None
) -> tuple[Decimal | None, UsdSource | None, list[str]]:
    """``amount_usd``, its source and flags: the text's own dollar figure first, else the ECB rate."""
    from dealextract.money import rates

    flags = (
        ["amount_is_lower_bound"]
        if amount is not None and amount.min is not None and amount.max is None
        else []
    )
    if amount is None or amount.value is None or amount.currency is None:
        return None, None, flags
    if amount.currency == "USD":
        return amount.value, "stated", flags
    for eq in equivalents:
        if eq.currency == "USD" and eq.value is not None:
            if rates.disagrees(amount, eq, on):
                flags.append("equivalent_disagrees_with_rate")
            return eq.value, "stated", flags
    converted = rates.to_usd(amount.value, amount.currency, on)
    if converted is None:
        return None, None, flags
    return converted, "ecb", flags


def _status(d: Draft, evidence_text: str, kind: DealKind) -> DealStatus:
    """The status the deal's words give it; a later sentence that only names backers through sources
    ("two people said X and Y had taken part") does not make a deal the company announced on the record
    ``reported``."""
    status = status_of(evidence_text, kind)
    if status != "reported" or d.clause is None:
        return status
    first = d.clause[1]
    if _ON_RECORD.search(first) and status_of(first, kind) != "reported":
        return status_of(first, kind)
    return status


_ON_RECORD = re.compile(
    r"(?i)\b(?:announced|announces|confirmed|confirms|said\sin\sa\sstatement|in\sa\s(?:statement|filing|press\srelease)"
    r"|(?:the\scompany|it|the\sstartup|the\sfirm)\s(?:said|says))\b"
)


def _kind(d: Draft) -> DealKind:
    """A named round makes a funding round; a strategic investment is an investment.  An investment
    that is "part of a larger funding round", or that investors led or co-led ("X and Y co-led a $24
    million investment in Z"), is a round."""
    if d.kind == "investment" and d.round is None:
        led = any(i.explicit and i.role in ("lead", "co_lead") for i in d.investors)
        if led or any(_PART_OF_ROUND.search(sk.text) for sk in d.sentences):
            return "funding_round"
    if d.kind == "acquisition" or d.round is None or d.round == "Debt":
        return d.kind
    return "investment" if d.round == "Strategic" else "funding_round"


def _settle_amount(d: Draft) -> None:
    """The draft's amount and valuation as the record states them, whichever rule found them: a vague
    amount ("tens of millions of yuan") is none, as annotators record it; in a takeover "a deal valuing
    the company at $4.2 billion" states the price, the deal's amount, and no separate valuation."""
    if d.amount is not None and definite(d.amount) is None:
        d.amount = None
    value = d.valuation if d.kind == "acquisition" else None
    if value is not None and (d.amount is None or same_amount(value, d.amount)):
        d.amount, d.valuation = d.amount or value, None


def to_deal(d: Draft, article: Article, article_id: str | None) -> Deal | None:
    """The validated ``Deal`` of a draft, or None when it lacks what a deal needs."""
    investors = final_roles(d, article.shown)
    _settle_amount(d)
    if d.amount is None and not investors and d.round is None and not (d.has_verb or d.listed):
        return None
    equivalents = article.equivalents_of(d.amount) if d.amount is not None else []
    on = d.date.value if d.date and d.date.value else article.published
    amount_usd, source, flags = usd_fields(d.amount, equivalents, on)
    if d.target.is_reference:
        flags.append("target_from_reference")
    if d.amount is None:
        flags.append("amount_not_stated")
    if d.date_from_publication:
        flags.append("date_from_publication")
    evidence_text = " ".join(
        d.clause[1] if d.clause is not None and sk.start == d.clause[0] else sk.text for sk in d.sentences
    )
    kind = _kind(d)
    evidence = [
        Span(text=sk.text, start=sk.start, end=sk.end) for sk in sorted(d.sentences, key=lambda s: s.start)
    ]
    return Deal(
        kind=kind,
        status=_status(d, evidence_text, kind),
        target=to_party(d.target, "target", article.shown),
        investors=investors,
        amount=d.amount,
        equivalents=equivalents,
        valuation=d.valuation,
        amount_usd=amount_usd,
        amount_usd_source=source,
        flags=flags,
        # a takeover has no round: "debt financing" or "Series B" near it is how it is paid for or what
        # the target raised before
        round=None if kind == "acquisition" else d.round,
        date=d.date,
        models=models_of(d.target.name, article.models),
        evidence=evidence,
        confidence=confidence_of(d),
        article_id=article_id,
    )
