"""Helpers for the batch tests: the benchmark's corpus generator, loaded from benchmarks/ by path."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from gold import load_benchmark

ROOT = Path(__file__).resolve().parents[2]


def load_corpus_module() -> ModuleType:
    return load_benchmark("corpus")


@pytest.fixture(scope="session")
def corpus() -> ModuleType:
    return load_corpus_module()


@pytest.fixture()
def mixed_jsonl(tmp_path: Path, corpus: ModuleType) -> Path:
    """About 150 generated articles (one deal in five): more than two worker batches."""
    path = tmp_path / "mixed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for item in corpus.generate(0.15, seed=3, deal_every=5):
            out.write(json.dumps(item) + "\n")
    return path
