"""FastF1SessionSource and SessionLoader on the recorded FastF1 data: real values."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.fastf1 import FastF1SessionSource
from adapters.snapshot import MsgpackSnapshotStore
from f1core.domain.events import EVENT_ALIASES, normalize_event_text
from f1core.domain.session import EventInfo, Lap, Session, SessionKind, SessionRef
from f1core.errors import DataUnavailableError, SessionNotFoundError
from f1core.usecases.load_session import SessionLoader

pytestmark = pytest.mark.recorded

Loader = Callable[[SessionRef], Session]

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)
JEDDAH_2022_Q = SessionRef(2022, "Saudi Arabian Grand Prix", SessionKind.QUALIFYING)
SPAIN_2024_Q = SessionRef(2024, "Spanish Grand Prix", SessionKind.QUALIFYING)

# Every recorded session of the data README with its lap count.
RECORDED = [
    (SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE), 848),
    (SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING), 275),
    (SessionRef(2020, "Hungarian Grand Prix", SessionKind.FP2), 109),
    (SessionRef(2020, "70th Anniversary Grand Prix", SessionKind.FP2), 535),
    (SessionRef(2021, "Italian Grand Prix", SessionKind.FP2), 482),
    (SessionRef(2021, "Mexico City Grand Prix", SessionKind.QUALIFYING), 311),
    (SessionRef(2022, "Saudi Arabian Grand Prix", SessionKind.QUALIFYING), 327),
    (SessionRef(2022, "British Grand Prix", SessionKind.FP1), 80),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.QUALIFYING), 356),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT_QUALIFYING), 233),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT), 308),
    (SessionRef(2024, "Chinese Grand Prix", SessionKind.SPRINT_QUALIFYING), 218),
    (SessionRef(2024, "Spanish Grand Prix", SessionKind.QUALIFYING), 257),
    (SessionRef(2024, "British Grand Prix", SessionKind.FP1), 459),
    (SessionRef(2025, "Miami Grand Prix", SessionKind.SPRINT), 331),
]


def fastest(laps: tuple[Lap, ...], *, accurate_only: bool = True) -> Lap:
    """The fastest timed lap that is not deleted (and accurate unless told otherwise)."""
    valid = [
        lap
        for lap in laps
        if lap.time_ms is not None and not lap.deleted and (lap.accurate or not accurate_only)
    ]
    return min(valid, key=lambda lap: lap.time_ms or 0)


@pytest.mark.parametrize(("ref", "laps"), RECORDED, ids=[str(r) for r, _ in RECORDED])
def test_every_recorded_session_loads_with_its_laps(
    load_recorded: Loader, ref: SessionRef, laps: int
) -> None:
    session = load_recorded(ref)
    assert session.ref == ref
    assert len(session.laps) == laps
    assert len(session.drivers) >= 19
    assert {lap.driver for lap in session.laps} <= {d.code for d in session.drivers}
    assert session.source == "fastf1"


def test_spanish_gp_2024_quali_fastest_lap(load_recorded: Loader) -> None:
    session = load_recorded(SPAIN_2024_Q)
    best = fastest(session.laps)
    assert (best.driver, best.time_ms) == ("NOR", 71383)
    assert session.results[0].driver == "NOR"
    assert session.results[0].q3_ms == 71383
    assert session.event.location == "Barcelona"


def test_italian_gp_2019_quali_pole_lap(load_recorded: Loader) -> None:
    session = load_recorded(MONZA_2019_Q)
    best = fastest(session.laps)
    assert (best.driver, best.time_ms) == ("LEC", 79307)
    pole = session.results[0]
    assert (pole.position, pole.classified, pole.driver) == (1, "1", "LEC")
    assert (pole.q1_ms, pole.q2_ms, pole.q3_ms) == (80126, 79553, 79307)
    # This session has weather recorded: one reading a minute, real Monza values.
    assert len(session.weather) == 95
    first = session.weather[0]
    assert (first.at_ms, first.air_temp, first.track_temp, first.wind_direction) == (
        13893,
        22.0,
        33.3,
        238,
    )
    assert session.messages[0].message == "GREEN LIGHT - PIT EXIT OPEN"


def test_azerbaijan_gp_2018_race(load_recorded: Loader) -> None:
    session = load_recorded(BAKU_2018_R)
    winner = session.results[0]
    assert (winner.position, winner.driver, winner.grid, winner.points) == (1, "HAM", 2, 25.0)
    assert winner.time_ms == 6224291  # 1:43:44.291
    assert winner.laps == 51
    assert session.total_laps == 51
    best = fastest(session.laps, accurate_only=False)
    assert (best.driver, best.time_ms) == ("BOT", 105149)
    retired = {r.driver: r for r in session.results if r.classified == "R"}
    assert retired["BOT"].laps == 48
    assert retired["SIR"].status == "Collision"
    # Weather was not recorded for this race; race control was.
    assert session.weather == ()
    assert len(session.messages) == 109
    gas_lap6 = session.laps_of("GAS")[5]
    assert (gas_lap6.number, gas_lap6.time_ms, gas_lap6.compound) == (6, 117629, "ULTRASOFT")
    assert (gas_lap6.sector1_ms, gas_lap6.sector2_ms, gas_lap6.sector3_ms) == (
        43117,
        47916,
        26596,
    )
    assert (gas_lap6.start_at_ms, gas_lap6.end_at_ms, gas_lap6.speed_st) == (
        1292681,
        1410310,
        306.0,
    )


def test_saudi_gp_2022_quali_flags_the_impossible_lap(load_recorded: Loader) -> None:
    session = load_recorded(JEDDAH_2022_Q)
    impossible = [lap for lap in session.laps if lap.time_ms == 73670]
    assert len(impossible) == 1
    assert impossible[0].accurate is False
    best = fastest(session.laps)
    assert (best.driver, best.time_ms) == ("PER", 88200)


def test_without_weather_the_laps_and_their_deletions_are_the_same(
    fastf1_source: FastF1SessionSource, load_recorded: Loader
) -> None:
    # FastF1 marks deleted laps from the race-control messages, so those stay loaded.
    mexico = SessionRef(2021, "Mexico City Grand Prix", SessionKind.QUALIFYING)
    whole = load_recorded(mexico)
    light = asyncio.run(fastf1_source.load_without_weather(mexico))
    assert len(whole.weather) == 104
    assert whole.weather_loaded
    assert (light.weather, light.weather_loaded) == ((), False)
    assert light.laps == whole.laps
    assert light.messages == whole.messages
    assert light.results == whole.results
    assert sum(lap.deleted for lap in light.laps) == 2


def test_sprint_shootout_2023_and_sprint_qualifying_2024(load_recorded: Loader) -> None:
    shootout = load_recorded(
        SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT_QUALIFYING)
    )
    assert shootout.title == "2023 Azerbaijan Grand Prix Sprint Shootout"
    assert shootout.results[0].driver == "LEC"
    assert shootout.results[0].q3_ms == 101697


async def test_unrecorded_session_is_data_unavailable(
    fastf1_source: FastF1SessionSource,
) -> None:
    with pytest.raises(DataUnavailableError) as info:
        await fastf1_source.load(SessionRef(2023, "Bahrain Grand Prix", SessionKind.RACE))
    assert info.value.message == (
        "timing data for the 2023 Bahrain Grand Prix Race is not available"
        " (not in the recorded data)"
    )


async def test_unknown_event_session_or_year_is_not_found(
    fastf1_source: FastF1SessionSource,
) -> None:
    with pytest.raises(SessionNotFoundError, match="Atlantis"):
        await fastf1_source.load(SessionRef(2024, "Atlantis Grand Prix", SessionKind.RACE))
    with pytest.raises(SessionNotFoundError, match="had no Sprint"):
        await fastf1_source.load(SessionRef(2019, "Italian Grand Prix", SessionKind.SPRINT))
    with pytest.raises(SessionNotFoundError, match="2017"):
        await fastf1_source.events(2017)
    with pytest.raises(SessionNotFoundError, match="future"):
        await fastf1_source.events(2099)


async def test_calendars_2018_to_2026_map_session_kinds(
    fastf1_source: FastF1SessionSource,
) -> None:
    calendars = {year: await fastf1_source.events(year) for year in range(2018, 2027)}
    assert {y: len(c) for y, c in calendars.items()} == {
        2018: 21, 2019: 21, 2020: 17, 2021: 22, 2022: 22,
        2023: 22, 2024: 24, 2025: 24, 2026: 23,
    }  # fmt: skip
    for year, calendar in calendars.items():
        assert [e.round for e in calendar] == list(range(1, len(calendar) + 1))
        assert all(e.year == year and SessionKind.RACE in e.sessions for e in calendar)

    def held(year: int, name: str) -> tuple[SessionKind, ...]:
        return next(e.sessions for e in calendars[year] if e.name == name)

    # 2021 called the sprint race "Sprint Qualifying": it is a Sprint, not a qualifying.
    assert held(2021, "British Grand Prix") == ("FP1", "Q", "FP2", "S", "R")
    assert held(2023, "Azerbaijan Grand Prix") == ("FP1", "Q", "SQ", "S", "R")
    assert held(2024, "Chinese Grand Prix") == ("FP1", "SQ", "S", "Q", "R")
    spain = next(e for e in calendars[2024] if e.name == "Spanish Grand Prix")
    assert spain.date == "2024-06-23"
    assert spain.official_name == "FORMULA 1 ARAMCO GRAN PREMIO DE ESPAÑA 2024"


async def test_every_alias_names_a_real_place(fastf1_source: FastF1SessionSource) -> None:
    seen: list[EventInfo] = []
    for year in range(2018, 2027):
        seen.extend(await fastf1_source.events(year))
    places = {normalize_event_text(e.location) for e in seen}
    places |= {normalize_event_text(e.name) for e in seen}
    dangling = {
        alias: targets
        for alias, targets in EVENT_ALIASES.items()
        if not any(normalize_event_text(t) in places for t in targets)
    }
    assert dangling == {}


@pytest.mark.parametrize(
    ("year", "text", "kind", "expected"),
    [
        (2018, "Baku", "race", BAKU_2018_R),
        (2019, "Monza", "quali", MONZA_2019_Q),
        (2022, "Jeddah", "Q", JEDDAH_2022_Q),
        (2024, "Spanish GP", "qualifying", SPAIN_2024_Q),
        (2021, "Mexico", "Q", SessionRef(2021, "Mexico City Grand Prix", SessionKind.QUALIFYING)),
        (2023, "Baku", "sprint shootout", RECORDED[9][0]),
    ],
)
async def test_loader_resolves_names_on_real_calendars(
    fastf1_source: FastF1SessionSource,
    tmp_path: Path,
    year: int,
    text: str,
    kind: str,
    expected: SessionRef,
) -> None:
    loader = SessionLoader(fastf1_source, MsgpackSnapshotStore(tmp_path))
    assert await loader.resolve(year, text, kind) == expected


async def test_loader_snapshot_round_trip_equals_the_mapped_session(
    fastf1_source: FastF1SessionSource, load_recorded: Loader, tmp_path: Path
) -> None:
    mapped = load_recorded(BAKU_2018_R)
    store = MsgpackSnapshotStore(tmp_path)
    await store.put_session(mapped)

    fresh = MsgpackSnapshotStore(tmp_path)
    # Read speed is measured by bench/bench_sessions.py, not asserted here.
    assert await fresh.get_session(BAKU_2018_R) == mapped

    loader = SessionLoader(fastf1_source, fresh)
    assert await loader.load((2018, "Baku", "R")) == mapped
    listing = await loader.available(2018)
    assert [a.cached for a in listing if a.event.location == "Baku"] == [(SessionKind.RACE,)]


def test_session_without_a_driver_list_codes_drivers_by_car_number(
    load_recorded: Loader,
) -> None:
    # Neither the driver list nor results of this practice were recorded: FastF1 only
    # knows car numbers, so the number stands in for the code rather than a blank.
    session = load_recorded(SessionRef(2020, "70th Anniversary Grand Prix", SessionKind.FP2))
    assert session.driver("44").full_name == "Car 44"
    assert {lap.driver for lap in session.laps} == {d.code for d in session.drivers}
    assert len(session.weather) > 0
