"""A pint registry in which every currency is its own dimension.

``Q(5, "CNY") + Q(1, "USD")`` raises ``DimensionalityError``: a value can never silently change currency.
Scale words ("million", "crore", "bn") are plain dimensionless factors, read from the same table as the
scanner (``numbers.SCALES``).  The only way from one currency to another is an explicit exchange-rate
context (``fx_context``), which ``rates.py`` builds from an ECB reference rate of a given date.
"""

from __future__ import annotations

import re
import threading
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pint

from dealextract.money.numbers import SCALES
from dealextract.records import iso4217_codes

_LOCK = threading.Lock()
_CONTEXTS: set[str] = set()  # names of the exchange-rate contexts already added


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
    q = ureg.Quantity(value, currency)
    if scale is not None:
        q = (q * ureg.Quantity(Decimal(1), scale)).to(currency)
    return q


def fx_context(currency: str, target: str, rate: Decimal, name: str) -> str:
    """Register (once) a context that converts ``currency`` to ``target`` at ``rate``; return its name.

    The context is the only bridge between the two dimensions, and only while it is named in ``.to()``.
    """
    ureg = registry()
    with _LOCK:
        if name not in _CONTEXTS:
            ctx = pint.Context(name)

            def at_rate(ureg: pint.UnitRegistry[Any], value: Any, **kwargs: Any) -> Any:
                return value.to(currency).magnitude * rate * ureg.Quantity(Decimal(1), target)

            ctx.add_transformation(f"[currency_{currency}]", f"[currency_{target}]", at_rate)
            ureg.add_context(ctx)
            _CONTEXTS.add(name)
    return name


def convert(value: Decimal, currency: str, target: str, rate: Decimal, label: str) -> Decimal:
    """``value`` of ``currency`` in ``target`` at ``rate`` (target units per currency unit), via pint."""
    if currency == target:
        return value
    name = fx_context(currency, target, rate, f"fx:{currency}:{target}:{label}:{rate}")
    converted = quantity(value, currency).to(target, name)
    return Decimal(converted.magnitude)
