"""Archive statistic: a metric over drivers or teams, filtered, then counted or ranked.

One kind for the open-ended history questions: "how many titles has Schumacher won",
"most poles in 2023", "Alonso's first win", "youngest race winner", "who finished fourth
in the 1998 championship", "the first Grand Prix at Suzuka", "how many different winners
in 2012". What each metric counts is in ``f1core.domain.archive_stat``.

How it relates to the older archive kinds: ``career-stat`` (one driver's or team's
wins/poles/podiums/points/entries, season or career, with standings points), ``most-wins``
(a wins ranking), ``champion`` (champion or runner-up) and ``wins-at-circuit`` answer
their fixed shapes precisely and stay; everything else (other metrics, filters, ranks
beyond first, first/last, ages, per season, distinct counts) is this kind.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from f1core.domain.archive_stat import (
    NOUNS,
    SEASON_METRICS,
    StatAggregation,
    StatAnswer,
    StatMetric,
    StatRow,
    StatSpec,
)
from f1core.kinds.base import ArchiveQuestion, Person, QueryBase, Spec, Year
from f1core.kinds.prose import points
from f1core.ports.archive import HistoricalArchive

Place = Annotated[int, msgspec.Meta(ge=1, le=40, description="A position: 1 for pole or a win")]
Name = Annotated[str, msgspec.Meta(min_length=2, max_length=60)]


class ArchiveStatQuery(QueryBase, frozen=True, kw_only=True, tag="archive-stat"):
    """A metric (wins, poles, titles...) over drivers or teams, filtered and aggregated."""

    metric: StatMetric
    aggregation: StatAggregation = "count"
    subject_kind: Literal["driver", "team"] = "driver"
    rank: Place = 1
    year_from: Year | None = None
    year_to: Year | None = None
    circuit: Name | None = None
    team: Person | None = None
    driver: Person | None = None
    nationality: Name | None = None
    grid: Place | None = None
    position: Place | None = None


async def _compute(archive: HistoricalArchive, query: ArchiveStatQuery) -> StatAnswer:
    fields = msgspec.structs.asdict(query)
    fields["subject"] = fields.pop("subject_kind")
    return await archive.stat(StatSpec(**fields))


_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def _ordinal(n: int) -> str:
    if n in _ORDINALS:
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _count(value: float | None, metric: str) -> str:
    v = value or 0.0
    one, many = NOUNS[metric]
    if metric == "points":
        return f"{points(v)} {one if v == 1 else many}"
    return f"{int(v)} {one if v == 1 else many}"


def _names(rows: tuple[StatRow, ...]) -> str:
    names = [r.name or "?" for r in rows]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def paragraph(result: StatAnswer, query: ArchiveStatQuery) -> str:
    """The asked-for figure in one or two sentences; a tie is said to be a tie."""
    text = _sentence(result, query)
    return " ".join((text, *result.notes))


def _sentence(result: StatAnswer, query: ArchiveStatQuery) -> str:
    agg, metric, title = query.aggregation, query.metric, result.title
    if agg == "count":
        return f"{title[:1].upper()}{title[1:]}: {_count(result.value, metric)}."
    if agg == "count_distinct":
        who = "drivers" if query.subject_kind == "driver" else "teams"
        n = int(result.value or 0)
        listed = f": {_names(result.answer)}" if 0 < n <= 12 else ""
        return f"{n} different {who} took {title}{listed}."
    if agg in ("most", "fewest"):
        if not result.answer:
            return f"No one is ranked {_ordinal(query.rank)} for {title}."
        top = result.answer
        place = "" if query.rank == 1 else f"{_ordinal(top[0].rank or query.rank)} "
        word = "most" if agg == "most" else "fewest"
        figure = _count(top[0].value, metric)
        if len(top) > 1:
            return (
                f"{_names(top)} are tied {place or 'first '}for the {word} {title}, with "
                f"{figure} each."
            )
        if place:
            return f"{top[0].name} is {place}on the list for the {word} {title}: {figure}."
        return f"{top[0].name} has the {word} {title}: {figure}."
    if agg == "per_season":
        seasons = ", ".join(f"{r.year}: {int(r.value or 0)}" for r in result.rows if r.value)
        total = _count(result.value, metric)
        return f"{title[:1].upper()}{title[1:]} by season: {seasons or 'none'} ({total} in all)."
    if agg in ("youngest", "oldest"):
        if not result.answer:
            return f"No driver matches {title}."
        r = result.answer[0]
        tie = " (tied)" if len(result.answer) > 1 else ""
        feat = _FEATS.get(query.metric, "count")
        scope = _scope(result, query)
        return (
            f"The {agg} driver to {feat}{scope} is {_names(result.answer)}{tie}: {r.age} "
            f"old at the {r.year} {r.race} ({r.date})."
        )
    if agg in ("first", "last"):
        if not result.answer:
            return f"The archive has no {title}."
        r = result.answer[0]
        one = NOUNS[metric][0]
        scope = _scope(result, query)
        if metric == "races":
            return f"The {agg} {one}{scope} was the {r.year} {r.race} ({r.date}), won by {r.name}."
        if metric in SEASON_METRICS:
            return f"The {agg} {one}{scope} came in {r.year}: {_names(result.answer)}."
        both = " (shared)" if len(result.answer) > 1 else ""
        who = _names(result.answer)
        return f"The {agg} {one}{scope}: {who}{both} at the {r.year} {r.race} ({r.date})."
    # list
    if not result.rows:
        return f"No one matches {title}."
    if metric == "championship_position" and query.position is not None:
        rows = result.rows
        pts = ", ".join(f"{r.name} ({r.year}, {points(r.value or 0)} points)" for r in rows[:10])
        return f"{title[:1].upper()}{title[1:]}: {pts}."
    if metric == "championship_position":  # one driver's or team's own places
        cup = "constructors'" if query.subject_kind == "team" else "drivers'"
        rows = result.rows
        if len(rows) == 1:
            r = rows[0]
            return (
                f"{r.name} finished P{r.position or '-'} in the {r.year} {cup} championship "
                f"with {points(r.value or 0)} points."
            )
        seasons = ", ".join(
            f"{r.year} P{r.position or '-'} ({points(r.value or 0)} pts)" for r in rows[:12]
        )
        more = f" and {len(rows) - 12} more" if len(rows) > 12 else ""
        return f"{rows[0].name}'s places in the {cup} championship: {seasons}{more}."
    shown = "; ".join(
        f"{r.year} {r.race + ' ' if r.race else ''}{r.name} P{r.position or '-'}"
        for r in result.rows[:10]
    )
    more = f" and {len(result.rows) - 10} more" if len(result.rows) > 10 else ""
    return f"{title[:1].upper()}{title[1:]} ({len(result.rows)}): {shown}{more}."


_FEATS = {
    "wins": "win a Grand Prix",
    "poles": "start a Grand Prix from pole",
    "podiums": "finish on the podium",
    "points": "score points",
    "starts": "start a Grand Prix",
    "fastest_laps": "set a race's fastest lap",
    "dnfs": "retire from a Grand Prix",
    "titles": "win the championship",
    "championship_position": "reach that championship place",
}


def _scope(result: StatAnswer, query: ArchiveStatQuery) -> str:
    """The title without its metric and without "all time": " by Fernando Alonso"."""
    title = result.title
    plural = NOUNS[query.metric][1]
    for head in ("constructors' " + plural, plural):
        if title.startswith(head):
            title = title[len(head) :]
            break
    title = title.removesuffix(" all time")
    return title if not title or title.startswith(" ") else " " + title


def chart(result: StatAnswer, query: ArchiveStatQuery) -> Spec | None:
    """No chart: the table carries the ranking or the seasons."""
    return None


KIND = ArchiveQuestion(
    query=ArchiveStatQuery,
    description=(
        "Any archive statistic: wins, poles, podiums, points, starts, fastest laps, DNFs, "
        "Grands Prix, titles or championship places of drivers or teams, filtered by "
        "seasons, circuit, team, driver, nationality, grid or finishing position, as a "
        "count, a distinct count, most/fewest (any rank), first, last, youngest, oldest, "
        "per season or a list."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
