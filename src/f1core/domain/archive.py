"""Historical archive types: what the Ergast-format archive answers, and what it is made of.

Results carry display-ready fields (names, not ids) and ``source`` so any driver can show
where an answer came from; each has ``table()`` for the CLI, notebook and web. Points are
floats because the 1950s shared drives scored halves and quarters.

The ``Archive*`` records (drivers, teams, circuits, races) are the reference data name
resolution works on; every archive implementation builds a ``ReferenceIndex``
(``f1core.domain.archive_names``) from them so that "senna" means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

from f1core.domain.table import Table
from f1core.errors import InvalidRequestError

ARCHIVE_SOURCE = "Ergast archive"

StandingsKind = Literal["drivers", "constructors"]
SubjectKind = Literal["driver", "team"]


class ArchiveImportError(InvalidRequestError):
    """An Ergast dump could not be imported (missing file or column, unreadable value).

    The previous archive is left as it was; the message names the file and what is wrong.
    """

    kind = "import_failed"
    http_status = 400


# --- reference records -------------------------------------------------------------------


class ArchiveDriver(msgspec.Struct, frozen=True, gc=False):
    """A driver as the archive knows them (``ref`` is Ergast's driverRef)."""

    id: int
    ref: str
    code: str | None
    forename: str
    surname: str
    nationality: str
    dob: dt.date | None = None

    @property
    def name(self) -> str:
        """Full name as people write it."""
        return f"{self.forename} {self.surname}"


class ArchiveTeam(msgspec.Struct, frozen=True, gc=False):
    """A constructor (``ref`` is Ergast's constructorRef)."""

    id: int
    ref: str
    name: str
    nationality: str


class ArchiveCircuit(msgspec.Struct, frozen=True, gc=False):
    """A circuit with the place names people use for it."""

    id: int
    ref: str
    name: str
    location: str
    country: str


class ArchiveRace(msgspec.Struct, frozen=True, gc=False):
    """One championship round (a Grand Prix), whether or not it has been run yet."""

    id: int
    year: int
    round: int
    circuit_id: int
    name: str
    date: dt.date


# --- import --------------------------------------------------------------------------------


class ArchiveImport(msgspec.Struct, frozen=True, kw_only=True):
    """One completed import: the data version answers are cached against."""

    id: int
    source_dir: str
    checksum: str
    imported_at: dt.datetime
    row_counts: dict[str, int]
    duration_s: float

    def table(self) -> Table:
        """Row counts per table, with the checksum and time as a header row."""
        rows: list[tuple[str, int | str]] = [
            ("checksum", self.checksum[:16]),
            ("imported at", self.imported_at.isoformat(timespec="seconds")),
        ]
        rows.extend(sorted(self.row_counts.items()))
        return Table(columns=("table", "rows"), rows=tuple(rows))


# --- answers --------------------------------------------------------------------------------


class RaceSummary(msgspec.Struct, frozen=True, kw_only=True):
    """Which race an answer is about."""

    year: int
    round: int
    name: str
    circuit: str
    location: str
    country: str
    date: dt.date


class RaceEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One classified (or not) car in a race result."""

    position: int | None
    position_text: str
    driver: str
    driver_ref: str
    code: str | None
    team: str
    grid: int | None
    laps: int | None
    time: str | None
    status: str
    points: float


class RaceResult(msgspec.Struct, frozen=True, kw_only=True):
    """The top of a race's classification (winner first)."""

    race: RaceSummary
    entries: tuple[RaceEntry, ...]
    source: str = ARCHIVE_SOURCE

    @property
    def winner(self) -> RaceEntry:
        """The race winner."""
        return self.entries[0]

    @property
    def podium(self) -> tuple[RaceEntry, ...]:
        """The first three classified."""
        return self.entries[:3]

    def table(self) -> Table:
        """Position, driver, team, time or status, points."""
        return Table(
            columns=("pos", "driver", "team", "grid", "laps", "time/status", "points"),
            rows=tuple(
                (e.position_text, e.driver, e.team, e.grid, e.laps, e.time or e.status, e.points)
                for e in self.entries
            ),
        )


class StandingRow(msgspec.Struct, frozen=True, kw_only=True):
    """One line of a championship table. ``teams`` lists a driver's cars that season."""

    position: int
    position_text: str
    name: str
    ref: str
    code: str | None
    teams: tuple[str, ...]
    points: float
    wins: int


class Standings(msgspec.Struct, frozen=True, kw_only=True):
    """A championship table after a given round (``final`` when it was the last round)."""

    year: int
    kind: StandingsKind
    after_round: int
    round_name: str
    final: bool
    rows: tuple[StandingRow, ...]
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """Position, name, team(s), points, wins."""
        if self.kind == "drivers":
            return Table(
                columns=("pos", "driver", "team", "points", "wins"),
                rows=tuple(
                    (r.position_text, r.name, ", ".join(r.teams), r.points, r.wins)
                    for r in self.rows
                ),
            )
        return Table(
            columns=("pos", "constructor", "points", "wins"),
            rows=tuple((r.position_text, r.name, r.points, r.wins) for r in self.rows),
        )


class SeasonChampions(msgspec.Struct, frozen=True, kw_only=True):
    """Champion and runner-up of both championships (constructors' only from 1958).

    ``complete`` is False for a season still running: the "champion" is then the leader.
    """

    year: int
    complete: bool
    after_round: int
    champion: StandingRow
    runner_up: StandingRow | None
    constructors_champion: StandingRow | None
    constructors_runner_up: StandingRow | None
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row per title: champion, runner-up, and their points."""

        def cells(row: StandingRow | None) -> tuple[str | None, float | None]:
            return (None, None) if row is None else (row.name, row.points)

        rows = [("drivers", *cells(self.champion), *cells(self.runner_up))]
        if self.constructors_champion is not None:
            rows.append(
                (
                    "constructors",
                    *cells(self.constructors_champion),
                    *cells(self.constructors_runner_up),
                )
            )
        return Table(
            columns=("title", "champion", "points", "runner-up", "points"),
            rows=tuple(rows),
        )


class Tally(msgspec.Struct, frozen=True, kw_only=True):
    """Wins, poles, podiums and points of a driver or team, in one season or a career.

    ``poles`` counts races started from pole (grid 1), the one definition that holds for
    every era; ``points`` are championship points as counted in the standings (sprints
    included, dropped scores of the old rules left out).
    """

    kind: SubjectKind
    name: str
    ref: str
    year: int | None
    entries: int
    wins: int
    poles: int
    podiums: int
    points: float
    championship_position: int | None
    titles: int
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row with every count."""
        return Table(
            columns=("name", "season", "entries", "wins", "poles", "podiums", "points", "titles"),
            rows=(
                (
                    self.name,
                    "career" if self.year is None else str(self.year),
                    self.entries,
                    self.wins,
                    self.poles,
                    self.podiums,
                    self.points,
                    self.titles,
                ),
            ),
        )


class LeaderRow(msgspec.Struct, frozen=True, kw_only=True):
    """One line of a ranking (ties share a rank)."""

    rank: int
    name: str
    ref: str
    count: int


class Leaderboard(msgspec.Struct, frozen=True, kw_only=True):
    """A ranking by wins: in a season, all time, or at one circuit."""

    title: str
    kind: SubjectKind
    year: int | None
    circuit: str | None
    rows: tuple[LeaderRow, ...]
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """Rank, name, wins."""
        label = "driver" if self.kind == "driver" else "constructor"
        return Table(
            columns=("rank", label, "wins"),
            rows=tuple((r.rank, r.name, r.count) for r in self.rows),
        )


class HeadToHead(msgspec.Struct, frozen=True, kw_only=True):
    """Two drivers in one season: who finished ahead, who out-qualified whom.

    ``races`` counts races both started, compared by classification order (a retirement
    counts as behind); ``both_finished`` only races where both were classified.
    Qualifying uses the qualifying results where the archive has them (1994 on) and the
    starting grid before that.
    """

    year: int
    driver_a: str
    driver_b: str
    races: int
    race_ahead_a: int
    race_ahead_b: int
    both_finished: int
    finished_ahead_a: int
    finished_ahead_b: int
    qualifying: int
    quali_ahead_a: int
    quali_ahead_b: int
    points_a: float
    points_b: float
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row per comparison, a column per driver."""
        return Table(
            columns=("measure", self.driver_a, self.driver_b, "of"),
            rows=(
                ("ahead at the flag", self.race_ahead_a, self.race_ahead_b, self.races),
                (
                    "ahead, both classified",
                    self.finished_ahead_a,
                    self.finished_ahead_b,
                    self.both_finished,
                ),
                ("ahead in qualifying", self.quali_ahead_a, self.quali_ahead_b, self.qualifying),
                ("points", self.points_a, self.points_b, None),
            ),
        )
