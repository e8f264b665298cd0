"""Vega-Lite v5 chart specs with their data inline, one shape per kind of result.

The specs are plain dicts so every driver can ship them as JSON: the web page hands
them to vega-embed, the notebook draws simple ones itself (``f1core.answers.svg``).
Times go into the data in seconds (floats, 3 decimals): Vega-Lite axes read seconds
better than milliseconds, and the table beside the chart keeps the exact M:SS.mmm.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from f1core.domain.team_colours import DriverLivery, ink

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

Spec = dict[str, Any]
Row = dict[str, Any]

# Pirelli's colours, so a stint bar reads as the tyre people saw on TV.
# Pirelli's sidewall colours, as FastF1's plotting module draws them. Until 2018 the
# compounds had names of their own (the 2018 soft was yellow, the supersoft red); from
# 2019 three of five C-numbered compounds race as soft (red), medium (yellow), hard (white).
_WET_AND_UNKNOWN = {"INTERMEDIATE": "#43b02a", "WET": "#0067ad", "UNKNOWN": "#888888"}
COMPOUNDS_UNTIL_2018: dict[str, str] = {
    "HYPERSOFT": "#feb1c1",
    "ULTRASOFT": "#b24ba7",
    "SUPERSOFT": "#fc2b2a",
    "SOFT": "#ffd318",
    "MEDIUM": "#f0f0f0",
    "HARD": "#00a2f5",
    "SUPERHARD": "#fd7d3c",
    **_WET_AND_UNKNOWN,
}
COMPOUNDS_FROM_2019: dict[str, str] = {
    "SOFT": "#da291c",
    "MEDIUM": "#ffd12e",
    "HARD": "#f0f0ec",
    **_WET_AND_UNKNOWN,
}


def compound_colors(year: int) -> dict[str, str]:
    """The tyre compounds raced in ``year`` and their colours."""
    return COMPOUNDS_UNTIL_2018 if year <= 2018 else COMPOUNDS_FROM_2019


_NO_LIVERY = "#888888"


def driver_channels(
    liveries: Sequence[DriverLivery],
    drivers: Sequence[str],
    *,
    marks: Literal["line", "point", "bar"],
    field: str = "driver",
    legend: bool = True,
) -> dict[str, Any]:
    """Encoding channels that draw each of ``drivers`` in their team's colour.

    Teammates share the colour; lines tell them apart by dash (``strokeDash``), points
    by marker (``shape``) and bars by a dashed outline (``BAR_OUTLINE`` draws it), the
    way FastF1's ``get_driver_style`` does. The channels share field and title, so
    Vega-Lite draws one legend for them. Bars need no legend: the axis names the driver.
    """
    style = {livery.driver: livery for livery in liveries}
    codes = list(dict.fromkeys(drivers))
    base: dict[str, Any] = {"field": field, "type": "nominal", "title": "Driver"}
    if not legend or marks == "bar":
        base["legend"] = None
    channels: dict[str, Any] = {
        "color": {
            **base,
            "scale": {
                "domain": codes,
                "range": [style[c].colour if c in style else _NO_LIVERY for c in codes],
            },
        }
    }
    if marks in ("line", "bar"):
        channels["strokeDash"] = {
            **base,
            "scale": {
                "domain": codes,
                "range": [list(style[c].dash) if c in style else [1, 0] for c in codes],
            },
        }
    elif marks == "point":
        channels["shape"] = {
            **base,
            "scale": {
                "domain": codes,
                "range": [style[c].shape if c in style else "circle" for c in codes],
            },
        }
    return channels


BAR_OUTLINE: dict[str, Any] = {"stroke": "#333333", "strokeWidth": 0.8}
"""A bar's dark outline: the yellow and white team colours still show on a light page,
and the second driver of a team is told apart by the outline's dash."""


MSS_LABELS = "floor(datum.value / 60) + ':' + format(datum.value % 60, '04.1f')"
"""A Vega axis ``labelExpr`` writing seconds as people read lap times: 105.5 -> 1:45.5."""


