"""Alembic environment for the async engine.

``adapters.sql.migrate`` hands over an open connection in ``config.attributes``, so
migrations run on the caller's engine (and event loop). Run without one (the ``alembic``
command), it builds an async engine from ``sqlalchemy.url`` and runs on its own loop.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from adapters.sql.archive_tables import archive_metadata
from adapters.sql.engine import make_engine
from adapters.sql.tables import accounts_metadata

config = context.config
target_metadata = [accounts_metadata, archive_metadata]


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


def _run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    asyncio.run(_run_async(str(config.get_main_option("sqlalchemy.url"))))
