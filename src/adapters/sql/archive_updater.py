"""Applies rounds read from the results feed to the archive tables, in one transaction.

Feed entities carry Ergast refs; this maps them onto the archive's numeric ids and gives
new drivers, teams, circuits and statuses the next free id. Each table of each round is
compared with what the archive holds and rewritten only when it differs, reusing the
rows' ids: a second run finds nothing to do and writes nothing, not even a new data
version. Anything that fails rolls the whole update back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import msgspec
from sqlalchemy import Table, delete, exists, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql import archive_tables as t
from adapters.sql.archive_importer import latest_import
from f1core.domain.archive_feed import (
    ArchiveFeedError,
    ArchiveUpdate,
    FeedCircuit,
    FeedConstructor,
    FeedDriver,
    FeedRace,
    FeedResult,
    FeedRound,
)

log = logging.getLogger(__name__)

Row = dict[str, Any]


class SqlArchiveUpdateWriter:
    """``ArchiveUpdateWriter`` on the ``archive_*`` tables (SQLite or PostgreSQL)."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._engine = engine
        self._clock = clock

    async def last_round(self) -> tuple[int, int] | None:
        """The latest ``(year, round)`` that has race results."""
        r = t.races
        query = (
            select(r.c.year, r.c.round)
            .where(exists().where(t.results.c.race_id == r.c.id))
            .order_by(r.c.year.desc(), r.c.round.desc())
            .limit(1)
        )
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else (row.year, row.round)

    async def calendar(self, year: int) -> tuple[FeedRace, ...]:
        """The races of ``year`` in the archive, in round order."""
        r, c = t.races, t.circuits
        query = (
            select(r, c.c.ref, c.c.name.label("circuit_name"), c.c.location, c.c.country)
            .add_columns(c.c.lat, c.c.lng, c.c.url.label("circuit_url"))
            .join(c, c.c.id == r.c.circuit_id)
            .where(r.c.year == year)
            .order_by(r.c.round)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return tuple(
            FeedRace(
                year=row["year"],
                round=row["round"],
                name=row["name"],
                date=row["date"],
                time=row["time"],
                url=row["url"],
                circuit=FeedCircuit(
                    ref=row["ref"],
                    name=row["circuit_name"],
                    location=row["location"],
                    country=row["country"],
                    lat=row["lat"],
                    lng=row["lng"],
                    url=row["circuit_url"],
                ),
            )
            for row in rows
        )

    async def apply(
        self, calendar: Sequence[FeedRace], rounds: Sequence[FeedRound], *, source: str
    ) -> ArchiveUpdate:
        """Write what differs, all or nothing."""
        started = time.perf_counter()
        try:
            async with self._engine.begin() as conn:
                batch = _Batch(conn)
                await batch.load()
                for race in [*calendar, *(r.race for r in rounds)]:
                    await batch.race(race)
                for round_ in rounds:
                    await batch.round(round_)
                import_id = None
                if batch.counts:
                    import_id = await _record(conn, batch, source, self._clock())
        except SQLAlchemyError as exc:
            raise ArchiveFeedError(
                f"writing the update failed, the archive is unchanged: {exc}"
            ) from exc
        duration = time.perf_counter() - started
        counts = dict(sorted(batch.counts.items()))
        log.info("archive update from %s: %s", source, counts or "nothing new")
        return ArchiveUpdate(
            rounds=tuple(sorted(batch.touched, key=lambda s: tuple(map(int, s.split("/"))))),
            row_counts=counts,
            duration_s=duration,
            import_id=import_id,
        )


async def _record(conn: AsyncConnection, batch: _Batch, source: str, now: dt.datetime) -> int:
    previous = await latest_import(conn)
    digest = hashlib.sha256((previous.checksum if previous else "").encode())
    digest.update(msgspec.json.encode(batch.changes))
    new_id: int = (
        await conn.execute(
            insert(t.imports)
            .values(
                source_dir=source,
                checksum=digest.hexdigest(),
                imported_at=now,
                row_counts=msgspec.json.encode(dict(batch.counts)).decode(),
                duration_s=0.0,
            )
            .returning(t.imports.c.id)
        )
    ).scalar_one()
    return new_id


class _Batch:
    """The state of one update: ref -> id maps and the next free ids, kept in step."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.counts: Counter[str] = Counter()
        self.touched: set[str] = set()
        self.changes: list[Any] = []  # what was written, for the data version's checksum
        self._ids: dict[str, dict[str, int]] = {}
        self._next: dict[str, int] = {}
        self._seasons: set[int] = set()
        self._races: dict[tuple[int, int], Row] = {}

    async def load(self) -> None:
        for table, key in (
            (t.circuits, "ref"),
            (t.drivers, "ref"),
            (t.constructors, "ref"),
            (t.status, "status"),
        ):
            rows = await self.conn.execute(select(table.c.id, table.c[key]))
            self._ids[table.name] = {value: id_ for id_, value in rows}
        for table in (t.results, t.sprint_results, t.qualifying, t.driver_standings):
            self._next[table.name] = await self._max_id(table) + 1
        for table in (t.constructor_standings, t.circuits, t.drivers, t.constructors, t.status):
            self._next[table.name] = await self._max_id(table) + 1
        self._next[t.races.name] = await self._max_id(t.races) + 1
        self._seasons = set((await self.conn.execute(select(t.seasons.c.year))).scalars())
        for row in (await self.conn.execute(select(t.races))).mappings():
            self._races[(row["year"], row["round"])] = dict(row)

    async def _max_id(self, table: Table) -> int:
        value = (await self.conn.execute(select(func.max(table.c.id)))).scalar()
        return int(value or 0)

    def _allocate(self, table: Table) -> int:
        id_ = self._next[table.name]
        self._next[table.name] = id_ + 1
        return id_

    async def _insert(self, table: Table, row: Row) -> None:
        await self.conn.execute(insert(table).values(**row))
        self.counts[str(table.name)] += 1
        self.changes.append([str(table.name), row])

    # --- reference rows ------------------------------------------------------------------

    async def _entity(self, table: Table, ref: str, row: Callable[[], Row]) -> int:
        known = self._ids[table.name]
        if ref not in known:
            known[ref] = self._allocate(table)
            await self._insert(table, {"id": known[ref], "ref": ref, **row()})
        return known[ref]

    async def circuit(self, c: FeedCircuit) -> int:
        return await self._entity(
            t.circuits,
            c.ref,
            lambda: {
                "name": c.name,
                "location": c.location,
                "country": c.country,
                "lat": c.lat,
                "lng": c.lng,
                "alt": None,
                "url": c.url,
            },
        )

    async def driver(self, d: FeedDriver) -> int:
        return await self._entity(
            t.drivers,
            d.ref,
            lambda: {
                "number": d.number,
                "code": d.code,
                "forename": d.forename,
                "surname": d.surname,
                "dob": d.dob,
                "nationality": d.nationality,
                "url": d.url,
            },
        )

    async def constructor(self, c: FeedConstructor) -> int:
        return await self._entity(
            t.constructors,
            c.ref,
            lambda: {"name": c.name, "nationality": c.nationality, "url": c.url},
        )

    async def status(self, text: str) -> int:
        known = self._ids[t.status.name]
        if text not in known:
            known[text] = self._allocate(t.status)
            await self._insert(t.status, {"id": known[text], "status": text})
        return known[text]

    def _known(self, table: Table, ref: str, where: str) -> int:
        found = self._ids[table.name].get(ref)
        if found is None:
            raise ArchiveFeedError(f"the results feed names an unknown {ref!r} in {where}")
        return found

    # --- races and rounds -------------------------------------------------------------------

    async def race(self, race: FeedRace) -> int:
        if race.year not in self._seasons:
            self._seasons.add(race.year)
            await self._insert(t.seasons, {"year": race.year, "url": None})
        wanted: Row = {
            "year": race.year,
            "round": race.round,
            "circuit_id": await self.circuit(race.circuit),
            "name": race.name,
            "date": race.date,
            "time": race.time,
            "url": race.url,
        }
        held = self._races.get((race.year, race.round))
        if held is None:
            wanted["id"] = self._allocate(t.races)
            await self._insert(t.races, wanted)
            self._races[(race.year, race.round)] = wanted
            return int(wanted["id"])
        changed = {k: v for k, v in wanted.items() if held[k] != v}
        if changed:  # a race moved or was renamed
            await self.conn.execute(
                update(t.races).where(t.races.c.id == held["id"]).values(**changed)
            )
            held.update(changed)
            self.counts[str(t.races.name)] += 1
            self.changes.append([str(t.races.name), held["id"], changed])
        return int(held["id"])

    async def round(self, round_: FeedRound) -> None:
        race_id = await self.race(round_.race)
        label = f"{round_.race.year}/{round_.race.round}"
        tables: list[tuple[Table, list[Row]]] = [
            (t.results, [await self._result(r, race_id, sprint=False) for r in round_.results]),
            (
                t.sprint_results,
                [await self._result(r, race_id, sprint=True) for r in round_.sprint_results],
            ),
            (t.qualifying, [await self._qualifying(q, race_id) for q in round_.qualifying]),
        ]
        tables.append(
            (
                t.pit_stops,
                [
                    {
                        "race_id": race_id,
                        "driver_id": self._known(t.drivers, s.driver_ref, f"{label} pit stops"),
                        "stop": s.stop,
                        "lap": s.lap,
                        "time": s.time,
                        "duration": s.duration,
                        "milliseconds": s.milliseconds,
                    }
                    for s in round_.pit_stops
                ],
            )
        )
        for table, entity, lines, key in (
            (t.driver_standings, t.drivers, round_.driver_standings, "driver_id"),
            (
                t.constructor_standings,
                t.constructors,
                round_.constructor_standings,
                "constructor_id",
            ),
        ):
            rows = [
                {
                    "race_id": race_id,
                    key: self._known(entity, s.ref, f"{label} standings"),
                    "points": s.points,
                    "position": s.position,
                    "position_text": s.position_text,
                    "wins": s.wins,
                }
                for s in lines
            ]
            tables.append((table, rows))
        for table, rows in tables:
            if rows and await self._replace(table, race_id, rows):
                self.touched.add(label)

    async def _result(self, r: FeedResult, race_id: int, *, sprint: bool) -> Row:
        row: Row = {
            "race_id": race_id,
            "driver_id": await self.driver(r.driver),
            "constructor_id": await self.constructor(r.constructor),
            "number": r.number,
            "grid": r.grid,
            "position": r.position,
            "position_text": r.position_text,
            "position_order": r.position_order,
            "points": r.points,
            "laps": r.laps,
            "time": r.time,
            "milliseconds": r.milliseconds,
            "fastest_lap": r.fastest_lap,
            "rank": r.rank,
            "fastest_lap_time": r.fastest_lap_time,
            "status_id": await self.status(r.status),
        }
        if not sprint:
            row["fastest_lap_speed"] = r.fastest_lap_speed
        return row

    async def _qualifying(self, q: Any, race_id: int) -> Row:
        return {
            "race_id": race_id,
            "driver_id": await self.driver(q.driver),
            "constructor_id": await self.constructor(q.constructor),
            "number": q.number,
            "position": q.position,
            "q1": q.q1,
            "q2": q.q2,
            "q3": q.q3,
        }

    async def _replace(self, table: Table, race_id: int, rows: list[Row]) -> bool:
        """Rewrite ``table``'s rows of one race when they differ; True if they did."""
        has_id = "id" in table.c
        columns = [c for c in rows[0] if c != "id"]
        held = (
            (await self.conn.execute(select(table).where(table.c.race_id == race_id)))
            .mappings()
            .all()
        )

        def key(row: Any) -> tuple[Any, ...]:
            return tuple((v is None, v) for v in (row[c] for c in columns))

        if sorted(map(key, held)) == sorted(map(key, rows)):
            return False
        await self.conn.execute(delete(table).where(table.c.race_id == race_id))
        reuse = sorted(row["id"] for row in held) if has_id else []
        for i, row in enumerate(rows):
            if has_id:
                row = {"id": reuse[i] if i < len(reuse) else self._allocate(table), **row}
            await self._insert(table, row)
        return True
