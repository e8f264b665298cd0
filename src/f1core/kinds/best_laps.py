"""Best laps: each driver's best valid lap and the gap to the fastest."""

from __future__ import annotations

from f1core.analysis.fastest import BestLaps, best_laps
from f1core.domain.session import Session
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import (
    ALL_SESSIONS,
    NOT_RACES,
    QUALIFYING_SESSIONS,
    SessionQuery,
    SessionQuestion,
    Spec,
)
from f1core.kinds.cues import Cue
from f1core.kinds.fastest_lap import best_lap_gap_chart
from f1core.kinds.prose import DriverNames, and_list, secs


class BestLapsQuery(SessionQuery, frozen=True, kw_only=True, tag="best-laps"):
    """Each driver's best valid lap with the gap to the fastest."""


def _compute(session: Session, query: BestLapsQuery) -> BestLaps:
    # One driver asked about is ranked against the whole session, so the paragraph can say
    # where his lap stood; several are compared among themselves.
    narrowed = query.drivers if len(query.drivers) > 1 else None
    return best_laps(session, narrowed)


def paragraph(result: BestLaps, query: BestLapsQuery) -> str:
    """Who set the best lap, and how far the next two were behind (or one driver's place)."""
    if not result.rows:
        return f"No valid lap was set in the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    if len(query.drivers) == 1:
        return _one_driver(result, query.drivers[0], who)
    first = result.rows[0]
    among = f" among {and_list(list(result.drivers))}" if len(result.drivers) > 1 else ""
    text = (
        f"{who(first.driver)} set the best lap of the {result.session}{among}, "
        f"{format_laptime(first.time_ms)}"
    )
    behind = [f"{who(r.driver)} {secs(r.gap_ms)} slower" for r in result.rows[1:3]]
    if behind:
        text += "; " + ", ".join(behind)
    return text + "."


def _one_driver(result: BestLaps, code: str, who: DriverNames) -> str:
    """The driver's own best lap and place, and separately the session's best."""
    row = next((r for r in result.rows if r.driver == code), None)
    if row is None:
        return f"{who(code)} set no valid lap in the {result.session}."
    first = result.rows[0]
    if row is first:
        return (
            f"{who(code)} set the best lap of the {result.session}, {format_laptime(row.time_ms)}."
        )
    return (
        f"{who(code)}'s best lap in the {result.session}, {format_laptime(row.time_ms)}, "
        f"was P{row.position}, {secs(row.gap_ms)} slower than {who(first.driver)}'s "
        f"{format_laptime(first.time_ms)}."
    )


def chart(result: BestLaps, query: BestLapsQuery) -> Spec | None:
    """Each driver's best-lap gap to the fastest."""
    return best_lap_gap_chart(result.session, result.rows, result.liveries)


KIND = SessionQuestion(
    query=BestLapsQuery,
    title="Best laps",
    description="Each driver's best valid lap and the gap to the fastest.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(
        Cue("best_laps"),
        Cue("pace", QUALIFYING_SESSIONS),
        Cue("gap", NOT_RACES),
        Cue("compare", NOT_RACES),
    ),
)
