"""Strategy: stints, compounds and pit stops per driver."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from f1core.analysis.stats import counted
from f1core.analysis.strategy import DriverStrategy, Stint, Strategy, stints
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class StrategyQuery(SessionQuery, frozen=True, kw_only=True, tag="strategy"):
    """Stints, compounds and pit-stop counts."""


def _compute(session: Session, query: StrategyQuery) -> Strategy:
    return stints(session)


def _stops(n: int) -> str:
    return "no stop" if n == 0 else f"{n} stop" + ("" if n == 1 else "s")


def paragraph(result: Strategy, query: StrategyQuery) -> str:
    """Each driver asked about, stint by stint; else the most common strategy."""
    if not result.drivers:
        return f"No laps to read a strategy from in the {result.session}."
    who = DriverNames((d.driver, d.full_name) for d in result.drivers)
    asked = [d for d in result.drivers if d.driver in query.drivers]
    if asked:
        parts = [f"{who(d.driver)} made {_stops(d.pit_stops)}: {_stints(d)}" for d in asked]
        return f"In the {result.session}, " + "; ".join(parts) + "."
    if not result.race:
        busiest = max(result.drivers, key=lambda d: len(d.stints))
        runs = sum(len(d.stints) for d in result.drivers)
        return (
            f"{runs} runs by {len(result.drivers)} drivers in the {result.session}; the most: "
            f"{who(busiest.driver)}, {len(busiest.stints)}."
        )
    counts = Counter(d.pit_stops for d in result.drivers)
    stops, n = counts.most_common(1)[0]
    total = sum(d.pit_stops for d in result.drivers)
    return (
        f"{counted(total, 'pit stop')} in the {result.session}; the most common strategy "
        f"was {_stops(stops)} ({n} of {counted(len(result.drivers), 'driver')})."
    )


def _stints(driver: DriverStrategy) -> str:
    return ", ".join(
        f"{(s.compound or 'unknown').lower()} laps {s.first_lap}-{s.last_lap}"
        for s in driver.stints
    )


def chart(result: Strategy, query: StrategyQuery) -> Spec | None:
    """One bar per stint on a lap axis, in compound colours (the drivers asked about only)."""
    focus = set(query.drivers)
    shown = [(d.driver, d.stints) for d in result.drivers if not focus or d.driver in focus]
    return stint_chart(f"Stints, {result.session}", shown, year=query.year)


def stint_chart(
    title: str, plans: Sequence[tuple[str, Sequence[Stint]]], *, year: int
) -> Spec | None:
    """Each driver's stints as bars on a lap axis in compound colours; None without stints."""
    values = [
        {
            "driver": driver,
            "stint": s.number,
            "compound": s.compound or "UNKNOWN",
            "first_lap": s.first_lap,
            "last_lap": s.last_lap,
            "laps": s.laps,
            # a stint of laps 1-22 covers the span from 1 to 23 on a lap axis
            "start": s.first_lap,
            "end": s.last_lap + 1,
        }
        for driver, stints in plans
        for s in stints
    ]
    if not values:
        return None
    order = [driver for driver, _ in plans]
    return charts.stint_bars(title, values, order, year=year)


KIND = SessionQuestion(
    query=StrategyQuery,
    title="Strategy",
    description="Stints per driver (compound, laps, tyre age) and the number of pit stops.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("strategy", implies=SessionKind.RACE),),
)
