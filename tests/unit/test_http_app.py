"""The HTTP app in process (Litestar's TestClient) over a real SQLite file.

Sessions come from ``FakeSessionSource`` (empty calendars); the recorded-data paths are in
tests/integration/test_http_*.py.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from dependency_injector import providers
from litestar.testing import TestClient
from tests.fakes import FakeSessionSource

from entrypoints.composition import Container, bootstrap
from entrypoints.http import create_app
from entrypoints.http.config import HttpConfig
from entrypoints.http.schemas import PLAIN_TEXT, QUESTION_TEXT
from entrypoints.settings import Settings
from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.usecases.accounts.password_policy import MAX_PASSWORD_LENGTH

PASSWORD = "correct horse battery"
SECRET = "s" * 48


def make_client(tmp_path: Path, config: HttpConfig | None = None, **env: str) -> TestClient[Any]:
    settings = Settings.from_env(
        {
            "F1_DATA_DIR": str(tmp_path),
            "F1_JWT_SECRET": SECRET,
            "F1_LOG_FORMAT": "json",
            "F1_ARCHIVE_DIR": "",  # an empty archive: no import on first use
            **env,
        }
    )
    container: Container = bootstrap(settings)
    container.sessions.source.override(providers.Object(FakeSessionSource()))
    app = create_app(container, config or HttpConfig(rate_limit="1000/minute"))
    return TestClient(app)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient[Any]]:
    with make_client(tmp_path) as c:
        yield c


def register_and_login(client: TestClient[Any], name: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/register", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = client.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return dict(r.json())


def bearer(tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def make_admin(tmp_path: Path, name: str) -> None:
    # The first admin is created out of band (``f1 user`` on the CLI); SQL does it here.
    with sqlite3.connect(tmp_path / "f1.sqlite3") as db:
        db.execute("UPDATE users SET role = 'admin' WHERE username = ?", (name,))


def assert_problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["status"] == status
    assert body["kind"] == kind
    assert body["type"] == f"urn:f1:problem:{kind}"
    assert body["detail"]
    assert "Traceback" not in response.text
    return body


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def assert_security_headers(response: Any) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_health_and_security_headers_on_success_and_errors(client: TestClient[Any]) -> None:
    ok = client.get("/healthz")
    assert ok.status_code == 200
    assert ok.json() == {"status": "ok", "checks": {}}
    assert_security_headers(ok)
    assert "strict-transport-security" not in ok.headers  # plain HTTP: no HSTS
    missing = client.get("/no/such/page")
    body = assert_problem(missing, 404, "not_found")
    assert body["instance"] == "/no/such/page"
    assert_security_headers(missing)
    wrong_method = client.delete("/healthz")
    assert_problem(wrong_method, 405, "method_not_allowed")
    assert_security_headers(wrong_method)
    assert "GET" in wrong_method.headers["allow"]


def test_health_from_another_origin_gets_cors_headers(tmp_path: Path) -> None:
    config = HttpConfig(rate_limit="1000/minute", cors_origins=("https://dash.example",))
    with make_client(tmp_path, config) as c:
        probe = c.get("/healthz")
        browser = c.get("/healthz", headers={"Origin": "https://dash.example"})
    for r in (probe, browser):
        assert r.status_code == 200 and r.json() == {"status": "ok", "checks": {}}
        assert_security_headers(r)
    assert browser.headers["access-control-allow-origin"] == "https://dash.example"
    assert "access-control-allow-origin" not in probe.headers


def test_hsts_over_tls(tmp_path: Path) -> None:
    with make_client(tmp_path) as c:
        r = c.get("https://testserver.local/healthz")
    assert r.headers["strict-transport-security"].startswith("max-age=63072000")


def test_request_id_is_echoed_or_generated(client: TestClient[Any]) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    generated = client.get("/nope").headers["x-request-id"]
    assert len(generated) == 32 and generated != "abc-123"
    # A header that could forge log lines is replaced, not echoed.
    forged = client.get("/healthz", headers={"X-Request-ID": "a\tb"})
    assert forged.headers["x-request-id"] != "a\tb"
    assert client.get("/nope", headers={"X-Request-ID": "r-1"}).json()["request_id"] == "r-1"


def test_validation_errors_name_the_field(client: TestClient[Any]) -> None:
    missing = client.post("/api/v1/auth/register", json={"username": "ana"})
    body = assert_problem(missing, 400, "validation")
    assert body["errors"][0]["field"] == "password"
    wrong_type = client.post("/api/v1/auth/login", json={"username": "ana", "password": 5})
    assert assert_problem(wrong_type, 400, "validation")["errors"][0]["field"] == "password"
    unknown = client.post(
        "/api/v1/auth/login", json={"username": "ana", "password": "x", "admin": True}
    )
    assert "admin" in assert_problem(unknown, 400, "validation")["detail"]


def test_body_size_limit(tmp_path: Path) -> None:
    with make_client(tmp_path, HttpConfig(max_body_bytes=1024)) as c:
        r = c.post("/api/v1/ask", content=b'{"question": "' + b"x" * 2000 + b'"}')
    assert_problem(r, 413, "body_too_large")


def _question_of_length(length: int) -> str:
    # Inner spaces count towards the length but not for the interpreter.
    question = "who won the 1988 title ?"
    return question[:-1] + " " * (length - len(question)) + "?"


def test_one_question_length_bound_from_the_schema_to_the_interpreter(
    client: TestClient[Any],
) -> None:
    headers = bearer(register_and_login(client, "ana"))
    too_long = _question_of_length(MAX_QUESTION_LENGTH + 1)
    refused = client.post("/api/v1/ask", json={"question": too_long}, headers=headers)
    body = assert_problem(refused, 400, "validation")
    assert body["errors"][0]["field"] == "question"
    assert f"length <= {MAX_QUESTION_LENGTH}" in body["detail"]
    # The longest allowed question is read, not refused for its length: it gets as far as
    # the archive, which is empty in this app.
    longest = _question_of_length(MAX_QUESTION_LENGTH)
    answered = client.post("/api/v1/ask", json={"question": longest}, headers=headers)
    assert "archive" in assert_problem(answered, 503, "data_unavailable")["detail"]


def test_an_entry_without_an_answer_has_none_to_show_or_save(client: TestClient[Any]) -> None:
    headers = bearer(register_and_login(client, "ana"))
    refused = client.post("/api/v1/ask", json={"question": "tell me a joke"}, headers=headers)
    assert_problem(refused, 422, "refused")
    [entry] = client.get("/api/v1/history", headers=headers).json()["items"]
    for response in (
        client.get(f"/api/v1/history/{entry['id']}/answer", headers=headers),
        client.post(f"/api/v1/history/{entry['id']}/save", headers=headers),
    ):
        assert "was not answered" in assert_problem(response, 422, "unprocessable")["detail"]
    assert client.get("/api/v1/saved", headers=headers).json() == []


def test_password_policy_and_duplicate_names_are_problems(client: TestClient[Any]) -> None:
    short = client.post("/api/v1/auth/register", json={"username": "ana", "password": "short"})
    assert "too short" in assert_problem(short, 422, "invalid_password")["detail"]
    register_and_login(client, "ana")
    again = client.post("/api/v1/auth/register", json={"username": "ANA", "password": PASSWORD})
    assert_problem(again, 409, "conflict")


def test_a_username_the_rules_refuse_is_unprocessable_not_malformed(
    client: TestClient[Any],
) -> None:
    # The body matches the schema (a 3..254 character string); the account rules refuse it.
    r = client.post(
        "/api/v1/auth/register", json={"username": "bad\u200bname", "password": PASSWORD}
    )
    assert "control or invisible" in assert_problem(r, 422, "unprocessable")["detail"]


def test_login_me_refresh_logout(client: TestClient[Any]) -> None:
    tokens = register_and_login(client, "ana")
    me = client.get("/api/v1/auth/me", headers=bearer(tokens))
    assert me.status_code == 200
    assert me.json()["username"] == "ana" and me.json()["role"] == "viewer"
    assert "password" not in me.text
    wrong = client.post("/api/v1/auth/login", json={"username": "ana", "password": "nope" * 3})
    assert assert_problem(wrong, 401, "unauthenticated")["detail"] == "Wrong username or password."
    # A refresh token is not an access token.
    as_access = client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['refresh_token']}"}
    )
    assert_problem(as_access, 401, "unauthenticated")
    assert as_access.headers["www-authenticate"].startswith("Bearer")
    rotated = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != tokens["refresh_token"]
    # At once again (another tab): the same successor, not the end of the login.
    again = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 200
    assert again.json()["refresh_token"] == new["refresh_token"]
    newer = client.post("/api/v1/auth/refresh", json={"refresh_token": new["refresh_token"]})
    assert newer.status_code == 200
    # Once the successor has moved on, the first token is a reuse.
    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert "already used" in assert_problem(reused, 401, "unauthenticated")["detail"]
    # Reuse revoked the whole family, so the newest token is dead too.
    dead = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": newer.json()["refresh_token"]}
    )
    assert_problem(dead, 401, "unauthenticated")
    fresh = client.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    out = client.post("/api/v1/auth/logout", json={"refresh_token": fresh.json()["refresh_token"]})
    assert out.status_code == 204
    after = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": fresh.json()["refresh_token"]}
    )
    assert_problem(after, 401, "unauthenticated")


def test_logout_everywhere_kills_access_tokens(client: TestClient[Any]) -> None:
    tokens = register_and_login(client, "ana")
    assert client.post("/api/v1/auth/logout-everywhere", headers=bearer(tokens)).status_code == 204
    assert_problem(client.get("/api/v1/auth/me", headers=bearer(tokens)), 401, "unauthenticated")


@pytest.mark.parametrize("subject", [str(10**30), 10**30, "-1", "abc", "1", "", None])
def test_a_validly_signed_token_with_a_bad_subject_is_a_401(
    client: TestClient[Any], subject: object
) -> None:
    # Signed with the server's own secret and well-formed in every other claim: 10**30
    # used to overflow the id column (a 500), "1" used to name the user with id 1.
    register_and_login(client, "ana")
    now = int(time.time())
    claims = {"iss": "f1-analysis", "aud": "f1-analysis", "iat": now, "exp": now + 600}
    token = jwt.encode({**claims, "sub": subject, "jti": "j", "typ": "access"}, SECRET, "HS256")
    r = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert_problem(r, 401, "unauthenticated")


PROTECTED = [
    ("GET", "/api/v1/auth/me"),
    ("POST", "/api/v1/auth/logout-everywhere"),
    ("GET", "/api/v1/seasons"),
    ("GET", "/api/v1/seasons/2024/events"),
    ("GET", "/api/v1/seasons/2024/sessions"),
    ("GET", "/api/v1/sessions/2024/Monza/Q"),
    ("GET", "/api/v1/archive/1988/champions"),
    ("GET", "/api/v1/archive/1988/standings"),
    ("GET", "/api/v1/archive/1988/races/Monaco"),
    ("GET", "/api/v1/archive/version"),
    ("POST", "/api/v1/ask"),
    ("POST", "/api/v1/query"),
    ("GET", "/api/v1/history"),
    ("GET", "/api/v1/history/1"),
    ("GET", "/api/v1/history/1/answer"),
    ("DELETE", "/api/v1/history/1"),
    ("POST", "/api/v1/history/1/rerun"),
    ("POST", "/api/v1/history/1/save"),
    ("GET", "/api/v1/saved"),
    ("DELETE", "/api/v1/saved/1"),
    ("GET", "/api/v1/admin/users"),
    ("PUT", "/api/v1/admin/users/1/role"),
    ("PUT", "/api/v1/admin/users/1/disabled"),
]
BODIES = {
    "/api/v1/ask": {"question": "who won"},
    "/api/v1/query": {"query": {"type": "champion", "year": 1988}},
    "/api/v1/admin/users/1/role": {"role": "admin"},
    "/api/v1/admin/users/1/disabled": {"disabled": True},
}


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_protected_endpoint_refuses_without_a_token(
    client: TestClient[Any], method: str, path: str
) -> None:
    r = client.request(method, path, json=BODIES.get(path))
    assert_problem(r, 401, "unauthenticated")
    forged = client.request(
        method, path, json=BODIES.get(path), headers={"Authorization": "Bearer not.a.jwt"}
    )
    assert_problem(forged, 401, "unauthenticated")


def test_roles_admin_routes(tmp_path: Path) -> None:
    with make_client(tmp_path) as c:
        viewer = register_and_login(c, "ana")
        register_and_login(c, "boss")
        make_admin(tmp_path, "boss")
        boss = c.post("/api/v1/auth/login", json={"username": "boss", "password": PASSWORD}).json()
        for method, path in [p for p in PROTECTED if "/admin/" in p[1]]:
            r = c.request(method, path, json=BODIES.get(path), headers=bearer(viewer))
            assert "admin role" in assert_problem(r, 403, "forbidden")["detail"]
        # Typed queries are for analysts and up.
        q = c.post("/api/v1/query", json=BODIES["/api/v1/query"], headers=bearer(viewer))
        assert_problem(q, 403, "forbidden")
        users = c.get("/api/v1/admin/users", headers=bearer(boss))
        assert [(u["username"], u["role"]) for u in users.json()] == [
            ("ana", "viewer"),
            ("boss", "admin"),
        ]
        ana_id = users.json()[0]["id"]
        promoted = c.put(
            f"/api/v1/admin/users/{ana_id}/role", json={"role": "analyst"}, headers=bearer(boss)
        )
        assert promoted.json()["role"] == "analyst"
        # The role change bites at once: the same token now passes the analyst guard.
        q = c.post("/api/v1/query", json=BODIES["/api/v1/query"], headers=bearer(viewer))
        assert q.status_code != 403
        last_admin = c.put(
            f"/api/v1/admin/users/{users.json()[1]['id']}/role",
            json={"role": "viewer"},
            headers=bearer(boss),
        )
        assert "last active admin" in assert_problem(last_admin, 400, "invalid_request")["detail"]
        disabled = c.put(
            f"/api/v1/admin/users/{ana_id}/disabled", json={"disabled": True}, headers=bearer(boss)
        )
        assert disabled.json()["disabled"] is True
        assert_problem(c.get("/api/v1/auth/me", headers=bearer(viewer)), 401, "unauthenticated")
        relogin = c.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
        assert_problem(relogin, 401, "unauthenticated")
        unknown = c.put(
            "/api/v1/admin/users/999/role", json={"role": "admin"}, headers=bearer(boss)
        )
        assert_problem(unknown, 404, "not_found")


def test_data_errors_are_problems(client: TestClient[Any]) -> None:
    tokens = register_and_login(client, "ana")
    # The fake source knows no season: a clear 404, not a 500.
    r = client.get("/api/v1/seasons/2024/events", headers=bearer(tokens))
    assert_problem(r, 404, "not_found")
    too_early = client.get("/api/v1/seasons/1990/events", headers=bearer(tokens))
    assert assert_problem(too_early, 400, "validation")["errors"][0]["field"] == "year"
    empty = client.get("/api/v1/archive/1988/champions", headers=bearer(tokens))
    assert "archive is empty" in assert_problem(empty, 503, "data_unavailable")["detail"]
    seasons = client.get("/api/v1/seasons", headers=bearer(tokens)).json()
    assert seasons["timing"][0] == 2018 and seasons["archive_first"] == 1950


def test_rate_limit_per_address_and_on_login(tmp_path: Path) -> None:
    config = HttpConfig(rate_limit="5/minute", auth_rate_limit="3/minute")
    with make_client(tmp_path, config) as c:
        statuses = [c.get("/api/v1/seasons").status_code for _ in range(7)]
        assert statuses == [401] * 5 + [429] * 2
        limited = c.get("/api/v1/seasons")
        assert_problem(limited, 429, "rate_limited")
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert_security_headers(limited)
        # Probes are never limited.
        assert c.get("/healthz").status_code == 200


def test_register_is_limited_per_address(tmp_path: Path) -> None:
    config = HttpConfig(rate_limit="1000/minute", register_rate_limit="2/hour")
    with make_client(tmp_path, config) as c:
        for name in ("first", "second"):
            body = {"username": name, "password": PASSWORD}
            assert c.post("/api/v1/auth/register", json=body).status_code == 201
        third = c.post("/api/v1/auth/register", json={"username": "third", "password": PASSWORD})
        assert_problem(third, 429, "rate_limited")
        assert 1 <= int(third.headers["retry-after"]) <= 3600
        # Logging in is not registering: the register limit leaves it alone.
        body = {"username": "first", "password": PASSWORD}
        assert c.post("/api/v1/auth/login", json=body).status_code == 200


# Issue 9, item 8: both were accepted beside "alice".
@pytest.mark.parametrize("look_alike", ["ａｌｉｃｅ", "аlice", "AIice", "ALICE"])
def test_look_alike_usernames_are_taken(client: TestClient[Any], look_alike: str) -> None:
    register_and_login(client, "alice")
    r = client.post("/api/v1/auth/register", json={"username": look_alike, "password": PASSWORD})
    assert "taken" in assert_problem(r, 409, "conflict")["detail"]
    other = client.post("/api/v1/auth/register", json={"username": "alicia", "password": PASSWORD})
    assert other.status_code == 201


def test_register_is_limited_per_account_and_login_is_not(tmp_path: Path) -> None:
    config = HttpConfig(rate_limit="1000/minute", account_rate_limit="3/minute")
    with make_client(tmp_path, config) as c:
        body = {"username": "victim", "password": PASSWORD}
        statuses = [c.post("/api/v1/auth/register", json=body).status_code for _ in range(4)]
        assert statuses == [201, 409, 409, 429]
        # Issue 9, item 5: a per-account login limit let anyone lock the owner out; failed
        # logins are throttled per address instead (tests/unit/test_http_login_throttle.py).
        wrong = {"username": "victim", "password": "wrong password"}
        statuses = [c.post("/api/v1/auth/login", json=wrong).status_code for _ in range(4)]
        assert statuses == [401] * 4
        assert c.post("/api/v1/auth/login", json=body).status_code == 200


def test_readyz_reports_a_dead_database(tmp_path: Path) -> None:
    dead = "postgresql+asyncpg://postgres@127.0.0.1:1/test"
    with make_client(tmp_path, F1_DATABASE_URL=dead) as c:
        r = c.get("/readyz")
        body = assert_problem(r, 503, "unavailable")
        assert body["checks"] == {"database": "down"}
        login = c.post("/api/v1/auth/login", json={"username": "ana", "password": PASSWORD})
        assert "database" in assert_problem(login, 503, "unavailable")["detail"]
        assert login.headers["retry-after"] == "5"
        assert c.get("/healthz").status_code == 200


def test_readyz_ok_and_metrics(client: TestClient[Any]) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["database"] == "up"
    client.get("/nope")
    text = client.get("/metrics").text
    assert 'f1_http_requests_total{method="GET",route="/readyz",status="200"} 1.0' in text
    assert 'f1_http_requests_total{method="GET",route="unmatched",status="404"} 1.0' in text
    assert "f1_http_request_duration_seconds_bucket" in text


def test_openapi_schema(client: TestClient[Any]) -> None:
    schema = client.get("/schema/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/v1/ask", "/api/v1/query", "/api/v1/auth/login", "/api/v1/admin/users"):
        assert path in paths
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    assert paths["/api/v1/ask"]["post"]["security"] == [{"BearerToken": []}]


def test_password_bound_of_the_schema_is_the_policy_bound(client: TestClient[Any]) -> None:
    schema = client.get("/schema/openapi.json").json()
    password = schema["components"]["schemas"]["Credentials"]["properties"]["password"]
    assert password["maxLength"] == MAX_PASSWORD_LENGTH
    longest = ("correct horse battery staple " * 5)[:MAX_PASSWORD_LENGTH]
    created = client.post("/api/v1/auth/register", json={"username": "ana", "password": longest})
    assert created.status_code == 201, created.text
    login = client.post("/api/v1/auth/login", json={"username": "ana", "password": longest})
    assert login.status_code == 200, login.text
    too_long = client.post(
        "/api/v1/auth/register", json={"username": "bob", "password": longest + "x"}
    )
    assert assert_problem(too_long, 400, "validation")["errors"][0]["field"] == "password"


def test_the_schema_forbids_control_characters_where_the_server_does(
    client: TestClient[Any],
) -> None:
    schema = client.get("/schema/openapi.json").json()
    components = schema["components"]["schemas"]
    credentials = components["Credentials"]["properties"]
    assert credentials["username"]["pattern"] == credentials["password"]["pattern"] == PLAIN_TEXT
    assert components["AskBody"]["properties"]["question"]["pattern"] == QUESTION_TEXT
    # Structs of the core and parameters of the routes get the rule too.
    assert components["FastestLapQuery"]["properties"]["event"]["pattern"] == PLAIN_TEXT
    [token] = schema["paths"]["/api/v1/shared/{token}"]["get"]["parameters"]
    assert token["schema"]["pattern"] == PLAIN_TEXT
    # Where the schema already says what it takes, it stays.
    drivers = components["FastestLapQuery"]["properties"]["drivers"]["items"]
    assert drivers["pattern"] == "^[A-Z]{3}$"
    assert "pattern" not in components["RoleBody"]["properties"]["role"]
    for text, allowed in (("Monza", True), ("Mon\x00za", False), ("Monza\x85", False)):
        assert bool(re.search(PLAIN_TEXT, text)) is allowed
    for text, allowed in (("who won?\n\tin 2021", True), (" \n ", False), ("a\x00", False)):
        assert bool(re.search(QUESTION_TEXT, text)) is allowed


def test_json_is_compressed_once_and_web_files_by_the_web_router(
    client: TestClient[Any],
) -> None:
    schema = client.get("/schema/openapi.json", headers={"Accept-Encoding": "br"})
    assert schema.headers["content-encoding"] == "br"
    assert schema.json()["info"]["title"] == "F1 analysis API"
    old = client.get("/schema/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert old.headers["content-encoding"] == "gzip"
    # The web router's own (cached) compression; the middleware must not wrap it again.
    page = client.get("/ask", headers={"Accept-Encoding": "br"})
    assert page.headers["content-encoding"] == "br"
    assert page.text.startswith("<!doctype html>")
    assert page.headers.get_list("content-type") == ["text/html; charset=utf-8"]


def test_a_follow_up_is_read_against_the_context_sent_with_it(client: TestClient[Any]) -> None:
    """``context`` is the previous answer's query; the history shows what it resolved to."""
    headers = bearer(register_and_login(client, "ana"))
    context = {"type": "champion", "year": 1988, "championship": "drivers", "runner_up": False}
    body = {"question": "and in 1989?", "context": context}
    followed = client.post("/api/v1/ask", json=body, headers=headers)
    # the archive of this app is empty: the question got as far as asking it for 1989
    assert_problem(followed, 503, "data_unavailable")
    [entry] = client.get("/api/v1/history", headers=headers).json()["items"]
    assert entry["interpreted_query"] == {**context, "year": 1989}
    alone = client.post("/api/v1/ask", json={"question": "and in 1989?"}, headers=headers)
    assert_problem(alone, 422, "refused")
    bad = client.post(
        "/api/v1/ask",
        json={"question": "and in 1989?", "context": {"type": "nope"}},
        headers=headers,
    )
    assert "context" in assert_problem(bad, 400, "validation")["detail"]
