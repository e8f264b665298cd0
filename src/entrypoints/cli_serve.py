"""``f1 serve``: the HTTP API under uvicorn, one or several worker processes.

Every worker builds its own app with ``create_app()`` from the same environment; the
rate limits and the database are shared through Redis and PostgreSQL in production.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import tempfile
from typing import cast

import click

from entrypoints.settings import Settings
from f1core.errors import ConfigurationError

logger = logging.getLogger("f1.serve")
WORKER_HEALTHCHECK_TIMEOUT_S = 60
SECRET_FILE = "jwt-secret"


def ensure_jwt_secret(settings: Settings) -> str:
    """The JWT secret: ``F1_JWT_SECRET``, or on the embedded setup one generated once and
    kept in ``F1_DATA_DIR/jwt-secret`` (mode 0600) so tokens survive a restart.

    With PostgreSQL (a production setup, maybe several hosts) a secret generated on one
    host would not verify on another, so it must be configured.
    """
    if settings.jwt_secret:
        return settings.jwt_secret
    if not settings.database_url.startswith("sqlite"):
        raise ConfigurationError(
            "Set F1_JWT_SECRET (at least 32 random characters, the same on every host): "
            "with PostgreSQL the server does not generate one."
        )
    path = settings.data_dir / SECRET_FILE
    if path.exists():
        secret = path.read_text().strip()
        logger.info("using the JWT secret kept in %s (F1_JWT_SECRET is not set)", path)
        return secret
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret + "\n")
    logger.warning("F1_JWT_SECRET is not set: generated one and stored it in %s", path)
    return secret


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (use several in production, with PostgreSQL and Redis).",
)
@click.option("--ssl-certfile", type=click.Path(exists=True, dir_okay=False), default=None)
@click.option("--ssl-keyfile", type=click.Path(exists=True, dir_okay=False), default=None)
def serve(
    host: str,
    port: int,
    workers: int,
    ssl_certfile: str | None,
    ssl_keyfile: str | None,
) -> None:
    """Serve the HTTP API (OpenAPI at /schema, health at /healthz and /readyz)."""
    import asyncio

    import uvicorn

    from entrypoints.logging import configure_logging  # structlog and OpenTelemetry: serve only
    from entrypoints.serve_deadlines import DeadlineHttpProtocol

    settings = Settings.from_env()
    configure_logging(settings.log_format)
    # Everything the server writes under F1_DATA_DIR (database, snapshots, FastF1's cache)
    # is its own business: private files and folders, like the JWT secret.
    os.umask(0o077)
    # Workers are child processes reading the environment: hand them the secret that way.
    os.environ["F1_JWT_SECRET"] = ensure_jwt_secret(settings)
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # One /metrics for all workers: prometheus_client sums their files from here.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="f1-metrics-")
    if workers > 1 and not settings.redis_url:
        logger.warning("several workers without F1_REDIS_URL: each enforces rate limits alone")
    logger.info(
        "serving on %s://%s:%d with %d worker(s)",
        "https" if ssl_certfile else "http",
        host,
        port,
        workers,
    )
    uvicorn.run(
        "entrypoints.http.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        # The app reads X-Forwarded-* itself, from F1_TRUSTED_PROXIES only: uvicorn would
        # believe them from loopback (or FORWARDED_ALLOW_IPS) by default.
        proxy_headers=False,
        access_log=False,  # the app logs every request itself, with its request id
        log_config=None,
        server_header=False,
        timeout_graceful_shutdown=10,
        # uvicorn kills a worker that does not answer its health ping in time, and a
        # spawned worker only starts answering once its interpreter is up: on a loaded
        # 2-core machine that took over uvicorn's 5 s default, so workers were killed and
        # respawned forever and the service never became ready.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_TIMEOUT_S,
        # uvicorn calls ``http`` like a protocol class; a partial of one pickles, so
        # worker processes get the same deadlines.
        http=cast(
            "type[asyncio.Protocol]",
            functools.partial(
                DeadlineHttpProtocol,
                header_timeout=settings.http_header_timeout,
                body_timeout=settings.http_body_timeout,
            ),
        ),
    )
