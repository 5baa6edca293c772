"""Source files hold no control characters: a "\\b" meant for a regex but written in a plain string
becomes a backspace, and the pattern silently stops matching."""

from __future__ import annotations

from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_SOURCES = sorted((_ROOT / "src").rglob("*.py")) + sorted((_ROOT / "tests").rglob("*.py"))


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: str(p.relative_to(_ROOT)))
def test_no_control_characters(path: Path) -> None:
    text = path.read_text("utf-8")
    bad = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if any(ord(c) < 32 and c != "\t" for c in line)
    ]
    assert not bad, f"control character on line {bad[0][0]}: {bad[0][1]!r}"
