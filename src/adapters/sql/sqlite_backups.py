"""Backups of the embedded SQLite database with SQLite's online backup API."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.sql.file_modes import fresh_private_file, private_file, private_parent
from adapters.sql.fingerprints import compare, table_fingerprints
from f1core.ports.backups import BackupError, BackupReport, TableFingerprint, VerifyReport


class SqliteDatabaseBackups:
    """``DatabaseBackups`` for ``sqlite+aiosqlite:///FILE``.

    The backup API copies a consistent snapshot page by page while other connections keep
    reading and writing, so backing up does not need the service stopped.
    """

    def __init__(self, url: str) -> None:
        database = make_url(url).database
        if not database or database == ":memory:":
            raise BackupError("Only a SQLite database in a file can be backed up.")
        self._url = url
        self._db = Path(database)

    async def backup(self, path: Path) -> BackupReport:
        started = time.perf_counter()
        if not self._db.exists():
            raise BackupError(f"There is no database at {self._db} to back up.")
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        await asyncio.to_thread(fresh_private_file, partial)
        await asyncio.to_thread(_copy, self._db, partial, standalone=True)
        # Rename last, so PATH is never a half-written backup.
        partial.replace(target)
        tables = await _fingerprints(target)
        return BackupReport(
            path=str(target),
            backend="sqlite",
            size_bytes=(await asyncio.to_thread(target.stat)).st_size,
            seconds=round(time.perf_counter() - started, 3),
            tables=tuple(tables.values()),
        )

    async def restore(self, path: Path) -> None:
        source = _existing_backup(path)
        await asyncio.to_thread(_check_integrity, source)
        await asyncio.to_thread(private_parent, self._db)
        await asyncio.to_thread(private_file, self._db)
        await asyncio.to_thread(_copy, source, self._db)

    async def verify(self, path: Path) -> VerifyReport:
        started = time.perf_counter()
        source = _existing_backup(path)
        with tempfile.TemporaryDirectory(prefix="f1-verify-") as scratch_dir:
            scratch = Path(scratch_dir) / "restored.sqlite3"
            # Restore exactly as `restore` would, into a scratch file.
            await asyncio.to_thread(_check_integrity, source)
            await asyncio.to_thread(_copy, source, scratch)
            restored = await _fingerprints(scratch)
        live = await _fingerprints(self._db)
        checks = compare(live, restored)
        return VerifyReport(
            path=str(path),
            backend="sqlite",
            seconds=round(time.perf_counter() - started, 3),
            tables=checks,
            ok=all(c.ok for c in checks),
        )


def _existing_backup(path: Path) -> Path:
    source = Path(path)
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    return source


def _copy(source: Path, target: Path, *, standalone: bool = False) -> None:
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                if standalone:
                    # The copy inherits WAL mode; a backup file should be one
                    # self-contained file, without -wal/-shm companions.
                    dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Could not copy {source} to {target}: {error}") from error


def _check_integrity(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a SQLite database backup: {error}") from error
    if result is None or result[0] != "ok":
        raise BackupError(f"{path} is damaged: integrity check says {result}.")
    if "alembic_version" not in tables:
        raise BackupError(f"{path} is a SQLite file but not a backup of this database.")


async def _fingerprints(path: Path) -> dict[str, TableFingerprint]:
    # Read-only, and without make_engine's pragmas: fingerprinting must not change the file.
    engine = create_async_engine(f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true")
    try:
        return await table_fingerprints(engine)
    finally:
        await engine.dispose()
