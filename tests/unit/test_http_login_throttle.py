"""Login throttling over HTTP, in process (issue 9, item 5).

Before the fix, ten wrong logins a minute for one account, from any addresses, kept its
owner at 429 everywhere, right password or not. A small ASGI wrapper picks the client
address of each request (``X-Test-Client``), and a fake clock sits out the waits.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from dependency_injector import providers
from litestar.testing import TestClient
from litestar.types import ASGIApp, Receive, Scope, Send
from tests.fakes import FakeClock, FakePasswordHasher, FakeSessionSource

from entrypoints.composition import Container, bootstrap
from entrypoints.http import create_app
from entrypoints.http.config import HttpConfig
from entrypoints.settings import Settings

PASSWORD = "correct horse battery"
WRONG = "wrong password!"
A, B, C = "203.0.113.1", "198.51.100.2", "192.0.2.3"
LOGIN = "/api/v1/auth/login"


class ClientFrom:
    """Test-only: the request's client address is its ``X-Test-Client`` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = cast(dict[str, Any], scope)
        for name, value in raw.get("headers", []):
            if name == b"x-test-client":
                raw["client"] = (value.decode(), 40000)
        await self.app(scope, receive, send)


class Site:
    def __init__(self, client: TestClient[Any], clock: FakeClock) -> None:
        self.client = client
        self.clock = clock

    def login(self, name: str, password: str, address: str) -> Any:
        return self.client.post(
            LOGIN, json={"username": name, "password": password}, headers={"X-Test-Client": address}
        )

    def fail(self, name: str, address: str, times: int) -> list[int]:
        """``times`` 401s for ``name`` from ``address``, sitting out each 429; its waits."""
        waits: list[int] = []
        failed = 0
        while failed < times:
            r = self.login(name, WRONG, address)
            if r.status_code == 429:
                assert r.headers["content-type"].startswith("application/problem+json")
                assert r.json()["kind"] == "rate_limited"
                waits.append(int(r.headers["retry-after"]))
                self.clock.advance(seconds=waits[-1])
            else:
                assert r.status_code == 401, r.text
                failed += 1
        return waits


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    settings = Settings.from_env(
        {
            "F1_DATA_DIR": str(tmp_path),
            "F1_JWT_SECRET": "s" * 48,
            "F1_LOG_FORMAT": "json",
            "F1_ARCHIVE_DIR": "",
        }
    )
    container: Container = bootstrap(settings)
    container.sessions.source.override(providers.Object(FakeSessionSource()))
    clock = FakeClock(datetime.now(UTC))
    container.accounts.clock.override(providers.Object(clock))
    container.accounts.password_hasher.override(providers.Object(FakePasswordHasher()))
    # The edge's own per-address limits (real time) stay out of the way.
    app = create_app(
        container, HttpConfig(rate_limit="10000/minute", auth_rate_limit="10000/minute")
    )
    app.asgi_handler = ClientFrom(app.asgi_handler)
    with TestClient(app) as client:
        for name in ("owner", "other"):
            r = client.post("/api/v1/auth/register", json={"username": name, "password": PASSWORD})
            assert r.status_code == 201, r.text
        yield Site(client, clock)


def test_failures_from_one_address_do_not_stop_the_owner_at_another(site: Site) -> None:
    site.fail("owner", A, 30)
    assert site.login("owner", PASSWORD, A).status_code == 429  # A waits
    for address in (B, C):
        r = site.login("owner", PASSWORD, address)
        assert r.status_code == 200, r.text
        assert r.json()["access_token"]


def test_the_failing_address_gets_growing_retry_after(site: Site) -> None:
    assert site.fail("owner", A, 5) == []  # free
    assert site.fail("owner", A, 5) == [1, 2, 4, 8]
    r = site.login("owner", PASSWORD, A)
    assert r.status_code == 429
    assert r.headers["retry-after"] == "16"
    assert "16 s" in r.json()["detail"]
    site.clock.advance(seconds=16)
    assert site.login("owner", PASSWORD, A).status_code == 200  # a delay, not a lock


def test_one_address_is_limited_across_many_accounts(site: Site) -> None:
    for i in range(21):
        assert site.login(f"guess{i}", WRONG, A).status_code == 401
    for name, password in (("nobody", WRONG), ("other", PASSWORD)):
        r = site.login(name, password, A)
        assert r.status_code == 429, r.text
        assert r.headers["retry-after"] == "1"
    assert site.login("other", PASSWORD, B).status_code == 200
