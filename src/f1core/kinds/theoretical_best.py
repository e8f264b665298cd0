"""Theoretical best: each driver's best sectors summed, against the best lap they drove."""

from __future__ import annotations

from f1core.analysis.sectors import TheoreticalBest, theoretical_best
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class TheoreticalBestQuery(SessionQuery, frozen=True, kw_only=True, tag="theoretical-best"):
    """Best sectors summed against the actual best lap."""


def _compute(session: Session, query: TheoreticalBestQuery) -> TheoreticalBest:
    return theoretical_best(session, query.drivers or None)


def paragraph(result: TheoreticalBest, query: TheoreticalBestQuery) -> str:
    """Whose ideal lap was quickest and who left the most time on the table."""
    ranked = [r for r in result.rows if r.theoretical_ms is not None]
    if not ranked:
        return f"No driver has three timed sectors on valid laps in the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    top = ranked[0]
    text = (
        f"{who(top.driver)} had the best theoretical lap of the {result.session}, "
        f"{format_laptime(top.theoretical_ms)}"
    )
    most = max(ranked, key=lambda r: r.lost_ms or 0)
    if most.lost_ms:
        text += f"; {who(most.driver)} left the most on the table, {format_gap(most.lost_ms)}"
    return text + "."


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
