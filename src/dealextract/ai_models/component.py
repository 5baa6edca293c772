"""The ``dealextract_models`` component: AI model mentions (label MODEL) into ``doc._.dealextract_models``.

Known families come from ``ai_models/data/models.jsonl`` (and the user's ``extra_files``), versions and
unseen names from the rules in ``patterns.py``.  Each model is tied to its maker when the text says so
("Alibaba's Qwen", "Vidu, developed by ShengShu", "ShengShu, the startup behind Vidu"), else to the
gazetteer's maker.  Organisations found earlier (``doc._.dealextract_orgs``) are never models.

Config::

    nlp.add_pipe("dealextract_models", config={"extra_files": ["my_models.jsonl"], "use_rules": True})
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dealextract.ai_models.patterns import (
    LAUNCH_VERBS,
    ModelSpan,
    find_known,
    find_unseen,
    version_at,
)
from dealextract.gazetteer import (
    Gazetteer,
    GazetteerComponent,
    GazetteerSpec,
    require_files,
)
from dealextract.mentions import ModelMention, OrgMention, register_extensions
from dealextract.orgs.component import blocked_tokens
from dealextract.tokens import TokenTable, table

MODEL_FILE = "ai_models/data/models.jsonl"
MODEL_KINDS = frozenset({"model"})
_MADE_BY = frozenset(
    ["developed", "built", "made", "created", "released", "launched", "trained", "designed", "unveiled"]
)


class ModelsComponent(GazetteerComponent):
    """Finds AI model mentions and links them to makers."""

    SPECS = (GazetteerSpec("models", MODEL_FILE, MODEL_KINDS, "model"),)

    def __init__(
        self,
        nlp: Language,
        name: str = "dealextract_models",
        extra_files: Iterable[str | Path] = (),
        use_rules: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.use_rules = use_rules
        self.extra_files = [str(p) for p in extra_files]
        self._load_gazetteers(nlp, {"models": self.extra_files})

    @property
    def gazetteer(self) -> Gazetteer:
        """The known models (bundled and the user's)."""
        return self.gazetteers["models"]

    def __call__(self, doc: Doc) -> Doc:
        require_files(self.missing_files)
        t = table(doc)
        org_at = _org_tokens(doc, t)  # read once for both steps
        self._write(doc, t, self._find(doc, t, org_at), org_at)
        return doc

    def match(self, doc: Doc, t: TokenTable | None = None) -> list[ModelSpan]:
        t = table(doc) if t is None else t
        return self._find(doc, t, _org_tokens(doc, t))

    def set_annotations(self, doc: Doc, found: list[ModelSpan], t: TokenTable | None = None) -> None:
        t = table(doc) if t is None else t
        self._write(doc, t, found, _org_tokens(doc, t))

    def _find(self, doc: Doc, t: TokenTable, org_at: dict[int, OrgMention]) -> list[ModelSpan]:
        """Known and (if ``use_rules``) unseen model names, in text order."""
        known = find_known(doc, self.gazetteer, t)
        if not self.use_rules:
            return known
        blocked = blocked_tokens(doc, t)
        blocked.update(org_at)
        unseen = find_unseen(doc, known, blocked, t)
        return sorted(known + unseen, key=lambda m: m.start)

    def _write(self, doc: Doc, t: TokenTable, found: list[ModelSpan], org_at: dict[int, OrgMention]) -> None:
        """``doc._.dealextract_models`` from the model spans, each tied to its maker."""
        out: list[ModelMention] = []
        for m in found:
            start_char, end_char, text = t.start_char(m.start), t.end_char(m.end), t.span_text(m.start, m.end)
            maker = _maker_from_text(doc, t, m, org_at) or m.maker
            name = m.name
            family = m.family
            # "DeepSeek's V3 model": a bare version after its maker's possessive takes the maker's name
            if family is None and m.end - m.start == 1 and version_at(t, m.start) and m.start >= 2:
                owner = org_at.get(m.start - 2)
                if owner is not None and t.lower[m.start - 1] in {"'s", "’s"}:
                    name = f"{owner.text} {text}"
                    family = owner.text
            out.append(ModelMention(start_char, end_char, text, name, family, maker))
        doc._.dealextract_models = out


def _org_tokens(doc: Doc, t: TokenTable) -> dict[int, OrgMention]:
    """The organisation (``doc._.dealextract_orgs``) each token belongs to; the later one where two
    overlap."""
    org_at: dict[int, OrgMention] = {}
    for org in doc._.dealextract_orgs or []:
        bounds = t.char_span_expand(org.start, org.end)
        if bounds is not None:
            org_at.update(dict.fromkeys(range(*bounds), org))
    return org_at


def _maker_from_text(doc: Doc, t: TokenTable, m: ModelSpan, tok_org: dict[int, OrgMention]) -> str | None:
    """The organisation the sentence ties the model to, if it does."""
    text, lower, sent_start = t.text, t.lower, t.sent_start
    # "Alibaba's Qwen" (an unknown owner keeps its written name: "Brevix's Nimbus")
    if m.start >= 2 and lower[m.start - 1] in {"'s", "’s", "'"}:
        org = tok_org.get(m.start - 2)
        if org is not None:
            return org.name
        k = m.start - 1
        while k > 0 and m.start - 1 - k < 4 and text[k - 1][:1].isupper() and not sent_start[k - 1]:
            k -= 1
        if k > 0 and text[k - 1][:1].isupper() and sent_start[k - 1]:
            k -= 1
        if k < m.start - 1 and lower[k] not in {"the", "its", "it"}:
            return t.span_text(k, m.start - 1)
    # "Alibaba open-sourced Qwen2.5", "ShengShu has released Vidu"
    k = m.start - 1
    if k >= 0 and lower[k] == "its":
        k -= 1
    if k >= 0 and lower[k] in LAUNCH_VERBS:
        k -= 1
        while k >= 0 and lower[k] in {"open", "-", "has", "have", "had", "recently", "also", "just"}:
            k -= 1
        org = tok_org.get(k) if k >= 0 else None
        if org is not None:
            return org.name
    sent = doc[m.start].sent
    # "Vidu, developed by ShengShu" / "Vidu by ShengShu"
    for i in range(m.end, min(sent.end, m.end + 6)):
        if lower[i] == "by" and (i == m.end or lower[i - 1] in _MADE_BY):
            org = tok_org.get(i + 1) if i + 1 < sent.end else None
            if org is not None:
                return org.name
    # "ShengShu, the startup behind Vidu" / "ShengShu, which makes Vidu"
    for i in range(m.start - 1, max(sent.start, m.start - 8) - 1, -1):
        if lower[i] in {"behind", "makes", "developed", "created", "built", "owns"}:
            for j in range(i - 1, max(sent.start, i - 8) - 1, -1):
                org = tok_org.get(j)
                if org is not None:
                    return org.name
            break
    # "its Vidu model" right after the org as subject of the sentence
    if m.start >= 1 and lower[m.start - 1] == "its":
        for j in range(m.start - 2, sent.start - 1, -1):
            org = tok_org.get(j)
            if org is not None:
                return org.name
    return None


@Language.factory("dealextract_models", default_config={"extra_files": [], "use_rules": True})
def make_models_component(
    nlp: Language, name: str, extra_files: list[str], use_rules: bool
) -> ModelsComponent:
    """spaCy factory: ``nlp.add_pipe("dealextract_models", config={"extra_files": [...]})``."""
    return ModelsComponent(nlp, name, extra_files, use_rules)
