"""The compositional archive statistic: a metric over a subject, filtered, then aggregated.

``StatSpec`` says what to compute; the storage (SQL or the in-memory fake) filters the fact
rows and groups them, and the functions here finish the answer the same way for both, so
a tie or an age cannot come out differently.

The facts are one of two kinds:

- *race facts*, one row per car in a race (``results.csv``; sprints only add points):
  wins (finished 1st), poles (started from grid 1, the one definition that holds for every
  era), podiums (finished 1st-3rd), points, starts (every entry but "failed to qualify",
  "withdrawn" and excluded before the start), fastest laps (fastest-lap rank 1; the
  archive records it from 2004), DNFs (retired, position "R"), and races (the Grands
  Prix themselves, one row per race, its winner as the subject);
- *season facts*, one row per driver or constructor in a season's latest standings:
  titles (first in a completed season) and championship position.

Counting units: wins, poles, fastest laps and races count races; podiums, starts, DNFs
count cars (a team with two cars on the podium has two podiums), except that a team's
starts count races.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

import msgspec

from f1core.domain.archive import ARCHIVE_SOURCE, ArchiveDriver, ArchiveTeam
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.table import Table
from f1core.errors import UnprocessableRequestError

StatMetric = Literal[
    "wins",
    "poles",
    "podiums",
    "points",
    "starts",
    "fastest_laps",
    "dnfs",
    "races",
    "titles",
    "championship_position",
]
StatAggregation = Literal[
    "count",
    "count_distinct",
    "most",
    "fewest",
    "first",
    "last",
    "youngest",
    "oldest",
    "per_season",
    "list",
]
StatSubject = Literal["driver", "team"]

SEASON_METRICS: frozenset[str] = frozenset({"titles", "championship_position"})
RACE_UNIT_METRICS: frozenset[str] = frozenset({"wins", "poles", "fastest_laps", "races"})
FIRST_FASTEST_LAP_SEASON = 2004
NOT_STARTED = ("F", "W")  # failed to qualify, withdrawn


def started(position_text: str, grid: int | None) -> bool:
    """Whether a result row is a start: not "failed to qualify" or "withdrawn", and not
    excluded before the start (position "E" from no grid slot; a pit-lane start, grid 0
    with a result, did start)."""
    return position_text not in NOT_STARTED and not (position_text == "E" and not grid)


NOUNS: dict[str, tuple[str, str]] = {
    "wins": ("win", "wins"),
    "poles": ("pole", "poles"),
    "podiums": ("podium", "podiums"),
    "points": ("point", "points"),
    "starts": ("start", "starts"),
    "fastest_laps": ("fastest lap", "fastest laps"),
    "dnfs": ("retirement", "retirements"),
    "races": ("Grand Prix", "Grands Prix"),
    "titles": ("title", "titles"),
    "championship_position": ("championship place", "championship places"),
}


class StatSpec(msgspec.Struct, frozen=True, kw_only=True):
    """What to compute. Names are as people write them; the archive resolves them.

    ``position`` is the finishing position for race facts and the championship position
    for season facts; ``grid`` the starting position; ``nationality`` the subject's
    (a driver's or a constructor's, as the archive spells it: "British", "Italian").
    ``rank`` picks a place of a most/fewest ranking ("third on the all-time list").
    """

    metric: StatMetric
    aggregation: StatAggregation = "count"
    subject: StatSubject = "driver"
    rank: int = 1
    year_from: int | None = None
    year_to: int | None = None
    circuit: str | None = None
    team: str | None = None
    driver: str | None = None
    nationality: str | None = None
    grid: int | None = None
    position: int | None = None
    limit: int = 10


def check(spec: StatSpec) -> None:
    """Refuse combinations that have no honest answer (``InvalidRequestError``)."""
    season = spec.metric in SEASON_METRICS
    if spec.aggregation in ("youngest", "oldest") and spec.subject != "driver":
        raise UnprocessableRequestError("youngest and oldest need drivers: teams have no birthday")
    if season and (spec.circuit or spec.grid is not None):
        raise UnprocessableRequestError(
            "a championship has no circuit or grid position; ask about race wins instead"
        )
    if season and spec.team and spec.subject == "driver":
        raise UnprocessableRequestError(
            "drivers' titles are not counted per team here; ask for the constructors' titles"
        )
    if season and spec.driver and spec.subject == "team":
        raise UnprocessableRequestError("a constructors' championship is not filtered by driver")
    if spec.metric == "titles" and spec.position is not None:
        raise UnprocessableRequestError("a title is first place; ask for a championship position")
    if spec.metric == "races" and spec.aggregation in ("most", "fewest", "count_distinct"):
        raise UnprocessableRequestError("rank drivers or teams by wins, starts or points instead")
    if spec.rank < 1:
        raise UnprocessableRequestError("a ranking place starts at 1")
    if spec.year_from and spec.year_to and spec.year_from > spec.year_to:
        raise UnprocessableRequestError(
            f"the seasons run backwards: {spec.year_from}-{spec.year_to}"
        )


def counts_races(spec: StatSpec) -> bool:
    """True when the metric counts races rather than cars (see the module docstring)."""
    return spec.metric in RACE_UNIT_METRICS or (spec.metric == "starts" and spec.subject == "team")


class StatRow(msgspec.Struct, frozen=True, kw_only=True):
    """One line of an answer: a ranked subject, a race, a season or a person's age."""

    rank: int | None = None
    name: str | None = None
    ref: str | None = None
    value: float | None = None
    year: int | None = None
    race: str | None = None
    date: dt.date | None = None
    age_days: int | None = None
    age: str | None = None
    position: int | None = None


class StatAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """The statistic: ``value`` for a count, ``rows`` for everything else.

    ``answer`` is the rows that answer the question (several when tied); ``rows`` is the
    table shown with it (a ranking's top, every season, every match).
    """

    spec: StatSpec
    title: str
    value: float | None
    answer: tuple[StatRow, ...]
    rows: tuple[StatRow, ...]
    notes: tuple[str, ...] = ()
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """Columns that the aggregation fills."""
        agg = self.spec.aggregation
        metric = NOUNS[self.spec.metric][1]
        if agg in ("count", "count_distinct") and not self.rows:
            return Table(columns=("statistic", "value"), rows=((self.title, self.value),))
        if agg in ("most", "fewest", "count_distinct"):
            return Table(
                columns=("rank", "name", metric),
                rows=tuple((r.rank, r.name, _num(r.value)) for r in self.rows),
            )
        if agg == "per_season":
            return Table(
                columns=("season", metric), rows=tuple((r.year, _num(r.value)) for r in self.rows)
            )
        if agg in ("youngest", "oldest"):
            return Table(
                columns=("rank", "driver", "age", "race", "date"),
                rows=tuple((r.rank, r.name, r.age, r.race, _iso(r.date)) for r in self.rows),
            )
        if self.spec.metric in SEASON_METRICS:
            return Table(
                columns=("season", "name", "pos", "points"),
                rows=tuple((r.year, r.name, r.position, _num(r.value)) for r in self.rows),
            )
        return Table(
            columns=("season", "race", "date", "name", "pos", "points"),
            rows=tuple(
                (r.year, r.race, _iso(r.date), r.name, r.position, _num(r.value)) for r in self.rows
            ),
        )


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def age_text(born: dt.date, on: dt.date) -> str:
    """An age in whole years and the days since the last birthday: "18 years 228 days"."""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    try:
        birthday = born.replace(year=born.year + years)
    except ValueError:  # born on 29 February
        birthday = dt.date(born.year + years, 3, 1)
    return f"{years} years {(on - birthday).days} days"


def ranked(
    counts: Mapping[int, float],
    names: Mapping[int, tuple[str, str]],
    *,
    fewest: bool,
    limit: int,
    keep_zero: bool,
) -> list[StatRow]:
    """Competition ranking (ties share a rank, ordered by name), cut after ``limit``
    without splitting a tie. Zero counts are kept only when ``keep_zero`` (fewest)."""
    items = [
        (value, names[key])
        for key, value in counts.items()
        if key in names and (keep_zero or value > 0)
    ]
    items.sort(key=lambda item: (item[0] if fewest else -item[0], item[1][0]))
    rows: list[StatRow] = []
    rank = 0
    previous: float | None = None
    for index, (value, (name, ref)) in enumerate(items, start=1):
        if value != previous:
            rank = index
            previous = value
        if rank > limit:
            break
        rows.append(StatRow(rank=rank, name=name, ref=ref, value=float(value)))
    return rows


def at_rank(rows: Iterable[StatRow], rank: int) -> tuple[StatRow, ...]:
    """The rows sharing ``rank`` (a tie gives several; a rank inside a tie gives the tie)."""
    rows = list(rows)
    exact = tuple(r for r in rows if r.rank == rank)
    if exact:
        return exact
    below = [r.rank for r in rows if r.rank is not None and r.rank < rank]
    if not below:
        return ()
    tied = max(below)
    return tuple(r for r in rows if r.rank == tied)


