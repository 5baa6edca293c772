"""Money: every amount an English news article states, as exact ``Money`` records.

``find_money(text)`` reads an article (offsets, equivalents, ambiguous symbols decided by context);
``parse_money(s)`` reads one amount through the same code path.  See ``grammar.py`` for the rules,
``currencies.py`` for the currency forms and decisions, ``rates.py`` for ECB conversions.
"""

from __future__ import annotations

from dealextract.money.finder import find_money, parse_money

__all__ = ["find_money", "parse_money"]
