"""/healthz (the process answers), /readyz (the database answers), /metrics (Prometheus)."""

from __future__ import annotations

import asyncio
import time

from litestar import Response, get
from litestar.datastructures import State
from sqlalchemy import text

from entrypoints.http.deps import database_engine
from entrypoints.http.metrics import HttpMetrics, scrape_gauges
from entrypoints.http.problems import PROBLEM_JSON, problem_body
from entrypoints.http.schemas import Health

READY_TIMEOUT_S = 2.0


@get("/healthz", tags=["ops"], cache_control=None)
async def healthz() -> Health:
    """Liveness: the process serves requests (no dependency is checked)."""
    return Health(status="ok")


@get("/readyz", tags=["ops"])
async def readyz(state: State) -> Response[object]:
    """Readiness: the database answers ``SELECT 1`` within 2 s; 503 problem+json if not.

    Nothing is cached between calls: when the database comes back the next probe passes,
    without a restart (the pool pre-pings and reconnects).
    """
    started = time.perf_counter()
    try:
        engine = await database_engine(state)
        async with asyncio.timeout(READY_TIMEOUT_S), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as exc:
        body = problem_body(
            503,
            "unavailable",
            f"The database is not reachable: {type(exc).__name__}.",
            instance="/readyz",
            request_id=None,
            checks={"database": "down"},
        )
        return Response(
            body, status_code=503, media_type=PROBLEM_JSON, headers={"Retry-After": "5"}
        )
    latency = round((time.perf_counter() - started) * 1000, 2)
    return Response(Health(status="ready", checks={"database": "up", "database_ms": latency}))


@get("/metrics", tags=["ops"], include_in_schema=False)
async def metrics(state: State) -> Response[bytes]:
    """Prometheus exposition text."""
    registry: HttpMetrics = state.metrics
    body = registry.render() + await scrape_gauges(await database_engine(state))
    return Response(body, media_type=registry.content_type)
