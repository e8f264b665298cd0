"""Wiring for the historical archive: the SQL archive queries and the dump importer.

The root container passes the storage engine in (``engine=storage.engine``); as that
engine is an async Resource, ``await container.archive.historical_archive()``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from entrypoints.settings import Settings

logger = logging.getLogger(__name__)


async def open_archive(engine: AsyncEngine, dump_dir: Path | None) -> SqlHistoricalArchive:
    """The archive queries; an empty archive is first filled from ``dump_dir`` if set.

    Like the embedded database that migrates itself, the embedded archive imports the
    configured dump (``F1_ARCHIVE_DIR``) on first use, so archive questions work on a
    fresh machine; an archive that was imported before is left as it is.
    """
    archive = SqlHistoricalArchive(engine)
    if dump_dir is not None and await archive.data_version() is None:
        imported = await SqlArchiveImporter(engine).import_dump(dump_dir)
        logger.info(
            "imported the historical archive from %s in %.2f s", dump_dir, imported.duration_s
        )
    return archive


class ArchiveContainer(containers.DeclarativeContainer):
    """``historical_archive`` is a singleton: it keeps the name index between queries."""

    settings = providers.Dependency(instance_of=Settings)
    engine = providers.Dependency(instance_of=AsyncEngine)

    historical_archive = providers.Singleton(
        open_archive, engine=engine, dump_dir=settings.provided.archive_dir
    )
    importer = providers.Factory(SqlArchiveImporter, engine=engine)
