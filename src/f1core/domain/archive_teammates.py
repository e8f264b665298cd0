"""Team-mates' season head-to-head from the archive, counted only where both took part.

A pair are team-mates in a round when both have a result for the same constructor in
that race. The race count compares classification order (``positionOrder``) over the
rounds both *started* (``archive_stat.started``: not "failed to qualify", "withdrawn" or
excluded before the start): a retirement counts
as behind, and "both classified" is reported on its own. Qualifying compares
``qualifying.csv`` positions over the rounds both have a qualifying result for the team;
for seasons the archive has no qualifying results for (before 1994 in practice) the
starting grid is compared instead and the answer says so (grid 0, a pit-lane start, is
no qualifying result).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import msgspec

from f1core.domain.archive import ARCHIVE_SOURCE
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_stat import started
from f1core.domain.table import Table
from f1core.errors import SessionNotFoundError, UnprocessableRequestError


class Entry(msgspec.Struct, frozen=True, gc=False):
    """One car's race as the storage reads it."""

    race_id: int
    driver_id: int
    team_id: int
    position_order: int
    position: int | None
    position_text: str
    grid: int | None
    points: float


class PairBattle(msgspec.Struct, frozen=True, kw_only=True):
    """Two team-mates over the rounds they shared."""

    team: str
    driver_a: str
    driver_b: str
    rounds: int  # rounds both drove for the team
    races: int  # of those, both started
    race_ahead_a: int
    race_ahead_b: int
    both_classified: int
    classified_ahead_a: int
    classified_ahead_b: int
    qualifying: int
    quali_ahead_a: int
    quali_ahead_b: int
    quali_source: str  # "qualifying" or "grid"
    points_a: float  # race points in the shared rounds (sprints not included)
    points_b: float


