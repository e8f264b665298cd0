"""Bad input at the boundary of a real ``f1 serve``, on SQLite and on PostgreSQL: bodies
nested too deeply and control characters in text are 400 problems naming the field, cost
one access-log line each, and never reach the database; a question that cannot be recorded
in the history is never answered with a 2xx.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from tests.contract.sql_backends import Database, postgres_database, run_sync
from tests.integration.conftest import recorded_replay_dir
from tests.serving import RunningServer, serve

from entrypoints.http.schemas import MAX_JSON_DEPTH

PASSWORD = "correct horse battery"
QUESTION = "fastest lap 2024 spanish gp qualifying"
# Anything in the log but access lines means an error escaped its handling or was noisy.
NOISE = ("Traceback", "unhandled error", "backing service unavailable", "RecursionError")


class Service:
    """A running server on one backend and how to reach its database directly."""

    def __init__(self, server: RunningServer, backend: str, database: Database) -> None:
        self.server = server
        self.url = server.url
        self.backend = backend
        self.database = database

    def execute(self, *statements: str) -> None:
        if self.backend == "sqlite":
            path = self.database.url.split(":///", 1)[1]
            with sqlite3.connect(path) as db:
                for statement in statements:
                    db.execute(statement)
            return

        async def run() -> None:
            engine = self.database.engine()
            try:
                async with engine.begin() as connection:
                    for statement in statements:
                        await connection.execute(text(statement))
            finally:
                await engine.dispose()

        run_sync(run())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    yield from running_service(request.param, tmp_path_factory.mktemp(f"boundary-{request.param}"))


def running_service(backend: str, data_dir: Path, **extra_env: str) -> Iterator[Service]:
    """A server on ``backend`` (sqlite or postgresql) with generous rate limits."""
    databases = (
        postgres_database()
        if backend == "postgresql"
        else iter([Database(f"sqlite+aiosqlite:///{data_dir / 'f1.sqlite3'}")])
    )
    for database in databases:
        env = {
            **os.environ,
            "F1_DATA_DIR": str(data_dir),
            "F1_DATABASE_URL": database.url,
            "F1_DATABASE_SCHEMA": database.schema or "",
            "F1_JWT_SECRET": secrets.token_urlsafe(48),
            "F1_HTTP_RATE_LIMIT": "10000/minute",
            "F1_HTTP_AUTH_RATE_LIMIT": "10000/minute",
            "F1_HTTP_REGISTER_RATE_LIMIT": "10000/minute",
            "F1_HTTP_ACCOUNT_RATE_LIMIT": "10000/minute",
            "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
            "F1_ARCHIVE_DIR": "",
            "F1_INTERPRETER": "offline",
            "F1_LOG_FORMAT": "json",
            **extra_env,
        }
        env.pop("OPENAI_API_KEY", None)
        env.pop("F1_REDIS_URL", None)
        with serve(env, data_dir / "server.log") as server:
            yield Service(server, backend, database)


def account(service: Service, client: httpx.Client) -> dict[str, str]:
    """A new viewer's bearer header."""
    name = f"user-{secrets.token_hex(4)}"
    credentials = {"username": name, "password": PASSWORD}
    r = client.post(f"{service.url}/api/v1/auth/register", json=credentials)
    assert r.status_code == 201, r.text
    r = client.post(f"{service.url}/api/v1/auth/login", json=credentials)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def history(service: Service, client: httpx.Client, auth: dict[str, str]) -> list[str]:
    r = client.get(f"{service.url}/api/v1/history", headers=auth)
    assert r.status_code == 200, r.text
    return [item["question"] for item in r.json()["items"]]


def assert_invalid(response: httpx.Response, field: str, source: str = "body") -> str:
    """A 400 validation problem naming ``field``; its detail."""
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["kind"] == "validation"
    assert [(e["field"], e["source"]) for e in body["errors"]] == [(field, source)], body
    return str(body["detail"])


def log_lines_of(service: Service, request_ids: list[str]) -> list[str]:
    """Every log line written from now back to where the log stood when ``request_ids``
    were sent, once a marker request's access line shows the log has caught up."""
    marker = uuid.uuid4().hex
    httpx.get(f"{service.url}/healthz", headers={"X-Request-ID": marker})
    deadline = time.monotonic() + 30
    while marker not in service.server.log_text():
        assert time.monotonic() < deadline, "the marker request was never logged"
        time.sleep(0.05)
    lines = service.server.log_text().splitlines()
    first = min(i for i, line in enumerate(lines) if any(r in line for r in request_ids))
    return [line for line in lines[first:] if marker not in line]


def nested(depth: int) -> bytes:
    return b'{"question": ' + b"[" * depth + b"]" * depth + b"}"


