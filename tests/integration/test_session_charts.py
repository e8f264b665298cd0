"""What a fan checks on the race charts of the recorded 2018 Azerbaijan Grand Prix."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from f1core.analysis.pace import race_pace
from f1core.analysis.positions import gaps
from f1core.analysis.teammates import teammates
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import gaps as gaps_kind
from f1core.kinds import race_pace as race_pace_kind
from f1core.kinds import teammates as teammates_kind

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)


@pytest.fixture(scope="module")
def baku(load_recorded: Callable[[SessionRef], Session]) -> Session:
    return load_recorded(BAKU_2018_R)


def test_cars_out_on_lap_1_never_lead_it(baku: Session) -> None:
    # Ocon and Sirotkin collided on lap 1; the timing closed their lap at Vettel's time.
    trace = gaps(baku)
    lap1 = trace.at_lap(1)
    assert [r.driver for r in lap1[:3]] == ["VET", "HAM", "BOT"]
    assert len(lap1) == 18
    assert not {"OCO", "SIR"} & {r.driver for r in trace.rows}
    left_out = {(x.driver, x.lap) for x in trace.excluded if x.reason.startswith("lap not")}
    # and the lap each retiree stopped on: HUL 11, VER and RIC 40, GRO 43, BOT 49
    assert left_out == {
        ("OCO", 1),
        ("SIR", 1),
        ("HUL", 11),
        ("VER", 40),
        ("RIC", 40),
        ("GRO", 43),
        ("BOT", 49),
    }
    assert [(r.driver, r.gap_text) for r in trace.at_lap(51)[:2]] == [
        ("HAM", "Leader"),
        ("RAI", "+2.436"),
    ]
    # Ericsson was lapped mid-race (1:55 behind on 1:45 laps) and unlapped himself under
    # the late safety car: every finisher completed 51 laps.
    eri19 = next(r for r in trace.at_lap(19) if r.driver == "ERI")
    assert (eri19.gap_ms, eri19.laps_down, eri19.gap_text) == (115_419, 1, "+1 lap")
    assert all(r.laps_down == 0 for r in trace.at_lap(51))
    chart = gaps_kind.chart(trace, gaps_kind.GapsQuery(year=2018, event="Baku", session="R"))
    assert chart is not None
    assert {v["driver"] for v in chart["data"]["values"] if v["lap"] == 1} >= {"VET"}
    assert not {"OCO", "SIR"} & {v["driver"] for v in chart["data"]["values"]}
    assert chart["encoding"]["x"]["scale"]["domain"] == [1, 51]  # the race's length
    eri = next(v for v in chart["data"]["values"] if (v["driver"], v["lap"]) == ("ERI", 19))
    assert eri["gap"] == "+1 lap"


def test_race_pace_draws_every_clean_lap_on_an_axis_fitted_to_them(baku: Session) -> None:
    pace = race_pace(baku)
    query = race_pace_kind.RacePaceQuery(year=2018, event="Baku", session=SessionKind.RACE)
    chart = race_pace_kind.chart(pace, query)
    assert chart is not None
    box, dots = chart["layer"]
    assert box["mark"]["type"] == "boxplot" and dots["mark"]["type"] == "point"
    assert dots["encoding"]["y"]["scale"]["zero"] is False
    assert "labelExpr" in dots["encoding"]["y"]["axis"]  # m:ss, not seconds
    values = chart["data"]["values"]
    assert len(values) == sum(r.stats.laps for r in pace.drivers)
    ham = sorted(v["time_s"] for v in values if v["driver"] == "HAM")
    assert len(ham) == 35 and ham[len(ham) // 2] == pytest.approx(106.597, abs=0.001)
    # coloured by the 2018 compounds raced: supersoft red, soft yellow, ultrasoft purple
    colour = dots["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"], strict=True)) == {
        "SUPERSOFT": "#fc2b2a",
        "SOFT": "#ffd318",
        "ULTRASOFT": "#b24ba7",
    }
    assert dots["encoding"]["x"]["sort"][:3] == ["HAM", "VET", "BOT"]
    # laps left out are named in words a fan uses, not timing codes
    reasons = {x.reason for x in pace.excluded}
    assert "safety car" in reasons
    assert not any("status" in r for r in reasons)
    assert sum(x.reason == "safety car" for x in pace.excluded) == 147


def test_each_teammate_pair_is_drawn_in_its_teams_colour(baku: Session) -> None:
    pairs = teammates(baku)
    query = teammates_kind.TeammatesQuery(year=2018, event="Baku", session=SessionKind.RACE)
    chart = teammates_kind.chart(pairs, query)
    assert chart is not None
    scale = chart["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour["SAI/HUL"] == "#fff500"  # Renault yellow
    assert colour["VET/RAI"] == "#dc0000"
    assert colour["BOT/HAM"] == "#00d2be"
    assert chart["encoding"]["color"]["legend"] is None  # the axis names each pair
