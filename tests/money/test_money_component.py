"""The spaCy component: registered factory, both Doc extensions, picklable Docs."""

from __future__ import annotations

import pickle

import spacy

import dealextract.money.component  # noqa: F401  (registers the factory)
from dealextract.mentions import MoneyLinks


def test_component_sets_both_extensions() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dealextract_money")
    doc = nlp("The startup raised 2 billion yuan (roughly $293 million) from state funds.")
    money = doc._.dealextract_money
    assert [m.text for m in money] == ["2 billion yuan", "$293 million"]
    links = doc._.dealextract_money_links
    assert isinstance(links, MoneyLinks)
    assert links.equivalent_of == {money[1].start: money[0].start}
    assert pickle.loads(pickle.dumps(doc))._.dealextract_money == money


def test_component_on_a_doc_without_money() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dealextract_money")
    doc = nlp("The app has 600 million users.")
    assert doc._.dealextract_money == []
    assert doc._.dealextract_money_links.equivalent_of == {}
