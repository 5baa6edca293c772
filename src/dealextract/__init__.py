"""dealextract: English investment news in, validated and evidence-linked deal records out.

>>> import dealextract
>>> result = dealextract.extract("Acme Robotics raised $5 million.", published="2026-03-02")
>>> result.deals[0].amount.value
Decimal('5000000')
"""

from dealextract.api import (
    add_to,
    extract,
    extract_many,
    json_schema,
    load,
    merge,
    parse_date,
    parse_money,
)
from dealextract.dataframe import to_dataframe
from dealextract.records import (
    Article,
    ArticleResult,
    DateValue,
    Deal,
    Disagreement,
    DisagreementValue,
    Entity,
    ErrorInfo,
    MergedDeal,
    Money,
    Party,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "DateValue",
    "Deal",
    "Disagreement",
    "DisagreementValue",
    "Entity",
    "ErrorInfo",
    "MergedDeal",
    "Money",
    "Party",
    "Span",
    "__version__",
    "add_to",
    "extract",
    "extract_many",
    "json_schema",
    "load",
    "merge",
    "parse_date",
    "parse_money",
    "to_dataframe",
]
