"""Scheduled jobs for real: the job locks on PostgreSQL and on files, SQLite backups with
retention, and a service that syncs the archive and backs up on its own."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import secrets
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from dependency_injector import providers
from litestar.testing import TestClient
from tests.archive_dumps import trim_dump
from tests.contract.sql_backends import PG_URL, sqlite_database
from tests.fakes import FakeSessionSource, InMemoryJobLock
from tests.integration.test_archive_full import ergast_dir
from tests.jolpica_replay import RecordedJolpica, recorded_jolpica

from adapters.sql.engine import make_engine
from adapters.sql.job_locks import FileJobLock, PostgresAdvisoryJobLock
from adapters.sql.sqlite_backups import SqliteDatabaseBackups
from entrypoints.composition import bootstrap
from entrypoints.http import create_app
from entrypoints.http.config import HttpConfig
from entrypoints.settings import Settings
from f1core.ports.backups import BackupError, BackupReport, VerifyReport
from f1core.ports.job_lock import JobLock
from f1core.usecases.backups.backup_with_retention import BackupWithRetention


@pytest_asyncio.fixture(params=["in-memory", "file", "postgresql"])
async def two_workers(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[JobLock, JobLock]]:
    if request.param == "in-memory":
        held: set[str] = set()
        yield InMemoryJobLock(held), InMemoryJobLock(held)
    elif request.param == "file":
        yield FileJobLock(tmp_path / "locks"), FileJobLock(tmp_path / "locks")
    else:
        a, b = make_engine(PG_URL, pool_size=2), make_engine(PG_URL, pool_size=2)
        yield PostgresAdvisoryJobLock(a), PostgresAdvisoryJobLock(b)
        await a.dispose()
        await b.dispose()


async def test_one_worker_holds_the_job_lock(two_workers: tuple[JobLock, JobLock]) -> None:
    first, second = two_workers
    name = f"test-{secrets.token_hex(4)}"  # advisory locks are database-wide
    async with first.hold(name) as got_first:
        async with second.hold(name) as got_second:
            assert (got_first, got_second) == (True, False)
        async with second.hold(f"{name}-other") as other:
            assert other  # another job's lock is free
    async with second.hold(name) as after:
        assert after  # released with its holder


def ticking() -> Callable[[], dt.datetime]:
    start = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)
    minutes = itertools.count()
    return lambda: start + dt.timedelta(minutes=next(minutes))


async def test_backups_are_verified_and_the_newest_kept(tmp_path: Path) -> None:
    database = sqlite_database(tmp_path)
    backups = SqliteDatabaseBackups(database.url)
    rotation = BackupWithRetention(backups, tmp_path / "backups", keep=2, clock=ticking())
    reports = [await rotation.execute() for _ in range(3)]

    kept = rotation.backups()
    assert [p.name for p in kept] == [
        "f1-backup-20261203T120200000000Z.sqlite3",
        "f1-backup-20261203T120100000000Z.sqlite3",
    ]
    assert [Path(r.path) for r in reports[1:]] == kept[::-1]
    with sqlite3.connect(kept[0]) as conn:  # a real, restorable database
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


class DamagingBackups:
    """Writes a backup whose restore comes back different (a bad disk, say)."""

    def __init__(self, real: SqliteDatabaseBackups) -> None:
        self.real = real

    async def backup(self, path: Path) -> BackupReport:
        return await self.real.backup(path)

    async def restore(self, path: Path) -> None:
        await self.real.restore(path)

    async def verify(self, path: Path) -> VerifyReport:
        with sqlite3.connect(path) as conn:
            conn.execute("DELETE FROM alembic_version")
        return await self.real.verify(path)


async def test_a_backup_that_does_not_restore_as_written_is_dropped(tmp_path: Path) -> None:
    database = sqlite_database(tmp_path)
    real = SqliteDatabaseBackups(database.url)
    good = BackupWithRetention(real, tmp_path / "backups", keep=3, clock=ticking())
    await good.execute()
    bad = BackupWithRetention(DamagingBackups(real), tmp_path / "backups", keep=3)
    with pytest.raises(BackupError, match="does not restore as written: alembic_version"):
        await bad.execute()
    assert len(good.backups()) == 1  # the earlier good one is left alone


@pytest.fixture
def recorded_feed(replay_dir: Path) -> Iterator[RecordedJolpica]:
    with RecordedJolpica(recorded_jolpica(replay_dir)) as server:
        yield server


def test_the_service_syncs_the_archive_and_backs_up_on_schedule(
    tmp_path: Path, recorded_feed: RecordedJolpica
) -> None:
    dump = tmp_path / "dump"
    trim_dump(
        ergast_dir(),
        dump,
        drop_race=lambda year, round_: False,
        drop_rows=lambda year, round_: (year, round_) >= (2025, 12),
    )
    settings = Settings.from_env(
        {
            "F1_DATA_DIR": str(tmp_path / "data"),
            "F1_JWT_SECRET": "s" * 48,
            "F1_LOG_FORMAT": "json",
            "F1_ARCHIVE_DIR": str(dump),
            "F1_ARCHIVE_FEED_URL": recorded_feed.url,
            "F1_ARCHIVE_FEED_RATE": "10000",
            "F1_ARCHIVE_SYNC_INTERVAL": "6h",
            "F1_BACKUP_INTERVAL": "1d",
            "F1_BACKUP_KEEP": "3",
        }
    )
    container = bootstrap(settings)
    container.sessions.source.override(providers.Object(FakeSessionSource()))
    app = create_app(container, HttpConfig(rate_limit="1000/minute"))
    with TestClient(app) as client:
        scheduler: Any = app.state.scheduler.scheduler
        assert scheduler is not None
        portal: Any = client.blocking_portal
        portal.call(_until, lambda: scheduler.runs["archive sync"] >= 1)
        portal.call(_until, lambda: scheduler.runs["backup"] >= 1)
        assert scheduler.leading
    backups = sorted((tmp_path / "data" / "backups").glob("f1-backup-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(tmp_path / "data" / "f1.sqlite3") as conn:
        winner = conn.execute(
            "SELECT d.ref FROM archive_results r JOIN archive_races a ON a.id = r.race_id "
            "JOIN archive_drivers d ON d.id = r.driver_id "
            "WHERE a.year = 2025 AND a.round = 16 AND r.position = 1"
        ).fetchall()
    assert winner == [("max_verstappen",)]


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(6000):  # up to a minute on a loaded machine
        if condition():
            return
        await asyncio.sleep(0.01)
    pytest.fail("the scheduled job never ran")
