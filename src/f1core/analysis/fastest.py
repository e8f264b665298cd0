"""The fastest lap of a session and each driver's best lap, on valid laps only."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from f1core.analysis.laps import (
    full_name,
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_valid,
    team_of,
)
from f1core.domain.session import Lap, Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime


class BestLap(msgspec.Struct, frozen=True, gc=False):
    """A driver's best valid lap and its gap to the fastest of the compared drivers."""

    position: int
    driver: str
    full_name: str
    team: str
    lap: int
    time_ms: int
    gap_ms: int
    compound: str | None
    tyre_life: int | None


class PoleSitter(msgspec.Struct, frozen=True, gc=False):
    """Who took pole in a qualifying session, with the lap from the part that set the grid.

    The grid comes from the last part a driver reached (Q3, then Q2, Q1), so a quicker lap
    in Q1 or Q2 (say before rain) does not make pole.
    """

    driver: str
    full_name: str
    part: str
    time_ms: int | None


class FastestLap(msgspec.Struct, frozen=True, gc=False):
    """The fastest valid lap among the compared drivers (None when nobody set one).

    ``rows`` are every compared driver's best lap, fastest first: the runner-up gives the
    fastest lap its meaning. ``pole`` is the pole sitter of a qualifying session.
    """

    session: str
    drivers: tuple[str, ...]
    fastest: BestLap | None
    rows: tuple[BestLap, ...]
    pole: PoleSitter | None
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """One row: the fastest lap."""
        columns = ("Driver", "Name", "Team", "Lap", "Time", "Compound", "Tyre life")
        if self.fastest is None:
            return Table(columns=columns, rows=())
        f = self.fastest
        row = (
            f.driver,
            f.full_name,
            f.team,
            f.lap,
            format_laptime(f.time_ms),
            f.compound or "-",
            f.tyre_life,
        )
        return Table(columns=columns, rows=(row,))


class BestLaps(msgspec.Struct, frozen=True, gc=False):
    """Each driver's best valid lap, fastest first."""

    session: str
    drivers: tuple[str, ...]
    rows: tuple[BestLap, ...]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Position, driver, best lap time and gap to the fastest."""
        columns = ("Pos", "Driver", "Name", "Team", "Lap", "Time", "Gap", "Compound")
        rows = tuple(
            (
                r.position,
                r.driver,
                r.full_name,
                r.team,
                r.lap,
                format_laptime(r.time_ms),
                "" if r.gap_ms == 0 else format_gap(r.gap_ms),
                r.compound or "-",
            )
            for r in self.rows
        )
        return Table(columns=columns, rows=rows)


def best_laps(session: Session, drivers: Sequence[str] | None = None) -> BestLaps:
    """Each driver's best valid lap (timed, not deleted, plausible), fastest first.

    Ties go to the lap completed first, as the timing screens rank them. Drivers without a
    valid lap have no row; their laps are listed in ``excluded``.
    """
    codes = select_drivers(session, drivers)
    excluded: list[ExcludedLap] = []
    bests: list[Lap] = []
    floors = plausibility_floors(session)
    for laps in laps_by_driver(session, codes).values():
        valid, left_out = split_valid(laps, floors)
        excluded.extend(left_out)
        if valid:
            bests.append(min(valid, key=_rank_key))
    bests.sort(key=_rank_key)
    leader_ms = _time(bests[0]) if bests else 0
    rows = tuple(
        BestLap(
            position=i + 1,
            driver=lap.driver,
            full_name=full_name(session, lap.driver),
            team=team_of(session, lap.driver),
            lap=lap.number,
            time_ms=_time(lap),
            gap_ms=_time(lap) - leader_ms,
            compound=lap.compound,
            tyre_life=lap.tyre_life,
        )
        for i, lap in enumerate(bests)
    )
    return BestLaps(
        session=session.title,
        drivers=codes if drivers else (),
        rows=rows,
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
    )


def fastest_lap(session: Session, drivers: Sequence[str] | None = None) -> FastestLap:
    """The fastest valid lap of the session (or of the given drivers).

    An implausible lap never wins, however quick its recorded time: the 2022 Saudi Arabian
    qualifying holds an impossible 1:13.670 (flagged inaccurate), faster than any official
    Q1-Q3 time. An inaccurate flag alone does not disqualify a lap (see ``laps``).
    """
    best = best_laps(session, drivers)
    return FastestLap(
        session=best.session,
        drivers=best.drivers,
        fastest=best.rows[0] if best.rows else None,
        rows=best.rows,
        pole=pole_sitter(session),
        excluded=best.excluded,
        liveries=best.liveries,
    )


def pole_sitter(session: Session) -> PoleSitter | None:
    """The classified P1 of a qualifying session and the part that set the grid."""
    kind = session.ref.kind
    if not kind.is_qualifying_like:
        return None
    pole = next((r for r in session.results if r.position == 1), None)
    if pole is None:
        return None
    prefix = "SQ" if kind is SessionKind.SPRINT_QUALIFYING else "Q"
    parts = ((f"{prefix}3", pole.q3_ms), (f"{prefix}2", pole.q2_ms), (f"{prefix}1", pole.q1_ms))
    part, time_ms = next(((p, t) for p, t in parts if t is not None), ("", None))
    return PoleSitter(driver=pole.driver, full_name=pole.full_name, part=part, time_ms=time_ms)


def _time(lap: Lap) -> int:
    # Only called on valid laps, which always carry a time.
    assert lap.time_ms is not None
    return lap.time_ms


def _rank_key(lap: Lap) -> tuple[int, int, int]:
    set_at = lap.end_at_ms if lap.end_at_ms is not None else 2**62
    return (_time(lap), set_at, lap.number)
