"""Snapshot of every output of the pipeline, to prove a performance change altered nothing.

Dumps, for every article in ``fixtures/articles/*.json`` and ``/work/shared/dev/cases/*.json`` (``text``
and ``published``): every entity (label, start, end, normalized), every deal (``model_dump``), and the raw
lists each component leaves on the Doc (money, dates, orgs, models, references, sentence spans), which
is stricter than the entities alone because ``doc_entities`` drops overlaps.

    python benchmarks/snapshot.py save /tmp/baseline.json      # before a change
    python benchmarks/snapshot.py compare /tmp/baseline.json   # after it: prints differences, exit 1 if any
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import sys
from pathlib import Path
from typing import Any

from dealextract.api import default_pipeline, doc_entities, make_doc
from dealextract.articles import ArticleError, parse_published
from dealextract.records import Article

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/dev/cases")


def case_paths() -> list[Path]:
    """The fixture articles and the development cases, in a stable order."""
    paths = sorted(glob.glob(str(ROOT / "fixtures/articles/*.json")))
    paths += sorted(glob.glob(str(DEV / "*.json")))
    return [Path(p) for p in paths]


def _plain(value: Any) -> Any:
    """A JSON-able form of a component's output (dataclass, Pydantic record or plain value)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def snapshot() -> dict[str, Any]:
    """Everything the pipeline produces for every case, keyed by file name."""
    nlp = default_pipeline()
    out: dict[str, Any] = {}
    for path in case_paths():
        case = json.loads(path.read_text(encoding="utf-8"))
        try:
            article = Article(text=case["text"], published=parse_published(case.get("published")))
            doc = nlp(make_doc(nlp, article))
        except ArticleError as err:
            out[path.name] = {"error": err.info.model_dump(mode="json")}
            continue
        out[path.name] = {
            "entities": [[e.label, e.start, e.end, _plain(e.normalized)] for e in doc_entities(doc)],
            "deals": [d.model_dump(mode="json") for d in doc._.deals or ()],
            "raw": {
                name: _plain(getattr(doc._, name))
                for name in (
                    "dealextract_sentence_spans",
                    "dealextract_money",
                    "dealextract_money_links",
                    "dealextract_dates",
                    "dealextract_orgs",
                    "dealextract_models",
                    "dealextract_references",
                )
            },
        }
    return out


def compare(old: dict[str, Any], new: dict[str, Any]) -> int:
    """Print each differing case and part; return the number of differences."""
    diffs = 0
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if not isinstance(a, dict) or not isinstance(b, dict):
            print(f"{name}: present in only one snapshot")
            diffs += 1
            continue
        for part in sorted(set(a) | set(b)):
            if part == "raw":
                for key in sorted(set(a["raw"]) | set(b["raw"])):
                    if a["raw"].get(key) != b["raw"].get(key):
                        print(f"{name}: raw {key} differs")
                        diffs += 1
            elif a.get(part) != b.get(part):
                print(f"{name}: {part} differs")
                diffs += 1
    return diffs


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    current = snapshot()
    if args.action == "save":
        args.path.write_text(json.dumps(current, indent=1, sort_keys=True), encoding="utf-8")
        print(f"saved {len(current)} cases to {args.path}")
        return 0
    baseline = json.loads(args.path.read_text(encoding="utf-8"))
    diffs = compare(baseline, json.loads(json.dumps(current, sort_keys=True)))
    print(f"{len(current)} cases, {diffs} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
