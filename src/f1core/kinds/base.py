"""What a question kind is: a query variant with the computation and prose that answer it.

``SessionQuestion`` answers from one timed session, ``ArchiveQuestion`` from the historical
archive. Both compose an answer from the result alone: the paragraph and the chart are pure
functions of the result and the query, so composing never reloads or recomputes anything.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, Protocol, TypeVar

import msgspec

from f1core.domain.session import Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.errors import InvalidRequestError
from f1core.kinds.cues import ALL_SESSIONS as ALL_SESSIONS  # re-exported for the kinds
from f1core.kinds.cues import Cue
from f1core.ports.archive import HistoricalArchive

Year = Annotated[int, msgspec.Meta(ge=1950, le=2100, description="Season, e.g. 2024")]
EventName = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=80,
        description="Event as people say it: 'Monza', 'Spanish GP', 'Baku', a country",
    ),
]
DriverCode = Annotated[
    str,
    msgspec.Meta(pattern="^[A-Z]{3}$", description="Three-letter driver code, e.g. VER"),
]
Person = Annotated[
    str,
    msgspec.Meta(
        min_length=2,
        max_length=60,
        description="A driver (surname, full name, code) or team name, as the user said it",
    ),
]
FuelCorrection = Annotated[
    float, msgspec.Meta(ge=0, le=0.2, description="Seconds per lap of fuel burn, e.g. 0.03")
]


class QueryBase(
    msgspec.Struct, frozen=True, kw_only=True, tag_field="type", forbid_unknown_fields=True
):
    """Base of every query variant; ``type`` is the tag on the wire (the kind's name)."""


class SessionQuery(QueryBase, frozen=True, kw_only=True):
    """A question about one timed session; ``drivers`` narrows it or steers the paragraph."""

    year: Year
    event: EventName
    session: SessionKind
    drivers: tuple[DriverCode, ...] = ()


Spec = dict[str, Any]
"""A Vega-Lite v5 chart spec with its data inline (``f1core.answers.charts``)."""

SESSION_SOURCE = "FastF1 live timing (recorded)"

ANSWER_FORMAT_VERSION = "18"
"""Bumped whenever paragraphs or charts change shape, so cached answers are recomputed."""

RACES = (SessionKind.SPRINT, SessionKind.RACE)
PRACTICE = (SessionKind.FP1, SessionKind.FP2, SessionKind.FP3)
NOT_RACES = (*PRACTICE, SessionKind.SPRINT_QUALIFYING, SessionKind.QUALIFYING)
NOT_PRACTICE = (SessionKind.SPRINT_QUALIFYING, SessionKind.QUALIFYING, *RACES)
QUALIFYING_SESSIONS = (SessionKind.SPRINT_QUALIFYING, SessionKind.QUALIFYING)
CLASSIFIED = (
    SessionKind.SPRINT_QUALIFYING,
    SessionKind.QUALIFYING,
    SessionKind.SPRINT,
    SessionKind.RACE,
)

KIND_NOUNS = {
    SessionKind.FP1: "a practice session",
    SessionKind.FP2: "a practice session",
    SessionKind.FP3: "a practice session",
    SessionKind.SPRINT_QUALIFYING: "a sprint qualifying session",
    SessionKind.QUALIFYING: "a qualifying session",
    SessionKind.SPRINT: "a sprint",
    SessionKind.RACE: "a race",
}


class SessionResult(Protocol):
    """What a session kind computes: a frozen struct naming its session, with a table."""

    @property
    def session(self) -> str:
        """The session's title ("2024 Spanish Grand Prix Qualifying")."""
        ...

    @property
    def excluded(self) -> tuple[ExcludedLap, ...]:
        """The laps left out, each with a short reason."""
        ...

    def table(self) -> Table:
        """Display-ready columns and rows."""
        ...


class ArchiveResult(Protocol):
    """What an archive kind computes: a struct with a table."""

    def table(self) -> Table:
        """Display-ready columns and rows."""
        ...


class ComposedAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """What composition produces; the use case wraps it into an ``Answer``."""

    text: str
    table: Table
    chart: dict[str, Any] | None
    excluded: tuple[ExcludedLap, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Option:
    """A keyword option a session kind accepts (a field of its query), and its type."""

    name: str
    type: type
    description: str


FUEL_OPTION = Option(
    "fuel_correction_s_per_lap",
    float,
    "seconds per lap of fuel still on board to subtract (e.g. 0.03)",
)

Q = TypeVar("Q", bound=SessionQuery)
R = TypeVar("R", bound=SessionResult)
AQ = TypeVar("AQ", bound=QueryBase)
AR = TypeVar("AR", bound=ArchiveResult)


def kind_name(query: type[QueryBase]) -> str:
    """The tag of a query variant, which is also its kind's name ("fastest-lap")."""
    tag = query.__struct_config__.tag
    assert isinstance(tag, str), f"{query.__name__} has no tag"
    return tag


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionQuestion(Generic[Q, R]):
    """A kind of question answered from one session.

    ``compute`` is pure over the session; ``paragraph`` and ``chart`` are pure over the
    result and the query (the query's drivers say whom the paragraph is about).
    ``needs`` completes "<title> needs ..." in the error for a session it does not apply to.
    """

    query: type[Q]
    title: str
    description: str
    compute: Callable[[Session, Q], R]
    paragraph: Callable[[R, Q], str]
    chart: Callable[[R, Q], Spec | None]
    takes_drivers: bool
    session_kinds: tuple[SessionKind, ...]
    needs: str
    options: tuple[Option, ...] = field(default=())
    cues: tuple[Cue, ...] = field(default=())
    # Whether ``compute`` reads ``session.weather``: only then is it loaded from the source.
    uses_weather: bool = False

    @property
    def name(self) -> str:
        """The kind's name in kebab-case, the tag of its query ("fastest-lap")."""
        return kind_name(self.query)

    def applies_to(self, kind: SessionKind) -> bool:
        """True when the kind makes sense for this kind of session."""
        return kind in self.session_kinds

    def answer(self, session: Session, query: Q) -> R:
        """The result for ``query`` on ``session``, after checking the question fits it.

        Raises ``InvalidRequestError`` for a session kind it does not apply to and
        ``UnknownDriverError`` for a driver not in the session. Drivers given to a kind
        that covers everyone only steer the paragraph, so they are checked and kept.
        """
        self._check_session(session)
        codes = tuple(session.driver(code.strip().upper()).code for code in query.drivers)
        if codes != query.drivers:
            query = msgspec.structs.replace(query, drivers=codes)
        return self.compute(session, query)

    def _check_session(self, session: Session) -> None:
        kind = session.ref.kind
        if not self.applies_to(kind):
            raise InvalidRequestError(
                f"{self.title.lower()} needs {self.needs}; {session.title} is {KIND_NOUNS[kind]}"
            )

    def compose(self, result: R, query: Q) -> ComposedAnswer:
        """Paragraph, table, chart, excluded laps and source for ``result``."""
        return ComposedAnswer(
            text=self.paragraph(result, query),
            table=result.table(),
            chart=self.chart(result, query),
            excluded=tuple(result.excluded),
            source=SESSION_SOURCE,
        )

    def query_for(
        self, session: Session, drivers: Sequence[str] | None, options: Mapping[str, Any]
    ) -> Q:
        """The query that asks this kind about ``session`` (the ``f1 analyze`` door).

        Raises ``InvalidRequestError`` for a session kind it does not apply to, drivers
        given to a kind that compares everyone and an unknown or malformed option (options
        set to None count as not given); ``UnknownDriverError`` for a driver not in the
        session.
        """
        self._check_session(session)
        codes = tuple(session.driver(code.strip().upper()).code for code in drivers or ())
        if codes and not self.takes_drivers:
            raise InvalidRequestError(
                f"{self.name} covers every driver and takes no driver codes; run it without drivers"
            )
        known = {option.name: option for option in self.options}
        converted: dict[str, Any] = {}
        for key, value in options.items():
            if value is None:
                continue
            option = known.get(key)
            if option is None:
                accepted = ", ".join(known) if known else "none"
                raise InvalidRequestError(
                    f"{self.name} has no option {key!r} (options: {accepted})"
                )
            try:
                converted[key] = msgspec.convert(value, option.type, strict=False)
            except msgspec.ValidationError:
                raise InvalidRequestError(
                    f"{self.name} option {key} must be a {option.type.__name__}, got {value!r}"
                ) from None
        ref = session.ref
        return self.query(
            year=ref.year,
            event=ref.event,
            session=ref.kind,
            drivers=codes,
            **converted,
        )


def archive_source(checksum: str) -> str:
    """The data source line of an archive answer: which import it came from."""
    return f"Ergast archive, import {checksum[:12]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveQuestion(Generic[AQ, AR]):
    """A kind of question answered from the historical archive (1950 on)."""

    query: type[AQ]
    description: str
    compute: Callable[[HistoricalArchive, AQ], Awaitable[AR]]
    paragraph: Callable[[AR, AQ], str]
    chart: Callable[[AR, AQ], Spec | None]

    @property
    def name(self) -> str:
        """The kind's name in kebab-case, the tag of its query ("race-winner")."""
        return kind_name(self.query)

    def compose(self, result: AR, query: AQ, checksum: str) -> ComposedAnswer:
        """Paragraph, table, chart and source for ``result``."""
        return ComposedAnswer(
            text=self.paragraph(result, query),
            table=result.table(),
            chart=self.chart(result, query),
            excluded=(),
            source=archive_source(checksum),
        )
