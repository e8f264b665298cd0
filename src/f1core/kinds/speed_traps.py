"""Speed traps: drivers ranked by top speed at the trap, with I1, I2 and finish-line speeds."""

from __future__ import annotations

from f1core.analysis.sectors import SpeedTraps, speed_traps
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class SpeedTrapsQuery(SessionQuery, frozen=True, kw_only=True, tag="speed-traps"):
    """Top speeds at the speed trap."""


def _compute(session: Session, query: SpeedTrapsQuery) -> SpeedTraps:
    return speed_traps(session)


def paragraph(result: SpeedTraps, query: SpeedTrapsQuery) -> str:
    """Who was quickest through the speed trap."""
    if not result.rows or result.rows[0].speed_st is None:
        return f"No speed-trap readings in the {result.session}."
    top = result.rows[0]
    who = DriverNames([(top.driver, top.full_name)])
    return (
        f"{who(top.driver)} was fastest through the speed trap in the "
        f"{result.session}, {top.speed_st:.1f} km/h."
    )


def chart(result: SpeedTraps, query: SpeedTrapsQuery) -> Spec | None:
    """Top speed at the trap per driver."""
    return charts.driver_bars(
        f"Top speed at the speed trap, {result.session}",
        [{"driver": x.driver, "speed_kmh": x.speed_st} for x in result.rows],
        value="speed_kmh",
        value_title="km/h",
        zero=False,
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=SpeedTrapsQuery,
    title="Speed traps",
    description=(
        "Drivers ranked by top speed at the speed trap, with I1, I2 and finish-line speeds."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("speed"),),
)
