"""Pure counting rules the archive implementations share (rankings, head-to-head).

Storage-specific code fetches the rows; these functions decide what counts, so the
in-memory fake and the SQL adapter cannot disagree on a tie or a retirement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import msgspec

from f1core.domain.archive import (
    ArchiveCircuit,
    ArchiveDriver,
    ArchiveRace,
    Leaderboard,
    LeaderRow,
    RaceSummary,
    SubjectKind,
)
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_stat import ranked
from f1core.errors import SessionNotFoundError


def rank_leaders(
    counts: Mapping[int, int], names: Mapping[int, tuple[str, str]], limit: int
) -> tuple[LeaderRow, ...]:
    """Rank ``counts`` (id -> count) high to low; ties share a rank, ordered by name.

    ``names`` maps an id to ``(name, ref)``. Rows ranked beyond ``limit`` are dropped,
    but a tie at the cut stays whole, so the table never silently splits a tie.
    """
    return tuple(
        LeaderRow(rank=r.rank or 0, name=r.name or "", ref=r.ref or "", count=int(r.value or 0))
        for r in ranked(counts, names, fewest=False, limit=limit, keep_zero=False)
    )


class RaceLine(msgspec.Struct, frozen=True, gc=False):
    """One driver's race: classification order, classified position, grid, quali position."""

    race_id: int
    position_order: int
    position: int | None
    grid: int | None
    quali: int | None


class HeadToHeadCounts(msgspec.Struct, frozen=True, kw_only=True):
    """What ``head_to_head_counts`` found; see ``HeadToHead`` for the meaning."""

    races: int = 0
    race_ahead_a: int = 0
    race_ahead_b: int = 0
    both_finished: int = 0
    finished_ahead_a: int = 0
    finished_ahead_b: int = 0
    qualifying: int = 0
    quali_ahead_a: int = 0
    quali_ahead_b: int = 0


def head_to_head_counts(
    lines_a: Iterable[RaceLine], lines_b: Iterable[RaceLine], *, quali_races: frozenset[int]
) -> HeadToHeadCounts:
    """Compare two drivers race by race over the races both started.

    Qualifying compares qualifying positions in races ``quali_races`` has data for and the
    starting grid otherwise (grid 0, a pit-lane start, is not a qualifying result). When a
    1950s driver had two cars in one race, the better one counts.
    """
    best_a = _best(lines_a)
    best_b = _best(lines_b)
    c = dict.fromkeys(HeadToHeadCounts.__struct_fields__, 0)
    for race_id in sorted(best_a.keys() & best_b.keys()):
        a, b = best_a[race_id], best_b[race_id]
        c["races"] += 1
        c["race_ahead_a" if a.position_order < b.position_order else "race_ahead_b"] += 1
        if a.position is not None and b.position is not None:
            c["both_finished"] += 1
            c["finished_ahead_a" if a.position < b.position else "finished_ahead_b"] += 1
        qa, qb = (a.quali, b.quali) if race_id in quali_races else (a.grid, b.grid)
        if qa and qb and qa != qb:
            c["qualifying"] += 1
            c["quali_ahead_a" if qa < qb else "quali_ahead_b"] += 1
    return HeadToHeadCounts(**c)


def _best(lines: Iterable[RaceLine]) -> dict[int, RaceLine]:
    best: dict[int, RaceLine] = {}
    for line in lines:
        kept = best.get(line.race_id)
        if kept is None or line.position_order < kept.position_order:
            best[line.race_id] = line
    return best


def standings_race(
    season: Sequence[ArchiveRace],
    with_standings: frozenset[int],
    year: int,
    after_round: int | None,
    *,
    constructors: bool,
) -> ArchiveRace:
    """The race whose standings answer "after round N" (the latest one when N is None).

    Raises ``SessionNotFoundError`` for a round the season did not have, or one whose
    standings do not exist yet (a season still running), naming the latest round.
    """
    done = [r for r in season if r.id in with_standings]
    what = "constructors'" if constructors else "drivers'"
    if not done:
        extra = " (the constructors' title began in 1958)" if constructors and year < 1958 else ""
        raise SessionNotFoundError(f"the archive has no {what} standings for {year}{extra}")
    if after_round is None:
        return done[-1]
    if not 1 <= after_round <= len(season):
        raise SessionNotFoundError(f"{year} had {len(season)} rounds, not {after_round}")
    for race in done:
        if race.round == after_round:
            return race
    raise SessionNotFoundError(
        f"round {after_round} of {year} has no {what} standings yet; the latest is "
        f"round {done[-1].round} ({done[-1].name})"
    )


def final_races(
    idx: ReferenceIndex, with_standings: frozenset[int], year: int | None
) -> dict[int, bool]:
    """Race id of each season's latest standings -> whether that season is complete.

    Summing the points of these standings gives career points as the championship
    counted them (sprints in, dropped scores out); a title needs a complete season.
    """
    last_round: dict[int, int] = {}
    latest: dict[int, ArchiveRace] = {}
    for race in idx.races.values():
        last_round[race.year] = max(last_round.get(race.year, 0), race.round)
        if race.id in with_standings and (year is None or race.year == year):
            kept = latest.get(race.year)
            if kept is None or race.round > kept.round:
                latest[race.year] = race
    return {race.id: race.round == last_round[y] for y, race in latest.items()}


def teams_in_order(
    idx: ReferenceIndex, first_rounds: Iterable[tuple[int, int, int]]
) -> dict[int, tuple[str, ...]]:
    """Driver id -> team names, from ``(driver id, team id, first round together)``."""
    out: dict[int, list[str]] = defaultdict(list)
    for driver_id, team_id, _first in sorted(first_rounds, key=lambda p: p[2]):
        name = idx.teams[team_id].name
        if name not in out[driver_id]:
            out[driver_id].append(name)
    return {k: tuple(v) for k, v in out.items()}


def names_of(idx: ReferenceIndex, kind: SubjectKind) -> dict[int, tuple[str, str]]:
    """Id -> (name, ref) of every driver or every team."""
    if kind == "driver":
        return {d.id: (d.name, d.ref) for d in idx.drivers.values()}
    return {x.id: (x.name, x.ref) for x in idx.teams.values()}


def circuit_board(
    idx: ReferenceIndex,
    place: ArchiveCircuit,
    counts: Mapping[int, int],
    who: ArchiveDriver | None,
    limit: int,
) -> Leaderboard:
    """The wins-at-a-circuit answer from per-driver win counts there.

    With ``who``, only that driver's row; a driver who never won there is ranked just
    behind every winner, with a count of 0.
    """
    names = names_of(idx, "driver")
    if who is None:
        return Leaderboard(
            title=f"Most wins at {place.name}",
            kind="driver",
            year=None,
            circuit=place.name,
            rows=rank_leaders(counts, names, limit),
        )
    full = rank_leaders(counts, names, len(counts) + 1)
    mine = [row for row in full if row.ref == who.ref]
    if not mine:
        behind = len(full) + 1  # competition ranking: after every winner
        mine = [LeaderRow(rank=behind, name=who.name, ref=who.ref, count=0)]
    return Leaderboard(
        title=f"{who.name}'s wins at {place.name}",
        kind="driver",
        year=None,
        circuit=place.name,
        rows=tuple(mine),
    )


def race_summary(idx: ReferenceIndex, race: ArchiveRace) -> RaceSummary:
    """Which race it was, with its circuit's names."""
    c = idx.circuits[race.circuit_id]
    return RaceSummary(
        year=race.year,
        round=race.round,
        name=race.name,
        circuit=c.name,
        location=c.location,
        country=c.country,
        date=race.date,
    )
