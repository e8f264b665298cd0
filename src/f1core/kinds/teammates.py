"""Teammates: per team, the one-lap gap between the drivers and, in races, the pace delta."""

from __future__ import annotations

from f1core.analysis.teammates import TeammatePair, Teammates, teammates
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, secs


class TeammatesQuery(SessionQuery, frozen=True, kw_only=True, tag="teammates"):
    """Teammate head-to-head: qualifying gap and race-pace delta."""


def _compute(session: Session, query: TeammatesQuery) -> Teammates:
    return teammates(session)


def paragraph(result: Teammates, query: TeammatesQuery) -> str:
    """The closest and the widest teammate battle over one lap."""
    timed = [p for p in result.pairs if p.one_lap_gap_ms is not None]
    if not timed:
        return f"No team had both drivers set a valid lap in the {result.session}."
    who = DriverNames(result.names)
    asked = [p for p in result.pairs if {p.driver_a, p.driver_b} & set(query.drivers)]
    if asked:
        # Asked about a driver or a pair: their own battle, not the session's extremes.
        return f"In the {result.session}, " + "; ".join(_pair(p, who) for p in asked) + "."
    wide = timed[0]
    close = timed[-1]
    text = (
        f"Closest teammates over one lap in the {result.session}: {who(close.driver_a)} and "
        f"{who(close.driver_b)} ({close.team}), {format_gap(close.one_lap_gap_ms)}"
    )
    if wide is not close:
        text += (
            f"; widest: {who(wide.driver_a)} ahead of {who(wide.driver_b)} ({wide.team}), "
            f"{format_gap(wide.one_lap_gap_ms)}"
        )
    return text + "."


def _pair(pair: TeammatePair, who: DriverNames) -> str:
    if pair.one_lap_gap_ms is None or pair.best_a_ms is None or pair.best_b_ms is None:
        both = f"{who(pair.driver_a)} and {who(pair.driver_b)} ({pair.team})"
        return f"{both} did not both set a valid lap"
    return (
        f"{who(pair.driver_a)} was quicker than teammate {who(pair.driver_b)} ({pair.team}) over "
        f"one lap by {secs(pair.one_lap_gap_ms)}: {format_laptime(pair.best_a_ms)} to "
        f"{format_laptime(pair.best_b_ms)}"
    )


def chart(result: Teammates, query: TeammatesQuery) -> Spec | None:
    """The one-lap gap of each pair of teammates."""
    values = [
        {"driver": f"{p.driver_a}/{p.driver_b}", "gap_s": charts.seconds(p.one_lap_gap_ms)}
        for p in result.pairs
        if p.one_lap_gap_ms is not None
    ]
    if len(values) < 2:
        return None
    spec = charts.bar(
        f"One-lap gap between teammates, {result.session}",
        values,
        category="driver",
        value="gap_s",
        value_title="Gap (s)",
        zero=True,
    )
    # each pair's bar in its team's colour
    colour = {s.driver: s.colour for s in result.liveries}
    pairs = [p for p in result.pairs if p.one_lap_gap_ms is not None]
    spec["encoding"]["color"] = {
        "field": "driver",
        "type": "nominal",
        "legend": None,
        "scale": {
            "domain": [v["driver"] for v in values],
            "range": [colour.get(p.driver_a, "#888888") for p in pairs],
        },
    }
    return spec


KIND = SessionQuestion(
    query=TeammatesQuery,
    title="Teammates",
    description=(
        "Per team, the one-lap gap between the drivers and, in races, the race-pace delta."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("teammates"),),
)
