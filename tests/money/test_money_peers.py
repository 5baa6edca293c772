"""Score find_money on the peers' money expectations (../shared/peers); skipped when they are absent.

The peers' lines are read at test time, never copied into the project.  See benchmarks/money_peers.py.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from gold import load_benchmark, peers_dir


def _peers() -> Path | None:
    candidate = peers_dir()
    return candidate if (candidate / "money.jsonl").is_file() else None


def _benchmark() -> ModuleType:
    return load_benchmark("money_peers")


@pytest.mark.skipif(_peers() is None, reason="../shared/peers is not present")
def test_find_money_scores_at_least_095_on_the_peers_core_lines() -> None:
    folder = _peers()
    assert folder is not None
    found_score, _, failures = _benchmark().score(folder)
    shown = "\n".join(f"{row['text']!r}: {row['found']}" for row in failures[:30])
    assert found_score >= 0.95, f"score {found_score:.3f}; failing lines:\n{shown}"
