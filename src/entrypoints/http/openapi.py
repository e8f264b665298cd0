"""The error responses of the OpenAPI document: every route lists the problems it can answer.

Litestar documents only the success response and a 400 in its own (non problem+json)
shape. Our errors are problem+json (``problems.py``) and come from the domain, the auth
dependencies and the edge (rate limits), so they are described here, once, from what each
handler depends on: a route that needs a role can answer 403, one with a path parameter
404, one with a body 413, and so on. Clients and schemathesis then see the real contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import msgspec
from litestar import Litestar

# Litestar's own msgspec schema plugin (private path; checked against litestar 2.25).
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIType, Parameter, Reference, RequestBody, Schema
from litestar.routes import HTTPRoute
from litestar.typing import FieldDefinition

from entrypoints.http.problems import PROBLEM_JSON, TITLES

if TYPE_CHECKING:
    from litestar._openapi.schema_generation import SchemaCreator


class FieldError(msgspec.Struct, frozen=True, kw_only=True):
    """One invalid field of a request: where it is and what is wrong with it."""

    field: str
    source: str
    message: str


class Problem(msgspec.Struct, frozen=True, kw_only=True):
    """An RFC 9457 problem document; ``kind`` is the stable machine-readable error name."""

    type: str
    title: str
    status: int
    detail: str
    kind: str
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None  # validation errors (400)
    candidates: list[str] | None = None  # ambiguous names (409)
    checks: dict[str, str] | None = None  # readiness probe (503)


# Why a route may answer each status; the description shown in the document.
REASONS: dict[int, str] = {
    400: "The request does not match the schema (the problem names the field) or is invalid.",
    401: "No valid access token (log in; refresh tokens are not access tokens).",
    403: "The caller's role does not allow this.",
    404: "The resource does not exist or is not the caller's.",
    409: "Conflicts with the current state, or a name matches several things.",
    413: "The request body is too large.",
    422: "Well-formed but refused: the domain cannot process it as asked.",
    429: "Too many requests; retry after ``Retry-After`` seconds.",
    502: "The data source failed.",
    503: "A backing service (database, data source, interpreter) is unavailable; retry later.",
}

# What a handler can answer beyond what its signature shows: the domain errors its use
# cases raise (see their docstrings), keyed by handler function name.
DOMAIN_STATUSES: dict[str, tuple[int, ...]] = {
    "register": (409, 422),
    "login": (401, 422),
    "refresh": (401,),
    "logout": (401,),
    "ask": (404, 409, 422),
    "query": (404, 409, 422),
    "rerun": (409, 422),
    "save": (409, 422),
    "history_answer": (409, 422),
    "set_role": (409, 422),
    "set_disabled": (409, 422),
    "events": (404, 502),
    "available": (404, 502),
    "session_summary": (404, 409, 422, 502),
    "session_analysis": (404, 409, 422, 502),
    "race": (404, 409),
    "standings": (404,),
    "champions": (404,),
}

_ROLE_DEPENDENCIES = frozenset({"analyst", "admin"})
_USER_DEPENDENCIES = frozenset({"viewer"}) | _ROLE_DEPENDENCIES
# Parameters Litestar fills from the connection itself, never from client input.
_RESERVED = frozenset({"request", "state", "scope", "self"})
# Handlers answering through ``etag_response``: a matching ``If-None-Match`` gets a 304.
_CONDITIONAL = frozenset({"ask", "query", "rerun", "shared"})


class StrictStructSchemaPlugin(StructSchemaPlugin):
    """Litestar's msgspec schemas, plus ``additionalProperties: false`` where msgspec
    rejects unknown fields (``forbid_unknown_fields``): without it the document allows
    bodies the server answers with 400.
    """

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        if field_definition.type_.__struct_config__.forbid_unknown_fields:
            schema.additional_properties = False
        _item_constraints(field_definition.type_, schema)
        _any_of_numbers(schema)
        return schema


def _item_constraints(struct: Any, schema: Schema) -> None:
    # Litestar drops some msgspec constraints: those of array items (``tuple[DriverCode,
    # ...]`` came out as plain strings, so "" looked valid) and bounds equal to 0
    # (``ge=0`` is falsy). Copy them from msgspec's own view of the struct.
    info = msgspec.inspect.type_info(struct)
    for field in getattr(info, "fields", ()):
        prop = (schema.properties or {}).get(field.encode_name)
        if not isinstance(prop, Schema):
            continue
        item = _unwrap(getattr(_unwrap(field.type), "item_type", None))
        if isinstance(item, msgspec.inspect.StrType) and isinstance(prop.items, Schema):
            prop.items.pattern = prop.items.pattern or item.pattern
            prop.items.min_length = prop.items.min_length or item.min_length
            prop.items.max_length = prop.items.max_length or item.max_length
        number = _unwrap(field.type)
        if isinstance(number, msgspec.inspect.IntType | msgspec.inspect.FloatType):
            for ours, theirs in (("minimum", "ge"), ("maximum", "le")):
                if getattr(prop, ours) is None and getattr(number, theirs) is not None:
                    setattr(prop, ours, getattr(number, theirs))
            if prop.exclusive_minimum is None and number.gt is not None:
                prop.exclusive_minimum = number.gt
            if prop.exclusive_maximum is None and number.lt is not None:
                prop.exclusive_maximum = number.lt


def _unwrap(kind: Any) -> Any:
    # ``Annotated[...]`` and ``X | None`` around the type that carries the constraints.
    if isinstance(kind, msgspec.inspect.Metadata):
        kind = kind.type
    if isinstance(kind, msgspec.inspect.UnionType):
        rest = [t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType)]
        if len(rest) == 1:
            return _unwrap(rest[0])
    return kind


def _any_of_numbers(schema: Any) -> None:
    # Litestar writes ``int | float`` as oneOf [integer, number], which no value can
    # satisfy (JSON Schema counts 30.0 as both); anyOf says what the union means.
    if not isinstance(schema, Schema):
        return
    if schema.one_of and {"integer", "number"} <= {_type(s) for s in schema.one_of}:
        schema.any_of, schema.one_of = schema.one_of, None
    for child in _children(schema):
        _any_of_numbers(child)


def _children(schema: Schema) -> list[Any]:
    # The schemas nested directly in ``schema`` (some may be references).
    children: list[Any] = [schema.items, schema.additional_properties]
    children += list((schema.properties or {}).values())
    for group in (schema.prefix_items, schema.one_of, schema.any_of, schema.all_of):
        children += list(group or ())
    return children


def _type(schema: Any) -> str:
    kind = getattr(schema, "type", None)
    return str(getattr(kind, "value", kind))


def problem_spec(status: int) -> ResponseSpec:
    """The OpenAPI response of one error status: a problem+json ``Problem``."""
    return ResponseSpec(
        data_container=Problem,
        description=REASONS.get(status, TITLES.get(status, "Error")),
        media_type=PROBLEM_JSON,
        generate_examples=False,
    )


def error_statuses(handler: HTTPRouteHandler) -> set[int]:
    """The error statuses ``handler`` can answer, from its dependencies and parameters."""
    parameters = set(handler.parsed_fn_signature.parameters)
    statuses = set(DOMAIN_STATUSES.get(handler.handler_name, ()))
    path = next(iter(handler.paths), "")
    if path.startswith("/api/"):
        # The edge limits every API route; any of them may reach the database.
        statuses |= {429, 503}
    if parameters & _USER_DEPENDENCIES:
        statuses.add(401)
    if parameters & _ROLE_DEPENDENCIES:
        statuses.add(403)
    if "{" in path:
        statuses.add(404)
    if "data" in parameters:
        statuses.add(413)
    if parameters - set(handler.resolve_dependencies()) - _RESERVED:
        # A path, query or body parameter: its validation fails with 400.
        statuses.add(400)
    return statuses


def document_problems(app: Litestar) -> None:
    """Add the problem+json responses of every route to the app's OpenAPI document.

    Call before the document is first generated (it is built lazily, on the first
    request for ``/schema``). Responses a handler declares itself are kept.
    """
    for handler in _http_handlers(app.routes):
        if not handler.include_in_schema:
            continue
        declared: dict[int, ResponseSpec] = dict(handler.responses or {})
        documented = {status: problem_spec(status) for status in error_statuses(handler)}
        if handler.handler_name in _CONDITIONAL:
            documented[304] = ResponseSpec(
                data_container=None, description="Not modified: the ``ETag`` still matches."
            )
        handler.responses = {**documented, **declared}


def _http_handlers(routes: Iterable[Any]) -> Iterable[HTTPRouteHandler]:
    for route in routes:
        if isinstance(route, HTTPRoute):
            yield from route.route_handlers


def document_plain_text(app: Litestar, pattern: str) -> None:
    """Write into the document what the edge enforces (``strict.py``): no string of a path,
    a query or a request body may hold control characters.

    ``pattern`` goes on every such string whose schema does not already say what it
    takes (a pattern, an enum, a format). Builds the document now, with every route
    registered (Litestar keeps it), and edits it in place: the rule covers fields of
    structs the core owns (``Query``) as well as this layer's parameters.
    """
    document = app.openapi_schema
    components = document.components.schemas or {}
    seen: set[int] = set()
    for item in (document.paths or {}).values():
        for operation in (item.get, item.put, item.post, item.delete, item.patch):
            if operation is None:
                continue
            for parameter in operation.parameters or ():
                if isinstance(parameter, Parameter) and parameter.param_in in {"path", "query"}:
                    _plain_text(parameter.schema, pattern, components, seen)
            if isinstance(operation.request_body, RequestBody):
                for media in operation.request_body.content.values():
                    _plain_text(media.schema, pattern, components, seen)


def _plain_text(schema: Any, pattern: str, components: dict[str, Schema], seen: set[int]) -> None:
    if isinstance(schema, Reference):
        schema = components.get(schema.ref.rsplit("/", 1)[-1])
    if not isinstance(schema, Schema) or id(schema) in seen:
        return
    seen.add(id(schema))
    if schema.type == OpenAPIType.STRING and not (
        schema.pattern or schema.enum or schema.const is not None or schema.format
    ):
        schema.pattern = pattern
    for child in _children(schema):
        _plain_text(child, pattern, components, seen)
