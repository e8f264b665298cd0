"""The SVG chart renderer and the table sorter, run in Chromium on the chart specs that
``f1core.answers.charts`` really emits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from f1core.answers import charts
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.browser

RENDER = """async ([spec, width]) => {
  const { renderChart } = await import('/static/js/chart.js');
  const box = document.createElement('figure');
  document.body.append(box);
  const svg = renderChart(spec, box, { width });
  const marks = [...svg.querySelectorAll('.mark')];
  return {
    marks: marks.map(m => ({
      tag: m.tagName, cls: m.getAttribute('class'), fill: m.getAttribute('fill'),
      stroke: m.getAttribute('stroke'), x: +m.getAttribute('x'), y: +m.getAttribute('y'),
      width: +m.getAttribute('width'), height: +m.getAttribute('height'),
      d: m.getAttribute('d'), title: m.querySelector('title')?.textContent ?? '' })),
    legend: [...svg.querySelectorAll('.legend-label')].map(t => t.textContent),
    xticks: [...svg.querySelectorAll('.axis-x .tick-label')].map(t => t.textContent),
    yticks: [...svg.querySelectorAll('.axis-y .tick-label')].map(t => t.textContent),
    titles: [...svg.querySelectorAll('.axis-title, .chart-title')].map(t => t.textContent),
    label: svg.getAttribute('aria-label'),
    titleLines: [...svg.querySelectorAll('.chart-title')].map(t => [t.textContent,
      t.getBBox().x + t.getBBox().width]),
  };
}"""


@pytest.fixture(scope="module")
def chart_page(browser: Any, server: Any) -> Any:
    context = browser.new_context(base_url=server.base_url)
    page = context.new_page()
    page.goto("/login")
    yield page
    context.close()


@pytest.fixture
def render(chart_page: Page) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def draw(spec: dict[str, Any], width: int = 640) -> dict[str, Any]:
        result: dict[str, Any] = chart_page.evaluate(RENDER, [spec, width])
        return result

    return draw


def test_gap_bars_have_one_bar_per_driver_in_proportion(render: Any) -> None:
    values = [
        {"driver": "NOR", "gap_s": 0.0},
        {"driver": "VER", "gap_s": 0.02},
        {"driver": "HAM", "gap_s": 0.3},
    ]
    spec = charts.bar(
        "Gap to pole", values, category="driver", value="gap_s", value_title="Gap (s)"
    )
    out = render(spec)
    bars = [m for m in out["marks"] if m["tag"] == "rect"]
    assert len(bars) == 3
    assert out["xticks"] == ["NOR", "VER", "HAM"]
    assert "Gap to pole" in out["titles"] and "Gap (s)" in out["titles"]
    assert out["label"] == "Gap to pole"
    # Zero-based: NOR's 0.000 s bar is (almost) flat, HAM's is 15 times VER's.
    nor, ver, ham = (b["height"] for b in bars)
    assert nor <= 0.5
    assert ham / ver == pytest.approx(15, rel=0.02)
    assert bars[0]["x"] < bars[1]["x"] < bars[2]["x"]
    assert "driver: HAM" in bars[2]["title"] and "gap_s: 0.3" in bars[2]["title"]


def test_stint_bars_span_their_laps_in_compound_colours(render: Any) -> None:
    values = [
        {
            "driver": "HAM",
            "stint": 1,
            "compound": "SOFT",
            "start": 0,
            "end": 11,
            "first_lap": 1,
            "last_lap": 11,
            "laps": 11,
        },
        {
            "driver": "HAM",
            "stint": 2,
            "compound": "HARD",
            "start": 11,
            "end": 51,
            "first_lap": 12,
            "last_lap": 51,
            "laps": 40,
        },
        {
            "driver": "BOT",
            "stint": 1,
            "compound": "MEDIUM",
            "start": 0,
            "end": 51,
            "first_lap": 1,
            "last_lap": 51,
            "laps": 51,
        },
    ]
    out = render(charts.stint_bars("Tyre strategy", values, ["HAM", "BOT"]))
    bars = [m for m in out["marks"] if m["tag"] == "rect"]
    assert [b["fill"] for b in bars] == ["#da291c", "#f0f0ec", "#ffd12e"]
    assert all(b["stroke"] == "#333333" for b in bars)
    soft, hard, medium = bars
    # Laps 0-11 and 11-51 of one row: adjacent, widths 11:40, and the same row.
    assert soft["x"] + soft["width"] == pytest.approx(hard["x"], abs=0.01)
    assert hard["width"] / soft["width"] == pytest.approx(40 / 11, rel=0.01)
    assert soft["y"] == hard["y"] != medium["y"]
    assert medium["width"] == pytest.approx(soft["width"] + hard["width"], rel=0.01)
    assert out["legend"] == ["SOFT", "HARD", "MEDIUM"]
    assert out["yticks"] == ["HAM", "BOT"]


def test_positions_draw_one_line_per_driver_with_p1_on_top(render: Any) -> None:
    values = [
        {"driver": d, "lap": lap, "position": p}
        for lap, order in enumerate([["VER", "PER", "LEC"], ["PER", "VER", "LEC"]], start=1)
        for p, d in enumerate(order, start=1)
    ]
    spec = charts.lines(
        "Positions",
        values,
        x="lap",
        y="position",
        group="driver",
        x_title="Lap",
        y_title="Position",
        reverse_y=True,
        zero=False,
    )
    out = render(spec)
    paths = [m for m in out["marks"] if m["tag"] == "path"]
    assert len(paths) == 3
    assert out["legend"] == ["VER", "PER", "LEC"]
    assert len({p["stroke"] for p in paths}) == 3
    ver = paths[0]["d"]  # "M<x1>,<y1>L<x2>,<y2>": P1 then P2, so VER's line goes down
    (_, y1), (_, y2) = (tuple(map(float, part.split(","))) for part in ver[1:].split("L"))
    assert y1 < y2


def test_degradation_layers_points_and_fits(render: Any) -> None:
    points = [
        {"stint": 1, "lap": lap, "tyre_life": lap, "time_s": 90 + 0.1 * lap} for lap in range(1, 6)
    ]
    fits = [
        {"stint": 1, "tyre_life": 1, "time_s": 90.1},
        {"stint": 1, "tyre_life": 5, "time_s": 90.5},
    ]
    spec = charts.scatter_with_fits(
        "Degradation", points, fits, x_title="Tyre life", y_title="Lap (s)"
    )
    out = render(spec)
    assert sum(m["tag"] == "circle" for m in out["marks"]) == 5
    assert sum(m["tag"] == "path" for m in out["marks"]) == 1
    # zero: false, so the axis hugs 90.1-90.5 s instead of starting at 0.
    assert out["yticks"][0] != "0" and float(out["yticks"][0]) >= 90


def test_grouped_bars_sit_side_by_side(render: Any) -> None:
    values = [
        {"driver": "VER", "phase": "quali", "gap_s": 0.1},
        {"driver": "VER", "phase": "race", "gap_s": 0.3},
        {"driver": "PER", "phase": "quali", "gap_s": 0.2},
        {"driver": "PER", "phase": "race", "gap_s": 0.4},
    ]
    spec = charts.grouped_bar(
        "Teammates",
        values,
        category="driver",
        group="phase",
        value="gap_s",
        value_title="Gap (s)",
        category_title="Driver",
    )
    bars = [m for m in render(spec)["marks"] if m["tag"] == "rect"]
    assert len(bars) == 4
    assert bars[0]["x"] + bars[0]["width"] == pytest.approx(bars[1]["x"], abs=0.01)
    assert bars[0]["y"] + bars[0]["height"] == pytest.approx(bars[1]["y"] + bars[1]["height"])
    assert bars[1]["height"] == pytest.approx(3 * bars[0]["height"], rel=0.02)


def test_boxplot_draws_quartile_boxes(render: Any) -> None:
    values = [{"driver": "VER", "time_s": t} for t in (91.0, 92.0, 93.0, 94.0, 95.0)]
    values += [{"driver": "PER", "time_s": t} for t in (92.0, 93.0, 94.0)]
    spec = {
        "mark": "boxplot",
        "data": {"values": values},
        "encoding": {
            "x": {"field": "driver", "type": "nominal"},
            "y": {"field": "time_s", "type": "quantitative", "scale": {"zero": False}},
        },
    }
    out = render(spec)
    boxes = [m for m in out["marks"] if m["cls"] == "mark mark-boxplot"]
    assert len(boxes) == 2
    assert "median 93" in boxes[0]["title"] and "92–94" in boxes[0]["title"]
    # VER's box spans its quartiles 92-94; PER's 92.5-93.5, half as tall.
    assert boxes[1]["height"] == pytest.approx(boxes[0]["height"] / 2, rel=0.01)


def test_aggregate_and_horizontal_bars(render: Any) -> None:
    values = [
        {"team": "Ferrari", "pts": 10},
        {"team": "Ferrari", "pts": 8},
        {"team": "McLaren", "pts": 25},
    ]
    spec = {
        "mark": "bar",
        "data": {"values": values},
        "encoding": {
            "y": {"field": "team", "type": "nominal"},
            "x": {"field": "pts", "type": "quantitative", "aggregate": "sum"},
        },
    }
    bars = render(spec)["marks"]
    assert len(bars) == 2
    assert bars[1]["width"] / bars[0]["width"] == pytest.approx(25 / 18, rel=0.01)


def test_charts_fit_a_phone(render: Any, chart_page: Page) -> None:
    values = [{"driver": f"D{i:02d}", "gap_s": i / 10} for i in range(20)]
    spec = charts.bar("Gaps", values, category="driver", value="gap_s", value_title="Gap (s)")
    spec["title"] = "Best lap gap to the fastest, 2024 Spanish Grand Prix Qualifying"
    out = render(spec, 340)
    assert len(out["marks"]) == 20
    # The long title wraps onto lines that each end inside the 340 px wide chart.
    lines = out["titleLines"]
    assert len(lines) >= 2
    assert " ".join(text for text, _ in lines) == spec["title"]
    assert all(right <= 340 for _, right in lines), lines
    screenshot(chart_page, "chart-renderer")


def test_table_sort_keys_read_times_and_gaps(chart_page: Page) -> None:
    result = chart_page.evaluate(
        """async () => {
          const { sortKey, compareCells } = await import('/static/js/table.js');
          const cells = ['1:12.001', '+0.214', null, '1:11.383', 'DNF', '59.9', ''];
          return { keys: cells.map(sortKey), sorted: [...cells].sort(compareCells) };
        }"""
    )
    assert result["keys"] == [72.001, 0.214, None, 71.383, None, 59.9, None]
    assert result["sorted"] == ["+0.214", "59.9", "1:11.383", "1:12.001", "DNF", None, ""]
