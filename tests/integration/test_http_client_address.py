"""Whose address a request is from, on a real ``f1 serve``: the socket peer, unless the peer
is a proxy named in ``F1_TRUSTED_PROXIES``. Everything here comes from 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.integration.conftest import embedded_env
from tests.serving import RunningServer, serve

RATE = 5  # per minute, per address


def _server(
    tmp_path_factory: pytest.TempPathFactory, name: str, **env: str
) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp(name)
    settings = embedded_env(data_dir, F1_ARCHIVE_DIR="", F1_HTTP_RATE_LIMIT=f"{RATE}/minute")
    with serve(settings | env, Path(data_dir) / "server.log") as server:
        yield server


@pytest.fixture(scope="module")
def untrusting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    yield from _server(tmp_path_factory, "no-proxies")  # F1_TRUSTED_PROXIES unset


@pytest.fixture(scope="module")
def behind_loopback_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    yield from _server(tmp_path_factory, "loopback-proxy", F1_TRUSTED_PROXIES="127.0.0.1")


def _rotating(server: RunningServer, count: int, **headers: str) -> list[int]:
    statuses = []
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for n in range(count):
            forwarded = {"X-Forwarded-For": f"203.0.113.{n + 1}", **headers}
            statuses.append(client.get("/api/v1/seasons", headers=forwarded).status_code)
    return statuses


def _logged_clients(server: RunningServer) -> set[str]:
    return {line["client"] for line in server.log_lines() if line.get("event") == "request"}


def test_by_default_a_rotating_forwarded_for_from_loopback_is_one_client(
    untrusting: RunningServer,
) -> None:
    statuses = _rotating(untrusting, RATE + 3, **{"X-Forwarded-Proto": "https"})
    assert statuses == [401] * RATE + [429] * 3
    assert _logged_clients(untrusting) == {"127.0.0.1"}
    # Nor does the header make a plain-HTTP request look like TLS (no HSTS).
    r = httpx.get(f"{untrusting.url}/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in r.headers


def test_a_trusted_proxy_names_the_client(behind_loopback_proxy: RunningServer) -> None:
    statuses = _rotating(behind_loopback_proxy, RATE + 3)
    assert statuses == [401] * (RATE + 3)  # each forwarded address has its own limit
    clients = _logged_clients(behind_loopback_proxy)
    assert {f"203.0.113.{n + 1}" for n in range(RATE + 3)} <= clients
    # The same forwarded address is one client, whatever the peer's port.
    url = f"{behind_loopback_proxy.url}/api/v1/seasons"
    one = {"X-Forwarded-For": "198.51.100.7"}
    again = [httpx.get(url, headers=one).status_code for _ in range(RATE + 1)]
    assert again == [401] * RATE + [429]
    r = httpx.get(f"{behind_loopback_proxy.url}/healthz", headers={"X-Forwarded-Proto": "https"})
    assert r.headers["strict-transport-security"].startswith("max-age=")
