"""Running order: positions lap by lap, grid against finish, gaps and intervals."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import msgspec

from f1core.analysis.classification import ClassificationEntry, classification
from f1core.analysis.laps import driver_names, select_drivers, sort_excluded
from f1core.domain.session import Session
from f1core.domain.table import Cell, ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap


class LapOrder(msgspec.Struct, frozen=True, gc=False):
    """The running order at the end of one lap: driver codes from P1 down."""

    lap: int
    order: tuple[str, ...]


class Positions(msgspec.Struct, frozen=True, gc=False):
    """Position of every driver at the end of every lap."""

    session: str
    laps: tuple[LapOrder, ...]
    lead_changes: int
    laps_led: tuple[tuple[str, int], ...]
    excluded: tuple[ExcludedLap, ...]
    names: tuple[tuple[str, str], ...] = ()
    """(code, full name) of every driver in the session, for the paragraph."""
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def position_of(self, driver: str, lap: int) -> int | None:
        """A driver's position at the end of a lap, None when not recorded."""
        for entry in self.laps:
            if entry.lap == lap:
                return entry.order.index(driver) + 1 if driver in entry.order else None
        return None

    def table(self) -> Table:
        """One row per lap: the driver codes in running order (P1, P2, ...)."""
        width = max((len(e.order) for e in self.laps), default=0)
        columns = ("Lap", *(f"P{i + 1}" for i in range(width)))
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (e.lap, *e.order, *([""] * (width - len(e.order)))) for e in self.laps
        )
        return Table(columns=columns, rows=rows)


def positions(session: Session) -> Positions:
    """Each driver's position at the end of each lap (FastF1's lap Position).

    Laps without a recorded position (a driver who has stopped, a lap in the pits under red
    flag) are excluded rather than guessed.
    """
    codes = set(select_drivers(session, None))
    by_lap: dict[int, list[tuple[int, str]]] = {}
    excluded: list[ExcludedLap] = []
    for lap in session.laps:
        if lap.driver not in codes:
            continue
        if lap.position is None:
            excluded.append(ExcludedLap(lap.driver, lap.number, "no position"))
            continue
        by_lap.setdefault(lap.number, []).append((lap.position, lap.driver))
    orders = tuple(
        LapOrder(lap=number, order=tuple(code for _, code in sorted(entries)))
        for number, entries in sorted(by_lap.items())
    )
    led: dict[str, int] = {}
    changes = 0
    previous: str | None = None
    for entry in orders:
        leader = entry.order[0]
        led[leader] = led.get(leader, 0) + 1
        if previous is not None and leader != previous:
            changes += 1
        previous = leader
    return Positions(
        session=session.title,
        laps=orders,
        lead_changes=changes,
        laps_led=tuple(sorted(led.items(), key=lambda item: (-item[1], item[0]))),
        excluded=sort_excluded(excluded),
        names=driver_names(session),
        liveries=session_liveries(session),
    )


class GridChange(msgspec.Struct, frozen=True, gc=False):
    """Where a driver started and finished; ``gained`` is positive for places won.

    A pit-lane start (grid 0) counts as starting behind the whole field.
    """

    driver: str
    full_name: str
    team: str
    grid: int | None
    finish: int | None
    classified: str
    status: str
    gained: int | None


class GridVsFinish(msgspec.Struct, frozen=True, gc=False):
    """Grid against finishing position for every driver, in finishing order."""

    session: str
    rows: tuple[GridChange, ...]
    excluded: tuple[ExcludedLap, ...] = ()
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Finish, grid, places gained (+) or lost (-), status."""
        columns = ("Finish", "Driver", "Name", "Team", "Grid", "Gained", "Status")
        rows = tuple(
            (
                r.classified or ("-" if r.finish is None else str(r.finish)),
                r.driver,
                r.full_name,
                r.team,
                "-" if r.grid is None else ("pit lane" if r.grid == 0 else str(r.grid)),
                "-" if r.gained is None else f"{r.gained:+d}",
                r.status,
            )
            for r in self.rows
        )
        return Table(columns=columns, rows=rows)


def grid_vs_finish(session: Session) -> GridVsFinish:
    """Each driver's grid slot against the finishing position, from the results."""
    field = len(session.results)
    ordered = sorted(
        enumerate(session.results),
        key=lambda item: (item[1].position is None, item[1].position or 0, item[0]),
    )
    rows = []
    for _, r in ordered:
        start = field if r.grid == 0 else r.grid
        gained = None if start is None or r.position is None else start - r.position
        rows.append(
            GridChange(
                driver=r.driver,
                full_name=r.full_name,
                team=r.team,
                grid=r.grid,
                finish=r.position,
                classified=r.classified,
                status=r.status,
                gained=gained,
            )
        )
    return GridVsFinish(session=session.title, rows=tuple(rows), liveries=session_liveries(session))


