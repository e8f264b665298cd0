"""The app factory: one place assembles the Litestar app around the composition root."""

from __future__ import annotations

import gc
import logging
import os
from datetime import UTC, datetime
from typing import Any

from dependency_injector import providers
from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from opentelemetry.sdk.trace import TracerProvider

from entrypoints.composition import Container, bootstrap
from entrypoints.http.caching import not_modified
from entrypoints.http.client_address import TrustedProxies
from entrypoints.http.config import HttpConfig
from entrypoints.http.controllers.admin import AdminController
from entrypoints.http.controllers.ask import AskController, shared
from entrypoints.http.controllers.auth import AuthController
from entrypoints.http.controllers.data import DataController
from entrypoints.http.controllers.ops import healthz, readyz
from entrypoints.http.controllers.ops import metrics as metrics_endpoint
from entrypoints.http.controllers.status import StatusController
from entrypoints.http.deps import DEPENDENCIES, provide_get_shared_answer
from entrypoints.http.edge import EdgeMiddleware, security_headers
from entrypoints.http.metrics import HttpMetrics, InstrumentedSessionSource
from entrypoints.http.openapi import (
    StrictStructSchemaPlugin,
    document_plain_text,
    document_problems,
)
from entrypoints.http.problems import EXCEPTION_HANDLERS
from entrypoints.http.ratelimit import RateLimiter
from entrypoints.http.schemas import PLAIN_TEXT
from entrypoints.http.source_guard import GuardedSessionSource
from entrypoints.http.strict import allow_header, strict_json_body
from entrypoints.logging import configure_logging
from entrypoints.scheduler import ScheduledJob, Scheduler
from entrypoints.settings import Settings
from entrypoints.tracing import provider_from_env, trace_engine, tracing_wanted, use_provider
from entrypoints.web import WebAssets, create_web_router
from entrypoints.web.openapi_page import SelfHostedSwaggerPlugin
from entrypoints.web.router import SKIP_COMPRESSION, SharedPreview
from f1core.errors import F1Error

logger = logging.getLogger(__name__)


async def _close_login_failures(container: Container, settings: Settings) -> None:
    """Release the login-failure store's Redis pool (a Singleton, not a Resource)."""
    if not settings.redis_url:
        return
    close = getattr(container.accounts.login_failures(), "close", None)
    if close is not None:
        await close()


def create_app(
    container: Container | None = None,
    config: HttpConfig | None = None,
    *,
    tracer_provider: TracerProvider | None = None,
) -> Litestar:
    """The HTTP app over ``container`` (built from the environment when None).

    Tests pass a container with overridden providers and an ``HttpConfig``; ``f1 serve``
    calls this with no arguments in every worker process (``--factory``).
    """
    container = container or bootstrap(Settings.from_env())
    config = config or HttpConfig.from_env()
    settings: Settings = container.settings()
    configure_logging(settings.log_format)
    metrics = HttpMetrics()
    _instrument_sessions(container, metrics)
    limiter = RateLimiter(config, settings.redis_url)

    scheduler = _SchedulerSlot(container, settings)
    startup: list[Any] = [settle_heap, scheduler.start]
    if tracer_provider is None and tracing_wanted(os.environ):
        tracer_provider = provider_from_env(os.environ)
    use_provider(tracer_provider)
    plugins: list[Any] = [StrictStructSchemaPlugin()]
    if tracer_provider is not None:
        plugins.append(OpenTelemetryPlugin(OpenTelemetryConfig(tracer_provider=tracer_provider)))
        provider = tracer_provider

        async def trace_database() -> None:
            trace_engine(await _resolved(container.storage.engine()), provider)

        startup.insert(0, trace_database)

    async def shutdown() -> None:
        await scheduler.stop()
        await _close_login_failures(container, settings)
        result = container.shutdown_resources()
        if result is not None:
            await result

    web = WebAssets()
    api = Router(
        path="/",
        route_handlers=[
            AuthController,
            AdminController,
            StatusController,
            DataController,
            AskController,
            shared,
        ],
    )
    app = Litestar(
        route_handlers=[
            healthz,
            readyz,
            metrics_endpoint,
            api,
            create_web_router(web, shared_lookup=_shared_preview),
        ],
        dependencies=DEPENDENCIES,
        exception_handlers=EXCEPTION_HANDLERS,
        cors_config=_cors(config),
        # JSON answers and the OpenAPI document: brotli, or gzip for older clients. The
        # web router compresses its own files once and keeps them (SKIP_COMPRESSION).
        compression_config=CompressionConfig(
            backend="brotli", brotli_gzip_fallback=True, exclude_opt_key=SKIP_COMPRESSION
        ),
        request_max_body_size=config.max_body_bytes,
        on_startup=startup,
        on_shutdown=[shutdown],
        plugins=plugins,
        before_request=strict_json_body,
        openapi_config=OpenAPIConfig(
            title="F1 analysis API",
            version="1",
            path="/schema",
            render_plugins=[
                SelfHostedSwaggerPlugin(
                    static_prefix=f"/static/{web.version}", title="F1 analysis API"
                )
            ],
            components=Components(
                security_schemes={
                    "BearerToken": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT")
                }
            ),
        ),
        debug=False,
        # structlog (configure_logging) owns the log handlers; Litestar must not add its own.
        logging_config=None,
    )
    document_problems(app)
    document_plain_text(app, PLAIN_TEXT)
    app.state.container = container
    app.state.metrics = metrics
    app.state.limiter = limiter
    app.state.config = config
    app.state.scheduler = scheduler
    # Wrap outside routing so 404/405 are logged, counted and get a request id too.
    app.asgi_handler = EdgeMiddleware(
        app.asgi_handler,
        metrics=metrics,
        limiter=limiter,
        user_of_token=_token_reader(container),
        trusted_proxies=TrustedProxies(settings.trusted_proxies),
        log_requests=config.log_requests,
        always_hsts=config.trust_tls,
        cors=bool(config.cors_origins),
        # Litestar's before_send, run by the edge (so its own 429s get them too).
        hooks=[
            security_headers(always_hsts=config.trust_tls),
            not_modified,
            allow_header(app.routes),
        ],
    )
    logger.info(
        "http app ready: database %s, rate limits in %s",
        _backend(settings.database_url),
        limiter.backend,
    )
    return app


