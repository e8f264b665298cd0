"""Season head-to-head: two drivers compared over a season, in races and qualifying."""

from __future__ import annotations

from f1core.answers import charts
from f1core.domain.archive import HeadToHead
from f1core.kinds.base import ArchiveQuestion, Person, QueryBase, Spec, Year
from f1core.kinds.prose import points
from f1core.ports.archive import HistoricalArchive


class SeasonHeadToHeadQuery(QueryBase, frozen=True, kw_only=True, tag="season-head-to-head"):
    """Two drivers compared over a season: race and qualifying head-to-head."""

    year: Year
    driver_a: Person
    driver_b: Person


async def _compute(archive: HistoricalArchive, query: SeasonHeadToHeadQuery) -> HeadToHead:
    return await archive.head_to_head(query.year, query.driver_a, query.driver_b)


def paragraph(result: HeadToHead, query: SeasonHeadToHeadQuery) -> str:
    """Races ahead, qualifying ahead and points, for both drivers."""
    r = result
    return (
        f"In {r.year}, {r.driver_a} finished ahead of {r.driver_b} in {r.race_ahead_a} of "
        f"{r.races} races ({r.driver_b} {r.race_ahead_b}) and out-qualified them "
        f"{r.quali_ahead_a} to {r.quali_ahead_b}; points {points(r.points_a)} to "
        f"{points(r.points_b)}."
    )


def chart(result: HeadToHead, query: SeasonHeadToHeadQuery) -> Spec | None:
    """Each count side by side for the two drivers."""
    r = result
    values = [
        {"measure": m, "driver": d, "count": c}
        for m, a, b in (
            ("ahead at the flag", r.race_ahead_a, r.race_ahead_b),
            ("ahead, both classified", r.finished_ahead_a, r.finished_ahead_b),
            ("ahead in qualifying", r.quali_ahead_a, r.quali_ahead_b),
        )
        for d, c in ((r.driver_a, a), (r.driver_b, b))
    ]
    return charts.grouped_bar(
        f"{r.driver_a} vs {r.driver_b}, {r.year}",
        values,
        category="measure",
        group="driver",
        value="count",
        value_title="Count",
        category_title="",
    )


KIND = ArchiveQuestion(
    query=SeasonHeadToHeadQuery,
    description="Two drivers compared over a season: races and qualifying ahead, and points.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
