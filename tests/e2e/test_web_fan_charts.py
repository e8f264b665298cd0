"""What a fan checks on the real answers' charts, drawn by vega-embed in Chromium.

Browsed from the recorded sessions like a user does: the colours are the teams', the
axes say what the numbers are, and a chart with many drivers lets you pick one.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.e2e.test_web_app import CHART, ready, sign_up

pytestmark = pytest.mark.browser


def browse(page: Page, year: int, round_: int, session: str, view: str) -> None:
    page.goto(f"/browse?year={year}&event={round_}&session={session}&view={view}")
    ready(page)
    page.wait_for_selector(f"#browse-result {CHART}", state="attached", timeout=90_000)


def mark_fills(page: Page, selector: str) -> list[tuple[str, str]]:
    """(aria-label, fill) of each mark item: vega labels items with their fields."""
    return page.eval_on_selector_all(
        f"#browse-result {CHART} {selector}",
        "els => els.map(e => [e.getAttribute('aria-label') || '', e.getAttribute('fill')])",
    )


def fields(label: str) -> dict[str, str]:
    """A mark's aria-label ("Driver: LEC; Lap: 10") as a dict."""
    return dict(part.split(": ", 1) for part in label.split("; ") if ": " in part)


def axis_labels(page: Page, axis: str) -> list[str]:
    return page.eval_on_selector_all(
        f'#browse-result {CHART} [aria-label^="{axis}-axis"] .role-axis-label text',
        "els => els.map(e => e.textContent)",
    )


FANS = itertools.count(1)


@pytest.fixture
def fan(new_page: Any) -> Page:
    page: Page = new_page(1280, 900)
    sign_up(page, f"fan{next(FANS)}")
    return page


def test_monza_2019_qualifying_colours_leclerc_and_vettel_in_ferrari_red(fan: Page) -> None:
    browse(fan, 2019, 14, "Q", "best-laps")
    bars = mark_fills(fan, ".mark-rect.role-mark path")
    fill = {fields(label)["Driver"]: colour for label, colour in bars}
    assert fill["LEC"] == fill["VET"] == "#dc0000"
    assert fill["HAM"] == fill["BOT"] == "#00d2be"
    assert fill["ALB"] == "#1e41ff"  # Verstappen set no time
    assert fill["RUS"] == fill["KUB"] == "#00a0dd"  # Williams, not the data's white
    assert len(set(fill.values())) == 10  # ten teams, ten colours


def test_race_pace_reads_in_minutes_on_an_axis_that_does_not_start_at_zero(fan: Page) -> None:
    browse(fan, 2018, 4, "R", "race-pace")
    ticks = axis_labels(fan, "Y")
    assert ticks and all(t.startswith("1:") for t in ticks), ticks  # 1:45.0, never 0 or 105
    dots = mark_fills(fan, ".mark-symbol.role-mark path")
    by_compound = {fields(label)["Compound"]: colour for label, colour in dots if label}
    assert by_compound == {"SUPERSOFT": "#fc2b2a", "SOFT": "#ffd318", "ULTRASOFT": "#b24ba7"}


def test_positions_put_p1_on_top_with_whole_places_and_laps(fan: Page) -> None:
    browse(fan, 2018, 4, "R", "positions")
    places = axis_labels(fan, "Y")
    assert places[0] == "P1" and "P0" not in places and places[-1] == "P18"
    laps = [int(t) for t in axis_labels(fan, "X")]
    assert max(laps) <= 51 and all(isinstance(n, int) for n in laps)
    ends = fan.eval_on_selector_all(
        f"#browse-result {CHART} .mark-text.role-mark text", "els => els.map(e => e.textContent)"
    )
    assert {"HAM", "VET", "BOT", "RAI"} <= set(ends) and "OCO" not in ends


def test_degradation_shows_the_stints_of_the_driver_picked(fan: Page) -> None:
    browse(fan, 2018, 4, "R", "degradation")

    def drivers_drawn() -> set[str]:
        dots = mark_fills(fan, ".mark-symbol.role-mark path")
        return {fields(label)["Driver"] for label, _ in dots if label}

    assert drivers_drawn() == {"VAN"}  # the steepest stint's driver first
    fan.select_option("#browse-result .vega-bindings select", "HAM")
    fan.wait_for_function(
        """() => [...document.querySelectorAll('#browse-result .mark-symbol.role-mark path')]
               .every(p => (p.getAttribute('aria-label') || '').includes('Driver: HAM'))"""
    )
    assert drivers_drawn() == {"HAM"}
