"""FastF1 objects -> f1core domain types.

Columns are converted whole (numpy views and ``tolist``), never row by row: an 848-lap race
maps in a few milliseconds this way, where ``iterrows`` takes tens. Missing values (NaN,
NaT, None, empty strings where a value is expected) become ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from adapters.fastf1.names import session_kind
from f1core.domain.session import (
    ClassificationRow,
    Driver,
    EventInfo,
    Lap,
    RaceControlMessage,
    Session,
    SessionKind,
    SessionRef,
    WeatherSample,
)
from f1core.domain.team_colours import hex_colour

T = TypeVar("T")

SOURCE_NAME = "fastf1"


def schedule_sessions(row: Any, year: int) -> dict[SessionKind, str]:
    """Kinds held by one schedule row, each with FastF1's own name for it."""
    held: dict[SessionKind, str] = {}
    for i in range(1, 6):
        name = row.get(f"Session{i}")
        if isinstance(name, str) and (kind := session_kind(name, year)) is not None:
            held[kind] = name
    return held


def event_info(row: Any, year: int) -> EventInfo:
    """One row of ``fastf1.get_event_schedule`` as an ``EventInfo``."""
    date = row.get("EventDate")
    return EventInfo(
        year=year,
        round=int(row["RoundNumber"]),
        name=str(row["EventName"]),
        country=_text(row.get("Country")),
        location=_text(row.get("Location")),
        date=pd.Timestamp(date).date().isoformat() if _present(date) else "",
        sessions=tuple(schedule_sessions(row, year)),
        official_name=_text(row.get("OfficialEventName")),
    )


def map_session(
    ff1: Any, ref: SessionRef, event: EventInfo, *, weather_loaded: bool = True
) -> Session:
    """A loaded FastF1 session (laps, results, weather, messages) as a domain ``Session``.

    Weather and race-control messages are optional in the recorded data: when FastF1
    could not load them they map to empty tuples. ``weather_loaded`` False says the
    weather was not asked for (so its absence says nothing about the recording).
    """
    laps = map_laps(ff1.laps)
    drivers = map_drivers(ff1.results)
    listed = {d.code for d in drivers}
    # Every lap's driver must be in the entry list, even when the results lack them.
    unlisted = tuple(
        Driver(code, code if code.isdigit() else "", code, "")
        for code in dict.fromkeys(lap.driver for lap in laps)
        if code not in listed
    )
    return Session(
        ref=ref,
        event=event,
        drivers=drivers + unlisted,
        laps=laps,
        results=map_results(ff1.results),
        weather=map_weather(_optional(ff1, "weather_data")) if weather_loaded else (),
        messages=map_messages(_optional(ff1, "race_control_messages")),
        source=SOURCE_NAME,
        total_laps=_total_laps(ff1),
        weather_loaded=weather_loaded,
    )


def map_laps(laps: pd.DataFrame) -> tuple[Lap, ...]:
    """FastF1 ``Laps`` -> ``Lap`` tuples, ordered as FastF1 gives them (driver, lap)."""
    n = len(laps)
    columns: list[list[Any]] = [
        _codes(laps, "Driver", n),
        _ints(laps, "LapNumber", n),
        _ms(laps, "LapTime", n),
        _ms(laps, "Sector1Time", n),
        _ms(laps, "Sector2Time", n),
        _ms(laps, "Sector3Time", n),
        _strings(laps, "Compound", n),
        _ints(laps, "TyreLife", n),
        _ints(laps, "Stint", n),
        _ms(laps, "PitInTime", n),
        _ms(laps, "PitOutTime", n),
        _ints(laps, "Position", n),
        [s or "" for s in _strings(laps, "TrackStatus", n)],
        _bools(laps, "IsAccurate", n),
        _bools(laps, "Deleted", n),
        [s or "" for s in _strings(laps, "DeletedReason", n)],
        _floats(laps, "SpeedI1", n),
        _floats(laps, "SpeedI2", n),
        _floats(laps, "SpeedFL", n),
        _floats(laps, "SpeedST", n),
        _ms(laps, "LapStartTime", n),
        _ms(laps, "Time", n),
    ]
    # A lap with no driver or no lap number cannot be attributed to anyone: drop it.
    return tuple(Lap(*row) for row in zip(*columns, strict=True) if row[0] and row[1] is not None)


