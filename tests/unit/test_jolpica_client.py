"""The polite client: spacing, retries with backoff, Retry-After, paging, clear errors."""

from __future__ import annotations

import json

import httpx
import pytest

from adapters.jolpica import PoliteJsonClient
from f1core.domain.archive_feed import ArchiveFeedError


class Script:
    """Answers requests from a list (a callable gives a transport error), recording sleeps."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.urls: list[str] = []
        self.sleeps: list[float] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, httpx.Response)
        return answer

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def client(self, **kwargs: object) -> PoliteJsonClient:
        return PoliteJsonClient(
            "http://feed.test/ergast/f1",
            transport=httpx.MockTransport(self.handler),
            sleep=self.sleep,
            min_interval_s=0,
            **kwargs,  # type: ignore[arg-type]
        )


def page(total: int, limit: int, offset: int) -> httpx.Response:
    body = {"MRData": {"total": str(total), "limit": str(limit), "offset": str(offset)}}
    return httpx.Response(200, content=json.dumps(body))


async def test_retries_with_exponential_backoff_then_succeeds() -> None:
    script = Script(
        httpx.ConnectError("refused"),
        httpx.Response(503),
        page(1, 100, 0),
    )
    found = await script.client(backoff_s=1.5).pages("/2024.json")
    assert [p["total"] for p in found] == ["1"]
    assert script.sleeps == [1.5, 0.0, 3.0]  # backoff 1.5 s, no Retry-After, then 3 s
    assert len(script.urls) == 3


async def test_honours_retry_after_on_429() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "7"}), page(0, 100, 0))
    await script.client(backoff_s=0).get_json("/2024.json")
    assert 7.0 in script.sleeps


async def test_offline_is_one_clear_error_after_the_attempts() -> None:
    script = Script(*[httpx.ConnectError("Name or service not known")] * 3)
    with pytest.raises(ArchiveFeedError) as raised:
        await script.client(attempts=3, backoff_s=0).get_json("/2024.json")
    assert raised.value.message == (
        "cannot read the results feed at http://feed.test/ergast/f1 (ConnectError: Name or "
        "service not known, 3 attempts); the archive is unchanged"
    )
    assert "\n" not in raised.value.message


async def test_a_client_error_is_not_retried() -> None:
    script = Script(httpx.Response(404))
    with pytest.raises(ArchiveFeedError, match=r"answered HTTP 404 for http://feed\.test"):
        await script.client().get_json("/1900.json")
    assert len(script.urls) == 1


async def test_invalid_json_is_an_error() -> None:
    script = Script(httpx.Response(200, content=b"<html>"))
    with pytest.raises(ArchiveFeedError, match="invalid JSON"):
        await script.client().get_json("/2024.json")


async def test_pages_follow_limit_and_offset() -> None:
    script = Script(page(25, 10, 0), page(25, 10, 10), page(25, 10, 20))
    found = await script.client(page_size=10).pages("/2024/1/results.json")
    assert len(found) == 3
    assert [u.rsplit("?", 1)[1] for u in script.urls] == [
        "limit=10&offset=0",
        "limit=10&offset=10",
        "limit=10&offset=20",
    ]


async def test_requests_are_spaced() -> None:
    script = Script(page(0, 100, 0), page(0, 100, 0))
    client = PoliteJsonClient(
        "http://feed.test",
        transport=httpx.MockTransport(script.handler),
        sleep=script.sleep,
        min_interval_s=60,
    )
    await client.get_json("/a.json")
    await client.get_json("/b.json")
    # the second request waited for the rest of the minute
    assert len(script.sleeps) == 1
    assert 0 < script.sleeps[0] <= 60
