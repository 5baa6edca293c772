"""Dask: a LocalCluster with two worker processes gives the single-process results, in order, and a
worker killed mid-run loses nothing."""

from __future__ import annotations

import io
import json
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

pytest.importorskip("distributed")

from distributed import Client, LocalCluster

from dealextract.api import extract_many
from dealextract.batch.readers import read_inputs
from dealextract.batch.runner import Settings, run
from dealextract.dask import cluster_processor, extract_bag, extract_dataframe
from dealextract.records import ArticleResult


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.slow
def test_bag_and_dataframe_equal_single_process(client: Client, mixed_jsonl: Path, nlp: Language) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    records = _records(mixed_jsonl)[:60]
    expected = [r.model_dump_json() for r in extract_many(records, nlp=nlp)]
    bag = extract_bag(db.from_sequence(records, npartitions=6))
    got = [r.model_dump_json() for r in bag.compute()]
    assert got == expected
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=4)
    out = extract_dataframe(frame).compute()
    assert list(out["result"]) == expected
    assert list(out["article_id"]) == [r["id"] for r in records]


@pytest.mark.slow
def test_cluster_run_survives_a_killed_worker(client: Client, mixed_jsonl: Path, nlp: Language) -> None:
    expected = [r.model_dump_json() for r in extract_many(read_inputs([str(mixed_jsonl)]), nlp=nlp)]
    pids = list(client.run(os.getpid).values())
    killed = threading.Event()
    out = io.StringIO()

    class KillAfterFirst(io.StringIO):
        def write(self, s: str) -> int:
            if not killed.is_set() and s.endswith("}"):
                killed.set()
                os.kill(pids[0], signal.SIGKILL)
            return out.write(s)

    processor = cluster_processor(client, max_inflight=4, batch_articles=8)
    counts = run(read_inputs([str(mixed_jsonl)]), KillAfterFirst(), Settings(), processor=processor)
    assert killed.is_set()
    lines = out.getvalue().splitlines()
    assert lines == expected
    assert counts.articles == len(expected)
    assert all(ArticleResult.model_validate_json(line) for line in lines[:3])


@pytest.mark.slow
def test_cli_scheduler_option(client: Client, mixed_jsonl: Path, tmp_path: Path) -> None:
    from dealextract.cli import main

    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    assert main(["extract", str(mixed_jsonl), "-o", str(local), "--jobs", "1", "--deals-only"]) == 0
    address = client.scheduler.address
    assert main(["extract", str(mixed_jsonl), "-o", str(remote), "--scheduler", address, "--deals-only"]) == 0
    assert local.read_bytes() == remote.read_bytes()
