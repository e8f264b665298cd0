"""One async engine factory for both backends, chosen by the URL's scheme."""

from __future__ import annotations

import ssl as ssl_module
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.sql.file_modes import private_file, private_parent
from f1core.errors import InvalidRequestError

# libpq's sslmode names, so the setting reads the same as a PostgreSQL connection string.
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    echo: bool = False,
    ssl: str | None = None,
    ssl_root_cert: str | None = None,
    search_path: str | None = None,
    connect_timeout: float = 5.0,
    command_timeout: float = 30.0,
) -> AsyncEngine:
    """Create an engine for ``sqlite+aiosqlite://`` or ``postgresql+asyncpg://`` URLs.

    SQLite gets WAL, foreign keys and a busy timeout on every connection; PostgreSQL
    gets a sized pool with pre-ping so a restarted server is noticed, not fatal.
    ``ssl`` (PostgreSQL only) is a libpq sslmode: ``require`` encrypts, ``verify-full``
    also checks the server certificate (against ``ssl_root_cert`` or the system store).
    ``search_path`` (PostgreSQL only) puts every table in that schema.
    ``connect_timeout`` (PostgreSQL only, seconds) bounds each new connection, and
    ``command_timeout`` each statement, so a server that hangs mid-query costs a request
    an error, not a worker (the full archive import's largest COPY takes under a second).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not _is_uri(parsed.database):
            _private_database(Path(parsed.database))
        engine = create_async_engine(parsed, echo=echo)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    # asyncpg waits 60 s for an unreachable server by default; a request should get its
    # 503 long before a client or proxy gives up on it.
    connect_args: dict[str, Any] = {
        "timeout": connect_timeout,
        "command_timeout": command_timeout,
    }
    if ssl is not None:
        connect_args["ssl"] = _ssl_argument(ssl, ssl_root_cert)
    if search_path is not None:
        connect_args["server_settings"] = {"search_path": search_path}
    return create_async_engine(
        parsed,
        echo=echo,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        connect_args=connect_args,
    )


def _is_uri(database: str) -> bool:
    # ``file:...?mode=ro&uri=true`` (read-only fingerprinting) names no file to create.
    return database.startswith("file:")


def _private_database(path: Path) -> None:
    # SQLite creates -wal and -shm with the database file's mode, so a private database
    # file is enough for new companions; older ones are tightened as well.
    private_parent(path)
    private_file(path)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if companion.exists():
            private_file(companion)


def _ssl_argument(mode: str, root_cert: str | None) -> bool | str | ssl_module.SSLContext:
    if mode not in SSL_MODES:
        raise InvalidRequestError(
            f"Unknown database TLS mode {mode!r}; use one of {', '.join(SSL_MODES)}."
        )
    if mode in ("verify-ca", "verify-full"):
        context = ssl_module.create_default_context(cafile=root_cert)
        context.check_hostname = mode == "verify-full"
        return context
    # asyncpg takes the weaker libpq modes by name.
    return mode


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
