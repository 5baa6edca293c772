"""The review page's HTML, without a browser: escaping, nesting, self-containment and the CLI."""

from __future__ import annotations

import html as html_lib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import dealextract
from dealextract.cli import main
from dealextract.render import render_page, review
from dealextract.render.markup import article_html

ROOT = Path(__file__).resolve().parents[2]
VOID = {"meta", "br", "img", "input", "link", "hr"}


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _well_nested(html: str) -> list[str]:
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    return parser.errors + ([f"unclosed {parser.stack}"] if parser.stack else [])


def test_text_is_escaped_and_offsets_kept() -> None:
    text = 'Acme <b>Robotics</b> & Co raised $5 million from "Foo Ventures" <script>alert(1)</script>.'
    result = dealextract.extract(text)
    html = article_html(text, result, 0)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _well_nested(html) == []
    # Removing the markup gives the article back, character for character.
    plain = re.sub(r"<span style=[^>]*>[A-Z]+</span>", "", html)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert html_lib.unescape(plain) == text


def test_evidence_and_entities_nest_and_every_deal_has_a_card() -> None:
    lines = (ROOT / "fixtures" / "example.jsonl").read_text(encoding="utf-8").splitlines()
    items = review([json.loads(line) for line in lines])
    page = render_page(items)
    assert _well_nested(page.split("<body>", 1)[1].split("<script>", 1)[0]) == []
    for a, item in enumerate(items):
        for d in range(len(item.result.deals)):
            assert f'id="deal-{a}-{d}"' in page
            assert (
                f'data-deals="deal-{a}-{d}' in page or f' deal-{a}-{d}"' in page or f" deal-{a}-{d} " in page
            )
    # Self-contained: nothing is loaded from anywhere.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "Content-Security-Policy" in page


def test_render_command(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert (
        main(["render", str(ROOT / "fixtures" / "example.jsonl"), "-o", str(out), "--title", "T & <x>"]) == 0
    )
    page = out.read_text(encoding="utf-8")
    assert "<title>T &amp; &lt;x&gt;</title>" in page
    assert page.count('class="deal-card"') == page.count("<tr data-deal=") > 0


def test_render_command_reports_broken_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "ok", "text": "Acme Robotics raised $5 million."}\nnot json\n', encoding="utf-8"
    )
    out = tmp_path / "report.html"
    assert main(["render", str(source), "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert "invalid_json" in page and 'id="deal-0-0"' in page