def by_age(
    extremes: Mapping[int, tuple[dt.date, str]],
    dobs: Mapping[int, dt.date | None],
    names: Mapping[int, tuple[str, str]],
    *,
    oldest: bool,
    limit: int,
) -> tuple[list[StatRow], int]:
    """Drivers ranked by their age at ``extremes`` (driver -> (date, race name)).

    Returns the ranking and how many drivers had no date of birth (left out).
    """
    aged: list[tuple[int, int, dt.date, str]] = []
    dob_of: dict[int, dt.date] = {}
    missing = 0
    for key, (day, race) in extremes.items():
        born = dobs.get(key)
        if born is None:
            missing += 1
            continue
        dob_of[key] = born
        aged.append(((day - born).days, key, day, race))
    aged.sort(key=lambda a: (-a[0] if oldest else a[0], names[a[1]][0]))
    rows: list[StatRow] = []
    rank = 0
    previous: int | None = None
    for index, (days, key, day, race) in enumerate(aged, start=1):
        if days != previous:
            rank, previous = index, days
        if rank > limit:
            break
        name, ref = names[key]
        rows.append(
            StatRow(
                rank=rank,
                name=name,
                ref=ref,
                age_days=days,
                age=age_text(dob_of[key], day),
                date=day,
                race=race,
                year=day.year,
            )
        )
    return rows, missing


def title_of(spec: StatSpec, *, who: str | None, team: str | None, circuit: str | None) -> str:
    """A short description of the statistic ("wins by Fernando Alonso at Monaco, 2004")."""
    metric = NOUNS[spec.metric][1]
    if spec.metric == "championship_position":
        metric = "championship positions"
        if spec.position is not None:
            metric = f"P{spec.position} in the championship"
        if spec.subject == "team":
            metric = "constructors' " + metric
    elif spec.metric == "titles" and spec.subject == "team":
        metric = "constructors' titles"
    if spec.metric == "starts" and spec.position is not None:
        metric = f"P{spec.position} finishes"
    parts = [metric]
    if who:
        parts.append(f"by {who}")
    if team:
        parts.append(f"with {team}" if spec.subject == "driver" else f"by {team}")
    if spec.nationality:
        parts.append(f"({spec.nationality} {'drivers' if spec.subject == 'driver' else 'teams'})")
    if spec.grid is not None:
        parts.append("from pole" if spec.grid == 1 else f"from grid {spec.grid}")
    if spec.position is not None and spec.metric not in (*SEASON_METRICS, "starts"):
        parts.append(f"finishing P{spec.position}")
    if circuit:
        parts.append(f"at {circuit}")
    parts.append(seasons_text(spec))
    return " ".join(p for p in parts if p)


def seasons_text(spec: StatSpec) -> str:
    """ "in 2004", "in 2010-2013", "since 2004", "up to 1990" or "all time"."""
    a, b = spec.year_from, spec.year_to
    if a is not None and a == b:
        return f"in {a}"
    if a is not None and b is not None:
        return f"in {a}-{b}"
    if a is not None:
        return f"since {a}"
    if b is not None:
        return f"up to {b}"
    return "all time"


def coverage_notes(spec: StatSpec) -> tuple[str, ...]:
    """What the archive does not hold for this statistic, said with the answer."""
    notes: list[str] = []
    if spec.metric == "fastest_laps" and (spec.year_from or 0) < FIRST_FASTEST_LAP_SEASON:
        notes.append(
            f"The archive records fastest laps from {FIRST_FASTEST_LAP_SEASON}; earlier "
            "seasons are not counted."
        )
    if spec.metric == "points" and (spec.year_from or 0) < 1991:
        notes.append(
            "Points are every point scored in races and sprints; the championships before "
            "1991 counted only each driver's best results."
        )
    return tuple(notes)


# --- resolving the names and finishing the answer (shared by every archive) ---------------


class Resolved(msgspec.Struct, frozen=True, kw_only=True):
    """The spec's names as archive ids, and what the storage filters on."""

    driver_id: int | None = None
    team_id: int | None = None
    circuit_id: int | None = None
    nationality_ids: frozenset[int] | None = None  # subjects of that nationality
    title: str


def resolve(spec: StatSpec, idx: ReferenceIndex) -> Resolved:
    """Resolve driver, team, circuit and nationality; raise the archive's lookup errors."""
    check(spec)
    year = spec.year_from if spec.year_from is not None and spec.year_from == spec.year_to else None
    driver = idx.driver(spec.driver, year=year) if spec.driver else None
    team = idx.team(spec.team, year=year) if spec.team else None
    circuit = idx.circuit(spec.circuit) if spec.circuit else None
    nat: frozenset[int] | None = None
    if spec.nationality:
        wanted = spec.nationality.strip().lower()
        pool: Iterable[ArchiveDriver | ArchiveTeam] = (
            idx.drivers.values() if spec.subject == "driver" else idx.teams.values()
        )
        nat = frozenset(x.id for x in pool if x.nationality.lower() == wanted)
        if not nat:
            raise UnprocessableRequestError(
                f"the archive has no {spec.nationality} {spec.subject}s"
            )
    return Resolved(
        driver_id=None if driver is None else driver.id,
        team_id=None if team is None else team.id,
        circuit_id=None if circuit is None else circuit.id,
        nationality_ids=nat,
        title=title_of(
            spec,
            who=None if driver is None else driver.name,
            team=None if team is None else team.name,
            circuit=None if circuit is None else circuit.name,
        ),
    )


