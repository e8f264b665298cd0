"""Use case: what a session holds, at a glance (the CLI's ``session show``, the API's summary)."""

from __future__ import annotations

import msgspec

from f1core.analysis.classification import classification
from f1core.analysis.fastest import best_laps
from f1core.domain.session import Driver, Session, SessionKind
from f1core.domain.table import Table
from f1core.usecases.load_session import SessionLoader


class SessionSummary(msgspec.Struct, frozen=True, kw_only=True):
    """The headline facts of one loaded session and its classification."""

    title: str
    year: int
    round: int
    event: str
    session: str
    date: str
    drivers: tuple[Driver, ...]
    lap_count: int
    total_laps: int | None
    weather_samples: int
    race_control_messages: int
    source: str
    classification: Table


def summarize(session: Session) -> SessionSummary:
    """Summarise a loaded session."""
    return SessionSummary(
        title=session.title,
        year=session.ref.year,
        round=session.event.round,
        event=session.event.name,
        session=session.event.session_label(session.ref.kind),
        date=session.event.date,
        drivers=session.drivers,
        lap_count=len(session.laps),
        total_laps=session.total_laps,
        weather_samples=len(session.weather),
        race_control_messages=len(session.messages),
        source=session.source,
        classification=_classification_table(session),
    )


def _classification_table(session: Session) -> Table:
    # Practice has no official classification; its order is the best valid laps.
    if session.ref.kind.is_practice:
        return best_laps(session).table()
    return classification(session).table()


class ShowSession:
    """Resolve and load a session, then summarise it."""

    def __init__(self, loader: SessionLoader) -> None:
        self._loader = loader

    async def execute(self, year: int, event: str, kind: SessionKind | str) -> SessionSummary:
        """The summary of the session; raises ``F1Error`` subclasses when it cannot be had."""
        ref = await self._loader.resolve(year, event, kind)
        return summarize(await self._loader.load(ref, weather=True))
