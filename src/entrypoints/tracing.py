"""OpenTelemetry tracing, off unless the standard ``OTEL_*`` variables ask for it.

``OTEL_TRACES_EXPORTER`` (``otlp``, ``console``) or an ``OTEL_EXPORTER_OTLP_*ENDPOINT``
turns it on (``OTEL_SDK_DISABLED=true`` keeps it off); the SDK reads the rest
(``OTEL_SERVICE_NAME``, endpoints, headers, sampling) itself. One trace then spans the
HTTP request (Litestar's OpenTelemetry plugin), the session load and the database calls
(SQLAlchemy's instrumentation); log lines carry its ``trace_id`` and ``span_id``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter
from sqlalchemy.ext.asyncio import AsyncEngine

from f1core.errors import ConfigurationError

_TRACER = "f1-analysis"


def tracing_wanted(env: Mapping[str, str]) -> bool:
    """True when the ``OTEL_*`` variables configure a trace exporter."""
    if env.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return False
    exporter = env.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter:
        return exporter != "none"
    return bool(
        env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )


def provider_from_env(env: Mapping[str, str]) -> TracerProvider:
    """A tracer provider exporting where the ``OTEL_*`` variables say."""
    provider = TracerProvider(
        resource=Resource.create({"service.name": env.get("OTEL_SERVICE_NAME", "f1-analysis")})
    )
    exporter_name = env.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower()
    exporter: Any
    if exporter_name == "console":
        exporter = ConsoleSpanExporter()
    elif exporter_name == "otlp":
        try:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[import-not-found,unused-ignore]
                OTLPSpanExporter,
            )
        except ImportError as exc:
            raise ConfigurationError(
                "OTEL_* asks for the OTLP exporter: install opentelemetry-exporter-otlp-proto-http"
            ) from exc
        exporter = OTLPSpanExporter()
    else:
        raise ConfigurationError(
            f"OTEL_TRACES_EXPORTER must be otlp, console or none, not {exporter_name!r}."
        )
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


_state: dict[str, Any] = {"provider": None}


def use_provider(provider: TracerProvider | None) -> None:
    """Make ``span()`` record through ``provider`` (None: record nothing)."""
    _state["provider"] = provider


@contextlib.contextmanager
def span(name: str, **attributes: str | int) -> Iterator[None]:
    """A child span of the current trace (nothing when tracing is off)."""
    provider = _state["provider"]
    if provider is None:
        yield
        return
    with provider.get_tracer(_TRACER).start_as_current_span(name, attributes=attributes):
        yield


def trace_engine(engine: AsyncEngine, provider: TracerProvider) -> None:
    """Record every statement ``engine`` runs as a span of the current trace."""
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer

    usage = metrics.get_meter(_TRACER).create_up_down_counter("db.client.connections.usage")
    EngineTracer(  # type: ignore[no-untyped-call]
        provider.get_tracer("opentelemetry.instrumentation.sqlalchemy"), engine.sync_engine, usage
    )


def add_trace_ids(_: object, __: str, event: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: the current span's trace and span ids, when there is one."""
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event["trace_id"] = format(context.trace_id, "032x")
        event["span_id"] = format(context.span_id, "016x")
    return event