def names_for(idx: ReferenceIndex, spec: StatSpec) -> dict[int, tuple[str, str]]:
    """Subject id -> (name, ref)."""
    if spec.subject == "driver" or spec.metric == "races":
        return {d.id: (d.name, d.ref) for d in idx.drivers.values()}
    return {x.id: (x.name, x.ref) for x in idx.teams.values()}


class Match(msgspec.Struct, frozen=True, gc=False):
    """One fact row that counted: whose, which race, and its position and points."""

    subject_id: int
    race_id: int
    position: int | None
    points: float


def finish(
    spec: StatSpec,
    resolved: Resolved,
    idx: ReferenceIndex,
    *,
    value: float | None = None,
    grouped: Mapping[int, float] | None = None,
    seasons: Mapping[int, float] | None = None,
    matches: Iterable[Match] = (),
    extremes: Mapping[int, dt.date] | None = None,
) -> StatAnswer:
    """The answer from what the storage computed for ``spec.aggregation``:

    ``value`` (count), ``grouped`` subject -> value over every subject in the filtered
    facts (most, fewest, count distinct), ``seasons`` year -> value (per season),
    ``matches`` (first, last: the rows at the extreme date; list: every row), ``extremes``
    driver -> earliest/latest date of a matching row (youngest, oldest).
    """
    agg = spec.aggregation
    names = names_for(idx, spec)
    notes = coverage_notes(spec)
    title = resolved.title
    if agg == "count":
        return StatAnswer(
            spec=spec, title=title, value=value or 0.0, answer=(), rows=(), notes=notes
        )
    if agg in ("most", "fewest", "count_distinct"):
        counts = dict(grouped or {})
        if agg == "count_distinct":
            rows = ranked(counts, names, fewest=False, limit=10**6, keep_zero=False)
            return StatAnswer(
                spec=spec,
                title=title,
                value=float(len(rows)),
                answer=tuple(rows),
                rows=tuple(rows),
                notes=notes,
            )
        fewest = agg == "fewest"
        rows = ranked(
            counts, names, fewest=fewest, limit=max(spec.limit, spec.rank), keep_zero=fewest
        )
        return StatAnswer(
            spec=spec,
            title=title,
            value=None,
            answer=at_rank(rows, spec.rank),
            rows=tuple(rows),
            notes=notes,
        )
    if agg == "per_season":
        rows = [StatRow(year=y, value=float(v)) for y, v in sorted((seasons or {}).items())]
        return StatAnswer(
            spec=spec,
            title=title,
            value=float(sum(r.value or 0 for r in rows)),
            answer=(),
            rows=tuple(rows),
            notes=notes,
        )
    if agg in ("youngest", "oldest"):
        races_on = {r.date: r.name for r in sorted(idx.races.values(), key=lambda r: r.id)}
        dobs = {d.id: d.dob for d in idx.drivers.values()}
        aged, missing = by_age(
            {k: (day, races_on.get(day, "")) for k, day in (extremes or {}).items()},
            dobs,
            names,
            oldest=agg == "oldest",
            limit=spec.limit,
        )
        if missing:
            notes += (f"{missing} drivers have no date of birth in the archive and are left out.",)
        return StatAnswer(
            spec=spec,
            title=title,
            value=None,
            answer=tuple(r for r in aged if r.rank == 1),
            rows=tuple(aged),
            notes=notes,
        )
    ordered = sorted(
        matches, key=lambda m: (idx.races[m.race_id].date, m.position or 10**6, m.subject_id)
    )
    rows = [_match_row(idx, names, spec, m) for m in ordered]
    answer = tuple(rows) if agg in ("first", "last") else ()
    return StatAnswer(
        spec=spec,
        title=title,
        value=float(len(rows)) if agg == "list" else None,
        answer=answer,
        rows=tuple(rows),
        notes=notes,
    )


def _match_row(
    idx: ReferenceIndex, names: Mapping[int, tuple[str, str]], spec: StatSpec, m: Match
) -> StatRow:
    race = idx.races[m.race_id]
    name, ref = names.get(m.subject_id, ("?", "?"))
    season = spec.metric in SEASON_METRICS
    return StatRow(
        name=name,
        ref=ref,
        value=m.points,
        position=m.position,
        year=race.year,
        race=None if season else race.name,
        date=None if season else race.date,
    )
