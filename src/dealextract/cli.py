"""The ``dealextract`` command line: parses arguments and calls the library, nothing more.

Exit status: 0 when every article went well, 1 when some articles had errors (their count goes to
standard error), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from dealextract.articles import ArticleError, parse_published
from dealextract.names import RECORD_NAMES


def _output(path: str | None, append: bool = False) -> contextlib.AbstractContextManager[IO[str]]:
    if path is None or path == "-":
        return contextlib.nullcontext(sys.stdout)
    return open(path, "a" if append else "w", encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    from concurrent.futures.process import BrokenProcessPool

    from dealextract.batch.readers import Fields, UsageError, read_inputs
    from dealextract.batch.runner import (
        Progress,
        Settings,
        complete_lines,
        default_jobs,
        rebuild_table,
        run,
        skip,
    )
    from dealextract.batch.tables import TableWriter, open_table

    try:
        published = parse_published(args.published)
    except ArticleError as err:
        raise UsageError(f"--published: {err.info.message}") from err
    if args.resume and (args.output is None or args.output == "-"):
        raise UsageError("--resume needs an output file (-o FILE) to continue from")
    fields = Fields(text=args.text_field, id=args.id_field, published=args.published_field)
    items = read_inputs(args.inputs, published, fields)
    # Fail on a missing path or column before starting workers or writing anything.
    first = next(items, None)
    stream = itertools.chain([] if first is None else [first], items)
    done = complete_lines(Path(args.output)) if args.resume else 0
    settings = Settings(
        deals_only=args.deals_only,
        table=args.deals_table is not None,
        org_files=tuple(args.orgs or ()),
        model_files=tuple(args.models or ()),
        org_names=args.org_names,
    )
    show = sys.stderr.isatty() if args.progress is None else args.progress
    processor = None
    if args.scheduler:
        from dealextract.batch.cluster import cluster_processor

        processor = cluster_processor(args.scheduler)
    table: TableWriter | None = open_table(args.deals_table) if args.deals_table else None
    try:
        if table is not None and done:
            rebuild_table(Path(args.output), done, table)
        with _output(args.output, append=args.resume) as out:
            counts = run(
                skip(stream, done),
                out,
                settings,
                jobs=args.jobs or default_jobs(),
                start=done,
                table=table,
                progress=Progress(show),
                processor=processor,
            )
    except BrokenProcessPool:
        print(
            "dealextract: error: a worker process died (out of memory?); the output holds every article "
            "before it: rerun the same command with --resume to continue",
            file=sys.stderr,
        )
        return 1
    finally:
        if table is not None:
            table.close()
    resumed = f" (resumed after {done})" if done else ""
    print(
        f"dealextract: {counts.articles} articles{resumed}, {counts.deals} deals, "
        f"{counts.with_errors} with errors",
        file=sys.stderr,
    )
    return 1 if counts.with_errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from dealextract.api import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from dealextract.api import merge
    from dealextract.batch.readers import UsageError
    from dealextract.records import ArticleResult

    path = Path(args.results)
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    results = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    results.append(ArticleResult.model_validate_json(line))
                except ValueError as err:
                    raise UsageError(
                        f"{path}: line {number} is not an ArticleResult ({err.__class__.__name__}); "
                        "give the output of 'dealextract extract'"
                    ) from err
    with _output(args.output) as out:
        for deal in merge(results):
            out.write(deal.model_dump_json())
            out.write("\n")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from dealextract.bench import format_report, run_bench

    report = run_bench(args.folder, repeat=args.repeat)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """``dealextract render``: extract the inputs and write the review page (see ``dealextract.render``)."""
    from dealextract.api import load
    from dealextract.batch.readers import UsageError, read_inputs
    from dealextract.render import render_page, review

    try:
        published = parse_published(args.published)
    except ArticleError as err:
        raise UsageError(f"--published: {err.info.message}") from err
    items = read_inputs(args.inputs, published)
    if args.limit is not None:
        items = itertools.islice(items, args.limit)
    nlp = None
    if args.orgs or args.models:
        nlp = load(org_files=args.orgs or (), model_files=args.models or ())
    reviewed = review(items, nlp=nlp)
    page = render_page(reviewed, title=args.title)
    with _output(args.output) as out:
        out.write(page)
    n_deals = sum(len(r.result.deals) for r in reviewed)
    n_errors = sum(1 for r in reviewed if r.result.errors)
    where = "" if args.output in (None, "-") else f" -> {args.output}"
    print(
        f"dealextract: {len(reviewed)} articles, {n_deals} deals, {n_errors} with errors{where}",
        file=sys.stderr,
    )
    return 1 if n_errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealextract",
        description="Turn English investment news into validated, evidence-linked deal records.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract records from articles (JSONL out, one line per article)")
    ext.add_argument(
        "inputs", nargs="*", help=".jsonl(.gz), .txt, .csv, .parquet, .warc(.gz), folders, or - for stdin"
    )
    ext.add_argument("-o", "--output", help="output JSONL file (default: standard output)")
    ext.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    ext.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that have none")
    ext.add_argument("--text-field", default="text", help="field/column holding the article text")
    ext.add_argument("--id-field", default="id", help="field/column holding the article id")
    ext.add_argument("--published-field", default="published", help="field/column holding the date")
    ext.add_argument("--deals-table", metavar="FILE", help="also write one row per deal (.csv or .parquet)")
    ext.add_argument(
        "--deals-only",
        action="store_true",
        help="keep deals and errors, not entities; skip articles a fast scan proves hold no deal",
    )
    ext.add_argument(
        "--resume", action="store_true", help="continue an interrupted run from the output already written"
    )
    ext.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://host:8786)"
    )
    ext.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress on standard error (default: only when it is a terminal)",
    )
    ext.add_argument("--orgs", action="append", help="extra organisation gazetteer file (JSONL)")
    ext.add_argument("--models", action="append", help="extra AI model gazetteer file (JSONL)")
    ext.add_argument(
        "--org-names",
        choices=RECORD_NAMES,
        default="as_written",
        help="name organisations as the article writes them (default) or by the gazetteer's canonical name",
    )
    ext.set_defaults(func=cmd_extract)

    mrg = sub.add_parser("merge", help="fold deals reported by several articles into MergedDeal lines")
    mrg.add_argument("results", help="output of 'dealextract extract'")
    mrg.add_argument("-o", "--output", help="output JSONL file (default: standard output)")
    mrg.set_defaults(func=cmd_merge)

    sch = sub.add_parser("schema", help="print the JSON Schema of ArticleResult")
    sch.set_defaults(func=cmd_schema)

    ren = sub.add_parser("render", help="write one self-contained HTML page to review the extractions")
    ren.add_argument("inputs", nargs="*", help=".jsonl(.gz), .txt, .csv, .parquet, folders, or - for stdin")
    ren.add_argument("-o", "--output", help="output HTML file (default: standard output)")
    ren.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that have none")
    ren.add_argument("--title", default="dealextract review", help="page title")
    ren.add_argument("--limit", type=int, default=None, help="render only the first N articles")
    ren.add_argument("--orgs", action="append", help="extra organisation gazetteer file (JSONL)")
    ren.add_argument("--models", action="append", help="extra AI model gazetteer file (JSONL)")
    ren.set_defaults(func=cmd_render)

    bench = sub.add_parser("bench", help="score against gold records and time the pipeline")
    bench.add_argument("folder", nargs="?", help="folder of gold cases (default: the bundled fixtures)")
    bench.add_argument("--json", action="store_true", help="machine-readable output")
    bench.add_argument("--repeat", type=int, default=1, help="timing passes over the articles")
    bench.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from dealextract.batch.readers import UsageError

    parser = build_parser()
    args = parser.parse_args(argv)
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        parser.error("--jobs must be at least 1")
    try:
        return int(args.func(args))
    except UsageError as err:
        print(f"dealextract: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
