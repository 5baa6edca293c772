"""Throughput and memory of ``dealextract extract`` on a generated news dump (see ``corpus.py``).

Each configuration runs in its own process, end to end (read JSONL, extract, write JSONL to /dev/null),
so its peak memory is its own.  Reported: articles/s, words/s, MB/s (of article text), peak RSS of the
main process and of the largest worker process.

Configurations:

* ``blank``: spaCy's ``spacy.blank("en")`` tokenizer alone over the deal-only texts (the floor);
* ``full deal-only``: the full pipeline on deal articles only;
* ``full mixed``: the full pipeline on the mixed dump (one deal article in ten);
* ``deals-only mixed``: ``--deals-only`` (prefilter) on the mixed dump;
* ``prefilter + blank``: the ceiling of ``--deals-only`` for any spaCy pipeline: read each line, run the
  prefilter, tokenise the candidates with ``spacy.blank("en")`` alone, write one JSON line per article;
* each pipeline configuration with ``--jobs 1`` and ``--jobs 2``.

    python benchmarks/throughput.py --mb 20            # prints a Markdown table
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def _text_stats(path: Path) -> tuple[int, int, float]:
    articles = words = size = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            articles += 1
            words += len(text.split())
            size += len(text.encode("utf-8"))
    return articles, words, size / 1e6


def child(mode: str, path: str, extra: list[str]) -> None:
    """Run one configuration in this process and print its timing and memory as JSON."""
    start = time.perf_counter()
    if mode == "blank":
        import spacy

        nlp = spacy.blank("en")
        texts = (json.loads(line)["text"] for line in open(path, encoding="utf-8"))  # noqa: SIM115
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        code = 0
    elif mode == "prefilter-blank":
        import spacy

        from dealextract.batch.prefilter import is_candidate

        nlp = spacy.blank("en")
        with open(path, encoding="utf-8") as lines, open(os.devnull, "w", encoding="utf-8") as sink:
            for line in lines:
                record = json.loads(line)
                n = len(nlp(record["text"])) if is_candidate(record["text"]) else 0
                sink.write(json.dumps({"id": record.get("id"), "tokens": n, "deals": []}) + "\n")
        code = 0
    else:
        from dealextract.cli import main

        code = main(["extract", path, "-o", "/dev/null", "--no-progress", *extra])
    elapsed = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "seconds": elapsed,
        "code": code,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))  # fmt: skip


def measure(mode: str, path: Path, extra: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), *extra],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="size of the mixed dump (MB of JSONL)")
    parser.add_argument("--deal-mb", type=float, default=None, help="size of the deal-only corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.child[2:])
        return 0
    load_before = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="dealextract-bench-"))
    mixed, deals = work / "mixed.jsonl", work / "deals.jsonl"
    deal_mb = args.deal_mb if args.deal_mb is not None else max(1.0, args.mb / 10)
    with mixed.open("w", encoding="utf-8") as out:
        corpus.write_jsonl(corpus.generate(args.mb, args.seed, 10), out)
    with deals.open("w", encoding="utf-8") as out:
        corpus.write_jsonl(corpus.generate(deal_mb, args.seed, 1), out)
    configs = [
        ("blank tokenizer, deal-only text", "blank", deals, []),
        ("full pipeline, deal-only text, --jobs 1", "cli", deals, ["--jobs", "1"]),
        ("full pipeline, deal-only text, --jobs 2", "cli", deals, ["--jobs", "2"]),
        ("full pipeline, mixed dump, --jobs 1", "cli", mixed, ["--jobs", "1"]),
        ("full pipeline, mixed dump, --jobs 2", "cli", mixed, ["--jobs", "2"]),
        ("--deals-only, mixed dump, --jobs 1", "cli", mixed, ["--jobs", "1", "--deals-only"]),
        ("--deals-only, mixed dump, --jobs 2", "cli", mixed, ["--jobs", "2", "--deals-only"]),
        ("prefilter + blank tokenizer on candidates, mixed dump (ceiling)", "prefilter-blank", mixed, []),
    ]
    rows = []
    for label, mode, path, extra in configs:
        articles, words, mb = _text_stats(path)
        m = measure(mode, path, extra)
        s = m["seconds"]
        rows.append({
            "config": label, "articles": articles, "text_mb": round(mb, 2), "seconds": round(s, 2),
            "articles_s": round(articles / s, 1), "words_s": round(words / s), "mb_s": round(mb / s, 3),
            "cpu_s": round(m["cpu_seconds"], 2), "mb_per_cpu_s": round(mb / m["cpu_seconds"], 3),
            "rss_main_mb": round(m["rss_main_mb"]), "rss_worker_mb": round(m["rss_worker_mb"]),
        })  # fmt: skip
        print(f"# done: {label} ({s:.1f} s)", file=sys.stderr)
    if args.json:
        print(json.dumps({"machine": machine(), "rows": rows}, indent=2))
        return 0
    print(f"Machine: {machine()}; load average before/after: {load_before} / {os.getloadavg()}\n")
    print("| configuration | articles | text MB | wall s | articles/s | words/s | MB/s | CPU s | MB per CPU-s "
          "| peak RSS main / worker (MB) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['config']} | {r['articles']} | {r['text_mb']} | {r['seconds']} | {r['articles_s']} | "
              f"{r['words_s']:,} | {r['mb_s']} | {r['cpu_s']} | {r['mb_per_cpu_s']} "
              f"| {r['rss_main_mb']} / {r['rss_worker_mb']} |")  # fmt: skip
    return 0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


if __name__ == "__main__":
    sys.exit(main())
