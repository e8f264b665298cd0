"""Answer composition on small made-up sessions: paragraphs, charts, the SVG fallback."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import msgspec
import pytest
from tests.fakes import make_event, make_lap, make_session

from f1core.answers.charts import VEGA_LITE_SCHEMA
from f1core.answers.svg import render_svg
from f1core.domain.session import Driver, SessionKind, WeatherSample
from f1core.kinds.base import SessionQuery
from f1core.kinds.registry import SESSION_QUESTION_BY_NAME

BAKU = make_event(2023, 4, "Azerbaijan Grand Prix", "Azerbaijan", "Baku")


def _race() -> object:
    laps = []
    for n in range(1, 13):
        for i, code in enumerate(("VER", "PER", "LEC")):
            stint = 1 if n <= 6 else 2
            laps.append(
                make_lap(
                    code,
                    n,
                    100_000 + i * 400 + (n % 6) * 50,
                    position=i + 1 if n < 10 or code == "LEC" else (2 if code == "VER" else 1),
                    end_at_ms=n * 100_000 + i * 1_000,
                    stint=stint,
                    compound="MEDIUM" if stint == 1 else "HARD",
                    tyre_life=n if stint == 1 else n - 6,
                    pit_in_at_ms=n * 100_000 if n == 6 else None,
                    pit_out_at_ms=n * 100_000 if n == 7 else None,
                )
            )
    session = make_session(BAKU, SessionKind.RACE, tuple(laps))
    weather = tuple(
        WeatherSample(m * 60_000, 20.0 + m / 10, 40.0 + m / 5, 50.0, 1000.0, False, 1.0, 90)
        for m in range(25)
    )
    drivers = (
        Driver("VER", "1", "Max Verstappen", "Red Bull Racing"),
        Driver("PER", "11", "Sergio Pérez", "Red Bull Racing"),
        Driver("LEC", "16", "Charles Leclerc", "Ferrari"),
    )
    return msgspec.structs.replace(session, weather=weather, drivers=drivers, total_laps=12)


RACE = _race()


def _query(analysis: str, **fields: object) -> SessionQuery:
    cls = SESSION_QUESTION_BY_NAME[analysis].query
    return cls(year=2023, event="Baku", session=SessionKind.RACE, **fields)


def _compose(analysis: str, drivers: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    query = _query(analysis, drivers=drivers)
    kind = SESSION_QUESTION_BY_NAME[analysis]
    return kind.compose(kind.answer(RACE, query), query)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("analysis", "mark"),
    [
        ("fastest-lap", "bar"),
        ("best-laps", "bar"),
        ("race-pace", "boxplot"),  # lap times: boxes and dots on a fitted axis, never bars
        ("strategy", "bar"),
        ("positions", "line"),
        ("gaps", "line"),
        ("weather", "line"),
        ("sectors", None),
        ("teammates", None),
        ("classification", None),
    ],
)
def test_every_chart_is_vega_lite_v5_with_inline_json_data(analysis: str, mark: str | None) -> None:
    composed = _compose(analysis)
    assert "2023 Azerbaijan Grand Prix Race" in composed.text
    assert composed.source == "FastF1 live timing (recorded)"
    chart = composed.chart
    if chart is None:
        assert mark is None
        return
    assert chart["$schema"] == VEGA_LITE_SCHEMA
    json.dumps(chart)  # inline data only: everything serialises
    if mark is not None:
        first = chart["layer"][0] if "layer" in chart else chart
        assert first["mark"]["type"] == mark
        assert chart["data"]["values"]
    if mark == "boxplot":
        box, dots = chart["layer"]
        assert dots["mark"]["type"] == "point"
        assert box["encoding"]["y"]["scale"] == dots["encoding"]["y"]["scale"] == {"zero": False}


def test_race_pace_paragraph_names_drivers_and_times() -> None:
    composed = _compose("race-pace", ("VER", "PER"))
    assert composed.text.startswith(
        "Of Max Verstappen (VER) and Sergio Pérez (PER), VER had the better race pace in the "
        "2023 Azerbaijan Grand Prix Race: median clean lap 1:40."
    )
    assert "; PER 1:40." in composed.text
    chart = composed.chart
    assert chart is not None
    _box, dots = chart["layer"]
    assert dots["encoding"]["x"]["sort"] == ["VER", "PER"]  # best median first
    values = chart["data"]["values"]
    assert {v["driver"] for v in values} == {"VER", "PER"}
    assert all(v["time"].startswith("1:4") for v in values)
    assert dots["encoding"]["color"]["field"] == "compound"


def test_strategy_chart_spans_each_stint_in_compound_colours() -> None:
    chart = _compose("strategy", ("VER",)).chart
    assert chart is not None
    values = chart["data"]["values"]
    assert [(v["compound"], v["start"], v["end"]) for v in values] == [
        ("MEDIUM", 1, 7),
        ("HARD", 7, 13),
    ]
    colour = chart["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"], strict=True)) == {
        "MEDIUM": "#ffd12e",
        "HARD": "#f0f0ec",
    }


def test_strategy_paragraph_for_named_drivers() -> None:
    text = _compose("strategy", ("PER",)).text
    assert text == (
        "In the 2023 Azerbaijan Grand Prix Race, Sergio Pérez (PER) made 1 stop: "
        "medium laps 1-6, hard laps 7-12."
    )


def test_positions_chart_has_one_point_per_driver_and_lap_with_p1_on_top() -> None:
    chart = _compose("positions").chart
    assert chart is not None
    lines, labels = chart["layer"]
    y = lines["encoding"]["y"]
    assert y["scale"]["reverse"] is True and y["scale"]["domain"] == [1, 3]
    assert y["axis"]["values"] == [1, 2, 3]  # whole places, no P0
    assert lines["encoding"]["x"]["scale"]["domain"] == [1, 12]  # the race's length
    values = chart["data"]["values"]
    assert len(values) == 36
    assert {"lap": 12, "driver": "PER", "position": 1} in values
    # each line is named at its end, where the driver last was
    assert {(v["driver"], v["lap"]) for v in labels["data"]["values"]} == {
        ("PER", 12),
        ("VER", 12),
        ("LEC", 12),
    }


def test_degradation_chart_layers_points_and_fitted_lines() -> None:
    composed = _compose("degradation", ("VER",))
    chart = composed.chart
    assert chart is not None
    casing, fits, points = chart["layer"]
    assert points["mark"]["type"] == "point" and fits["mark"]["type"] == "line"
    assert casing["data"] == fits["data"]
    assert len(fits["data"]["values"]) == 2 * len({v["stint"] for v in points["data"]["values"]})
    assert "params" not in chart  # one driver: nothing to pick


def test_degradation_of_many_drivers_shows_one_at_a_time_from_a_selector() -> None:
    chart = _compose("degradation").chart
    assert chart is not None
    (pick,) = chart["params"]
    drivers = {v["driver"] for v in chart["layer"][2]["data"]["values"]}
    assert len(drivers) > 1 and set(pick["bind"]["options"]) == drivers
    assert pick["value"] == pick["bind"]["options"][0]
    assert all(
        layer["transform"] == [{"filter": "datum.driver === pick"}] for layer in chart["layer"]
    )


def test_weather_chart_lines_air_and_track() -> None:
    chart = _compose("weather").chart
    assert chart is not None
    values = chart["data"]["values"]
    assert {v["measure"] for v in values} == {"air", "track"}
    assert values[:2] == [
        {"minute": 0.0, "measure": "air", "celsius": 20.0},
        {"minute": 0.0, "measure": "track", "celsius": 40.0},
    ]


def test_svg_fallback_draws_bars_and_lines_and_declines_the_rest() -> None:
    for analysis, shape in (("best-laps", "rect"), ("gaps", "polyline")):
        chart = _compose(analysis).chart
        assert chart is not None
        svg = render_svg(chart)
        assert svg is not None
        root = ET.fromstring(svg)
        drawn = root.findall(f"{{http://www.w3.org/2000/svg}}{shape}")
        assert len(drawn) >= 3 if shape == "rect" else len(drawn) == 3
    stints = _compose("strategy").chart
    assert stints is not None and render_svg(stints) is None
