"""Every error as problem+json (RFC 9457): a title, the status, a message a person can act on.

Domain errors map by their class (each declares its ``http_status`` and ``kind``);
Litestar's own errors (404, 405, 413, validation) keep their status and name the offending
field; database and network failures become 503;
anything else is a 500 whose body carries only the request id (the traceback goes to the
log, never to the client).
"""

from __future__ import annotations

import logging
import re
from typing import Any, cast

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy import exc as sa_exc

from f1core.errors import F1Error

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
REQUEST_ID_KEY = "f1.request_id"

TITLES: dict[int, str] = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Unprocessable request",
    429: "Too many requests",
    500: "Internal error",
    502: "Bad gateway",
    503: "Service unavailable",
}


def problem_body(
    status: int,
    kind: str,
    detail: str,
    *,
    instance: str | None,
    request_id: str | None,
    **extra: Any,
) -> dict[str, Any]:
    """The RFC 9457 document; ``kind`` is our stable machine-readable error name."""
    body: dict[str, Any] = {
        "type": f"urn:f1:problem:{kind}",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "kind": kind,
    }
    if instance is not None:
        body["instance"] = instance
    if request_id is not None:
        body["request_id"] = request_id
    body.update(extra)
    return body


def problem_bytes(
    status: int, kind: str, detail: str, *, request_id: str | None = None, **extra: Any
) -> bytes:
    """An encoded problem document, for responses sent outside Litestar's handlers."""
    return msgspec.json.encode(
        problem_body(status, kind, detail, instance=None, request_id=request_id, **extra)
    )


def _response(
    request: Request[Any, Any, Any],
    status: int,
    kind: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response[Any]:
    body = problem_body(
        status,
        kind,
        detail,
        instance=request.scope.get("path"),
        request_id=cast(dict[str, Any], request.scope).get(REQUEST_ID_KEY),
        **extra,
    )
    return Response(content=body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def f1_error_handler(request: Request[Any, Any, Any], exc: F1Error) -> Response[Any]:
    """A domain error: its message is already written for the person asking."""
    status = exc.http_status
    headers: dict[str, str] | None = None
    if status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="f1"'}
    retry_after = getattr(exc, "retry_after", None)
    if isinstance(retry_after, int):
        headers = {"Retry-After": str(retry_after)}
    extra: dict[str, Any] = {}
    candidates = getattr(exc, "candidates", None)
    if isinstance(candidates, tuple):
        extra["candidates"] = list(candidates)
    return _response(request, status, exc.kind, exc.message, headers, **extra)


def http_error_handler(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Litestar's own errors: routing, methods, body size, validation."""
    status = exc.status_code
    if status >= 500:
        # Litestar wraps wiring faults (a bad dependency) in a 500: the log needs the cause.
        logger.error("server error: %s", exc.detail, exc_info=exc)
        return _response(
            request,
            500,
            "internal",
            "Something went wrong on our side; quote the request id when reporting it.",
        )
    if isinstance(exc, ValidationException):
        errors = _validation_errors(exc.extra)
        fields = ", ".join(e["field"] for e in errors if e.get("field")) or "the body"
        detail = f"Invalid value for {fields}: " + "; ".join(e["message"] for e in errors)
        return _response(request, 400, "validation", detail, errors=errors)
    if status == 404:
        detail = f"There is nothing at {request.scope.get('path')}; see /schema for the API."
    elif status == 405:
        detail = f"{request.method} is not allowed here."
    elif status == 413:
        detail = "The request body is too large."
    else:
        detail = exc.detail or TITLES.get(status, "Error")
    headers = {
        k: v for k, v in (exc.headers or {}).items() if k.lower() in {"allow", "retry-after"}
    }
    return _response(request, status, _kind_for_status(status), detail, headers or None)


def unexpected_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Infrastructure failures are 503 (retry later); anything else a 500 with a request id."""
    if isinstance(exc, sa_exc.SQLAlchemyError | ConnectionError | TimeoutError | OSError):
        logger.error("backing service unavailable: %s: %s", type(exc).__name__, exc)
        return _response(
            request,
            503,
            "unavailable",
            f"The {_failed_service(exc)} is unavailable right now; try again in a moment.",
            {"Retry-After": "5"},
        )
    logger.exception("unhandled error")
    return _response(
        request,
        500,
        "internal",
        "Something went wrong on our side; quote the request id when reporting it.",
    )


_AT_PATH = re.compile(r"\s*-\s*at `\$\.?([^`]*)`$")
_MISSING = re.compile(r"missing required field `([^`]+)`")


_DATABASE_MODULES = ("sqlalchemy", "asyncpg", "aiosqlite", "sqlite3", "adapters.sql")


def _failed_service(exc: BaseException) -> str:
    # A refused connection surfaces as a bare OSError; where it was raised says what is down.
    if isinstance(exc, sa_exc.SQLAlchemyError):
        return "database"
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith(_DATABASE_MODULES):
            return "database"
        tb = tb.tb_next
    return "data service"


def _validation_errors(extra: Any) -> list[dict[str, str]]:
    items = extra if isinstance(extra, list) else []
    errors: list[dict[str, str]] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        key = str(item.get("key") or "")
        message = str(item.get("message") or "invalid value")
        # msgspec says where in the body: "... - at `$.query.year`"; name that field,
        # not the handler's parameter ("data").
        at = _AT_PATH.search(message)
        missing = _MISSING.search(message)
        if at:
            message = message[: at.start()]
            key = at.group(1) if key in ("", "data") else f"{key}.{at.group(1)}"
        if missing and key in ("", "data"):
            key = missing.group(1)
        errors.append(
            {"field": key, "source": str(item.get("source") or "body"), "message": message}
        )
    return errors or [{"field": "", "source": "body", "message": "invalid request"}]


def _kind_for_status(status: int) -> str:
    return {
        404: "not_found",
        405: "method_not_allowed",
        413: "body_too_large",
        415: "unsupported_media_type",
        429: "rate_limited",
    }.get(status, "http_error")


EXCEPTION_HANDLERS: dict[int | type[Exception], Any] = {
    F1Error: f1_error_handler,
    HTTPException: http_error_handler,
    Exception: unexpected_error_handler,
}

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "REQUEST_ID_KEY",
    "problem_body",
    "problem_bytes",
]
