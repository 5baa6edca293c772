"""Fuzz ``parse_money``, ``parse_date`` and ``extract`` for a bounded time: no exception, valid records.

Why: the property tests cover shapes we thought of; a coverage-guided fuzzer finds the ones we did not.
With atheris (``pip install atheris``; libFuzzer under the hood) the run is coverage-guided; without it,
the same checks run on hypothesis-generated hostile text for the same time.

    python benchmarks/fuzz.py --seconds 60                 # atheris if installed, else hypothesis
    python benchmarks/fuzz.py --seconds 60 --engine hypothesis
    python benchmarks/fuzz.py --target parse_money --seconds 30

Any exception, any offset that does not point at its own text, or any record that fails validation
stops the run with the input that caused it (atheris also writes it to ``crash-*``).  A single input
taking longer than ``--slow`` seconds is reported as a hang.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

TARGETS = ("parse_money", "parse_date", "extract")
ROUND = 200  # hypothesis examples per round of a time-bounded run


def check(target: str, text: str) -> None:
    """Run one target on ``text`` and assert what must hold for every input."""
    import dealextract
    from dealextract.api import validate_result
    from dealextract.articles import replace_surrogates
    from dealextract.records import DateValue, Money

    if target == "parse_money":
        money = dealextract.parse_money(text)
        if money is not None:
            Money.model_validate(money.model_dump())
    elif target == "parse_date":
        date = dealextract.parse_date(text, reference="2026-04-15")
        if date is not None:
            DateValue.model_validate(date.model_dump())
            if date.start is not None and date.end is not None:
                assert text[date.start : date.end] == date.text, (date, text)
    else:
        result = dealextract.extract(text, published="2026-04-15")
        validate_result(result, replace_surrogates(text))
        result.model_dump_json()


def _timed(target: str, text: str, slow: float) -> None:
    t0 = time.perf_counter()
    check(target, text)
    elapsed = time.perf_counter() - t0
    if elapsed > slow:
        raise AssertionError(f"{target} took {elapsed:.2f}s on {len(text):,} characters: {text[:200]!r}")


def run_hypothesis(targets: list[str], seconds: float, slow: float, seed: int = 0) -> int:
    """Hostile text from ``tests/robustness/robustness_strategies.py`` until the time is up.

    Runs rounds of ``ROUND`` examples with successive seeds, so a failure is reported (and shrunk) by
    hypothesis as usual and a run ends at the first round boundary after ``seconds``.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from robustness_strategies import hostile_text

    deadline = time.monotonic() + seconds
    count = 0
    rounds = 0

    def fuzz(text: str) -> None:
        nonlocal count
        for target in targets:
            _timed(target, text, slow)
        count += 1

    config = settings(
        max_examples=ROUND, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    while time.monotonic() < deadline:
        hseed(seed + rounds)(config(given(text=hostile_text(max_pieces=60))(fuzz)))()
        rounds += 1
    print(
        f"hypothesis: {count:,} inputs in {rounds} rounds ({', '.join(targets)}): no failure", file=sys.stderr
    )
    return 0


def run_atheris(
    targets: list[str], seconds: float, slow: float, corpus: list[str]
) -> int:  # pragma: no cover
    """Coverage-guided fuzzing with atheris; the input bytes are decoded as UTF-8 (lossy) or UTF-16."""
    import atheris

    with atheris.instrument_imports():
        import dealextract.api

        dealextract.api.default_pipeline()  # imports every component (instrumented) and loads once
        dealextract.api.parse_money("$1")
        dealextract.api.parse_date("May 2024")

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicode(len(data))  # any code point, lone surrogates included
        for target in targets:
            _timed(target, text, slow)

    args = [
        sys.argv[0],
        f"-max_total_time={int(seconds)}",
        "-max_len=4096",
        f"-timeout={int(slow) + 1}",
        *corpus,
    ]
    atheris.Setup(args, one_input)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument(
        "--slow", type=float, default=5.0, help="seconds one input may take before it is a hang"
    )
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (atheris: use -seed via corpus)")
    parser.add_argument("corpus", nargs="*", help="atheris corpus directories")
    args = parser.parse_args(argv)
    targets = list(TARGETS) if args.target == "all" else [args.target]
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    runner: Callable[[], int]
    if engine == "atheris":
        runner = lambda: run_atheris(targets, args.seconds, args.slow, args.corpus)  # noqa: E731
    else:
        runner = lambda: run_hypothesis(targets, args.seconds, args.slow, args.seed)  # noqa: E731
    return runner()


if __name__ == "__main__":
    raise SystemExit(main())
