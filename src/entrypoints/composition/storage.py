"""Wiring for SQL storage: the engine (migrated on first use when embedded) and backups."""

from __future__ import annotations

from collections.abc import AsyncIterator

from dependency_injector import containers, providers
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import make_engine
from adapters.sql.job_locks import FileJobLock, PostgresAdvisoryJobLock
from adapters.sql.migrate import AlembicMigrator, ensure_migrated
from adapters.sql.pg_dump_backups import PgDumpDatabaseBackups
from adapters.sql.sqlite_backups import SqliteDatabaseBackups
from entrypoints.settings import Settings
from f1core.usecases.backups.backup_with_retention import BackupWithRetention


async def open_engine(
    url: str,
    ssl: str | None = None,
    ssl_root_cert: str | None = None,
    schema: str | None = None,
) -> AsyncIterator[AsyncEngine]:
    """The engine for the container's lifetime, disposed on ``shutdown_resources()``.

    The embedded SQLite database migrates itself, so a fresh checkout works with no
    setup step; PostgreSQL is migrated explicitly with ``f1 db upgrade``.
    """
    engine = make_engine(url, ssl=ssl, ssl_root_cert=ssl_root_cert, search_path=schema)
    try:
        if engine.dialect.name == "sqlite":
            await ensure_migrated(engine)
        yield engine
    finally:
        await engine.dispose()


def backend_name(url: str) -> str:
    """``sqlite`` or ``postgresql``, from the database URL."""
    return make_url(url).get_backend_name()


class StorageContainer(containers.DeclarativeContainer):
    """``engine`` is an async Resource: ``await container.storage.engine()``."""

    settings = providers.Dependency(instance_of=Settings)

    url = settings.provided.database_url
    ssl = settings.provided.database_ssl
    ssl_root_cert = settings.provided.database_ssl_root_cert
    schema = settings.provided.database_schema

    engine = providers.Resource(
        open_engine, url=url, ssl=ssl, ssl_root_cert=ssl_root_cert, schema=schema
    )
    migrator = providers.Factory(AlembicMigrator, engine=engine)

    backups = providers.Selector(
        providers.Callable(backend_name, url),
        sqlite=providers.Factory(SqliteDatabaseBackups, url=url),
        postgresql=providers.Factory(PgDumpDatabaseBackups, url=url, schema=schema, ssl=ssl),
    )

    # one worker runs the scheduled jobs (archive sync, backups)
    job_lock = providers.Selector(
        providers.Callable(backend_name, url),
        sqlite=providers.Factory(
            FileJobLock, directory=providers.Callable(lambda s: s.data_dir / "locks", settings)
        ),
        postgresql=providers.Factory(PostgresAdvisoryJobLock, engine=engine),
    )
    backup_with_retention = providers.Factory(
        BackupWithRetention,
        backups=backups,
        directory=settings.provided.backup_dir,
        keep=settings.provided.backup_keep,
        suffix=providers.Callable(
            lambda url: ".sqlite3" if backend_name(url) == "sqlite" else ".dump", url
        ),
    )