def lap_time_axis(title: str) -> dict[str, Any]:
    """A y encoding's ``axis`` for lap times in seconds, labelled in m:ss."""
    return {"title": title, "labelExpr": MSS_LABELS}


def compound_channel(rows: Sequence[Row], year: int) -> dict[str, Any]:
    """A colour channel on ``compound`` in the era's tyre colours, for the compounds used."""
    present = list(dict.fromkeys(str(row["compound"]) for row in rows))
    colours = compound_colors(year)
    return {
        "field": "compound",
        "type": "nominal",
        "title": "Compound",
        "scale": {
            "domain": present,
            "range": [colours.get(c, colours["UNKNOWN"]) for c in present],
        },
    }


def seconds(ms: float | None) -> float | None:
    """Milliseconds as seconds rounded to the millisecond (None stays None)."""
    return None if ms is None else round(ms / 1000.0, 3)


def spec(title: str, values: Sequence[Row], **body: Any) -> Spec:
    """A complete single-view spec: schema, title, inline data, then ``body``."""
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "width": 480,
        "height": 280,
        "data": {"values": list(values)},
        **body,
    }


def bar(
    title: str,
    values: Sequence[Row],
    *,
    category: str,
    value: str,
    value_title: str,
    category_title: str = "Driver",
    horizontal: bool = False,
    zero: bool = True,
    tooltip: Iterable[str] = (),
    color: str | None = None,
    liveries: Sequence[DriverLivery] = (),
    driver_field: str | None = None,
) -> Spec:
    """Bars of ``value`` per ``category``, in the order the rows are given.

    With ``zero=False`` (lap times, speeds: a bar's length from zero would hide a 0.3 s
    gap in 106 s) the marks are dots on an axis fitted to the values instead. With
    ``liveries`` each bar takes its driver's team colour: ``category`` holds the driver
    codes, or ``driver_field`` does when a category is not a driver ("VER L12").
    """
    order = [row[category] for row in values]
    cat = {"field": category, "type": "nominal", "title": category_title, "sort": order}
    val = {
        "field": value,
        "type": "quantitative",
        "title": value_title,
        "scale": {"zero": zero},
    }
    if horizontal:  # a wide axis: Vega's default ticks would print "250260" at its end
        val["axis"] = {"tickCount": 10}
    encoding: dict[str, Any] = {"x": val, "y": cat} if horizontal else {"x": cat, "y": val}
    fields = list(dict.fromkeys([category, value, *tooltip]))
    encoding["tooltip"] = [{"field": f} for f in fields]
    if color is not None:
        encoding["color"] = {"field": color, "type": "nominal"}
    elif liveries:
        field = driver_field or category
        codes = [str(row[field]) for row in values]
        marks: Literal["bar", "point"] = "bar" if zero else "point"
        encoding |= driver_channels(liveries, codes, marks=marks, field=field, legend=False)
    mark: dict[str, Any] = (
        {"type": "bar"} if zero else {"type": "point", "filled": True, "size": 90}
    )
    if liveries and zero:
        mark |= BAR_OUTLINE
    return spec(title, values, mark=mark, encoding=encoding)


def lines(
    title: str,
    values: Sequence[Row],
    *,
    x: str,
    y: str,
    group: str,
    x_title: str,
    y_title: str,
    reverse_y: bool = False,
    zero: bool = True,
    liveries: Sequence[DriverLivery] = (),
    laps: int | None = None,
    tooltip: Iterable[str] = (),
) -> Spec:
    """One line per ``group`` of ``y`` against ``x`` (laps, minutes).

    With ``liveries`` (``group`` holds driver codes) each line is its driver's team
    colour, the second driver of a team dashed. With ``laps`` the x axis is whole laps,
    1 to the race's length.
    """
    y_scale: dict[str, Any] = {"zero": zero}
    if reverse_y:
        y_scale["reverse"] = True
    x_channel: dict[str, Any] = {"field": x, "type": "quantitative", "title": x_title}
    if laps is not None:
        x_channel["scale"] = {"domain": [1, laps], "nice": False}
        x_channel["axis"] = {"values": lap_ticks(laps, first=1), "format": "d"}
    encoding: dict[str, Any] = {
        "x": x_channel,
        "y": {"field": y, "type": "quantitative", "title": y_title, "scale": y_scale},
        "color": {"field": group, "type": "nominal", "title": group.capitalize()},
        "tooltip": [{"field": f} for f in dict.fromkeys([group, x, y, *tooltip])],
    }
    if liveries:
        codes = [str(row[group]) for row in values]
        encoding |= driver_channels(liveries, codes, marks="line", field=group)
    # a missing value (a lapped car's gap) breaks the line rather than bridging it
    mark = {"type": "line", "point": False, "invalid": "break-paths-filter-domains"}
    return spec(title, values, mark=mark, encoding=encoding)


