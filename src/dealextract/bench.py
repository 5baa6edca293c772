"""Scoring against gold records, and timing.

A gold case is one JSON file in the format of ``fixtures/README.md`` (the same format as the development
set of real news): ``text``, ``published``, ``deals`` (target, target_aliases, investors with roles,
amount, round, date, ...), ``money``, ``orgs``, ``models`` and optionally ``dates``.

How things are matched, so that the numbers mean something:

* Names are compared by ``dealextract.names.names_match``: case, punctuation and legal suffixes are
  ignored, "Tencent" ~ "Tencent Holdings", but "Alibaba" !~ "Alibaba Cloud".
* Deals are matched on target (the gold target or one of its aliases), one to one; when a target has
  several gold deals (two rounds), the pairing prefers the same round, then the same amount.
* ``strict`` counts a matched deal only when its amount (value and currency) and its set of lead
  investors are both right.
* Amounts compare value and currency exactly; ranges compare min and max.
* Dates compare at the gold's own granularity ("2025-12" is right for any day in December 2025).
"""

from __future__ import annotations

import json
import resource
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dealextract.names import names_match
from dealextract.records import ArticleResult, Deal


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}  # fmt: skip


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.right / self.total, 3) if self.total else 0.0,
                "right": self.right, "total": self.total}  # fmt: skip


@dataclass
class Tally:
    deals: Score = field(default_factory=Score)
    strict: Score = field(default_factory=Score)
    investors: Score = field(default_factory=Score)
    roles: Accuracy = field(default_factory=Accuracy)
    amounts: Accuracy = field(default_factory=Accuracy)
    rounds: Accuracy = field(default_factory=Accuracy)
    dates: Accuracy = field(default_factory=Accuracy)
    kinds: Accuracy = field(default_factory=Accuracy)
    statuses: Accuracy = field(default_factory=Accuracy)
    entities: dict[str, Score] = field(
        default_factory=lambda: {k: Score() for k in ("ORG", "MONEY", "DATE", "MODEL")}
    )
    misses: list[str] = field(default_factory=list)


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _money_key(value: Any, currency: Any, lo: Any = None, hi: Any = None) -> tuple[Any, ...]:
    v = _dec(value)
    if v is not None:
        return ("v", v.normalize(), currency)
    return ("r", _dec(lo), _dec(hi), currency)


