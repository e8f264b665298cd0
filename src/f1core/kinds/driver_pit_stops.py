"""A driver's pit stops and strategy: each stop's lap, tyres and pit-lane time, the stints.

The answer is the driver's own stops; the session's figures (how many stops in all, the
quickest pit-lane time) are stated separately, never as the driver's. The timing data
gives pit-lane time (pit entry to pit exit), not the stationary time of the stop.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.leaders import lap_ranges_text
from f1core.analysis.pit_stops import PitStop, pit_stops, plausible_stops
from f1core.analysis.stats import counted, fmt_ms
from f1core.analysis.strategy import Stint, stints
from f1core.domain.session import Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, ordinal
from f1core.kinds.strategy import stint_chart


class DriverPitStopsQuery(SessionQuery, frozen=True, kw_only=True, tag="driver-pit-stops"):
    """One driver's (or a few drivers') pit stops, tyres and stints."""


class DriverStops(msgspec.Struct, frozen=True, gc=False):
    """A driver's stops in lap order and stints; an implausible pit-lane time is None."""

    driver: str
    full_name: str
    team: str
    stops: tuple[PitStop, ...]
    stints: tuple[Stint, ...]
    status: str
    glitches: int
    """Stops whose recorded pit-lane time was a timing glitch (left out)."""


class DriverPitStops(msgspec.Struct, frozen=True, gc=False):
    """The asked drivers' stops, and the session's stop count and quickest pit-lane time.

    ``timed_ms`` holds every plausible pit-lane time of the session, so a driver's stop
    can be ranked against the field.
    """

    session: str
    year: int
    drivers: tuple[DriverStops, ...]
    session_stops: int
    quickest: PitStop | None
    timed_ms: tuple[int, ...]
    excluded: tuple[ExcludedLap, ...]

    def table(self) -> Table:
        """One row per stop: driver, lap, tyres before and after, pit-lane time, flags."""
        columns = ("Driver", "Name", "Stop", "Lap", "Tyres", "Pit lane s", "Neutralised")
        rows = tuple(
            (
                d.driver,
                d.full_name,
                i + 1,
                s.lap,
                f"{s.compound_before or '?'} -> {s.compound_after or '?'}",
                fmt_ms(s.pit_lane_ms, 1),
                s.neutralised or "",
            )
            for d in self.drivers
            for i, s in enumerate(d.stops)
        )
        return Table(columns=columns, rows=rows)


def driver_pit_stops(session: Session, drivers: tuple[str, ...]) -> DriverPitStops:
    """The stops and stints of ``drivers`` in ``session``, with the session's totals."""
    everyone = pit_stops(session)
    plausible = plausible_stops(everyone)
    real = {(s.driver, s.lap) for s in plausible}
    strategy = {d.driver: d for d in stints(session).drivers}
    status = {r.driver: r.status for r in session.results}
    rows: list[DriverStops] = []
    for code in drivers:
        own = [s for s in everyone.stops if s.driver == code]
        kept = tuple(
            s
            if s.pit_lane_ms is None or (s.driver, s.lap) in real
            else msgspec.structs.replace(s, pit_lane_ms=None)
            for s in own
        )
        glitches = sum(1 for s, k in zip(own, kept, strict=True) if s.pit_lane_ms != k.pit_lane_ms)
        plan = strategy.get(code)
        driver = session.driver(code)
        rows.append(
            DriverStops(
                driver=code,
                full_name=driver.full_name,
                team=driver.team,
                stops=kept,
                stints=plan.stints if plan else (),
                status=status.get(code, ""),
                glitches=glitches,
            )
        )
    return DriverPitStops(
        session=session.title,
        year=session.ref.year,
        drivers=tuple(rows),
        session_stops=len(everyone.stops),
        quickest=min(plausible, key=lambda s: s.pit_lane_ms or 0) if plausible else None,
        timed_ms=tuple(sorted(s.pit_lane_ms for s in plausible if s.pit_lane_ms is not None)),
        excluded=everyone.excluded,
    )


def _compute(session: Session, query: DriverPitStopsQuery) -> DriverPitStops:
    # Without a driver (f1 analyze, the browse page) every driver's stops, in entry order.
    drivers = query.drivers or tuple(d.code for d in session.drivers)
    return driver_pit_stops(session, drivers)


