"""Authentication reads a short per-process cache of user state: on a real two-worker
``f1 serve`` (SQLite), a role change, disabling and log-out-everywhere bite on every
worker once ``F1_AUTH_CACHE_SECONDS`` has passed.

The server runs with a 1 s bound; each test waits that long (plus a margin for the
request in flight) and then checks many requests on fresh connections, which uvicorn
spreads over both workers, so a worker still serving the old state would show.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.integration.conftest import recorded_replay_dir
from tests.serving import RunningServer, serve

PASSWORD = "correct horse battery"
BOUND_S = 1.0
REQUESTS = 24


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("user-state-serve")
    env = {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        "F1_INTERPRETER": "offline",
        "F1_LOG_FORMAT": "json",
        "F1_HTTP_RATE_LIMIT": "100000/minute",
        "F1_AUTH_CACHE_SECONDS": str(BOUND_S),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    for name in ("OPENAI_API_KEY", "F1_DATABASE_URL", "F1_REDIS_URL"):
        env.pop(name, None)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "entrypoints.cli",
            "user",
            "create",
            "boss",
            "--admin",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    with serve(env, data_dir / "server.log", "--workers", "2") as server:
        yield server


def token(server: RunningServer, name: str, *, register: bool = True) -> dict[str, str]:
    creds = {"username": name, "password": PASSWORD}
    if register:
        r = httpx.post(f"{server.url}/api/v1/auth/register", json=creds)
        assert r.status_code == 201, r.text
    r = httpx.post(f"{server.url}/api/v1/auth/login", json=creds)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def me_everywhere(server: RunningServer, headers: dict[str, str]) -> list[httpx.Response]:
    """``GET /me`` many times, each on a new connection (so on either worker)."""
    replies = []
    for _ in range(REQUESTS):
        with httpx.Client(headers=headers) as client:
            replies.append(client.get(f"{server.url}/api/v1/auth/me"))
    return replies


def after_the_bound() -> None:
    time.sleep(BOUND_S + 0.3)


def test_a_role_change_reaches_every_worker(server: RunningServer) -> None:
    boss = token(server, "boss", register=False)
    ria = token(server, "ria")
    before = me_everywhere(server, ria)
    assert {r.json()["role"] for r in before} == {"viewer"}
    r = httpx.put(
        f"{server.url}/api/v1/admin/users/{before[0].json()['id']}/role",
        json={"role": "analyst"},
        headers=boss,
    )
    assert r.status_code == 200, r.text
    after_the_bound()
    assert {r.json()["role"] for r in me_everywhere(server, ria)} == {"analyst"}


def test_disabling_reaches_every_worker(server: RunningServer) -> None:
    boss = token(server, "boss", register=False)
    sam = token(server, "sam")
    before = me_everywhere(server, sam)
    assert {r.status_code for r in before} == {200}
    r = httpx.put(
        f"{server.url}/api/v1/admin/users/{before[0].json()['id']}/disabled",
        json={"disabled": True},
        headers=boss,
    )
    assert r.status_code == 200, r.text
    after_the_bound()
    assert {r.status_code for r in me_everywhere(server, sam)} == {401}


def test_log_out_everywhere_reaches_every_worker(server: RunningServer) -> None:
    kim = token(server, "kim")
    assert {r.status_code for r in me_everywhere(server, kim)} == {200}
    r = httpx.post(f"{server.url}/api/v1/auth/logout-everywhere", headers=kim)
    assert r.status_code == 204, r.text
    after_the_bound()
    assert {r.status_code for r in me_everywhere(server, kim)} == {401}