def lap_ticks(laps: int, first: int = 0) -> list[int]:
    """Lap axis ticks a fan reads at a glance: ``first``, every ten laps, and the last lap.

    A short session (a sprint, a 12-lap stint) gets a tick every five laps instead.
    """
    step = 10 if laps > 25 else 5
    ticks = [first, *range(step, laps, step)]
    if len(ticks) > 1 and laps - ticks[-1] < step / 2.5:  # 50 and 51 would overprint
        ticks.pop()
    return [*ticks, laps] if laps > first else [first]


def stint_bars(
    title: str, values: Sequence[Row], driver_order: Sequence[str], *, year: int, laps: int
) -> Spec:
    """Horizontal stint bars on a lap axis from 0 to the race's ``laps``: a stint of laps
    1-22 spans 0 to 22 (``start``, ``end``), coloured by compound."""
    return spec(
        title,
        values,
        mark={"type": "bar", "stroke": "#333333", "strokeWidth": 0.5},
        encoding={
            "y": {
                "field": "driver",
                "type": "nominal",
                "title": "Driver",
                "sort": list(driver_order),
            },
            # the axis ends with the race, not at the next round number
            "x": {
                "field": "start",
                "type": "quantitative",
                "title": "Lap",
                "scale": {"domain": [0, laps], "nice": False},
                "axis": {"values": lap_ticks(laps), "format": "d"},
            },
            "x2": {"field": "end"},
            "color": compound_channel(values, year),
            "tooltip": [
                {"field": "driver"},
                {"field": "stint"},
                {"field": "compound"},
                {"field": "first_lap"},
                {"field": "last_lap"},
                {"field": "laps"},
            ],
        },
    )


def stint_degradation(
    title: str,
    points: Sequence[Row],
    fits: Sequence[Row],
    drivers: Sequence[str],
    *,
    year: int,
    x_title: str,
    y_title: str,
) -> Spec:
    """Lap time against tyre life for one driver at a time, picked from a selector: each
    stint's laps as dots in the compound's colour (a marker per stint) and its fitted line.

    ``points`` rows hold ``driver``, ``stint`` (a label), ``compound``, ``lap``,
    ``tyre_life``, ``time_s``; ``fits`` the two ends of each stint's line. With one
    driver there is nothing to pick and no selector. Lines are drawn over a dark casing
    so the white hard tyre still shows on a light page.
    """
    codes = list(dict.fromkeys(drivers))
    x = {"field": "tyre_life", "type": "quantitative", "title": x_title}
    y = {
        "field": "time_s",
        "type": "quantitative",
        "scale": {"zero": False},
        "axis": lap_time_axis(y_title),
    }
    colour = compound_channel(points, year)
    body: dict[str, Any] = {}
    only: list[dict[str, Any]] = []
    if len(codes) > 1:
        body["params"] = [
            {
                "name": "pick",
                "value": codes[0],
                "bind": {"input": "select", "options": codes, "name": "Stints of "},
            }
        ]
        only = [{"filter": "datum.driver === pick"}]
    line = {"x": x, "y": y, "detail": {"field": "stint"}}
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "width": 480,
        "height": 280,
        **body,
        "layer": [
            {
                "data": {"values": list(fits)},
                "transform": only,
                "mark": {"type": "line", "strokeWidth": 4, "color": "#333333"},
                "encoding": line,
            },
            {
                "data": {"values": list(fits)},
                "transform": only,
                "mark": {"type": "line", "strokeWidth": 2},
                "encoding": {**line, "color": colour},
            },
            {
                "data": {"values": list(points)},
                "transform": only,
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 45,
                    "stroke": "#333333",
                    "strokeWidth": 0.6,
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    # a marker per stint; the tooltip and the table name them
                    "shape": {"field": "stint", "type": "nominal", "legend": None},
                    "tooltip": [
                        {"field": "driver", "title": "Driver"},
                        {"field": "stint", "title": "Stint"},
                        {"field": "lap", "title": "Lap"},
                        {"field": "tyre_life", "title": "Tyre life"},
                        {"field": "time", "title": "Lap time"},
                    ],
                },
            },
        ],
    }


