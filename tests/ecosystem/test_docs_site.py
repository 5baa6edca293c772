"""The docs: the record reference is generated from the models and up to date, and the site builds."""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def test_records_reference_is_up_to_date() -> None:
    generator = runpy.run_path(str(DOCS / "gen_records.py"))
    expected = generator["render"]()
    committed = (DOCS / "records.md").read_text(encoding="utf-8")
    assert committed == expected, "docs/records.md is stale: run python docs/gen_records.py"


def test_every_record_is_documented() -> None:
    import dealextract

    text = (DOCS / "records.md").read_text(encoding="utf-8")
    for name in dealextract.__all__:
        obj = getattr(dealextract, name)
        if isinstance(obj, type) and obj.__module__ == "dealextract.records":
            assert f"## {name}\n" in text, f"{name} is missing from docs/records.md"


def test_site_builds(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    if shutil.which("mkdocs") is None and not (Path(sys.executable).parent / "mkdocs").exists():
        pytest.skip("mkdocs is not installed")
    missing = [p for p in ("batch.md", "benchmarks.md") if not (DOCS / p).exists()]
    if missing:
        pytest.skip(f"pages written by the batch work are not there yet: {missing}")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "limits" / "index.html").exists()
