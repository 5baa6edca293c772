"""The batch runner: workers, input order, bounded memory, resume and progress.

The flow of one run::

    readers (main process) ──► batches ──► workers: pipeline (+ prefilter) ──► JSON lines ──► writer

* Workers are processes, each building the pipeline once (``_pipeline``), fed batches of articles.  The
  same ``process_batch`` runs in-process for ``--jobs 1``, in a ``ProcessPoolExecutor`` for more, and on
  a Dask cluster (``dealextract.dask``), so every path gives byte-identical lines.
* Order: batches are submitted in input order and their results taken back in the same order.
* Memory: at most ``max_inflight`` batches exist at once, each bounded in articles and in characters, so
  peak memory does not grow with the dump (``concurrent.futures.Executor.map`` and ``Pool.imap`` would
  read the whole input ahead).
* Workers return finished JSON lines and table rows, so the main process only reads and writes.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from spacy.language import Language

from dealextract.articles import ArticleError, check_text
from dealextract.batch.readers import InputItem
from dealextract.batch.tables import Row, TableWriter, deal_rows
from dealextract.batch.writers import RunCounts
from dealextract.records import Article, ArticleResult

T = TypeVar("T")

BATCH_ARTICLES = 64
BATCH_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to know (picklable: it travels to every worker process)."""

    deals_only: bool = False
    table: bool = False
    org_files: tuple[str, ...] = ()
    model_files: tuple[str, ...] = ()
    org_names: str = "as_written"  # how records name organisations (``dealextract.load``)


@dataclass(frozen=True, slots=True)
class Processed:
    """One article's output: its JSON line (no newline), counts, and deals table rows if asked."""

    line: str
    deals: int
    error: bool
    rows: list[Row] = field(default_factory=list)


_PIPELINES: dict[tuple[tuple[str, ...], tuple[str, ...], str], Language] = {}


def _pipeline(settings: Settings) -> Language:
    """The pipeline of this process, built on first use and kept: a worker loads it once."""
    key = (settings.org_files, settings.model_files, settings.org_names)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        from dealextract.api import load

        nlp = load(
            org_files=settings.org_files, model_files=settings.model_files, org_names=settings.org_names
        )
        _PIPELINES[key] = nlp
    return nlp


def init_worker(settings: Settings) -> None:
    """Process-pool initializer: build the pipeline before the first batch arrives."""
    _pipeline(settings)


def _skippable(item: InputItem, nlp: Language) -> bool:
    """A readable article the prefilter proves has no deal (errors still go through the pipeline path)."""
    from dealextract.batch.prefilter import is_candidate

    if not isinstance(item, Article):
        return False
    try:
        check_text(item.text, nlp.max_length)
    except ArticleError:
        return False
    return not is_candidate(item.text)


def extract_items(items: list[InputItem], nlp: Language, deals_only: bool) -> list[ArticleResult]:
    """One result per item, in order.  ``deals_only`` skips the articles the prefilter rules out and
    leaves ``entities`` empty, so the output holds deals and errors only."""
    from dealextract.api import extract_many

    if not deals_only:
        return list(extract_many(items, batch_size=max(1, len(items)), nlp=nlp))
    skipped = [_skippable(item, nlp) for item in items]
    todo = [item for item, s in zip(items, skipped, strict=True) if not s]
    done = iter(extract_many(todo, batch_size=max(1, len(todo)), nlp=nlp, entities=False))
    results: list[ArticleResult] = []
    for item, s in zip(items, skipped, strict=True):
        if s:
            assert isinstance(item, Article)
            results.append(ArticleResult(article_id=item.id, published=item.published))
        else:
            results.append(next(done))
    return results


def process_batch(batch: list[tuple[int, InputItem]], settings: Settings) -> list[Processed]:
    """What a worker does with one batch of (input position, item)."""
    nlp = _pipeline(settings)
    results = extract_items([item for _, item in batch], nlp, settings.deals_only)
    out: list[Processed] = []
    for (position, _), result in zip(batch, results, strict=True):
        rows = deal_rows(result, position) if settings.table and result.deals else []
        out.append(Processed(result.model_dump_json(), len(result.deals), bool(result.errors), rows))
    return out


