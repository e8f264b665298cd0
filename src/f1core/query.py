"""The typed query language: one tagged union of every question the system can answer.

The union is read from the registry of kinds (``f1core.kinds.registry``): each kind
module owns its ``...Query`` variant, and a new kind joins the union, its JSON schema, the
HTTP API and the LLM tool by its one registry line. Each variant names its session (year,
event, session kind) or season and its drivers or teams explicitly, so a query is complete
on its own: the CLI's ``--json``, the HTTP API and the LLM tool definition all use
``QUERY_JSON_SCHEMA``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Union

import msgspec

from f1core.kinds.base import QueryBase
from f1core.kinds.registry import KINDS

if TYPE_CHECKING:
    # For the type checker every variant is a ``QueryBase``; at run time ``Query`` is the
    # tagged union msgspec decodes, validates and describes in the JSON schema.
    Query = QueryBase
else:
    Query = Union[tuple(kind.query for kind in KINDS)]  # noqa: UP007 (built at run time)


class QueryEnvelope(msgspec.Struct, frozen=True):
    """A query wrapped in an object, the shape tools and APIs exchange: ``{"query": {...}}``."""

    query: Query


if TYPE_CHECKING:
    QUERY_JSON_SCHEMA: dict[str, object]
    """The JSON schema of ``QueryEnvelope`` (built on first use: about 10 ms)."""


def __getattr__(name: str) -> object:
    # The schema serves the HTTP API and the LLM tool; a CLI answer never needs it, so
    # it is built on first access rather than on every import.
    if name == "QUERY_JSON_SCHEMA":
        schema: dict[str, object] = msgspec.json.schema(QueryEnvelope)
        globals()[name] = schema
        return schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_DECODER: msgspec.json.Decoder[Query] = msgspec.json.Decoder(Query)


def decode_query(data: bytes | str) -> Query:
    """Parse and validate a query from JSON; raises ``InvalidRequestError`` naming the field."""
    from f1core.errors import InvalidRequestError

    try:
        query: Query = _DECODER.decode(data)
    except msgspec.ValidationError as exc:
        raise InvalidRequestError(f"invalid query: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise InvalidRequestError(f"invalid query JSON: {exc}") from exc
    return query


def encode_query(query: Query) -> bytes:
    """The canonical JSON of a query (stable field order; the answer-cache key uses it)."""
    return msgspec.json.encode(query)


class Refusal(msgspec.Struct, frozen=True, kw_only=True):
    """An interpreter's "no": why, in words the user can act on, and what it would need."""

    reason: str
    kind: Literal["ambiguous", "off_topic", "future", "unknown_name", "unsupported"] = "unsupported"
    suggestions: tuple[str, ...] = ()


Interpretation = Query | Refusal
