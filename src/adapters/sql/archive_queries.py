"""``HistoricalArchive`` on SQL: the archive questions as indexed queries.

Names are resolved in memory by the core's ``ReferenceIndex`` (accent-blind matching is
awkward in portable SQL), built from the reference tables once per import: each query
first reads the latest import id (one primary-key lookup) and rebuilds the index only
when another import has landed since. The counting queries then hit the indexes declared
in ``archive_tables``.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Table, case, distinct, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql import archive_tables as t
from adapters.sql.archive_importer import latest_import
from adapters.sql.archive_stat_queries import archive_stat
from f1core.domain.archive import (
    ArchiveCircuit,
    ArchiveDriver,
    ArchiveImport,
    ArchiveRace,
    ArchiveTeam,
    HeadToHead,
    Leaderboard,
    RaceEntry,
    RaceResult,
    SeasonChampions,
    StandingRow,
    Standings,
    SubjectKind,
    Tally,
)
from f1core.domain.archive_counting import (
    RaceLine,
    circuit_board,
    final_races,
    head_to_head_counts,
    names_of,
    race_summary,
    rank_leaders,
    standings_race,
    teams_in_order,
)
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_race import (
    HistoricRace,
    QualifyingResult,
    RacePitStops,
    ResultLine,
    best_time,
    historic_race,
    qualifying_result,
    race_pit_stops,
)
from f1core.domain.archive_stat import StatAnswer, StatSpec
from f1core.domain.archive_teammates import Entry, TeammateBattle, season_battle
from f1core.domain.archive_teammates import resolve as resolve_teammates
from f1core.errors import DataUnavailableError, InvalidRequestError, SessionNotFoundError

_EMPTY = "the historical archive is empty: load it with `f1 archive import DIR`"


@dataclass(frozen=True)
class _Snapshot:
    """What one import's reference data tells us, kept between queries."""

    version: int
    index: ReferenceIndex
    # race ids per kind of data; "standings" races define "after round N" and "final"
    driver_standings: frozenset[int]
    constructor_standings: frozenset[int]
    qualifying: frozenset[int]


