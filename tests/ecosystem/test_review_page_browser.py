"""The review page in a real browser: Debian's Chromium driven by ChromeDriver through Selenium.

It checks what a reviewer sees: the page loads from disk with no console error and no network request,
every deal has its card, the summary table sorts, and hovering a card lights up its evidence.  A
screenshot is saved as a test artefact (``build/test-artifacts/review-page.png``, or under
``$DEALEXTRACT_ARTIFACTS``) so a person can look at what the test saw.

Skipped cleanly where Chromium, ChromeDriver or Selenium are missing; ``.ci/run`` installs them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dealextract.render import render_page, review

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

# .ci/run sets DEALEXTRACT_REQUIRE_BROWSER=1 after installing Chromium: there a missing browser is a
# failure, not a skip, so CI cannot pass without running these tests.
if os.environ.get("DEALEXTRACT_REQUIRE_BROWSER") == "1":
    assert CHROMIUM and CHROMEDRIVER, "DEALEXTRACT_REQUIRE_BROWSER=1 but chromium/chromedriver are missing"
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None, reason="needs Debian's chromium and chromium-driver"
)


def artifacts_dir() -> Path:
    path = Path(os.environ.get("DEALEXTRACT_ARTIFACTS", ROOT / "build" / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def page_file() -> Path:
    """The review page of the bundled examples plus one article with markup in it and one broken line."""
    articles: list[Any] = [json.loads(line) for line in (ROOT / "fixtures" / "example.jsonl").open()]
    articles.append(
        {
            "id": "escaping",
            "published": "2026-03-02",
            "text": 'Acme <b>Robotics</b> & Co raised $5 million from "Foo Ventures" <script>alert(1)</script>.',
        }
    )
    articles.append({"id": "broken", "text": ""})
    html = render_page(review(articles), title="dealextract review: browser test")
    path = artifacts_dir() / "review-page.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    if os.environ.get("DEALEXTRACT_REQUIRE_BROWSER") == "1":
        import selenium.webdriver as webdriver
    else:
        webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",  # this machine's network is closed: no update or sync pings
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1600",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager must not try to download one.
    service = Service(executable_path=str(CHROMEDRIVER))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def loaded(driver: Any, page_file: Path) -> Any:
    driver.get(page_file.as_uri())
    return driver


def _severe(driver: Any) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def test_page_loads_without_console_errors_or_network(loaded: Any) -> None:
    assert loaded.title == "dealextract review: browser test"
    assert _severe(loaded) == []
    # Nothing but the page itself was fetched (the CSP would also block it, as a console error).
    resources = loaded.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
    # The escaping article shows its markup as text, and no script of it ran.
    section = loaded.find_element("css selector", "#article-3 .entities")
    assert "<script>alert(1)</script>" in section.text
    assert "<b>Robotics</b>" in section.text


def test_every_deal_has_a_card_and_a_summary_row(loaded: Any, page_file: Path) -> None:
    items = review(
        [json.loads(line) for line in (ROOT / "fixtures" / "example.jsonl").open(encoding="utf-8")]
    )
    expected = {f"deal-{a}-{d}" for a, item in enumerate(items) for d in range(len(item.result.deals))}
    assert expected, "the examples should hold deals"
    cards = {el.get_attribute("id") for el in loaded.find_elements("css selector", ".deal-card")}
    rows = {el.get_attribute("data-deal") for el in loaded.find_elements("css selector", "#summary tbody tr")}
    assert expected <= cards
    assert cards == rows
    # Each card shows the fields a reviewer checks.
    card = loaded.find_element("css selector", "#deal-0-0")
    for field in ("Status", "Amount", "USD amount", "Round", "Date", "Confidence", "Flags", "Investors"):
        assert field.upper() in card.text.upper()
    # The broken article shows its error instead of text.
    assert "empty_text" in loaded.find_element("css selector", "#article-4 .errors").text


def _column(driver: Any, index: int) -> list[str]:
    return [
        td.get_attribute("data-sort")
        for td in driver.find_elements("css selector", f"#summary tbody tr td:nth-child({index})")
    ]


def _header(driver: Any, name: str) -> Any:
    for th in driver.find_elements("css selector", "#summary thead th"):
        if th.text.strip().startswith(name):
            return th
    raise AssertionError(f"no column {name!r}")


def test_summary_table_sorts_by_column(loaded: Any) -> None:
    usd_col = 8  # 1-based: #, Article, Target, Kind, Status, Round, Amount, USD amount
    th = _header(loaded, "USD amount")
    th.find_element("css selector", "button").click()
    assert th.get_attribute("aria-sort") == "ascending"
    values = _column(loaded, usd_col)
    numbers = [Decimal(v) for v in values if v]
    assert numbers == sorted(numbers)
    assert all(v == "" for v in values[len(numbers) :]), "deals with no USD amount sort last"
    th.find_element("css selector", "button").click()
    assert th.get_attribute("aria-sort") == "descending"
    numbers = [Decimal(v) for v in _column(loaded, usd_col) if v]
    assert numbers == sorted(numbers, reverse=True)

    target = _header(loaded, "Target")
    target.find_element("css selector", "button").click()
    names = _column(loaded, 3)
    assert names == sorted(names)
    assert _severe(loaded) == []


def test_hovering_a_card_lights_its_evidence_and_screenshots(loaded: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    # Put the table back in its first order for the pictures.
    _header(loaded, "#").find_element("css selector", "button").click()
    loaded.execute_script("window.scrollTo(0, 0)")
    top = artifacts_dir() / "review-page.png"
    assert loaded.save_screenshot(str(top))

    # The first article: its text, then its cards; hovering the first card lights its evidence.
    loaded.execute_script("document.getElementById('article-0').scrollIntoView()")
    card = loaded.find_element("css selector", "#deal-0-0")
    ActionChains(loaded).move_to_element(card).perform()
    lit = loaded.find_elements("css selector", '.evidence.lit[data-deals~="deal-0-0"]')
    assert lit, "the card's evidence sentence should light up"
    assert "lit" in (card.get_attribute("class") or "")
    loaded.execute_script("document.getElementById('article-0').scrollIntoView()")
    article = artifacts_dir() / "review-page-article.png"
    assert loaded.save_screenshot(str(article))

    for shot in (top, article):
        assert shot.stat().st_size > 10_000
    assert _severe(loaded) == []
