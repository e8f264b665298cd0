"""Asked about one driver's pit stops, the answer is his, not the session's total.

Expected stops, pit-lane times, tyres and stints come from FastF1's laps frame directly:
a stop is a lap with a PitInTime followed by a lap with a PitOutTime.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.integration.analyze import analyze

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import driver_pit_stops as kind
from f1core.kinds import pit_stops

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
BAKU_2023_S = SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT)


def _stops_by_pandas(ff1: Any, driver: str) -> list[tuple[int, int, str, str]]:
    """(in-lap, pit-lane ms, compound before, compound after) of each stop of ``driver``."""
    laps = ff1.laps[ff1.laps["Driver"] == driver].sort_values("LapNumber")
    by_number = {int(row.LapNumber): row for row in laps.itertuples()}
    stops = []
    for number, row in by_number.items():
        out = by_number.get(number + 1)
        if row.PitInTime is not None and str(row.PitInTime) != "NaT" and out is not None:
            if str(out.PitOutTime) == "NaT":
                continue
            lane = int((out.PitOutTime - row.PitInTime).total_seconds() * 1000)
            stops.append((number, lane, str(row.Compound), str(out.Compound)))
    return stops


def _answer(session: Session, *drivers: str) -> tuple[kind.DriverPitStops, str]:
    return analyze(kind.KIND, session, *drivers)


@pytest.mark.parametrize(
    ("ref", "name", "driver"),
    [
        (BAKU_2018_R, "R", "HAM"),
        (BAKU_2018_R, "R", "VAN"),
        (BAKU_2018_R, "R", "PER"),
        (BAKU_2023_S, "Sprint", "OCO"),
        (BAKU_2023_S, "Sprint", "NOR"),
    ],
)
def test_a_drivers_stops_are_his_laps_pit_lane_times_and_tyres(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
    ref: SessionRef,
    name: str,
    driver: str,
) -> None:
    expected = _stops_by_pandas(raw_fastf1(ref.year, ref.event, name), driver)
    result, _ = _answer(load_recorded(ref), driver)
    (mine,) = result.drivers
    assert [(s.lap, s.pit_lane_ms, s.compound_before, s.compound_after) for s in mine.stops] == (
        expected
    )
    # Stints are split at the stops: each stint after the first starts on an out-lap.
    assert [s.first_lap - 1 for s in mine.stints[1:]] == [lap for lap, *_ in expected]
    assert [s.compound for s in mine.stints[1:]] == [after for *_, after in expected]


def test_the_paragraph_states_his_stops_and_the_sessions_total_apart(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2018, "Azerbaijan Grand Prix", "R")
    everyone = [stop for d in ff1.laps["Driver"].unique() for stop in _stops_by_pandas(ff1, d)]
    assert len(everyone) == 36
    query = RuleBasedQueryInterpreter().interpret_now(
        "How many pit stops did Hamilton make in the 2018 Azerbaijan GP race?"
    )
    assert isinstance(query, kind.DriverPitStopsQuery) and query.drivers == ("HAM",)
    session = load_recorded(BAKU_2018_R)
    result = kind.KIND.answer(session, query)
    assert kind.KIND.paragraph(result, query) == (
        "In the 2018 Azerbaijan Grand Prix Race, Lewis Hamilton (HAM) made 2 pit stops: "
        "lap 22, supersoft to soft, 20.3 s in the pit lane; lap 40, soft to ultrasoft, "
        "21.3 s in the pit lane, under the safety car. HAM's stints: supersoft laps 1-22, "
        "soft laps 23-40, ultrasoft laps 41-51. HAM's quickest pit-lane time, 20.3 s, was "
        "the 8th quickest of the session's 35 timed stops. The session had 36 pit stops in "
        "all; the quickest pit-lane time was Stoffel Vandoorne (VAN)'s 19.6 s on lap 25. "
        "Pit-lane times run from pit entry to exit (no stationary times)."
    )
    chart = kind.KIND.chart(result, query)
    assert chart is not None
    assert [v["compound"] for v in chart["data"]["values"]] == ["SUPERSOFT", "SOFT", "ULTRASOFT"]


def test_a_glitched_pit_lane_time_is_left_out_of_his_answer(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    """Ericsson's stop on lap 39 is timed 15.0 s where every real one took over 19 s."""
    expected = _stops_by_pandas(raw_fastf1(2018, "Azerbaijan Grand Prix", "R"), "ERI")
    assert [(lap, lane // 100) for lap, lane, *_ in expected][-1] == (39, 150)
    result, text = _answer(load_recorded(BAKU_2018_R), "ERI")
    assert [s.pit_lane_ms for s in result.drivers[0].stops][-1] is None
    assert "1 implausible pit-lane time left out" in text
    assert "15.0 s" not in text


def test_a_driver_without_a_stop_made_none_and_the_total_is_the_sessions(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2023, "Azerbaijan Grand Prix", "Sprint")
    everyone = [stop for d in ff1.laps["Driver"].unique() for stop in _stops_by_pandas(ff1, d)]
    assert not _stops_by_pandas(ff1, "LEC")
    _, text = _answer(load_recorded(BAKU_2023_S), "LEC")
    assert text.startswith(
        "In the 2023 Azerbaijan Grand Prix Sprint, Charles Leclerc (LEC) made no pit stop."
    )
    assert f"The session had {len(everyone)} pit stops in all" in text


def test_without_a_driver_it_names_who_stopped_most_and_asks_for_one(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2018, "Azerbaijan Grand Prix", "R")
    counts = {str(d): len(_stops_by_pandas(ff1, str(d))) for d in ff1.laps["Driver"].unique()}
    most = max(counts.values())
    assert (most, sorted(d for d, n in counts.items() if n == most)) == (4, ["ERI", "VAN"])
    result, text = _answer(load_recorded(BAKU_2018_R))
    assert {d.driver: len(d.stops) for d in result.drivers} == counts
    assert text.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, the most stops: Stoffel Vandoorne (VAN) and "
        "Marcus Ericsson (ERI) with 4; the fewest: "
    )
    assert text.endswith(" Name a driver for their stops, tyres and stints.")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many pit stops did hamilton make in baku 2018", kind.DriverPitStopsQuery),
        ("when did raikkonen pit in the 2018 azerbaijan race", kind.DriverPitStopsQuery),
        ("how many pit stops were there in baku 2018", pit_stops.PitStopsQuery),
        ("fastest pit stop in the 2018 baku race", pit_stops.PitStopsQuery),
    ],
)
def test_a_driver_goes_to_his_stops_and_the_session_to_every_stop(
    question: str, expected: type
) -> None:
    assert isinstance(RuleBasedQueryInterpreter().interpret_now(question), expected)


