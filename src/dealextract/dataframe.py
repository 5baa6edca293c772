"""pandas hand-off: ``to_dataframe(results)`` gives one row per deal, or one row per entity.

Why typed columns rather than ``pd.DataFrame(r.model_dump() ...)``: an analyst should be able to sort by
amount, filter by date and group by round without casting first, and without any amount going through a
float.  So:

* amounts (``amount``, ``amount_min``, ``amount_max``, ``amount_usd``, ``valuation``, and ``value`` for
  entities) are exact decimals: ``decimal128(38, 6)[pyarrow]`` when pyarrow is installed (it comes with
  the ``pandas`` extra), otherwise ``object`` columns of ``Decimal``.  Six decimal places hold any amount
  news states (values with more are rounded half-even to six).
* dates (``published``, ``date``) are ``datetime64``; a relative date with no publication date is ``NaT``.
* closed vocabularies (``kind``, ``status``, ``round``, ``currency``, ``label`` ...) are ``category``;
  free text is the ``string`` dtype; offsets and counts are ``Int64`` (nullable); flags are ``boolean``.
* lists of names (``leads``, ``participants``, ``models``, ``flags``) are joined with ``"; "``, as in the
  ``--deals-table`` file the batch runner writes, so the two tables read the same.

pandas is an optional extra: ``pip install 'dealextract[pandas]'``.  Importing this module does not
import pandas; calling ``to_dataframe`` without it raises ``ImportError`` saying what to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Literal, cast

from dealextract.flatten import deal_rows
from dealextract.records import ArticleResult, DateValue, Money

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["deals", "entities"]

#: Decimal places kept in amount columns.
DECIMAL_SCALE = 6
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)

# Column name -> dtype family; the order is the column order of the frame.
DEAL_COLUMNS: dict[str, str] = {
    "position": "int",  # 0-based position of the article in ``results``
    "article_id": "string",
    "published": "date",
    "deal_index": "int",  # 0-based rank of the deal in its article
    "kind": "category",
    "status": "category",
    "target": "string",
    "amount": "decimal",
    "currency": "category",
    "amount_min": "decimal",
    "amount_max": "decimal",
    "amount_approximate": "bool",
    "amount_text": "string",
    "amount_usd": "decimal",
    "amount_usd_source": "category",
    "valuation": "decimal",
    "valuation_currency": "category",
    "round": "category",
    "date": "date",
    "date_granularity": "category",
    "leads": "string",
    "co_leads": "string",
    "participants": "string",
    "acquirers": "string",
    "n_investors": "int",
    "models": "string",
    "confidence": "float",
    "flags": "string",
    "evidence_start": "int",
    "evidence_end": "int",
    "evidence": "string",
}

ENTITY_COLUMNS: dict[str, str] = {
    "position": "int",
    "article_id": "string",
    "label": "category",
    "text": "string",
    "start": "int",
    "end": "int",
    "normalized": "string",  # canonical name (ORG, MODEL), the money or date as text otherwise
    "value": "decimal",  # MONEY
    "currency": "category",  # MONEY
    "approximate": "bool",  # MONEY
    "date": "date",  # DATE
    "granularity": "category",  # DATE
    "relative": "bool",  # DATE
}


def to_dataframe(
    results: ArticleResult | Iterable[ArticleResult | Mapping[str, Any]],
    kind: Kind = "deals",
) -> pd.DataFrame:
    """One row per deal (``kind="deals"``) or per entity (``kind="entities"``) of ``results``.

    ``results`` is one ``ArticleResult``, or an iterable of them (or of their JSON dicts, e.g. lines of a
    ``dealextract extract`` output file read with ``json.loads``).  An empty input gives an empty frame
    with every column and dtype, so code that filters or concatenates frames never special-cases it.

    >>> import dealextract
    >>> r = dealextract.extract("Acme Robotics raised $5 million in a Series A round led by Foo Ventures.",
    ...                         published="2026-03-02", article_id="a1")
    >>> df = dealextract.to_dataframe([r])
    >>> df.loc[0, ["article_id", "target", "round", "leads"]].tolist()
    ['a1', 'Acme Robotics', 'Series A', 'Foo Ventures']
    >>> df.loc[0, "amount"], str(df["amount"].dtype)
    (Decimal('5000000.000000'), 'decimal128(38, 6)[pyarrow]')
    >>> dealextract.to_dataframe(r, kind="entities")[["label", "text"]].values.tolist()
    [['ORG', 'Acme Robotics'], ['MONEY', '$5 million'], ['ORG', 'Foo Ventures']]
    """
    pandas = _pandas()

    items = [results] if isinstance(results, ArticleResult) else list(results)
    parsed = [r if isinstance(r, ArticleResult) else ArticleResult.model_validate(r) for r in items]
    if kind == "deals":
        columns, rows = DEAL_COLUMNS, [row for i, r in enumerate(parsed) for row in deal_rows(r, i)]
    elif kind == "entities":
        columns, rows = ENTITY_COLUMNS, [row for i, r in enumerate(parsed) for row in _entity_rows(r, i)]
    else:
        raise ValueError(f"kind must be 'deals' or 'entities', not {kind!r}")
    data = {name: _series([row[name] for row in rows], family) for name, family in columns.items()}
    return cast("pd.DataFrame", pandas.DataFrame(data, columns=list(columns)))


def _pandas() -> Any:
    """pandas, imported on first use (it is an optional extra); typed loosely on purpose: the columns
    are built from plain Python lists with explicit dtypes, which pandas-stubs' overloads cannot follow."""
    try:
        return importlib.import_module("pandas")
    except ImportError as err:  # pragma: no cover - depends on the installed extras
        raise ImportError("to_dataframe needs pandas: pip install 'dealextract[pandas]'") from err


