"""Champion: who won (or was runner-up in) a season's drivers' or constructors' title."""

from __future__ import annotations

from typing import Literal

from f1core.domain.archive import SeasonChampions
from f1core.kinds.base import ArchiveQuestion, QueryBase, Spec, Year
from f1core.kinds.prose import named, points
from f1core.ports.archive import HistoricalArchive


class ChampionQuery(QueryBase, frozen=True, kw_only=True, tag="champion"):
    """Who won (or was runner-up in) a season's championship."""

    year: Year
    championship: Literal["drivers", "constructors"] = "drivers"
    runner_up: bool = False


async def _compute(archive: HistoricalArchive, query: ChampionQuery) -> SeasonChampions:
    return await archive.champions(query.year)


def paragraph(result: SeasonChampions, query: ChampionQuery) -> str:
    """The champion (or the leader of a running season) and the margin to second."""
    if query.championship == "constructors":
        champ, second = result.constructors_champion, result.constructors_runner_up
        title = "constructors' championship"
        if champ is None:
            return f"There was no constructors' championship in {result.year} (it began in 1958)."
    else:
        champ, second = result.champion, result.runner_up
        title = "drivers' championship"
    if second is not None and query.runner_up:
        gap = champ.points - second.points
        return (
            f"{named(second.name, second.code)} was runner-up in the {result.year} {title} "
            f"with {points(second.points)} points, {points(gap)} behind "
            f"{named(champ.name, champ.code)}."
        )
    state = "won" if result.complete else f"leads (after round {result.after_round})"
    text = (
        f"{named(champ.name, champ.code)} {state} the {result.year} {title} with "
        f"{points(champ.points)} points"
    )
    if second is not None:
        gap = champ.points - second.points
        text += f", {points(gap)} ahead of {named(second.name, second.code)}"
    return text + "."


def chart(result: SeasonChampions, query: ChampionQuery) -> Spec | None:
    """No chart: a champion is one fact."""
    return None


KIND = ArchiveQuestion(
    query=ChampionQuery,
    description="Who won, or was runner-up in, a season's drivers' or constructors' title.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