def test_pit_stops_given_a_driver_still_answers_for_him_not_the_total(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    """The API and the LLM can still send pit-stops with drivers: his stops come first."""
    session = load_recorded(BAKU_2018_R)
    query = pit_stops.PitStopsQuery(
        year=2018, event="Baku", session=SessionKind.RACE, drivers=("HAM",)
    )
    result = pit_stops.KIND.answer(session, query)
    assert pit_stops.KIND.paragraph(result, query).startswith(
        "In the 2018 Azerbaijan Grand Prix Race, Lewis Hamilton (HAM) made 2 pit stops: lap 22"
    )


def test_the_chart_leaves_out_the_glitch_the_paragraph_leaves_out(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(BAKU_2018_R)
    query = pit_stops.PitStopsQuery(year=2018, event="Baku", session=SessionKind.RACE)
    result = pit_stops.KIND.answer(session, query)
    assert "1 implausibly short pit-lane time left out" in pit_stops.KIND.paragraph(result, query)
    spec = pit_stops.KIND.chart(result, query)
    assert spec is not None
    shown = [v["pit_lane_s"] for v in spec["data"]["values"]]
    timed = [s for s in result.stops if s.pit_lane_ms is not None]
    assert len(shown) == len(timed) - 1
    assert min(shown) == 19.595  # Vandoorne's, the shortest real one; the 15.0 s glitch is gone
