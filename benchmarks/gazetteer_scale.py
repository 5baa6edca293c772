"""How the gazetteer scales: build one with 10,000 organisations, report load time and matching speed.

Not a unit test (no timing is asserted anywhere); run it by hand:

    python benchmarks/gazetteer_scale.py [--entries 10000] [--words 200000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import spacy

from dealextract.gazetteer import Gazetteer, read_jsonl
from dealextract.orgs.component import ORG_KINDS

_SYLLABLES = [
    "an",
    "bo",
    "chen",
    "da",
    "fei",
    "gu",
    "hua",
    "jin",
    "kai",
    "lan",
    "mo",
    "nuo",
    "pei",
    "qi",
    "rui",
    "shan",
    "tai",
    "wei",
    "xin",
    "yu",
    "zhi",
]
_SUFFIXES = ["Capital", "Technology", "Robotics", "Ventures", "Bio", "AI", "Holdings", "Partners"]


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word} {rng.choice(_SUFFIXES)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    rng = random.Random(7)
    names = list(dict.fromkeys(_name(rng) for _ in range(args.entries * 2)))[: args.entries]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "orgs.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for name in names:
                alias = name.split()[0]
                fh.write(json.dumps({"name": name, "aliases": [alias], "type": "company"}) + "\n")
        nlp = spacy.blank("en")
        nlp.max_length = 10_000_000
        t0 = time.perf_counter()
        entries = read_jsonl(path, ORG_KINDS)
        t1 = time.perf_counter()
        gaz = Gazetteer(nlp, entries)
        t2 = time.perf_counter()
    filler = ["the", "round", "was", "led", "by", "and", "also", "included", "investors", "from"]
    words: list[str] = []
    while len(words) < args.words:
        words.extend(rng.choice(names).split() if rng.random() < 0.1 else [rng.choice(filler)])
    text = " ".join(words)
    doc = nlp.make_doc(text)
    t3 = time.perf_counter()
    hits = gaz.find(doc)
    t4 = time.perf_counter()
    print(f"entries: {len(entries):,}  read+validate: {t1 - t0:.2f}s  build matchers: {t2 - t1:.2f}s")
    print(f"matched {len(hits):,} hits in {len(doc):,} tokens: {len(doc) / (t4 - t3):,.0f} words/s")


if __name__ == "__main__":
    main()