def test_deep_nesting_is_a_400_and_one_short_log_line(service: Service) -> None:
    with httpx.Client(timeout=60) as client:
        auth = account(service, client)
        sent: list[str] = []

        def post(path: str, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
            request_id = uuid.uuid4().hex
            sent.append(request_id)
            return client.post(
                f"{service.url}{path}",
                content=body,
                headers={
                    "Content-Type": "application/json",
                    "X-Request-ID": request_id,
                    **(headers or {}),
                },
            )

        deep = b'{"username": ' + b"[" * 600 + b"]" * 600 + b', "password": "x"}'
        for path in ("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh"):
            detail = assert_invalid(post(path, deep), "")
            assert f"nested deeper than {MAX_JSON_DEPTH} levels" in detail
        assert_invalid(post("/api/v1/ask", nested(600), auth), "")
        assert_invalid(post("/api/v1/ask", b"[" * 60_000, auth), "")
        assert_invalid(post("/api/v1/ask", nested(MAX_JSON_DEPTH), auth), "")
        # At the limit the body is decoded and found wrong, not refused for its depth.
        assert_invalid(post("/api/v1/ask", nested(MAX_JSON_DEPTH - 1), auth), "question")
        # Brackets inside strings are text, not nesting: this one is read (and refused).
        text_only = json.dumps({"question": "hello " + "[" * 400}).encode()
        assert post("/api/v1/ask", text_only, auth).status_code == 422
        # Routes that take no body never decode one: they answer as if it were not there.
        for path in ("/api/v1/history/1/rerun", "/api/v1/auth/logout-everywhere"):
            status = post(path, nested(600), auth).status_code
            assert status < 500 and status != 400, path
        lines = log_lines_of(service, sent)
    for line in lines:
        assert not any(noise in line for noise in NOISE), line
        assert len(line) < 400, line
        assert json.loads(line)["event"] == "request", line
    assert len(lines) == len(sent)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_in_a_body_are_a_400_naming_the_field(
    service: Service, character: str
) -> None:
    with httpx.Client(timeout=60) as client:
        auth = account(service, client)
        name = f"name{character}{secrets.token_hex(3)}"
        for path in ("/api/v1/auth/register", "/api/v1/auth/login"):
            r = client.post(f"{service.url}{path}", json={"username": name, "password": PASSWORD})
            assert_invalid(r, "username")
            r = client.post(
                f"{service.url}{path}", json={"username": "ana", "password": PASSWORD + character}
            )
            assert_invalid(r, "password")
        r = client.post(
            f"{service.url}/api/v1/auth/refresh", json={"refresh_token": f"a{character}b"}
        )
        assert_invalid(r, "refresh_token")
        for question in (f"fastest lap{character} 2024 spanish gp qualifying", character * 3):
            r = client.post(f"{service.url}/api/v1/ask", json={"question": question}, headers=auth)
            assert f"U+{ord(character):04X}" in assert_invalid(r, "question")
        query = {"type": "fastest-lap", "year": 2024, "event": f"Spain{character}", "session": "Q"}
        r = client.post(f"{service.url}/api/v1/query", json={"query": query}, headers=auth)
        assert_invalid(r, "query.event")  # before the role check: a viewer may not query
        assert history(service, client, auth) == []
    assert not any(noise in service.server.log_text() for noise in NOISE)


def test_control_characters_in_a_path_or_query_are_a_400_naming_it(service: Service) -> None:
    with httpx.Client(timeout=60) as client:
        auth = account(service, client)
        r = client.get(f"{service.url}/api/v1/shared/{'a' * 20}%00")
        assert_invalid(r, "token", "path")
        r = client.get(f"{service.url}/api/v1/sessions/2024/Spa%00/Q", headers=auth)
        assert_invalid(r, "event", "path")
        r = client.get(f"{service.url}/api/v1/history?before_id=1%00", headers=auth)
        assert_invalid(r, "before_id", "query")
        assert client.get(f"{service.url}/shared/{'a' * 20}%01").status_code == 400
    assert not any(noise in service.server.log_text() for noise in NOISE)


def test_a_question_keeps_its_line_breaks_and_tabs(service: Service) -> None:
    with httpx.Client(timeout=60) as client:
        auth = account(service, client)
        question = "fastest lap 2024\nspanish gp\tqualifying"
        r = client.post(f"{service.url}/api/v1/ask", json={"question": question}, headers=auth)
        assert r.status_code == 200, r.text
        assert "1:11.383" in r.json()["text"]
        assert history(service, client, auth) == [question]


def test_an_answer_whose_history_row_fails_is_never_a_2xx(service: Service) -> None:
    with httpx.Client(timeout=60) as client:
        auth = account(service, client)
        user_id = client.get(f"{service.url}/api/v1/auth/me", headers=auth).json()["id"]
        trigger = f"refuse_history_{user_id}"
        if service.backend == "sqlite":
            service.execute(
                f"CREATE TRIGGER {trigger} BEFORE INSERT ON query_history "
                f"WHEN NEW.user_id = {user_id} BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        else:
            service.execute(
                f"CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused'; END $$",
                f"CREATE TRIGGER {trigger} BEFORE INSERT ON query_history FOR EACH ROW "
                f"WHEN (NEW.user_id = {user_id}) EXECUTE FUNCTION {trigger}()",
            )
        r = client.post(f"{service.url}/api/v1/ask", json={"question": QUESTION}, headers=auth)
        assert r.status_code == 503, r.text
        assert r.json()["kind"] == "unavailable"
        assert history(service, client, auth) == []
        # Only this user's rows are refused: the same question is answered and kept for others.
        other = account(service, client)
        r = client.post(f"{service.url}/api/v1/ask", json={"question": QUESTION}, headers=other)
        assert r.status_code == 200, r.text
        assert history(service, client, other) == [QUESTION]
