"""ECB reference rates, from the file bundled with the ``currencyconverter`` package (never the network).

``to_usd`` converts an amount at the rate of a given date (the nearest available one when the date is
outside the file or a holiday); ``disagrees`` says whether a text's own conversion ("2 billion yuan
($293 million)") is more than a tolerance away from that rate, which flags a typo or a stale rate.
Arithmetic is Decimal throughout and every conversion goes through the pint registry of ``units.py``.
"""

from __future__ import annotations

import datetime as dt
import threading
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from dealextract.money.units import convert

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

    from dealextract.records import Money

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    """Built once, lazily, from the bundled ECB history file; missing days fall back, never download."""
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    with _LOCK:
        return CurrencyConverter(
            CURRENCY_FILE,
            fallback_on_wrong_date=True,
            fallback_on_missing_rate=True,
            decimal=True,
        )


def known(currency: str) -> bool:
    """Whether the ECB file has rates for ``currency``."""
    return currency in _converter().currencies


@lru_cache(maxsize=4096)
def usd_rate(currency: str, on: dt.date | None) -> Decimal | None:
    """US dollars per one unit of ``currency`` on ``on`` (latest date when None); None if not an ECB one."""
    c = _converter()
    if currency not in c.currencies or "USD" not in c.currencies:
        return None
    if on is None:
        on = c.bounds[currency].last_date
    rate = c.convert(Decimal(1), currency, "USD", date=on)
    return Decimal(rate)


def to_usd(value: Decimal, currency: str, on: dt.date | None = None) -> Decimal | None:
    """``value`` of ``currency`` in whole US dollars at the ECB rate nearest ``on``; None if unknown."""
    rate = usd_rate(currency, on)
    if rate is None:
        return None
    usd = convert(value, currency, "USD", rate)
    return usd.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)


def disagrees(
    primary: Money, equivalent: Money, on: dt.date | None = None, tolerance: Decimal = Decimal("0.03")
) -> bool | None:
    """True when the text's own conversion is more than ``tolerance`` off the ECB rate of that date.

    None when it cannot be judged: a currency the ECB does not quote, or an amount without a value.
    """
    if primary.currency is None or equivalent.currency is None:
        return None
    if primary.value is None or equivalent.value is None or equivalent.value == 0:
        return None
    a = to_usd(primary.value, primary.currency, on)
    b = to_usd(equivalent.value, equivalent.currency, on)
    if a is None or b is None or b == 0:
        return None
    return abs(a - b) / b > tolerance
