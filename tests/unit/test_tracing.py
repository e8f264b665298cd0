"""OpenTelemetry: off unless OTEL_* asks; when on, one trace spans the HTTP request, the
session load and the database calls, and log lines carry its trace id."""

from __future__ import annotations

from pathlib import Path

from dependency_injector import providers
from litestar.testing import TestClient
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from tests.fakes import FakeSessionSource, make_event, make_lap, make_session
from tests.unit.test_http_app import SECRET, bearer, register_and_login

from entrypoints.composition import bootstrap
from entrypoints.http import create_app
from entrypoints.http.config import HttpConfig
from entrypoints.settings import Settings
from entrypoints.tracing import add_trace_ids, tracing_wanted, use_provider
from f1core.domain.session import SessionKind


def test_off_unless_the_otel_variables_ask() -> None:
    assert not tracing_wanted({})
    assert not tracing_wanted({"OTEL_SERVICE_NAME": "f1"})
    assert tracing_wanted({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert tracing_wanted({"OTEL_TRACES_EXPORTER": "console"})
    assert not tracing_wanted({"OTEL_TRACES_EXPORTER": "none"})
    assert not tracing_wanted(
        {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_SDK_DISABLED": "true"}
    )


def test_one_trace_spans_request_session_load_and_database(tmp_path: Path) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monza = make_event(2024, 16, "Italian Grand Prix", "Italy", "Monza")
    session = make_session(
        monza, SessionKind.QUALIFYING, (make_lap("LEC", 1, 80_000), make_lap("NOR", 1, 80_100))
    )
    # The ask loads a session not loaded before, so its load is a span of the use case.
    race = make_session(
        monza, SessionKind.RACE, (make_lap("LEC", 2, 84_000), make_lap("NOR", 2, 84_100))
    )
    settings = Settings.from_env(
        {
            "F1_DATA_DIR": str(tmp_path),
            "F1_JWT_SECRET": SECRET,
            "F1_LOG_FORMAT": "json",
            "F1_ARCHIVE_DIR": "",
        }
    )
    container = bootstrap(settings)
    container.sessions.source.override(
        providers.Object(FakeSessionSource({2024: (monza,)}, (session, race)))
    )
    app = create_app(container, HttpConfig(rate_limit="1000/minute"), tracer_provider=provider)
    try:
        with TestClient(app) as client:
            auth = bearer(register_and_login(client, "ana"))
            exporter.clear()
            response = client.get("/api/v1/sessions/2024/Monza/Q", headers=auth)
            assert response.status_code == 200, response.text
            asked = exporter.get_finished_spans()
            exporter.clear()
            response = client.post(
                "/api/v1/ask",
                json={"question": "fastest lap 2024 monza race"},
                headers=auth,
            )
            assert response.status_code == 200, response.text
            answered = exporter.get_finished_spans()
    finally:
        use_provider(None)

    spans = asked
    names = [s.name for s in spans]
    assert "session load" in names
    assert any(s.attributes and "db.statement" in s.attributes for s in spans)
    server = [s for s in spans if s.kind.name == "SERVER"]
    assert len(server) == 1
    assert "/api/v1/sessions" in server[0].name
    trace_ids = {s.context.trace_id for s in spans}
    assert trace_ids == {server[0].context.trace_id}  # one trace for all of it
    load = next(s for s in spans if s.name == "session load")
    assert load.attributes is not None and load.attributes["year"] == 2024

    # An ask: request -> use case -> (answer cache, history) SQL, one trace.
    server = [s for s in answered if s.kind.name == "SERVER"]
    assert len(server) == 1 and "/api/v1/ask" in server[0].name
    use_case = next(s for s in answered if s.name == "use case")
    assert use_case.attributes is not None and use_case.attributes["intent"] == "question"
    assert {s.context.trace_id for s in answered} == {server[0].context.trace_id}
    inside = [
        s
        for s in answered
        if s.attributes
        and "db.statement" in s.attributes
        and s.parent is not None
        and s.parent.span_id == use_case.context.span_id
    ]
    assert inside, "the use case's SQL calls are its children"

    # request -> use case -> session load -> SQL: each span nests in the one before.
    by_id = {s.context.span_id: s for s in answered}

    def ancestors(span: ReadableSpan) -> list[str]:
        names: list[str] = []
        while span.parent is not None and span.parent.span_id in by_id:
            span = by_id[span.parent.span_id]
            names.append(span.name)
        return names

    load = next(s for s in answered if s.name == "session load")
    assert load.attributes is not None and load.attributes["kind"] == "R"
    assert ancestors(load)[0] == "use case"
    assert ancestors(load)[-1] == server[0].name


def test_log_lines_carry_the_trace_id() -> None:
    provider = TracerProvider()
    with provider.get_tracer("t").start_as_current_span("work") as current:
        event = add_trace_ids(None, "info", {"event": "hello"})
    assert event["trace_id"] == format(current.get_span_context().trace_id, "032x")
    assert add_trace_ids(None, "info", {"event": "outside"}) == {"event": "outside"}
