"""Ergast dumps for tests: a copy of the real one with rounds taken out, and row views.

``trim_dump`` writes a copy of an Ergast CSV dump without some rounds (their race rows
too, or only what was run in them) and without the drivers, teams and circuits nothing
else refers to any more, as the archive looked before those rounds were held.
``ArchiveView`` reads one round's rows from a dump or a database with ids replaced by
refs, so rows from the feed and rows from the dump compare directly.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.archive_importer import read_dump
from adapters.sql.archive_tables import DUMP_FILES

_PER_RACE = (
    "results.csv",
    "sprint_results.csv",
    "qualifying.csv",
    "driver_standings.csv",
    "constructor_standings.csv",
    "constructor_results.csv",
    "pit_stops.csv",
)


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], [r for r in rows[1:] if r]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def trim_dump(
    source: Path,
    target: Path,
    *,
    drop_race: Callable[[int, int], bool],
    drop_rows: Callable[[int, int], bool],
) -> None:
    """Copy the dump without the races ``drop_race`` picks and without the rows of the
    rounds ``drop_rows`` picks (their race rows stay), then without orphans."""
    target.mkdir(parents=True, exist_ok=True)
    header, races = _read(source / "races.csv")
    i_id, i_year, i_round, i_circuit = (
        header.index(c) for c in ("raceId", "year", "round", "circuitId")
    )
    gone_races = {r[i_id] for r in races if drop_race(int(r[i_year]), int(r[i_round]))}
    empty = {r[i_id] for r in races if drop_rows(int(r[i_year]), int(r[i_round]))} | gone_races
    kept_races = [r for r in races if r[i_id] not in gone_races]
    _write(target / "races.csv", header, kept_races)
    drivers: set[str] = set()
    teams: set[str] = set()
    for name in _PER_RACE:
        if not (source / name).is_file():
            continue
        head, rows = _read(source / name)
        at = head.index("raceId")
        kept = [r for r in rows if r[at] not in empty]
        _write(target / name, head, kept)
        for column, seen in (("driverId", drivers), ("constructorId", teams)):
            if column in head:
                seen.update(r[head.index(column)] for r in kept)
    circuits = {r[i_circuit] for r in kept_races}
    for name, column, seen in (
        ("drivers.csv", "driverId", drivers),
        ("constructors.csv", "constructorId", teams),
        ("circuits.csv", "circuitId", circuits),
    ):
        head, rows = _read(source / name)
        at = head.index(column)
        _write(target / name, head, [r for r in rows if r[at] in seen])
    for name in ("seasons.csv", "status.csv"):
        head, rows = _read(source / name)
        _write(target / name, head, rows)


class ArchiveView:
    """An archive's rows per table (``column -> value`` dicts), read from a dump or a DB."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self.tables = tables
        self._refs = {
            name: {row["id"]: row["ref"] for row in tables[f"archive_{name}"]}
            for name in ("drivers", "constructors", "circuits")
        }
        self._status = {row["id"]: row["status"] for row in tables["archive_status"]}
        self._races = {(row["year"], row["round"]): row for row in tables["archive_races"]}

    @classmethod
    def of_dump(cls, directory: Path) -> ArchiveView:
        dump = read_dump(directory)
        return cls({spec.table.name: dump.records(spec.table.name) for spec in DUMP_FILES})

    @classmethod
    async def of_database(cls, engine: AsyncEngine) -> ArchiveView:
        tables: dict[str, list[dict[str, Any]]] = {}
        async with engine.connect() as conn:
            for spec in DUMP_FILES:
                rows = await conn.execute(select(spec.table))
                tables[spec.table.name] = [dict(r) for r in rows.mappings()]
        return cls(tables)

    def race(self, year: int, round_: int) -> dict[str, Any] | None:
        """The race row by refs (no ids), None when the archive has no such round."""
        row = self._races.get((year, round_))
        if row is None:
            return None
        out = {k: v for k, v in row.items() if k not in ("id", "circuit_id")}
        return out | {"circuit": self._refs["circuits"][row["circuit_id"]]}

    def rows(self, table: str, year: int, round_: int) -> list[dict[str, Any]]:
        """One round's rows of ``table`` by refs, in a stable order."""
        race = self._races.get((year, round_))
        if race is None:
            return []
        out = []
        for row in self.tables[f"archive_{table}"]:
            if row["race_id"] != race["id"]:
                continue
            named = {k: v for k, v in row.items() if k not in ("id", "race_id")}
            for key, refs in (("driver_id", "drivers"), ("constructor_id", "constructors")):
                if key in named:
                    named[key] = self._refs[refs][named.pop(key)]
            if "status_id" in named:
                named["status_id"] = self._status[named.pop("status_id")]
            out.append(named)
        return sorted(out, key=lambda r: tuple(str(r.get(k)) for k in ("driver_id", "stop")))

    def entity(self, table: str, ref: str) -> dict[str, Any] | None:
        """A driver, constructor or circuit by ref, without its id."""
        for row in self.tables[f"archive_{table}"]:
            if row["ref"] == ref:
                return {k: v for k, v in row.items() if k != "id"}
        return None

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {name: len(rows) for name, rows in self.tables.items()}
