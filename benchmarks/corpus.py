"""A synthetic news dump for the throughput benchmark: deal articles mixed with ordinary news.

Every sentence comes from templates written for this project (no text is taken from any real article or
data set), filled from small word lists with a seeded random generator, so a given ``--seed`` and
``--mb`` always give the same file.  About one article in ``--deal-every`` (default 10) reports a
financing or an acquisition; the others are the ordinary news a real dump is mostly made of: markets,
earnings (with amounts of money, which the prefilter must look at), sport, weather, politics, science,
product launches and local news.

    python benchmarks/corpus.py --mb 50 -o /tmp/dump.jsonl            # mixed dump
    python benchmarks/corpus.py --mb 10 --deal-every 1 -o /tmp/deals.jsonl   # deal articles only
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

STARTUP_HEADS = [
    "Lumora", "Quillbyte", "Tessavolt", "Brightkiln", "Orrin", "Zephyrine", "Kadenza", "Noctiluca",
    "Varuna", "Helixor", "Pebblestack", "Marrowind", "Sundial", "Cobaltia", "Ferrowave", "Glasswing",
    "Yunhai", "Qiming Zhixin", "Anvaya", "Tarangi", "Kestrel Loop", "Mirabel", "Oakhollow", "Strata Nine",
]
STARTUP_TAILS = ["AI", "Robotics", "Labs", "Technologies", "Health", "Bio", "Energy", "Systems", "Analytics"]
INVESTORS = [
    "Redwood Peak Ventures", "Harborline Capital", "Northgate Partners", "Qingshan Capital",
    "Silver Lantern Fund", "Meridian Growth", "Bluefjord Ventures", "Tamarind Capital", "Ironbridge Equity",
    "Cascadia Seed", "Lotus Gate Investment", "Alder & Finch", "Brightwater Holdings", "Summit Orchard",
]
BUYERS = ["Veltrix Group", "Hollander Industries", "Pacifica Networks", "Orion Motors", "Kaiyuan Holdings"]
CITIES = ["Hangzhou", "Bengaluru", "Berlin", "Austin", "Singapore", "Nairobi", "Lyon", "Osaka", "Toronto"]
SECTORS = ["warehouse robotics", "battery recycling", "clinical imaging", "crop analytics",
           "chip design software", "freight logistics", "speech recognition", "cloud security"]  # fmt: skip
ROUNDS = ["seed", "Series A", "Series B", "Series C", "pre-A", "Series B+", "angel"]
AMOUNTS = [
    "$4 million", "$12.5 million", "$30 million", "$85 million", "US$120 million", "200 million yuan",
    "RMB 1.2 billion", "€18 million", "£9 million", "₹250 crore", "S$40 million", "¥3 billion",
]
# Share of ordinary paragraphs that use deal words or amounts without stating a deal.
NEAR_MISS_SHARE = 0.03
TEAMS = ["Rovers", "Harriers", "City", "Athletic", "United", "Wanderers", "Falcons", "Mariners"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


def _startup(r: random.Random) -> str:
    return f"{r.choice(STARTUP_HEADS)} {r.choice(STARTUP_TAILS)}"


def _pick_investors(r: random.Random, k: int) -> list[str]:
    return r.sample(INVESTORS, k)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def deal_paragraph(r: random.Random) -> str:
    """One paragraph that states a deal, in one of several phrasings."""
    co, amount, rnd = _startup(r), r.choice(AMOUNTS), r.choice(ROUNDS)
    lead, *others = _pick_investors(r, r.randint(1, 4))
    day, city, sector = r.choice(WEEKDAYS), r.choice(CITIES), r.choice(SECTORS)
    tail = f", with participation from {_join(others)}" if others else ""
    forms = [
        f"{city}-based {co}, which builds tools for {sector}, said on {day} it had raised {amount} in a "
        f"{rnd} round led by {lead}{tail}.",
        f"{lead} led a {amount} {rnd} investment in {co}, the {sector} startup said on {day}{tail}.",
        f"{co} has secured {amount} in {rnd} funding. The round was led by {lead}{tail}.",
        f"{co}, a {city} developer of {sector} software, closed a {amount} {rnd} round on {day}. "
        f"Investors included {_join([lead, *others])}.",
        f"{r.choice(BUYERS)} has agreed to acquire {co}, a maker of {sector} systems, for {amount}, "
        f"the companies said on {day}.",
    ]
    return r.choice(forms)


def ordinary_paragraph(r: random.Random) -> str:
    """One paragraph of the news a dump is mostly made of."""
    city, day, month = r.choice(CITIES), r.choice(WEEKDAYS), r.choice(MONTHS)
    n, pct = r.randint(2, 95), round(r.uniform(0.1, 9.9), 1)
    company = f"{r.choice(STARTUP_HEADS)} {r.choice(['Group', 'Holdings', 'Corp', 'Industries'])}"
    forms = [
        f"Shares of {company} fell {pct}% on {day} after the company cut its outlook for the rest of the year, "
        "citing weaker demand in its largest markets.",
        f"{company} reported quarterly revenue of ${n}.{r.randint(1, 9)} billion, up {pct}% from a year "
        f"earlier, and said it expected margins to improve by {month}.",
        f"The {city} {r.choice(TEAMS)} won {r.randint(1, 5)}-{r.randint(0, 4)} at home on {day}, their "
        f"{r.choice(['third', 'fifth', 'seventh'])} straight victory, lifting them to {n} points.",
        f"Forecasters expect heavy rain across {city} through {day}, with temperatures near {n % 30} "
        "degrees and gusts strong enough to delay flights at the main airport.",
        f"The city council in {city} voted {r.randint(5, 12)} to {r.randint(0, 4)} on {day} to extend the "
        "night bus service and to repair two bridges before the winter.",
        f"Researchers at the University of {city} said a new coating cut the energy lost by solar panels "
        f"in hot weather by about {pct}%, according to a study published in {month}.",
        f"{company} unveiled a lighter laptop on {day} with a battery it says lasts {n % 20 + 6} hours, "
        f"priced from ${r.randint(6, 19)}99 in stores from {month}.",
        f"Oil prices edged up {pct}% on {day} as traders weighed supply cuts against signs of slower "
        "growth; the benchmark index closed little changed.",
        f"A festival of street food returns to {city} in {month}, with more than {n * 10} stalls and a "
        "stage for local bands along the river.",
        f"The central bank left its main interest rate unchanged at {pct}% on {day}, saying inflation "
        "was easing but remained above its target.",
    ]
    # Near misses, rarer: deal words and amounts that are not a company's financing.
    near = [
        f"A charity run in {city} raised ${n * 1000:,} for the children's hospital on {day}, organisers said.",
        f"{company} bought back ${n} million of its own shares in {month} and raised its dividend by {pct}%.",
        f"The regional government will invest {n} billion in new rail lines by 2030, the transport "
        "minister said, with construction due to start next spring.",
        f"Investors pulled money from bond funds for a {r.choice(['second', 'fourth'])} week, "
        f"data showed on {day}, while equity funds took in about ${n} billion.",
    ]
    return r.choice(near if r.random() < NEAR_MISS_SHARE else forms)


def article(r: random.Random, index: int, deal: bool, start: dt.date) -> dict[str, object]:
    """One article: a headline line and paragraphs separated by blank lines."""
    paragraphs = [ordinary_paragraph(r) for _ in range(r.randint(3, 7))]
    if deal:
        paragraphs.insert(r.randint(0, 1), deal_paragraph(r))
    headline = paragraphs[0].split(",")[0].split(" said")[0][:90]
    published = start + dt.timedelta(days=index % 365)
    return {
        "id": f"a{index:08d}",
        "published": published.isoformat(),
        "title": headline,
        "text": headline + "\n\n" + "\n\n".join(paragraphs),
    }


def generate(mb: float, seed: int = 7, deal_every: int = 10) -> Iterator[dict[str, object]]:
    """Articles until about ``mb`` megabytes of JSONL; article ``i`` is a deal when ``i % deal_every == 0``
    (after a seeded shuffle of positions within each block, so deals are not evenly spaced)."""
    r = random.Random(seed)
    budget = int(mb * 1_000_000)
    size, index = 0, 0
    start = dt.date(2025, 1, 1)
    while size < budget:
        block = [i == 0 for i in range(deal_every)]
        r.shuffle(block)
        for deal in block:
            item = article(r, index, deal, start)
            size += len(json.dumps(item, ensure_ascii=False).encode()) + 1
            index += 1
            yield item
            if size >= budget:
                return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="size of the output in megabytes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--deal-every", type=int, default=10, help="one deal article in N (1: all deals)")
    parser.add_argument("-o", "--output", help="JSONL file (default: standard output)")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(Path(args.output).open("w", encoding="utf-8")) if args.output else sys.stdout
        write_jsonl(generate(args.mb, args.seed, args.deal_every), out)
    return 0


def write_jsonl(items: Iterator[dict[str, object]], out: IO[str]) -> None:
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
