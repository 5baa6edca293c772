"""parse_date against the peers' date lines (../shared/peers), skipped when they are absent."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from gold import load_benchmark, peers_dir


def _peers() -> Path:
    return peers_dir()


def _bench() -> ModuleType:
    return load_benchmark("dates_peers")


@pytest.mark.skipif(not (_peers() / "dates.jsonl").exists(), reason="peers' data not available")
def test_peers_dates_score() -> None:
    bench = _bench()
    rows = bench.selected(bench.load(_peers() / "dates.jsonl"))
    assert len(rows) == 74
    value, failures = bench.score(rows)
    assert value >= 0.95, [(row["text"], said) for row, said in failures]
