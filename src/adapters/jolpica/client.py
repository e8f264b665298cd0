"""A polite JSON-over-HTTP client for Ergast-shaped APIs: paging, a rate limit, retries.

Jolpica asks for at most 4 requests a second (500 an hour sustained) and pages every
answer (``limit`` at most 100, ``offset``, ``total`` in ``MRData``). The client spaces its
requests, retries connection failures, 429 and 5xx with exponential backoff (honouring
``Retry-After``), and turns whatever still fails into one ``ArchiveFeedError`` line.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from f1core.domain.archive_feed import ArchiveFeedError

log = logging.getLogger(__name__)

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_PAGES = 200  # a runaway ``total`` must not page for ever
_MAX_RETRY_AFTER_S = 60.0
_USER_AGENT = "f1-analysis (f1 archive update)"


class PoliteJsonClient:
    """GETs JSON from ``base_url``, one request at a time, ``min_interval_s`` apart."""

    def __init__(
        self,
        base_url: str,
        *,
        min_interval_s: float = 0.3,
        attempts: int = 3,
        backoff_s: float = 1.0,
        timeout_s: float = 20.0,
        page_size: int = 100,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._min_interval = min_interval_s
        self._attempts = max(1, attempts)
        self._backoff = backoff_s
        self._timeout = timeout_s
        self._page_size = page_size
        self._transport = transport
        self._sleep = sleep
        self._last_request = float("-inf")
        self._lock = asyncio.Lock()
        self._client: httpx.AsyncClient | None = None

    @property
    def base_url(self) -> str:
        """Where the API lives."""
        return self._base

    async def close(self) -> None:
        """Close the connection pool."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def pages(self, path: str) -> list[dict[str, Any]]:
        """Every page of ``path`` (``MRData`` objects), following ``limit``/``offset``."""
        found: list[dict[str, Any]] = []
        offset = 0
        for _ in range(_MAX_PAGES):
            data = await self.get_json(path, {"limit": self._page_size, "offset": offset})
            mrdata = data.get("MRData")
            if not isinstance(mrdata, dict):
                raise ArchiveFeedError(f"{self._base}{path} answered without MRData")
            found.append(mrdata)
            try:
                total = int(mrdata.get("total", 0))
                limit = int(mrdata.get("limit", self._page_size))
            except (TypeError, ValueError) as exc:
                raise ArchiveFeedError(f"{self._base}{path}: unreadable paging ({exc})") from exc
            offset += limit
            if limit <= 0 or offset >= total:
                return found
        raise ArchiveFeedError(f"{self._base}{path}: more than {_MAX_PAGES} pages")

    async def get_json(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """One GET, spaced and retried; the decoded JSON object."""
        url = f"{self._base}{path}"
        problem = "no attempt made"
        for attempt in range(self._attempts):
            if attempt:
                await self._sleep(self._backoff * 2 ** (attempt - 1))
            try:
                response = await self._send(url, params)
            except httpx.TransportError as exc:
                problem = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
                log.warning("GET %s failed (%s), attempt %d", url, problem, attempt + 1)
                continue
            if response.status_code in _RETRY_STATUSES:
                problem = f"HTTP {response.status_code}"
                await self._sleep(_retry_after(response))
                continue
            if response.status_code != 200:
                raise ArchiveFeedError(
                    f"the results feed answered HTTP {response.status_code} for {url}"
                )
            try:
                data = response.json()
            except ValueError as exc:
                raise ArchiveFeedError(f"the results feed sent invalid JSON for {url}") from exc
            if not isinstance(data, dict):
                raise ArchiveFeedError(f"the results feed sent no JSON object for {url}")
            return data
        raise ArchiveFeedError(
            f"cannot read the results feed at {self._base} ({problem}, "
            f"{self._attempts} attempts); the archive is unchanged"
        )

    async def _send(self, url: str, params: dict[str, Any] | None) -> httpx.Response:
        async with self._lock:  # one request at a time, spaced
            wait = self._last_request + self._min_interval - time.monotonic()
            if wait > 0:
                await self._sleep(wait)
            if self._client is None:
                self._client = httpx.AsyncClient(
                    timeout=self._timeout,
                    transport=self._transport,
                    headers={
                        "User-Agent": "f1-analysis archive update",
                        "Accept": "application/json",
                    },
                    follow_redirects=True,
                )
            try:
                return await self._client.get(url, params=params)
            finally:
                self._last_request = time.monotonic()


def _retry_after(response: httpx.Response) -> float:
    raw = response.headers.get("Retry-After", "")
    try:
        return min(max(float(raw), 0.0), _MAX_RETRY_AFTER_S)
    except ValueError:
        return 0.0
