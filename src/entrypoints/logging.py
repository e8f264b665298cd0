"""structlog, configured once per process: JSON lines in production, pretty on a terminal.

The core and the adapters log through the standard library; their records go through the
same renderer, so one process writes one log format. ``F1_LOG_FORMAT`` (``Settings.log_format``)
forces ``json`` or ``console``; ``auto`` picks console only when stderr is a terminal.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

from entrypoints.tracing import add_trace_ids

_configured: str | None = None


def configure_logging(log_format: str = "auto", level: int = logging.INFO) -> str:
    """Configure structlog and stdlib logging; later calls with the same format do nothing.

    Returns the format actually used (``json`` or ``console``).
    """
    global _configured
    chosen = log_format
    if chosen not in {"json", "console"}:
        chosen = "console" if sys.stderr.isatty() else "json"
    if _configured == chosen:
        return chosen
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_trace_ids,  # OpenTelemetry's ids, when a trace is open
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if chosen == "json"
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # uvicorn's own access log would duplicate ours, without request ids.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    _configured = chosen
    return chosen
