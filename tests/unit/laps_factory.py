"""Builders of hand-made laps and sessions, so analysis tests state only what matters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from f1core.domain.session import (
    ClassificationRow,
    Driver,
    EventInfo,
    Lap,
    Session,
    SessionKind,
    SessionRef,
    WeatherSample,
)
from f1core.kinds.base import SessionQuestion

DRIVERS: dict[str, tuple[str, str]] = {
    "VER": ("Max Verstappen", "Red Bull Racing"),
    "PER": ("Sergio Perez", "Red Bull Racing"),
    "NOR": ("Lando Norris", "McLaren"),
    "PIA": ("Oscar Piastri", "McLaren"),
    "HAM": ("Lewis Hamilton", "Mercedes"),
    "RUS": ("George Russell", "Mercedes"),
}


def driver(code: str) -> Driver:
    """A driver from ``DRIVERS`` (number is made up)."""
    name, team = DRIVERS[code]
    return Driver(code=code, number=str(list(DRIVERS).index(code) + 1), full_name=name, team=team)


def lap(
    driver: str = "VER",
    number: int = 2,
    time_ms: int | None = 90_000,
    **fields: Any,
) -> Lap:
    """One lap; sectors default to 30/40/30% of the time, tyre life to the lap number.

    Any other ``Lap`` field can be given by keyword (``pit_in_at_ms=...``, ``accurate=False``).
    """
    sectors: tuple[int | None, int | None, int | None] = (None, None, None)
    if time_ms is not None:
        s1 = time_ms * 3 // 10
        s2 = time_ms * 4 // 10
        sectors = (s1, s2, time_ms - s1 - s2)
    values: dict[str, Any] = {
        "driver": driver,
        "number": number,
        "time_ms": time_ms,
        "sector1_ms": sectors[0],
        "sector2_ms": sectors[1],
        "sector3_ms": sectors[2],
        "compound": "SOFT",
        "tyre_life": number,
        "stint": 1,
        "pit_in_at_ms": None,
        "pit_out_at_ms": None,
        "position": None,
        "track_status": "1",
        "accurate": True,
        "deleted": False,
        "deleted_reason": "",
        "speed_i1": None,
        "speed_i2": None,
        "speed_fl": None,
        "speed_st": None,
        "start_at_ms": None,
        "end_at_ms": None,
    }
    unknown = set(fields) - set(values)
    if unknown:
        raise TypeError(f"not Lap fields: {sorted(unknown)}")
    values.update(fields)
    return Lap(**values)


def run(
    driver: str,
    times: Sequence[int | None],
    *,
    first_lap: int = 1,
    start_at_ms: int = 0,
    **fields: Any,
) -> list[Lap]:
    """Consecutive laps of one driver with start and end times chained from ``start_at_ms``.

    A None time still advances the clock by 100 s so later laps keep sensible end times.
    """
    laps: list[Lap] = []
    clock = start_at_ms
    for i, time_ms in enumerate(times):
        number = first_lap + i
        end = clock + (time_ms if time_ms is not None else 100_000)
        laps.append(lap(driver, number, time_ms, start_at_ms=clock, end_at_ms=end, **fields))
        clock = end
    return laps


def result(
    code: str,
    position: int | None,
    *,
    grid: int | None = None,
    status: str = "Finished",
    points: float | None = 0.0,
    time_ms: int | None = None,
    laps: int | None = None,
    q: tuple[int | None, int | None, int | None] = (None, None, None),
    classified: str | None = None,
) -> ClassificationRow:
    """One classification row for a driver of ``DRIVERS``."""
    d = driver(code)
    return ClassificationRow(
        position=position,
        classified=classified if classified is not None else str(position or "R"),
        driver=code,
        number=d.number,
        full_name=d.full_name,
        team=d.team,
        grid=grid,
        status=status,
        points=points,
        q1_ms=q[0],
        q2_ms=q[1],
        q3_ms=q[2],
        time_ms=time_ms,
        laps=laps,
    )


def weather_sample(at_ms: int, track_temp: float, **fields: Any) -> WeatherSample:
    """A weather reading; the other measures default to a mild dry day."""
    values: dict[str, Any] = {
        "at_ms": at_ms,
        "air_temp": 20.0,
        "track_temp": track_temp,
        "humidity": 50.0,
        "pressure": 1010.0,
        "rainfall": False,
        "wind_speed": 2.0,
        "wind_direction": 180,
    }
    values.update(fields)
    return WeatherSample(**values)


def session(
    laps: Iterable[Lap] = (),
    *,
    kind: SessionKind = SessionKind.RACE,
    drivers: Sequence[str] | None = None,
    results: Sequence[ClassificationRow] = (),
    weather: Sequence[WeatherSample] = (),
    total_laps: int | None = None,
    year: int = 2024,
    event: str = "Spanish Grand Prix",
) -> Session:
    """A session of ``kind``; drivers default to those that appear in the laps, in order."""
    laps = tuple(laps)
    if drivers is None:
        drivers = list(dict.fromkeys(lap.driver for lap in laps))
    info = EventInfo(
        year=year,
        round=1,
        name=event,
        country="Spain",
        location="Barcelona",
        date=f"{year}-06-23",
        sessions=tuple(SessionKind),
    )
    return Session(
        ref=SessionRef(year, event, kind),
        event=info,
        drivers=tuple(driver(code) for code in drivers),
        laps=laps,
        results=tuple(results),
        weather=tuple(weather),
        messages=(),
        source="test",
        total_laps=total_laps,
    )


def paragraph(kind: SessionQuestion[Any, Any], s: Session, drivers: Sequence[str] = ()) -> str:
    """The paragraph ``kind`` writes about ``s``, asked through its query as ``f1 ask`` does."""
    ref = s.ref
    query = kind.query(year=ref.year, event=ref.event, session=ref.kind, drivers=tuple(drivers))
    return kind.compose(kind.answer(s, query), query).text
