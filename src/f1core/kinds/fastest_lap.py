"""Fastest lap: the quickest valid lap of a session (the pole question in qualifying)."""

from __future__ import annotations

from collections.abc import Sequence

from f1core.analysis.fastest import BestLap, FastestLap, fastest_lap
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.team_colours import DriverLivery
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import (
    ALL_SESSIONS,
    NOT_PRACTICE,
    QUALIFYING_SESSIONS,
    SessionQuery,
    SessionQuestion,
    Spec,
)
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, secs


class FastestLapQuery(SessionQuery, frozen=True, kw_only=True, tag="fastest-lap"):
    """The fastest valid lap of a session (pole time in qualifying)."""


def _compute(session: Session, query: FastestLapQuery) -> FastestLap:
    return fastest_lap(session, query.drivers or None)


def paragraph(result: FastestLap, query: FastestLapQuery) -> str:
    """Who set the fastest lap, in what, by how much; in qualifying, who took pole if not them."""
    f = result.fastest
    if f is None:
        return f"No valid lap was set in the {result.session}."
    pole = result.pole
    names = {r.driver: r.full_name for r in result.rows}
    if pole is not None:
        names.setdefault(pole.driver, pole.full_name)
    who = DriverNames(names)
    lap = f"{format_laptime(f.time_ms)} (lap {f.lap}"
    lap += f", {f.compound.lower()} tyres)" if f.compound else ")"
    if len(result.drivers) == 1:
        return f"{who(f.driver)}'s fastest lap of the {result.session}: {lap}."
    if result.drivers:
        text = f"{who(f.driver)} was the fastest of {and_list(list(result.drivers))} in the "
        text += f"{result.session}: {lap}"
    else:
        text = f"{who(f.driver)} set the fastest lap of the {result.session}: {lap}"
    if len(result.rows) > 1:
        runner_up = result.rows[1]
        text += f", {secs(runner_up.gap_ms)} ahead of {who(runner_up.driver)}"
    text += "."
    if pole is not None and pole.driver != f.driver:
        # Answering "who was fastest" with the fastest lap alone would mislead when a
        # quicker lap in Q1 or Q2 did not make pole.
        timed = (
            f" with {format_laptime(pole.time_ms)} in {pole.part}"
            if pole.time_ms is not None
            else ""
        )
        text += (
            f" Pole position went to {who(pole.driver)}{timed}: the grid is set by"
            " the last part of qualifying, not by the fastest lap of the whole session."
        )
    return text


def best_lap_gap_chart(
    title: str, rows: Sequence[BestLap], liveries: Sequence[DriverLivery]
) -> Spec | None:
    """Bars of each driver's best-lap gap to the fastest; None for fewer than two."""
    if len(rows) < 2:
        return None
    values = [
        {
            "driver": r.driver,
            "name": r.full_name,
            "gap_s": charts.seconds(r.gap_ms),
            "time": format_laptime(r.time_ms),
        }
        for r in rows
    ]
    return charts.bar(
        f"Best lap gap to the fastest, {title}",
        values,
        category="driver",
        value="gap_s",
        value_title="Gap to fastest (s)",
        tooltip=("name", "time"),
        liveries=liveries,
    )


def chart(result: FastestLap, query: FastestLapQuery) -> Spec | None:
    """The best-lap gaps of everyone compared: the fastest lap against the field."""
    return best_lap_gap_chart(result.session, result.rows, result.liveries)


KIND = SessionQuestion(
    query=FastestLapQuery,
    title="Fastest lap",
    description="The fastest valid lap (timed, not deleted, accurate).",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(
        Cue("pole", implies=SessionKind.QUALIFYING),
        Cue("fastest"),
        Cue("won", QUALIFYING_SESSIONS),
        Cue("topped", NOT_PRACTICE),
    ),
)
