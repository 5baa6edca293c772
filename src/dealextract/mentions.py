"""What the pipeline's components leave on a Doc for the components after them.

Each component reads what earlier ones left and adds its own; records (Pydantic) are built once, at the
end.  Money and dates are stored as their public records (``Money``, ``DateValue``) because those already
carry offsets; organisations, AI models and references are light dataclasses, turned into ``Entity``
records by ``dealextract.api``.

All extension attributes are registered here, in one place, so a reader can see the whole hand-off.
Values must be picklable (``nlp.pipe(n_process=2)`` sends Docs between processes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class OrgMention:
    """An organisation named in the text.

    ``name`` is the canonical name (from the gazetteer, or the fullest form seen in the article);
    ``kind`` is the gazetteer's type (investor, company, ai_lab, bank, university, agency, media,
    exchange) or None; ``source`` says how it was found (``gazetteer``, a rule name, ``alias``);
    ``location`` keeps the place of "Beijing-based X".
    """

    start: int
    end: int
    text: str
    name: str
    kind: str | None = None
    source: str = "rule"
    location: str | None = None
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class ModelMention:
    """An AI model named in the text: ``name`` is the canonical full name ("Vidu Q3 Pro"),
    ``family`` the family ("Vidu"), ``maker`` the organisation the text or gazetteer ties it to."""

    start: int
    end: int
    text: str
    name: str
    family: str | None = None
    maker: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """A phrase that refers back to an organisation ("the startup", "the company", "it")."""

    start: int
    end: int
    text: str
    name: str


@dataclass(slots=True)
class MoneyLinks:
    """Which amounts the text gives as equivalents of another ("2 billion yuan (about $293 million)").

    ``equivalent_of`` maps the start offset of the equivalent to the start offset of the primary amount.
    """

    equivalent_of: dict[int, int] = field(default_factory=dict)


EXTENSIONS: dict[str, object] = {
    # set by the caller (extract / extract_many) before the pipeline runs
    "dealextract_published": None,  # datetime.date | None
    "dealextract_article_id": None,  # str | None
    # set by the components, in pipeline order
    "dealextract_sentence_spans": None,  # list[tuple[int, int]]: character spans of the sentences
    "dealextract_money": None,  # list[Money]
    "dealextract_money_links": None,  # MoneyLinks
    "dealextract_dates": None,  # list[DateValue]
    "dealextract_orgs": None,  # list[OrgMention]
    "dealextract_org_names": None,  # dict[str, str]: canonical name -> the name records carry
    "dealextract_models": None,  # list[ModelMention]
    "dealextract_references": None,  # list[Reference]
    "deals": None,  # list[Deal]
}


def _entities_getter(doc: Doc) -> list[object]:
    from dealextract.api import doc_entities  # late: api imports the components

    return list(doc_entities(doc))


def register_extensions() -> None:
    """Register our Doc extensions once; safe to call many times."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("dealextract_entities"):
        Doc.set_extension("dealextract_entities", getter=_entities_getter)


def published_of(doc: Doc) -> dt.date | None:
    """The article's publication date, the reference for relative dates."""
    value = doc._.dealextract_published
    return value if isinstance(value, dt.date) else None


register_extensions()
