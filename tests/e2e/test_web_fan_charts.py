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


def test_sectors_draw_each_driver_in_team_colours_a_panel_per_sector(fan: Page) -> None:
    browse(fan, 2019, 14, "Q", "sectors")
    bars = mark_fills(fan, ".mark-rect.role-mark path")
    fill: dict[tuple[str, str], str] = {}
    for label, colour in bars:
        f = fields(label)
        if "Driver" in f:
            fill[(f["Driver"], f["Sector"])] = colour
    assert {sector for _, sector in fill} == {"S1", "S2", "S3"}
    for sector in ("S1", "S2", "S3"):
        assert fill[("LEC", sector)] == fill[("VET", sector)] == "#dc0000"  # Ferrari red
        assert fill[("HAM", sector)] == fill[("BOT", sector)] == "#00d2be"  # Mercedes
    # the panels share the page's width instead of crowding its left third
    width = fan.eval_on_selector(
        f"#browse-result {CHART}", "svg => svg.getBoundingClientRect().width"
    )
    assert width > 700


def test_the_stint_axis_ends_at_lap_51_and_the_race_trace_has_no_lapped_spike(fan: Page) -> None:
    browse(fan, 2018, 4, "R", "strategy")
    assert axis_labels(fan, "X")[-1] == "51"  # the 2018 Baku race's length, not 52
    browse(fan, 2018, 4, "R", "gaps")
    ticks = [float(t.replace(",", "")) for t in axis_labels(fan, "Y")]
    # Ericsson 289 s behind a lap down under the safety car is not drawn; the top of the
    # axis is the real gaps (Vandoorne's 170.7 s on a 171 s safety-car lap)
    assert max(ticks) <= 180, ticks


def test_line_end_names_are_readable_in_a_darker_shade_of_a_light_team_colour(fan: Page) -> None:
    browse(fan, 2018, 4, "R", "positions")
    names = dict(
        fan.eval_on_selector_all(
            f"#browse-result {CHART} .mark-text.role-mark text",
            "els => els.map(e => [e.textContent, e.getAttribute('fill')])",
        )
    )
    assert names["VET"] == names["RAI"] == "#dc0000"  # Ferrari red is readable as it is
    assert names["SAI"] == names["HUL"] == "#999300"  # Renault's yellow, darkened for text
    lines = dict(_line_strokes(fan))
    assert lines["SAI"] == "#fff500"  # the line keeps the team's own yellow


def _line_strokes(page: Page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        f"#browse-result {CHART} .mark-line.role-mark path",
        """els => els.map(e => [
            ((e.getAttribute('aria-label') || '').match(/Driver: (\\w+)/) || [])[1] || '',
            e.getAttribute('stroke')])""",
    )
