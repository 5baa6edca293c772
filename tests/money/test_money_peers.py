"""Score find_money on the peers' money expectations (../shared/peers); skipped when they are absent.

The peers' lines are read at test time, never copied into the project.  See benchmarks/money_peers.py.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _peers() -> Path | None:
    env = os.environ.get("DEALEXTRACT_PEERS")
    candidate = Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "peers"
    return candidate if (candidate / "money.jsonl").is_file() else None


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("money_peers", REPO / "benchmarks" / "money_peers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(_peers() is None, reason="../shared/peers is not present")
def test_find_money_scores_at_least_095_on_the_peers_core_lines() -> None:
    folder = _peers()
    assert folder is not None
    found_score, _, failures = _benchmark().score(folder)
    shown = "\n".join(f"{row['text']!r}: {row['found']}" for row in failures[:30])
    assert found_score >= 0.95, f"score {found_score:.3f}; failing lines:\n{shown}"
