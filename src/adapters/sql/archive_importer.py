"""Imports an Ergast-format CSV dump into the archive tables, all or nothing.

One transaction deletes every archive row, bulk-loads the dump and records the import;
any failure rolls back to the previous archive. SQLite gets ``executemany`` in big
batches, and readers see the old archive until commit (WAL).

PostgreSQL gets binary ``COPY`` through asyncpg's ``copy_records_to_table`` on the same
connection, so the COPY runs inside the transaction SQLAlchemy opened. Loading row by row
into indexed, foreign-keyed tables spent most of its time checking four foreign keys and
updating five indexes per result row, so the transaction locks the archive tables, drops
their foreign keys and secondary indexes (read from the catalog, so they come back
exactly as the migrations made them), truncates, copies, and builds them again at the end:
each index is built once and each foreign key checked by one query. Readers wait for the
commit (about a second) instead of seeing the old archive meanwhile. The COPYs share one
connection because several connections would be several transactions, and the import
must stay all or nothing.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import hashlib
import io
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql.archive_tables import DUMP_FILES, DumpFile, imports
from f1core.domain.archive import ArchiveImport, ArchiveImportError

log = logging.getLogger(__name__)

_NULLS = frozenset({r"\N", ""})
_SQLITE_BATCH = 50_000


@dataclass(frozen=True)
class LoadedDump:
    """A parsed dump: per table, its column names and typed rows, plus the checksum."""

    directory: Path
    checksum: str
    columns: dict[str, tuple[str, ...]]
    rows: dict[str, list[tuple[Any, ...]]]

    def row_counts(self) -> dict[str, int]:
        """Rows per table, keyed by table name."""
        return {name: len(rows) for name, rows in self.rows.items()}

    def records(self, table: str) -> list[dict[str, Any]]:
        """The rows of ``table`` as column -> value dicts (for in-memory readers)."""
        cols = self.columns[table]
        return [dict(zip(cols, row, strict=True)) for row in self.rows[table]]


def read_dump(directory: Path) -> LoadedDump:
    """Parse every known CSV of an Ergast dump in ``directory`` (blocking; run in a thread).

    Raises ``ArchiveImportError`` naming the file (and line) for a missing required
    file, a missing column or a value that does not parse.
    """
    directory = directory.absolute()
    if not directory.is_dir():
        raise ArchiveImportError(f"{directory} is not a directory holding an Ergast CSV dump")
    digest = hashlib.sha256()
    columns: dict[str, tuple[str, ...]] = {}
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for spec in DUMP_FILES:
        path = directory / spec.name
        columns[spec.table.name] = tuple(col for _, col, _ in spec.columns)
        if not path.is_file():
            if spec.required:
                raise ArchiveImportError(f"{path} is missing: an Ergast dump needs {spec.name}")
            rows[spec.table.name] = []
            continue
        data = path.read_bytes()
        digest.update(spec.name.encode() + b"\0" + hashlib.sha256(data).digest())
        rows[spec.table.name] = _parse(path, data, spec)
    return LoadedDump(directory, digest.hexdigest(), columns, rows)


def _parse(path: Path, data: bytes, spec: DumpFile) -> list[tuple[Any, ...]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArchiveImportError(f"{path} is not UTF-8 text: {exc}") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise ArchiveImportError(f"{path} is empty: expected a header row")
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [h for h, _, _ in spec.columns if h not in index]
    if missing:
        raise ArchiveImportError(
            f"{path} lacks column(s) {', '.join(missing)} (found: {', '.join(header)})"
        )
    picks = [(index[h], parse) for h, _, parse in spec.columns]
    out: list[tuple[Any, ...]] = []
    try:
        for record in reader:
            if not record:
                continue
            out.append(tuple(None if (v := record[i]) in _NULLS else p(v) for i, p in picks))
    except (ValueError, IndexError) as exc:
        raise ArchiveImportError(
            f"{path} line {reader.line_num}: cannot read the row ({exc})"
        ) from exc
    return out


class SqlArchiveImporter:
    """``ArchiveImporter`` on SQLite (executemany) and PostgreSQL (COPY)."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._postgres = engine.dialect.name == "postgresql"

    async def import_dump(self, directory: Path) -> ArchiveImport:
        """Replace the archive with the dump in ``directory`` in one transaction."""
        started = time.perf_counter()
        dump = await asyncio.to_thread(read_dump, directory)
        counts = dump.row_counts()
        try:
            async with self._engine.begin() as conn:
                if self._postgres:
                    await _replace_postgres(conn, dump, self._load)
                else:
                    for spec in reversed(DUMP_FILES):
                        await conn.execute(delete(spec.table))
                    for spec in DUMP_FILES:
                        await self._load(conn, spec, dump)
                duration = time.perf_counter() - started
                imported_at = self._clock()
                new_id = (
                    await conn.execute(
                        insert(imports)
                        .values(
                            source_dir=str(dump.directory),
                            checksum=dump.checksum,
                            imported_at=imported_at,
                            row_counts=msgspec.json.encode(counts).decode(),
                            duration_s=duration,
                        )
                        .returning(imports.c.id)
                    )
                ).scalar_one()
        except SQLAlchemyError as exc:
            raise ArchiveImportError(
                f"importing {directory} failed, the previous archive is unchanged: {exc}"
            ) from exc
        log.info("archive imported from %s in %.2f s: %s", directory, duration, counts)
        return ArchiveImport(
            id=new_id,
            source_dir=str(dump.directory),
            checksum=dump.checksum,
            imported_at=imported_at,
            row_counts=counts,
            duration_s=duration,
        )

    async def _load(self, conn: AsyncConnection, spec: DumpFile, dump: LoadedDump) -> None:
        name = spec.table.name
        rows = dump.rows[name]
        if not rows:
            return
        cols = dump.columns[name]
        if self._postgres:
            await _copy_postgres(conn, name, cols, rows)
            return
        # SQLAlchemy stores SQLite dates as ISO text; the raw driver call must match
        dates = [i for i, col in enumerate(cols) if name_is_date(spec, col)]
        if dates:
            rows = [
                tuple(v.isoformat() if i in dates and v is not None else v for i, v in enumerate(r))
                for r in rows
            ]
        sql = f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        for start in range(0, len(rows), _SQLITE_BATCH):
            await conn.exec_driver_sql(sql, rows[start : start + _SQLITE_BATCH])


