"""Run the Alembic migrations on an engine (``f1 db upgrade``, and the embedded default)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import make_engine

_MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the bundled migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    if url is not None:
        # ConfigParser interpolation: a literal % in a password must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision the bundled migrations know."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""

    def _read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(_read)


async def upgrade_engine(engine: AsyncEngine, revision: str = "head") -> str | None:
    """Migrate the database behind ``engine`` to ``revision``; returns the new revision."""
    config = alembic_config()

    def _upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with engine.connect() as connection:
        await connection.run_sync(_upgrade)
        await connection.commit()
    return await current_revision(engine)


async def ensure_migrated(engine: AsyncEngine) -> None:
    """Upgrade only when behind, so the check costs one query on every later start."""
    if await current_revision(engine) != head_revision():
        await upgrade_engine(engine)


def upgrade(url: str, revision: str = "head") -> str | None:
    """Migrate the database at ``url`` (from synchronous code); returns the new revision."""

    async def _main() -> str | None:
        engine = make_engine(url)
        try:
            return await upgrade_engine(engine, revision)
        finally:
            await engine.dispose()

    return asyncio.run(_main())


class AlembicMigrator:
    """The migrations as an object the composition root can hand to ``f1 db upgrade``."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def upgrade(self, revision: str = "head") -> str | None:
        """Migrate to ``revision``; returns the revision the database is now at."""
        return await upgrade_engine(self._engine, revision)

    async def current(self) -> str | None:
        """The revision the database is at (None when empty)."""
        return await current_revision(self._engine)

    def head(self) -> str:
        """The newest revision the bundled migrations know."""
        return head_revision()