def batches(
    items: Iterable[InputItem],
    start: int = 0,
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
) -> Iterator[list[tuple[int, InputItem]]]:
    """(position, item) batches, closed at ``max_articles`` articles or ``max_chars`` characters."""
    batch: list[tuple[int, InputItem]] = []
    chars = 0
    for position, item in enumerate(items, start=start):
        batch.append((position, item))
        chars += len(item.text) if isinstance(item, Article) else 0
        if len(batch) >= max_articles or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def ordered(submit: Callable[[list[tuple[int, InputItem]]], Any], work: Iterable[list[tuple[int, InputItem]]],
            max_inflight: int) -> Iterator[Any]:  # fmt: skip
    """Results of ``submit(batch)`` for each batch, in submission order, with at most ``max_inflight``
    batches submitted and not yet taken back (the bound on memory)."""
    pending: deque[Any] = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= max_inflight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def process_all(
    items: Iterable[InputItem], settings: Settings, jobs: int = 1, start: int = 0
) -> Iterator[Processed]:
    """Every item processed, in input order, by ``jobs`` worker processes (in-process for 1)."""
    work = batches(items, start)
    head = list(itertools.islice(work, 2))
    if jobs <= 1 or len(head) < 2:
        # One batch or less: starting workers would cost more than the whole input.
        for batch in itertools.chain(head, work):
            yield from process_batch(batch, settings)
        return
    work = itertools.chain(head, work)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "fork" where there is one (Linux): workers start in milliseconds and need no importable __main__;
    # the parent has not built a pipeline, so each worker builds its own once, in ``init_worker``.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker, initargs=(settings,)) as pool:
        for results in ordered(lambda b: pool.submit(process_batch, b, settings), work, 2 * jobs + 1):
            yield from results


# --- progress --------------------------------------------------------------------------------------


class Progress:
    """A one-line progress display on standard error: articles, articles/s, deals, errors.

    Shown only when ``enabled`` (the CLI enables it when standard error is a terminal, or when forced):
    redrawn in place with a carriage return at most every ``interval`` seconds, so logs and pipes stay
    clean when it is off.
    """

    def __init__(self, enabled: bool, stream: IO[str] | None = None, interval: float = 0.25) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.perf_counter()
        self._last = 0.0
        self._width = 0

    def update(self, counts: RunCounts, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        elapsed = max(now - self.started, 1e-9)
        text = (
            f"dealextract: {counts.articles:,} articles | {counts.articles / elapsed:,.1f} articles/s | "
            f"{counts.deals:,} deals | {counts.with_errors:,} errors"
        )
        self.stream.write("\r" + text.ljust(self._width))
        self._width = len(text)
        self.stream.flush()

    def close(self, counts: RunCounts) -> None:
        if self.enabled:
            self.update(counts, force=True)
            self.stream.write("\n")
            self.stream.flush()


# --- resume ----------------------------------------------------------------------------------------


def complete_lines(path: Path) -> int:
    """Complete lines of a previous run's output, after cutting off a truncated last line in place.

    A run killed mid-write leaves at most one partial line (lines are written whole and flushed in
    order); it is removed so the resumed run writes that article again, once.
    """
    if not path.exists():
        return 0
    count = 0
    keep = 0
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            offset += len(raw)
            if raw.endswith(b"\n"):
                count += 1
                keep = offset
    if keep != offset:
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return count


def rebuild_table(output: Path, lines: int, table: TableWriter) -> None:
    """Write the deals table rows of the first ``lines`` results already in ``output`` (for --resume)."""
    with output.open("rb") as handle:
        for position, raw in enumerate(handle):
            if position >= lines:
                break
            result = ArticleResult.model_validate_json(raw)
            if result.deals:
                table.write(deal_rows(result, position))


# --- the run ---------------------------------------------------------------------------------------


def run(
    items: Iterable[InputItem],
    out: IO[str],
    settings: Settings,
    *,
    jobs: int = 1,
    start: int = 0,
    table: TableWriter | None = None,
    progress: Progress | None = None,
    processor: Callable[[Iterable[InputItem], Settings, int], Iterator[Processed]] | None = None,
    flush_every: int = 64,
) -> RunCounts:
    """Process ``items`` (already past the first ``start`` positions) and write one line each to ``out``.

    ``processor`` replaces the local worker pool (the Dask path passes its own).
    """
    counts = RunCounts()
    progress = progress or Progress(False)
    stream = processor(items, settings, start) if processor else process_all(items, settings, jobs, start)
    for done in stream:
        out.write(done.line)
        out.write("\n")
        counts.articles += 1
        counts.deals += done.deals
        counts.with_errors += done.error
        if table is not None and done.rows:
            table.write(done.rows)
        if counts.articles % flush_every == 0:
            out.flush()
        progress.update(counts)
    out.flush()
    progress.close(counts)
    return counts


def skip(items: Iterable[T], n: int) -> Iterator[T]:
    """``items`` without its first ``n`` (the articles a resumed run has already written)."""
    return itertools.islice(items, n, None)
