"""Wiring for the historical archive: the SQL archive queries and the dump importer.

The root container passes the storage engine in (``engine=storage.engine``); as that
engine is an async Resource, ``await container.archive.historical_archive()``.
"""

from __future__ import annotations

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive


class ArchiveContainer(containers.DeclarativeContainer):
    """``historical_archive`` is a singleton: it keeps the name index between queries."""

    engine = providers.Dependency(instance_of=AsyncEngine)

    historical_archive = providers.Singleton(SqlHistoricalArchive, engine=engine)
    importer = providers.Factory(SqlArchiveImporter, engine=engine)
