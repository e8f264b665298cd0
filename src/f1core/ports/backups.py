"""Port: backing up, restoring and verifying the whole database."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import msgspec

from f1core.errors import F1Error


class TableFingerprint(msgspec.Struct, frozen=True, kw_only=True):
    """A table's row count and an order-independent checksum of its rows."""

    table: str
    rows: int
    checksum: str


class BackupReport(msgspec.Struct, frozen=True, kw_only=True):
    """What a backup wrote."""

    path: str
    backend: str
    size_bytes: int
    seconds: float
    tables: tuple[TableFingerprint, ...]


class TableCheck(msgspec.Struct, frozen=True, kw_only=True):
    """One table compared between the live database and a restored backup."""

    table: str
    source_rows: int | None
    backup_rows: int | None
    source_checksum: str | None
    backup_checksum: str | None

    @property
    def ok(self) -> bool:
        """Present on both sides with equal counts and checksums."""
        return (
            self.source_rows is not None
            and self.source_rows == self.backup_rows
            and self.source_checksum == self.backup_checksum
        )


class VerifyReport(msgspec.Struct, frozen=True, kw_only=True):
    """The outcome of ``verify``: every table of either side, compared."""

    path: str
    backend: str
    seconds: float
    tables: tuple[TableCheck, ...]
    ok: bool


class BackupError(F1Error):
    """A backup, restore or verification could not be done, or found differences."""

    kind = "backup_failed"
    http_status = 500


class DatabaseBackups(Protocol):
    """Backups of the configured database, in the backend's native format."""

    async def backup(self, path: Path) -> BackupReport:
        """Write a consistent backup of the live database to ``path`` (replaced atomically)."""
        ...

    async def restore(self, path: Path) -> None:
        """Replace the live database's contents with the backup at ``path``."""
        ...

    async def verify(self, path: Path) -> VerifyReport:
        """Restore ``path`` into a scratch database and compare every table with the live one."""
        ...
