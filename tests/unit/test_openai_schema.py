"""The strict tool schema accepts every query the language defines, and nothing looser."""

from __future__ import annotations

import json
import typing
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # via nbformat; no stubs
import msgspec
import pytest

from adapters.openai.schema import (
    QUERY_TOOL,
    REFUSE_TOOL,
    inline_root,
    strict_json_schema,
    tool_definitions,
)
from f1core.domain.session import SessionKind
from f1core.kinds.registry import KINDS
from f1core.query import QUERY_JSON_SCHEMA, Query, Refusal, decode_query

VARIANTS: tuple[type[Any], ...] = typing.get_args(Query)

# A value for every field name the query language uses, unlike each field's default, so
# a "full" query exercises every property of the schema.
SAMPLES: dict[str, Any] = {
    "year": 2024,
    "event": "Spanish GP",
    "session": SessionKind.QUALIFYING,
    "drivers": ("NOR", "VER"),
    "fuel_correction_s_per_lap": 0.06,
    "championship": "constructors",
    "after_round": 10,
    "runner_up": True,
    "subject": "Hamilton",
    "subject_kind": "team",
    "stat": "poles",
    "circuit": "Monza",
    "driver": "Senna",
    "driver_a": "Hamilton",
    "driver_b": "Rosberg",
    "metric": "titles",
    "aggregation": "most",
    "rank": 3,
    "year_from": 2000,
    "year_to": 2010,
    "team": "Ferrari",
    "nationality": "British",
    "grid": 1,
    "position": 2,
    "sprint": True,
}


def full_query(variant: type[Any]) -> Any:
    return variant(**{f.name: SAMPLES[f.name] for f in msgspec.structs.fields(variant)})


def minimal_query(variant: type[Any]) -> Any:
    return variant(
        **{f.name: SAMPLES[f.name] for f in msgspec.structs.fields(variant) if f.required}
    )


STRICT = strict_json_schema(QUERY_JSON_SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(STRICT)


def walk(node: Any) -> typing.Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def test_the_language_has_every_variant_sampled() -> None:
    assert tuple(kind.query for kind in KINDS) == VARIANTS  # the registry's, in its order
    for variant in VARIANTS:
        assert {f.name for f in msgspec.structs.fields(variant)} <= SAMPLES.keys()


@pytest.mark.parametrize("build", [full_query, minimal_query], ids=["full", "minimal"])
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__)
def test_every_query_fits_the_strict_schema_and_round_trips(variant: type[Any], build: Any) -> None:
    query = build(variant)
    # What a strict model sends: every property present, null where nothing applies.
    wire = {"query": json.loads(msgspec.json.encode(query))}
    VALIDATOR.validate(wire)
    assert decode_query(json.dumps(wire["query"])) == query


def test_strict_schema_requires_every_property_and_forbids_others() -> None:
    objects = [node for node in walk(STRICT) if "properties" in node]
    # The root envelope, one object per variant and nothing else hold properties.
    assert len(objects) == 1 + len(KINDS)
    for node in objects:
        assert node["required"] == list(node["properties"])
        assert node["additionalProperties"] is False


def test_strict_schema_drops_keywords_strict_mode_refuses() -> None:
    keys = {key for node in walk(STRICT) for key in node}
    assert not keys & {"default", "discriminator", "title", "minLength", "maxLength"}
    assert STRICT["type"] == "object" and "$ref" not in STRICT
    assert set(STRICT["$defs"]) == {v.__name__ for v in VARIANTS} | {"SessionKind"}


def test_strict_schema_keeps_the_constraints_that_matter() -> None:
    fastest = STRICT["$defs"]["FastestLapQuery"]["properties"]
    assert fastest["type"] == {"enum": ["fastest-lap"], "type": "string"}
    assert fastest["year"]["minimum"] == 1950
    assert fastest["drivers"]["items"]["pattern"] == "^[A-Z]{3}$"
    assert sorted(STRICT["$defs"]["SessionKind"]["enum"]) == sorted(k.value for k in SessionKind)


@pytest.mark.parametrize(
    "wire",
    [
        {"query": {"type": "fastest-lap", "year": 2024, "event": "Monza", "session": "Q"}},
        {"query": {"type": "race-winner", "year": 2018, "event": "Baku", "session": "R"}},
        {"query": {"type": "podium", "year": 1949, "event": "Monza"}},
        {"query": {"type": "no-such-analysis", "year": 2024}},
    ],
    ids=["missing-drivers", "unknown-field", "year-too-early", "unknown-tag"],
)
def test_strict_schema_rejects_what_strict_mode_must_not_produce(wire: dict[str, Any]) -> None:
    assert not VALIDATOR.is_valid(wire)


def test_strict_schema_leaves_the_source_schema_untouched() -> None:
    before = json.dumps(QUERY_JSON_SCHEMA, sort_keys=True)
    strict_json_schema(QUERY_JSON_SCHEMA)
    assert json.dumps(QUERY_JSON_SCHEMA, sort_keys=True) == before


def test_a_field_named_like_a_dropped_keyword_survives() -> None:
    schema = {"type": "object", "properties": {"default": {"type": "string", "title": "x"}}}
    assert strict_json_schema(schema)["properties"] == {"default": {"type": "string"}}


def test_tool_definitions_offer_query_and_refusal() -> None:
    strict, loose = tool_definitions(strict=True), tool_definitions(strict=False)
    assert [t["function"]["name"] for t in strict] == [QUERY_TOOL, REFUSE_TOOL]
    assert all(t["function"]["strict"] for t in strict)
    assert not any(t["function"]["strict"] for t in loose)
    assert strict[0]["function"]["parameters"] == STRICT
    # Non-strict keeps msgspec's schema whole (defaults and all), only the root inlined.
    assert loose[0]["function"]["parameters"] == inline_root(QUERY_JSON_SCHEMA)
    assert loose[0]["function"]["parameters"]["$defs"]["ChampionQuery"]["properties"][
        "runner_up"
    ] == {
        "type": "boolean",
        "default": False,
    }


def test_refusal_tool_schema_matches_the_refusal_type() -> None:
    params = tool_definitions(strict=True)[1]["function"]["parameters"]
    assert params["required"] == ["reason", "kind", "suggestions"]
    assert set(params["properties"]["kind"]["enum"]) == set(
        typing.get_args(typing.get_type_hints(Refusal)["kind"])
    )
    example = {"reason": "Which session?", "kind": "ambiguous", "suggestions": []}
    jsonschema.validate(example, params)
    assert msgspec.convert(example, Refusal) == Refusal(reason="Which session?", kind="ambiguous")