class SqlHistoricalArchive:
    """``HistoricalArchive`` over the ``archive_*`` tables (SQLite or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._snapshot: _Snapshot | None = None
        self._lock = asyncio.Lock()

    # --- plumbing ------------------------------------------------------------------------

    async def _current(self, conn: AsyncConnection) -> _Snapshot:
        try:
            version = (await conn.execute(select(func.max(t.imports.c.id)))).scalar()
        except SQLAlchemyError as exc:
            raise DataUnavailableError(
                "the archive tables are missing: run `f1 db upgrade` first "
                f"({exc.__class__.__name__})"
            ) from exc
        if version is None:
            raise DataUnavailableError(_EMPTY)
        snapshot = self._snapshot
        if snapshot is None or snapshot.version != version:
            async with self._lock:
                snapshot = self._snapshot
                if snapshot is None or snapshot.version != version:
                    snapshot = await _load_snapshot(conn, version)
                    self._snapshot = snapshot
        return snapshot

    # --- queries -----------------------------------------------------------------------------

    async def race_result(self, year: int, event: str, *, top: int = 3) -> RaceResult:
        """The first ``top`` of the race ``event`` names in ``year``."""
        return await self._classification(t.results, year, event, top, "results")

    async def sprint_result(self, year: int, event: str) -> RaceResult:
        """The sprint's full classification."""
        return await self._classification(t.sprint_results, year, event, 99, "sprint results")

    async def _classification(
        self, r: Table, year: int, event: str, top: int, what: str
    ) -> RaceResult:
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = snap.index.race(year, event)
            query = (
                select(
                    r.c.position,
                    r.c.position_text,
                    r.c.driver_id,
                    r.c.constructor_id,
                    r.c.grid,
                    r.c.laps,
                    r.c.time,
                    t.status.c.status,
                    r.c.points,
                )
                .join(t.status, t.status.c.id == r.c.status_id)
                .where(r.c.race_id == race.id)
                .order_by(r.c.position_order)
                .limit(max(top, 1))
            )
            rows = (await conn.execute(query)).all()
        if not rows:
            raise SessionNotFoundError(
                f"the {year} {race.name} (round {race.round}, {race.date}) has no {what} "
                "in the archive yet"
            )
        idx = snap.index
        entries = tuple(_entry(idx, row) for row in rows)
        return RaceResult(race=race_summary(idx, race), entries=entries)

    async def standings(
        self, year: int, *, after_round: int | None = None, constructors: bool = False
    ) -> Standings:
        """The championship table after ``after_round`` (the latest when None)."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = _standings_race(snap, year, after_round, constructors)
            rows = await _standing_rows(conn, snap, race, constructors)
        season = snap.index.season(year)
        return Standings(
            year=year,
            kind="constructors" if constructors else "drivers",
            after_round=race.round,
            round_name=race.name,
            final=race.round == season[-1].round,
            rows=rows,
        )

    async def champions(self, year: int) -> SeasonChampions:
        """Champion and runner-up of both titles (leaders while the season runs)."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = _standings_race(snap, year, None, constructors=False)
            drivers = await _standing_rows(conn, snap, race, constructors=False, limit=2)
            teams: tuple[StandingRow, ...] = ()
            if any(
                r.year == year and r.id in snap.constructor_standings for r in _season(snap, year)
            ):
                team_race = _standings_race(snap, year, None, constructors=True)
                teams = await _standing_rows(conn, snap, team_race, constructors=True, limit=2)
        season = snap.index.season(year)
        return SeasonChampions(
            year=year,
            complete=race.round == season[-1].round,
            after_round=race.round,
            champion=drivers[0],
            runner_up=drivers[1] if len(drivers) > 1 else None,
            constructors_champion=teams[0] if teams else None,
            constructors_runner_up=teams[1] if len(teams) > 1 else None,
        )

    async def tally(self, subject: str, *, kind: SubjectKind, year: int | None = None) -> Tally:
        """Entries, wins, poles, podiums, points and titles of a driver or team."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            idx = snap.index
            r = t.results
            if kind == "driver":
                who: ArchiveDriver | ArchiveTeam = idx.driver(subject, year=year)
                key_col, standings, key_std = (
                    r.c.driver_id,
                    t.driver_standings,
                    t.driver_standings.c.driver_id,
                )
                std_races = snap.driver_standings
            else:
                who = idx.team(subject, year=year)
                key_col, standings, key_std = (
                    r.c.constructor_id,
                    t.constructor_standings,
                    t.constructor_standings.c.constructor_id,
                )
                std_races = snap.constructor_standings
            query = select(
                func.count(distinct(r.c.race_id)),
                func.count(distinct(case((r.c.position == 1, r.c.race_id)))),
                func.count(distinct(case((r.c.grid == 1, r.c.race_id)))),
                func.sum(case((r.c.position <= 3, 1), else_=0)),
            ).where(key_col == who.id)
            if year is not None:
                query = query.where(r.c.race_id.in_([x.id for x in _season(snap, year)]))
            entries, wins, poles, podiums = (await conn.execute(query)).one()
            finals = _final_races(snap, std_races, year)
            points_rows = (
                await conn.execute(
                    select(standings.c.race_id, standings.c.points, standings.c.position).where(
                        key_std == who.id, standings.c.race_id.in_(list(finals))
                    )
                )
            ).all()
        points = sum(p.points for p in points_rows)
        titles = sum(1 for p in points_rows if p.position == 1 and finals[p.race_id])
        position = points_rows[0].position if year is not None and points_rows else None
        return Tally(
            kind=kind,
            name=who.name,
            ref=who.ref,
            year=year,
            entries=entries,
            wins=wins,
            poles=poles,
            podiums=int(podiums or 0),
            points=points,
            championship_position=position,
            titles=titles,
        )

    async def most_wins(
        self, *, kind: SubjectKind = "driver", year: int | None = None, limit: int = 10
    ) -> Leaderboard:
        """Most race wins in ``year`` or all time."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race_ids = None if year is None else [x.id for x in _season(snap, year)]
            counts = await _win_counts(conn, kind, race_ids)
        rows = rank_leaders(counts, names_of(snap.index, kind), limit)
        scope = "all time" if year is None else str(year)
        who = "drivers" if kind == "driver" else "constructors"
        return Leaderboard(
            title=f"Most wins, {who}, {scope}", kind=kind, year=year, circuit=None, rows=rows
        )

    async def wins_at_circuit(
        self, circuit: str, *, driver: str | None = None, limit: int = 10
    ) -> Leaderboard:
        """Most wins at one circuit, or one driver's wins there."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            idx = snap.index
            place = idx.circuit(circuit)
            who = idx.driver(driver) if driver is not None else None
            race_ids = [x.id for x in idx.races.values() if x.circuit_id == place.id]
            counts = await _win_counts(conn, "driver", race_ids)
        return circuit_board(idx, place, counts, who, limit)

    async def head_to_head(self, year: int, driver_a: str, driver_b: str) -> HeadToHead:
        """Season head-to-head in races and qualifying."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            idx = snap.index
            a = idx.driver(driver_a, year=year)
            b = idx.driver(driver_b, year=year)
            if a.id == b.id:
                raise InvalidRequestError(f"a head-to-head needs two drivers, got {a.name} twice")
            race_ids = [x.id for x in _season(snap, year)]
            r, q = t.results, t.qualifying
            results = (
                await conn.execute(
                    select(
                        r.c.race_id, r.c.driver_id, r.c.position_order, r.c.position, r.c.grid
                    ).where(r.c.driver_id.in_([a.id, b.id]), r.c.race_id.in_(race_ids))
                )
            ).all()
            quali = (
                await conn.execute(
                    select(q.c.race_id, q.c.driver_id, func.min(q.c.position).cast(Integer))
                    .where(q.c.driver_id.in_([a.id, b.id]), q.c.race_id.in_(race_ids))
                    .group_by(q.c.race_id, q.c.driver_id)
                )
            ).all()
            finals = _final_races(snap, snap.driver_standings, year)
            standings = t.driver_standings
            points_query = select(standings.c.driver_id, standings.c.points).where(
                standings.c.race_id.in_(list(finals)),
                standings.c.driver_id.in_([a.id, b.id]),
            )
            points = dict((await conn.execute(points_query)).all())
        quali_pos = {(row[0], row[1]): row[2] for row in quali}
        lines: dict[int, list[RaceLine]] = defaultdict(list)
        for row in results:
            lines[row.driver_id].append(
                RaceLine(
                    race_id=row.race_id,
                    position_order=row.position_order,
                    position=row.position,
                    grid=row.grid,
                    quali=quali_pos.get((row.race_id, row.driver_id)),
                )
            )
        counts = head_to_head_counts(lines[a.id], lines[b.id], quali_races=snap.qualifying)
        return HeadToHead(
            year=year,
            driver_a=a.name,
            driver_b=b.name,
            points_a=float(points.get(a.id, 0.0)),
            points_b=float(points.get(b.id, 0.0)),
            **{f: getattr(counts, f) for f in counts.__struct_fields__},
        )

    async def historic_race(self, year: int, event: str) -> HistoricRace:
        """Podium, pole, fastest lap and margin from the official results."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = snap.index.race(year, event)
            r, q = t.results, t.qualifying
            query = (
                select(
                    r.c.driver_id,
                    r.c.constructor_id,
                    r.c.position,
                    r.c.position_text,
                    r.c.position_order,
                    r.c.grid,
                    r.c.laps,
                    r.c.time,
                    t.status.c.status,
                    r.c.fastest_lap,
                    r.c.rank,
                    r.c.fastest_lap_time,
                )
                .join(t.status, t.status.c.id == r.c.status_id)
                .where(r.c.race_id == race.id)
            )
            lines = [ResultLine(*tuple(row)) for row in await conn.execute(query)]
            pole_row = (
                await conn.execute(
                    select(q.c.driver_id, q.c.constructor_id, q.c.q1, q.c.q2, q.c.q3).where(
                        q.c.race_id == race.id, q.c.position == 1
                    )
                )
            ).first()
        if not lines:
            raise SessionNotFoundError(
                f"the {year} {race.name} (round {race.round}, {race.date}) has no results "
                "in the archive yet"
            )
        pole = None
        if pole_row is not None:
            pole = (pole_row[0], pole_row[1], best_time(pole_row[2], pole_row[3], pole_row[4]))
        return historic_race(snap.index, race, lines, pole)

    async def qualifying_result(self, year: int, event: str) -> QualifyingResult:
        """Qualifying classification of one Grand Prix, in position order."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = snap.index.race(year, event)
            q = t.qualifying
            rows = (
                await conn.execute(
                    select(q.c.position, q.c.driver_id, q.c.constructor_id, q.c.q1, q.c.q2, q.c.q3)
                    .where(q.c.race_id == race.id)
                    .order_by(q.c.position)
                )
            ).all()
        return qualifying_result(snap.index, race, [tuple(row) for row in rows])

    async def pit_stops(
        self, year: int, event: str, *, drivers: tuple[str, ...] = ()
    ) -> RacePitStops:
        """A race's pit stops, in lap order."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            race = snap.index.race(year, event)
            ids = tuple(snap.index.driver(d, year=year).id for d in drivers)
            p = t.pit_stops
            query = select(p.c.driver_id, p.c.stop, p.c.lap, p.c.duration, p.c.milliseconds).where(
                p.c.race_id == race.id
            )
            rows = [tuple(row) for row in await conn.execute(query)]
        return race_pit_stops(snap.index, race, rows, ids)

    async def teammates(
        self, year: int, *, team: str | None = None, drivers: tuple[str, ...] = ()
    ) -> TeammateBattle:
        """Team-mates' head-to-head over the rounds both took part in."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            idx = snap.index
            team_id, driver_ids = resolve_teammates(idx, year, team, drivers)
            race_ids = [x.id for x in _season(snap, year)]
            r, q = t.results, t.qualifying
            narrow = r.c.constructor_id == team_id if team_id is not None else None
            if narrow is None:
                # the teams the named drivers drove for: their team-mates' rows are needed
                teams_of = select(r.c.constructor_id).where(
                    r.c.race_id.in_(race_ids), r.c.driver_id.in_(driver_ids)
                )
                narrow = r.c.constructor_id.in_(teams_of)
            rows = await conn.execute(
                select(
                    r.c.race_id,
                    r.c.driver_id,
                    r.c.constructor_id,
                    r.c.position_order,
                    r.c.position,
                    r.c.position_text,
                    r.c.grid,
                    r.c.points,
                ).where(r.c.race_id.in_(race_ids), narrow)
            )
            entries = [Entry(*tuple(row)) for row in rows]
            quali_rows = await conn.execute(
                select(q.c.race_id, q.c.driver_id, q.c.constructor_id, q.c.position).where(
                    q.c.race_id.in_(race_ids), q.c.position.is_not(None)
                )
            )
            quali = {(a, b, c): pos for a, b, c, pos in quali_rows}
        return season_battle(
            idx,
            year,
            entries,
            quali,
            has_qualifying=bool(quali),
            team_id=team_id,
            driver_ids=driver_ids,
        )

    async def stat(self, spec: StatSpec) -> StatAnswer:
        """A compositional statistic, counted and grouped in SQL."""
        async with self._engine.connect() as conn:
            snap = await self._current(conn)
            return await archive_stat(
                conn,
                snap.index,
                spec,
                driver_standings=snap.driver_standings,
                constructor_standings=snap.constructor_standings,
            )

    async def data_version(self) -> ArchiveImport | None:
        """The latest import, or None before the first."""
        async with self._engine.connect() as conn:
            try:
                return await latest_import(conn)
            except SQLAlchemyError:
                return None


