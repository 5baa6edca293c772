"""What deal assembly works on: a draft deal, its investors, and what it knows of the whole article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from dealextract.deals.skeleton import Skeleton, Slot
from dealextract.mentions import ModelMention
from dealextract.names import names_match
from dealextract.records import DateValue, DealKind, Money, Role

_ROLE_RANK: dict[str, int] = {"lead": 3, "co_lead": 3, "acquirer": 3, "participant": 1}


@dataclass(slots=True)
class Investor:
    """An investor slot with its role; ``explicit`` when a word said the role (led, participated)."""

    slot: Slot
    role: Role
    explicit: bool


@dataclass(slots=True)
class Draft:
    """A deal being assembled from one or more sentences."""

    kind: DealKind
    target: Slot
    target_how: str
    investors: list[Investor] = field(default_factory=list)
    amount: Money | None = None
    round: str | None = None
    date: DateValue | None = None
    valuation: Money | None = None
    sentences: list[Skeleton] = field(default_factory=list)
    has_verb: bool = True
    listed: bool = False  # named in a list of deals ("other recipients included X") with no terms
    earlier: bool = False  # "its previous round, a Series B led by X": a past round, not the news
    parts: list[Money] = field(default_factory=list)  # amounts told as part of ``amount`` (one investor's)
    date_from_publication: bool = False
    anchor: int = 0  # where in its sentence the draft's own words end (for attaching later lists)
    # (sentence start, the words of the clause that states the deal): its status is read from them, not
    # from the whole sentence ("X closed a round, and Y is in talks to raise": X's deal is completed)
    clause: tuple[int, str] | None = None
    last_sentence: int = 0
    sentence_starts: set[int] = field(default_factory=set)  # of ``sentences``, for a constant-time test

    def add_investors(self, found: Iterable[Investor]) -> None:
        for inv in found:
            if names_match(inv.slot.name, self.target.name):
                continue
            existing = next((i for i in self.investors if names_match(i.slot.name, inv.slot.name)), None)
            if existing is None:
                self.investors.append(inv)
            elif (
                (inv.explicit and not existing.explicit)
                or (inv.explicit == existing.explicit and _ROLE_RANK[inv.role] > _ROLE_RANK[existing.role])
                # "led by A, B" in a headline, "co-led by A and B" in the body: the co-lead is the finer word
                or (inv.explicit and existing.role == "lead" and inv.role == "co_lead")
            ):
                existing.role, existing.explicit = inv.role, inv.explicit

    def add_sentence(self, sk: Skeleton, index: int) -> None:
        if sk.start not in self.sentence_starts:
            self.sentence_starts.add(sk.start)
            self.sentences.append(sk)
        self.last_sentence = max(self.last_sentence, index)


@dataclass(slots=True)
class Article:
    """What assembly needs to know about the whole article."""

    text: str
    links: dict[int, int]
    money: list[Money]
    models: list[ModelMention]
    published: dt.date | None = None
    # each organisation's canonical name -> the name it goes by in this article (``names.display_names``)
    shown: dict[str, str] = field(default_factory=dict)
    # primary amount's start -> its stated equivalents; built once, since merging asks for every draft
    equivalents: dict[int, list[Money]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.money:
            if m.start is not None and m.start in self.links:
                self.equivalents.setdefault(self.links[m.start], []).append(m)

    def equivalents_of(self, money: Money) -> list[Money]:
        """The amounts the text gives as the same sum in another currency ("(about $293 million)")."""
        return [] if money.start is None else self.equivalents.get(money.start, [])

    def is_equivalent(self, money: Money) -> bool:
        """Whether ``money`` is another amount's stated equivalent."""
        return money.start in self.links
