"""--resume after a real crash: a subprocess killed with SIGKILL mid-run, then resumed."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dealextract.batch.runner import complete_lines
from dealextract.cli import main


def test_complete_lines_cuts_a_truncated_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"a": 1}\n{"a": 2}\n{"a": 3')
    assert complete_lines(out) == 2
    assert out.read_bytes() == b'{"a": 1}\n{"a": 2}\n'
    assert complete_lines(tmp_path / "missing.jsonl") == 0


def test_resume_needs_an_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "x"}\n', encoding="utf-8")
    assert main(["extract", str(src), "--resume"]) == 2


@pytest.mark.slow
def test_sigkill_then_resume_writes_every_article_once(mixed_jsonl: Path, tmp_path: Path) -> None:
    out, table = tmp_path / "out.jsonl", tmp_path / "deals.csv"
    reference = tmp_path / "reference.jsonl"
    assert main(["extract", str(mixed_jsonl), "-o", str(reference), "--jobs", "1"]) == 0
    command = [sys.executable, "-m", "dealextract.cli", "extract", str(mixed_jsonl), "-o", str(out),
               "--jobs", "1", "--deals-table", str(table)]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 2000):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = out.read_bytes()
    total = len(reference.read_text("utf-8").splitlines())
    assert 0 < written.count(b"\n") < total, "the run should have been killed part-way"
    # A crash can leave a torn last line; make sure one is there to be cut.
    out.write_bytes(written + b'{"article_id": "torn')
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed after" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    ids = [json.loads(line)["article_id"] for line in out.read_text("utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == total
    deals = sum(len(json.loads(line)["deals"]) for line in reference.read_text("utf-8").splitlines())
    with table.open(encoding="utf-8", newline="") as handle:
        keys = [(row["position"], row["deal_index"]) for row in csv.DictReader(handle)]
    assert len(keys) == len(set(keys)) == deals
