"""Reading the project's gold fixtures, for tests that run over all of them."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "articles"


def fixture_cases() -> list[dict[str, Any]]:
    """Every gold fixture article (the bundled ones written for this project)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(FIXTURES.glob("*.json"))]


def peers_dir() -> Path:
    """The peers' expectations (``../shared/peers`` beside the repository, or ``$DEALEXTRACT_PEERS``)."""
    env = os.environ.get("DEALEXTRACT_PEERS")
    return Path(env) if env else ROOT.parent / "shared" / "peers"


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` loaded as a module (they are scripts, not part of the package)."""
    spec = importlib.util.spec_from_file_location(
        f"dealextract_benchmark_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def package_corpus(relative: str) -> list[dict[str, Any]]:
    """A JSONL corpus that ships inside the package (``"orgs/data/corpus.jsonl"``), one case per line."""
    from importlib import resources

    text = resources.files("dealextract").joinpath(relative).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def blank_pipeline(*components: str) -> Language:
    """``spacy.blank("en")`` with spaCy's sentencizer and the named components: for testing a component
    on its own, away from the full pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in components:
        nlp.add_pipe(name)
    return nlp
