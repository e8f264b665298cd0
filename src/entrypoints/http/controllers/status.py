"""/api/v1/admin/status: the dashboard's headline figures from the service's own metrics,
for installations without Prometheus and Grafana (admins only).

Counts are since the service started (every worker's, when running several); latency
percentiles are estimated from the histogram buckets as Prometheus would.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import msgspec
from litestar import Controller, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from prometheus_client.parser import text_string_to_metric_families

from entrypoints.http.deps import database_engine
from entrypoints.http.metrics import HttpMetrics, scrape_gauges
from entrypoints.http.schemas import BEARER
from f1core.domain.accounts import UserProfile


class ServiceStatus(msgspec.Struct, frozen=True, kw_only=True):
    """The status page's figures."""

    ready: bool
    requests: int
    server_errors: int
    error_rate: float
    latency_p50_s: float | None
    latency_p99_s: float | None
    answers: dict[str, int]  # by outcome
    answer_cache_hit_rate: float | None
    session_loads: int
    session_load_mean_s: float | None
    db_pool_in_use: int | None
    db_pool_size: int | None
    archive_latest_race: str | None  # ISO date
    archive_age_days: float | None
    archive_last_import: str | None  # ISO time


def _quantile(q: float, buckets: dict[float, float]) -> float | None:
    # like histogram_quantile: linear within the bucket the rank falls in
    edges = sorted(buckets)
    total = buckets[edges[-1]] if edges else 0
    if total <= 0:
        return None
    rank = q * total
    lower, below = 0.0, 0.0
    for edge in edges:
        count = buckets[edge]
        if count >= rank:
            if edge == float("inf"):
                return lower
            width = count - below
            return lower + (edge - lower) * ((rank - below) / width if width else 1)
        lower, below = edge, count
    return lower


def read_status(exposition: str, today: dt.date) -> ServiceStatus:
    """The figures from Prometheus exposition text."""
    requests = errors = loads = 0.0
    load_sum = 0.0
    buckets: dict[float, float] = defaultdict(float)
    answers: dict[str, int] = defaultdict(int)
    cache: dict[str, float] = defaultdict(float)
    gauges: dict[str, float] = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            name, labels, value = sample.name, sample.labels, sample.value
            if name == "f1_http_requests_total":
                requests += value
                errors += value if labels.get("status", "").startswith("5") else 0
            elif name == "f1_http_request_duration_seconds_bucket":
                if labels.get("route") != "/metrics":
                    buckets[float(labels["le"])] += value
            elif name == "f1_answers_total":
                answers[labels.get("outcome", "?")] += int(value)
            elif name == "f1_answer_cache_total":
                cache[labels.get("result", "?")] += value
            elif name == "f1_session_loads_seconds_count":
                loads += value
            elif name == "f1_session_loads_seconds_sum":
                load_sum += value
            elif family.type == "gauge":
                gauges[name] = value
    race_ts = gauges.get("f1_archive_latest_race_timestamp_seconds", 0.0)
    race = dt.datetime.fromtimestamp(race_ts, dt.UTC).date() if race_ts else None
    import_ts = gauges.get("f1_archive_last_import_timestamp_seconds", 0.0)
    cached = cache["hit"] + cache["miss"]
    pool_use, pool_size = gauges.get("f1_db_pool_connections_in_use"), gauges.get("f1_db_pool_size")
    return ServiceStatus(
        ready=gauges.get("f1_ready", 0.0) == 1.0,
        requests=int(requests),
        server_errors=int(errors),
        error_rate=errors / requests if requests else 0.0,
        latency_p50_s=_quantile(0.5, buckets),
        latency_p99_s=_quantile(0.99, buckets),
        answers=dict(sorted(answers.items())),
        answer_cache_hit_rate=cache["hit"] / cached if cached else None,
        session_loads=int(loads),
        session_load_mean_s=load_sum / loads if loads else None,
        db_pool_in_use=None if pool_use is None else int(pool_use),
        db_pool_size=None if pool_size is None else int(pool_size),
        archive_latest_race=race.isoformat() if race else None,
        archive_age_days=float((today - race).days) if race else None,
        archive_last_import=(
            dt.datetime.fromtimestamp(import_ts, dt.UTC).isoformat(timespec="seconds")
            if import_ts
            else None
        ),
    )


class StatusController(Controller):
    path = "/api/v1/admin"
    tags = ("admin",)
    security = BEARER

    @get("/status")
    async def status(self, state: State, admin: NamedDependency[UserProfile]) -> ServiceStatus:
        """Readiness, traffic, errors, latency, answers, cache, loads, pool, archive age."""
        metrics: HttpMetrics = state.metrics
        text = metrics.render() + await scrape_gauges(await database_engine(state))
        return read_status(text.decode(), dt.datetime.now(dt.UTC).date())
