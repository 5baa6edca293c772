"""Round names, found and normalised: "Series B+", "pre-A", "angel round", "strategic investment"...

Normalised labels: ``Pre-Seed``, ``Seed``, ``Angel``, ``Pre-A`` (also ``Pre-B``...), ``Series A`` ...
``Series K`` (with a ``+`` or a digit suffix kept: ``Series B+``, ``Series A1``), ``Pre-IPO``,
``Strategic``, ``Debt``, ``Grant``, ``Convertible``, ``Bridge``.
"""

from __future__ import annotations

import re

from dealextract.literals import LiteralGate

# One alternation, tried at word boundaries; bounded, so linear on any input.
ROUND_RE = re.compile(
    r"""(?ix)
    \b(?:
        (?P<preseries>pre[-\s]?series[-\s]?(?P<psl>[a-k])\b)
      | (?P<pre>pre[-\s](?P<prel>[a-k])(?P<preplus>\+|\d)?(?![\w\-]))
      | (?P<series>series[-\s]?(?P<sl>[a-k])(?P<splus>\+{1,2}|-?\d|-plus)?(?![\w\-]))
      | (?P<letter>(?-i:(?P<ll>[A-F]))(?P<lplus>\+{1,2}|\d)?(?:\s?[-–]\s?|\s)(?:round|funding|financing|investment))
      | (?P<preseed>pre[-\s]?seed)
      | (?P<seed>seed(?!(?:[-\s]stage)?\s(?:investors?|backers?|funders?|shareholders?|loans?|grants?)\b)  # "its seed investors", "seed loans"
          (?:[-\s](?:round|funding|financing|stage|investment|capital))?)
      | (?P<angel>angel(?:(?:\s?[-–]\s?|\s)(?:round|funding|financing|investment))|angel\+)
      | (?P<preipo>pre[-\s]?ipo)
      | (?P<strategic>strategic\s(?:round|investment|financing|funding))
      | (?P<debt>(?:venture\s)?debt\s(?:round|financing|funding|facility)|credit\s(?:facility|line)|venture\sdebt
          |(?:term\s)?loan\sfacility|revolving\scredit
          |(?<=in\s)debt)
      | (?P<convertible>convertible\s(?:note|bond)s?)
      | (?P<bridge>bridge\s(?:round|financing|funding))
      | (?P<grant>(?:government\s)?grant\s(?:funding|of))
    )(?!\w)
    """
)


def normalise_round(match: re.Match[str]) -> str:
    """The normalised label of one ``ROUND_RE`` match."""
    g = match.groupdict()
    if g["preseries"]:
        return f"Pre-{g['psl'].upper()}"
    if g["pre"]:
        return f"Pre-{g['prel'].upper()}{g['preplus'] or ''}"
    if g["series"]:  # "Series B-2" → Series B2, "Series A-plus" → Series A+
        suffix = (g["splus"] or "").lower().replace("-plus", "+").replace("-", "")
        return f"Series {g['sl'].upper()}{suffix}"
    if g["letter"]:
        return f"Series {g['ll'].upper()}{g['lplus'] or ''}"
    for key, label in (
        ("preseed", "Pre-Seed"),
        ("seed", "Seed"),
        ("angel", "Angel"),
        ("preipo", "Pre-IPO"),
        ("strategic", "Strategic"),
        ("debt", "Debt"),
        ("convertible", "Convertible"),
        ("bridge", "Bridge"),
        ("grant", "Grant"),
    ):
        if g[key]:
            return label
    raise AssertionError("unreachable: every alternative of ROUND_RE has a label")


def find_rounds(text: str) -> list[tuple[int, int, str]]:
    """Every round mention in ``text``: (start, end, normalised label)."""
    if not _ROUND_GATE.possible(text):
        return []  # no "series", "seed", "round", ... anywhere: the pattern cannot match
    return [
        (m.start(), m.end(), normalise_round(m)) for m in ROUND_RE.finditer(text) if not _article_a(text, m)
    ]


def _article_a(text: str, m: re.Match[str]) -> bool:
    """ "A round led by X ..." at the start of a sentence is the article "a", not a Series A."""
    if m["ll"] != "A" or m["lplus"]:
        return False
    before = text[: m.start()].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'(«"


def parse_round(text: str) -> str | None:
    """The normalised label of the first round named in ``text``, or None.

    >>> parse_round("a Series B+ round"), parse_round("pre-A financing"), parse_round("angel round")
    ('Series B+', 'Pre-A', 'Angel')
    """
    match = ROUND_RE.search(text)
    return normalise_round(match) if match else None


_ROUND_GATE = LiteralGate([ROUND_RE])
