"""A pint registry in which every currency is its own dimension.

``Q(5, "CNY") + Q(1, "USD")`` raises ``DimensionalityError``: a value can never silently change currency.
Scale words ("million", "crore", "bn") are plain dimensionless factors, read from the same table as the
scanner (``numbers.SCALES``).  The only way from one currency to another is an explicit exchange rate,
itself a quantity in target units per source unit (``convert``; ``rates.py`` gives the ECB reference rate
of a given date): multiplying by it cancels the source currency, and a rate of any other pair leaves a
unit that ``.to(target)`` refuses.  Nothing is added to the registry per rate, so a dump with rates of
ten thousand dates does not grow it (an earlier version registered a pint context per rate).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pint

from dealextract.money.numbers import SCALES
from dealextract.records import iso4217_codes


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The registry, built once: one base unit per ISO 4217 code, scale words as factors."""
    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, non_int_type=Decimal)
    for code in sorted(iso4217_codes()):
        ureg.define(f"{code} = [currency_{code}]")
    for word, factor in SCALES.items():
        if re.fullmatch(r"[a-z]+", word) and word not in ("m", "b", "k"):
            ureg.define(f"{word} = {factor}")
    return ureg


def quantity(value: Decimal, currency: str, scale: str | None = None) -> Any:
    """``value`` (times a scale word) in ``currency``, e.g. ``quantity(Decimal("1.5"), "CNY", "billion")``."""
    ureg = registry()
    q = ureg.Quantity(value, _units(currency))
    if scale is not None:
        q = (q * ureg.Quantity(Decimal(1), _units(scale))).to(currency)
    return q


def convert(value: Decimal, currency: str, target: str, rate: Decimal) -> Decimal:
    """``value`` of ``currency`` in ``target`` at ``rate`` (target units per currency unit), via pint."""
    if currency == target:
        return value
    exchange = registry().Quantity(rate, _units(f"{target} / {currency}"))
    return Decimal((quantity(value, currency) * exchange).to(target).magnitude)


@lru_cache(maxsize=1024)
def _units(expression: str) -> Any:
    """Parsed pint units, once per expression (parsing a unit string costs more than the arithmetic)."""
    return registry().parse_units(expression)