def settle_heap() -> None:
    """Take what the process has built so far out of the cyclic garbage collector's view.

    Modules, classes and the container live as long as the worker; a full collection
    walked all of them (over 100,000 objects: 0.2 to 0.45 s with the event loop stopped,
    the slowest answers under load). Frozen, they are never walked again; what is made
    later is collected as usual. Run at startup and after a cold session load (which
    imports FastF1 and pandas).
    """
    gc.collect()
    gc.freeze()


class _SchedulerSlot:
    """The scheduled jobs (F1_ARCHIVE_SYNC_INTERVAL, F1_BACKUP_INTERVAL), if any are set."""

    def __init__(self, container: Container, settings: Settings) -> None:
        self._container = container
        self._settings = settings
        self.scheduler: Scheduler | None = None

    async def start(self) -> None:
        jobs = []
        if self._settings.archive_sync_interval is not None:
            jobs.append(
                ScheduledJob("archive sync", self._settings.archive_sync_interval, self._sync)
            )
        if self._settings.backup_interval is not None:
            jobs.append(ScheduledJob("backup", self._settings.backup_interval, self._backup))
        if not jobs:
            return
        lock = await _resolved(self._container.storage.job_lock())
        self.scheduler = Scheduler(lock, jobs)
        await self.scheduler.start()

    async def stop(self) -> None:
        if self.scheduler is not None:
            await self.scheduler.stop()

    async def _sync(self) -> object:
        # an empty embedded archive imports F1_ARCHIVE_DIR first, as on first question
        await _resolved(self._container.archive.historical_archive())
        update = await _resolved(self._container.archive.update_archive())
        return await update.execute()

    async def _backup(self) -> object:
        await _resolved(self._container.storage.engine())  # the embedded database exists
        backup = await _resolved(self._container.storage.backup_with_retention())
        return await backup.execute()


async def _resolved(provided: Any) -> Any:
    # providers built on the async engine Resource hand back awaitables
    if hasattr(provided, "__await__"):
        return await provided
    return provided


async def _shared_preview(state: Any, token: str) -> SharedPreview | None:
    # The shared page's link preview: the question and the answer's paragraph.
    try:
        shared_answer = await (await provide_get_shared_answer(state)).execute(token)
    except F1Error:
        return None
    text = shared_answer.answer.get("text")
    return SharedPreview(
        title=shared_answer.question,
        description=text if isinstance(text, str) and text else shared_answer.summary,
    )


def _instrument_sessions(container: Container, metrics: HttpMetrics) -> None:
    # Time the cold loads the loader passes to the source. The source is built (cheaply:
    # no FastF1 import) and wrapped before the loader singleton first asks for it.
    # The guard turns a source failing in an unforeseen way into a 502 problem, not a 500.
    source = GuardedSessionSource(container.sessions.source())
    container.sessions.source.override(providers.Object(InstrumentedSessionSource(source, metrics)))


def _token_reader(container: Container) -> Any:
    def user_of_token(token: str) -> str | None:
        try:
            issuer = container.accounts.token_issuer()
            subject: str = issuer.verify_access(token, datetime.now(UTC)).subject
            return subject
        except F1Error:
            return None

    return user_of_token


def _cors(config: HttpConfig) -> CORSConfig | None:
    if not config.cors_origins:
        return None
    return CORSConfig(
        allow_origins=list(config.cors_origins),
        allow_methods=["GET", "POST", "PUT", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID", "If-None-Match"],
        expose_headers=["X-Request-ID", "Retry-After", "ETag"],
        max_age=600,
    )


def _backend(url: str) -> str:
    return url.split(":", 1)[0]
