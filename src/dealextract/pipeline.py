"""Builds the spaCy ``Language`` behind ``extract()``: which components, in which order, with which config.

The order is the data flow: each stage reads what earlier stages left on the Doc.

    sentences -> money -> dates -> organisations -> AI models -> references -> deals

Every component is a registered spaCy factory (also declared under the ``spacy_factories`` entry point),
so a user can add any of them to a pipeline of their own with ``nlp.add_pipe("dealextract_...")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

# Importing the modules registers the factories with spaCy.
from dealextract import (
    mentions,  # noqa: F401  (registers Doc extensions)
    sentences,  # noqa: F401
)

COMPONENTS: tuple[str, ...] = (
    "dealextract_sentences",
    "dealextract_money",
    "dealextract_dates",
    "dealextract_orgs",
    "dealextract_models",
    "dealextract_references",
    "dealextract_deals",
)

# The largest article (in characters) the pipeline accepts in one piece.
DEFAULT_MAX_CHARS = 2_000_000


def register_factories() -> None:
    """Import every component module so its ``@Language.factory`` has run."""
    import dealextract.ai_models.component
    import dealextract.dates.component
    import dealextract.deals.component
    import dealextract.money.component
    import dealextract.orgs.component
    import dealextract.orgs.references  # noqa: F401


def component_configs(
    org_files: Sequence[str | Path] = (),
    model_files: Sequence[str | Path] = (),
    org_names: str = "as_written",
) -> dict[str, dict[str, Any]]:
    """Config for the components that take user data files or settings."""
    configs: dict[str, dict[str, Any]] = {}
    if org_files:
        configs["dealextract_orgs"] = {"extra_files": [str(p) for p in org_files]}
    if org_names != "as_written":
        configs.setdefault("dealextract_orgs", {})["record_names"] = org_names
    if model_files:
        configs["dealextract_models"] = {"extra_files": [str(p) for p in model_files]}
    return configs


def add_components(
    nlp: Language,
    *,
    exclude: Iterable[str] = (),
    configs: dict[str, dict[str, Any]] | None = None,
    own_sentences: bool = True,
) -> Language:
    """Append our components to ``nlp`` in pipeline order, skipping any it already has.

    ``own_sentences=False`` keeps the user's own sentence boundaries (a parser or senter); our splitter is
    only added when the pipeline has nothing that sets them.
    """
    register_factories()
    skip = set(exclude)
    configs = configs or {}
    has_sents = any(
        name in ("parser", "senter", "sentencizer") or name.endswith("_sentences") for name in nlp.pipe_names
    )
    for name in COMPONENTS:
        if name in skip or name in nlp.pipe_names:
            continue
        if name == "dealextract_sentences" and (not own_sentences or has_sents):
            continue
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def build(
    *,
    org_files: Sequence[str | Path] = (),
    model_files: Sequence[str | Path] = (),
    exclude: Iterable[str] = (),
    max_chars: int = DEFAULT_MAX_CHARS,
    org_names: str = "as_written",
) -> Language:
    """A new pipeline on ``spacy.blank("en")`` with all our components."""
    from dealextract.tokenizer import guard

    nlp = guard(spacy.blank("en"))  # linear tokenization of hostile runs ("$$$$...", 100,000 "?")
    nlp.max_length = max_chars
    return add_components(nlp, exclude=exclude, configs=component_configs(org_files, model_files, org_names))
