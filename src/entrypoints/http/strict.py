"""Request details Litestar 2 gets wrong for a strict API contract, fixed at the edge of
the app: JSON bodies are decoded in lax mode, and OPTIONS can list too few methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import msgspec
from litestar import Request
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import ValidationException
from litestar.routes import HTTPRoute
from litestar.types import Message, Scope


async def strict_json_body(request: Request[Any, Any, Any]) -> None:
    """Reject a body that only lax decoding would accept (``0`` for ``false``, ``"7"`` for 7).

    Litestar converts handler arguments with ``strict=False`` (right for path and query
    strings, wrong for JSON, which has real types). Run as ``before_request``: the body is
    decoded once more, strictly, against the handler's ``data`` type; Litestar caches the
    body, so the handler still reads it.
    """
    handler = request.route_handler
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None or request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    body = await request.body()
    if not body:
        return  # Litestar reports the missing body itself
    try:
        document = msgspec.json.decode(body)
    except msgspec.DecodeError:
        return  # malformed JSON: Litestar's own decoding answers it
    try:
        msgspec.convert(_integral(document), type=data.annotation, strict=True)
    except msgspec.ValidationError as exc:
        error = {"key": "data", "message": str(exc), "source": "body"}
        raise ValidationException(detail="Validation failed", extra=[error]) from exc


def _integral(value: Any) -> Any:
    # JSON Schema counts 2024.0 as an integer, so the contract accepts it; strict msgspec
    # would not. Everything else keeps its JSON type.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_integral(v) for v in value]
    if isinstance(value, dict):
        return {k: _integral(v) for k, v in value.items()}
    return value


def allow_header(routes: Iterable[Any]) -> Callable[[Message, Scope], Any]:
    """A ``before_send`` hook giving OPTIONS answers the route's real ``Allow`` list.

    Litestar 2 builds the automatic OPTIONS handler for the first method registered on a
    path and keeps it when later methods join the route (litestar#4169, fixed in v3):
    ``OPTIONS /api/v1/history/1`` listed DELETE but not GET.
    """
    allowed = {
        route.path: ", ".join(sorted(route.methods))
        for route in routes
        if isinstance(route, HTTPRoute)
    }

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start" or scope.get("method") != "OPTIONS":
            return
        handler = scope.get("route_handler")
        path = next(iter(getattr(handler, "paths", ())), None)
        methods = allowed.get(path) if path is not None else None
        if methods is not None and message["status"] == 204:
            MutableScopeHeaders.from_message(message)["Allow"] = methods

    return hook