# --- helpers shared by the queries ---------------------------------------------------------


async def _load_snapshot(conn: AsyncConnection, version: int) -> _Snapshot:
    drivers = [
        ArchiveDriver(
            id=row.id,
            ref=row.ref,
            code=row.code,
            forename=row.forename,
            surname=row.surname,
            nationality=row.nationality or "",
            dob=row.dob,
        )
        for row in await conn.execute(select(t.drivers))
    ]
    teams = [
        ArchiveTeam(id=row.id, ref=row.ref, name=row.name, nationality=row.nationality or "")
        for row in await conn.execute(select(t.constructors))
    ]
    circuits = [
        ArchiveCircuit(
            id=row.id,
            ref=row.ref,
            name=row.name,
            location=row.location or "",
            country=row.country or "",
        )
        for row in await conn.execute(select(t.circuits))
    ]
    races = [
        ArchiveRace(
            id=row.id,
            year=row.year,
            round=row.round,
            circuit_id=row.circuit_id,
            name=row.name,
            date=row.date,
        )
        for row in await conn.execute(select(t.races))
    ]
    r, ra = t.results, t.races
    driver_entries: dict[int, dict[int, int]] = defaultdict(dict)
    season_entries = (
        select(r.c.driver_id, ra.c.year, func.count(distinct(r.c.race_id)))
        .join(ra, ra.c.id == r.c.race_id)
        .group_by(r.c.driver_id, ra.c.year)
    )
    for driver_id, year, count in await conn.execute(season_entries):
        driver_entries[driver_id][year] = count
    team_seasons: dict[int, set[int]] = defaultdict(set)
    team_query = select(r.c.constructor_id, ra.c.year).join(ra, ra.c.id == r.c.race_id).distinct()
    for team_id, year in await conn.execute(team_query):
        team_seasons[team_id].add(year)

    async def race_ids(table: Table) -> frozenset[int]:
        return frozenset((await conn.execute(select(table.c.race_id).distinct())).scalars())

    return _Snapshot(
        version=version,
        index=ReferenceIndex(
            drivers=drivers,
            teams=teams,
            circuits=circuits,
            races=races,
            driver_entries=driver_entries,
            team_seasons=team_seasons,
        ),
        driver_standings=await race_ids(t.driver_standings),
        constructor_standings=await race_ids(t.constructor_standings),
        qualifying=await race_ids(t.qualifying),
    )


