"""Comparing organisation names: one rule for deal assembly, merging across articles and the benchmark.

Case, punctuation, possessives and legal suffixes (Inc, Ltd, Co, Corp, ...) are ignored, and a name
matches a longer one that only adds generic corporate words ("Tencent" ~ "Tencent Holdings", "Sequoia" ~
"Sequoia Capital China"), but not one that adds a real word ("Alibaba" !~ "Alibaba Cloud": a subsidiary
is not its parent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "co",
        "corp",
        "corporation",
        "llc",
        "plc",
        "ag",
        "sa",
        "sas",
        "srl",
        "gmbh",
        "bv",
        "nv",
        "pte",
        "pvt",
        "lp",
        "llp",
        "kk",
        "spa",
        "ab",
        "oy",
        "as",
    ]
)
GENERIC_WORDS = frozenset(
    [
        "holdings",
        "holding",
        "group",
        "technology",
        "technologies",
        "tech",
        "company",
        "ai",
        "labs",
        "capital",
        "ventures",
        "venture",
        "partners",
        "international",
        "china",
        "global",
        "management",
        "investment",
        "investments",
        "fund",
        "inc",
        "ltd",
        "co",
        "corp",
        "limited",
        "intelligent",
        "intelligence",
        "robotics",
        "network",
    ]
)
_PUNCT = re.compile(r"[^\w&+ ]+")
_POSSESSIVE = re.compile(r"'s\b|'$")


def norm_name(name: str) -> tuple[str, ...]:
    """The comparable form of an organisation name: lower-case tokens without legal suffixes.

    >>> norm_name("Tencent Holdings Ltd."), norm_name("Deep Robotics'")
    (('tencent', 'holdings'), ('deep', 'robotics'))
    """
    text = _POSSESSIVE.sub("", name.casefold().replace("’", "'"))
    tokens = _PUNCT.sub(" ", text).split()
    while tokens and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    while tokens and tokens[0] == "the":
        tokens.pop(0)
    return tuple(tokens)


def names_match(a: str, b: str) -> bool:
    """Whether two organisation names refer to the same organisation (see the module doc).

    >>> names_match("Tencent", "Tencent Holdings Ltd"), names_match("Alibaba", "Alibaba Cloud")
    (True, False)
    """
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb or "".join(na) == "".join(nb):
        return True
    short, long = (na, nb) if len(na) < len(nb) else (nb, na)
    return long[: len(short)] == short and all(t in GENERIC_WORDS for t in long[len(short) :])


def shortened(a: str, b: str) -> bool:
    """Whether one name writes the other with shortened words, the first word whole: "Nuvia Semi" and
    "Nuvia Semiconductor", "Quanta Bio" and "Quanta Biologics" (each shortened word at least three
    letters).  Within one article these are one company; across articles the test is too loose, so
    ``names_match`` leaves it out.

    >>> shortened("Nuvia Semi", "Nuvia Semiconductor"), shortened("Nuvia Semi", "Nuvia Systems")
    (True, False)
    """
    na, nb = norm_name(a), norm_name(b)
    if len(na) != len(nb) or len(na) < 2 or na[0] != nb[0] or na == nb:
        return False
    return all(
        x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
        for x, y in zip(na, nb, strict=True)
    )


#: How records name an organisation: as the article writes it (its fullest form there, or the gazetteer's
#: canonical name when the article writes that), or always by the canonical name.
RECORD_NAMES = ("as_written", "canonical")


def display_names(mentions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The name each organisation goes by in one article, from its ``(canonical name, text)`` mentions.

    Annotators record an organisation by the fullest form the article uses ("Meta" when only "Meta" is
    written, "Tencent Holdings Ltd" when that is), and a reader checks a record against the text. So
    the gazetteer's canonical name is kept when the article writes it, and otherwise the longest form
    the article does write stands for it (an all-capitals form only when there is no other).
    """
    forms: dict[str, list[str]] = {}
    for name, text in mentions:
        forms.setdefault(name, []).append(" ".join(text.split()))
    out: dict[str, str] = {}
    for name, texts in forms.items():
        if any(t.casefold() == name.casefold() for t in texts):
            out[name] = name
            continue
        mixed = [t for t in texts if not t.isupper()] or texts
        out[name] = max(mixed, key=len)
    return out
