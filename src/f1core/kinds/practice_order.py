"""Practice order: who topped a practice session, the timesheet by best valid lap.

Practice has no official classification; its order is the ranking of each driver's best
valid lap (timed, not deleted, plausible), which is what the timing screens show at the
flag. Drivers who set no valid time are listed last, with the laps they ran.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.fastest import BestLap, best_laps
from f1core.analysis.stats import counted
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import PRACTICE, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.fastest_lap import best_lap_gap_chart
from f1core.kinds.prose import DriverNames, secs


class PracticeOrderQuery(SessionQuery, frozen=True, kw_only=True, tag="practice-order"):
    """The order of a practice session by best valid lap, with the gaps."""


class NoTime(msgspec.Struct, frozen=True, gc=False):
    """A driver with no valid lap in the session, and how many laps they ran."""

    driver: str
    full_name: str
    team: str
    laps: int


class PracticeOrder(msgspec.Struct, frozen=True, gc=False):
    """The timesheet: ranked best laps, each driver's lap count, drivers with no time."""

    session: str
    rows: tuple[BestLap, ...]
    laps_run: dict[str, int]
    no_time: tuple[NoTime, ...]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()

    def table(self) -> Table:
        """Position, driver, best lap, gap to the top, interval, compound, laps run."""
        columns = ("Pos", "Driver", "Name", "Team", "Time", "Gap", "Interval", "Tyre", "Laps")
        ranked = tuple(
            (
                r.position,
                r.driver,
                r.full_name,
                r.team,
                format_laptime(r.time_ms),
                "" if i == 0 else format_gap(r.gap_ms),
                "" if i == 0 else format_gap(r.gap_ms - self.rows[i - 1].gap_ms),
                r.compound or "-",
                self.laps_run.get(r.driver, 0),
            )
            for i, r in enumerate(self.rows)
        )
        untimed = tuple(
            ("-", d.driver, d.full_name, d.team, "no time", "", "", "-", d.laps)
            for d in self.no_time
        )
        return Table(columns=columns, rows=ranked + untimed)


def practice_order(session: Session) -> PracticeOrder:
    """The practice timesheet of ``session``: best valid laps ranked, then the untimed."""
    best = best_laps(session)
    laps_run: dict[str, int] = {}
    for lap in session.laps:
        laps_run[lap.driver] = laps_run.get(lap.driver, 0) + 1
    timed = {r.driver for r in best.rows}
    no_time = tuple(
        NoTime(driver=d.code, full_name=d.full_name, team=d.team, laps=laps_run.get(d.code, 0))
        for d in session.drivers
        if d.code not in timed
    )
    return PracticeOrder(
        session=session.title,
        rows=best.rows,
        laps_run=laps_run,
        no_time=no_time,
        excluded=best.excluded,
        liveries=session_liveries(session),
    )


def _compute(session: Session, query: PracticeOrderQuery) -> PracticeOrder:
    return practice_order(session)


def _tyre(row: BestLap) -> str:
    return f" on the {row.compound.lower()} tyre" if row.compound else ""


def paragraph(result: PracticeOrder, query: PracticeOrderQuery) -> str:
    """Each asked driver's place, time and gap; then who topped the session and the next two."""
    if not result.rows:
        return f"No valid lap was set in the {result.session}."
    names = [(r.driver, r.full_name) for r in result.rows]
    names += [(d.driver, d.full_name) for d in result.no_time]
    who = DriverNames(names)
    top = result.rows[0]
    by_code = {r.driver: r for r in result.rows}
    untimed = {d.driver: d for d in result.no_time}
    asked: list[str] = []
    for code in query.drivers:
        row = by_code.get(code)
        if row is None:
            laps = untimed[code].laps if code in untimed else 0
            asked.append(f"{who(code)} set no valid time ({counted(laps, 'lap')} run)")
        elif row is not top:
            asked.append(
                f"{who(code)} was P{row.position} of {len(result.rows)} with "
                f"{format_laptime(row.time_ms)}{_tyre(row)}, {secs(row.gap_ms)} off the top"
            )
    text = (
        f"{who(top.driver)} topped the {result.session} with "
        f"{format_laptime(top.time_ms)}{_tyre(top)}"
    )
    behind = [f"{who(r.driver)} P{r.position}, {secs(r.gap_ms)} behind" for r in result.rows[1:3]]
    if behind:
        text += "; " + ", ".join(behind)
    text += f" ({counted(len(result.rows), 'driver')} set a time)."
    if asked:
        return f"In the {result.session}, " + "; ".join(asked) + ". " + text
    return text


def chart(result: PracticeOrder, query: PracticeOrderQuery) -> Spec | None:
    """Each driver's best-lap gap to the top of the timesheet, in team colours."""
    return best_lap_gap_chart(result.session, result.rows, result.liveries)


KIND = SessionQuestion(
    query=PracticeOrderQuery,
    title="Practice order",
    description="The order of a practice session by best valid lap, with gaps and laps run.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=PRACTICE,
    needs="a practice session (FP1, FP2 or FP3)",
    cues=(
        Cue("topped", PRACTICE, implies="practice"),
        Cue("results", PRACTICE),
        Cue("won", PRACTICE),
    ),
)