def _series(values: list[Any], family: str) -> Any:
    """One column (a ``pandas.Series``) with the dtype its family calls for (see the module docstring)."""
    pandas = _pandas()
    if family == "decimal":
        return _decimal_series(values)
    if family == "date":
        return pandas.Series(pandas.to_datetime(pandas.Series(values, dtype=object)))
    return pandas.Series(values, dtype=_DTYPES[family])


# The pandas dtype of every family but decimals and dates.
_DTYPES: dict[str, str] = {
    "int": "Int64",
    "float": "float64",
    "bool": "boolean",
    "string": "string",
    "category": "category",
}


def _decimal_series(values: list[Any]) -> Any:
    """Exact decimals: Arrow's decimal128 when pyarrow is there, else Python ``Decimal`` objects."""
    pandas = _pandas()
    exact = [None if v is None else Decimal(v).quantize(_QUANTUM, rounding=ROUND_HALF_EVEN) for v in values]
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow comes with the pandas extra
        return pandas.Series(exact, dtype=object)
    return pandas.Series(pandas.array(exact, dtype=pandas.ArrowDtype(pa.decimal128(38, DECIMAL_SCALE))))


def _joined(names: Iterable[str]) -> str | None:
    out = "; ".join(names)
    return out or None


def _entity_rows(result: ArticleResult, position: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for ent in result.entities:
        norm = ent.normalized
        money = norm if isinstance(norm, Money) else None
        date = norm if isinstance(norm, DateValue) else None
        rows.append(
            {
                "position": position,
                "article_id": result.article_id,
                "label": ent.label,
                "text": ent.text,
                "start": ent.start,
                "end": ent.end,
                "normalized": norm if isinstance(norm, str) else _describe(norm),
                "value": None if money is None else money.value,
                "currency": None if money is None else money.currency,
                "approximate": None if money is None else money.approximate,
                "date": None if date is None else date.value,
                "granularity": None if date is None else date.granularity,
                "relative": None if date is None else date.relative,
            }
        )
    return rows


def _describe(value: Money | DateValue) -> str | None:
    """A short text for a normalised amount or date ("5000000 USD", "2026-03-01/month")."""
    if isinstance(value, Money):
        if value.value is not None:
            amount = str(value.value)
        else:
            amount = (
                f"{value.min if value.min is not None else ''}..{value.max if value.max is not None else ''}"
            )
        return f"{amount} {value.currency}" if value.currency else amount
    if value.value is None:
        return None
    return f"{value.value.isoformat()}/{value.granularity}"


__all__ = ["DEAL_COLUMNS", "ENTITY_COLUMNS", "to_dataframe"]
