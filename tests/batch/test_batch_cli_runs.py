"""The extract command at dump scale: workers keep order, deals-only, deals tables, progress."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dealextract.batch.runner import Progress, batches, ordered
from dealextract.batch.writers import RunCounts
from dealextract.cli import main
from dealextract.records import Article


def lines_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_jobs_2_equals_jobs_1_in_order(mixed_jsonl: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(mixed_jsonl), "-o", str(one), "--jobs", "1", "--no-progress"]) == 0
    assert main(["extract", str(mixed_jsonl), "-o", str(two), "--jobs", "2", "--no-progress"]) == 0
    assert one.read_bytes() == two.read_bytes()
    ids = [line["article_id"] for line in lines_of(one)]
    source = [json.loads(line)["id"] for line in mixed_jsonl.read_text("utf-8").splitlines()]
    assert ids == source and len(ids) > 128


def test_deals_only_keeps_deals_drops_entities(mixed_jsonl: Path, tmp_path: Path) -> None:
    full, fast = tmp_path / "full.jsonl", tmp_path / "fast.jsonl"
    assert main(["extract", str(mixed_jsonl), "-o", str(full), "--jobs", "1"]) == 0
    assert main(["extract", str(mixed_jsonl), "-o", str(fast), "--jobs", "2", "--deals-only"]) == 0
    a, b = lines_of(full), lines_of(fast)
    assert [x["deals"] for x in a] == [x["deals"] for x in b]
    assert all(x["entities"] == [] for x in b)
    assert any(x["deals"] for x in b)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_deals_table(mixed_jsonl: Path, tmp_path: Path, suffix: str) -> None:
    out, table = tmp_path / "out.jsonl", tmp_path / f"deals{suffix}"
    assert (
        main(["extract", str(mixed_jsonl), "-o", str(out), "--deals-table", str(table), "--jobs", "1"]) == 0
    )
    results = lines_of(out)
    if suffix == ".csv":
        with table.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        import pyarrow.parquet as pq

        rows = [
            {k: ("" if v is None else str(v)) for k, v in r.items()} for r in pq.read_table(table).to_pylist()
        ]
    deals = [(i, d) for i, r in enumerate(results) for d in r["deals"]]  # type: ignore[attr-defined]
    assert len(rows) == len(deals) > 0
    for row, (position, deal) in zip(rows, deals, strict=True):
        assert int(row["position"]) == position
        assert row["target"] == deal["target"]["name"]
        assert row["kind"] == deal["kind"]
        amount = deal["amount"]["value"] if deal["amount"] else None
        assert (row["amount"] or None) == amount
        usd = deal["amount_usd"]
        assert (row["amount_usd"] or None) == usd
        leads = [p["name"] for p in deal["investors"] if p["role"] == "lead"]
        assert (row["leads"] or "") == "; ".join(leads)
        assert row["evidence"] == deal["evidence"][0]["text"]


def test_bad_table_suffix_is_a_usage_error(mixed_jsonl: Path, tmp_path: Path) -> None:
    assert main(["extract", str(mixed_jsonl), "--deals-table", str(tmp_path / "deals.xlsx")]) == 2


def test_progress_forced_goes_to_stderr_only(
    mixed_jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(mixed_jsonl), "-o", str(out), "--jobs", "1", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "articles/s" in err and "\r" in err
    assert "articles/s" not in out.read_text("utf-8")


def test_progress_off_when_stderr_is_not_a_terminal(
    mixed_jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(mixed_jsonl), "-o", str(tmp_path / "o.jsonl"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "articles/s" not in err


def test_progress_line_counts() -> None:
    stream = io.StringIO()
    progress = Progress(True, stream, interval=0)
    progress.update(RunCounts(articles=10, deals=3, with_errors=1))
    progress.close(RunCounts(articles=12, deals=3, with_errors=1))
    text = stream.getvalue()
    assert "12 articles" in text and "3 deals" in text and "1 errors" in text and text.endswith("\n")


def test_ordered_bounds_inflight_and_keeps_order() -> None:
    submitted: list[int] = []
    taken: list[int] = []

    class Done:
        def __init__(self, value: int) -> None:
            self.value = value

        def result(self) -> int:
            taken.append(self.value)
            return self.value

    def submit(batch: list[tuple[int, object]]) -> Done:
        submitted.append(batch[0][0])
        assert len(submitted) - len(taken) <= 3, "more batches in flight than the bound"
        return Done(batch[0][0])

    items = [Article(text=f"article {i}") for i in range(50)]
    work = batches(items, max_articles=5)  # type: ignore[arg-type]
    assert list(ordered(submit, work, 3)) == list(range(0, 50, 5))


def test_batches_close_on_characters() -> None:
    items = [Article(text="x" * 600) for _ in range(5)]
    sizes = [len(b) for b in batches(items, max_articles=100, max_chars=1000)]  # type: ignore[arg-type]
    assert sizes == [2, 2, 1]
