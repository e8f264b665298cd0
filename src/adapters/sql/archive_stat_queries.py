"""The archive statistic (``f1core.domain.archive_stat``) as SQL: filter, count, group.

The fact rows are a subquery over ``archive_results`` (with ``archive_sprint_results``
for points) or over the latest standings of each season; the filters become WHERE
clauses, the metric a CASE expression, and each aggregation one grouped query, so the
database does the counting on SQLite and PostgreSQL alike. Names are resolved and the
answer finished by the core, exactly as the in-memory fake does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Subquery, and_, case, distinct, func, literal, select, true
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql import archive_tables as t
from f1core.domain.archive_counting import final_races
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_stat import (
    NOT_STARTED,
    SEASON_METRICS,
    Match,
    Resolved,
    StatAnswer,
    StatSpec,
    counts_races,
    finish,
    resolve,
)


async def archive_stat(
    conn: AsyncConnection,
    idx: ReferenceIndex,
    spec: StatSpec,
    *,
    driver_standings: frozenset[int],
    constructor_standings: frozenset[int],
) -> StatAnswer:
    """Compute ``spec`` on the archive tables."""
    res = resolve(spec, idx)
    season = spec.metric in SEASON_METRICS
    if season:
        with_standings = constructor_standings if spec.subject == "team" else driver_standings
        finals = final_races(idx, with_standings, None)
        if spec.metric == "titles":
            finals = {k: v for k, v in finals.items() if v}
        f = _season_facts(spec, list(finals))
    else:
        f = _race_facts(spec)
    where = and_(true(), *_filters(spec, res, f, season))
    hit = _hit(spec, f, season)
    key = f.c.subject_id
    unit = f.c.race_id if season or counts_races(spec) else f.c.race_id * 1000 + f.c.driver_id
    if spec.metric == "points":
        measure: ColumnElement[Any] = func.coalesce(func.sum(case((hit, f.c.points), else_=0)), 0)
    else:
        measure = func.count(distinct(case((hit, unit))))
    agg = spec.aggregation
    if agg == "count":
        value = (await conn.execute(select(measure).where(where))).scalar()
        return finish(spec, res, idx, value=float(value or 0))
    if agg in ("most", "fewest", "count_distinct"):
        rows = await conn.execute(select(key, measure).where(where).group_by(key))
        return finish(spec, res, idx, grouped={k: float(v) for k, v in rows if k is not None})
    if agg == "per_season":
        rows = await conn.execute(select(f.c.year, measure).where(where).group_by(f.c.year))
        return finish(spec, res, idx, seasons={y: float(v) for y, v in rows})
    if agg in ("youngest", "oldest"):
        pick = func.min(f.c.date) if agg == "youngest" else func.max(f.c.date)
        rows = await conn.execute(select(key, pick).where(where, hit).group_by(key))
        return finish(spec, res, idx, extremes={k: d for k, d in rows if k is not None})
    columns = (key, f.c.race_id, f.c.position, f.c.points)
    if agg in ("first", "last"):
        edge = func.min(f.c.date) if agg == "first" else func.max(f.c.date)
        day = (await conn.execute(select(edge).where(where, hit))).scalar()
        if day is None:
            return finish(spec, res, idx, matches=())
        query = select(*columns).where(where, hit, f.c.date == day)
    else:
        query = select(*columns).where(where, hit).order_by(f.c.date).limit(500)
    matches = [
        Match(subject_id=s, race_id=r, position=p, points=float(pts or 0))
        for s, r, p, pts in await conn.execute(query)
    ]
    return finish(spec, res, idx, matches=matches)


def _race_facts(spec: StatSpec) -> Subquery:
    ra = t.races
    tables = [t.results, t.sprint_results] if spec.metric == "points" else [t.results]
    subject = "constructor_id" if spec.subject == "team" and spec.metric != "races" else "driver_id"
    parts = [
        select(
            r.c.race_id,
            r.c.driver_id,
            r.c.constructor_id,
            r.c[subject].label("subject_id"),
            r.c.grid,
            r.c.position,
            r.c.position_text,
            r.c.position_order,
            r.c.rank.label("fl_rank"),
            r.c.points,
            ra.c.year,
            ra.c.circuit_id,
            ra.c.date,
        ).join(ra, ra.c.id == r.c.race_id)
        for r in tables
    ]
    if len(parts) == 1:
        return parts[0].subquery("facts")
    return parts[0].union_all(parts[1]).subquery("facts")


def _season_facts(spec: StatSpec, race_ids: list[int]) -> Subquery:
    ra = t.races
    team = spec.subject == "team"
    s = t.constructor_standings if team else t.driver_standings
    key = s.c.constructor_id if team else s.c.driver_id
    null = literal(None)
    return (
        select(
            s.c.race_id,
            (null if team else s.c.driver_id).label("driver_id"),
            (s.c.constructor_id if team else null).label("constructor_id"),
            key.label("subject_id"),
            s.c.position,
            s.c.points,
            ra.c.year,
            ra.c.circuit_id,
            ra.c.date,
        )
        .join(ra, ra.c.id == s.c.race_id)
        .where(s.c.race_id.in_(race_ids))
        .subquery("facts")
    )


def _filters(spec: StatSpec, res: Resolved, f: Subquery, season: bool) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if spec.year_from is not None:
        out.append(f.c.year >= spec.year_from)
    if spec.year_to is not None:
        out.append(f.c.year <= spec.year_to)
    if res.circuit_id is not None:
        out.append(f.c.circuit_id == res.circuit_id)
    if res.driver_id is not None:
        out.append(f.c.driver_id == res.driver_id)
    if res.team_id is not None:
        out.append(f.c.constructor_id == res.team_id)
    if res.nationality_ids is not None:
        out.append(f.c.subject_id.in_(sorted(res.nationality_ids)))
    if not season:
        if spec.grid is not None:
            out.append(f.c.grid == spec.grid)
        if spec.position is not None:
            out.append(f.c.position == spec.position)
    return out


def _hit(spec: StatSpec, f: Subquery, season: bool) -> ColumnElement[bool]:
    m = spec.metric
    if season:
        if m == "titles":
            return f.c.position == 1
        return f.c.position == spec.position if spec.position is not None else true()
    if m == "wins":
        return f.c.position == 1
    if m == "poles":
        return f.c.grid == 1
    if m == "podiums":
        return f.c.position <= 3
    if m == "fastest_laps":
        return f.c.fl_rank == 1
    if m == "dnfs":
        return f.c.position_text == "R"
    if m == "races":
        return f.c.position_order == 1
    if m == "starts":
        # see archive_stat.started: F/W never started; E without a grid slot did not
        excluded_before = and_(f.c.position_text == "E", func.coalesce(f.c.grid, 0) == 0)
        return and_(f.c.position_text.not_in(NOT_STARTED), ~excluded_before)
    return true()  # points: every row, summed
