"""Theoretical best: each driver's best sectors summed, against the best lap they drove."""

from __future__ import annotations

from f1core.analysis.sectors import TheoreticalBest, TheoreticalBestRow, theoretical_best
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, secs


class TheoreticalBestQuery(SessionQuery, frozen=True, kw_only=True, tag="theoretical-best"):
    """Best sectors summed against the actual best lap."""


def _compute(session: Session, query: TheoreticalBestQuery) -> TheoreticalBest:
    # One driver asked about is ranked against the whole session (see the paragraph).
    narrowed = query.drivers if len(query.drivers) > 1 else None
    return theoretical_best(session, narrowed)


def paragraph(result: TheoreticalBest, query: TheoreticalBestQuery) -> str:
    """Whose ideal lap was quickest and who left the most time on the table."""
    ranked = [r for r in result.rows if r.theoretical_ms is not None]
    if not ranked:
        return f"No driver has three timed sectors on valid laps in the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    top = ranked[0]
    if len(query.drivers) == 1:
        return _one_driver(result, ranked, query.drivers[0], who)
    text = (
        f"{who(top.driver)} had the best theoretical lap of the {result.session}, "
        f"{format_laptime(top.theoretical_ms)}"
    )
    most = max(ranked, key=lambda r: r.lost_ms or 0)
    if most.lost_ms:
        text += f"; {who(most.driver)} left the most on the table, {format_gap(most.lost_ms)}"
    return text + "."


def _one_driver(
    result: TheoreticalBest, ranked: list[TheoreticalBestRow], code: str, who: DriverNames
) -> str:
    """The driver's own ideal lap, its place and the time left, then the session's best."""
    row = next((r for r in ranked if r.driver == code), None)
    if row is None or row.theoretical_ms is None:
        return f"{who(code)} has no three timed sectors on valid laps in the {result.session}."
    place = ranked.index(row) + 1
    driven = format_laptime(row.actual_ms)
    left = f"{secs(row.lost_ms)} quicker than" if row.lost_ms else "the same as"
    text = (
        f"{who(code)}'s theoretical best in the {result.session} was "
        f"{format_laptime(row.theoretical_ms)}, {left} the best lap driven ({driven})"
    )
    top = ranked[0]
    if top is row:
        return text + "; the best theoretical lap of the session."
    return (
        text + f"; P{place} of the session's theoretical laps, behind {who(top.driver)}'s "
        f"{format_laptime(top.theoretical_ms)}."
    )


def chart(result: TheoreticalBest, query: TheoreticalBestQuery) -> Spec | None:
    """Time each driver lost to their own theoretical best."""
    return charts.driver_bars(
        f"Time lost to the theoretical best, {result.session}",
        [{"driver": r.driver, "lost_s": charts.seconds(r.lost_ms)} for r in result.rows],
        value="lost_s",
        value_title="Lost (s)",
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=TheoreticalBestQuery,
    title="Theoretical best",
    description="Best valid sectors summed per driver against the best lap actually driven.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("theoretical"),),
)
