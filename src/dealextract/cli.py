"""The ``dealextract`` command line: parses arguments and calls the library, nothing more.

Exit status: 0 when every article went well, 1 when some articles had errors (their count goes to
standard error), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from dealextract.articles import ArticleError, parse_published


def _output(path: str | None) -> contextlib.AbstractContextManager[IO[str]]:
    if path is None or path == "-":
        return contextlib.nullcontext(sys.stdout)
    return open(path, "w", encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    from dealextract.api import extract_many, load
    from dealextract.batch.readers import UsageError, read_inputs
    from dealextract.batch.writers import write_jsonl

    try:
        published = parse_published(args.published)
    except ArticleError as err:
        raise UsageError(f"--published: {err.info.message}") from err
    items = read_inputs(args.inputs, published)
    # Fail on a missing path before loading the pipeline or writing anything.
    first = next(items, None)
    nlp = load(org_files=args.orgs or (), model_files=args.models or ())

    def stream() -> Iterator[object]:
        if first is not None:
            yield first
        yield from items

    with _output(args.output) as out:
        counts = write_jsonl(extract_many(stream(), n_process=args.jobs, nlp=nlp), out)
    print(
        f"dealextract: {counts.articles} articles, {counts.deals} deals, {counts.with_errors} with errors",
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealextract",
        description="Turn English investment news into validated, evidence-linked deal records.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract records from articles (JSONL out, one line per article)")
    ext.add_argument("inputs", nargs="*", help=".jsonl, .jsonl.gz, .txt, folders, or - for stdin")
    ext.add_argument("-o", "--output", help="output JSONL file (default: standard output)")
    ext.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ext.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that have none")
    ext.add_argument("--orgs", action="append", help="extra organisation gazetteer file (JSONL)")
    ext.add_argument("--models", action="append", help="extra AI model gazetteer file (JSONL)")
    ext.set_defaults(func=cmd_extract)

    mrg = sub.add_parser("merge", help="fold deals reported by several articles into MergedDeal lines")
    mrg.add_argument("results", help="output of 'dealextract extract'")
    mrg.add_argument("-o", "--output", help="output JSONL file (default: standard output)")
    mrg.set_defaults(func=cmd_merge)

    sch = sub.add_parser("schema", help="print the JSON Schema of ArticleResult")
    sch.set_defaults(func=cmd_schema)

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
    if getattr(args, "jobs", 1) < 1:
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
