"""The archive's tables: Ergast's schema in snake_case, each table prefixed ``archive_``.

``DUMP_FILES`` says how each CSV of an Ergast dump maps onto them (header -> column, and
how to read the text); the importer is driven by it alone. Columns the dump has and we do
not list are ignored, so newer dumps with extra columns still import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

archive_metadata = MetaData()


seasons = Table(
    "archive_seasons",
    archive_metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("url", Text),
)
circuits = Table(
    "archive_circuits",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("ref", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("location", Text),
    Column("country", Text),
    Column("lat", Float),
    Column("lng", Float),
    Column("alt", Integer),
    Column("url", Text),
)
constructors = Table(
    "archive_constructors",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("ref", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("nationality", Text),
    Column("url", Text),
)
drivers = Table(
    "archive_drivers",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("ref", String(64), nullable=False, unique=True),
    Column("number", Integer),
    Column("code", String(3)),
    Column("forename", Text, nullable=False),
    Column("surname", Text, nullable=False),
    Column("dob", Date),
    Column("nationality", Text),
    Column("url", Text),
)
status = Table(
    "archive_status",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("status", Text, nullable=False),
)
races = Table(
    "archive_races",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("year", Integer, nullable=False),
    Column("round", Integer, nullable=False),
    Column("circuit_id", Integer, ForeignKey("archive_circuits.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("date", Date, nullable=False),
    Column("time", String(16)),
    Column("url", Text),
    Index("ix_archive_races_year_round", "year", "round", unique=True),
    Index("ix_archive_races_circuit", "circuit_id"),
)


def _result_columns() -> list[Column[object]]:
    # results and sprint_results share Ergast's layout (sprints have no fastest-lap speed)
    return [
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("race_id", Integer, ForeignKey("archive_races.id"), nullable=False),
        Column("driver_id", Integer, ForeignKey("archive_drivers.id"), nullable=False),
        Column("constructor_id", Integer, ForeignKey("archive_constructors.id"), nullable=False),
        Column("number", Integer),
        Column("grid", Integer),
        Column("position", Integer),
        Column("position_text", String(8), nullable=False),
        Column("position_order", Integer, nullable=False),
        Column("points", Float, nullable=False),
        Column("laps", Integer),
        Column("time", String(32)),
        Column("milliseconds", Integer),
        Column("fastest_lap", Integer),
        Column("rank", Integer),
        Column("fastest_lap_time", String(16)),
        Column("status_id", Integer, ForeignKey("archive_status.id"), nullable=False),
    ]


results = Table(
    "archive_results",
    archive_metadata,
    *_result_columns(),
    Column("fastest_lap_speed", Float),
    # race_result reads a race in classification order; tallies read one driver or team
    Index("ix_archive_results_race", "race_id", "position_order"),
    Index("ix_archive_results_driver", "driver_id", "race_id"),
    Index("ix_archive_results_constructor", "constructor_id", "race_id"),
    # covering index for "most wins": counts without touching the table
    Index("ix_archive_results_position", "position", "driver_id", "constructor_id", "race_id"),
)
sprint_results = Table(
    "archive_sprint_results",
    archive_metadata,
    *_result_columns(),
    Index("ix_archive_sprint_results_race", "race_id", "position_order"),
)
qualifying = Table(
    "archive_qualifying",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("race_id", Integer, ForeignKey("archive_races.id"), nullable=False),
    Column("driver_id", Integer, ForeignKey("archive_drivers.id"), nullable=False),
    Column("constructor_id", Integer, ForeignKey("archive_constructors.id"), nullable=False),
    Column("number", Integer),
    Column("position", Integer),
    Column("q1", String(16)),
    Column("q2", String(16)),
    Column("q3", String(16)),
    Index("ix_archive_qualifying_race", "race_id", "driver_id"),
    Index("ix_archive_qualifying_driver", "driver_id"),
)
driver_standings = Table(
    "archive_driver_standings",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("race_id", Integer, ForeignKey("archive_races.id"), nullable=False),
    Column("driver_id", Integer, ForeignKey("archive_drivers.id"), nullable=False),
    Column("points", Float, nullable=False),
    Column("position", Integer),
    Column("position_text", String(8)),
    Column("wins", Integer, nullable=False),
    Index("ix_archive_driver_standings_race", "race_id", "position"),
    Index("ix_archive_driver_standings_driver", "driver_id", "race_id"),
)
constructor_standings = Table(
    "archive_constructor_standings",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("race_id", Integer, ForeignKey("archive_races.id"), nullable=False),
    Column("constructor_id", Integer, ForeignKey("archive_constructors.id"), nullable=False),
    Column("points", Float, nullable=False),
    Column("position", Integer),
    Column("position_text", String(8)),
    Column("wins", Integer, nullable=False),
    Index("ix_archive_constructor_standings_race", "race_id", "position"),
    Index("ix_archive_constructor_standings_team", "constructor_id", "race_id"),
)
constructor_results = Table(
    "archive_constructor_results",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("race_id", Integer, ForeignKey("archive_races.id"), nullable=False),
    Column("constructor_id", Integer, ForeignKey("archive_constructors.id"), nullable=False),
    Column("points", Float),
    Column("status", String(8)),
)
pit_stops = Table(
    "archive_pit_stops",
    archive_metadata,
    Column("race_id", Integer, ForeignKey("archive_races.id"), primary_key=True),
    Column("driver_id", Integer, ForeignKey("archive_drivers.id"), primary_key=True),
    Column("stop", Integer, primary_key=True, autoincrement=False),
    Column("lap", Integer, nullable=False),
    Column("time", String(16)),
    Column("duration", String(16)),
    Column("milliseconds", Integer),
)
imports = Table(
    "archive_imports",
    archive_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_dir", Text, nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("row_counts", Text, nullable=False),  # JSON object: table -> rows
    Column("duration_s", Float, nullable=False),
)


# --- how a dump maps onto the tables ---------------------------------------------------------

Parser = Callable[[str], object]


def _int(text: str) -> int:
    return int(text)


def _float(text: str) -> float:
    return float(text)


def _str(text: str) -> str:
    return text


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@dataclass(frozen=True)
class DumpFile:
    """One CSV of the dump: its table and ``(csv header, column, parser)`` triples."""

    name: str
    table: Table
    columns: tuple[tuple[str, str, Parser], ...]
    required: bool = True


def _cols(*spec: tuple[str, str, Parser]) -> tuple[tuple[str, str, Parser], ...]:
    return spec


_RESULT_SPEC = _cols(
    ("resultId", "id", _int),
    ("raceId", "race_id", _int),
    ("driverId", "driver_id", _int),
    ("constructorId", "constructor_id", _int),
    ("number", "number", _int),
    ("grid", "grid", _int),
    ("position", "position", _int),
    ("positionText", "position_text", _str),
    ("positionOrder", "position_order", _int),
    ("points", "points", _float),
    ("laps", "laps", _int),
    ("time", "time", _str),
    ("milliseconds", "milliseconds", _int),
    ("fastestLap", "fastest_lap", _int),
    ("rank", "rank", _int),
    ("fastestLapTime", "fastest_lap_time", _str),
    ("statusId", "status_id", _int),
)

# Parents before children: inserts go in this order, deletes in reverse.
DUMP_FILES: tuple[DumpFile, ...] = (
    DumpFile("seasons.csv", seasons, _cols(("year", "year", _int), ("url", "url", _str))),
    DumpFile(
        "circuits.csv",
        circuits,
        _cols(
            ("circuitId", "id", _int),
            ("circuitRef", "ref", _str),
            ("name", "name", _str),
            ("location", "location", _str),
            ("country", "country", _str),
            ("lat", "lat", _float),
            ("lng", "lng", _float),
            ("alt", "alt", _int),
            ("url", "url", _str),
        ),
    ),
    DumpFile(
        "constructors.csv",
        constructors,
        _cols(
            ("constructorId", "id", _int),
            ("constructorRef", "ref", _str),
            ("name", "name", _str),
            ("nationality", "nationality", _str),
            ("url", "url", _str),
        ),
    ),
    DumpFile(
        "drivers.csv",
        drivers,
        _cols(
            ("driverId", "id", _int),
            ("driverRef", "ref", _str),
            ("number", "number", _int),
            ("code", "code", _str),
            ("forename", "forename", _str),
            ("surname", "surname", _str),
            ("dob", "dob", _date),
            ("nationality", "nationality", _str),
            ("url", "url", _str),
        ),
    ),
    DumpFile("status.csv", status, _cols(("statusId", "id", _int), ("status", "status", _str))),
    DumpFile(
        "races.csv",
        races,
        _cols(
            ("raceId", "id", _int),
            ("year", "year", _int),
            ("round", "round", _int),
            ("circuitId", "circuit_id", _int),
            ("name", "name", _str),
            ("date", "date", _date),
            ("time", "time", _str),
            ("url", "url", _str),
        ),
    ),
    DumpFile(
        "results.csv",
        results,
        (*_RESULT_SPEC, ("fastestLapSpeed", "fastest_lap_speed", _float)),
    ),
    # sprints began in 2021; dumps from before have no such file
    DumpFile("sprint_results.csv", sprint_results, _RESULT_SPEC, required=False),
    DumpFile(
        "qualifying.csv",
        qualifying,
        _cols(
            ("qualifyId", "id", _int),
            ("raceId", "race_id", _int),
            ("driverId", "driver_id", _int),
            ("constructorId", "constructor_id", _int),
            ("number", "number", _int),
            ("position", "position", _int),
            ("q1", "q1", _str),
            ("q2", "q2", _str),
            ("q3", "q3", _str),
        ),
    ),
    DumpFile(
        "driver_standings.csv",
        driver_standings,
        _cols(
            ("driverStandingsId", "id", _int),
            ("raceId", "race_id", _int),
            ("driverId", "driver_id", _int),
            ("points", "points", _float),
            ("position", "position", _int),
            ("positionText", "position_text", _str),
            ("wins", "wins", _int),
        ),
    ),
    DumpFile(
        "constructor_standings.csv",
        constructor_standings,
        _cols(
            ("constructorStandingsId", "id", _int),
            ("raceId", "race_id", _int),
            ("constructorId", "constructor_id", _int),
            ("points", "points", _float),
            ("position", "position", _int),
            ("positionText", "position_text", _str),
            ("wins", "wins", _int),
        ),
    ),
    DumpFile(
        "constructor_results.csv",
        constructor_results,
        _cols(
            ("constructorResultsId", "id", _int),
            ("raceId", "race_id", _int),
            ("constructorId", "constructor_id", _int),
            ("points", "points", _float),
            ("status", "status", _str),
        ),
        required=False,
    ),
    DumpFile(
        "pit_stops.csv",
        pit_stops,
        _cols(
            ("raceId", "race_id", _int),
            ("driverId", "driver_id", _int),
            ("stop", "stop", _int),
            ("lap", "lap", _int),
            ("time", "time", _str),
            ("duration", "duration", _str),
            ("milliseconds", "milliseconds", _int),
        ),
        required=False,
    ),
)
