"""Run the Alembic migrations on an engine (``f1 db upgrade``, and the embedded default).

Alembic is imported only to migrate or to read the scripts: the embedded database checks
its revision on every start, and that check is one query against ``HEAD_REVISION``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

_MIGRATIONS = Path(__file__).with_name("migrations")

HEAD_REVISION = "0004_refresh_grace"
"""The newest migration, which a test checks against the scripts (``head_revision``).

Known without Alembic, which takes ~0.4 s to import and to read every script.
"""


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the bundled migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    if url is not None:
        # ConfigParser interpolation: a literal % in a password must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision the bundled migrations know, read from the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""

    def _read(connection: Connection) -> str | None:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(_read)


async def upgrade_engine(engine: AsyncEngine, revision: str = "head") -> str | None:
    """Migrate the database behind ``engine`` to ``revision``; returns the new revision."""
    config = alembic_config()

    def _upgrade(connection: Connection) -> None:
        from alembic import command

        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with engine.connect() as connection:
        await connection.run_sync(_upgrade)
        await connection.commit()
    return await current_revision(engine)


async def stored_revisions(engine: AsyncEngine) -> tuple[str, ...]:
    """What ``alembic_version`` holds (empty for a database never migrated), plain SQL."""

    def _read(connection: Connection) -> tuple[str, ...]:
        if not inspect(connection).has_table("alembic_version"):
            return ()
        rows = connection.execute(text("SELECT version_num FROM alembic_version"))
        return tuple(str(row[0]) for row in rows)

    async with engine.connect() as connection:
        return await connection.run_sync(_read)


async def ensure_migrated(engine: AsyncEngine) -> None:
    """Upgrade only when behind: on every later start the check is one plain query."""
    if await stored_revisions(engine) != (HEAD_REVISION,):
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
