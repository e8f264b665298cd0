"""A failing session data source becomes a clear 502, never a 500 with a stack trace.

Adapters promise to raise only ``F1Error`` (the FastF1 adapter turns FastF1's failures into
``DataUnavailableError``, a 503). Anything else escaping the port is the source breaking in
a way nobody foresaw: the service answers 502 with what failed and logs the traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TypeVar

from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef
from f1core.errors import F1Error
from f1core.ports.session_source import SessionSource

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Seconds a client should wait before asking again: a broken upstream rarely heals faster.
RETRY_AFTER_S = 30


class DataSourceFailedError(F1Error):
    """The session data source failed unexpectedly (HTTP 502, with ``Retry-After``)."""

    kind = "data_source_failed"
    http_status = 502

    def __init__(self, message: str, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class GuardedSessionSource:
    """A ``SessionSource`` that lets ``F1Error`` through and turns anything else into
    ``DataSourceFailedError``."""

    def __init__(self, inner: SessionSource) -> None:
        self._inner = inner

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        return await _guarded(f"the {year} calendar", self._inner.events(year))

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        return await _guarded(f"the {year} session index", self._inner.known_sessions(year))

    async def load(self, ref: SessionRef) -> Session:
        return await _guarded(f"the {ref.year} {ref.event} {ref.kind.label}", self._inner.load(ref))


async def _guarded(what: str, work: Awaitable[T]) -> T:
    try:
        return await work
    except F1Error:
        raise
    except Exception as exc:
        raise _failed(what, exc) from exc


def _failed(what: str, exc: Exception) -> DataSourceFailedError:
    logger.error("session source failed loading %s", what, exc_info=exc)
    return DataSourceFailedError(
        f"The session data source failed while loading {what} ({type(exc).__name__}); "
        f"try again in {RETRY_AFTER_S} s. If it keeps failing, quote the request id."
    )
