"""People named as backers: "from Jeff Bezos, Nvidia and others", "angels including Naval Ravikant".

Deal news names individual investors in the same lists that name funds, and the annotation counts them
as investors.  With no statistical model there is no person recogniser to ask, so a person is read off
where a list of backers can hold one:

* two or three title-case words (letters only), none of them an organisation word ("Capital"), a word
  that never names anything ("However", months, rounds: ``NOT_ORG_WORDS``) or a person title;
* not inside another mention (an organisation, an amount, a date, a model) and not a known place;
* in list position: after a list opener or separator ("by", "from", "including", ",", "and",
  "such as") and before a separator, the end of the clause or an investing verb; or right before an
  investing verb, after a title ("co-founder Reed Hastings invested") or at the start of a sentence.

Places are the bundled list (``orgs/data/places.jsonl``); a user's own place file is not consulted here.

They only become investors when a cue's list reaches them (``reading.list_after``/``list_before``
accept them as items); they are never targets and never entities of the article (the contract has no
PERSON label).
"""

from __future__ import annotations

from itertools import compress

from dealextract.deals.skeleton import Slot
from dealextract.orgs.patterns import NOT_ORG_WORDS, ORG_SUFFIXES, PERSON_TITLES
from dealextract.orgs.places import bundled_place_forms
from dealextract.tokens import TokenTable

_BEFORE = frozenset(
    [",", "and", "&", "by", "from", "including", "include", "includes", "included", "like",
     # "... and angel investor Christian Reber": a descriptor of a backer right before the name
     "investor", "investors", "angel", "angels", "entrepreneur", "billionaire", "co-founder", "founder",
     # "former Chubb executive Dana Whitfield": a person named by where they work
     "executive", "veteran", "alum", "ceo", "chairman", "president", "partner", "officer", "director", "cfo",
     "coo", "cto",
     # "NBA star Kevin Durant and actor Ashton Kutcher": celebrity backers
     "star", "actor", "actress", "singer", "rapper", "athlete", "player", "musician", "footballer",
     "comedian", "celebrity", "celebrities"]
)  # fmt: skip
_BEFORE_AS = frozenset(["such", "well"])  # "such as", "as well as"
_AFTER = frozenset(
    [",", "and", "&", ".", "(", ";", "as", "also", "participated", "invested", "joined", "led", "co-led",
     "backed", "bought", "acquired", "put", "poured", "wrote", "among"]
)  # fmt: skip
_NEVER = NOT_ORG_WORDS | ORG_SUFFIXES | PERSON_TITLES
# a person who is the subject of an investing verb: after one of these words or at a sentence start
_INVESTING = frozenset(
    ["invested", "backed", "led", "co-led", "put", "poured", "bought", "acquired", "invests"]
)
_WHO_INVESTS = PERSON_TITLES | {"founder", "co-founder", "cofounder", "billionaire", "investor", "entrepreneur",
                                "angel", "magnate", "tycoon", "executive", "veteran"}  # fmt: skip


def person_slots(t: TokenTable, taken: list[Slot]) -> list[Slot]:
    """Slots (kind ``p``) for the people of ``t`` that stand where a list of backers can name one."""
    found: list[Slot] = []
    lower = t.lower
    spans = [(s.start, s.end) for s in taken]
    words = [k for k in compress(range(t.n), t.is_title) if t.is_alpha[k]]  # title-case words are few
    k = 0
    while k < len(words):
        first = last = words[k]
        while k + 1 < len(words) and words[k + 1] == last + 1:
            k += 1
            last = words[k]
        k += 1
        end = last + 1
        if not (2 <= end - first <= 3 and _in_list_position(t, first, end)):
            continue
        if any(lower[i] in _NEVER for i in range(first, end)):
            continue
        start_char, end_char = t.start_char(first), t.end_char(end)
        text = t.doc_text[start_char:end_char]
        if text.casefold() not in bundled_place_forms() and not any(
            a < end_char and start_char < b for a, b in spans
        ):
            found.append(Slot("p", start_char, end_char, text, name=text))
    return found


def _apposition_then_investing(t: TokenTable, end: int) -> bool:
    """Whether ", a/an/the ... ," or ", who ... ," follows token ``end`` and an investing verb comes
    right after it."""
    lower, n = t.lower, t.n
    if end + 2 >= n or t.text[end] != "," or lower[end + 1] not in {"a", "an", "the", "who"}:
        return False
    for k in range(end + 2, min(n - 1, end + 16)):
        word = t.text[k]
        if word in {".", ";", ":", "(", ")"}:
            return False
        if word == ",":
            nxt = k + 2 if lower[k + 1] == "also" and k + 2 < n else k + 1
            return lower[nxt] in _INVESTING
    return False


def _in_list_position(t: TokenTable, start: int, end: int) -> bool:
    before = t.lower[start - 1] if start > 0 else ""
    subject_place = before in _WHO_INVESTS or start == 0 or bool(t.sent_start[start])
    if end < t.n and t.lower[end] in _INVESTING and subject_place:
        return True  # "Netflix co-founder Reed Hastings invested $50 million in X"
    if subject_place and _apposition_then_investing(t, end):
        return True  # "Jane Smith, a former partner at Sequoia, invested $2 million in X"
    if before == "as":
        if start < 2 or t.lower[start - 2] not in _BEFORE_AS:
            return False
    elif before not in _BEFORE:
        return False
    return end >= t.n or t.lower[end] in _AFTER or "\n" in t.text[end]
