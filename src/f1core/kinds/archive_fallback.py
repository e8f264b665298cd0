"""Which archive question answers a session question when its FastF1 timing is missing.

Only where the archive holds exactly what was asked: a race's classification (its
official results), a race's fastest lap (the result ranked first for it, recorded from
2004), and a qualifying session's order and fastest lap (the official Q1-Q3 times, 1994
on). Everything else stays a clear "not recorded" error rather than a neighbouring
answer; and a race's pit stops (laps and pit-lane times, 2011 on; the time a stop cost
needs lap timing); a sprint's classification (its official results).
"""

from __future__ import annotations

from f1core.domain.archive_race import FIRST_PIT_STOP_SEASON
from f1core.domain.archive_stat import FIRST_FASTEST_LAP_SEASON
from f1core.domain.session import SessionKind
from f1core.kinds.archive_historic_race import HistoricRaceQuery
from f1core.kinds.archive_pit_stops import ArchivePitStopsQuery
from f1core.kinds.archive_qualifying import QualifyingResultQuery
from f1core.kinds.archive_race_classification import RaceClassificationQuery
from f1core.kinds.base import QueryBase, SessionQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.pit_stops import PitStopsQuery


def archive_fallback(query: SessionQuery) -> QueryBase | None:
    """The archive query that answers ``query`` exactly, or None."""
    if (
        isinstance(query, PitStopsQuery)
        and query.session is SessionKind.RACE
        and query.year >= FIRST_PIT_STOP_SEASON
    ):
        return ArchivePitStopsQuery(year=query.year, event=query.event, drivers=query.drivers)
    if query.drivers:
        return None
    if query.session is SessionKind.QUALIFYING and isinstance(
        query, ClassificationQuery | FastestLapQuery
    ):
        return QualifyingResultQuery(year=query.year, event=query.event)
    if query.session is SessionKind.SPRINT and isinstance(query, ClassificationQuery):
        return RaceClassificationQuery(year=query.year, event=query.event, sprint=True)
    if query.session is not SessionKind.RACE:
        return None
    if isinstance(query, ClassificationQuery):
        return RaceClassificationQuery(year=query.year, event=query.event)
    if isinstance(query, FastestLapQuery) and query.year >= FIRST_FASTEST_LAP_SEASON:
        return HistoricRaceQuery(year=query.year, event=query.event)
    return None
