"""Request details Litestar 2 gets wrong for a strict API contract, fixed at the edge of
the app: JSON bodies are decoded in lax mode and without a depth bound, text may carry
control characters, and OPTIONS can list too few methods.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import msgspec
from litestar import Request
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import ValidationException
from litestar.routes import HTTPRoute
from litestar.types import Message, Scope

from entrypoints.http.schemas import (
    CONTROL_CHARACTERS,
    MAX_JSON_DEPTH,
    MULTILINE_FIELDS,
    TEXT_CONTROL_CHARACTERS,
)

# A JSON string literal (escapes included): brackets inside one are text, not structure.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS = frozenset(b"[{")
_CONTROL = re.compile(CONTROL_CHARACTERS)
_TEXT_CONTROL = re.compile(TEXT_CONTROL_CHARACTERS)


async def strict_json_body(request: Request[Any, Any, Any]) -> None:
    """Refuse, before any handler or Litestar's own decoding sees it, what the contract
    forbids but Litestar would let through.

    Run as the app's ``before_request``:

    - control characters in a path or query parameter or in any string of the body
      (PostgreSQL cannot store NUL; none of them means anything in a name or a token);
    - a body nested deeper than ``MAX_JSON_DEPTH``, measured without recursion: msgspec
      decodes recursively and a few hundred levels end in ``RecursionError``;
    - a body that only lax decoding would accept (``0`` for ``false``, ``"7"`` for 7):
      Litestar converts handler arguments with ``strict=False``, right for path and query
      strings, wrong for JSON, which has real types. The body is decoded once more,
      strictly, against the handler's ``data`` type; Litestar caches the body, so the
      handler still reads it.
    """
    _refuse_control_characters(
        [
            *(("path", k, v) for k, v in request.path_params.items()),
            *(("query", k, v) for k, v in request.query_params.multi_items()),
        ]
    )
    handler = request.route_handler
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None or request.method in {"GET", "HEAD", "OPTIONS"}:
        return  # Litestar never decodes the body of these
    body = await request.body()
    if not body:
        return  # Litestar reports the missing body itself
    if json_depth(body) > MAX_JSON_DEPTH:
        raise _invalid("", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        document = msgspec.json.decode(body)
    except msgspec.DecodeError:
        return  # malformed JSON: Litestar's own decoding answers it
    _refuse_control_characters(("body", field, text) for field, text in _strings(document))
    try:
        msgspec.convert(_integral(document), type=data.annotation, strict=True)
    except msgspec.ValidationError as exc:
        raise _invalid("data", str(exc)) from exc


def json_depth(body: bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """How deeply ``body`` nests arrays and objects, counted up to just past ``limit``.

    A linear scan with no recursion, so any input is safe to measure. Malformed JSON
    gets a number too; its decoder stops at the first error, no deeper than counted here.
    """
    depth = deepest = 0
    for byte in _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS):
        depth += 1 if byte in _OPENERS else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    # Every string of a decoded document (keys too) with the field it sits in.
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            field = f"{path}.{key}" if path else key
            yield field, key
            yield from _strings(item, field)


def _refuse_control_characters(values: Iterable[tuple[str, str, Any]]) -> None:
    errors: list[dict[str, str]] = []
    for source, field, value in values:
        if not isinstance(value, str):
            continue
        multiline = field.rpartition(".")[2] in MULTILINE_FIELDS and source == "body"
        found = (_TEXT_CONTROL if multiline else _CONTROL).search(value)
        if found is not None:
            name = field.encode("unicode_escape").decode("ascii")
            message = f"contains a control character (U+{ord(found.group()):04X})"
            errors.append({"key": name, "message": message, "source": source})
    if errors:
        raise ValidationException(detail="Validation failed", extra=errors)


def _invalid(field: str, message: str) -> ValidationException:
    return ValidationException(
        detail="Validation failed", extra=[{"key": field, "message": message, "source": "body"}]
    )


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