def grouped_bar(
    title: str,
    values: Sequence[Row],
    *,
    category: str,
    group: str,
    value: str,
    value_title: str,
    category_title: str,
) -> Spec:
    """Bars of ``value`` per ``category``, side by side per ``group``."""
    order = list(dict.fromkeys(row[category] for row in values))
    return spec(
        title,
        values,
        mark={"type": "bar"},
        encoding={
            "x": {"field": category, "type": "nominal", "title": category_title, "sort": order},
            "xOffset": {"field": group},
            "y": {"field": value, "type": "quantitative", "title": value_title},
            "color": {"field": group, "type": "nominal", "title": group.capitalize()},
            "tooltip": [{"field": category}, {"field": group}, {"field": value}],
        },
    )


def sector_gaps(
    title: str,
    values: Sequence[Row],
    driver_order: Sequence[str],
    liveries: Sequence[DriverLivery],
) -> Spec:
    """One panel per sector, side by side: each driver's gap to the sector's best as a
    horizontal bar in the team's colour (teammates by the outline's dash), drivers in the
    same order down every panel, so a row reads across as one driver's lap.

    ``values`` rows hold ``driver``, ``sector`` ("S1") and ``gap_s``.
    """
    order = list(dict.fromkeys(driver_order))
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "data": {"values": list(values)},
        "facet": {
            "column": {
                "field": "sector",
                "type": "nominal",
                "title": None,
                "header": {"labelFontWeight": "bold", "labelFontSize": 12},
            }
        },
        "spec": {
            "width": 130,
            "height": {"step": 14},
            "mark": {"type": "bar", **BAR_OUTLINE},
            "encoding": {
                "y": {"field": "driver", "type": "nominal", "title": None, "sort": order},
                "x": {"field": "gap_s", "type": "quantitative", "title": "Gap to best (s)"},
                **driver_channels(liveries, order, marks="bar", legend=False),
                "tooltip": [
                    {"field": "driver", "title": "Driver"},
                    {"field": "sector", "title": "Sector"},
                    {"field": "gap_s", "title": "Gap (s)"},
                ],
            },
        },
        "resolve": {"scale": {"x": "independent"}},
    }


def driver_bars(
    title: str,
    rows: Sequence[Row],
    *,
    value: str,
    value_title: str,
    zero: bool = True,
    liveries: Sequence[DriverLivery] = (),
) -> Spec | None:
    """Bars of ``value`` per ``driver`` for the rows that have one; None for fewer than two."""
    values = [r for r in rows if r.get(value) is not None]
    if len(values) < 2:
        return None
    return bar(
        title,
        values,
        category="driver",
        value=value,
        value_title=value_title,
        zero=zero,
        liveries=liveries,
    )


