"""Per-table row counts and checksums, to compare a restored backup with its source."""

from __future__ import annotations

import hashlib

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from f1core.ports.backups import TableCheck, TableFingerprint

_MODULUS = 1 << 128


async def table_fingerprints(
    engine: AsyncEngine, schema: str | None = None
) -> dict[str, TableFingerprint]:
    """Every table of ``schema`` (the default schema when None) with count and checksum.

    The checksum is the sum, modulo 2**128, of a SHA-256 prefix of each row's repr: it does
    not depend on row order (no ORDER BY over JSON columns needed) and streams in constant
    memory. Both sides of a comparison are the same backend and driver, so reprs agree.
    """

    def _names(connection: Connection) -> list[str]:
        return sorted(inspect(connection).get_table_names(schema=schema))

    fingerprints: dict[str, TableFingerprint] = {}
    async with engine.connect() as connection:
        for name in await connection.run_sync(_names):
            quoted = engine.dialect.identifier_preparer.quote(name)
            if schema is not None:
                quoted = f"{engine.dialect.identifier_preparer.quote_schema(schema)}.{quoted}"
            rows = 0
            total = 0
            result = await connection.stream(text(f"SELECT * FROM {quoted}"))
            async for partition in result.partitions(5000):
                for row in partition:
                    digest = hashlib.sha256(repr(tuple(row)).encode()).digest()
                    total = (total + int.from_bytes(digest[:16], "big")) % _MODULUS
                    rows += 1
            fingerprints[name] = TableFingerprint(table=name, rows=rows, checksum=f"{total:032x}")
    return fingerprints


def compare(
    source: dict[str, TableFingerprint], backup: dict[str, TableFingerprint]
) -> tuple[TableCheck, ...]:
    """One check per table present on either side, in name order."""
    checks = []
    for name in sorted(source.keys() | backup.keys()):
        s, b = source.get(name), backup.get(name)
        checks.append(
            TableCheck(
                table=name,
                source_rows=s.rows if s else None,
                backup_rows=b.rows if b else None,
                source_checksum=s.checksum if s else None,
                backup_checksum=b.checksum if b else None,
            )
        )
    return tuple(checks)
