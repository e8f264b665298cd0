"""What a live results feed (the Jolpica API, Ergast's successor) tells us about a round.

Entities are named by their Ergast refs (``max_verstappen``, ``red_bull``, ``silverstone``),
never by the archive's numeric ids: the writer maps refs onto ids and allocates new ones
for drivers, teams and circuits the archive has not seen. Values follow the archive's
conventions (see the feed adapter), so a round written from the feed reads like one
imported from a dump.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from f1core.errors import DataUnavailableError


class ArchiveFeedError(DataUnavailableError):
    """The feed could not be read (offline, refusing, answering garbage); nothing changed."""

    kind = "feed_unavailable"
    http_status = 503


class FeedCircuit(msgspec.Struct, frozen=True, kw_only=True):
    """A circuit (``ref`` is Ergast's circuitRef)."""

    ref: str
    name: str
    location: str | None = None
    country: str | None = None
    lat: float | None = None
    lng: float | None = None
    url: str | None = None


class FeedDriver(msgspec.Struct, frozen=True, kw_only=True):
    """A driver (``ref`` is Ergast's driverRef)."""

    ref: str
    forename: str
    surname: str
    number: int | None = None
    code: str | None = None
    dob: dt.date | None = None
    nationality: str | None = None
    url: str | None = None


class FeedConstructor(msgspec.Struct, frozen=True, kw_only=True):
    """A team (``ref`` is Ergast's constructorRef)."""

    ref: str
    name: str
    nationality: str | None = None
    url: str | None = None


class FeedRace(msgspec.Struct, frozen=True, kw_only=True):
    """One round of a season's calendar."""

    year: int
    round: int
    name: str
    date: dt.date
    circuit: FeedCircuit
    time: str | None = None  # "14:00:00", UTC
    url: str | None = None


class FeedResult(msgspec.Struct, frozen=True, kw_only=True):
    """One line of a race or sprint classification."""

    driver: FeedDriver
    constructor: FeedConstructor
    position_text: str
    position_order: int
    points: float
    status: str
    number: int | None = None
    grid: int | None = None
    position: int | None = None  # None when not classified (positionText R, D, W, ...)
    laps: int | None = None
    time: str | None = None
    milliseconds: int | None = None
    fastest_lap: int | None = None
    rank: int | None = None
    fastest_lap_time: str | None = None
    fastest_lap_speed: float | None = None


class FeedQualifying(msgspec.Struct, frozen=True, kw_only=True):
    """One line of a qualifying classification."""

    driver: FeedDriver
    constructor: FeedConstructor
    number: int | None = None
    position: int | None = None
    q1: str | None = None
    q2: str | None = None
    q3: str | None = None


class FeedPitStop(msgspec.Struct, frozen=True, kw_only=True):
    """One pit stop (``driver_ref`` raced in the round's results)."""

    driver_ref: str
    stop: int
    lap: int
    time: str | None = None
    duration: str | None = None
    milliseconds: int | None = None


class FeedStanding(msgspec.Struct, frozen=True, kw_only=True):
    """A championship line after a round; ``ref`` is a driverRef or a constructorRef."""

    ref: str
    points: float
    wins: int
    position: int | None = None
    position_text: str | None = None


class FeedRound(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the feed has about one round; an empty tuple means "not published"."""

    race: FeedRace
    results: tuple[FeedResult, ...] = ()
    sprint_results: tuple[FeedResult, ...] = ()
    qualifying: tuple[FeedQualifying, ...] = ()
    pit_stops: tuple[FeedPitStop, ...] = ()
    driver_standings: tuple[FeedStanding, ...] = ()
    constructor_standings: tuple[FeedStanding, ...] = ()

    @property
    def has_data(self) -> bool:
        """True when the feed published anything for this round."""
        return bool(
            self.results
            or self.sprint_results
            or self.qualifying
            or self.pit_stops
            or self.driver_standings
            or self.constructor_standings
        )


class ArchiveUpdate(msgspec.Struct, frozen=True, kw_only=True):
    """What an update changed: rows written per table, and the rounds it touched.

    ``import_id`` is the new data version, None when nothing changed (then nothing was
    written at all).
    """

    rounds: tuple[str, ...]  # "2025/19", ... the rounds whose rows changed
    row_counts: dict[str, int]
    duration_s: float
    import_id: int | None = None

    @property
    def changed(self) -> bool:
        """True when the update wrote anything."""
        return self.import_id is not None
