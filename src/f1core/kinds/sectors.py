"""Sectors: each driver's best time in each sector and the gap to the best there."""

from __future__ import annotations

from f1core.analysis.sectors import SectorComparison, sector_comparison
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class SectorsQuery(SessionQuery, frozen=True, kw_only=True, tag="sectors"):
    """Sector-by-sector comparison."""


def _compute(session: Session, query: SectorsQuery) -> SectorComparison:
    return sector_comparison(session, query.drivers or None)


def paragraph(result: SectorComparison, query: SectorsQuery) -> str:
    """Who was fastest in each sector."""
    if not result.rows:
        return f"No valid sector times in the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    parts = [f"S{i + 1} {who(code)}" for i, code in enumerate(result.fastest) if code is not None]
    return f"Fastest sectors in the {result.session}: {', '.join(parts)}."


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