def map_drivers(results: pd.DataFrame) -> tuple[Driver, ...]:
    """The entry list, in classification order; team colours as ``#rrggbb``."""
    n = len(results)
    rows = zip(
        _codes(results, "Abbreviation", n),
        _strings(results, "DriverNumber", n),
        _names(results, n),
        _strings(results, "TeamName", n),
        _strings(results, "TeamColor", n),
        strict=True,
    )
    return tuple(
        Driver(code, number or "", name, team or "", hex_colour(color or "") or "")
        for code, number, name, team, color in rows
        if code
    )


def map_results(results: pd.DataFrame) -> tuple[ClassificationRow, ...]:
    """The classification; FastF1 has it in finishing order already."""
    n = len(results)
    classified = [_classified(v) for v in _strings(results, "ClassifiedPosition", n)]
    columns: list[list[Any]] = [
        _ints(results, "Position", n),
        classified,
        _codes(results, "Abbreviation", n),
        [s or "" for s in _strings(results, "DriverNumber", n)],
        _names(results, n),
        [s or "" for s in _strings(results, "TeamName", n)],
        _ints(results, "GridPosition", n),
        [s or "" for s in _strings(results, "Status", n)],
        _floats(results, "Points", n),
        _ms(results, "Q1", n),
        _ms(results, "Q2", n),
        _ms(results, "Q3", n),
        _ms(results, "Time", n),
        _ints(results, "Laps", n),
    ]
    return tuple(ClassificationRow(*row) for row in zip(*columns, strict=True) if row[2])


def map_weather(weather: pd.DataFrame | None) -> tuple[WeatherSample, ...]:
    """Weather readings; an empty tuple when the session has none."""
    if weather is None or len(weather) == 0:
        return ()
    n = len(weather)
    columns: list[list[Any]] = [
        _ms(weather, "Time", n),
        _floats(weather, "AirTemp", n),
        _floats(weather, "TrackTemp", n),
        _floats(weather, "Humidity", n),
        _floats(weather, "Pressure", n),
        _bools(weather, "Rainfall", n),
        _floats(weather, "WindSpeed", n),
        _ints(weather, "WindDirection", n),
    ]
    # A reading without a time or a value cannot be placed or compared: drop it.
    return tuple(WeatherSample(*row) for row in zip(*columns, strict=True) if None not in row)


def map_messages(messages: pd.DataFrame | None) -> tuple[RaceControlMessage, ...]:
    """Race-control messages; an empty tuple when the session has none."""
    if messages is None or len(messages) == 0:
        return ()
    n = len(messages)
    times = messages["Time"] if "Time" in messages else pd.Series([None] * n)
    iso = [t.isoformat() if _present(t) else "" for t in pd.to_datetime(times).tolist()]
    columns: list[list[Any]] = [
        iso,
        _ints(messages, "Lap", n),
        [s or "" for s in _strings(messages, "Category", n)],
        [s or "" for s in _strings(messages, "Message", n)],
        _strings(messages, "Flag", n),
        _strings(messages, "Scope", n),
        _strings(messages, "RacingNumber", n),
    ]
    return tuple(RaceControlMessage(*row) for row in zip(*columns, strict=True))


# -- column converters ---------------------------------------------------------------------


def _column(
    frame: pd.DataFrame, name: str, n: int, convert: Callable[[pd.Series], list[T]]
) -> list[T | None]:
    if name not in frame.columns:
        return [None] * n
    return list(convert(frame[name]))


