"""Tyre degradation: per stint, the slope of clean lap time against tyre life."""

from __future__ import annotations

import statistics
from typing import Any

from f1core.analysis.strategy import MIN_DEGRADATION_LAPS, TyreDegradation, tyre_degradation
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import (
    FUEL_OPTION,
    PRACTICE,
    RACES,
    FuelCorrection,
    SessionQuery,
    SessionQuestion,
    Spec,
)
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list


class DegradationQuery(SessionQuery, frozen=True, kw_only=True, tag="degradation"):
    """Tyre degradation per stint."""

    fuel_correction_s_per_lap: FuelCorrection | None = None


def _compute(session: Session, query: DegradationQuery) -> TyreDegradation:
    return tyre_degradation(session, query.drivers or None, query.fuel_correction_s_per_lap)


def paragraph(result: TyreDegradation, query: DegradationQuery) -> str:
    """The steepest stint and the median slope; a word on fuel when slopes are negative."""
    if not result.stints:
        return (
            f"No stint in the {result.session} had {MIN_DEGRADATION_LAPS} or more clean "
            "laps to fit a degradation slope."
        )
    who = DriverNames((s.driver, s.full_name) for s in result.stints)
    top = result.stints[0]
    # Named drivers: the stints are theirs only, and the paragraph says so.
    of = f" of {and_list(who.all(query.drivers))}" if query.drivers else ""
    text = (
        f"Steepest degradation{of} in the {result.session}: {who(top.driver)} on "
        f"{top.compound or 'unknown tyres'}, {top.slope_s_per_lap:+.3f} s per lap "
        f"(r² {top.r2:.2f}, {top.laps} laps)"
    )
    if len(result.stints) > 1:
        middle = statistics.median(s.slope_s_per_lap for s in result.stints)
        text += f"; median over {len(result.stints)} stints {middle:+.3f} s per lap"
    if result.fuel_correction_s_per_lap is not None:
        text += f", fuel-corrected by {result.fuel_correction_s_per_lap:g} s per lap"
    elif top.slope_s_per_lap < 0:
        # Say so rather than report "degradation" that is really fuel burn-off.
        text += (
            ". Lap times fell through every stint: fuel burn-off outweighs tyre wear here;"
            " a fuel correction (e.g. 0.03 s per lap) isolates the tyres"
        )
    return text + "."


def chart(result: TyreDegradation, query: DegradationQuery) -> Spec | None:
    """Per driver (a selector, the steepest stint's driver first), lap time against tyre
    life in each stint with the stint's fitted line."""
    points: list[dict[str, Any]] = []
    fits: list[dict[str, Any]] = []
    for s in result.stints:
        label = f"{s.stint} {s.compound or '?'}"
        points.extend(
            {
                "driver": s.driver,
                "stint": label,
                "compound": s.compound or "UNKNOWN",
                "lap": p.lap,
                "tyre_life": p.tyre_life,
                "time_s": charts.seconds(p.time_ms),
                "time": format_laptime(round(p.time_ms)),
            }
            for p in s.points
        )
        lives = [p.tyre_life for p in s.points]
        if lives:
            for life in (min(lives), max(lives)):
                fitted_ms = s.intercept_ms + s.slope_s_per_lap * 1000 * life
                fits.append(
                    {
                        "driver": s.driver,
                        "stint": label,
                        "compound": s.compound or "UNKNOWN",
                        "tyre_life": life,
                        "time_s": charts.seconds(fitted_ms),
                    }
                )
    if not points:
        return None
    return charts.stint_degradation(
        f"Lap time against tyre life per stint, {result.session}",
        points,
        fits,
        [s.driver for s in result.stints],
        year=query.year,
        x_title="Tyre life (laps)",
        y_title="Lap time",
    )


KIND = SessionQuestion(
    query=DegradationQuery,
    title="Tyre degradation",
    description=("Per stint, the slope of clean lap time against tyre life (s per lap) and r²."),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=(*PRACTICE, *RACES),
    needs="a race, sprint or practice session",
    options=(FUEL_OPTION,),
    cues=(Cue("degradation", implies=SessionKind.RACE),),
)
