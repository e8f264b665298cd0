"""Laps completed: how many laps each driver did, from the official result in a race.

In a race or sprint the official classification's lap count is the fact (a car that
crashed on lap 11 completed 10); in practice and qualifying, where there is no such
count, every lap the timing recorded for the driver counts, out- and in-laps included.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.stats import counted
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list


class LapsCompletedQuery(SessionQuery, frozen=True, kw_only=True, tag="laps-completed"):
    """How many laps each driver (or the drivers asked about) completed."""


class DriverLaps(msgspec.Struct, frozen=True, kw_only=True):
    """One driver's lap count and, in a race, their official status ("Finished", "+1 Lap")."""

    driver: str
    full_name: str
    team: str
    laps: int
    status: str


class LapsCompleted(msgspec.Struct, frozen=True, kw_only=True):
    """Every driver's laps, most first; ``official`` when the counts are the race result's."""

    session: str
    official: bool
    total_laps: int | None
    drivers: tuple[DriverLaps, ...]
    liveries: tuple[DriverLivery, ...]
    excluded: tuple[ExcludedLap, ...] = ()

    def table(self) -> Table:
        """Driver, team, laps and (in a race) status."""
        return Table(
            columns=("Driver", "Team", "Laps", "Status"),
            rows=tuple((d.driver, d.team, d.laps, d.status) for d in self.drivers),
        )


def laps_completed(session: Session) -> LapsCompleted:
    """The lap count of every driver in ``session``, most laps first."""
    official = session.ref.kind.is_race_like and any(r.laps is not None for r in session.results)
    timed: dict[str, int] = {}
    for lap in session.laps:
        timed[lap.driver] = timed.get(lap.driver, 0) + 1
    status = {r.driver: r.status for r in session.results}
    result_laps = {r.driver: r.laps for r in session.results}
    rows = [
        DriverLaps(
            driver=d.code,
            full_name=d.full_name,
            team=d.team,
            laps=(result_laps.get(d.code) or 0) if official else timed.get(d.code, 0),
            status=status.get(d.code, "") if official else "",
        )
        for d in session.drivers
    ]
    rows.sort(key=lambda r: -r.laps)
    return LapsCompleted(
        session=session.title,
        official=official,
        total_laps=session.total_laps,
        drivers=tuple(rows),
        liveries=session_liveries(session),
    )


def _compute(session: Session, query: LapsCompletedQuery) -> LapsCompleted:
    return laps_completed(session)


def paragraph(result: LapsCompleted, query: LapsCompletedQuery) -> str:
    """The asked-about drivers' counts, or who did the most and the fewest laps."""
    if not result.drivers:
        return f"No laps were recorded in the {result.session}."
    who = DriverNames((d.driver, d.full_name) for d in result.drivers)
    by_code = {d.driver: d for d in result.drivers}
    of_total = f" of {result.total_laps}" if result.official and result.total_laps else ""

    def one(d: DriverLaps) -> str:
        status = f" ({d.status})" if d.status and d.status != "Finished" else ""
        return f"{who(d.driver)} completed {counted(d.laps, 'lap')}{of_total}{status}"

    asked = [by_code[c] for c in query.drivers if c in by_code]
    if asked:
        return f"In the {result.session}, " + and_list([one(d) for d in asked]) + "."
    most, fewest = result.drivers[0], result.drivers[-1]
    if most.laps == fewest.laps:
        return f"Every driver completed {counted(most.laps, 'lap')} in the {result.session}."
    tied = [d for d in result.drivers if d.laps == most.laps]
    if len(tied) == 1:
        top = f"{one(most)}, the most"
    elif len(tied) <= 4:
        names = and_list([who(d.driver) for d in tied])
        top = f"{names} completed {counted(most.laps, 'lap')}{of_total}, the most"
    else:
        top = f"{len(tied)} drivers completed {counted(most.laps, 'lap')}{of_total}"
    return f"In the {result.session}, {top}; the fewest: {one(fewest)}."


def chart(result: LapsCompleted, query: LapsCompletedQuery) -> Spec | None:
    """Laps of every driver, in team colours."""
    return charts.driver_bars(
        f"Laps completed, {result.session}",
        [{"driver": d.driver, "laps": d.laps} for d in result.drivers],
        value="laps",
        value_title="Laps",
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=LapsCompletedQuery,
    title="Laps completed",
    description="How many laps each driver completed (the official count in a race).",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("laps_completed"),),
)
