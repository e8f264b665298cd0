"""Tool definitions for the chat-completions API, derived from the query language's schema.

OpenAI's strict mode (constrained decoding) accepts a subset of JSON Schema: every object
lists all its properties as required and forbids others, and some keywords are refused.
``strict_json_schema`` rewrites msgspec's schema into that subset without loosening what a
valid query is; ``decode_query`` still validates every reply, so keywords dropped here
(string lengths) are enforced after the call rather than lost.
"""

from __future__ import annotations

import copy
from typing import Any

import msgspec

from f1core.query import QUERY_JSON_SCHEMA, Refusal

QUERY_TOOL = "answer_query"
REFUSE_TOOL = "refuse"

# Keywords strict mode rejects or that mean nothing once every property is required.
# `discriminator` is an OpenAPI keyword; `default` is moot when the field must be sent.
_DROPPED_KEYWORDS = frozenset({"default", "discriminator", "title", "minLength", "maxLength"})


def inline_root(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of msgspec's ``schema`` whose root is the object itself, not a ``$ref`` to it.

    Function parameters must be an object schema at the root, strict mode or not.
    """
    root = copy.deepcopy(schema)
    defs: dict[str, Any] = root.pop("$defs", {})
    ref = root.pop("$ref", None)
    if ref is not None:
        root = defs.pop(ref.removeprefix("#/$defs/"))
    if defs:
        root["$defs"] = defs
    return root


def strict_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` acceptable to strict mode, its root inlined.

    Optional fields stay optional in meaning: msgspec already spells them as
    ``anyOf [..., null]``, so requiring them only makes the model write ``null``.
    """
    root = inline_root(schema)
    defs: dict[str, Any] = root.pop("$defs", {})
    strict: dict[str, Any] = _strict_node(root)
    if defs:
        strict["$defs"] = {name: _strict_node(node) for name, node in defs.items()}
    return strict


def _strict_node(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict_node(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _strict_node(value) for key, value in node.items() if key not in _DROPPED_KEYWORDS}
    if "properties" in node:
        # `properties` maps names to schemas: rebuild it so a field called like a keyword
        # (a field named `default`, say) is never dropped.
        out["properties"] = {name: _strict_node(sub) for name, sub in node["properties"].items()}
        out["required"] = list(node["properties"])
        out["additionalProperties"] = False
    enum = node.get("enum")
    if "type" not in node and isinstance(enum, list) and all(isinstance(v, str) for v in enum):
        out["type"] = "string"
    return out


REFUSAL_JSON_SCHEMA: dict[str, Any] = msgspec.json.schema(Refusal)


def tool_definitions(*, strict: bool) -> list[dict[str, Any]]:
    """The two tools the interpreter offers: ask one query, or refuse with a reason."""
    shape = strict_json_schema if strict else inline_root
    return [
        {
            "type": "function",
            "function": {
                "name": QUERY_TOOL,
                "description": (
                    "Answer the question with exactly one typed query of the F1 analysis "
                    'system, wrapped as {"query": {...}}.'
                ),
                "parameters": shape(QUERY_JSON_SCHEMA),
                "strict": strict,
            },
        },
        {
            "type": "function",
            "function": {
                "name": REFUSE_TOOL,
                "description": (
                    "Decline when the question is unclear, not about Formula 1, about the "
                    "future, names someone unknown, or asks something no query covers. "
                    "`reason` is one sentence the user can act on, e.g. 'Which session: "
                    "qualifying or the race?'; `suggestions` are questions the system can "
                    "answer instead (may be empty)."
                ),
                "parameters": shape(REFUSAL_JSON_SCHEMA),
                "strict": strict,
            },
        },
    ]