def _season(snap: _Snapshot, year: int) -> Sequence[ArchiveRace]:
    return snap.index.season(year)


def _standings_race(
    snap: _Snapshot, year: int, after_round: int | None, constructors: bool
) -> ArchiveRace:
    return standings_race(
        snap.index.season(year),
        snap.constructor_standings if constructors else snap.driver_standings,
        year,
        after_round,
        constructors=constructors,
    )


def _final_races(
    snap: _Snapshot, with_standings: frozenset[int], year: int | None
) -> dict[int, bool]:
    return final_races(snap.index, with_standings, year)


async def _standing_rows(
    conn: AsyncConnection,
    snap: _Snapshot,
    race: ArchiveRace,
    constructors: bool,
    limit: int | None = None,
) -> tuple[StandingRow, ...]:
    idx = snap.index
    if constructors:
        s = t.constructor_standings
        query = select(s.c.constructor_id, s.c.points, s.c.position, s.c.position_text, s.c.wins)
    else:
        s = t.driver_standings
        query = select(s.c.driver_id, s.c.points, s.c.position, s.c.position_text, s.c.wins)
    query = query.where(s.c.race_id == race.id).order_by(s.c.position)
    if limit is not None:
        query = query.limit(limit)
    rows = (await conn.execute(query)).all()
    if constructors:
        return tuple(
            _team_row(idx.teams[key], points, position, text, wins)
            for key, points, position, text, wins in rows
        )
    r = t.results
    teams_query = (
        select(r.c.driver_id, r.c.constructor_id, func.min(t.races.c.round))
        .join(t.races, t.races.c.id == r.c.race_id)
        .where(t.races.c.year == race.year, t.races.c.round <= race.round)
        .group_by(r.c.driver_id, r.c.constructor_id)
        .order_by(func.min(t.races.c.round))
    )
    if limit is not None:
        teams_query = teams_query.where(r.c.driver_id.in_([row[0] for row in rows]))
    teams_of = teams_in_order(idx, [(d, c, rnd) for d, c, rnd in await conn.execute(teams_query)])
    return tuple(
        _driver_row(idx.drivers[key], teams_of.get(key, ()), points, position, text, wins)
        for key, points, position, text, wins in rows
    )


