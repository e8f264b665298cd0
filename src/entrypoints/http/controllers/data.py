"""/api/v1 data: seasons, events, sessions, a session's summary, archive lookups."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromQuery, Parameter, SkipValidation

from entrypoints.http.caching import DATA_CACHE_CONTROL, with_etag
from entrypoints.http.schemas import BEARER, Seasons
from f1core.coverage import FIRST_ARCHIVE_SEASON, FIRST_TIMED_SEASON
from f1core.domain.accounts import UserProfile
from f1core.domain.answer import Answer
from f1core.domain.archive import ArchiveImport, RaceResult, SeasonChampions, Standings
from f1core.domain.session import EventInfo, SessionKind
from f1core.errors import DataUnavailableError, InvalidRequestError, SessionNotFoundError
from f1core.kinds.registry import SESSION_QUESTION_BY_NAME
from f1core.ports.archive import HistoricalArchive
from f1core.usecases.ask import AnswerQuery
from f1core.usecases.load_session import EventAvailability, SessionLoader
from f1core.usecases.session_summary import SessionSummary, ShowSession

TimingYear = Annotated[int, Parameter(ge=FIRST_TIMED_SEASON, le=2100)]
ArchiveYear = Annotated[int, Parameter(ge=FIRST_ARCHIVE_SEASON, le=2100)]
Name = Annotated[str, Parameter(min_length=1, max_length=80)]
# A Protocol cannot be isinstance-checked; the container is trusted to hand the right thing.
Archive = SkipValidation[HistoricalArchive]


class DataController(Controller):
    path = "/api/v1"
    tags = ("data",)
    security = BEARER
    # answers that depend only on the data: revalidated, with a strong ETag (caching.py)
    cache_control = DATA_CACHE_CONTROL
    after_request = staticmethod(with_etag)

    @get("/seasons")
    async def seasons(self, viewer: NamedDependency[UserProfile]) -> Seasons:
        """Seasons with timing data (sessions) and where the results archive starts."""
        return Seasons(
            timing=list(range(FIRST_TIMED_SEASON, dt.date.today().year + 1)),
            archive_first=FIRST_ARCHIVE_SEASON,
            note=f"Timing data exists from {FIRST_TIMED_SEASON}; "
            f"race results from {FIRST_ARCHIVE_SEASON} (archive).",
        )

    @get("/seasons/{year:int}/events")
    async def events(
        self,
        year: TimingYear,
        viewer: NamedDependency[UserProfile],
        loader: NamedDependency[SessionLoader],
    ) -> list[EventInfo]:
        """The season's calendar with the sessions each event held."""
        return list(await loader.events(year))

    @get("/seasons/{year:int}/sessions")
    async def available(
        self,
        year: TimingYear,
        viewer: NamedDependency[UserProfile],
        loader: NamedDependency[SessionLoader],
    ) -> list[EventAvailability]:
        """Each event and which of its sessions load instantly (cached snapshot)."""
        return await loader.available(year)

    @get("/sessions/{year:int}/{event:str}/{session:str}")
    async def session_summary(
        self,
        year: TimingYear,
        event: Name,
        session: Annotated[str, Parameter(min_length=1, max_length=40)],
        viewer: NamedDependency[UserProfile],
        show_session: NamedDependency[ShowSession],
    ) -> SessionSummary:
        """A session at a glance: drivers, laps, classification (e.g. 2024/Spanish GP/Q)."""
        _session_kind(session)
        return await show_session.execute(year, event, session)

    @get("/sessions/{year:int}/{event:str}/{session:str}/analyses/{analysis:str}")
    async def session_analysis(
        self,
        year: TimingYear,
        event: Name,
        session: Annotated[str, Parameter(min_length=1, max_length=40)],
        analysis: Annotated[str, Parameter(min_length=1, max_length=40)],
        viewer: NamedDependency[UserProfile],
        answer_query: NamedDependency[AnswerQuery],
    ) -> Answer:
        """One analysis of a session as an Answer (e.g. 2024/Spanish GP/Q/analyses/best-laps).

        The read-only way to browse; typed queries with options stay on ``POST /query``.
        """
        kind = SESSION_QUESTION_BY_NAME.get(analysis)
        if kind is None:
            names = ", ".join(SESSION_QUESTION_BY_NAME)
            raise SessionNotFoundError(f"unknown analysis {analysis!r}; one of: {names}")
        query = kind.query(year=year, event=event, session=_session_kind(session))
        return await answer_query.execute(query)

    @get("/archive/{year:int}/races/{event:str}")
    async def race(
        self,
        year: ArchiveYear,
        event: Name,
        viewer: NamedDependency[UserProfile],
        archive: NamedDependency[Archive],
        top: Annotated[int, Parameter(ge=1, le=30)] = 3,
    ) -> RaceResult:
        """The top of a race's result from the archive (event: name, place or round)."""
        return await archive.race_result(year, event, top=top)

    @get("/archive/{year:int}/standings")
    async def standings(
        self,
        year: ArchiveYear,
        viewer: NamedDependency[UserProfile],
        archive: NamedDependency[Archive],
        after_round: Annotated[int | None, Parameter(ge=1, le=30)] = None,
        constructors: FromQuery[bool] = False,
    ) -> Standings:
        """Championship standings, final or after a round."""
        return await archive.standings(year, after_round=after_round, constructors=constructors)

    @get("/archive/{year:int}/champions")
    async def champions(
        self,
        year: ArchiveYear,
        viewer: NamedDependency[UserProfile],
        archive: NamedDependency[Archive],
    ) -> SeasonChampions:
        """Champion and runner-up, drivers and constructors."""
        return await archive.champions(year)

    @get("/archive/version")
    async def archive_version(
        self, viewer: NamedDependency[UserProfile], archive: NamedDependency[Archive]
    ) -> ArchiveImport:
        """The archive import answers are keyed on."""
        version = await archive.data_version()
        if version is None:
            raise DataUnavailableError(
                "The archive is empty; an operator imports it with `f1 archive import DIR`."
            )
        return version


def _session_kind(session: str) -> SessionKind:
    # A path segment that names no session is a missing resource (404), not a malformed
    # request: the path matched the schema (any short string).
    try:
        return SessionKind.parse(session)
    except InvalidRequestError as exc:
        raise SessionNotFoundError(exc.message) from exc
