"""The flat deals table (``--deals-table``): one row per deal, as CSV or Parquet, written as results stream.

JSONL keeps every detail of a record; a table is what an analyst loads into a spreadsheet, DuckDB or
pandas.  Amounts are exact decimal strings (never floats, as everywhere in dealextract): cast them with
``CAST(amount AS DECIMAL(38, 2))`` or ``pandas.to_numeric`` when a number is wanted.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from dealextract import flatten
from dealextract.records import ArticleResult

Row = dict[str, Any]

# Column name, and whether it is an integer (Parquet type); every other column is a string.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("position", "int"),  # 0-based input position of the article (stable across --resume)
    ("article_id", "str"),
    ("published", "str"),
    ("deal_index", "int"),  # 0-based rank of the deal in its article
    ("kind", "str"),
    ("status", "str"),
    ("target", "str"),
    ("amount", "str"),
    ("currency", "str"),
    ("amount_min", "str"),
    ("amount_max", "str"),
    ("amount_text", "str"),
    ("amount_usd", "str"),
    ("amount_usd_source", "str"),
    ("round", "str"),
    ("date", "str"),
    ("valuation", "str"),
    ("valuation_currency", "str"),
    ("leads", "str"),  # names joined by "; "
    ("co_leads", "str"),
    ("participants", "str"),
    ("acquirers", "str"),
    ("models", "str"),
    ("confidence", "str"),
    ("flags", "str"),
    ("evidence_start", "int"),
    ("evidence", "str"),  # the first sentence that states the deal (the source)
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def _cell(value: Any, kind: str) -> Any:
    """A typed value of ``dealextract.flatten`` as the table stores it: exact strings, never floats."""
    if value is None or kind == "int":
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def deal_rows(result: ArticleResult, position: int) -> list[Row]:
    """The table rows of one article's deals."""
    return [
        {name: _cell(row.get(name), kind) for name, kind in COLUMNS}
        for row in flatten.deal_rows(result, position)
    ]


class TableWriter(Protocol):
    """Where deal rows go as they are produced."""

    def write(self, rows: Iterable[Row]) -> None: ...

    def close(self) -> None: ...


class CsvTable:
    """A CSV deals table with a header row."""

    def __init__(self, path: Path) -> None:
        self._handle: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._handle, fieldnames=COLUMN_NAMES)
        self._writer.writeheader()

    def write(self, rows: Iterable[Row]) -> None:
        self._writer.writerows(rows)

    def close(self) -> None:
        self._handle.close()


class ParquetTable:
    """A Parquet deals table, written in row groups so memory holds one group at most."""

    def __init__(self, path: Path, group_rows: int = 4096) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._schema = pa.schema(
            [(name, pa.int64() if kind == "int" else pa.string()) for name, kind in COLUMNS]
        )
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._buffer: list[Row] = []
        self._group_rows = group_rows

    def write(self, rows: Iterable[Row]) -> None:
        self._buffer.extend(rows)
        if len(self._buffer) >= self._group_rows:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._writer.write_table(self._pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def open_table(path: str | Path) -> TableWriter:
    """A table writer chosen by suffix: ``.csv`` or ``.parquet``/``.pq``."""
    from dealextract.batch.readers import UsageError

    p = Path(path)
    name = p.name.lower()
    if name.endswith(".csv"):
        return CsvTable(p)
    if name.endswith((".parquet", ".pq")):
        try:
            import pyarrow  # noqa: F401
        except ImportError as err:  # pragma: no cover - depends on the installed extras
            raise UsageError(
                "a Parquet deals table needs pyarrow: pip install 'dealextract[parquet]'"
            ) from err
        return ParquetTable(p)
    raise UsageError(f"--deals-table {path}: give a .csv or .parquet file name")