def _slot(grid: int | None) -> str:
    if grid is None:
        return "?"
    return "the pit lane" if grid == 0 else f"P{grid}"


class GapRow(msgspec.Struct, frozen=True, gc=False):
    """A driver's gap to the leader and interval to the car ahead, at the end of a lap.

    Both come from lap end times: the leader of lap N is whoever completed lap N first.
    ``laps_down`` counts the laps the leader had completed beyond N when this driver
    completed lap N (0 on the lead lap).
    """

    lap: int
    position: int
    driver: str
    gap_ms: int
    interval_ms: int
    ahead: str | None
    laps_down: int = 0

    @property
    def gap_text(self) -> str:
        """The gap as the timing screens show it: "Leader", "+1.852", "+1 lap"."""
        if self.position == 1:
            return "Leader"
        if self.laps_down:
            return f"+{self.laps_down} lap" + ("s" if self.laps_down > 1 else "")
        return format_gap(self.gap_ms)


class Gaps(msgspec.Struct, frozen=True, gc=False):
    """Gaps to the leader and intervals, lap by lap."""

    session: str
    rows: tuple[GapRow, ...]
    excluded: tuple[ExcludedLap, ...]
    names: tuple[tuple[str, str], ...] = ()
    """(code, full name) of every driver in the session, for the paragraph."""
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""
    finish: tuple[ClassificationEntry, ...] = ()
    """The official classification: the order and gaps at the flag, which lap timing
    only approximates (the winner's total time and each gap come from the results)."""

    def at_lap(self, lap: int) -> tuple[GapRow, ...]:
        """The rows of one lap, in running order."""
        return tuple(r for r in self.rows if r.lap == lap)

    def table(self) -> Table:
        """One row per driver per lap: position on the road, gap and interval."""
        columns = ("Lap", "Pos", "Driver", "Gap", "Interval")
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (
                r.lap,
                r.position,
                r.driver,
                r.gap_text,
                "" if r.ahead is None else format_gap(r.interval_ms),
            )
            for r in self.rows
        )
        return Table(columns=columns, rows=rows)


def gaps(session: Session, drivers: Sequence[str] | None = None) -> Gaps:
    """Gap to the leader and interval to the car ahead at the end of each lap, in ms.

    The leader of lap N is the driver who completed lap N first; a driver's gap is the
    difference between their end of lap N and the leader's, so it is never negative and
    the leader's is 0. Only completed laps count: a lap with neither a time nor a position
    (the lap a car retired on, where the timing closes it at the leader's time), or beyond
    the laps the classification credits the driver with, is left out, so a car out on
    lap 1 never leads lap 1. With ``drivers`` given, rows are shown for them only but the
    leader and the car ahead are still taken from the whole field.
    """
    shown = set(select_drivers(session, drivers))
    everyone = set(select_drivers(session, None))
    credited = {r.driver: r.laps for r in session.results if r.laps is not None}
    by_lap: dict[int, list[tuple[int, str]]] = {}
    excluded: list[ExcludedLap] = []
    for lap in session.laps:
        if lap.driver not in everyone:
            continue
        reason = None
        if lap.end_at_ms is None:
            reason = "no lap end time"
        elif (lap.time_ms is None and lap.position is None) or lap.number > credited.get(
            lap.driver, lap.number
        ):
            reason = "lap not completed (retired)"
        if reason is not None:
            if lap.driver in shown:
                excluded.append(ExcludedLap(lap.driver, lap.number, reason))
            continue
        assert lap.end_at_ms is not None
        by_lap.setdefault(lap.number, []).append((lap.end_at_ms, lap.driver))
    # When the leader completed each lap (never earlier than the lap before): how many
    # laps were done by the time a lapped car crosses the line.
    lead_ends: list[int] = []
    for number in sorted(by_lap):
        first = min(by_lap[number])[0]
        lead_ends.append(max(first, lead_ends[-1]) if lead_ends else first)
    laps_in_order = sorted(by_lap)
    rows: list[GapRow] = []
    for number in laps_in_order:
        finished = sorted(by_lap[number])
        leader_at = finished[0][0]
        lead_index = laps_in_order.index(number)
        for i, (end_at, code) in enumerate(finished):
            if code not in shown:
                continue
            ahead = finished[i - 1] if i > 0 else None
            done = bisect.bisect_right(lead_ends, end_at) - 1
            rows.append(
                GapRow(
                    lap=number,
                    position=i + 1,
                    driver=code,
                    gap_ms=end_at - leader_at,
                    interval_ms=0 if ahead is None else end_at - ahead[0],
                    ahead=None if ahead is None else ahead[1],
                    laps_down=max(done - lead_index, 0),
                )
            )
    return Gaps(
        session=session.title,
        rows=tuple(rows),
        excluded=sort_excluded(excluded),
        names=driver_names(session),
        liveries=session_liveries(session),
        finish=classification(session).rows,
    )
