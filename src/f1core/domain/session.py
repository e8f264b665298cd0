"""Session-level domain types: what one timed F1 session is made of.

Every time is an integer number of milliseconds (``*_ms``) so that comparisons are exact
and snapshots stay compact; ``f1core.domain.timefmt`` turns them into ``M:SS.mmm``.
The structs are frozen, array-like (positional on the wire) and opt out of the cyclic
garbage collector: a session holds thousands of laps and none of them has cycles.
"""

from __future__ import annotations

import enum
import re

import msgspec

from f1core.errors import InvalidRequestError


class SessionKind(enum.StrEnum):
    """The kinds of session a Grand Prix weekend holds."""

    FP1 = "FP1"
    FP2 = "FP2"
    FP3 = "FP3"
    SPRINT_QUALIFYING = "SQ"
    SPRINT = "S"
    QUALIFYING = "Q"
    RACE = "R"

    @property
    def label(self) -> str:
        """The name people read: ``Practice 1``, ``Qualifying``, ``Race``."""
        return _LABELS[self]

    @property
    def is_race_like(self) -> bool:
        """True for sessions run from a grid to a flag (race and sprint)."""
        return self in (SessionKind.RACE, SessionKind.SPRINT)

    @property
    def is_qualifying_like(self) -> bool:
        """True for sessions that set a grid (qualifying and sprint qualifying)."""
        return self in (SessionKind.QUALIFYING, SessionKind.SPRINT_QUALIFYING)

    @property
    def is_practice(self) -> bool:
        """True for free practice sessions."""
        return self in (SessionKind.FP1, SessionKind.FP2, SessionKind.FP3)

    @classmethod
    def parse(cls, text: str) -> SessionKind:
        """Read a session kind as people write it ("quali", "FP2", "sprint shootout", "GP").

        Raises ``InvalidRequestError`` naming the accepted forms when nothing matches.
        """
        key = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
        kind = _SESSION_ALIASES.get(key)
        if kind is None:
            raise InvalidRequestError(
                f"unknown session {text!r}: use FP1, FP2, FP3, Q, SQ, Sprint or Race"
            )
        return kind


_LABELS = {
    SessionKind.FP1: "Practice 1",
    SessionKind.FP2: "Practice 2",
    SessionKind.FP3: "Practice 3",
    SessionKind.SPRINT_QUALIFYING: "Sprint Qualifying",
    SessionKind.SPRINT: "Sprint",
    SessionKind.QUALIFYING: "Qualifying",
    SessionKind.RACE: "Race",
}

_SESSION_ALIASES: dict[str, SessionKind] = {}
for _kind, _names in {
    SessionKind.FP1: ["fp1", "p1", "practice 1", "free practice 1", "first practice", "fp 1"],
    SessionKind.FP2: ["fp2", "p2", "practice 2", "free practice 2", "second practice", "fp 2"],
    SessionKind.FP3: ["fp3", "p3", "practice 3", "free practice 3", "third practice", "fp 3"],
    SessionKind.SPRINT_QUALIFYING: [
        "sq",
        "ss",
        "sprint qualifying",
        "sprint quali",
        "sprint shootout",
        "sprint shoot out",
    ],
    SessionKind.SPRINT: ["s", "sprint", "sprint race"],
    SessionKind.QUALIFYING: ["q", "quali", "qualifying", "qualy", "qualification"],
    SessionKind.RACE: ["r", "race", "gp", "grand prix", "main race"],
}.items():
    for _name in _names:
        _SESSION_ALIASES[_name] = _kind


class SessionRef(msgspec.Struct, frozen=True, gc=False):
    """One session, named by season, the event's official name and the session kind."""

    year: int
    event: str
    kind: SessionKind

    def __str__(self) -> str:
        return f"{self.year} {self.event} {self.kind.label}"


class EventInfo(msgspec.Struct, frozen=True, gc=False):
    """One event of a season's calendar and the sessions it held."""

    year: int
    round: int
    name: str
    country: str
    location: str
    date: str  # ISO 8601 date of the main race
    sessions: tuple[SessionKind, ...]
    official_name: str = ""

    def session_label(self, kind: SessionKind) -> str:
        """The session's name in this event ("Sprint Shootout" in 2023)."""
        if kind is SessionKind.SPRINT_QUALIFYING and self.year == 2023:
            return "Sprint Shootout"
        return kind.label


class Driver(msgspec.Struct, frozen=True, gc=False):
    """A driver as entered in one session."""

    code: str
    number: str
    full_name: str
    team: str
    team_color: str = ""


class Lap(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """One timed lap. Session times (``*_at_ms``) count from the session's start."""

    driver: str
    number: int
    time_ms: int | None
    sector1_ms: int | None
    sector2_ms: int | None
    sector3_ms: int | None
    compound: str | None
    tyre_life: int | None
    stint: int | None
    pit_in_at_ms: int | None
    pit_out_at_ms: int | None
    position: int | None
    track_status: str
    accurate: bool
    deleted: bool
    deleted_reason: str
    speed_i1: float | None
    speed_i2: float | None
    speed_fl: float | None
    speed_st: float | None
    start_at_ms: int | None
    end_at_ms: int | None

    @property
    def pit_in(self) -> bool:
        """The driver entered the pit lane at the end of this lap."""
        return self.pit_in_at_ms is not None

    @property
    def pit_out(self) -> bool:
        """The driver left the pit lane at the start of this lap."""
        return self.pit_out_at_ms is not None


class ClassificationRow(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """One line of a session's official classification."""

    position: int | None
    classified: str  # "1".."20", or R (retired), D (disqualified), E, W, F, N
    driver: str
    number: str
    full_name: str
    team: str
    grid: int | None
    status: str
    points: float | None
    q1_ms: int | None
    q2_ms: int | None
    q3_ms: int | None
    time_ms: int | None  # winner: total race time; others: gap to the winner
    laps: int | None


class WeatherSample(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """One weather reading (about one a minute)."""

    at_ms: int
    air_temp: float
    track_temp: float
    humidity: float
    pressure: float
    rainfall: bool
    wind_speed: float
    wind_direction: int


class RaceControlMessage(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """One message from race control (flags, penalties, deleted laps...)."""

    time: str  # ISO 8601 UTC
    lap: int | None
    category: str
    message: str
    flag: str | None
    scope: str | None
    driver_number: str | None


class Session(msgspec.Struct, frozen=True, gc=False):
    """Everything the analyses need about one session."""

    ref: SessionRef
    event: EventInfo
    drivers: tuple[Driver, ...]
    laps: tuple[Lap, ...]
    results: tuple[ClassificationRow, ...]
    weather: tuple[WeatherSample, ...]
    messages: tuple[RaceControlMessage, ...]
    source: str
    total_laps: int | None = None
    # False when the source was asked for no weather (a question that does not use it);
    # a question that does fills it in (``SessionLoader.load(..., weather=True)``).
    weather_loaded: bool = True

    @property
    def title(self) -> str:
        """The session named in full: "2024 Spanish Grand Prix Qualifying"."""
        return f"{self.ref.year} {self.event.name} {self.event.session_label(self.ref.kind)}"

    def driver(self, code: str) -> Driver:
        """The driver with this three-letter code (raises ``UnknownDriverError``)."""
        from f1core.errors import UnknownDriverError

        for d in self.drivers:
            if d.code == code:
                return d
        raise UnknownDriverError(code, self.title, tuple(d.code for d in self.drivers))

    def laps_of(self, code: str) -> tuple[Lap, ...]:
        """The laps of one driver, in lap order."""
        return tuple(lap for lap in self.laps if lap.driver == code)