def _ms(frame: pd.DataFrame, name: str, n: int) -> list[int | None]:
    """Timedeltas as integer milliseconds, rounded to the nearest (FastF1 stores ns)."""

    def convert(col: pd.Series) -> list[int | None]:
        arr = pd.to_timedelta(col).to_numpy(dtype="timedelta64[ns]")
        # NaT is the most negative int64: adding half a millisecond cannot overflow it.
        return _blank(((arr.view("int64") + 500_000) // 1_000_000).tolist(), np.isnat(arr))

    return _column(frame, name, n, convert)


def _floats(frame: pd.DataFrame, name: str, n: int) -> list[float | None]:
    def convert(col: pd.Series) -> list[float | None]:
        arr = pd.to_numeric(col, errors="coerce").to_numpy(dtype="float64")
        return _blank(arr.tolist(), np.isnan(arr))

    return _column(frame, name, n, convert)


def _ints(frame: pd.DataFrame, name: str, n: int) -> list[int | None]:
    def convert(col: pd.Series) -> list[int | None]:
        arr = pd.to_numeric(col, errors="coerce").to_numpy(dtype="float64")
        missing = np.isnan(arr)
        return _blank(np.where(missing, 0, arr).astype("int64").tolist(), missing)

    return _column(frame, name, n, convert)


def _blank(values: list[Any], missing: npt.NDArray[np.bool_]) -> list[Any]:
    """Put None where ``missing`` is set: numeric numpy arrays cannot hold None."""
    for i in np.flatnonzero(missing).tolist():
        values[i] = None
    return values


def _bools(frame: pd.DataFrame, name: str, n: int) -> list[bool]:
    if name not in frame.columns:
        return [False] * n
    # Deleted is NaN where FastF1 could not tell; an unknown deletion counts as not deleted.
    col = frame[name].astype("object")
    return [bool(v) for v in col.where(col.notna(), False).tolist()]


def _strings(frame: pd.DataFrame, name: str, n: int) -> list[str | None]:
    def convert(col: pd.Series) -> list[str | None]:
        values = col.astype("object").where(col.notna(), None).tolist()
        return [_text(v) or None for v in values]

    return _column(frame, name, n, convert)


def _codes(frame: pd.DataFrame, name: str, n: int) -> list[str | None]:
    """Driver codes, falling back to the car number where FastF1 has no code.

    Sessions whose driver list and results were not recorded (2020 70th Anniversary FP2)
    only know car numbers; the number is then the only honest identifier.
    """
    codes = _strings(frame, name, n)
    numbers = _strings(frame, "DriverNumber", n)
    return [code or number for code, number in zip(codes, numbers, strict=True)]


def _names(results: pd.DataFrame, n: int) -> list[str]:
    names = _strings(results, "FullName", n)
    numbers = _strings(results, "DriverNumber", n)
    return [
        name or (f"Car {number}" if number else "")
        for name, number in zip(names, numbers, strict=True)
    ]


# -- scalars -------------------------------------------------------------------------------


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _text(value: Any) -> str:
    if not _present(value):
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "nat") else text


def _classified(value: str | None) -> str:
    """FastF1 gives "1" for races but "1.0" for qualifying: always the integer form."""
    if not value:
        return ""
    try:
        return str(int(float(value)))
    except ValueError:
        return value


def _optional(ff1: Any, attribute: str) -> pd.DataFrame | None:
    """A part of the session FastF1 may have failed to load (weather, messages)."""
    from fastf1.exceptions import DataNotLoadedError

    try:
        value = getattr(ff1, attribute)
    except DataNotLoadedError:
        return None
    return value if isinstance(value, pd.DataFrame) else None


def _total_laps(ff1: Any) -> int | None:
    from fastf1.exceptions import DataNotLoadedError

    try:
        value = ff1.total_laps
    except (DataNotLoadedError, AttributeError):
        return None
    return int(value) if _present(value) else None