class TeammateBattle(msgspec.Struct, frozen=True, kw_only=True):
    """Every pair of team-mates asked about in one season."""

    year: int
    pairs: tuple[PairBattle, ...]
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row per pair."""
        return Table(
            columns=(
                "team",
                "driver A",
                "driver B",
                "rounds together",
                "race A-B",
                "qualifying A-B",
                "points A-B",
            ),
            rows=tuple(
                (
                    p.team,
                    p.driver_a,
                    p.driver_b,
                    p.rounds,
                    f"{p.race_ahead_a}-{p.race_ahead_b} of {p.races}",
                    f"{p.quali_ahead_a}-{p.quali_ahead_b} of {p.qualifying}"
                    + (" (grid)" if p.quali_source == "grid" else ""),
                    f"{p.points_a:g}-{p.points_b:g}",
                )
                for p in self.pairs
            ),
        )


def battles(
    entries: Iterable[Entry],
    quali: Mapping[tuple[int, int, int], int],
    *,
    has_qualifying: bool,
    names: Mapping[int, str],
    teams: Mapping[int, str],
    pair: tuple[int, int] | None = None,
) -> list[tuple[int, int, int, PairBattle]]:
    """Every team-mate pair (or only ``pair``) with their counts.

    ``quali`` maps (race, driver, team) -> qualifying position. Returns
    ``(team id, driver a, driver b, battle)`` with the pair in id order unless ``pair``
    fixes the order, most shared rounds first.
    """
    by_round: dict[tuple[int, int], dict[int, Entry]] = defaultdict(dict)
    for e in entries:
        kept = by_round[e.race_id, e.team_id].get(e.driver_id)
        if kept is None or e.position_order < kept.position_order:
            by_round[e.race_id, e.team_id][e.driver_id] = e
    shared: dict[tuple[int, int, int], list[tuple[Entry, Entry]]] = defaultdict(list)
    for (_race, team), cars in by_round.items():
        ids = sorted(cars)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                x, y = (a, b)
                if pair is not None:
                    if {a, b} != set(pair):
                        continue
                    x, y = pair
                shared[team, x, y].append((cars[x], cars[y]))
    out = []
    for (team, a, b), rounds in shared.items():
        out.append((team, a, b, _count(rounds, quali, has_qualifying, names, teams[team])))
    out.sort(key=lambda item: (-item[3].rounds, item[3].team, item[3].driver_a))
    return out


def _count(
    rounds: list[tuple[Entry, Entry]],
    quali: Mapping[tuple[int, int, int], int],
    has_qualifying: bool,
    names: Mapping[int, str],
    team: str,
) -> PairBattle:
    c: dict[str, int] = defaultdict(int)
    points_a = points_b = 0.0
    for a, b in rounds:
        points_a += a.points
        points_b += b.points
        if started(a.position_text, a.grid) and started(b.position_text, b.grid):
            c["races"] += 1
            c["race_ahead_a" if a.position_order < b.position_order else "race_ahead_b"] += 1
            if a.position is not None and b.position is not None:
                c["both"] += 1
                c["cls_a" if a.position < b.position else "cls_b"] += 1
        if has_qualifying:
            qa = quali.get((a.race_id, a.driver_id, a.team_id))
            qb = quali.get((b.race_id, b.driver_id, b.team_id))
        else:
            qa, qb = a.grid or None, b.grid or None
        if qa and qb and qa != qb:
            c["quali"] += 1
            c["q_a" if qa < qb else "q_b"] += 1
    first = rounds[0]
    return PairBattle(
        team=team,
        driver_a=names[first[0].driver_id],
        driver_b=names[first[1].driver_id],
        rounds=len(rounds),
        races=c["races"],
        race_ahead_a=c["race_ahead_a"],
        race_ahead_b=c["race_ahead_b"],
        both_classified=c["both"],
        classified_ahead_a=c["cls_a"],
        classified_ahead_b=c["cls_b"],
        qualifying=c["quali"],
        quali_ahead_a=c["q_a"],
        quali_ahead_b=c["q_b"],
        quali_source="qualifying" if has_qualifying else "grid",
        points_a=points_a,
        points_b=points_b,
    )


def resolve(
    idx: ReferenceIndex, year: int, team: str | None, drivers: tuple[str, ...]
) -> tuple[int | None, tuple[int, ...]]:
    """The team id and driver ids named; at least one of them is needed."""
    if team is None and not drivers:
        raise UnprocessableRequestError("name a team or two team-mates")
    if len(drivers) > 2:
        raise UnprocessableRequestError("a team-mates' head-to-head is two drivers")
    team_id = idx.team(team, year=year).id if team else None
    ids = tuple(idx.driver(d, year=year).id for d in drivers)
    if len(ids) == 2 and ids[0] == ids[1]:
        raise UnprocessableRequestError("a head-to-head needs two different drivers")
    return team_id, ids


def season_battle(
    idx: ReferenceIndex,
    year: int,
    entries: Iterable[Entry],
    quali: Mapping[tuple[int, int, int], int],
    *,
    has_qualifying: bool,
    team_id: int | None,
    driver_ids: tuple[int, ...],
) -> TeammateBattle:
    """The answer from a season's entries (already narrowed to the team or drivers).

    Raises ``SessionNotFoundError`` when the drivers were not team-mates that season.
    """
    names = {d.id: d.name for d in idx.drivers.values()}
    teams = {t.id: t.name for t in idx.teams.values()}
    pair = (driver_ids[0], driver_ids[1]) if len(driver_ids) == 2 else None
    found = battles(
        entries, quali, has_qualifying=has_qualifying, names=names, teams=teams, pair=pair
    )
    kept = []
    for team, a, b, battle in found:
        if team_id is not None and team != team_id:
            continue
        if len(driver_ids) == 1 and driver_ids[0] not in (a, b):
            continue
        if len(driver_ids) == 1 and driver_ids[0] == b:
            battle = _swap(battle)
        kept.append(battle)
    if not kept:
        who = " and ".join(names[d] for d in driver_ids) or teams.get(team_id or -1, "")
        raise SessionNotFoundError(
            f"{who} had no rounds as team-mates in {year}"
            + (f" at {teams[team_id]}" if team_id is not None and driver_ids else "")
        )
    return TeammateBattle(year=year, pairs=tuple(kept))


def _swap(p: PairBattle) -> PairBattle:
    return msgspec.structs.replace(
        p,
        driver_a=p.driver_b,
        driver_b=p.driver_a,
        race_ahead_a=p.race_ahead_b,
        race_ahead_b=p.race_ahead_a,
        classified_ahead_a=p.classified_ahead_b,
        classified_ahead_b=p.classified_ahead_a,
        quali_ahead_a=p.quali_ahead_b,
        quali_ahead_b=p.quali_ahead_a,
        points_a=p.points_b,
        points_b=p.points_a,
    )
