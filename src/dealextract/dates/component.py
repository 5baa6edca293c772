"""The spaCy component ``dealextract_dates``: reads ``doc._.dealextract_published``, sets
``doc._.dealextract_dates`` (a list of ``DateValue`` in text order)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import dealextract.mentions  # noqa: F401  (registers the Doc extensions)
from dealextract.dates.finder import find_dates
from dealextract.mentions import published_of
from dealextract.stateless import Stateless
from dealextract.tokens import table


class DatesComponent(Stateless):
    """Stateless: the rules live in code and the corpus beside them, so there is nothing to save."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # the text as the token table joined it once for all components (``doc.text`` re-joins it per call)
        doc._.dealextract_dates = find_dates(table(doc).doc_text, published_of(doc))
        return doc


@Language.factory("dealextract_dates")
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    """``nlp.add_pipe("dealextract_dates")``; runs after money, before organisations."""
    return DatesComponent(nlp, name)
