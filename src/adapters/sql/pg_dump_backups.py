"""Backups of PostgreSQL with ``pg_dump -Fc`` and ``pg_restore``."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from adapters.sql.engine import make_engine
from adapters.sql.file_modes import fresh_private_file
from adapters.sql.fingerprints import compare, table_fingerprints
from f1core.ports.backups import BackupError, BackupReport, VerifyReport


class PgDumpDatabaseBackups:
    """``DatabaseBackups`` for ``postgresql+asyncpg://`` URLs.

    ``schema`` limits everything to one schema (what the tests use); None means the whole
    database. The client tools must be at least the server's major version: the newest
    installed under /usr/lib/postgresql/*/bin wins over the one on PATH.
    """

    def __init__(self, url: str, *, schema: str | None = None, ssl: str | None = None) -> None:
        self._url = url
        self._parsed = make_url(url)
        self._schema = schema
        self._ssl = ssl

    async def backup(self, path: Path) -> BackupReport:
        started = time.perf_counter()
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        # pg_dump writes into the file as it finds it, keeping this mode.
        await asyncio.to_thread(fresh_private_file, partial)
        args = ["--format=custom", "--no-owner", f"--file={partial}"]
        if self._schema is not None:
            args.append(f"--schema={self._schema}")
        await self._run("pg_dump", [*args, f"--dbname={self._database}"], self._parsed)
        partial.replace(target)
        engine = make_engine(self._url, search_path=self._schema, pool_size=1)
        try:
            tables = await table_fingerprints(engine, self._schema)
        finally:
            await engine.dispose()
        return BackupReport(
            path=str(target),
            backend="postgresql",
            size_bytes=(await asyncio.to_thread(target.stat)).st_size,
            seconds=round(time.perf_counter() - started, 3),
            tables=tuple(tables.values()),
        )

    async def restore(self, path: Path) -> None:
        source = _existing(path)
        # One transaction: a restore that fails half-way leaves the database as it was.
        await self._run(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={self._database}",
                str(source),
            ],
            self._parsed,
        )

    async def verify(self, path: Path) -> VerifyReport:
        started = time.perf_counter()
        source = _existing(path)
        scratch_name = f"f1_verify_{secrets.token_hex(6)}"
        scratch = self._parsed.set(database=scratch_name)
        await self._admin(f'CREATE DATABASE "{scratch_name}"')
        try:
            await self._run(
                "pg_restore",
                ["--no-owner", "--exit-on-error", f"--dbname={scratch_name}", str(source)],
                scratch,
            )
            restored_engine = make_engine(
                scratch.render_as_string(hide_password=False), search_path=self._schema
            )
            live_engine = make_engine(self._url, search_path=self._schema, pool_size=1)
            try:
                restored = await table_fingerprints(restored_engine, self._schema)
                live = await table_fingerprints(live_engine, self._schema)
            finally:
                await restored_engine.dispose()
                await live_engine.dispose()
        finally:
            await self._admin(f'DROP DATABASE IF EXISTS "{scratch_name}" WITH (FORCE)')
        checks = compare(live, restored)
        return VerifyReport(
            path=str(path),
            backend="postgresql",
            seconds=round(time.perf_counter() - started, 3),
            tables=checks,
            ok=all(c.ok for c in checks),
        )

    @property
    def _database(self) -> str:
        return self._parsed.database or "postgres"

    async def _admin(self, statement: str) -> None:
        # CREATE/DROP DATABASE cannot run in a transaction block.
        engine = make_engine(self._url, pool_size=1)
        try:
            async with engine.connect() as connection:
                await connection.execution_options(isolation_level="AUTOCOMMIT")
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    async def _run(self, tool: str, args: list[str], url: URL) -> None:
        # Connection details go through libpq's environment, keeping the password out of
        # the process list.
        env = dict(os.environ)
        env.update(
            {
                key: str(value)
                for key, value in {
                    "PGHOST": url.host,
                    "PGPORT": url.port,
                    "PGUSER": url.username,
                    "PGPASSWORD": url.password,
                    "PGDATABASE": url.database,
                    "PGSSLMODE": self._ssl,
                }.items()
                if value is not None
            }
        )
        process = await asyncio.create_subprocess_exec(
            find_pg_tool(tool),
            *args,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await process.communicate()
        if process.returncode != 0:
            message = stderr.decode(errors="replace").strip().splitlines()
            raise BackupError(
                f"{tool} failed (exit {process.returncode}): "
                + ("; ".join(message[-3:]) or "no message")
            )


def find_pg_tool(name: str) -> str:
    """The newest installed ``pg_dump``/``pg_restore``, or ``BackupError`` if there is none."""
    versioned = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if versioned:
        return str(versioned[-1])
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed; install the PostgreSQL client tools "
            "(e.g. apt-get install postgresql-client) matching the server's version."
        )
    return found


def _existing(path: Path) -> Path:
    source = Path(path)
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    return source