def lap_time_distribution(
    title: str,
    laps: Sequence[Row],
    driver_order: Sequence[str],
    liveries: Sequence[DriverLivery],
    *,
    year: int,
) -> Spec:
    """Per driver, a box plot of lap times in the team's colour and every lap as a dot
    coloured by its tyre compound, on an m:ss axis fitted to the laps (never from zero).

    ``laps`` rows hold ``driver``, ``lap``, ``time_s``, ``time`` (m:ss.mmm), ``compound``.
    The dots are spread sideways by lap number, so they never hide one another in a column.
    """
    order = list(driver_order)
    values = [{**row, "jitter": (int(row["lap"]) * 7 % 13) / 12 - 0.5} for row in laps]
    x = {"field": "driver", "type": "nominal", "title": "Driver", "sort": order}
    y = {
        "field": "time_s",
        "type": "quantitative",
        # padding: the slowest and fastest laps' dots are drawn whole, not cut at the frame
        "scale": {"zero": False, "padding": 6},
        "axis": lap_time_axis("Lap time"),
    }
    box_colour = driver_channels(liveries, order, marks="bar")["color"]
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "width": 480,
        "height": 300,
        "data": {"values": values},
        "layer": [
            {
                "mark": {
                    "type": "boxplot",
                    "extent": 1.5,
                    "outliers": False,
                    "opacity": 0.45,
                    "median": {"color": "#222222"},
                    "rule": {"color": "#888888"},
                },
                "encoding": {"x": x, "y": y, "color": box_colour},
            },
            {
                "mark": {"type": "point", "filled": True, "size": 18, "opacity": 0.85},
                "encoding": {
                    "x": x,
                    "xOffset": {
                        "field": "jitter",
                        "type": "quantitative",
                        "scale": {"domain": [-1, 1]},
                    },
                    "y": y,
                    "color": compound_channel(laps, year),
                    "stroke": {"value": "#555555"},
                    "strokeWidth": {"value": 0.4},
                    "tooltip": [
                        {"field": "driver", "title": "Driver"},
                        {"field": "lap", "title": "Lap"},
                        {"field": "time", "title": "Lap time"},
                        {"field": "compound", "title": "Compound"},
                    ],
                },
            },
        ],
        "resolve": {"scale": {"color": "independent"}},
    }


def running_order(
    title: str, values: Sequence[Row], liveries: Sequence[DriverLivery], *, laps: int
) -> Spec:
    """Each driver's position lap by lap: P1 at the top, whole places and laps only,
    the lap axis as long as the race, every line named at its end in the team's colour.

    ``values`` rows hold ``lap``, ``driver`` and ``position``. The names at the line ends
    replace a legend: a retired driver's line ends where they stopped, named there.
    """
    codes = list(dict.fromkeys(str(row["driver"]) for row in values))
    places = max(int(row["position"]) for row in values)
    last: dict[str, Row] = {}
    for row in values:
        if row["lap"] >= last.get(row["driver"], row)["lap"]:
            last[row["driver"]] = row
    style = driver_channels(liveries, codes, marks="line", legend=False)
    # the names in the team's colour, darkened where it is too light to read (yellow)
    colour_scale = style["color"]["scale"]
    label_colour = {
        **style["color"],
        "scale": {**colour_scale, "range": [ink(c) for c in colour_scale["range"]]},
    }
    x = {
        "field": "lap",
        "type": "quantitative",
        "title": "Lap",
        "scale": {"domain": [1, laps], "nice": False},
        "axis": {"values": lap_ticks(laps, first=1), "format": "d"},
    }
    y = {
        "field": "position",
        "type": "quantitative",
        "title": "Position",
        "scale": {"domain": [1, places], "reverse": True, "nice": False, "zero": False},
        "axis": {
            "values": list(range(1, places + 1)),
            "labelExpr": "'P' + datum.value",
            "labelFontWeight": {
                "condition": {"test": "datum.value === 1", "value": "bold"},
                "value": "normal",
            },
            "grid": True,
        },
    }
    return spec(
        title,
        values,
        height=max(280, 16 * places),
        layer=[
            {
                "mark": {"type": "line", "strokeWidth": 2, "interpolate": "linear"},
                "encoding": {
                    "x": x,
                    "y": y,
                    **style,
                    "tooltip": [
                        {"field": "driver", "title": "Driver"},
                        {"field": "lap", "title": "Lap"},
                        {"field": "position", "title": "Position"},
                    ],
                },
            },
            {
                "data": {"values": list(last.values())},
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 4,
                    "fontSize": 10,
                    "fontWeight": "bold",
                },
                "encoding": {"x": x, "y": y, "text": {"field": "driver"}, "color": label_colour},
            },
        ],
        # the names keep their own (darker) colours instead of merging with the lines'
        resolve={"scale": {"color": "independent"}},
    )
