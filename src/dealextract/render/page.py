"""The review page: one self-contained HTML file for a run of articles.

Layout, top to bottom: a summary table of every deal (click a column header to sort), then one section per
article with its text (entities highlighted, evidence sentences marked) followed by one card per deal.

Why self-contained: a reviewer opens the file from disk, mails it or attaches it to a ticket, and it must
look the same with no network.  CSS and JavaScript are inlined from ``render/static/``; the page's
Content-Security-Policy forbids loading anything else, so a stray external reference fails loudly in the
browser test instead of silently working on a developer's machine.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from dealextract.records import ArticleResult, Deal, ErrorInfo, Money, Party
from dealextract.render.markup import LABEL_COLORS, article_html, deal_id, money_text

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
ROLE_NAMES = {"lead": "lead", "co_lead": "co-lead", "participant": "participant", "acquirer": "acquirer"}


@dataclass(frozen=True, slots=True)
class ReviewArticle:
    """One article on the page: its text (the records hold only offsets into it) and its result.

    ``text`` is None for an input that could not be read (its result then holds only ``errors``).
    """

    text: str | None
    result: ArticleResult
    title: str | None = None
    url: str | None = None


def _static(name: str) -> str:
    return resources.files("dealextract.render").joinpath(f"static/{name}").read_text("utf-8")


def _e(value: object) -> str:
    """Escaped text of any value; None is an empty cell."""
    return "" if value is None else html.escape(str(value))


def _amount(m: Money | None) -> str:
    if m is None:
        return ""
    shown = m.text or money_text(m)
    return f"{shown} ({money_text(m)})" if m.text else shown


def _party(p: Party) -> str:
    role = ROLE_NAMES.get(p.role, p.role)
    said = f' title="as written: {_e(p.text)}"' if p.text and p.text != p.name else ""
    return f'<li><span class="party"{said}>{_e(p.name)}</span> <span class="role role-{_e(p.role)}">{_e(role)}</span></li>'


def _sort_key(value: Decimal | float | str | None) -> str:
    """The ``data-sort`` value of a cell: numbers as plain decimals, text as is, missing as empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _deal_card(article_index: int, deal_index: int, deal: Deal) -> str:
    rows: list[tuple[str, str]] = [
        ("Kind", _e(deal.kind.replace("_", " "))),
        ("Status", f'<span class="status status-{_e(deal.status)}">{_e(deal.status)}</span>'),
        ("Amount", _e(_amount(deal.amount))),
    ]
    if deal.equivalents:
        rows.append(("Also stated as", _e("; ".join(_amount(m) for m in deal.equivalents))))
    usd = "" if deal.amount_usd is None else f"{deal.amount_usd:,} USD ({deal.amount_usd_source})"
    rows.append(("USD amount", _e(usd)))
    if deal.valuation is not None:
        rows.append(("Valuation", _e(_amount(deal.valuation))))
    date = ""
    if deal.date is not None:
        resolved = deal.date.value.isoformat() if deal.date.value else "unresolved"
        date = f"{deal.date.text or ''} → {resolved} ({deal.date.granularity})".strip()
    rows.extend(
        [
            ("Round", _e(deal.round)),
            ("Date", _e(date)),
            ("Confidence", f'<span class="confidence">{deal.confidence:.2f}</span>'),
            ("Models", _e(", ".join(deal.models))),
        ]
    )
    flags = (
        "".join(f'<span class="flag">{_e(f)}</span>' for f in deal.flags) or '<span class="none">none</span>'
    )
    rows.append(("Flags", flags))
    investors = "".join(_party(p) for p in deal.investors) or '<li class="none">none named</li>'
    evidence = "".join(
        f'<li><a href="#article-{article_index}" class="evidence-link" '
        f'data-deal="{deal_id(article_index, deal_index)}">{_e(ev.text)}</a> '
        f"<small>[{ev.start}:{ev.end}]</small></li>"
        for ev in deal.evidence
    )
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    did = deal_id(article_index, deal_index)
    return (
        f'<article class="deal-card" id="{did}" data-deal="{did}">'
        f'<h4><span class="deal-target">{_e(deal.target.name)}</span>'
        f'<span class="deal-no">deal {deal_index + 1}</span></h4>'
        f'<div class="card-body"><table class="fields">{table}</table>'
        f'<div class="investors"><h5>Investors</h5><ul>{investors}</ul></div></div>'
        f'<div class="evidence-list"><h5>Evidence</h5><ol>{evidence}</ol></div>'
        "</article>"
    )


def _errors(errors: Sequence[ErrorInfo]) -> str:
    items = "".join(
        f"<li><code>{_e(e.code)}</code> {_e(e.message)}{f' (line {e.line})' if e.line else ''}</li>"
        for e in errors
    )
    return f'<div class="errors"><h5>Errors</h5><ul>{items}</ul></div>'


