"""Use case: write a timestamped backup, verify it, keep the newest N.

Verification restores the new file into a scratch database (as a restore would) and
checks that every table comes back exactly as it was written; the live database may
have moved on meanwhile, which is not the backup's fault. A backup that fails is
deleted and the error raised; older good backups are then left alone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from f1core.ports.backups import BackupError, BackupReport, DatabaseBackups
from f1core.ports.clock import Clock, system_clock

log = logging.getLogger(__name__)

PREFIX = "f1-backup-"


class BackupWithRetention:
    """``execute()`` writes ``directory/f1-backup-<UTC time><suffix>`` and prunes."""

    def __init__(
        self,
        backups: DatabaseBackups,
        directory: Path,
        *,
        keep: int,
        suffix: str = ".sqlite3",
        clock: Clock = system_clock,
    ) -> None:
        if keep < 1:
            raise BackupError("at least one backup must be kept (F1_BACKUP_KEEP >= 1)")
        self._backups = backups
        self._directory = directory
        self._keep = keep
        self._suffix = suffix
        self._clock = clock

    async def execute(self) -> BackupReport:
        """Back up, verify, prune; returns the new backup's report."""
        self._directory.mkdir(parents=True, exist_ok=True)
        stamp = self._clock().strftime("%Y%m%dT%H%M%S%fZ")
        path = self._directory / f"{PREFIX}{stamp}{self._suffix}"
        report = await self._backups.backup(path)
        try:
            checked = await self._backups.verify(path)
            written = {t.table: (t.rows, t.checksum) for t in report.tables}
            restored = {
                c.table: (c.backup_rows, c.backup_checksum)
                for c in checked.tables
                if c.backup_rows is not None
            }
            if restored != written:
                bad = sorted(
                    k for k in written.keys() | restored.keys() if written.get(k) != restored.get(k)
                )
                raise BackupError(
                    f"the backup {path} does not restore as written: {', '.join(bad)}"
                )
        except BackupError:
            path.unlink(missing_ok=True)
            raise
        for old in self.backups()[self._keep :]:
            old.unlink(missing_ok=True)
            log.info("backup %s pruned (keeping %d)", old, self._keep)
        log.info("backup %s written and verified", path)
        return report

    def backups(self) -> list[Path]:
        """The backups in the directory, newest first."""
        return sorted(self._directory.glob(f"{PREFIX}*{self._suffix}"), reverse=True)
