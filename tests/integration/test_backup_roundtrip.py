"""Backup -> change -> verify (mismatch) -> restore -> verify (ok), on SQLite and PostgreSQL."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.contract.sql_backends import (
    Database,
    empty_account_tables,
    postgres_database,
    sqlite_database,
)
from tests.fakes import InMemoryLoginFailureStore

from adapters.security.argon2_password_hasher import Argon2PasswordHasher
from adapters.security.bundled_common_passwords import BundledCommonPasswords
from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from adapters.sql.answer_cache import SqlAnswerCache
from adapters.sql.pg_dump_backups import PgDumpDatabaseBackups
from adapters.sql.sqlite_backups import SqliteDatabaseBackups
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.domain.accounts import AuthenticationError, NewUser, Role
from f1core.domain.history import NewHistoryEntry, QueryStatus
from f1core.ports.backups import BackupError, DatabaseBackups
from f1core.usecases.accounts.authenticate import Authenticate
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
HASHER = Argon2PasswordHasher(memory_cost_kib=1024, time_cost=1)
ISSUER = PyJwtTokenIssuer("a-backup-test-secret-of-at-least-32-bytes")


def log_in(uow: SqlUnitOfWork) -> LogIn:
    return LogIn(uow, HASHER, ISSUER, failures=InMemoryLoginFailureStore())


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        yield sqlite_database(tmp_path)
    else:
        yield from postgres_database()


def backups_for(database: Database) -> DatabaseBackups:
    if database.schema is None:
        return SqliteDatabaseBackups(database.url)
    return PgDumpDatabaseBackups(database.url, schema=database.schema)


async def _populate(database: Database) -> None:
    engine = database.engine()
    try:
        await empty_account_tables(engine)
        uow = SqlUnitOfWork(engine)
        async with uow:
            for name in ("ana", "bob"):
                user = await uow.users.add(
                    NewUser(username=name, password_hash="h", role=Role.ADMIN, created_at=T0)
                )
                for i in range(50):
                    await uow.history.add(
                        NewHistoryEntry(
                            user_id=user.id,
                            question=f"{name} asks {i} – ünïcode",
                            status=QueryStatus.ANSWERED,
                            interpreted_query={"year": 1950 + i, "tags": ["a", "b"]},
                            answer_summary="x" * i,
                            timings_ms={"total": i / 3},
                            created_at=T0,
                        )
                    )
            await uow.commit()
        await SqlAnswerCache(engine).put("k" * 64, b"\x00\xffbinary answer")
    finally:
        await engine.dispose()


async def _usernames(database: Database) -> list[str]:
    engine = database.engine()
    try:
        async with SqlUnitOfWork(engine) as uow:
            return [u.username for u in await uow.users.list()]
    finally:
        await engine.dispose()


async def _change(database: Database) -> None:
    engine = database.engine()
    try:
        async with SqlUnitOfWork(engine) as uow:
            await uow.users.add(
                NewUser(username="carol", password_hash="h", role=Role.VIEWER, created_at=T0)
            )
            assert await uow.history.delete(1, 1)
            await uow.commit()
    finally:
        await engine.dispose()


async def test_round_trip(database: Database, tmp_path: Path) -> None:
    await _populate(database)
    backups = backups_for(database)
    path = tmp_path / "f1.backup"

    report = await backups.backup(path)
    counts = {t.table: t.rows for t in report.tables}
    assert counts["users"] == 2
    assert counts["query_history"] == 100
    assert counts["answer_cache"] == 1
    assert counts["alembic_version"] == 1
    assert report.size_bytes == path.stat().st_size > 0
    assert not path.with_name(path.name + ".partial").exists()

    verified = await backups.verify(path)
    assert verified.ok
    assert {c.table: c.backup_rows for c in verified.tables} == counts

    await _change(database)
    drifted = await backups.verify(path)
    assert not drifted.ok
    assert sorted(c.table for c in drifted.tables if not c.ok) == ["query_history", "users"]
    history = next(c for c in drifted.tables if c.table == "query_history")
    assert (history.source_rows, history.backup_rows) == (99, 100)

    await backups.restore(path)
    assert await _usernames(database) == ["ana", "bob"]
    assert (await backups.verify(path)).ok


async def test_damaged_backups_are_refused_and_leave_the_database(
    database: Database, tmp_path: Path
) -> None:
    await _populate(database)
    backups = backups_for(database)
    good = tmp_path / "good.backup"
    await backups.backup(good)
    garbage = tmp_path / "garbage.backup"
    garbage.write_bytes(b"this is not a backup at all" * 100)
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    for bad in (garbage, truncated):
        with pytest.raises(BackupError):
            await backups.restore(bad)
        with pytest.raises(BackupError):
            await backups.verify(bad)
    assert await _usernames(database) == ["ana", "bob"]
    assert (await backups.verify(good)).ok
    with pytest.raises(BackupError, match="no backup file"):
        await backups.restore(tmp_path / "missing.backup")


@pytest.mark.usefixtures("permissive_umask")
async def test_backup_files_are_private(database: Database, tmp_path: Path) -> None:
    await _populate(database)
    backups = backups_for(database)
    target = tmp_path / "backup.dump"
    await backups.backup(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # A second backup over an older, readable one does not inherit its mode.
    target.chmod(0o644)
    await backups.backup(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.usefixtures("permissive_umask")
async def test_restoring_sqlite_into_a_new_file_makes_it_private(tmp_path: Path) -> None:
    source = sqlite_database(tmp_path)
    backup = tmp_path / "backup.sqlite3"
    await SqliteDatabaseBackups(source.url).backup(backup)
    restored = tmp_path / "new" / "f1.sqlite3"
    await SqliteDatabaseBackups(f"sqlite+aiosqlite:///{restored}").restore(backup)
    assert stat.S_IMODE(restored.stat().st_mode) == 0o600


async def test_a_token_from_before_a_restore_does_not_authenticate_the_next_holder_of_its_id(
    database: Database, tmp_path: Path
) -> None:
    # Issue 9, item 7: ids are reused after a restore, so tokens name users by public id.
    await _populate(database)  # ana (1) and bob (2)
    backups = backups_for(database)
    path = tmp_path / "before-carol.backup"
    await backups.backup(path)
    engine = database.engine()
    try:
        uow = SqlUnitOfWork(engine)
        carol = await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute("carol", PASSWORD)
        carols = await log_in(uow).execute("carol", PASSWORD, "local")
        assert (await Authenticate(uow, ISSUER).execute(carols.access_token)).id == carol.id
    finally:
        await engine.dispose()

    await backups.restore(path)
    engine = database.engine()
    try:
        uow = SqlUnitOfWork(engine)
        mallory = await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute(
            "mallory", PASSWORD
        )
        assert mallory.id == carol.id  # the id is handed out again...
        with pytest.raises(AuthenticationError):  # ...but carol's token names nobody now
            await Authenticate(uow, ISSUER).execute(carols.access_token)
        with pytest.raises(AuthenticationError):
            await Refresh(uow, ISSUER).execute(carols.refresh_token)
        # ana's token from before the backup still names ana after the restore.
        anas = ISSUER.issue_access(await _public_id(uow, "ana"), datetime.now(UTC))
        assert (await Authenticate(uow, ISSUER).execute(anas.token)).username == "ana"
    finally:
        await engine.dispose()


async def _public_id(uow: SqlUnitOfWork, username: str) -> str:
    async with uow:
        user = await uow.users.get_by_username(username)
    assert user is not None
    return user.public_id
