"""Several tabs refreshing at once with one refresh token stay logged in (a real server)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator

import httpx
import pytest
from tests.integration.test_http_boundary import PASSWORD, Service, running_service

CONCURRENT = 6


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    # The widest window allowed, so a slow machine cannot turn the burst into a reuse.
    data_dir = tmp_path_factory.mktemp(f"refresh-{request.param}")
    yield from running_service(request.param, data_dir, F1_REFRESH_GRACE_SECONDS="60")


async def refresh(client: httpx.AsyncClient, service: Service, token: str) -> httpx.Response:
    return await client.post(f"{service.url}/api/v1/auth/refresh", json={"refresh_token": token})


async def test_concurrent_refreshes_with_one_token_share_one_successor(service: Service) -> None:
    credentials = {"username": f"tabs-{secrets.token_hex(4)}", "password": PASSWORD}
    async with httpx.AsyncClient(timeout=60) as client:
        r = await client.post(f"{service.url}/api/v1/auth/register", json=credentials)
        assert r.status_code == 201, r.text
        r = await client.post(f"{service.url}/api/v1/auth/login", json=credentials)
        assert r.status_code == 200, r.text
        first = r.json()["refresh_token"]

        answers = await asyncio.gather(
            *(refresh(client, service, first) for _ in range(CONCURRENT))
        )
        assert [a.status_code for a in answers] == [200] * CONCURRENT, [a.text for a in answers]
        successors = {a.json()["refresh_token"] for a in answers}
        assert len(successors) == 1 and first not in successors
        (successor,) = successors
        for answer in answers:
            bearer = {"Authorization": f"Bearer {answer.json()['access_token']}"}
            me = await client.get(f"{service.url}/api/v1/auth/me", headers=bearer)
            assert me.status_code == 200 and me.json()["username"] == credentials["username"]

        # The family is alive: the shared successor rotates as usual ...
        r = await refresh(client, service, successor)
        assert r.status_code == 200, r.text
        latest = r.json()["refresh_token"]
        # ... and once it has, the first token is a plain reuse again: the family ends.
        r = await refresh(client, service, first)
        assert r.status_code == 401 and "already used" in r.json()["detail"], r.text
        r = await refresh(client, service, latest)
        assert r.status_code == 401, r.text
