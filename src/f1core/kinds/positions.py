"""Positions: the running order at the end of every lap, who led and how often it changed."""

from __future__ import annotations

from f1core.analysis.positions import Positions, positions
from f1core.analysis.stats import counted
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class PositionsQuery(SessionQuery, frozen=True, kw_only=True, tag="positions"):
    """Position of each driver on each lap."""


def _compute(session: Session, query: PositionsQuery) -> Positions:
    return positions(session)


def paragraph(result: Positions, query: PositionsQuery) -> str:
    """Who led the most laps and how often the lead changed hands."""
    if not result.laps_led:
        return f"No lap positions were recorded in the {result.session}."
    who = DriverNames(result.names)
    code, led = result.laps_led[0]
    changes = counted(result.lead_changes, "time")
    return (
        f"{who(code)} led the most laps of the {result.session} ({led} of {len(result.laps)}); "
        f"the lead changed hands {changes}."
    )


def chart(result: Positions, query: PositionsQuery) -> Spec | None:
    """Each driver's position lap by lap, P1 at the top."""
    values = [
        {"lap": lap.lap, "driver": code, "position": i + 1}
        for lap in result.laps
        for i, code in enumerate(lap.order)
    ]
    if not values:
        return None
    return charts.running_order(
        f"Position by lap, {result.session}",
        values,
        result.liveries,
        laps=max(lap.lap for lap in result.laps),
    )


KIND = SessionQuestion(
    query=PositionsQuery,
    title="Positions",
    description="The running order at the end of every lap.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("positions", implies=SessionKind.RACE),),
)
