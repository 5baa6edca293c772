"""parse_date against the peers' date lines (../shared/peers), skipped when they are absent."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

_REPO = Path(__file__).resolve().parents[2]


def _peers() -> Path:
    env = os.environ.get("DEALEXTRACT_PEERS")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "peers"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dates_peers", _REPO / "benchmarks" / "dates_peers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (_peers() / "dates.jsonl").exists(), reason="peers' data not available")
def test_peers_dates_score() -> None:
    bench = _bench()
    rows = bench.selected(bench.load(_peers() / "dates.jsonl"))
    assert len(rows) == 74
    value, failures = bench.score(rows)
    assert value >= 0.95, [(row["text"], said) for row, said in failures]
