"""Which amount of a sentence is the deal's: not a valuation, a total to date, revenue or a fund's size.

``money_role`` reads the words around each amount; ``pick_amount`` takes the deal's from those a frame
covers; the comparisons decide whether two tellings of an amount are one.
"""

from __future__ import annotations

import re

from dealextract.deals import frames as F
from dealextract.deals.drafts import Article
from dealextract.deals.skeleton import Skeleton
from dealextract.records import Money

_QUALIFIER = r"\s*(?:about|around|roughly|approximately|nearly|almost|some|more\sthan|over|at\sleast|an\sestimated|up\sto|close\sto|just\sunder|just\sover)?\s*"


_VALUATION_BEFORE = re.compile(
    r"(?:valued\s(?:it\s|them\s|the\s(?:\w+\s){1,3})?at|valuation\s(?:of|at|to)|valuing\s(?:it|them|the\s(?:\w+\s){0,2}\w+|«o\d+»)?\s?at"
    r"|valuation\s(?:has\s)?(?:rose|rise|risen|jumped|climbed|surged|soared|increased|doubled|tripled|grew|fell"
    r"|dropped|climbs|rises|jumps)\s(?:\w+\s)?to"
    r"|value\s(?:(?:it|them|«o\d+»|the\s(?:[\w\-]+\s){1,4}?)\s?)?(?:of|at)|at\sa|pre-money\s(?:valuation\s)?of|post-money\s(?:valuation\s)?of"
    r"|market\s(?:cap|capitali[sz]ation|value)\sof|worth|values\s(?:it|them|«o\d+»|the\s(?:[\w\-]+\s){1,4}?)\s?at)"
    + _QUALIFIER
    + "$"
)


_VALUATION_AFTER = re.compile(r"^\s*(?:post-money\s|pre-money\s)?valuation")


_DEAL_VALUE_BEFORE = re.compile(
    r"(?:(?:deal|transaction|acquisition|purchase|takeover|merger|agreement)\s?,?\s(?:\w+\s)?"
    r"(?:worth|valued\sat|valuing|of|totall?ing)|(?:round|investment|financing|funding|tranche|raise"
    r"|injection|cheque|check)\s?,?\s(?:\w+\s)?(?:worth|of|totall?ing|sized\sat))" + _QUALIFIER + "$"
)


# "the injection was part of a broader 150 billion won round": the amount after it is the whole round's
# (a total to this sentence; ``assemble._whole_round`` makes it the deal's)
PART_OF_LARGER = r"part\sof\s(?:a|an|the|its)\s(?:larger|broader|bigger|wider|overall|total)\s"

_TOTAL_BEFORE = re.compile(
    r"(?:(?:bringing|brings|bring|taking|takes|lifting|lifts|boosting|pushing|raising)\s(?:its|the|their)\s"
    r"(?:[\w«»\-]+\s){0,6}?(?:to|at)|(?:total|overall|cumulative|aggregate)\s(?:\w+\s){0,2}(?:of|to|at|is|was|stands\sat"
    r"|reached|totals?)|(?:has|have)\s(?:now\sraised|raised\sa\stotal\sof|raised\saltogether)"
    # "$305 million to date, including $235 million in credit facilities": a share of the total
    r"|(?:to\sdate|so\sfar|in\stotal|altogether)\s?,?\s(?:including|of\swhich|with)"
    r"(?:\s«m\d+»[^,;.«]{0,40}?\sand)?"
    r"|" + PART_OF_LARGER + ")" + _QUALIFIER + "$"
)


_TOTAL_AFTER = re.compile(
    r"^\s*(?:\w+\s){0,3}?(?:to\sdate|so\sfar|since\s(?:its\s|it\swas\s)?(?:founding|founded|inception|launch|establishment)"
    # "has raised more than $1 billion since then / since 2024 / since its listing": a sum over years
    r"|since\s(?:then|«d\d+»|(?:its|the)\s(?:ipo|listing|debut|spac\smerger|flotation)\b|(?:it\s)?(?:went|going)\spublic)"
    r"|in\stotal|altogether|in\scumulative|over\sthe\syears|in\sits\shistory"
    # "previously raised €9.5 million, most recently a Series A": the sum of its rounds, then the last
    r"|,\s(?:most\srecently|the\slatest\sbeing|the\slast\sbeing)\s"
    r"|,\s(?:including|across|over)\s(?:(?:a|an|its|the|two|three|four|several)\s)?(?:[\w\-]+\s){0,2}?"
    r"(?:round|rounds|series|seed))"
)


