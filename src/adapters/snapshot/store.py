"""``MsgpackSnapshotStore``: mapped sessions and calendars as MessagePack files.

Layout under ``root``::

    snapshots/v{SCHEMA_VERSION}/{year}/events.msgpack
    snapshots/v{SCHEMA_VERSION}/{year}/{event-slug}-{kind}.msgpack

Each file starts with the schema version it was written with. A file from another version,
a truncated or otherwise corrupt file reads as absent (None), so the loader falls back to
the source and the next ``put`` rewrites it. Writes go to a temporary file in the same
directory and are moved into place with ``os.replace``: a reader sees the old file or the
new one, never half of one.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import tempfile
from pathlib import Path

import msgspec

from f1core.domain.events import normalize_event_text
from f1core.domain.session import EventInfo, Session, SessionRef

logger = logging.getLogger(__name__)


def _schema_fingerprint() -> int:
    # Derived from the domain structs' own schema, so any change of shape (a field added,
    # a struct made array-like) moves snapshots to a new folder: old ones read as absent
    # and are rebuilt from the source instead of failing to decode, or decoding wrong.
    schema = msgspec.json.encode(msgspec.json.schema_components((Session, EventInfo)))
    return int.from_bytes(hashlib.sha256(schema).digest()[:4], "big")


SCHEMA_VERSION = _schema_fingerprint()


class _SessionFile(msgspec.Struct, array_like=True, gc=False):
    schema: int
    session: Session


class _EventsFile(msgspec.Struct, array_like=True, gc=False):
    schema: int
    year: int
    events: tuple[EventInfo, ...]


# One encoder and decoder per type, shared: building them per call costs more than decoding
# a small calendar.
_ENCODER = msgspec.msgpack.Encoder()
_SESSION_DECODER = msgspec.msgpack.Decoder(_SessionFile)
_EVENTS_DECODER = msgspec.msgpack.Decoder(_EventsFile)


def event_slug(name: str) -> str:
    """A file-name-safe event name: ``"São Paulo Grand Prix"`` -> ``sao-paulo-grand-prix``."""
    return normalize_event_text(name).replace(" ", "-") or "event"


class MsgpackSnapshotStore:
    """The SnapshotStore port over msgspec MessagePack files under ``root/snapshots``."""

    def __init__(self, root: Path) -> None:
        self._dir = root / "snapshots" / f"v{SCHEMA_VERSION}"

    def session_path(self, ref: SessionRef) -> Path:
        """Where the snapshot of ``ref`` lives (whether or not it exists)."""
        return self._dir / str(ref.year) / f"{event_slug(ref.event)}-{ref.kind.value}.msgpack"

    def events_path(self, year: int) -> Path:
        """Where the calendar of ``year`` lives."""
        return self._dir / str(year) / "events.msgpack"

    async def get_session(self, ref: SessionRef) -> Session | None:
        """The stored session, or None when absent, corrupt or of another schema version."""
        # Reading and decoding a race (~200 KB) takes about a millisecond: cheaper inline
        # than a hop to a worker thread and back.
        data = _read(self.session_path(ref))
        if data is None:
            return None
        try:
            stored = _SESSION_DECODER.decode(data)
        except msgspec.DecodeError:  # also ValidationError: another schema's shape
            logger.warning("ignoring unreadable snapshot %s", self.session_path(ref))
            return None
        if stored.schema != SCHEMA_VERSION:
            return None
        if stored.session.ref != ref:
            # Two event names with the same slug: never hand out the other one's data.
            return None
        return stored.session

    async def put_session(self, session: Session) -> None:
        """Store a session atomically, replacing any older snapshot of it."""
        data = _ENCODER.encode(_SessionFile(SCHEMA_VERSION, session))
        await asyncio.to_thread(_write_atomic, self.session_path(session.ref), data)

    async def get_events(self, year: int) -> tuple[EventInfo, ...] | None:
        """The stored calendar of ``year``, or None."""
        data = _read(self.events_path(year))
        if data is None:
            return None
        try:
            stored = _EVENTS_DECODER.decode(data)
        except msgspec.DecodeError:
            logger.warning("ignoring unreadable calendar %s", self.events_path(year))
            return None
        if stored.schema != SCHEMA_VERSION or stored.year != year:
            return None
        return stored.events

    async def put_events(self, year: int, events: tuple[EventInfo, ...]) -> None:
        """Store the calendar of ``year`` atomically."""
        data = _ENCODER.encode(_EventsFile(SCHEMA_VERSION, year, events))
        await asyncio.to_thread(_write_atomic, self.events_path(year), data)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # No fsync: a snapshot is a cache. The rename keeps readers from ever seeing half a
        # file; after a crash a torn file fails to decode, reads as absent and is rebuilt.
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
