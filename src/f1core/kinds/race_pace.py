"""Race pace: the median clean lap of each driver and team, optionally fuel-corrected."""

from __future__ import annotations

from f1core.analysis.pace import RacePace, race_pace
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import (
    FUEL_OPTION,
    NOT_PRACTICE,
    RACES,
    FuelCorrection,
    SessionQuery,
    SessionQuestion,
    Spec,
)
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, secs


class RacePaceQuery(SessionQuery, frozen=True, kw_only=True, tag="race-pace"):
    """Clean-lap race pace per driver and team."""

    fuel_correction_s_per_lap: FuelCorrection | None = None


def _compute(session: Session, query: RacePaceQuery) -> RacePace:
    # One driver asked about is placed in the whole field (see the paragraph).
    narrowed = query.drivers if len(query.drivers) > 1 else None
    return race_pace(session, narrowed, query.fuel_correction_s_per_lap)


def paragraph(result: RacePace, query: RacePaceQuery) -> str:
    """The best median clean lap, then the next two and how much slower a lap they were;
    of the compared drivers when some are named, and for one driver his place in the field."""
    if not result.drivers:
        return f"No clean laps to measure race pace in the {result.session}."
    who = DriverNames((r.key, r.name) for r in result.drivers)
    top = result.drivers[0]
    fuel = (
        f", fuel-corrected by {result.fuel_correction_s_per_lap:g} s per lap"
        if result.fuel_correction_s_per_lap is not None
        else ""
    )
    if len(query.drivers) == 1:
        return _one_driver(result, query.drivers[0], who) + fuel + "."
    if query.drivers:
        among = and_list(who.all(query.drivers))
        better = "better" if len(query.drivers) == 2 else "best"
        lead = f"Of {among}, {who(top.key)} had the {better} race pace in the {result.session}"
    else:
        lead = f"{who(top.key)} had the best race pace in the {result.session}"
    text = (
        f"{lead}: median clean lap {format_laptime(round(top.stats.median_ms))} over "
        f"{top.stats.laps} laps"
    )
    for row in result.drivers[1:3]:
        text += (
            f"; {who(row.key)} {format_laptime(round(row.stats.median_ms))} "
            f"({secs(row.gap_ms)} a lap slower, {row.stats.laps} laps)"
        )
    return text + fuel + "."


def _one_driver(result: RacePace, code: str, who: DriverNames) -> str:
    row = next((r for r in result.drivers if r.key == code), None)
    if row is None:
        return f"{who(code)} had no clean laps to measure race pace in the {result.session}"
    place = result.drivers.index(row) + 1
    text = (
        f"{who(code)}'s race pace in the {result.session}: median clean lap "
        f"{format_laptime(round(row.stats.median_ms))} over {row.stats.laps} laps"
    )
    if place == 1:
        return text + ", the best of the field"
    top = result.drivers[0]
    return (
        f"{text}, P{place} of {len(result.drivers)}, {secs(row.gap_ms)} a lap slower than "
        f"{who(top.key)}'s {format_laptime(round(top.stats.median_ms))}"
    )


def chart(result: RacePace, query: RacePaceQuery) -> Spec | None:
    """Every clean lap per driver, dots coloured by compound over a box plot in the team's
    colour, drivers in order of median pace."""
    if not result.drivers:
        return None
    laps = [
        {
            "driver": lap.driver,
            "lap": lap.lap,
            "time_s": charts.seconds(lap.time_ms),
            "time": format_laptime(round(lap.time_ms)),
            "compound": lap.compound or "UNKNOWN",
        }
        for lap in result.laps
    ]
    fuel = ", fuel-corrected" if result.fuel_correction_s_per_lap is not None else ""
    return charts.lap_time_distribution(
        f"Clean laps{fuel}, {result.session}",
        laps,
        [r.key for r in result.drivers],
        result.liveries,
        year=query.year,
    )


KIND = SessionQuestion(
    query=RacePaceQuery,
    title="Race pace",
    description=(
        "Median, mean, stdev and IQR of clean laps per driver and team, optionally fuel-corrected."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    options=(FUEL_OPTION,),
    cues=(
        Cue("pace", RACES, implies=SessionKind.RACE),
        Cue("compare", RACES),
        Cue("long_runs", NOT_PRACTICE),
    ),
)
