"""The spaCy component ``dealextract_dates``: reads ``doc._.dealextract_published``, sets
``doc._.dealextract_dates`` (a list of ``DateValue`` in text order)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import dealextract.mentions  # noqa: F401  (registers the Doc extensions)
from dealextract.dates.finder import find_dates
from dealextract.mentions import published_of


class DatesComponent:
    """Stateless: the rules live in code and the corpus beside them, so there is nothing to save."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dealextract_dates = find_dates(doc.text, published_of(doc))
        return doc


@Language.factory("dealextract_dates")
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    """``nlp.add_pipe("dealextract_dates")``; runs after money, before organisations."""
    return DatesComponent(nlp, name)