# An amount that measures something else: "revenue of $X", "sales rose to $X", "a market worth $X".
_OTHER_BEFORE = re.compile(
    r"\b(?:(?:revenue|revenues|sales|profit|profits|income|loss|losses|turnover|market|spending|budget|gmv|arr"
    r"|capex|cost|costs|price|prices|salary|fine|penalty|bonus|subsidy|subsidies|earnings|ebitda|spend|exports"
    r"|imports|bookings|cash\sflow|debt\sload|liabilities|assets)(?:\s(?:[\w\-]+\s){0,2}?(?:of|to|at|reached"
    r"|hit|was|were|is|are|totall?ed|totall?ing|amounted\sto|topped|exceeded|passed|stood\sat|came\sin\sat"
    r"|worth|rose|grew|fell|jumped|climbed|surged|dropped|declined)(?:\sto|\sby)?)?"
    r"|priced\sat|sold\sfor|generated|earned|lost|worth\sof|fined)" + _QUALIFIER + "$"
)


# "$300 million for its third fund" sizes a fund; "£1.15 billion from funds managed by X" pays X's funds
_FUND_AFTER = re.compile(rf"^\s*(?!from\s)(?:[a-z\-]+\s){{0,2}}(?:fund|funds|{F.FUND_VEHICLE})\b")


def money_role(sk: Skeleton, ps: int, pe: int, money: Money, article: Article) -> str:
    """What an amount is in its sentence: deal, valuation, total, other, fund, unit or equivalent."""
    if money.unit:
        return "unit"
    if article.is_equivalent(money):
        return "equivalent"
    before = sk.skel[max(0, ps - 60) : ps]
    after = sk.skel[pe : pe + 50]
    if _DEAL_VALUE_BEFORE.search(before):
        return "deal"
    if _VALUATION_BEFORE.search(before) or _VALUATION_AFTER.search(after):
        return "valuation"
    if _TOTAL_BEFORE.search(before) or _TOTAL_AFTER.search(after):
        return "total"
    if _FUND_AFTER.search(after):
        return "fund"
    if _OTHER_BEFORE.search(before):
        return "other"
    return "deal"


def amounts(sk: Skeleton, article: Article) -> list[tuple[int, int, Money, str]]:
    """Every amount of the sentence: (skeleton start, end, money, role)."""
    out = []
    for ps, pe, slot in sk.placeholders():
        if slot.kind == "m" and slot.money is not None:
            out.append((ps, pe, slot.money, money_role(sk, ps, pe, slot.money, article)))
    return out


def pick_amount(
    found: list[tuple[int, int, Money, str]], trig_start: int, trig_end: int, window_end: int
) -> Money | None:
    """The deal's amount: one inside the trigger ("wrote a $60m check"), else the first deal amount
    after it, else the nearest before it.

    A vague amount ("tens of millions of yuan", "a multi-million round") is no amount: it names no
    number, as annotators record it; a range with numbers ("$5-10 million") is one.
    """
    after = [m for ps, _, m, role in found if role == "deal" and trig_start <= ps < window_end]
    if after:
        return definite(after[0])
    before = [m for ps, _, m, role in found if role == "deal" and ps < trig_start]
    return definite(before[-1]) if before else None


def definite(money: Money) -> Money | None:
    if money.value is None and not any(c.isdigit() for c in money.text or ""):
        return None
    return money


def pick_valuation(found: list[tuple[int, int, Money, str]]) -> Money | None:
    vals = [m for _, _, m, role in found if role == "valuation"]
    return vals[0] if vals else None


def amounts_compatible(a: Money | None, b: Money | None, article: Article) -> bool:
    if a is None or b is None:
        return True
    if same_amount(a, b):
        return True
    # one is the other's stated equivalent, or matches it ("$46.4m" in a headline and "300 million
    # yuan ($46.4m)" in the body are one amount)
    return any(
        eq is other or same_amount(eq, other)
        for one, other in ((a, b), (b, a))
        for eq in article.equivalents_of(one)
    )


def primary_amount(a: Money | None, b: Money | None, article: Article) -> Money | None:
    """Of two tellings of one amount, the one the text states first-hand: a headline's "$46.4m" gives
    way to the body's "300 million yuan ($46.4m)", whose dollar figure is only its equivalent."""
    if a is None or b is None:
        return a or b
    if not article.equivalents_of(a) and article.equivalents_of(b):
        return b
    return a


def same_amount(a: Money, b: Money) -> bool:
    return (a.value, a.currency, a.min, a.max) == (b.value, b.currency, b.min, b.max)
