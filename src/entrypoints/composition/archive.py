"""Wiring for the historical archive: the SQL archive queries, the dump importer and the
update from the Jolpica feed.

The root container passes the storage engine in (``engine=storage.engine``); as that
engine is an async Resource, ``await container.archive.historical_archive()``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.jolpica import JolpicaArchiveFeed, PoliteJsonClient
from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from adapters.sql.archive_updater import SqlArchiveUpdateWriter
from entrypoints.settings import Settings
from f1core.usecases.archive.update_archive import UpdateArchive

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


async def open_feed(url: str, rate: float) -> AsyncIterator[JolpicaArchiveFeed]:
    """The Jolpica feed for the container's lifetime (its connection pool is closed after)."""
    feed = JolpicaArchiveFeed(PoliteJsonClient(url, min_interval_s=1 / rate))
    try:
        yield feed
    finally:
        await feed.close()


class ArchiveContainer(containers.DeclarativeContainer):
    """``historical_archive`` is a singleton: it keeps the name index between queries."""

    settings = providers.Dependency(instance_of=Settings)
    engine = providers.Dependency(instance_of=AsyncEngine)

    historical_archive = providers.Singleton(
        open_archive, engine=engine, dump_dir=settings.provided.archive_dir
    )
    importer = providers.Factory(SqlArchiveImporter, engine=engine)
    feed = providers.Resource(
        open_feed, url=settings.provided.archive_feed_url, rate=settings.provided.archive_feed_rate
    )
    update_writer = providers.Factory(SqlArchiveUpdateWriter, engine=engine)
    update_archive = providers.Factory(
        UpdateArchive, feed=feed, writer=update_writer, source=settings.provided.archive_feed_url
    )
