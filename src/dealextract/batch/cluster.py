"""Running the extractor on Dask: over a bag or dataframe of articles, or on a cluster from the CLI.

Each Dask worker process builds the pipeline once (``runner._pipeline`` caches it per process) and runs
the same ``runner.process_batch``/``extract_items`` as local workers, so results equal the single-process
ones.  Partitions keep their order, so a bag or dataframe comes back in input order.  When a worker dies,
the scheduler runs its tasks again on another worker: tasks are pure functions of their batch, so
nothing is lost and nothing is counted twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from dealextract.articles import ArticleError, UnreadableArticle, coerce_article
from dealextract.batch.readers import Fields, InputItem, record_to_item
from dealextract.batch.runner import (
    BATCH_ARTICLES,
    Processed,
    Settings,
    _pipeline,
    batches,
    extract_items,
    ordered,
    process_batch,
)
from dealextract.records import ArticleResult


def _as_item(obj: object) -> InputItem:
    """A bag element (str, dict or Article) as a reader item, keeping a bad one as an error."""
    try:
        return coerce_article(obj)
    except ArticleError as err:
        return UnreadableArticle(err.info)


def _extract_partition(part: Iterable[object], settings: Settings) -> list[ArticleResult]:
    items = [_as_item(obj) for obj in part]
    return extract_items(items, _pipeline(settings), settings.deals_only)


def extract_bag(
    bag: Any,
    *,
    deals_only: bool = False,
    org_files: Iterable[str] = (),
    model_files: Iterable[str] = (),
    org_names: str = "as_written",
) -> Any:
    """A ``dask.bag.Bag`` of ``ArticleResult``, one per article of ``bag`` (str, dict or ``Article``),
    in the bag's order.

    >>> import dask.bag as db                                              # doctest: +SKIP
    >>> results = extract_bag(db.from_sequence(texts, npartitions=8))      # doctest: +SKIP
    >>> results.map(lambda r: len(r.deals)).sum().compute()                # doctest: +SKIP
    """
    settings = Settings(
        deals_only=deals_only, org_files=tuple(org_files), model_files=tuple(model_files), org_names=org_names
    )
    return bag.map_partitions(_extract_partition, settings)


_RESULT_COLUMNS = {"article_id": "object", "deals": "int64", "errors": "int64", "result": "object"}


def _extract_frame(frame: Any, fields: Fields, settings: Settings) -> Any:
    import pandas as pd

    records = frame.to_dict(orient="records")
    items = [record_to_item(_clean(r), i + 1, None, fields, where="row") for i, r in enumerate(records)]
    results = extract_items(items, _pipeline(settings), settings.deals_only)
    return pd.DataFrame(
        {
            "article_id": [r.article_id for r in results],
            "deals": [len(r.deals) for r in results],
            "errors": [len(r.errors) for r in results],
            "result": [r.model_dump_json() for r in results],
        },
        index=frame.index,
    ).astype(_RESULT_COLUMNS)


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """pandas writes a missing value as NaN/NaT/None; an article reads a missing field as absent."""
    import pandas as pd

    return {k: v for k, v in record.items() if not (v is None or (not isinstance(v, str) and pd.isna(v)))}


def extract_dataframe(
    df: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    published_field: str = "published",
    deals_only: bool = False,
    org_files: Iterable[str] = (),
    model_files: Iterable[str] = (),
    org_names: str = "as_written",
) -> Any:
    """A ``dask.dataframe.DataFrame`` with one row per article of ``df`` and the same index:
    ``article_id``, ``deals`` (count), ``errors`` (count) and ``result`` (the ``ArticleResult`` as JSON).

    ``ArticleResult.model_validate_json(row.result)`` gives the record back.
    """
    import pandas as pd

    fields = Fields(text=text_field, id=id_field, published=published_field)
    settings = Settings(
        deals_only=deals_only, org_files=tuple(org_files), model_files=tuple(model_files), org_names=org_names
    )
    meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in _RESULT_COLUMNS.items()})
    return df.map_partitions(_extract_frame, fields, settings, meta=meta)


def results_of(frame_results: Iterable[str]) -> Iterator[ArticleResult]:
    """``ArticleResult`` records from the ``result`` column of ``extract_dataframe``."""
    for line in frame_results:
        yield ArticleResult.model_validate(json.loads(line))


def cluster_processor(
    address: str | Any, max_inflight: int | None = None, batch_articles: int = BATCH_ARTICLES
) -> Any:
    """A ``runner.run`` processor that sends batches to the Dask cluster at ``address`` (or a Client).

    At most ``max_inflight`` batches (default: two per worker thread, plus two) are on the cluster at
    once, so the client's memory stays bounded as with local workers.
    """

    def process(items: Iterable[InputItem], settings: Settings, start: int) -> Iterator[Processed]:
        from distributed import Client

        client = address if isinstance(address, Client) else Client(address)  # type: ignore[no-untyped-call]
        try:
            threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
            bound = max_inflight or 2 * threads + 2
            work = batches(items, start, max_articles=batch_articles)

            def submit(batch: list[tuple[int, InputItem]]) -> Any:
                return client.submit(process_batch, batch, settings, pure=False)

            for results in ordered(submit, work, bound):
                yield from results
        finally:
            if client is not address:
                client.close()  # type: ignore[no-untyped-call]

    return process
