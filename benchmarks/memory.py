"""Peak memory of one ``dealextract extract`` run over a large input, workers included.

The run is a child process; every ``--every`` seconds the memory of it and of each of its descendants
(the ``--jobs`` workers) is read with psutil, and the report gives the peak of the whole tree, of the
main process and of the largest worker, with the elapsed time and the input size.  Memory is the
proportional set size (PSS: pages shared between processes, such as the libraries, counted once in
all), so the total is what the run takes from the machine; ``resource.getrusage`` would give only the
largest single process, and summing resident sizes counts shared pages once per process.

    python benchmarks/corpus.py --mb 1000 -o /tmp/dump1g.jsonl
    python benchmarks/memory.py /tmp/dump1g.jsonl -- --deals-only --jobs 2
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import psutil


def tree_pss(process: psutil.Process) -> tuple[int, int, int]:
    """(total, main, largest descendant) proportional set size in bytes of ``process`` and its
    descendants now."""
    try:
        main = process.memory_full_info().pss
        children = process.children(recursive=True)
    except psutil.Error:
        return 0, 0, 0
    sizes = []
    for child in children:
        try:
            sizes.append(child.memory_full_info().pss)
        except psutil.Error:
            continue
    return main + sum(sizes), main, max(sizes, default=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", type=Path, help="a JSONL dump (see corpus.py)")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between two readings")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])  # what follows "--" is for `dealextract extract`
    extra = argv[cut + 1 :]
    command = [sys.executable, "-m", "dealextract", "extract", str(args.input), "-o", "/dev/null", *extra]
    start = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    process = psutil.Process(child.pid)
    peak = peak_main = peak_worker = 0
    while child.poll() is None:
        total, main_rss, worker = tree_pss(process)
        peak, peak_main, peak_worker = max(peak, total), max(peak_main, main_rss), max(peak_worker, worker)
        time.sleep(args.every)
    _, stderr = child.communicate()
    report = {
        "command": " ".join(command[2:]),
        "input_mb": round(args.input.stat().st_size / 1e6, 1),
        "seconds": round(time.perf_counter() - start, 1),
        "exit_code": child.returncode,
        "peak_total_mb": round(peak / 1e6),
        "peak_main_mb": round(peak_main / 1e6),
        "peak_largest_worker_mb": round(peak_worker / 1e6),
        "summary": stderr.strip().splitlines()[-1:] if stderr else [],
    }
    print(json.dumps(report, indent=2))
    return child.returncode


if __name__ == "__main__":
    raise SystemExit(main())
