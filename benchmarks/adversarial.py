"""Time every stage on hostile input at two sizes and report how the time grows.

Why: peers have hung on crafted strings (dateparser #869: 100,000 "?" took 9 minutes; spaCy #4742: one
sentence took seconds).  One timing at one size says nothing about that; the *growth* does.  For each
adversarial input this times the target at size N and at ``factor`` x N and prints the ratio: linear
work gives a ratio near ``factor``, quadratic near ``factor`` squared.

    python benchmarks/adversarial.py                 # every case, sizes N and 4N, a Markdown table
    python benchmarks/adversarial.py --scale 0.1     # smaller sizes (what the tests run)
    python benchmarks/adversarial.py --only dollar_signs --factor 10

``tests/robustness/test_robustness_growth.py`` imports this module and asserts the ratios with a
generous bound; it never asserts wall-clock times.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

Target = Callable[[str], object]


@dataclass(frozen=True, slots=True)
class Case:
    """One adversarial input: a generator of a string of about ``n`` characters and what reads it."""

    name: str
    description: str
    make: Callable[[int], str]
    target: str  # "extract", "parse_money", "parse_date", "find_money", "find_dates"
    size: int  # the default N (characters)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


_NAME_WORDS = (
    "Alpha Quantum Robotics Capital Holdings Ventures Beijing Shanghai Tech Partners Group Cloud Series "
    "Fund AI Labs Moonshot Zhipu Bank China Horizon Global Dynamics Systems Investment Management"
).split()


def _capitalised(n: int) -> str:
    """Organisation-like capitalised words in a row, no punctuation: the longest possible name run."""
    rng = random.Random(7)
    out: list[str] = []
    size = 0
    while size < n:
        word = rng.choice(_NAME_WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n]


def _nested(n: int) -> str:
    depth = max(1, (n - 40) // 2)
    return "(" * depth + "Acme Robotics raised $5 million" + ")" * depth


def _investor_list(n: int) -> str:
    head = "Acme Robotics raised $5 million in a Series A led by "
    names: list[str] = []
    size = len(head)
    i = 0
    while size < n:
        names.append(f"Fund{i} Capital")
        size += len(names[-1]) + 2
        i += 1
    return head + ", ".join(names) + "."


def _padded(n: int, pad: str) -> str:
    """A deal sentence with a run of ``pad`` in the middle (a run alone would be an empty article)."""
    head, tail = "Acme Robotics raised", " $5 million from Foo Ventures."
    gap = max(1, n - len(head) - len(tail))
    return head + (pad * (gap // len(pad) + 1))[:gap] + tail


def _mixed_unicode(n: int) -> str:
    unit = "融资😀🇨🇳\u200b\u200d\u202e\u0000\ufeffمرحبا Acme 5亿元 "
    return _repeat(unit)(n)


CASES: tuple[Case, ...] = (
    Case(
        "digits_commas",
        '"1,234,234,..." one number, 1 MB of digits and commas',
        _repeat("1,234"),
        "extract",
        1_000_000,
    ),
    Case(
        "digits_commas_money",
        'parse_money("$1,234,234,...")',
        lambda n: "$" + _repeat("234,")(n),
        "parse_money",
        1_000_000,
    ),
    Case("dollar_signs", '"$$$$..."', _repeat("$"), "extract", 250_000),
    Case("dollar_signs_money", 'parse_money("$$$$...")', _repeat("$"), "parse_money", 1_000_000),
    Case("million_words", '"million million million ..."', _repeat("million "), "extract", 250_000),
    Case(
        "million_words_money",
        'parse_money("1 million million ...")',
        lambda n: "1 " + _repeat("million ")(n),
        "parse_money",
        1_000_000,
    ),
    Case("question_marks", '100,000 "?" (dateparser #869)', _repeat("?"), "extract", 100_000),
    Case("question_marks_date", 'parse_date("???...")', _repeat("?"), "parse_date", 100_000),
    Case("digits_date", 'parse_date("1 1 1 1 ...")', _repeat("1 "), "parse_date", 100_000),
    Case(
        "one_sentence",
        "one sentence, no full stop, deal words (chunked past max_chars)",
        _repeat("Acme Robotics raised $5 million from Foo Ventures and "),
        "extract",
        1_250_000,
    ),
    Case("nested_parens", "deeply nested parentheses around a deal", _nested, "extract", 200_000),
    Case(
        "capitalised_words",
        "10,000+ organisation-like capitalised words in a row",
        _capitalised,
        "extract",
        100_000,
    ),
    Case("spaces", "a run of spaces inside a deal sentence", lambda n: _padded(n, " "), "extract", 1_000_000),
    Case(
        "newlines",
        "a run of line breaks inside a deal sentence",
        lambda n: _padded(n, "\n"),
        "extract",
        1_000_000,
    ),
    Case(
        "other_spaces",
        "runs of tabs, no-break and ideographic spaces inside a deal sentence",
        lambda n: _padded(n, "\t\u00a0\u3000\u2009"),
        "extract",
        1_000_000,
    ),
    Case("one_long_token", '"aaaa..." one token', _repeat("a"), "extract", 1_000_000),
    Case("full_stops", '"....." and "U.S. U.S."', _repeat(". U.S. "), "extract", 250_000),
    Case(
        "money_chain",
        '"$1 million (US$2 million) " repeated: chained equivalents',
        _repeat("$1 million (US$2 million) "),
        "extract",
        100_000,
    ),
    Case(
        "date_words",
        '"May May May ... last last week Q3 2025 ..."',
        _repeat("May 3, 2024, last week, Q3 2025 "),
        "extract",
        100_000,
    ),
    Case(
        "investor_list",
        '"led by Fund0 Capital, Fund1 Capital, ..." one sentence',
        _investor_list,
        "extract",
        50_000,
    ),
    Case(
        "many_deals",
        "the same deal sentence repeated",
        _repeat("Acme Robotics raised $5 million in a Series A led by Foo Ventures. "),
        "extract",
        50_000,
    ),
    Case("mixed_unicode", "CJK, emoji, RTL, zero-width, NUL, BOM", _mixed_unicode, "extract", 200_000),
)

CASE_BY_NAME = {c.name: c for c in CASES}

# Chunk size used for the extract targets: small enough that the large sizes exercise chunking.
CHUNK_CHARS = 200_000


def target(name: str, nlp: Language | None = None) -> Target:
    """The callable a case times (``extract`` uses ``nlp`` with chunking at ``CHUNK_CHARS``)."""
    import dealextract
    from dealextract.dates import find_dates
    from dealextract.money import find_money

    if name == "extract":
        pipe = nlp if nlp is not None else dealextract.load()
        return lambda text: dealextract.extract(
            text, published="2026-04-15", nlp=pipe, max_chars=CHUNK_CHARS, on_too_large="chunk"
        )
    if name == "parse_money":
        return dealextract.parse_money
    if name == "parse_date":
        return lambda text: dealextract.parse_date(text, reference="2026-04-15")
    if name == "find_money":
        return find_money
    if name == "find_dates":
        return lambda text: find_dates(text, None)
    raise ValueError(f"unknown target {name!r}")


def time_once(fn: Target, text: str, repeat: int = 3, budget: float = 30.0) -> float:
    """The fastest of ``repeat`` runs (fewer when a run is slow): the least noisy estimate of the cost."""
    best = float("inf")
    spent = 0.0
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(text)
        elapsed = time.perf_counter() - t0
        best = min(best, elapsed)
        spent += elapsed
        if spent > budget:
            break
    return best


@dataclass(frozen=True, slots=True)
class Growth:
    """Times at two sizes and their ratio."""

    case: str
    small: int
    large: int
    t_small: float
    t_large: float

    @property
    def ratio(self) -> float:
        return self.t_large / max(self.t_small, 1e-6)


def growth(case: Case, fn: Target, n: int, factor: int = 4, repeat: int = 3) -> Growth:
    """Time ``fn`` on the case at ``n`` and ``factor`` x ``n`` characters (after one warm-up run)."""
    small, large = case.make(n), case.make(n * factor)
    fn(case.make(min(n, 1000)))  # warm-up: caches, lazy imports
    t_small = time_once(fn, small, repeat)
    t_large = time_once(fn, large, repeat)
    return Growth(case.name, len(small), len(large), t_small, t_large)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's N by this")
    parser.add_argument("--factor", type=int, default=4, help="the large size is FACTOR x N (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    parser.add_argument("--only", nargs="*", default=None, help="case names to run")
    args = parser.parse_args(argv)
    import dealextract

    nlp = dealextract.load()
    targets: dict[str, Target] = {}
    print(f"| input | target | N | {args.factor}N | time N (s) | time {args.factor}N (s) | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|")
    worst = 0.0
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        fn = targets.setdefault(case.target, target(case.target, nlp))
        g = growth(case, fn, max(10, int(case.size * args.scale)), args.factor, args.repeat)
        worst = max(worst, g.ratio)
        print(
            f"| {case.name}: {case.description} | {case.target} | {g.small:,} | {g.large:,} | "
            f"{g.t_small:.4f} | {g.t_large:.4f} | {g.ratio:.1f} |",
            flush=True,
        )
    print(
        f"\nworst ratio {worst:.1f} for a {args.factor}x larger input (linear ~ {args.factor})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
