"""Snapshot adapter: already-mapped sessions and calendars as MessagePack files."""

from adapters.snapshot.store import SCHEMA_VERSION, MsgpackSnapshotStore

__all__ = ["SCHEMA_VERSION", "MsgpackSnapshotStore"]
