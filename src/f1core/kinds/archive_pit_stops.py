"""A race's pit stops from the archive (recorded from 2011): laps and pit-lane times.

Mostly the archive's answer when a race's FastF1 timing is not recorded
(``f1core.kinds.archive_fallback``). The archive's duration is the pit-lane time, entry to
exit; the time a stop cost against the driver's pace needs lap timing and is not given.
"""

from __future__ import annotations

from f1core.domain.archive_race import RacePitStops
from f1core.kinds.base import ArchiveQuestion, EventName, Person, QueryBase, Spec, Year
from f1core.ports.archive import HistoricalArchive


class ArchivePitStopsQuery(QueryBase, frozen=True, kw_only=True, tag="archive-pit-stops"):
    """A race's pit stops (2011 on), everyone's or only the named drivers'."""

    year: Year
    event: EventName
    drivers: tuple[Person, ...] = ()


async def _compute(archive: HistoricalArchive, query: ArchivePitStopsQuery) -> RacePitStops:
    return await archive.pit_stops(query.year, query.event, drivers=query.drivers)


def paragraph(result: RacePitStops, query: ArchivePitStopsQuery) -> str:
    """Each named driver's stops (never the race's total as theirs), or the race's count."""
    race = f"the {result.race.year} {result.race.name}"
    if result.drivers:
        parts = []
        for name in result.drivers:
            mine = [s for s in result.stops if s.driver == name]
            laps = ", ".join(f"lap {s.lap} ({s.duration} s)" for s in mine)
            count = f"{len(mine)} stop{'s' if len(mine) != 1 else ''}"
            parts.append(f"{name} made {count} in {race}" + (f": {laps}" if laps else ""))
        return "; ".join(parts) + "."
    drivers = len({s.driver for s in result.stops})
    if not result.stops:
        return f"The archive records no pit stops for {race}."
    quickest = min(
        (s for s in result.stops if s.milliseconds), key=lambda s: s.milliseconds or 0, default=None
    )
    text = f"{len(result.stops)} pit stops by {drivers} drivers in {race}"
    if quickest is not None:
        q = quickest
        text += f"; the shortest pit-lane time was {q.driver}'s {q.duration} s on lap {q.lap}"
    return text + "."


def chart(result: RacePitStops, query: ArchivePitStopsQuery) -> Spec | None:
    """No chart: the stops are the table."""
    return None


KIND = ArchiveQuestion(
    query=ArchivePitStopsQuery,
    description="A race's pit stops from the archive (2011 on): laps and pit-lane times.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
