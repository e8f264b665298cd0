"""Team-mates' head-to-head: a season's race and qualifying battle inside one team.

Unlike ``season-head-to-head`` (any two drivers over the whole season), this counts only
the rounds both drove for the same team, from the archive's results and qualifying
results; see ``f1core.domain.archive_teammates`` for exactly what is compared.
"""

from __future__ import annotations

from f1core.domain.archive_teammates import PairBattle, TeammateBattle
from f1core.kinds.base import ArchiveQuestion, Person, QueryBase, Spec, Year
from f1core.kinds.prose import points
from f1core.ports.archive import HistoricalArchive


class TeammateHeadToHeadQuery(QueryBase, frozen=True, kw_only=True, tag="teammate-head-to-head"):
    """A team's drivers (or a named pair) compared over the rounds they shared."""

    year: Year
    team: Person | None = None
    driver_a: Person | None = None
    driver_b: Person | None = None


async def _compute(archive: HistoricalArchive, query: TeammateHeadToHeadQuery) -> TeammateBattle:
    drivers = tuple(d for d in (query.driver_a, query.driver_b) if d)
    return await archive.teammates(query.year, team=query.team, drivers=drivers)


def _pair(p: PairBattle) -> str:
    quali = (
        "qualifying" if p.quali_source == "qualifying" else "starting grid (no qualifying results)"
    )
    return (
        f"{p.driver_a} vs {p.driver_b} at {p.team} ({p.rounds} rounds together): ahead at the "
        f"flag {p.race_ahead_a}-{p.race_ahead_b} of the {p.races} both started "
        f"({p.classified_ahead_a}-{p.classified_ahead_b} when both were classified), "
        f"{quali} {p.quali_ahead_a}-{p.quali_ahead_b}, points {points(p.points_a)}-"
        f"{points(p.points_b)}."
    )


def paragraph(result: TeammateBattle, query: TeammateHeadToHeadQuery) -> str:
    """Each pair's race, qualifying and points count, with the rounds it covers."""
    return f"In {result.year}: " + " ".join(_pair(p) for p in result.pairs)


def chart(result: TeammateBattle, query: TeammateHeadToHeadQuery) -> Spec | None:
    """No chart: the table has one row per pair."""
    return None


KIND = ArchiveQuestion(
    query=TeammateHeadToHeadQuery,
    description=(
        "Team-mates' season head-to-head in races and qualifying, counted only over the "
        "rounds both drove for the team (a team, one driver or a pair)."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
