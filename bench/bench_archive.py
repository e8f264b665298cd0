"""Archive benchmark: full Ergast import and each query's p50/p99, on SQLite and PostgreSQL.

Prints one JSON line per case. Run: ``.venv/bin/python bench/bench_archive.py``
(``--dump DIR``, ``--pg-url URL``, ``--repeat N``). PostgreSQL runs in its own schema.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from adapters.sql.archive_tables import archive_metadata
from adapters.sql.engine import make_engine

SCHEMA = "archive_bench"


def cases(a: SqlHistoricalArchive) -> dict[str, Callable[[], Awaitable[Any]]]:
    return {
        "race_result 2021 Abu Dhabi": lambda: a.race_result(2021, "Abu Dhabi"),
        "race_result 1988 Monaco top10": lambda: a.race_result(1988, "Monaco", top=10),
        "standings 2024 final": lambda: a.standings(2024),
        "standings 2024 after round 5": lambda: a.standings(2024, after_round=5),
        "standings 2024 constructors": lambda: a.standings(2024, constructors=True),
        "champions 1988": lambda: a.champions(1988),
        "tally hamilton career": lambda: a.tally("hamilton", kind="driver"),
        "tally VER 2023": lambda: a.tally("VER", kind="driver", year=2023),
        "tally ferrari career": lambda: a.tally("ferrari", kind="team"),
        "most_wins all time": lambda: a.most_wins(),
        "most_wins 2023": lambda: a.most_wins(year=2023),
        "most_wins teams all time": lambda: a.most_wins(kind="team"),
        "wins_at_circuit monaco": lambda: a.wins_at_circuit("Monaco"),
        "wins_at_circuit monaco senna": lambda: a.wins_at_circuit("Monaco", driver="senna"),
        "head_to_head 1988 senna prost": lambda: a.head_to_head(1988, "senna", "prost"),
        "data_version": a.data_version,
    }


async def engine_for(backend: str, pg_url: str, workdir: Path) -> AsyncEngine:
    if backend == "sqlite":
        engine = make_engine(f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}")
    else:
        admin = create_async_engine(pg_url)
        async with admin.begin() as conn:
            await conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            await conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        await admin.dispose()
        engine = create_async_engine(
            pg_url, connect_args={"server_settings": {"search_path": SCHEMA}}
        )
    async with engine.begin() as conn:
        await conn.run_sync(archive_metadata.create_all)
    return engine


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


async def bench(backend: str, dump: Path, pg_url: str, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        engine = await engine_for(backend, pg_url, Path(workdir))
        try:
            importer = SqlArchiveImporter(engine)
            for attempt in ("first", "again"):
                started = time.perf_counter()
                record = await importer.import_dump(dump)
                emit(
                    backend=backend,
                    case=f"import ({attempt})",
                    seconds=round(time.perf_counter() - started, 3),
                    rows=sum(record.row_counts.values()),
                    target_s=5.0,
                )
            archive = SqlHistoricalArchive(engine)
            for name, call in cases(archive).items():
                await call()  # warm: name index, statement cache, pool
                samples = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    await call()
                    samples.append((time.perf_counter() - started) * 1000)
                samples.sort()
                emit(
                    backend=backend,
                    case=name,
                    p50_ms=round(statistics.median(samples), 3),
                    p99_ms=round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
                    n=repeat,
                    target_p50_ms=5.0,
                )
        finally:
            await engine.dispose()
            if backend == "postgresql":
                admin = create_async_engine(pg_url)
                async with admin.begin() as conn:
                    await conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
                await admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dump", type=Path, default=Path("../shared/data/ergast-csv"))
    parser.add_argument("--pg-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        asyncio.run(bench(backend, args.dump, args.pg_url, args.repeat))


if __name__ == "__main__":
    main()
