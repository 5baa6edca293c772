"""Writers: one JSON line per ``ArticleResult``, flushed as it goes so a killed run leaves a valid prefix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from dealextract.records import ArticleResult


@dataclass(slots=True)
class RunCounts:
    """What a batch run did, for the summary on standard error and the exit status."""

    articles: int = 0
    deals: int = 0
    with_errors: int = 0


def write_jsonl(results: Iterable[ArticleResult], out: IO[str], flush_every: int = 64) -> RunCounts:
    """Write each result as one line; count articles, deals and articles with errors."""
    counts = RunCounts()
    for result in results:
        out.write(result.model_dump_json())
        out.write("\n")
        counts.articles += 1
        counts.deals += len(result.deals)
        counts.with_errors += bool(result.errors)
        if counts.articles % flush_every == 0:
            out.flush()
    out.flush()
    return counts
