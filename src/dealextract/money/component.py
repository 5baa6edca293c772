"""The spaCy component: ``nlp.add_pipe("dealextract_money")`` sets the money extensions on each Doc.

Like spaCy's own components it splits ``__call__`` into ``find`` (the extraction, on ``doc.text`` so the
offsets are exact characters) and ``set_annotations`` (writing ``doc._.dealextract_money`` and
``doc._.dealextract_money_links``).  It keeps no state and needs no initialisation, so it pickles for
``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import dealextract.mentions  # noqa: F401  (registers the Doc extensions)
from dealextract.mentions import MoneyLinks
from dealextract.money.finder import find_money
from dealextract.records import Money
from dealextract.stateless import Stateless
from dealextract.tokens import table


class MoneyComponent(Stateless):
    """Finds every amount of money in a Doc (see ``dealextract.money.find_money``)."""

    def __init__(self, nlp: Language | None = None, name: str = "dealextract_money") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found, links = self.find(doc)
        self.set_annotations(doc, found, links)
        return doc

    def find(self, doc: Doc) -> tuple[list[Money], dict[int, int]]:
        """The amounts and equivalent links of one Doc, without touching it."""
        # ``doc.text`` joins a new Token per token on every call; the token table joins it once and is
        # shared with the components after this one (see ``dealextract.tokens``).
        return find_money(table(doc).doc_text)

    def set_annotations(self, doc: Doc, found: list[Money], links: dict[int, int]) -> None:
        """Write the results to the Doc extensions the later components read."""
        doc._.dealextract_money = found
        doc._.dealextract_money_links = MoneyLinks(equivalent_of=dict(links))


@Language.factory("dealextract_money")
def make_money_component(nlp: Language, name: str) -> MoneyComponent:
    """The factory behind ``nlp.add_pipe("dealextract_money")`` (also the package's entry point)."""
    return MoneyComponent(nlp, name)
