"""Conditional GETs for answers that depend only on the data: strong ETags and 304s.

Litestar sets the ``Cache-Control`` header itself (``cache_control=`` on a controller or
handler); this ``after_request`` hook adds the validator. The ETag is a hash of the
response's content without what differs between two computations of the same answer
(how long it took, whether it came from the cache), so the same data gives the same tag
in every worker; an ``If-None-Match`` that names it gets a bodiless 304.
"""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec
from litestar import Response
from litestar.datastructures import CacheControlHeader
from litestar.enums import ScopeType
from litestar.types import Message, Scope

# What varies between two computations of one answer, not its content.
_VOLATILE = ("timings_ms", "cached")

# Data endpoints need a login, so a shared cache may keep their answers but must check
# with the service (passing the caller's credentials) before every reuse: the login stays
# enforced and an unchanged answer costs a 304. Answers needing no login (shared links)
# set a lifetime instead.
DATA_CACHE_CONTROL = CacheControlHeader(public=True, no_cache=True)


def strong_etag(content: Any) -> str:
    """A strong validator for ``content`` (a msgspec-encodable value)."""
    plain = msgspec.to_builtins(content)
    if isinstance(plain, dict):
        plain = {k: v for k, v in plain.items() if k not in _VOLATILE}
    digest = hashlib.sha256(msgspec.json.encode(plain, order="deterministic"))
    return f'"{digest.hexdigest()[:32]}"'


def matches(if_none_match: str, etag: str) -> bool:
    """True when an ``If-None-Match`` header names ``etag`` (or is ``*``)."""
    tags = [t.strip() for t in if_none_match.split(",")]
    return etag in tags or "*" in tags


async def with_etag(response: Response[Any]) -> Response[Any]:
    """``after_request`` of data controllers: tag a 200 answer with its strong ETag."""
    if response.status_code == 200 and response.content is not None:
        response.headers["ETag"] = strong_etag(response.content)
    return response


_SKIP_BODY = "f1.not_modified"

# A strong ETag names one representation, so each content coding gets its own (RFC 9110
# 8.8.3): the same suffixes as the web router's precompressed files.
_CODING_SUFFIX = {b"br": b"-br", b"gzip": b"-gz"}


def _per_encoding(headers: list[tuple[bytes, bytes]]) -> bytes | None:
    """The response's ETag, suffixed with its content coding when it has one."""
    etag = next((v for k, v in headers if k.lower() == b"etag"), None)
    coding = next((v for k, v in headers if k.lower() == b"content-encoding"), None)
    suffix = _CODING_SUFFIX.get(coding.strip().lower()) if coding else None
    if etag is None or suffix is None or not etag.endswith(b'"'):
        return etag
    if etag.endswith(suffix + b'"'):  # already tagged (the web router's own files)
        return etag
    return etag[:-1] + suffix + b'"'


async def not_modified(message: Message, scope: Scope) -> None:
    """``before_send``: a GET whose ``If-None-Match`` names the response's ETag gets a
    bodiless 304 (headers kept: ETag, Cache-Control, Vary, ...). It runs after the
    compression middleware, so a compressed answer's ETag gains its coding's suffix here.
    A response to a request with credentials that says nothing about caching is marked
    ``private, no-cache``: it may be about the caller, and no shared cache may keep it."""
    if scope["type"] != ScopeType.HTTP:
        return
    raw: dict[str, Any] = scope  # type: ignore[assignment]
    if message["type"] == "http.response.start":
        headers = list(message.get("headers", ()))
        names = {k.lower() for k, _ in headers}
        if b"cache-control" not in names and any(
            k == b"authorization" for k, _ in scope["headers"]
        ):
            headers.append((b"cache-control", b"private, no-cache"))
            message["headers"] = headers
        if scope.get("method") not in ("GET", "HEAD") or message["status"] != 200:
            return
        etag = _per_encoding(headers)
        if etag is not None:
            headers = [(k, etag if k.lower() == b"etag" else v) for k, v in headers]
            if b"vary" not in names:
                # The uncompressed variant varies by Accept-Encoding as much as the others.
                headers.append((b"vary", b"Accept-Encoding"))
            message["headers"] = headers
        asked = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
        if etag is not None and asked is not None and matches(asked.decode(), etag.decode()):
            message["status"] = 304
            message["headers"] = [
                (k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")
            ]
            raw[_SKIP_BODY] = True
    elif message["type"] == "http.response.body" and raw.get(_SKIP_BODY):
        message["body"] = b""
        message["more_body"] = False
