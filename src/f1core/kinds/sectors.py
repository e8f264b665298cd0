"""Sectors: each driver's best time in each sector and the gap to the best there."""

from __future__ import annotations

from f1core.analysis.sectors import SectorComparison, sector_comparison
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, secs


class SectorsQuery(SessionQuery, frozen=True, kw_only=True, tag="sectors"):
    """Sector-by-sector comparison."""


def _compute(session: Session, query: SectorsQuery) -> SectorComparison:
    # One driver asked about is placed in each sector against the whole session.
    narrowed = query.drivers if len(query.drivers) > 1 else None
    return sector_comparison(session, narrowed)


def paragraph(result: SectorComparison, query: SectorsQuery) -> str:
    """Who was fastest in each sector: of the session, of the compared drivers, or the
    asked driver's own sectors and their places, then the session's fastest."""
    if not result.rows:
        return f"No valid sector times in the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    if len(query.drivers) == 1:
        return _one_driver(result, query.drivers[0], who)
    if query.drivers:
        among = and_list(who.all(query.drivers))
        parts = ", ".join(_fastest(result, who))
        return f"Fastest sectors of {among} in the {result.session}: {parts}."
    return f"Fastest sectors in the {result.session}: {', '.join(_fastest(result, who))}."


def _fastest(result: SectorComparison, who: DriverNames) -> list[str]:
    return [f"S{i + 1} {who(code)}" for i, code in enumerate(result.fastest) if code is not None]


def _one_driver(result: SectorComparison, code: str, who: DriverNames) -> str:
    row = next((r for r in result.rows if r.driver == code), None)
    if row is None:
        return f"{who(code)} has no valid sector times in the {result.session}."
    own: list[str] = []
    for i, ms in enumerate(row.sector_ms):
        if ms is None:
            own.append(f"S{i + 1} no valid time")
            continue
        place = 1 + sum(1 for r in result.rows if (t := r.sector_ms[i]) is not None and t < ms)
        gap = row.gap_ms[i]
        behind = f", {secs(gap)} off the best" if gap else ""
        own.append(f"S{i + 1} {ms / 1000:.3f} s (P{place}{behind})")
    text = f"{who(code)}'s best sectors in the {result.session}: {', '.join(own)}."
    return f"{text} Fastest in the session: {', '.join(_fastest(result, who))}."


def chart(result: SectorComparison, query: SectorsQuery) -> Spec | None:
    """Each driver's gap to the best time in each sector, grouped by driver."""
    values = [
        {"driver": r.driver, "sector": f"S{i + 1}", "gap_s": charts.seconds(gap)}
        for r in result.rows
        for i, gap in enumerate(r.gap_ms)
        if gap is not None
    ]
    if not values:
        return None
    return charts.grouped_bar(
        f"Gap to the best sector, {result.session}",
        values,
        category="driver",
        group="sector",
        value="gap_s",
        value_title="Gap (s)",
        category_title="Driver",
    )


KIND = SessionQuestion(
    query=SectorsQuery,
    title="Sector comparison",
    description="Each driver's best time in each sector and the gap to the best in that sector.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("sectors"),),
)