def _article_section(index: int, item: ReviewArticle) -> str:
    r = item.result
    heading = item.title or r.article_id or f"Article {index + 1}"
    meta = [
        f"id {_e(r.article_id)}" if r.article_id else "",
        f"published {r.published}" if r.published else "",
    ]
    if item.url:
        # A link the reviewer may follow by hand; rel=noreferrer, and it is never fetched by the page.
        meta.append(f'<a href="{_e(item.url)}" rel="noreferrer noopener" target="_blank">source</a>')
    counts = f"{len(r.entities)} entities, {len(r.deals)} deals"
    body = "" if item.text is None else article_html(item.text, r, index)
    cards = "".join(_deal_card(index, i, d) for i, d in enumerate(r.deals))
    return (
        f'<section class="article" id="article-{index}">'
        f"<h2>{_e(heading)}</h2>"
        f'<p class="meta">{" · ".join(m for m in meta if m)} · {counts}</p>'
        f"{_errors(r.errors) if r.errors else ''}{body}"
        f'<div class="deals">{cards}</div>'
        "</section>"
    )


# (header, sort type) of the summary table; the order is the column order.
SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("#", "number"),
    ("Article", "text"),
    ("Target", "text"),
    ("Kind", "text"),
    ("Status", "text"),
    ("Round", "text"),
    ("Amount", "text"),
    ("USD amount", "number"),
    ("Date", "text"),
    ("Investors", "text"),
    ("Confidence", "number"),
    ("Flags", "text"),
)


def _summary_row(number: int, article_index: int, deal_index: int, r: ArticleResult, d: Deal) -> str:
    did = deal_id(article_index, deal_index)
    investors = ", ".join(f"{p.name} ({ROLE_NAMES.get(p.role, p.role)})" for p in d.investors)
    date = d.date.value.isoformat() if d.date is not None and d.date.value is not None else None
    cells: list[tuple[str, str]] = [
        (str(number), str(number)),
        (_e(r.article_id or f"Article {article_index + 1}"), _sort_key(r.article_id or "")),
        (f'<a href="#{did}">{_e(d.target.name)}</a>', _sort_key(d.target.name.casefold())),
        (_e(d.kind.replace("_", " ")), d.kind),
        (_e(d.status), d.status),
        (_e(d.round), _sort_key(d.round)),
        (_e(_amount(d.amount)), _sort_key(d.amount.text if d.amount else None)),
        (_e("" if d.amount_usd is None else f"{d.amount_usd:,}"), _sort_key(d.amount_usd)),
        (_e(date), _sort_key(date)),
        (_e(investors), _sort_key(investors.casefold())),
        (f"{d.confidence:.2f}", _sort_key(d.confidence)),
        (_e(", ".join(d.flags)), _sort_key(", ".join(d.flags))),
    ]
    tds = "".join(f'<td data-sort="{_e(key)}">{shown}</td>' for shown, key in cells)
    return f'<tr data-deal="{did}">{tds}</tr>'


def _summary(items: Sequence[ReviewArticle]) -> str:
    heads = "".join(
        f'<th scope="col" data-type="{kind}" aria-sort="none"><button type="button">{_e(name)}</button></th>'
        for name, kind in SUMMARY_COLUMNS
    )
    rows: list[str] = []
    for a, item in enumerate(items):
        for d, deal in enumerate(item.result.deals):
            rows.append(_summary_row(len(rows) + 1, a, d, item.result, deal))
    if not rows:
        return '<p class="none">No deals found.</p>'
    return (
        f'<table class="summary" id="summary"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _legend() -> str:
    return (
        "".join(
            f'<mark class="entity legend" style="background: {color}; padding: 0.3em 0.6em; margin: 0 0.25em; '
            f'border-radius: 0.35em;">{label}</mark>'
            for label, color in LABEL_COLORS.items()
        )
        + '<span class="evidence legend-evidence">evidence sentence</span>'
    )


def render_page(articles: Iterable[ReviewArticle], title: str = "dealextract review") -> str:
    """The whole review page as one HTML string (no external resources).

    >>> from dealextract import extract
    >>> text = "Acme Robotics raised $5 million from Foo Ventures."
    >>> page = render_page([ReviewArticle(text, extract(text, article_id="a1"))])
    >>> page.startswith("<!DOCTYPE html>"), 'id="deal-0-0"' in page, "://" in page
    (True, True, False)
    """
    items = list(articles)
    n_deals = sum(len(i.result.deals) for i in items)
    n_errors = sum(1 for i in items if i.result.errors)
    sections = "".join(_article_section(i, item) for i, item in enumerate(items))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dealextract">
<title>{_e(title)}</title>
<style>{_static("page.css")}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
<p class="meta">{len(items)} articles · {n_deals} deals · {n_errors} with errors</p>
<p class="legend">{_legend()}</p>
</header>
<main>
<section class="summary-section"><h2>All deals</h2>{_summary(items)}</section>
{sections}
</main>
<script>{_static("page.js")}</script>
</body>
</html>
"""
