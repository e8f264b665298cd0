"""Race classification from the archive: every car's official result in a Grand Prix.

Mostly the archive's answer when a race's FastF1 timing is not recorded (see
``f1core.kinds.archive_fallback``); any race since 1950 works.
"""

from __future__ import annotations

from f1core.domain.archive import RaceResult
from f1core.kinds.base import ArchiveQuestion, EventName, QueryBase, Spec, Year
from f1core.kinds.prose import named, with_team
from f1core.ports.archive import HistoricalArchive


class RaceClassificationQuery(QueryBase, frozen=True, kw_only=True, tag="race-classification"):
    """A race's full official classification, from the archive."""

    year: Year
    event: EventName
    sprint: bool = False


async def _compute(archive: HistoricalArchive, query: RaceClassificationQuery) -> RaceResult:
    if query.sprint:
        return await archive.sprint_result(query.year, query.event)
    return await archive.race_result(query.year, query.event, top=99)


def paragraph(result: RaceResult, query: RaceClassificationQuery) -> str:
    """Winner, podium and how many were classified."""
    race = f"the {result.race.year} {result.race.name}" + (" sprint" if query.sprint else "")
    if not result.entries or result.entries[0].position is None:
        return f"The archive has no classified finishers for {race}."
    podium = [e for e in result.podium if e.position is not None]
    win = podium[0]
    text = f"{with_team(win.driver, win.code, win.team)} won {race}"
    if len(podium) == 3:
        text += (
            f", ahead of {named(podium[1].driver, podium[1].code)} and "
            f"{named(podium[2].driver, podium[2].code)}"
        )
    classified = sum(1 for e in result.entries if e.position is not None)
    return text + f"; {classified} of {len(result.entries)} entries were classified."


def chart(result: RaceResult, query: RaceClassificationQuery) -> Spec | None:
    """No chart: the classification is the table."""
    return None


KIND = ArchiveQuestion(
    query=RaceClassificationQuery,
    description="A race's full official classification from the archive (any season).",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
