"""A sentence's skeleton: its words with every mention replaced by a placeholder.

"Alibaba Cloud led a 2 billion yuan round in ShengShu" becomes "«o0» led a «m1» round in «o2»".  Frame
rules are then patterns over deal language with slots, in the tradition of cascaded finite-state
extraction: readable, fast, and blind to the particular names in any one article.

Placeholders: ``«oN»`` an organisation or a reference to one ("the startup"), ``«mN»`` an amount,
``«dN»`` a date, ``«xN»`` an AI model; N indexes ``Skeleton.slots``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dealextract.deals.rounds import find_rounds
from dealextract.records import DateValue, Money

PLACEHOLDER = re.compile(r"«([omdxp])(\d+)»")
PLACEHOLDER_ANY = re.compile(r"«[omdxp]\d+»")


@dataclass(frozen=True, slots=True)
class Slot:
    """One mention in a sentence: ``kind`` is o/m/d/x; ``name`` the canonical org or model name."""

    kind: str
    start: int
    end: int
    text: str
    name: str = ""
    money: Money | None = None
    date: DateValue | None = None
    is_reference: bool = False
    org_kind: str | None = None


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A sentence (``start``/``end`` in the article), its lower-cased skeleton and its slots."""

    start: int
    end: int
    text: str
    skel: str
    slots: tuple[Slot, ...]
    cased: str = ""  # ``skel`` before lower-casing, aligned character for character
    marks: tuple[tuple[int, int, Slot], ...] = ()  # every placeholder: (start, end, slot)
    starts: tuple[int, ...] = ()  # their starts, for bisection
    rounds: tuple[tuple[int, int, str], ...] = ()  # round names: (start, end, normalised label)

    def slot_at(self, match: re.Match[str]) -> Slot:
        """The slot a ``PLACEHOLDER`` match stands for."""
        return self.slots[int(match.group(2))]

    def end_of(self, slot: Slot) -> int:
        """Where ``slot``'s placeholder ends in the skeleton."""
        return next(end for _, end, s in self.marks if s is slot)

    def placeholders(self, begin: int = 0, end: int | None = None) -> list[tuple[int, int, Slot]]:
        """(skeleton start, skeleton end, slot) for each placeholder in ``skel[begin:end]``.

        The placeholders are found once, when the skeleton is built; a range is cut from them by
        bisection, so the many look-ups of one sentence cost no more than the list itself.
        """
        stop = len(self.skel) if end is None else end
        lo = bisect.bisect_left(self.starts, begin)
        out = []
        for item in self.marks[lo:]:
            if item[1] > stop:
                break
            out.append(item)
        return out


def build_skeleton(text: str, start: int, end: int, slots: list[Slot]) -> Skeleton:
    """The skeleton of ``text[start:end]`` given the mentions inside it (overlaps: first and longest win)."""
    ordered = sorted(
        (s for s in slots if start <= s.start and s.end <= end),
        key=lambda s: (s.start, -(s.end - s.start)),
    )
    kept: list[Slot] = []
    for slot in ordered:
        if kept and slot.start < kept[-1].end:
            continue
        kept.append(slot)
    pieces: list[str] = []
    cursor = start
    for index, slot in enumerate(kept):
        pieces.append(text[cursor : slot.start].replace("«", "<").replace("»", ">"))
        pieces.append(f"«{slot.kind}{index}»")
        cursor = slot.end
    pieces.append(text[cursor:end].replace("«", "<").replace("»", ">"))
    cased = "".join(pieces)
    if "(" in cased:  # the aside patterns need their brackets or dashes: most sentences have none
        cased = _ASIDE.sub(_bracket_aside, cased)
    if "–" in cased or "—" in cased:
        cased = _DASH_ASIDE.sub(_dash_aside, cased)
    skel = _lower_aligned(cased)
    marks = tuple((m.start(), m.end(), kept[int(m.group(2))]) for m in PLACEHOLDER.finditer(skel))
    # round names are read with their case ("A round" is no Series A) and without the placeholders
    rounds = tuple(find_rounds(PLACEHOLDER_ANY.sub(_blank, cased) if marks else cased))
    return Skeleton(
        start, end, text[start:end], skel, tuple(kept), cased, marks, tuple(m[0] for m in marks), rounds
    )


def _bracket_aside(match: re.Match[str]) -> str:
    """A short bracket is dropped, unless it names a round ("Hexwise raised $9M (Seed)")."""
    return match.group() if _ROUND_WORD.search(match.group()) else ""


_ROUND_WORD = re.compile(r"\b(?:[Ss]eed|[Ss]eries\s[A-K]|[Aa]ngel|[Pp]re-[A-K]|[Pp]re-[Ss]eed|[Pp]re-IPO)\b")


def _dash_aside(match: re.Match[str]) -> str:
    """An aside between dashes is dropped, but a bare name there names the noun before it and stays:
    in "Elon Musk's AI company — «o» — has acquired", «o» is the buyer."""
    inner = match.group()[2:-2].strip()
    before = match.string[match.start() - 1] if match.start() else ""
    if _BARE_NAME.fullmatch(inner) and before != "»":
        return f" {inner} "
    return " "


_BARE_NAME = re.compile(r"«o\d+»")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _lower_aligned(text: str) -> str:
    """Lower case that keeps every character at its position ("İ".lower() is two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# A short parenthetical with no amount in it ("China Merchants Bank (CMB)", "(青云半导体)",
# "(Shanghai)") is an alias or an aside: dropping it lets "«o» («o»), a fund, led" read as one subject.
# " – an early investor in X, Y and Z – ": an aside between dashes, dropped like a parenthesis.
_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—\n]{1,150}?\s[–—]\s")
_ASIDE = re.compile(r"(?<!\s)\s{0,3}\((?:[^()«»]|«[odxp]\d+»){0,60}\)")  # bounded: linear on any run
