"""Port: the current time, so token expiry and ordering can be tested without sleeping."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Returns the current time, timezone-aware in UTC."""

    def __call__(self) -> datetime: ...


def system_clock() -> datetime:
    """The real clock: ``datetime.now(UTC)``."""
    return datetime.now(UTC)
