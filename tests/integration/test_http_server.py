"""A real ``f1 serve`` on loopback: two uvicorn workers, PostgreSQL (own schema), Redis
(own key prefix), the recorded FastF1 data and the offline interpreter.

One server serves the whole module (start-up is the expensive part).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.contract.sql_backends import Database, postgres_database
from tests.integration.conftest import recorded_replay_dir

REDIS_URL = os.environ.get("F1_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "correct horse battery"
RATE = 40  # per minute, per address: small enough to exhaust, large enough for the tests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log

    def log_lines(self) -> list[dict[str, Any]]:
        lines = []
        for line in self.log.read_text().splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines


@pytest.fixture(scope="module")
def database() -> Iterator[Database]:
    yield from postgres_database()


@pytest.fixture(scope="module")
def server(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("serve")
    port = free_port()
    log = data_dir / "server.log"
    env = {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_DATABASE_URL": database.url,
        "F1_DATABASE_SCHEMA": database.schema or "",
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_REDIS_URL": REDIS_URL,
        "F1_HTTP_RATE_LIMIT_PREFIX": f"f1-test-{secrets.token_hex(4)}",
        "F1_HTTP_RATE_LIMIT": f"{RATE}/minute",
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        "F1_INTERPRETER": "offline",
        "F1_LOG_FORMAT": "json",
    }
    env.pop("OPENAI_API_KEY", None)
    command = [
        sys.executable,
        "-c",
        "import sys; from entrypoints.cli_serve import serve; serve(sys.argv[1:])",
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail(f"server did not become ready:\n{log.read_text()[-3000:]}")
    try:
        yield Server(process, url, log)
    finally:
        process.terminate()
        process.wait(timeout=15)


def login(server: Server, name: str, client: httpx.Client) -> dict[str, str]:
    r = client.post(
        f"{server.url}/api/v1/auth/register", json={"username": name, "password": PASSWORD}
    )
    assert r.status_code == 201, r.text
    r = client.post(
        f"{server.url}/api/v1/auth/login", json={"username": name, "password": PASSWORD}
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_ask_history_share_and_isolation(server: Server) -> None:
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


def test_rate_limit_holds_across_two_workers(server: Server) -> None:
    # A fresh client address (uvicorn trusts X-Forwarded-For from loopback), new
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
