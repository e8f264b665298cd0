"""Every kind of answer, at desktop and phone width, drawn and saved to artifacts/screenshots.

Each page must draw its chart (or its table, for answers without one) with no console
error, and fit the phone's width; the screenshots are for people to look at.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from f1core.domain.session import SessionKind
from f1core.kinds.registry import SESSION_QUESTIONS
from tests.e2e.conftest import screenshot
from tests.e2e.test_web_app import CHART, ready, sign_up

pytestmark = pytest.mark.browser

# (year, round, session, analysis): every session kind of the registry once, on the 2018
# Azerbaijan race where it applies, else on the 2024 British GP's FP1; weather on the 2019
# Italian GP's qualifying (the 2018 Baku race has no weather recorded).
BROWSED = [
    (2019, 14, "Q", kind.name)
    if kind.name == "weather"
    else (2018, 4, "R", kind.name)
    if kind.applies_to(SessionKind.RACE)
    else (2024, 12, "FP1", kind.name)
    for kind in SESSION_QUESTIONS
]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 800)}


@pytest.mark.parametrize("device", list(WIDTHS))
def test_every_answer_kind_draws_at_every_width(new_page: Any, device: str) -> None:
    width, height = WIDTHS[device]
    page: Page = new_page(width, height)
    sign_up(page, f"shots-{device}")
    for year, round_, session, name in BROWSED:
        page.goto(f"/browse?year={year}&event={round_}&session={session}&view={name}")
        ready(page)
        result = page.locator("#browse-result")
        page.wait_for_selector(
            f"#browse-result {CHART}, #browse-result table, #browse-error:not([hidden])",
            timeout=90_000,
        )
        assert page.locator("#browse-error").is_hidden(), (name, page.inner_text("#browse-error"))
        assert result.locator(".answer-text").inner_text().strip(), name
        if result.locator("figure.chart-box").count():
            page.wait_for_selector(f"#browse-result {CHART}", state="attached", timeout=60_000)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, name
        screenshot(page, f"answer-{name}-{device}")
    page.goto("/ask?q=who won the 1988 title")
    page.wait_for_selector("#answer .answer-text", timeout=60_000)
    screenshot(page, f"answer-archive-{device}")
