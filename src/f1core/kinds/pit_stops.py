"""Pit stops: each stop's pit-lane time and the time it cost against the driver's pace."""

from __future__ import annotations

import statistics

from f1core.analysis.pit_stops import PitStops, pit_stops, plausible_stops
from f1core.analysis.stats import counted, fmt_ms
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class PitStopsQuery(SessionQuery, frozen=True, kw_only=True, tag="pit-stops"):
    """Pit stops: pit-lane time and estimated loss."""


def _compute(session: Session, query: PitStopsQuery) -> PitStops:
    return pit_stops(session)


def paragraph(result: PitStops, query: PitStopsQuery) -> str:
    """Number of stops, the shortest pit-lane time and the median loss."""
    if not result.stops:
        return f"No pit stops in the {result.session}."
    who = DriverNames((s.driver, s.full_name) for s in result.stops)
    if query.drivers:
        # Asked about drivers: their stops, never the session's total as if it were theirs.
        return _drivers_stops(result, query.drivers, who)
    text = f"{counted(len(result.stops), 'pit stop')} in the {result.session}"
    timed = [s.pit_lane_ms for s in result.stops if s.pit_lane_ms is not None]
    plausible = plausible_stops(result)
    if plausible:
        best = min(plausible, key=lambda s: s.pit_lane_ms or 0)
        text += (
            f"; shortest time in the pit lane: {who(best.driver)} on lap "
            f"{best.lap}, {fmt_ms(best.pit_lane_ms, 1)} s"
        )
        glitches = len(timed) - len(plausible)
        if glitches:
            text += (
                f" ({counted(glitches, 'implausibly short pit-lane time')} left out"
                " as a timing glitch)"
            )
    losses = [s.loss_ms for s in result.stops if s.loss_ms is not None and not s.neutralised]
    if losses:
        text += f"; median loss under green flag {fmt_ms(statistics.median(losses), 1)} s"
    return text + "."


def _drivers_stops(result: PitStops, drivers: tuple[str, ...], who: DriverNames) -> str:
    parts = []
    for code in drivers:
        stops = [s for s in result.stops if s.driver == code]
        laps = ", ".join(
            f"lap {s.lap}"
            + (f" ({fmt_ms(s.pit_lane_ms, 1)} s in the pit lane)" if s.pit_lane_ms else "")
            for s in stops
        )
        parts.append(
            f"{who(code)} made {counted(len(stops), 'pit stop')}" + (f": {laps}" if laps else "")
        )
    return (
        f"In the {result.session}, "
        + "; ".join(parts)
        + f". The session had {counted(len(result.stops), 'pit stop')} in all."
    )


def chart(result: PitStops, query: PitStopsQuery) -> Spec | None:
    """Pit-lane time of every stop in the team's colour, without the timing glitches the
    paragraph leaves out."""
    values = [
        {
            "stop": f"{s.driver} L{s.lap}",
            "driver": s.driver,
            "pit_lane_s": charts.seconds(s.pit_lane_ms),
        }
        for s in plausible_stops(result)
    ]
    if len(values) < 2:
        return None
    return charts.bar(
        f"Pit-lane time per stop, {result.session}",
        values,
        category="stop",
        category_title="Stop (driver, lap)",
        value="pit_lane_s",
        value_title="Pit lane (s)",
        tooltip=("driver",),
        liveries=result.liveries,
        driver_field="driver",
    )


KIND = SessionQuestion(
    query=PitStopsQuery,
    title="Pit stops",
    description="Each stop's pit-lane time and estimated time lost against the driver's pace.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("pit", implies=SessionKind.RACE),),
)
