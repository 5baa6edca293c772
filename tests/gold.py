"""Reading the project's gold fixtures, for tests that run over all of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "articles"


def fixture_cases() -> list[dict[str, Any]]:
    """Every gold fixture article (the bundled ones written for this project)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
