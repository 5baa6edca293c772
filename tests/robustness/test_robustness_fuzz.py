"""The CI-bounded fuzz run: ``benchmarks/fuzz.py``'s checks on hostile text for a fixed time.

Why here as well as in the benchmark: a fuzzer that only runs by hand finds nothing after the next
change.  This runs the hypothesis engine (deterministic seed, no example database) over ``parse_money``,
``parse_date`` and ``extract`` for ``DEALEXTRACT_FUZZ_SECONDS`` (default 30) seconds, and, with
``DEALEXTRACT_FUZZ_ATHERIS=1`` and atheris installed, the coverage-guided atheris engine briefly.  Longer runs:
``python benchmarks/fuzz.py --seconds 600``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("DEALEXTRACT_FUZZ_SECONDS", "30"))


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dealextract_fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_hypothesis_fuzz_for_a_bounded_time_finds_nothing() -> None:
    fuzz = _fuzz_module()
    assert fuzz.run_hypothesis(list(fuzz.TARGETS), seconds=SECONDS, slow=10.0, seed=1) == 0


def test_fuzz_check_rejects_a_broken_target(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness is not vacuous: a target that raises makes the run fail."""
    import dealextract

    fuzz = _fuzz_module()

    def broken(text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dealextract, "parse_money", broken)
    with pytest.raises(Exception, match="boom"):
        fuzz.run_hypothesis(["parse_money"], seconds=5, slow=10.0)


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
@pytest.mark.skipif(
    os.environ.get("DEALEXTRACT_FUZZ_ATHERIS") != "1",
    reason="set DEALEXTRACT_FUZZ_ATHERIS=1: instrumenting the imports alone takes ~40 s",
)
def test_atheris_fuzz_for_a_few_seconds(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--engine", "atheris", "--seconds", "8",
         str(tmp_path)],
        capture_output=True, text=True, timeout=180, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done" in proc.stderr
