"""Laps led: how many laps each driver led, and which, from the end-of-lap positions.

A lap is led by the driver whose position at the end of it is 1. "Who led the most laps"
is a different question from "who won" (2018 Baku: Vettel led 30 laps, Hamilton won).
"""

from __future__ import annotations

from f1core.analysis.leaders import LapsLed, laps_led
from f1core.analysis.stats import counted
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, ordinal


class LapsLedQuery(SessionQuery, frozen=True, kw_only=True, tag="laps-led"):
    """Laps led per driver (the drivers asked about, and the session's leaders)."""


def _compute(session: Session, query: LapsLedQuery) -> LapsLed:
    return laps_led(session)


def paragraph(result: LapsLed, query: LapsLedQuery) -> str:
    """The asked drivers' laps led and ranges; then, separately, who led the most."""
    if not result.drivers:
        return f"No lap positions were recorded in the {result.session}."
    who = DriverNames(result.names)
    of = f" of {result.led_laps}"
    most = result.drivers[0]
    tied = [d for d in result.drivers if d.laps == most.laps]
    tied_codes = {d.driver for d in tied}
    parts: list[str] = []
    for code in query.drivers:
        row = result.of(code)
        if row is None:
            parts.append(f"{who(code)} led no laps")
        elif code not in tied_codes:
            rank = 1 + sum(1 for d in result.drivers if d.laps > row.laps)
            parts.append(
                f"{who(code)} led {row.laps}{of} laps ({row.ranges_text}), "
                f"{ordinal(rank)} of the {counted(len(result.drivers), 'driver')} who led"
            )
    if len(tied) == 1:
        top = f"{who(most.driver)} led the most laps, {most.laps}{of} ({most.ranges_text})"
    else:
        top = f"{and_list(who.all(d.driver for d in tied))} led the most laps, {most.laps}{of} each"
    others = [
        f"{who(d.driver)} {d.laps} ({d.ranges_text})" for d in result.drivers if d not in tied
    ]
    session_text = top + (f"; then {and_list(others)}" if others else "")
    changes = f"the lead changed hands {counted(result.lead_changes, 'time')}"
    asked = "; ".join(parts) + ". " if parts else ""
    return f"In the {result.session}, {asked}{session_text}; {changes}."


def chart(result: LapsLed, query: LapsLedQuery) -> Spec | None:
    """Who led each lap: one cell per lap in the leader's team colour."""
    if not result.leaders:
        return None
    values = [{"lap": lap, "driver": code} for lap, code in result.leaders]
    leaders = list(dict.fromkeys(code for _, code in result.leaders))
    place = {livery.driver: livery.teammate for livery in result.liveries}
    return charts.spec(
        f"Leader at the end of each lap, {result.session}",
        values,
        height=60,
        mark={"type": "rect"},
        encoding={
            "x": {"field": "lap", "type": "ordinal", "title": "Lap"},
            "color": charts.driver_channels(result.liveries, leaders, marks="line")["color"],
            # teammates share the team's colour: the second is drawn lighter
            "opacity": {
                "field": "driver",
                "type": "nominal",
                "title": "Driver",  # one legend with the colour's
                "scale": {
                    "domain": leaders,
                    "range": [0.45 if place.get(code, 0) else 1.0 for code in leaders],
                },
            },
            "tooltip": [{"field": "lap"}, {"field": "driver"}],
        },
    )


KIND = SessionQuestion(
    query=LapsLedQuery,
    title="Laps led",
    description="Laps each driver led (end-of-lap position 1), with the lap ranges.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("laps_led", implies=SessionKind.RACE),),
)
