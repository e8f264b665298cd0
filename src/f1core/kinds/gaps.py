"""Gaps: each driver's gap to the leader and interval to the car ahead, lap by lap."""

from __future__ import annotations

from f1core.analysis.positions import Gaps, gaps
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class GapsQuery(SessionQuery, frozen=True, kw_only=True, tag="gaps"):
    """Gap to the leader and interval per lap."""


def _compute(session: Session, query: GapsQuery) -> Gaps:
    return gaps(session, query.drivers or None)


def paragraph(result: Gaps, query: GapsQuery) -> str:
    """The order and gaps to the leader at the end of the last lap."""
    if not result.rows:
        return f"No lap end times were recorded in the {result.session}."
    who = DriverNames(result.names)
    last = result.rows[-1].lap
    final = result.at_lap(last)
    parts = [
        who(r.driver) if r.position == 1 else f"{who(r.driver)} {r.gap_text}" for r in final[:4]
    ]
    return f"At the end of lap {last} of the {result.session}: {', '.join(parts)}."


def chart(result: Gaps, query: GapsQuery) -> Spec | None:
    """The race trace: each driver's gap to the leader lap by lap, on the lead lap only.

    A lapped car's time behind the leader on the same lap count includes the laps it is
    down, so under a safety car it spikes far above the field (2018 Baku: Ericsson, a lap
    down on lap 40, 289 s); its line breaks instead while it is laps down, and the
    tooltip and the table say "+1 lap" as the timing screens do.
    """
    values = [
        {
            "lap": r.lap,
            "driver": r.driver,
            "gap_s": None if r.laps_down else charts.seconds(r.gap_ms),
            "gap": r.gap_text,
        }
        for r in result.rows
    ]
    if not values:
        return None
    return charts.lines(
        f"Gap to the leader (race trace), {result.session}",
        values,
        x="lap",
        y="gap_s",
        group="driver",
        x_title="Lap",
        y_title="Gap to leader (s), lead lap only",
        liveries=result.liveries,
        laps=max(r.lap for r in result.rows),
        tooltip=("gap",),
    )


KIND = SessionQuestion(
    query=GapsQuery,
    title="Gaps",
    description="Gap to the leader and interval to the car ahead at the end of every lap.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("gaps", implies=SessionKind.RACE), Cue("gap", RACES)),
)