def _tyre(compound: str | None) -> str:
    return (compound or "unknown").lower()


def _one(d: DriverStops, result: DriverPitStops, who: DriverNames) -> str:
    name = who(d.driver)
    if not d.stops:
        text = f"{name} made no pit stop"
    else:
        stops = []
        for s in d.stops:
            parts = [f"lap {s.lap}", f"{_tyre(s.compound_before)} to {_tyre(s.compound_after)}"]
            if s.pit_lane_ms is not None:
                parts.append(f"{fmt_ms(s.pit_lane_ms, 1)} s in the pit lane")
            if s.neutralised:
                parts.append(f"under the {s.neutralised.lower()}")
            stops.append(", ".join(parts))
        text = f"{name} made {counted(len(d.stops), 'pit stop')}: " + "; ".join(stops)
    if d.stints:
        text += (
            ". "
            + f"{d.driver}'s stints: "
            + ", ".join(
                f"{_tyre(s.compound)} {lap_ranges_text([(s.first_lap, s.last_lap)])}"
                for s in d.stints
            )
        )
    if d.status and d.status != "Finished" and not d.status.startswith("+"):
        text += f" ({d.status})"
    timed = [s.pit_lane_ms for s in d.stops if s.pit_lane_ms is not None]
    if timed and result.timed_ms:
        best = min(timed)
        rank = 1 + sum(1 for t in result.timed_ms if t < best)
        place = "the" if rank == 1 else f"the {ordinal(rank)}"
        text += (
            f". {d.driver}'s quickest pit-lane time, {fmt_ms(best, 1)} s, was {place} "
            f"quickest of the session's {len(result.timed_ms)} timed stops"
        )
    if d.glitches:
        text += f" ({counted(d.glitches, 'implausible pit-lane time')} left out)"
    return text


def paragraph(result: DriverPitStops, query: DriverPitStopsQuery) -> str:
    """The driver's stops, tyres and stints; then the session's count and quickest time."""
    names = [(d.driver, d.full_name) for d in result.drivers]
    if result.quickest is not None:
        names.append((result.quickest.driver, result.quickest.full_name))
    who = DriverNames(names)
    if query.drivers:
        drivers = ". ".join(_one(d, result, who) for d in result.drivers)
        text = f"In the {result.session}, {drivers}."
    else:
        text = _everyone(result, who)
    session = f" The session had {counted(result.session_stops, 'pit stop')} in all"
    q = result.quickest
    if q is not None and q.pit_lane_ms is not None and q.driver not in query.drivers:
        session += (
            f"; the quickest pit-lane time was {who(q.driver)}'s {fmt_ms(q.pit_lane_ms, 1)} s "
            f"on lap {q.lap}"
        )
    text += session + ". Pit-lane times run from pit entry to exit (no stationary times)."
    return text if query.drivers else text + " Name a driver for their stops, tyres and stints."


def _everyone(result: DriverPitStops, who: DriverNames) -> str:
    """No driver asked: who stopped most and least (name a driver for the details)."""
    if not result.drivers:
        return f"No driver took part in the {result.session}."
    most = max(len(d.stops) for d in result.drivers)
    fewest = min(len(d.stops) for d in result.drivers)
    busiest = [d.driver for d in result.drivers if len(d.stops) == most]
    text = f"In the {result.session}, the most stops: {and_list(who.all(busiest))} with {most}"
    if fewest != most:
        least = [d.driver for d in result.drivers if len(d.stops) == fewest]
        few = and_list(who.all(least)) if len(least) <= 4 else counted(len(least), "driver")
        text += f"; the fewest: {few} with {fewest}"
    return text + "."


def chart(result: DriverPitStops, query: DriverPitStopsQuery) -> Spec | None:
    """The driver's stints on a lap axis in compound colours; stops sit between the bars."""
    who = and_list([d.driver for d in result.drivers])
    return stint_chart(
        f"Stints and stops of {who}, {result.session}",
        [(d.driver, d.stints) for d in result.drivers],
        year=result.year,
    )


KIND = SessionQuestion(
    query=DriverPitStopsQuery,
    title="Driver pit stops",
    description="One driver's pit stops: laps, tyres before and after, pit-lane times, stints.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("driver_pit", implies=SessionKind.RACE),),
)
