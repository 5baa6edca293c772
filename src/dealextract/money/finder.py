"""``find_money`` (every amount in an article) and ``parse_money`` (one amount), on one code path.

The grammar (``grammar.scan``) finds the amounts; this module decides the ambiguous currencies with the
whole article in view and builds the ``Money`` records:

1. A stated conversion decides first: "$28.35m (US$20m)" cannot be US dollars, and the ratio of the two
   picks the local dollar whose ECB rate fits; "¥500 million (US$70 million)" is yuan, not yen, because
   7.1 yuan make a dollar and 150 yen do.
2. Otherwise the article's cues decide (``ArticleContext``): a Singapore article that writes "US$" for
   US dollars means Singapore dollars by "$"; "¥" follows the Chinese or Japanese cues.
3. Otherwise "$" is USD and "¥" JPY.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dealextract.money import rates
from dealextract.money.currencies import DOLLAR, LOCAL_DOLLARS, UNKNOWN, YEN, ArticleContext
from dealextract.money.grammar import Amount, scan
from dealextract.records import Money

# How far a stated conversion may be from the ECB rate and still identify the currency.
_RATIO_TOLERANCE = Decimal("0.25")


def _ratio_pick(a: Amount, b: Amount, candidates: list[str]) -> str | None:
    """The candidate currency for ``a`` whose rate best explains ``b`` (a known currency) as its equal."""
    if a.value is None or b.value is None or b.code is None or b.value == 0 or a.value == 0:
        return None
    b_usd = rates.usd_rate(b.code, None)
    if b_usd is None:
        return None
    stated = b.value * b_usd / a.value  # USD per unit of a's currency, as the text states it
    best: tuple[Decimal, str] | None = None
    for code in candidates:
        rate = rates.usd_rate(code, None)
        if rate is None:
            continue
        off = abs(stated - rate) / rate
        if off <= _RATIO_TOLERANCE and (best is None or off < best[0]):
            best = (off, code)
    return best[1] if best is not None else None


def _partner(amounts: list[Amount], i: int) -> Amount | None:
    """The amount stated as equal to amounts[i] (its equivalent or its primary), if any."""
    a = amounts[i]
    if a.equivalent_of is not None:
        return amounts[a.equivalent_of]
    if i + 1 < len(amounts) and amounts[i + 1].equivalent_of == i:
        return amounts[i + 1]
    return None


def _decide(amounts: list[Amount], i: int, ctx: ArticleContext) -> tuple[str | None, str | None]:
    a = amounts[i]
    code = a.code
    if code is None or code == UNKNOWN:
        form = a.form.text if a.form is not None else "?"
        return None, f"{form!r} does not name one currency"
    if code not in (DOLLAR, YEN):
        return code, None
    partner = _partner(amounts, i)
    known_partner = partner is not None and partner.code not in (None, DOLLAR, YEN, UNKNOWN)
    if code == DOLLAR:
        if partner is not None and known_partner and partner.code == "USD":
            cued = [c for c in LOCAL_DOLLARS if ctx.cues.get(c.lower(), 0)]
            pick = _ratio_pick(a, partner, cued or list(LOCAL_DOLLARS))
            if pick is not None:
                return pick, f"bare $ read as {pick}: the text converts it to US dollars at {pick}'s rate"
            local = ctx.local_dollar()
            if local is not None:
                return local, f"bare $ read as {local}: the text converts it to US dollars, article set there"
            return None, "bare $ is not USD here (the text converts it to US dollars); dollar unknown"
        return ctx.decide_dollar()
    if partner is not None and known_partner:
        pick = _ratio_pick(a, partner, ["CNY", "JPY"])
        if pick is not None:
            return pick, f"¥ read as {pick}: the text converts it at {pick}'s rate"
    return ctx.decide_yen()


def _tidy(value: Decimal | None) -> Decimal | None:
    """Drop the trailing zeros a scale word leaves ("1.2" x 1e9 is 1200000000.0 -> 1200000000)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _money(a: Amount, currency: str | None, note: str | None, text: str | None) -> Money:
    return Money(
        value=_tidy(a.value),
        currency=currency,
        approximate=a.approximate,
        min=_tidy(a.min),
        max=_tidy(a.max),
        unit=a.unit,
        currency_note=note,
        text=text[a.start : a.end] if text is not None else None,
        start=a.start if text is not None else None,
        end=a.end if text is not None else None,
    )


def _resolve(text: str, amounts: list[Amount]) -> list[tuple[Amount, str | None, str | None]]:
    """Decide every amount's currency; a sign decided by a stated conversion holds for the whole article.

    An article keeps one convention: if "$28.35m (US$20m)" shows that its "$" is the Singapore dollar,
    the headline's "$28.35m" is too.
    """
    ctx = ArticleContext.of(text)
    decided = [_decide(amounts, i, ctx) for i in range(len(amounts))]
    by_conversion: dict[str, tuple[str | None, str]] = {}
    for a, (currency, note) in zip(amounts, decided, strict=True):
        if a.code in (DOLLAR, YEN) and note is not None and "convert" in note:
            by_conversion.setdefault(a.code, (currency, note))
    out = []
    for a, (currency, note) in zip(amounts, decided, strict=True):
        if a.code in by_conversion and (note is None or "convert" not in note):
            currency, first_note = by_conversion[a.code]
            note = f"as elsewhere in the article: {first_note}"
        out.append((a, currency, note))
    return out


def find_money(text: str) -> tuple[list[Money], dict[int, int]]:
    """Every amount of money in an article, in text order, with exact offsets, and the equivalents.

    The second value maps the start offset of each equivalent ("$293 million" in "2 billion yuan
    (roughly $293 million)") to the start offset of the amount it restates.
    """
    amounts = scan(text)
    found = [_money(a, cur, note, text) for a, cur, note in _resolve(text, amounts)]
    links = {a.start: amounts[a.equivalent_of].start for a in amounts if a.equivalent_of is not None}
    return found, links


_TRAILING = re.compile(r"[\s.]*")


def parse_money(s: str) -> Money | None:
    """One amount written as the whole string ("US$4.7 billion", "about 2 billion yuan"), else None.

    Surrounding whitespace and a final full stop are allowed; anything else left unread means the string
    is not one amount.  Offsets are not set: the string is not an article.
    """
    stripped = s.strip()
    amounts = scan(stripped)
    if not amounts:
        return None
    primary = amounts[0]
    rest_are_equivalents = all(a.equivalent_of == 0 for a in amounts[1:])
    last = amounts[-1]
    end = last.ext_end
    if end < len(stripped) and stripped[end] in ")]":
        end += 1
    if primary.ext_start != 0 or not rest_are_equivalents:
        return None
    if _TRAILING.fullmatch(stripped, end) is None:
        return None
    (a, currency, note) = _resolve(stripped, amounts)[0]
    return _money(a, currency, note, None)
