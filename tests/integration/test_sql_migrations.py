"""The migrations build exactly the schema the repositories query, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from tests.contract.sql_backends import Database, postgres_database, sqlite_database

from adapters.sql.migrate import current_revision, head_revision, upgrade, upgrade_engine
from adapters.sql.tables import accounts_metadata


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


def test_first_revision_id() -> None:
    text = Path(__file__).parents[2] / "src/adapters/sql/migrations/versions/0001_accounts.py"
    assert 'revision: str = "0001_accounts"' in text.read_text()
    assert "down_revision: str | None = None" in text.read_text()


def test_upgrade_url_from_synchronous_code(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'f1.sqlite3'}"
    assert upgrade(url, "0001_accounts") == "0001_accounts"
    assert upgrade(url) == head_revision()
    assert (tmp_path / "nested" / "f1.sqlite3").is_file()
