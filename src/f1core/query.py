"""The typed query language: one tagged union of every question the system can answer.

Each variant names its session (year, event, session kind) or season and its drivers or
teams explicitly, so a query is complete on its own: the CLI's ``--json``, the HTTP API
and the LLM tool definition all use ``QUERY_JSON_SCHEMA``, generated from these structs.
Session variants map one to one onto the analysis catalog (``analysis`` names the entry);
archive variants map onto ``HistoricalArchive`` methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, cast

import msgspec

from f1core.domain.session import SessionKind
from f1core.kinds.base import (
    EventName,
    Person,
    QueryBase,
    SessionQuery,
    Year,
    kind_name,
)
from f1core.kinds.best_laps import BestLapsQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.degradation import DegradationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.gaps import GapsQuery
from f1core.kinds.grid_vs_finish import GridVsFinishQuery
from f1core.kinds.long_runs import LongRunsQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.positions import PositionsQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.sectors import SectorsQuery
from f1core.kinds.speed_traps import SpeedTrapsQuery
from f1core.kinds.strategy import StrategyQuery
from f1core.kinds.teammates import TeammatesQuery
from f1core.kinds.theoretical_best import TheoreticalBestQuery
from f1core.kinds.weather import WeatherQuery

# --- Archive questions (the historical archive, 1950 on) ---


class RaceWinner(QueryBase, frozen=True, kw_only=True, tag="race-winner"):
    """Who won a Grand Prix."""

    year: Year
    event: EventName


class Podium(QueryBase, frozen=True, kw_only=True, tag="podium"):
    """The top three of a Grand Prix."""

    year: Year
    event: EventName


class ChampionshipStandings(QueryBase, frozen=True, kw_only=True, tag="standings"):
    """A championship table, final or after a round."""

    year: Year
    championship: Literal["drivers", "constructors"] = "drivers"
    after_round: Annotated[int, msgspec.Meta(ge=1, le=30)] | None = None


class Champion(QueryBase, frozen=True, kw_only=True, tag="champion"):
    """Who won (or was runner-up in) a season's championship."""

    year: Year
    championship: Literal["drivers", "constructors"] = "drivers"
    runner_up: bool = False


class CareerStat(QueryBase, frozen=True, kw_only=True, tag="career-stat"):
    """How many wins, poles, podiums or points a driver or team has, in a season or career."""

    subject: Person
    subject_kind: Literal["driver", "team"] = "driver"
    stat: Literal["wins", "poles", "podiums", "points", "entries"]
    year: Year | None = None


class MostWins(QueryBase, frozen=True, kw_only=True, tag="most-wins"):
    """Who has the most wins, in a season or all time."""

    subject_kind: Literal["driver", "team"] = "driver"
    year: Year | None = None


class WinsAtCircuit(QueryBase, frozen=True, kw_only=True, tag="wins-at-circuit"):
    """The most wins at a circuit, or one driver's wins there."""

    circuit: EventName
    driver: Person | None = None


class SeasonHeadToHead(QueryBase, frozen=True, kw_only=True, tag="season-head-to-head"):
    """Two drivers compared over a season: race and qualifying head-to-head."""

    year: Year
    driver_a: Person
    driver_b: Person


Query = (
    ClassificationQuery
    | FastestLapQuery
    | BestLapsQuery
    | TheoreticalBestQuery
    | SectorsQuery
    | SpeedTrapsQuery
    | RacePaceQuery
    | StrategyQuery
    | DegradationQuery
    | PositionsQuery
    | GridVsFinishQuery
    | GapsQuery
    | TeammatesQuery
    | LongRunsQuery
    | PitStopsQuery
    | WeatherQuery
    | RaceWinner
    | Podium
    | ChampionshipStandings
    | Champion
    | CareerStat
    | MostWins
    | WinsAtCircuit
    | SeasonHeadToHead
)

SESSION_QUERIES: tuple[type[SessionQuery], ...] = (
    ClassificationQuery,
    FastestLapQuery,
    BestLapsQuery,
    TheoreticalBestQuery,
    SectorsQuery,
    SpeedTrapsQuery,
    RacePaceQuery,
    StrategyQuery,
    DegradationQuery,
    PositionsQuery,
    GridVsFinishQuery,
    GapsQuery,
    TeammatesQuery,
    LongRunsQuery,
    PitStopsQuery,
    WeatherQuery,
)


class QueryEnvelope(msgspec.Struct, frozen=True):
    """A query wrapped in an object, the shape tools and APIs exchange: ``{"query": {...}}``."""

    query: Query


QUERY_JSON_SCHEMA: dict[str, object] = msgspec.json.schema(QueryEnvelope)

_DECODER: msgspec.json.Decoder[Query] = msgspec.json.Decoder(Query)


def decode_query(data: bytes | str) -> Query:
    """Parse and validate a query from JSON; raises ``InvalidRequestError`` naming the field."""
    from f1core.errors import InvalidRequestError

    try:
        query: Query = _DECODER.decode(data)
    except msgspec.ValidationError as exc:
        raise InvalidRequestError(f"invalid query: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise InvalidRequestError(f"invalid query JSON: {exc}") from exc
    return query


def encode_query(query: Query) -> bytes:
    """The canonical JSON of a query (stable field order; the answer-cache key uses it)."""
    return msgspec.json.encode(query)


class Refusal(msgspec.Struct, frozen=True, kw_only=True):
    """An interpreter's "no": why, in words the user can act on, and what it would need."""

    reason: str
    kind: Literal["ambiguous", "off_topic", "future", "unknown_name", "unsupported"] = "unsupported"
    suggestions: tuple[str, ...] = ()


Interpretation = Query | Refusal


# Typed as building a ``Query``: every SessionQuery subclass listed is a member of the union.
_SESSION_QUERY_BY_ANALYSIS: dict[str, Callable[..., Query]] = {
    kind_name(q): cast("Callable[..., Query]", q) for q in SESSION_QUERIES
}


def session_query(
    analysis: str, year: int, event: str, session: SessionKind, drivers: tuple[str, ...] = ()
) -> Query:
    """The query variant that runs ``analysis`` (a catalog name) on one session.

    Raises ``InvalidRequestError`` listing the analyses for an unknown name.
    """
    from f1core.errors import InvalidRequestError

    variant = _SESSION_QUERY_BY_ANALYSIS.get(analysis)
    if variant is None:
        names = ", ".join(_SESSION_QUERY_BY_ANALYSIS)
        raise InvalidRequestError(f"unknown analysis {analysis!r}; one of: {names}")
    return variant(year=year, event=event, session=session, drivers=drivers)
