"""Score ``find_money`` and ``parse_money`` on the peers' own money expectations (../shared/peers).

Core lines only (English number formats, no peer_xfail): a line passes when one of the amounts
``find_money`` finds matches every field the peer commits to (value, min, max, and currency when the peer
names one; a peer's ``null`` currency, as for Duckling's "$", is not held against any reading).
The peers' lines are read at run time and never copied into the project.

    python benchmarks/money_peers.py [--show-failures] [--peers DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealextract.money import find_money, parse_money
from dealextract.records import Money

OUTSIDE_CORE = {"non_english_number_format", "peer_xfail"}


def peers_dir(explicit: str | None = None) -> Path | None:
    """Where ../shared/peers is: an explicit path, $DEALEXTRACT_PEERS, or the repo's sibling folder."""
    for candidate in (explicit, os.environ.get("DEALEXTRACT_PEERS")):
        if candidate:
            return Path(candidate) if Path(candidate).is_dir() else None
    sibling = Path(__file__).resolve().parents[2] / "shared" / "peers"
    return sibling if sibling.is_dir() else None


def core_lines(folder: Path) -> Iterator[dict[str, Any]]:
    with (folder / "money.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if not OUTSIDE_CORE & set(row.get("tags") or []):
                yield row


def _same(expected: Any, got: Decimal | None) -> bool:
    return got is not None and Decimal(str(expected)) == got


def matches(row: dict[str, Any], m: Money) -> bool:
    """Whether ``m`` gives every field the peer commits to."""
    for field in ("value", "min", "max"):
        if row.get(field) is not None and not _same(row[field], getattr(m, field)):
            return False
    return row.get("currency") is None or row["currency"] == m.currency


def score(folder: Path) -> tuple[float, float, list[dict[str, Any]]]:
    """(find_money score, parse_money score, failing rows of find_money)."""
    rows = list(core_lines(folder))
    failures = []
    parsed_ok = 0
    for row in rows:
        found, _ = find_money(row["text"])
        if not any(matches(row, m) for m in found):
            failures.append({**row, "found": [m.model_dump(mode="json", exclude_none=True) for m in found]})
        single = parse_money(row["text"])
        if single is not None and matches(row, single):
            parsed_ok += 1
    n = len(rows) or 1
    return (n - len(failures)) / n, parsed_ok / n, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--peers", help="folder holding money.jsonl (default: ../shared/peers)")
    parser.add_argument("--show-failures", action="store_true", help="print every failing line")
    args = parser.parse_args(argv)
    folder = peers_dir(args.peers)
    if folder is None:
        print("peers folder not found (set DEALEXTRACT_PEERS or pass --peers)", file=sys.stderr)
        return 2
    found_score, parse_score, failures = score(folder)
    if args.show_failures:
        for row in failures:
            expected = {k: row.get(k) for k in ("value", "currency", "min", "max") if row.get(k) is not None}
            print(json.dumps({"text": row["text"], "expected": expected, "found": row["found"]},
                             ensure_ascii=False))  # fmt: skip
    total = len(list(core_lines(folder)))
    print(f"find_money:  {found_score:.3f} on {total} core lines ({len(failures)} failing)")
    print(f"parse_money: {parse_score:.3f} (whole-string reading; lines with surrounding words fail here)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
