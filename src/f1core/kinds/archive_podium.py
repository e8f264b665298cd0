"""Podium: the top three of a Grand Prix, from the archive's official result."""

from __future__ import annotations

from f1core.domain.archive import RaceResult
from f1core.kinds.archive_race_winner import won_sentence
from f1core.kinds.base import ArchiveQuestion, EventName, QueryBase, Spec, Year
from f1core.kinds.prose import named
from f1core.ports.archive import HistoricalArchive


class PodiumQuery(QueryBase, frozen=True, kw_only=True, tag="podium"):
    """The top three of a Grand Prix."""

    year: Year
    event: EventName


async def _compute(archive: HistoricalArchive, query: PodiumQuery) -> RaceResult:
    return await archive.race_result(query.year, query.event, top=3)


def paragraph(result: RaceResult, query: PodiumQuery) -> str:
    """The winner, then the other two on the podium with their teams."""
    text = won_sentence(result)
    rest = [f"{named(e.driver, e.code)} ({e.team}) P{e.position_text}" for e in result.entries[1:3]]
    if rest:
        text += " The podium: " + " and ".join(rest) + "."
    return text


def chart(result: RaceResult, query: PodiumQuery) -> Spec | None:
    """No chart: three names read better as a sentence and a table."""
    return None


KIND = ArchiveQuestion(
    query=PodiumQuery,
    description="The top three of a Grand Prix (1950 on).",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
