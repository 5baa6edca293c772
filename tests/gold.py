"""Reading the project's gold fixtures, for tests that run over all of them."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

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
