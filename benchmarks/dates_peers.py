"""Score ``dealextract.parse_date`` against the peers' date lines (../shared/peers/dates.jsonl).

The lines scored are the ones the peers' README defines: Duckling's non-holiday lines that name a year
(four digits) or say ago, last, next, yesterday, today, tomorrow, this or previous, less those whose
answer is itself a convention ("this monday", "next tuesday", "next March", "last Monday of March" with
no year, "at this time").  74 lines.  A line passes when value and granularity both match; the
reference is the date part of the peer's datetime, as written.

    python benchmarks/dates_peers.py [--peers DIR] [--speed]

``--speed`` also times ``find_dates`` on the dev articles (../shared/dev/cases), repeated to ~400 KB.
The peer lines are read at run time and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from dealextract.dates import find_dates, parse_date

_KEYWORDS = re.compile(r"\b(?:ago|last|next|yesterday|today|tomorrow|this|previous)\b", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Lines whose expected answer is a peer's convention rather than what the words say.
_CONVENTIONS = re.compile(
    rf"^(?:around\s+)?(?:this|next)\s+{_DAY}$"  # "this monday", "next tuesday"
    rf"|^next\s+{_MONTH}$"  # "next March"
    rf"|^(?:the\s+)?(?:\w+\s+)?last\s+\w+\s+(?:of|in)\s+{_MONTH}$"  # "last Monday of March", no year
    r"|\bat this time\b",
    re.IGNORECASE,
)


def peers_dir(explicit: str | None = None) -> Path:
    """The peers' folder: an explicit path, $DEALEXTRACT_PEERS, or ``shared/peers`` beside the repo."""
    if explicit:
        return Path(explicit)
    if os.environ.get("DEALEXTRACT_PEERS"):
        return Path(os.environ["DEALEXTRACT_PEERS"])
    return Path(__file__).resolve().parents[2] / "shared" / "peers"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def selected(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 74 lines the README defines (Duckling, non-holiday, year or relative keyword, no convention)."""
    out = []
    for row in rows:
        text = row["text"]
        if row.get("source") != "duckling-en" or row.get("holiday"):
            continue
        if not (_YEAR.search(text) or _KEYWORDS.search(text)) or _CONVENTIONS.search(text.strip()):
            continue
        out.append(row)
    return out


def score(rows: list[dict[str, Any]]) -> tuple[float, list[tuple[dict[str, Any], str]]]:
    """Share of lines whose value and grain match, and the failing lines with what we said."""
    failures = []
    for row in rows:
        got = parse_date(row["text"], row["reference"][:10])
        said = "None" if got is None else f"{got.value} {got.granularity}"
        if got is None or str(got.value) != row["value"] or got.granularity != row["grain"]:
            failures.append((row, said))
    return (1 - len(failures) / len(rows)) if rows else 0.0, failures


def speed(dev: Path, target_bytes: int = 400_000) -> tuple[int, int, float]:
    """(words, bytes, seconds) of find_dates over the dev articles, repeated to ``target_bytes``."""
    texts = [json.loads(p.read_text("utf-8"))["text"] for p in sorted(dev.glob("*.json"))]
    corpus: list[str] = []
    size = 0
    while size < target_bytes and texts:
        for t in texts:
            corpus.append(t)
            size += len(t.encode("utf-8"))
    find_dates("warm up: March 3, 2024 and 10/31/1974", None)  # import dateparser outside the timing
    t0 = time.perf_counter()
    for t in corpus:
        find_dates(t, None)
    seconds = time.perf_counter() - t0
    return sum(len(t.split()) for t in corpus), size, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--peers", help="folder holding dates.jsonl")
    parser.add_argument("--speed", action="store_true", help="also time find_dates on the dev articles")
    args = parser.parse_args(argv)
    folder = peers_dir(args.peers)
    path = folder / "dates.jsonl"
    if not path.exists():
        print(f"no peers file at {path}", file=sys.stderr)
        return 2
    rows = selected(load(path))
    value, failures = score(rows)
    print(f"parse_date on {len(rows)} peer lines: {value:.3f} ({len(rows) - len(failures)}/{len(rows)})")
    for row, said in failures:
        print(
            f"  FAIL {row['id']} {row['text']!r} ref {row['reference'][:10]}: "
            f"expected {row['value']} {row['grain']}, got {said}"
        )
    if args.speed:
        words, size, seconds = speed(folder.parent / "dev" / "cases")
        print(
            f"find_dates: {words} words, {size / 1000:.0f} KB in {seconds:.2f} s = "
            f"{words / seconds:,.0f} words/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
