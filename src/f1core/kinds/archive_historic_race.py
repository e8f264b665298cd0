"""Historic race: a race's podium, pole, fastest lap and official winning margin.

Answered from the archive's official results for any season since 1950, so a margin is
the classification's gap and never a lap-timing reconstruction.
"""

from __future__ import annotations

from f1core.domain.archive_race import FIRST_FASTEST_LAP_SEASON, CarLine, HistoricRace
from f1core.kinds.base import ArchiveQuestion, EventName, QueryBase, Spec, Year
from f1core.kinds.prose import named, with_team
from f1core.ports.archive import HistoricalArchive


class HistoricRaceQuery(QueryBase, frozen=True, kw_only=True, tag="historic-race"):
    """A race's podium, pole, fastest lap and winning margin, from the official results."""

    year: Year
    event: EventName


async def _compute(archive: HistoricalArchive, query: HistoricRaceQuery) -> HistoricRace:
    return await archive.historic_race(query.year, query.event)


def _car(c: CarLine) -> str:
    return with_team(c.driver, c.code, c.team)


def _gap(margin: str) -> str:
    """The official gap as prose: "+2.256" -> "2.256 s", "+1 Lap" -> "1 lap"."""
    if margin.startswith("+") and "lap" in margin.lower():
        return margin[1:].lower()
    if margin.startswith("+"):
        return f"{margin[1:]} s" if ":" not in margin else margin[1:]
    return margin


def paragraph(result: HistoricRace, query: HistoricRaceQuery) -> str:
    """Winner and margin, the rest of the podium, pole and fastest lap, each as recorded."""
    r = result
    name = f"the {r.race.year} {r.race.name}"
    if not r.podium:
        return f"The archive has no classified finishers for {name}."
    win = r.podium[0]
    text = f"{_car(win)} won {name}"
    if r.winner_time:
        text += f" in {r.winner_time}"
    if r.margin and len(r.podium) > 1:
        text += f", {_gap(r.margin)} ahead of {named(r.podium[1].driver, r.podium[1].code)}"
    text += "."
    if len(r.podium) == 3:
        text += f" {named(r.podium[2].driver, r.podium[2].code)} completed the podium."
    if r.pole is not None:
        how = "took pole" if r.pole_source == "qualifying" else "started from pole"
        time = f" with {r.pole.detail}" if r.pole.detail else ""
        text += f" {named(r.pole.driver, r.pole.code)} {how}{time}."
    if r.fastest_lap is not None:
        lap = f" on lap {r.fastest_lap_number}" if r.fastest_lap_number else ""
        text += (
            f" Fastest lap: {named(r.fastest_lap.driver, r.fastest_lap.code)}, "
            f"{r.fastest_lap.detail}{lap}."
        )
    elif r.race.year < FIRST_FASTEST_LAP_SEASON:
        text += f" The archive records fastest laps from {FIRST_FASTEST_LAP_SEASON}."
    return text + f" {r.classified} of {r.starters} starters were classified."


def chart(result: HistoricRace, query: HistoricRaceQuery) -> Spec | None:
    """No chart: a handful of facts."""
    return None


KIND = ArchiveQuestion(
    query=HistoricRaceQuery,
    description=(
        "A race's podium, pole, fastest lap and official winning margin (any season since "
        "1950), from the archive's results."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
