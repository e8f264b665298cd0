"""Qualifying from the archive: a Grand Prix's official qualifying order and Q1-Q3 times.

Mostly the archive's answer when a qualifying session's FastF1 timing is not recorded
(``f1core.kinds.archive_fallback``); the archive holds qualifying results from 1994 on.
"""

from __future__ import annotations

from f1core.domain.archive_race import QualifyingResult
from f1core.kinds.base import ArchiveQuestion, EventName, QueryBase, Spec, Year
from f1core.kinds.prose import named, with_team
from f1core.ports.archive import HistoricalArchive


class QualifyingResultQuery(QueryBase, frozen=True, kw_only=True, tag="qualifying-result"):
    """A Grand Prix's official qualifying classification with Q1-Q3 times."""

    year: Year
    event: EventName


async def _compute(archive: HistoricalArchive, query: QualifyingResultQuery) -> QualifyingResult:
    return await archive.qualifying_result(query.year, query.event)


def paragraph(result: QualifyingResult, query: QualifyingResultQuery) -> str:
    """Pole with its time, and the quickest official lap of any part when another set it."""
    race = f"the {result.race.year} {result.race.name}"
    pole = result.lines[0]
    pole_time = pole.q3 or pole.q2 or pole.q1
    text = f"{with_team(pole.driver, pole.code, pole.team)} took pole for {race}"
    text += f" with {pole_time}." if pole_time else "."
    fastest = result.fastest()
    if fastest is not None:
        line, time, part = fastest
        if line.driver != pole.driver or time != pole_time:
            text += (
                f" The quickest official lap of qualifying was {named(line.driver, line.code)}'s "
                f"{time} in {part}."
            )
    return text


def chart(result: QualifyingResult, query: QualifyingResultQuery) -> Spec | None:
    """No chart: the qualifying order is the table."""
    return None


KIND = ArchiveQuestion(
    query=QualifyingResultQuery,
    description="A Grand Prix's official qualifying order and Q1-Q3 times (1994 on), archive.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
