"""The ``dealextract_deals`` spaCy component: the last stage, turning entities into ``Deal`` records.

It reads what the earlier components left on the Doc (amounts and their equivalents, dates,
organisations, references, AI models), builds one skeleton per sentence and runs deal assembly
(``assemble.py``).  Components that are missing from the pipeline simply contribute nothing.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dealextract.deals.assemble import assemble
from dealextract.deals.drafts import Article
from dealextract.deals.finish import to_deal
from dealextract.deals.persons import person_slots
from dealextract.deals.skeleton import Skeleton, Slot, build_skeleton
from dealextract.mentions import ModelMention, MoneyLinks, published_of, register_extensions
from dealextract.names import names_match
from dealextract.records import Deal
from dealextract.stateless import Stateless
from dealextract.tokens import table


def doc_slots(doc: Doc) -> list[Slot]:
    """Every mention on the Doc as a skeleton slot (organisations, references, amounts, dates, models),
    and the people who stand where a list of backers can name them (``persons.py``)."""
    ext = doc._  # one Underscore object: each ``doc._`` access builds a new one
    slots: list[Slot] = []
    for org in ext.dealextract_orgs or ():
        slots.append(Slot("o", org.start, org.end, org.text, name=org.name, org_kind=org.kind))
    org_spans = [(s.start, s.end) for s in slots]
    for ref in ext.dealextract_references or ():
        if not any(a < ref.end and ref.start < b for a, b in org_spans):
            slots.append(Slot("o", ref.start, ref.end, ref.text, name=ref.name, is_reference=True))
    for money in ext.dealextract_money or ():
        if money.start is not None and money.end is not None:
            slots.append(Slot("m", money.start, money.end, money.text or "", money=money))
    for date in ext.dealextract_dates or ():
        if date.start is not None and date.end is not None:
            slots.append(Slot("d", date.start, date.end, date.text or "", date=date))
    for model in ext.dealextract_models or ():
        slots.append(Slot("x", model.start, model.end, model.text, name=model.name))
    slots.extend(person_slots(table(doc), slots))
    slots.sort(key=lambda s: s.start)
    return slots


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences: from our splitter when it ran, else from ``doc.sents``."""
    spans = doc._.dealextract_sentence_spans
    if spans is not None:
        return list(spans)
    text = table(doc).doc_text
    out = []
    for sent in doc.sents:
        piece = text[sent.start_char : sent.end_char]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((sent.start_char + lead, sent.start_char + lead + len(piece.strip())))
    return out


def doc_skeletons(doc: Doc, text: str | None = None) -> list[Skeleton]:
    """One skeleton per sentence, slots distributed by position (``text`` is ``doc.text``, if known)."""
    slots = doc_slots(doc)
    text = table(doc).doc_text if text is None else text
    skeletons: list[Skeleton] = []
    cursor = 0
    for start, end in sentence_spans(doc):
        if not text[start:end].strip():
            continue
        while cursor < len(slots) and slots[cursor].start < start:
            cursor += 1
        inside: list[Slot] = []
        j = cursor
        while j < len(slots) and slots[j].start < end:
            if slots[j].end <= end:
                inside.append(slots[j])
            j += 1
        skeletons.append(build_skeleton(text, start, end, inside))
    return skeletons


class DealsComponent(Stateless):
    """Assembles the deals of an article; ``doc._.deals`` holds them in text order of first evidence."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.deals = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Deal]:
        ext = doc._
        links = ext.dealextract_money_links
        text = table(doc).doc_text  # ``Doc.text`` rebuilds the string from every token on each call
        article = Article(
            text=text,
            links=dict(links.equivalent_of) if isinstance(links, MoneyLinks) else {},
            money=list(ext.dealextract_money or ()),
            models=list(ext.dealextract_models or ()),
            published=published_of(doc),
            shown=dict(ext.dealextract_org_names or {}),
        )
        article_id = ext.dealextract_article_id
        deals = []
        for draft in assemble(doc_skeletons(doc, text), article):
            deal = to_deal(draft, article, article_id)
            if deal is not None:
                deals.append(deal)
        deals.sort(key=lambda d: d.evidence[0].start if d.evidence else 0)
        _own_models(text, article.models, deals)
        return deals


# "to train its Galaxy-1 model": a model the text gives to the company it is about, by a pronoun.
_OWN_MODEL = re.compile(r"\b(?:its|their)\s(?:[\w\-]+\s){0,2}$")


def _own_models(text: str, models: list[ModelMention], deals: list[Deal]) -> None:
    """A model with no known maker that the text calls "its" belongs to the target of the deal told
    last before it (the company the article is about at that point), in each of that company's deals."""
    for m in models:
        if m.maker is not None or not _OWN_MODEL.search(text, max(0, m.start - 40), m.start):
            continue
        before = [d for d in deals if d.evidence and d.evidence[0].start <= m.start]
        if not before:
            continue
        owner = before[-1].target.name
        for deal in deals:
            if names_match(deal.target.name, owner) and m.name not in deal.models:
                deal.models.append(m.name)


@Language.factory("dealextract_deals")
def make_deals_component(nlp: Language, name: str) -> DealsComponent:
    """spaCy factory: ``nlp.add_pipe("dealextract_deals")`` (after the entity components)."""
    register_extensions()
    return DealsComponent()
