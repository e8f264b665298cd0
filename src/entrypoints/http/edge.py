"""What happens to every request before routing and after the response: the edge.

One pure ASGI layer around the whole app (404s and 405s included, which Litestar's
per-route middleware never sees): the client address (the peer, or what a trusted proxy
says), the request id, rate limits per client address and per user, the access log line
and the request metrics. The response hooks (security headers first, see
``security_headers``) run in this layer's own ``send``, so they reach every response,
this layer's 429s included, at the cost of one wrapper per request.

``GET /healthz`` is answered here, from bytes built once with the same security headers:
a liveness probe needs no routing, and Litestar's stack cost it three quarters of what
a bare ASGI app answers in the same server. It is still counted and logged.
"""

from __future__ import annotations

import itertools
import os
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

import msgspec
import structlog
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.client_address import TrustedProxies
from entrypoints.http.metrics import HttpMetrics
from entrypoints.http.problems import PROBLEM_JSON, REQUEST_ID_KEY, problem_bytes
from entrypoints.http.ratelimit import RateLimiter
from entrypoints.http.schemas import Health

# What Litestar calls a ``before_send`` hook: it may rewrite a message before it is sent.
Hook = Callable[[Message, Scope], Awaitable[None]]
USER_ID_KEY = "f1.user_id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Probes and scrapes must never be throttled, or a busy server would look dead.
UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
AUTH_PATHS = frozenset({"/api/v1/auth/login", "/api/v1/auth/register"})
REGISTER_PATH = "/api/v1/auth/register"

access_log = structlog.get_logger("f1.http")
_PID = os.getpid()  # which worker served it, when several share a port


class EdgeMiddleware:
    """Request id, rate limits, response hooks, access log and metrics for every request."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        metrics: HttpMetrics,
        limiter: RateLimiter,
        user_of_token: Callable[[str], str | None],
        trusted_proxies: TrustedProxies,
        log_requests: bool = True,
        always_hsts: bool = False,
        cors: bool = False,
        hooks: Sequence[Hook] = (),
    ) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies
        self.metrics = metrics
        self.limiter = limiter
        self.user_of_token = user_of_token
        self.log_requests = log_requests
        self.hooks = tuple(hooks)
        self._health_headers = _HEALTH_HEADERS_TLS if always_hsts else _HEALTH_HEADERS
        # A browser's cross-origin probe goes through Litestar, for its CORS headers.
        self._cors = cors
        # Probes are counted, not timed: the answer is constant bytes.
        self._health_count = metrics.requests.labels(HEALTH_PATH, "GET", "200")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = cast(dict[str, Any], scope)
        if raw["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        # First, so limits, handlers, HSTS and the log all see the same client.
        self.trusted_proxies.apply(scope)
        request_id = _request_id(scope)
        raw[REQUEST_ID_KEY] = request_id
        if (
            raw["path"] == HEALTH_PATH
            and raw["method"] == "GET"
            and not (self._cors and any(k == b"origin" for k, _ in raw["headers"]))
        ):
            await self._healthy(raw, send, request_id)
            if self.log_requests:
                self._log(raw, request_id, HEALTH_PATH, 200, time.perf_counter() - started)
            return
        status = 500
        hooks = self.hooks

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            for hook in hooks:
                await hook(message, scope)
            await send(message)

        try:
            retry_after = await self._check_limits(scope)
            if retry_after is not None:
                status = 429
                await _send_429(send_wrapper, retry_after, request_id)
            else:
                await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = raw.get("path_template") or ("unmatched" if status in (404, 405) else "-")
            self.metrics.observe_request(route, raw["method"], status, elapsed)
            if self.log_requests:
                self._log(raw, request_id, route, status, elapsed)

    async def _healthy(self, scope: dict[str, Any], send: Send, request_id: str) -> None:
        base = _HEALTH_HEADERS_TLS if scope.get("scheme") == "https" else self._health_headers
        headers = [*base, (b"x-request-id", request_id.encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": _HEALTHY, "more_body": False})
        self._health_count.inc()

    def _log(
        self, raw: dict[str, Any], request_id: str, route: str, status: int, elapsed: float
    ) -> None:
        # Never the body, the query string or headers: they can carry passwords/tokens.
        access_log.info(
            "request",
            request_id=request_id,
            user_id=raw.get(USER_ID_KEY),
            method=raw["method"],
            route=route,
            status=status,
            latency_ms=round(elapsed * 1000, 2),
            client=_client(raw),  # type: ignore[arg-type]
            worker=_PID,
        )

    async def _check_limits(self, scope: Scope) -> int | None:
        path = scope["path"]
        if path in UNLIMITED_PATHS or not path.startswith("/api/"):
            return None
        client = _client(scope)
        limiter = self.limiter
        if path in AUTH_PATHS:
            wait = await limiter.hit(limiter.auth, "auth-addr", client)
            if wait is not None:
                return wait
        if path == REGISTER_PATH:
            wait = await limiter.hit(limiter.register, "register-addr", client)
            if wait is not None:
                return wait
        wait = await limiter.hit(limiter.general, "addr", client)
        if wait is not None:
            return wait
        token = _bearer(scope)
        if token:
            # Signature and expiry only (no database): enough to key the limit by user; the
            # handler's Authenticate still decides whether the token is accepted.
            subject = self.user_of_token(token)
            if subject is not None:
                return await limiter.hit(limiter.general, "user", subject)
        return None


def _request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _REQUEST_ID.match(text):
                return text
            break
    return _new_request_id()


# Generated ids: 16 random hex digits per process and a 16-digit counter, unique across
# workers and restarts like a UUID 4 but without reading the system's randomness per request.
_ids: dict[str, Any] = {}


def _reseed() -> None:
    _ids["prefix"] = secrets.token_hex(8)
    _ids["counter"] = itertools.count(1)


def _new_request_id() -> str:
    return f"{_ids['prefix']}{next(_ids['counter']):016x}"


_reseed()
os.register_at_fork(after_in_child=_reseed)


def _bearer(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


async def _send_429(send: Send, retry_after: int, request_id: str) -> None:
    body = problem_bytes(
        429,
        "rate_limited",
        f"Too many requests; try again in {retry_after} s.",
        request_id=request_id,
    )
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(retry_after).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


# Strict: nothing inline, nothing from elsewhere, never framed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_STATIC_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")

HEALTH_PATH = "/healthz"
_HEALTHY = msgspec.json.encode(Health(status="ok"))
_HEALTH_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(_HEALTHY)).encode()),
    *_STATIC_HEADERS,
]
_HEALTH_HEADERS_TLS = [*_HEALTH_HEADERS, _HSTS]


def security_headers(*, always_hsts: bool) -> Hook:
    """The first response hook: security headers and the request id on every response.

    HSTS only over TLS (``scope["scheme"] == "https"``, which the edge sets from a trusted
    proxy's X-Forwarded-Proto) or when the operator says TLS is terminated in front.
    """

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = list(message.get("headers") or [])
        headers.extend(_STATIC_HEADERS)
        if always_hsts or scope.get("scheme") == "https":
            headers.append(_HSTS)
        request_id = cast(dict[str, Any], scope).get(REQUEST_ID_KEY)
        if request_id:
            headers.append((b"x-request-id", str(request_id).encode()))
        message["headers"] = headers

    return hook
