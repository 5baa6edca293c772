"""Per-component throughput (words/s) of the default pipeline on the fixture and development texts.

Every article goes through the tokenizer and then each component in pipeline order, timed one by one
with ``time.perf_counter``; the texts are run ``--repeat`` times (after a warm-up pass) and each row is
the best of ``--rounds`` rounds, so a noisy neighbour on a shared machine disturbs it less.  Words are
``len(text.split())``, as in ``benchmarks/throughput.py``.

    python benchmarks/components.py                 # prints a Markdown table
    python benchmarks/components.py --repeat 5 --rounds 5
"""

from __future__ import annotations

import argparse
import glob
import json
import time
from pathlib import Path

from dealextract.api import default_pipeline, make_doc
from dealextract.articles import ArticleError, parse_published
from dealextract.records import Article

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/dev/cases")


def load_articles() -> list[Article]:
    """The fixture articles and the development cases (``text`` and ``published``)."""
    paths = sorted(glob.glob(str(ROOT / "fixtures/articles/*.json"))) + sorted(glob.glob(str(DEV / "*.json")))
    articles: list[Article] = []
    for path in paths:
        case = json.loads(Path(path).read_text(encoding="utf-8"))
        try:
            published = parse_published(case.get("published"))
        except ArticleError:
            published = None
        articles.append(Article(text=case["text"], published=published))
    return articles


def one_round(articles: list[Article], repeat: int) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each component over ``repeat`` passes of the texts."""
    nlp = default_pipeline()
    seconds: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    clock = time.perf_counter
    for _ in range(repeat):
        for article in articles:
            t0 = clock()
            doc = make_doc(nlp, article)
            seconds["tokenizer"] += clock() - t0
            for name, proc in nlp.pipeline:
                t0 = clock()
                doc = proc(doc)
                seconds[name] += clock() - t0
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts per round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each row reports its best round")
    args = parser.parse_args()
    articles = load_articles()
    words = sum(len(a.text.split()) for a in articles) * args.repeat
    one_round(articles, 1)  # warm-up: builds the pipeline, fills caches
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, secs in one_round(articles, args.repeat).items():
            best[name] = min(best.get(name, secs), secs)
    components = [name for name in best if name != "tokenizer"]
    total = sum(best[name] for name in components)
    print(
        f"{len(articles)} articles x {args.repeat} passes = {words:,} words; best of {args.rounds} rounds\n"
    )
    print("| stage | seconds | words/s |")
    print("|---|---:|---:|")
    for name, secs in best.items():
        print(f"| {name} | {secs:.3f} | {words / secs:,.0f} |")
    print(f"| all components | {total:.3f} | {words / total:,.0f} |")
    print(
        f"| tokenizer + components | {total + best['tokenizer']:.3f} | {words / (total + best['tokenizer']):,.0f} |"
    )


if __name__ == "__main__":
    main()
