"""A real ``f1 serve`` on loopback: two uvicorn workers, PostgreSQL (own schema), Redis
(own key prefix), the recorded FastF1 data and the offline interpreter.

One server serves the whole module (start-up is the expensive part).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import httpx
import pytest
from tests.contract.sql_backends import Database, postgres_database
from tests.integration.conftest import recorded_replay_dir
from tests.serving import RunningServer, serve

REDIS_URL = os.environ.get("F1_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "correct horse battery"
RATE = 40  # per minute, per address: small enough to exhaust, large enough for the tests


@pytest.fixture(scope="module")
def database() -> Iterator[Database]:
    yield from postgres_database()


@pytest.fixture(scope="module")
def server(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("serve")
    env = {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_DATABASE_URL": database.url,
        "F1_DATABASE_SCHEMA": database.schema or "",
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_REDIS_URL": REDIS_URL,
        "F1_HTTP_RATE_LIMIT_PREFIX": f"f1-test-{secrets.token_hex(4)}",
        "F1_REDIS_KEY_PREFIX": f"f1-test-{secrets.token_hex(4)}",  # login-failure counts
        "F1_HTTP_RATE_LIMIT": f"{RATE}/minute",
        # The tests play the proxy: X-Forwarded-For picks each test's client address.
        "F1_TRUSTED_PROXIES": "127.0.0.1",
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        "F1_INTERPRETER": "offline",
        "F1_LOG_FORMAT": "json",
    }
    env.pop("OPENAI_API_KEY", None)
    with serve(env, data_dir / "server.log", "--workers", "2") as server:
        yield server


def login(server: RunningServer, name: str, client: httpx.Client) -> dict[str, str]:
    r = client.post(
        f"{server.url}/api/v1/auth/register", json={"username": name, "password": PASSWORD}
    )
    assert r.status_code == 201, r.text
    r = client.post(
        f"{server.url}/api/v1/auth/login", json={"username": name, "password": PASSWORD}
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_ask_history_share_and_isolation(server: RunningServer) -> None:
    with httpx.Client(timeout=60, headers={"X-Forwarded-For": "10.0.0.1"}) as client:
        ana = login(server, "ana", client)
        bob = login(server, "bob", client)
        r = client.post(
            f"{server.url}/api/v1/ask",
            json={"question": "fastest lap 2024 spanish gp qualifying"},
            headers=ana,
        )
        assert r.status_code == 200, r.text
        answer = r.json()
        assert answer["query"]["type"] == "fastest-lap"
        assert "NOR" in answer["text"] and "1:11.383" in answer["text"]
        assert r.headers["cache-control"] == "private, no-cache"
        assert r.headers["etag"].startswith('"')
        history = client.get(f"{server.url}/api/v1/history", headers=ana).json()
        assert [i["status"] for i in history["items"]] == ["answered"]
        entry_id = history["items"][0]["id"]
        # Bob cannot see, delete, re-run or save Ana's entry: it is "not found" for him.
        assert client.get(f"{server.url}/api/v1/history/{entry_id}", headers=bob).status_code == 404
        answer_url = f"{server.url}/api/v1/history/{entry_id}/answer"
        assert client.get(answer_url, headers=bob).status_code == 404
        full = client.get(answer_url, headers=ana).json()
        assert full["table"]["rows"][0][:2] == ["NOR", "Lando Norris"]
        assert full["chart"] is not None and full["text"] == answer["text"]
        assert (
            client.delete(f"{server.url}/api/v1/history/{entry_id}", headers=bob).status_code == 404
        )
        assert (
            client.post(f"{server.url}/api/v1/history/{entry_id}/save", headers=bob).status_code
            == 404
        )
        assert client.get(f"{server.url}/api/v1/history", headers=bob).json()["items"] == []
        saved = client.post(f"{server.url}/api/v1/history/{entry_id}/save", headers=ana)
        assert saved.status_code == 201
        shared = client.get(server.url + saved.json()["share_path"])  # no token
        assert shared.status_code == 200
        assert "1:11.383" in shared.json()["answer"]["text"]
        assert "user_id" not in shared.text
        again = client.get(
            server.url + saved.json()["share_path"],
            headers={"If-None-Match": shared.headers["etag"]},
        )
        assert again.status_code == 304
        summary = client.get(f"{server.url}/api/v1/sessions/2024/Spanish GP/Q", headers=ana).json()
        assert summary["title"] == "2024 Spanish Grand Prix Qualifying"
        assert summary["classification"]["rows"][0][1] == "NOR" or "NOR" in str(
            summary["classification"]["rows"][0]
        )


def test_rate_limit_holds_across_two_workers(server: RunningServer) -> None:
    # A fresh client address (loopback is a trusted proxy here), new
    # connections each time so both worker processes take requests.
    statuses = []
    for _ in range(RATE + 10):
        with httpx.Client(timeout=10) as client:
            r = client.get(f"{server.url}/api/v1/seasons", headers={"X-Forwarded-For": "10.9.9.9"})
            statuses.append(r.status_code)
    assert statuses.count(401) == RATE
    assert statuses.count(429) == 10
    workers = {
        line["worker"]
        for line in server.log_lines()
        if line.get("event") == "request" and line.get("client") == "10.9.9.9"
    }
    assert len(workers) == 2, "both workers should have served requests"


def test_login_failures_are_counted_across_two_workers(server: RunningServer) -> None:
    # The counts live in Redis: failures spread over both workers add up to one count,
    # so the lock-out starts after the 5 free failures of (account, address) in total.
    # The kernel picks the worker of each new connection; a round where one worker took
    # all six failures proves nothing, so a fresh account and address try again.
    for attempt in range(4):
        name, address = f"carol{attempt}", f"10.7.7.{attempt + 10}"
        with httpx.Client(timeout=60, headers={"X-Forwarded-For": "10.7.7.1"}) as client:
            login(server, name, client)
        statuses = []
        for _ in range(7):
            with httpx.Client(timeout=10) as client:  # a new connection: either worker
                r = client.post(
                    f"{server.url}/api/v1/auth/login",
                    json={"username": name, "password": "not the password"},
                    headers={"X-Forwarded-For": address},
                )
                statuses.append(r.status_code)
        assert statuses == [401] * 6 + [429]
        failed_on: dict[int, int] = {}
        for line in server.log_lines():
            if line.get("client") == address and line.get("status") == 401:
                failed_on[line["worker"]] = failed_on.get(line["worker"], 0) + 1
        assert sum(failed_on.values()) == 6
        if len(failed_on) == 2:
            # Each worker saw fewer than 6 failures: neither could have locked the account
            # out from a count of its own; the 429 comes from the count they share.
            return
    pytest.fail("one worker took every failure in four rounds")
