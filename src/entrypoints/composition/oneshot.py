"""Wiring for one-shot commands (the CLI): sessions and questions, the database on demand.

A CLI process runs one command and exits, so every import is paid on every command:
dependency-injector costs about 0.2 s here (it imports pydantic and yaml) and SQLAlchemy
about 0.5 s. This module imports neither. A session question is answered from the
snapshot store (or FastF1 the first time) without opening the database; the archive and
the history are reached through the full ``Container`` (``open_archive``), only when a
question asks the archive or a user's history must be written.

There is no answer cache here: recomputing a session answer from its snapshot takes a
few milliseconds, less than opening the database to look one up.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from adapters.fastf1 import FastF1SessionSource
from adapters.snapshot import MsgpackSnapshotStore
from entrypoints.composition.questions import (
    SESSION_DATA_VERSION,
    build_interpreter,
    build_phraser,
)
from entrypoints.settings import Settings
from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef
from f1core.ports.archive import HistoricalArchive
from f1core.ports.session_source import SessionSource
from f1core.usecases.ask import AnswerQuery, AskQuestion
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.load_session import SessionLoader
from f1core.usecases.run_analysis import RunAnalysis
from f1core.usecases.session_summary import ShowSession

Announce = Callable[[str], None]
"""Told what is about to be fetched from the source, e.g. to print a progress line."""


class DeferredArchive:
    """The historical archive, opened on its first query.

    Opening it means the database engine (and migrations) and, on an empty archive, the
    import of the configured dump: a session question must pay for none of that.
    """

    def __init__(self, open_archive: Callable[[], Awaitable[HistoricalArchive]]) -> None:
        self._open = open_archive
        self._archive: HistoricalArchive | None = None

    async def _opened(self) -> HistoricalArchive:
        if self._archive is None:
            self._archive = await self._open()
        return self._archive

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        if name.startswith("_"):
            raise AttributeError(name)

        async def query(*args: Any, **kwargs: Any) -> Any:
            method = getattr(await self._opened(), name)
            return await method(*args, **kwargs)

        return query


class AnnouncedSource:
    """A session source that says what it is about to fetch before each slow call."""

    def __init__(self, inner: FastF1SessionSource, announce: Announce) -> None:
        self._inner = inner
        self._announce = announce

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        self._announce(f"fetching the {year} calendar from FastF1 (first time only)")
        return await self._inner.events(year)

    async def load(self, ref: SessionRef) -> Session:
        self._announce(_loading(ref))
        return await self._inner.load(ref)

    async def load_without_weather(self, ref: SessionRef) -> Session:
        self._announce(_loading(ref))
        return await self._inner.load_without_weather(ref)

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        return await self._inner.known_sessions(year)


def _loading(ref: SessionRef) -> str:
    return (
        f"loading the {ref.year} {ref.event} {ref.kind.label} from FastF1 "
        "(first time only: a few seconds; later questions read the snapshot)"
    )


class OneShot:
    """What one CLI command needs, built on first use and shared for the process."""

    def __init__(
        self,
        settings: Settings,
        *,
        open_archive: Callable[[], Awaitable[HistoricalArchive]],
        announce: Announce | None = None,
    ) -> None:
        self._settings = settings
        self._open_archive = open_archive
        self._announce = announce
        self._source: FastF1SessionSource | None = None
        self._loader: SessionLoader | None = None

    @property
    def loader(self) -> SessionLoader:
        """The session loader: snapshots first, FastF1 (announced) when they lack one."""
        if self._loader is None:
            settings = self._settings
            self._source = FastF1SessionSource(
                settings.fastf1_cache_dir, settings.fastf1_replay_dir
            )
            source: SessionSource = self._source
            if self._announce is not None:
                source = AnnouncedSource(self._source, self._announce)
            self._loader = SessionLoader(
                source,
                MsgpackSnapshotStore(settings.data_dir),
                lru_size=settings.session_lru_size,
            )
        return self._loader

    def show_session(self) -> ShowSession:
        return ShowSession(self.loader)

    def run_analysis(self) -> RunAnalysis:
        return RunAnalysis(self.loader)

    def ask_question(self, record_question: RecordQuestion | None = None) -> AskQuestion:
        """The ask use case; it writes the history only when given ``record_question``."""
        archive = cast(HistoricalArchive, DeferredArchive(self._open_archive))
        answer_query = AnswerQuery(
            self.loader, archive, None, session_data_version=SESSION_DATA_VERSION
        )
        return AskQuestion(
            build_interpreter(self._settings),
            answer_query,
            record_question,
            build_phraser(self._settings),
        )

    def close(self) -> None:
        """Stop the FastF1 worker thread, if one was started."""
        if self._source is not None:
            self._source.close()