def _driver_row(
    d: ArchiveDriver,
    teams: tuple[str, ...],
    points: float,
    position: int | None,
    text: str | None,
    wins: int,
) -> StandingRow:
    return StandingRow(
        position=position or 0,
        position_text=text or str(position),
        name=d.name,
        ref=d.ref,
        code=d.code,
        teams=teams,
        points=float(points),
        wins=wins,
    )


def _team_row(
    team: ArchiveTeam, points: float, position: int | None, text: str | None, wins: int
) -> StandingRow:
    return StandingRow(
        position=position or 0,
        position_text=text or str(position),
        name=team.name,
        ref=team.ref,
        code=None,
        teams=(),
        points=float(points),
        wins=wins,
    )


async def _win_counts(
    conn: AsyncConnection, kind: SubjectKind, race_ids: list[int] | None
) -> dict[int, int]:
    r = t.results
    key = r.c.driver_id if kind == "driver" else r.c.constructor_id
    query = select(key, func.count(distinct(r.c.race_id))).where(r.c.position == 1).group_by(key)
    if race_ids is not None:
        query = query.where(r.c.race_id.in_(race_ids))
    return dict((await conn.execute(query)).all())


def _entry(idx: ReferenceIndex, row: Any) -> RaceEntry:  # a result Row
    d = idx.drivers[row.driver_id]
    return RaceEntry(
        position=row.position,
        position_text=row.position_text,
        driver=d.name,
        driver_ref=d.ref,
        code=d.code,
        team=idx.teams[row.constructor_id].name,
        grid=row.grid,
        laps=row.laps,
        time=row.time,
        status=row.status,
        points=float(row.points),
    )
