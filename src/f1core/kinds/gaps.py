"""Gaps: each driver's gap to the leader and interval to the car ahead, lap by lap."""

from __future__ import annotations

from f1core.analysis.classification import ClassificationEntry
from f1core.analysis.positions import Gaps, gaps
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.timefmt import format_gap
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class GapsQuery(SessionQuery, frozen=True, kw_only=True, tag="gaps"):
    """Gap to the leader and interval per lap."""


def _compute(session: Session, query: GapsQuery) -> Gaps:
    return gaps(session, query.drivers or None)


def paragraph(result: Gaps, query: GapsQuery) -> str:
    """The official gaps at the flag (the drivers asked about, else the top four).

    The margin at the flag is a results fact, so it comes from the official
    classification, never from lap end times; without one, the last lap's timing gaps.
    """
    if not result.rows and not result.finish:
        return f"No lap end times were recorded in the {result.session}."
    who = DriverNames(result.names)
    official = [e for e in result.finish if e.position is not None]
    if official:
        winner = official[0]
        shown = [e for e in official if e.driver in query.drivers] or official[:4]
        parts = [
            f"{who(e.driver)} won" if e is winner else f"{who(e.driver)} {_official_gap(e)}"
            for e in ([winner, *[e for e in shown if e is not winner]])
        ]
        return (
            f"At the flag of the {result.session} (official result): {', '.join(parts)}; "
            "the gaps lap by lap are from lap timing."
        )
    last = result.rows[-1].lap
    final = result.at_lap(last)
    parts = [
        who(r.driver) if r.position == 1 else f"{who(r.driver)} {r.gap_text}" for r in final[:4]
    ]
    return f"At the end of lap {last} of the {result.session}: {', '.join(parts)}."


def _official_gap(entry: ClassificationEntry) -> str:
    if entry.gap_ms is not None:
        return format_gap(entry.gap_ms)
    return f"P{entry.position} ({entry.status})" if entry.status else f"P{entry.position}"


def chart(result: Gaps, query: GapsQuery) -> Spec | None:
    """The race trace: each driver's gap to the leader lap by lap."""
    values = [
        {"lap": r.lap, "driver": r.driver, "gap_s": charts.seconds(r.gap_ms), "gap": r.gap_text}
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
        y_title="Gap to leader (s)",
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
