"""Prometheus metrics: requests, answers, cache hits and session loads.

Each app has its own registry (tests build many apps in one process). Under several
workers ``PROMETHEUS_MULTIPROC_DIR`` is set (``f1 serve`` does it) and ``/metrics``
aggregates every worker's files, so a scrape sees the whole server, not one worker.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import os
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from entrypoints.tracing import span
from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef
from f1core.ports.session_source import SessionSource

_LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class HttpMetrics:
    """The service's metrics on one registry."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "f1_http_requests_total",
            "HTTP requests by route template, method and status.",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "f1_http_request_duration_seconds",
            "HTTP request latency by route template and status.",
            ("route", "status"),
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "f1_answers_total",
            "Answers by intent (query type) and outcome (answered, refused, failed kind).",
            ("intent", "outcome"),
            registry=self.registry,
        )
        self.answer_cache = Counter(
            "f1_answer_cache_total",
            "Answers served from the shared answer cache (hit) or computed (miss).",
            ("result",),
            registry=self.registry,
        )
        self.session_loads = Histogram(
            "f1_session_loads_seconds",
            "Cold session loads from the data source (not snapshots or memory), by outcome.",
            ("outcome",),
            buckets=(0.1, 0.5, 1, 2, 5, 10, 20, 40, 80),
            registry=self.registry,
        )

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one finished request."""
        code = str(status)
        self.requests.labels(route, method, code).inc()
        self.latency.labels(route, code).observe(seconds)

    def observe_answer(self, intent: str, outcome: str, *, cached: bool | None = None) -> None:
        """Count one answered (or refused, or failed) question or query."""
        self.answers.labels(intent, outcome).inc()
        if cached is not None:
            self.answer_cache.labels("hit" if cached else "miss").inc()

    def render(self) -> bytes:
        """The exposition text; every worker's values when running multi-process."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry)
        return generate_latest(self.registry)


class InstrumentedSessionSource:
    """A ``SessionSource`` that times every load it passes on (the cold, slow path)."""

    def __init__(self, inner: SessionSource, metrics: HttpMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        return await self._inner.events(year)

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        return await self._inner.known_sessions(year)

    async def load(self, ref: SessionRef) -> Session:
        started = time.perf_counter()
        outcome = "error"
        try:
            with span("session load", year=ref.year, event=str(ref.event), kind=ref.kind.value):
                session = await self._inner.load(ref)
            outcome = "loaded"
            # A cold load imports FastF1 and pandas: keep their modules out of every later
            # full garbage collection, as at startup (see ``app.settle_heap``).
            gc.freeze()
            return session
        finally:
            self._metrics.session_loads.labels(outcome).observe(time.perf_counter() - started)


# --- read at scrape time: readiness, the pool, the archive's freshness ---------------------

_LATEST_RACE = text(
    "SELECT max(r.date) FROM archive_races r "
    "WHERE EXISTS (SELECT 1 FROM archive_results x WHERE x.race_id = r.id)"
)
_LATEST_IMPORT = text("SELECT max(imported_at) FROM archive_imports")


class _Gauges(Collector):
    def __init__(self, values: dict[str, tuple[str, float]]) -> None:
        self._values = values

    def collect(self) -> Iterator[GaugeMetricFamily]:
        for name, (doc, value) in self._values.items():
            yield GaugeMetricFamily(name, doc, value=value)


async def scrape_gauges(engine: AsyncEngine, timeout_s: float = 2.0) -> bytes:
    """Gauges measured when Prometheus scrapes (by the worker answering the scrape).

    ``f1_ready`` is what ``/readyz`` checks (the database answers ``SELECT 1``); the
    archive's freshness is the date of its latest race with results and the time of its
    latest import or update (0 when there is none).
    """
    values: dict[str, tuple[str, float]] = {}
    pool: Any = engine.pool
    if hasattr(pool, "checkedout") and hasattr(pool, "size"):
        values["f1_db_pool_connections_in_use"] = (
            "Database connections checked out of this worker's pool.",
            float(pool.checkedout()),
        )
        values["f1_db_pool_size"] = ("This worker's database pool size.", float(pool.size()))
    ready, latest_race, latest_import = 0.0, 0.0, 0.0
    try:
        async with asyncio.timeout(timeout_s), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            ready = 1.0
            try:
                race = (await conn.execute(_LATEST_RACE)).scalar()
                imported = (await conn.execute(_LATEST_IMPORT)).scalar()
            except Exception:  # archive tables missing: not migrated yet
                race = imported = None
            latest_race = _epoch(race)
            latest_import = _epoch(imported)
    except Exception:
        ready = 0.0
    values["f1_ready"] = ("1 when the database answers within 2 s (as /readyz), else 0.", ready)
    values["f1_archive_latest_race_timestamp_seconds"] = (
        "Start of the day of the archive's latest race with results (Unix time).",
        latest_race,
    )
    values["f1_archive_last_import_timestamp_seconds"] = (
        "When the archive was last imported or updated (Unix time).",
        latest_import,
    )
    registry = CollectorRegistry()
    registry.register(_Gauges(values))
    return generate_latest(registry)


def _epoch(value: object) -> float:
    if isinstance(value, str):  # SQLite hands back text for aggregates
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return moment.timestamp()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).timestamp()
    return 0.0