def name_is_date(spec: DumpFile, column: str) -> bool:
    """True when ``column`` of the spec's table is a DATE column."""
    return spec.table.c[column].type.python_type is dt.date


# The archive tables' foreign keys (either end) and their indexes that back no constraint.
_FOREIGN_KEYS = text(
    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE contype = 'f' AND (conrelid = ANY(CAST(:tables AS regclass[])) "
    "OR confrelid = ANY(CAST(:tables AS regclass[]))) ORDER BY conname"
)
_SECONDARY_INDEXES = text(
    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "WHERE i.indrelid = ANY(CAST(:tables AS regclass[])) AND NOT EXISTS "
    "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
    "ORDER BY i.indexrelid::regclass::text"
)


async def _replace_postgres(
    conn: AsyncConnection,
    dump: LoadedDump,
    load: Callable[[AsyncConnection, DumpFile, LoadedDump], Awaitable[None]],
) -> None:
    """Swap the archive's rows for the dump's inside the caller's transaction."""
    tables = [spec.table.name for spec in DUMP_FILES]
    listed = {"tables": tables}
    await conn.exec_driver_sql(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
    foreign_keys = (await conn.execute(_FOREIGN_KEYS, listed)).all()
    indexes = (await conn.execute(_SECONDARY_INDEXES, listed)).all()
    for table, name, _ in foreign_keys:
        await conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        await conn.exec_driver_sql(f"DROP INDEX {name}")
    await conn.exec_driver_sql(f"TRUNCATE {', '.join(tables)}")
    for spec in DUMP_FILES:
        await load(conn, spec, dump)
    for _, definition in indexes:
        await conn.exec_driver_sql(definition)
    for table, name, definition in foreign_keys:
        await conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    # Fresh statistics, so the first queries after an import get the plans later ones do.
    await conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")


async def _copy_postgres(
    conn: AsyncConnection, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    import asyncpg  # only PostgreSQL needs it

    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None  # a live pooled connection always has one
    try:
        await driver.copy_records_to_table(table, records=rows, columns=list(cols))
    except asyncpg.PostgresError as exc:
        raise ArchiveImportError(
            f"loading {table} failed, the previous archive is unchanged: {exc}"
        ) from exc


async def latest_import(conn: AsyncConnection) -> ArchiveImport | None:
    """The newest import record, or None when nothing was ever imported."""
    row = (await conn.execute(select(imports).order_by(imports.c.id.desc()).limit(1))).one_or_none()
    if row is None:
        return None
    imported_at = row.imported_at
    if imported_at.tzinfo is None:  # SQLite hands back naive datetimes
        imported_at = imported_at.replace(tzinfo=dt.UTC)
    return ArchiveImport(
        id=row.id,
        source_dir=row.source_dir,
        checksum=row.checksum,
        imported_at=imported_at,
        row_counts=msgspec.json.decode(row.row_counts, type=dict[str, int]),
        duration_s=row.duration_s,
    )
