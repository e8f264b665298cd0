"""Charts drawn by vega-embed (``js/vega-chart.js``) in Chromium, under the service's CSP.

The specs are written out here rather than taken from ``f1core.answers.charts``: these
tests are about the renderer (what vega draws, that it works without ``unsafe-eval``, the
export menu, the tooltip, dark mode), not about which chart each answer chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import PageProblems, Server, screenshot

pytestmark = pytest.mark.browser

RENDER = """async ([spec, width]) => {
  const { renderChart } = await import('/static/js/vega-chart.js');
  document.querySelector('figure.chart-box')?.remove();
  const box = document.createElement('figure');
  box.className = 'chart-box';
  box.style.width = width + 'px';
  document.body.append(box);
  await renderChart(spec, box);
  const svg = box.querySelector('svg.marks');
  const boxes = (sel) => [...svg.querySelectorAll(sel)].map(p => {
    const b = p.getBBox();
    return { x: b.x, y: b.y, width: b.width, height: b.height, fill: p.getAttribute('fill'),
             stroke: p.getAttribute('stroke') };
  });
  const texts = (sel) => [...svg.querySelectorAll(sel)].map(t => t.textContent);
  return {
    width: svg.getBoundingClientRect().width,
    bars: boxes('.mark-rect.role-mark path'),
    lines: boxes('.mark-line.role-mark path'),
    points: boxes('.mark-symbol.role-mark path'),
    legend: texts('.role-legend-label text'),
    xLabels: texts('[aria-label^="X-axis"] .role-axis-label text'),
    yLabels: texts('[aria-label^="Y-axis"] .role-axis-label text'),
    title: texts('.role-title-text text'),
    axisColour: svg.querySelector('.role-axis-label text')?.getAttribute('fill'),
    actions: [...box.querySelectorAll('.vega-actions a')].map(a => a.textContent),
    label: svg.getAttribute('aria-label'),
  };
}"""

GAPS: dict[str, Any] = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "title": "Gap to pole",
    "width": 480,
    "height": 280,
    "data": {
        "values": [
            {"driver": "NOR", "gap_s": 0.0},
            {"driver": "VER", "gap_s": 0.02},
            {"driver": "HAM", "gap_s": 0.3},
        ]
    },
    "mark": "bar",
    "encoding": {
        "x": {"field": "driver", "type": "nominal", "sort": ["NOR", "VER", "HAM"]},
        "y": {"field": "gap_s", "type": "quantitative", "title": "Gap (s)"},
        "tooltip": [{"field": "driver"}, {"field": "gap_s"}],
    },
}


@pytest.fixture(scope="module")
def chart_page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(base_url=server.base_url)
    page = context.new_page()
    problems = PageProblems(page)
    page.goto("/login")  # any page of the app: its CSP is the one charts must live with
    page.wait_for_selector("body[data-ready=true]")
    yield page
    context.close()
    assert not problems.messages, f"console errors or CSP violations: {problems.messages}"


@pytest.fixture
def render(chart_page: Page) -> Callable[..., dict[str, Any]]:
    def draw(spec: dict[str, Any], width: int = 640) -> dict[str, Any]:
        result: dict[str, Any] = chart_page.evaluate(RENDER, [spec, width])
        return result

    return draw


def test_bars_are_drawn_in_proportion_with_the_export_menu(render: Any) -> None:
    out = render(GAPS)
    nor, ver, ham = out["bars"]
    assert out["xLabels"] == ["NOR", "VER", "HAM"]
    assert out["title"] == ["Gap to pole"]
    assert nor["height"] <= 0.5
    assert ham["height"] / ver["height"] == pytest.approx(15, rel=0.02)
    assert nor["x"] < ver["x"] < ham["x"]
    assert out["actions"] == ["Save as SVG", "Save as PNG"]
    assert out["label"] == "Gap to pole"


def test_expressions_evaluate_without_unsafe_eval(render: Any, chart_page: Page) -> None:
    # A calculate transform and a filter are vega expressions: without the interpreter
    # vega compiles them with Function(), which the CSP refuses (no 'unsafe-eval').
    csp = chart_page.evaluate(
        "async () => (await fetch('/login')).headers.get('content-security-policy')"
    )
    assert "unsafe-eval" not in csp and "script-src 'self'" in csp
    spec = {
        **GAPS,
        "transform": [
            {"calculate": "datum.gap_s * 1000", "as": "gap_ms"},
            {"filter": "datum.gap_ms > 10"},
        ],
        "encoding": {**GAPS["encoding"], "y": {"field": "gap_ms", "type": "quantitative"}},
    }
    spec["encoding"]["x"] = {"field": "driver", "type": "nominal", "sort": ["VER", "HAM"]}
    out = render(spec)
    assert out["xLabels"] == ["VER", "HAM"]
    ver, ham = out["bars"]
    assert ham["height"] / ver["height"] == pytest.approx(15, rel=0.02)


def test_colour_scales_lines_and_a_reversed_axis(render: Any) -> None:
    values = [
        {"driver": d, "lap": lap, "position": p}
        for lap, order in enumerate([["VER", "PER", "LEC"], ["PER", "VER", "LEC"]], start=1)
        for p, d in enumerate(order, start=1)
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Positions",
        "data": {"values": values},
        "mark": "line",
        "encoding": {
            "x": {"field": "lap", "type": "quantitative"},
            "y": {"field": "position", "type": "quantitative", "scale": {"reverse": True}},
            "color": {
                "field": "driver",
                "type": "nominal",
                "scale": {
                    "domain": ["VER", "PER", "LEC"],
                    "range": ["#3671c6", "#3671c6", "#e8002d"],
                },
            },
        },
    }
    out = render(spec)
    assert len(out["lines"]) == 3
    assert sorted(out["legend"]) == ["LEC", "PER", "VER"]
    assert {line["stroke"] for line in out["lines"]} == {"#3671c6", "#e8002d"}


def test_a_chart_fits_a_phone_with_its_legend_below(render: Any, chart_page: Page) -> None:
    values = [{"driver": f"D{i:02d}", "team": f"T{i // 2}", "gap_s": i / 10} for i in range(20)]
    spec = {**GAPS, "data": {"values": values}}
    spec["encoding"] = {
        "x": {"field": "driver", "type": "nominal"},
        "y": {"field": "gap_s", "type": "quantitative"},
        "color": {"field": "team", "type": "nominal"},
    }
    spec["title"] = "Best lap gap to the fastest, 2024 Spanish Grand Prix Qualifying"
    out = render(spec, 340)
    assert len(out["bars"]) == 20
    assert out["width"] <= 340
    assert len(out["legend"]) == 10  # every team, none cut off
    screenshot(chart_page, "chart-phone")


def test_the_tooltip_names_the_mark(render: Any, chart_page: Page) -> None:
    render(GAPS)
    bar = chart_page.locator("figure.chart-box .mark-rect path").nth(2)
    bar.hover()
    tooltip = chart_page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    assert "HAM" in tooltip.inner_text() and "0.3" in tooltip.inner_text()


def test_export_menu_saves_a_png(render: Any, chart_page: Page) -> None:
    render(GAPS)
    chart_page.locator("figure.chart-box summary").click()
    with chart_page.expect_download() as info:
        chart_page.get_by_text("Save as PNG").click()
    download = info.value
    assert download.suggested_filename == "gap-to-pole.png"
    assert Path(download.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_dark_mode_draws_light_text(render: Any, chart_page: Page) -> None:
    light = render(GAPS)["axisColour"]
    chart_page.emulate_media(color_scheme="dark")
    try:
        dark = render(GAPS)["axisColour"]
        background = chart_page.evaluate(
            "() => getComputedStyle(document.documentElement).backgroundColor"
        )
    finally:
        chart_page.emulate_media(color_scheme="light")
    assert _luminance(light) < 0.5 < _luminance(dark)
    assert _luminance(background) < 0.2


def _luminance(colour: str) -> float:
    # "#rrggbb", "#rgb" or "rgb(r, g, b)" as 0 (black) .. 1 (white), roughly.
    if colour.startswith("rgb"):
        r, g, b = (int(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3])
    else:
        digits = colour.lstrip("#")
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
