"""The official classification of a session, as published (results, grid, Q1/Q2/Q3)."""

from __future__ import annotations

import msgspec

from f1core.domain.session import ClassificationRow, Session
from f1core.domain.table import Cell, ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime


class ClassificationEntry(msgspec.Struct, frozen=True, gc=False):
    """One classified driver; ``gap_ms`` is to the winner (None for the winner or lapped)."""

    position: int | None
    classified: str
    driver: str
    full_name: str
    team: str
    grid: int | None
    status: str
    points: float | None
    race_time_ms: int | None
    gap_ms: int | None
    laps: int | None
    q1_ms: int | None
    q2_ms: int | None
    q3_ms: int | None

    @property
    def best_qualifying_ms(self) -> int | None:
        """The time from the last qualifying part the driver reached (Q3, else Q2, else Q1)."""
        for value in (self.q3_ms, self.q2_ms, self.q1_ms):
            if value is not None:
                return value
        return None


class Classification(msgspec.Struct, frozen=True, gc=False):
    """The session's classification, in finishing order."""

    session: str
    qualifying: bool
    rows: tuple[ClassificationEntry, ...]
    excluded: tuple[ExcludedLap, ...] = ()
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Qualifying: Q1/Q2/Q3 columns; race: grid, laps, time or gap, status, points."""
        if self.qualifying:
            columns: tuple[str, ...] = ("Pos", "Driver", "Name", "Team", "Q1", "Q2", "Q3")
            rows: list[tuple[Cell, ...]] = [
                (
                    r.classified or _pos(r.position),
                    r.driver,
                    r.full_name,
                    r.team,
                    format_laptime(r.q1_ms),
                    format_laptime(r.q2_ms),
                    format_laptime(r.q3_ms),
                )
                for r in self.rows
            ]
        else:
            columns = ("Pos", "Driver", "Name", "Team", "Grid", "Laps", "Time/Gap", "Status", "Pts")
            rows = [
                (
                    r.classified or _pos(r.position),
                    r.driver,
                    r.full_name,
                    r.team,
                    _grid(r.grid),
                    r.laps,
                    _time_or_gap(r),
                    r.status,
                    _points(r.points),
                )
                for r in self.rows
            ]
        return Table(columns=columns, rows=tuple(rows))


def classification(session: Session) -> Classification:
    """The session's official classification from its results, in finishing order.

    Rows without a position (not classified) keep their published order, after the rest.
    """
    ordered = sorted(
        enumerate(session.results),
        key=lambda item: (item[1].position is None, item[1].position or 0, item[0]),
    )
    entries = tuple(_entry(row, is_first=i == 0) for i, (_, row) in enumerate(ordered))
    return Classification(
        session=session.title,
        qualifying=session.ref.kind.is_qualifying_like,
        rows=entries,
        liveries=session_liveries(session),
    )


def _entry(row: ClassificationRow, *, is_first: bool) -> ClassificationEntry:
    # FastF1 gives the winner's total time and everyone else's gap in the same column.
    return ClassificationEntry(
        position=row.position,
        classified=row.classified,
        driver=row.driver,
        full_name=row.full_name,
        team=row.team,
        grid=row.grid,
        status=row.status,
        points=row.points,
        race_time_ms=row.time_ms if is_first else None,
        gap_ms=None if is_first else row.time_ms,
        laps=row.laps,
        q1_ms=row.q1_ms,
        q2_ms=row.q2_ms,
        q3_ms=row.q3_ms,
    )


def _pos(position: int | None) -> str:
    return "-" if position is None else str(position)


def _grid(grid: int | None) -> str:
    if grid is None:
        return "-"
    # FastF1 writes a pit-lane start as grid position 0.
    return "pit lane" if grid == 0 else f"P{grid}"


def _points(points: float | None) -> str:
    if points is None:
        return "-"
    return f"{points:g}"


def _time_or_gap(row: ClassificationEntry) -> str:
    if row.race_time_ms is not None:
        return format_laptime(row.race_time_ms)
    if row.gap_ms is not None:
        return format_gap(row.gap_ms)
    return row.status
