"""The migrations build exactly the schema the repositories query, on both backends."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from tests.contract.sql_backends import PG_URL, Database, postgres_database, sqlite_database

from adapters.sql.engine import make_engine
from adapters.sql.migrate import (
    HEAD_REVISION,
    current_revision,
    ensure_migrated,
    head_revision,
    stored_revisions,
    upgrade,
    upgrade_engine,
)
from adapters.sql.tables import accounts_metadata
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.domain.accounts import NewUser, Role, UsernameTakenError, username_skeleton

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    if request.param == "sqlite":
        yield sqlite_database(tmp_path_factory.mktemp("migrations"))
    else:
        yield from postgres_database()


def _diff(connection: Connection) -> list[object]:
    own = {t.name for t in accounts_metadata.sorted_tables}

    def mine(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
        # Tables of other migrations (the archive) are not this metadata's business.
        if kind == "schema":
            return True
        table = name if kind == "table" else parents.get("table_name")
        return table in own

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_name": mine}
    )
    return list(compare_metadata(context, accounts_metadata))


async def test_migrated_schema_matches_the_tables_module(database: Database) -> None:
    engine = database.engine()
    try:
        assert await current_revision(engine) == head_revision()
        async with engine.connect() as connection:
            assert await connection.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_upgrade_is_idempotent(database: Database) -> None:
    engine = database.engine()
    try:
        assert await upgrade_engine(engine) == head_revision()
        assert await upgrade_engine(engine) == head_revision()
    finally:
        await engine.dispose()


def test_head_revision_constant_is_the_newest_script() -> None:
    # ensure_migrated compares with the constant, so a new migration must update it.
    assert head_revision() == HEAD_REVISION


async def test_ensure_migrated_upgrades_an_empty_database_once(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        assert await stored_revisions(engine) == ()
        await ensure_migrated(engine)
        assert await stored_revisions(engine) == (HEAD_REVISION,)
        assert await current_revision(engine) == HEAD_REVISION
        # Up to date: nothing to do, and the tables it made are still there.
        await ensure_migrated(engine)
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT count(*) FROM users"))).scalar() == 0
    finally:
        await engine.dispose()


def test_first_revision_id() -> None:
    text = Path(__file__).parents[2] / "src/adapters/sql/migrations/versions/0001_accounts.py"
    assert 'revision: str = "0001_accounts"' in text.read_text()
    assert "down_revision: str | None = None" in text.read_text()


def test_upgrade_url_from_synchronous_code(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'f1.sqlite3'}"
    assert upgrade(url, "0001_accounts") == "0001_accounts"
    assert upgrade(url) == head_revision()
    assert (tmp_path / "nested" / "f1.sqlite3").is_file()


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A database with no tables yet, to migrate step by step."""
    if request.param == "sqlite":
        yield Database(f"sqlite+aiosqlite:///{tmp_path / 'steps.sqlite3'}")
        return
    database = Database(PG_URL, schema=f"m_test_{secrets.token_hex(4)}")
    admin = make_engine(PG_URL)
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{database.schema}"'))
        yield database
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{database.schema}" CASCADE'))
    finally:
        await admin.dispose()


async def test_0003_gives_existing_users_distinct_public_ids_and_keeps_their_rows(
    empty_database: Database,
) -> None:
    engine = empty_database.engine()
    try:
        assert await upgrade_engine(engine, "0002_archive") == "0002_archive"
        async with engine.begin() as connection:
            for name in ("ana", "bob", "carol"):
                await connection.execute(
                    text(
                        "INSERT INTO users (username, username_key, password_hash, role,"
                        " disabled, created_at) VALUES (:n, :n, 'h', 'viewer', false, :t)"
                    ),
                    {"n": name, "t": datetime(2025, 3, 1, tzinfo=UTC).replace(tzinfo=None)},
                )
            await connection.execute(
                text(
                    "INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at,"
                    " expires_at) VALUES ('t', 'f', 2, :t, :t)"
                ),
                {"t": datetime(2025, 3, 1)},
            )
        assert await upgrade_engine(engine) == head_revision()
        async with engine.connect() as connection:
            rows = (
                await connection.execute(text("SELECT id, public_id FROM users ORDER BY id"))
            ).all()
            tokens = (await connection.execute(text("SELECT user_id FROM refresh_tokens"))).all()
        assert [r.id for r in rows] == [1, 2, 3]
        public_ids = [r.public_id for r in rows]
        assert len(set(public_ids)) == 3
        assert all(str(uuid.UUID(p)) == p and uuid.UUID(p).version == 4 for p in public_ids)
        assert [t.user_id for t in tokens] == [2]  # SQLite's cascades did not fire
        async with SqlUnitOfWork(engine) as uow:
            bob = await uow.users.get_by_public_id(public_ids[1])
            assert bob is not None and bob.username == "bob"
            dave = await uow.users.add(
                NewUser(username="dave", password_hash="h", role=Role.VIEWER, created_at=T0)
            )
        assert dave.public_id not in public_ids
        async with engine.begin() as connection:
            with pytest.raises(IntegrityError):  # unique
                await connection.execute(
                    text("UPDATE users SET public_id = :p WHERE id = 1"), {"p": public_ids[1]}
                )
    finally:
        await engine.dispose()


async def test_0003_keeps_look_alikes_registered_before_it(empty_database: Database) -> None:
    # The attack run left "ａｌｉｃｅ" and Cyrillic "аlice" beside "alice": the unique indexes
    # must still be built, and the first of them keeps the name.
    names = ["\uff41\uff4c\uff49\uff43\uff45", "alice", "\u0430lice", "Bob"]
    engine = empty_database.engine()
    try:
        await upgrade_engine(engine, "0002_archive")
        async with engine.begin() as connection:
            for name in names:
                await connection.execute(
                    text(
                        "INSERT INTO users (username, username_key, password_hash, role,"
                        " disabled, created_at) VALUES (:n, :k, 'h', 'viewer', false, :t)"
                    ),
                    {"n": name, "k": name.casefold(), "t": datetime(2025, 3, 1)},
                )
        await upgrade_engine(engine)
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    text("SELECT username_key, username_skeleton FROM users ORDER BY id")
                )
            ).all()
        # A key another user already has is not taken over: "alice" stays alice's.
        assert [r.username_key for r in rows] == [n.casefold() for n in names]
        skeletons = [r.username_skeleton for r in rows]
        assert skeletons[0] == username_skeleton("alice")  # the first look-alike keeps it
        assert skeletons[3] == username_skeleton("bob")
        assert len(set(skeletons)) == 4
        async with SqlUnitOfWork(engine) as uow:
            with pytest.raises(UsernameTakenError):
                await uow.users.add(
                    NewUser(username="аlicе", password_hash="h", role=Role.VIEWER, created_at=T0)
                )
    finally:
        await engine.dispose()