def _gold_money_key(m: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if not m:
        return None
    return _money_key(m.get("value"), m.get("currency"), m.get("min"), m.get("max"))


def _pred_money_key(deal: Deal) -> tuple[Any, ...] | None:
    m = deal.amount
    if m is None or (m.value is None and not (m.min or m.max)):
        return None
    return _money_key(m.value, m.currency, m.min, m.max)


def _date_at(value: Any, granularity_of_gold: str) -> str | None:
    if value is None:
        return None
    return str(value)[: len(granularity_of_gold)]


def _multiset_score(pred: Iterable[Any], gold: Iterable[Any]) -> tuple[int, int, int]:
    p, g = Counter(pred), Counter(gold)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _name_set_score(pred: Sequence[str], gold: Sequence[str]) -> tuple[int, int, int]:
    unmatched = list(dict.fromkeys(gold))
    pred_unique = list(dict.fromkeys(pred))
    tp = 0
    fp = 0
    for name in pred_unique:
        hit = next((g for g in unmatched if names_match(name, g)), None)
        if hit is None:
            # a second surface form of an already-counted organisation is not a false positive
            fp += not any(names_match(name, g) for g in gold)
        else:
            unmatched.remove(hit)
            tp += 1
    return tp, fp, len(unmatched)


def _pair_deals(
    pred: list[Deal], gold: list[dict[str, Any]]
) -> tuple[list[tuple[Deal, dict[str, Any]]], list[Deal], list[dict[str, Any]]]:
    candidates: list[tuple[int, int, int]] = []
    for i, d in enumerate(pred):
        for j, g in enumerate(gold):
            names = [g["target"], *g.get("target_aliases", [])]
            if any(names_match(n, x) for n in names for x in (d.target.name, d.target.text or "")):
                score = (
                    1
                    + 4 * (d.round == g.get("round"))
                    + 2 * (_pred_money_key(d) == _gold_money_key(g.get("amount")))
                )
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return (
        pairs,
        [d for i, d in enumerate(pred) if i not in used_p],
        [g for j, g in enumerate(gold) if j not in used_g],
    )


def _leads(names_roles: Iterable[tuple[str, str]]) -> list[str]:
    return [n for n, r in names_roles if r in ("lead", "co_lead")]


def _same_names(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(any(names_match(x, y) for y in b) for x in a)


def score_case(case: dict[str, Any], result: ArticleResult, tally: Tally) -> None:
    """Add one article's comparison to the tally."""
    gold_deals: list[dict[str, Any]] = case.get("deals", [])
    pairs, extra, missed = _pair_deals(result.deals, gold_deals)
    tally.deals.add(len(pairs), len(extra), len(missed))
    cid = case.get("id", "?")
    for d in extra:
        tally.misses.append(f"{cid}: extra deal {d.target.name!r} {d.round} {d.amount and d.amount.text}")
    for g in missed:
        tally.misses.append(f"{cid}: missed deal {g['target']!r} {g.get('round')}")
    strict_tp = 0
    for d, g in pairs:
        amount_ok = _pred_money_key(d) == _gold_money_key(g.get("amount"))
        tally.amounts.add(amount_ok)
        gold_inv = [(i["name"], i["role"]) for i in g.get("investors", [])]
        pred_inv = [(p.name, p.role) for p in d.investors]
        leads_ok = _same_names(_leads(pred_inv), _leads(gold_inv)) or _same_names(
            _leads((p.text or p.name, p.role) for p in d.investors), _leads(gold_inv)
        )
        strict_tp += amount_ok and leads_ok
        tally.rounds.add(d.round == g.get("round"))
        tally.kinds.add(d.kind == g.get("kind"))
        if g.get("status"):
            tally.statuses.add(d.status == g["status"])
        if g.get("date"):
            gold_date = str(g["date"])
            tally.dates.add(_date_at(d.date.value if d.date else None, gold_date) == gold_date)
        remaining = list(gold_inv)
        tp = fp = 0
        for (name, role), party in zip(pred_inv, d.investors, strict=True):
            hit = next(
                (x for x in remaining if names_match(name, x[0]) or names_match(party.text or "", x[0])), None
            )
            if hit is None:
                fp += 1
                continue
            remaining.remove(hit)
            tp += 1
            tally.roles.add(role == hit[1])
        tally.investors.add(tp, fp, len(remaining))
    for d in extra:
        tally.investors.add(0, len(d.investors), 0)
    for g in missed:
        tally.investors.add(0, 0, len(g.get("investors", [])))
    tally.strict.add(strict_tp, len(result.deals) - strict_tp, len(gold_deals) - strict_tp)

    by_label: dict[str, list[Any]] = {"ORG": [], "MONEY": [], "DATE": [], "MODEL": []}
    for e in result.entities:
        by_label[e.label].append(e)
    money_pred = [
        _money_key(e.normalized.value, e.normalized.currency, e.normalized.min, e.normalized.max)
        for e in by_label["MONEY"]
        if not isinstance(e.normalized, str) and hasattr(e.normalized, "currency")
    ]
    money_gold = [_gold_money_key(m) for m in case.get("money", [])]
    tally.entities["MONEY"].add(*_multiset_score(money_pred, money_gold))
    tally.entities["ORG"].add(
        *_name_set_score([str(e.normalized) for e in by_label["ORG"]], case.get("orgs", []))
    )
    tally.entities["MODEL"].add(
        *_name_set_score([str(e.normalized) for e in by_label["MODEL"]], case.get("models", []))
    )
    if "dates" in case:
        date_pred = [
            (str(e.normalized.value), e.normalized.granularity)
            for e in by_label["DATE"]
            if hasattr(e.normalized, "granularity")
        ]
        date_gold = [(str(d.get("value")), d.get("granularity")) for d in case["dates"]]
        tally.entities["DATE"].add(*_multiset_score(date_pred, date_gold))


def default_folder() -> Path:
    """The bundled fixtures: ``fixtures/articles`` in the working directory or beside the source tree."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / "fixtures" / "articles"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no fixtures/articles folder found: give the folder of gold cases")


def load_cases(folder: str | Path | None) -> list[dict[str, Any]]:
    """Every ``*.json`` gold case in ``folder`` (sorted by name)."""
    base = Path(folder) if folder else default_folder()
    if not base.is_dir():
        from dealextract.batch.readers import UsageError

        raise UsageError(f"{base}: not a folder of gold cases")
    return [json.loads(p.read_text("utf-8")) for p in sorted(base.glob("*.json"))]


def run_bench(folder: str | Path | None = None, repeat: int = 1) -> dict[str, Any]:
    """Score the extractor on every case in ``folder`` and time it; a JSON-ready report."""
    from dealextract.api import default_pipeline, extract

    cases = load_cases(folder)
    nlp = default_pipeline()
    tally = Tally()
    results = []
    started = time.perf_counter()
    for _ in range(max(1, repeat)):
        results = [
            extract(c["text"], published=c.get("published"), article_id=c.get("id"), nlp=nlp) for c in cases
        ]
    elapsed = (time.perf_counter() - started) / max(1, repeat)
    for case, result in zip(cases, results, strict=False):
        score_case(case, result, tally)
    words = sum(len(c["text"].split()) for c in cases)
    size = sum(len(c["text"].encode("utf-8")) for c in cases)
    return {
        "folder": str(Path(folder) if folder else default_folder()),
        "articles": len(cases),
        "deals": {
            "match_on_target": tally.deals.as_dict(),
            "strict": tally.strict.as_dict(),
            "investors": tally.investors.as_dict(),
            "roles": tally.roles.as_dict(),
            "amounts": tally.amounts.as_dict(),
            "rounds": tally.rounds.as_dict(),
            "dates": tally.dates.as_dict(),
            "kinds": tally.kinds.as_dict(),
            "statuses": tally.statuses.as_dict(),
        },
        "entities": {label: s.as_dict() for label, s in tally.entities.items()},
        "speed": {
            "seconds": round(elapsed, 4),
            "articles_per_s": round(len(cases) / elapsed, 1) if elapsed else None,
            "words_per_s": round(words / elapsed) if elapsed else None,
            "mb_per_s": round(size / 1e6 / elapsed, 3) if elapsed else None,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "misses": tally.misses,
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as a table for people."""
    lines = [f"dealextract bench: {report['articles']} articles from {report['folder']}", ""]
    lines.append(f"{'measure':<28}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn")
    for name, s in [(f"deals: {k}", v) for k, v in report["deals"].items() if "f1" in v] + [
        (f"entity {k}", v) for k, v in report["entities"].items()
    ]:
        lines.append(
            f"{name:<28}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
            f"   {s['tp']}/{s['fp']}/{s['fn']}"
        )
    lines.append("")
    lines.append(f"{'on matched deals':<28}{'accuracy':>9}   right/total")
    for k, v in report["deals"].items():
        if "accuracy" in v:
            lines.append(f"{k:<28}{v['accuracy']:>9.3f}   {v['right']}/{v['total']}")
    sp = report["speed"]
    lines.append("")
    lines.append(
        f"speed: {sp['articles_per_s']} articles/s, {sp['words_per_s']} words/s, "
        f"{sp['mb_per_s']} MB/s, peak RSS {sp['peak_rss_mb']} MB"
    )
    if report["misses"]:
        lines.append("")
        lines.append("deal misses and extras:")
        lines.extend(f"  {m}" for m in report["misses"])
    return "\n".join(lines)
