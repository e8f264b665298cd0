"""OpenAIQueryInterpreter: the real openai client against a scripted server on loopback."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import msgspec
import pytest
from tests.fake_openai_server import (
    FakeChatCompletionsServer,
    ScriptedReply,
    error_reply,
    text_reply,
    tool_call_reply,
)
from tests.fakes import FakeClock, FakeQueryInterpreter

from adapters.openai import OpenAIQueryInterpreter
from adapters.openai.schema import QUERY_TOOL, REFUSE_TOOL, tool_definitions
from f1core.domain.session import SessionKind
from f1core.errors import F1Error
from f1core.kinds.archive_historic_race import HistoricRaceQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.archive_standings import ChampionshipStandingsQuery
from f1core.kinds.archive_stat import ArchiveStatQuery
from f1core.kinds.archive_teammate_head_to_head import TeammateHeadToHeadQuery
from f1core.kinds.biggest_movers import BiggestMoversQuery
from f1core.kinds.driver_pit_stops import DriverPitStopsQuery
from f1core.kinds.driver_session_summary import DriverSessionSummaryQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.laps_led import LapsLedQuery
from f1core.kinds.practice_order import PracticeOrderQuery
from f1core.kinds.starting_tyres import StartingTyresQuery
from f1core.query import (
    Query,
    Refusal,
)

QUESTION = "fastest lap 2024 spanish gp qualifying"
NOR_POLE = FastestLapQuery(year=2024, event="Spanish GP", session=SessionKind.QUALIFYING)
# What a strict-mode model writes for it: every field present.
NOR_POLE_ARGS = {
    "query": {
        "type": "fastest-lap",
        "year": 2024,
        "event": "Spanish GP",
        "session": "Q",
        "drivers": [],
    }
}
OFFLINE_READING: Query = RaceWinnerQuery(year=2018, event="Baku")


@pytest.fixture(scope="module")
def running_server() -> Iterator[FakeChatCompletionsServer]:
    with FakeChatCompletionsServer() as server:
        yield server


@pytest.fixture
def server(running_server: FakeChatCompletionsServer) -> FakeChatCompletionsServer:
    running_server.reset()
    return running_server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 9, 14, 12, 0, tzinfo=UTC))


def interpreter(
    server: FakeChatCompletionsServer,
    clock: FakeClock,
    *,
    fallback: FakeQueryInterpreter | None = None,
    timeout_s: float = 5,
    max_retries: int = 2,
    base_url: str | None = None,
) -> OpenAIQueryInterpreter:
    return OpenAIQueryInterpreter(
        api_key="sk-test",
        model="gpt-test-mini",
        base_url=base_url or server.base_url,
        timeout_s=timeout_s,
        max_retries=max_retries,
        fallback=fallback,
        clock=clock,
    )


async def test_valid_tool_call_becomes_the_query_and_the_request_carries_the_tools(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(tool_call_reply(QUERY_TOOL, NOR_POLE_ARGS))
    async with interpreter(server, clock) as llm:
        assert await llm.interpret(QUESTION) == NOR_POLE

    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    body = request.body
    assert body["model"] == "gpt-test-mini"
    assert body["tool_choice"] == "required"
    assert body["parallel_tool_calls"] is False
    assert body["temperature"] == 0.0
    # The tools as sent are the strict schema derived from QUERY_JSON_SCHEMA, byte for byte.
    assert body["tools"] == tool_definitions(strict=True)
    assert [t["function"]["name"] for t in body["tools"]] == ["answer_query", "refuse"]
    query_params = body["tools"][0]["function"]["parameters"]
    assert "FastestLapQuery" in query_params["$defs"]
    assert query_params["properties"]["query"]["anyOf"][1] == {"$ref": "#/$defs/FastestLapQuery"}
    system, user = body["messages"]
    assert user == {"role": "user", "content": QUESTION}
    assert system["role"] == "system"
    assert "Today is 2025-09-14." in system["content"]
    assert "from the 2018 season" in system["content"]
    assert "from 1950 to 2025" in system["content"]
    # Every kind of the registry is listed with what it answers, the new ones included.
    assert "- laps-completed: How many laps each driver completed" in system["content"]
    assert "- race-winner: Who won a Grand Prix (1950 on)." in system["content"]
    assert "Never guess" in system["content"]


async def test_a_follow_up_carries_the_previous_query_and_so_does_its_fallback(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    previous = ChampionshipStandingsQuery(year=2021)
    server.enqueue(tool_call_reply(QUERY_TOOL, {"query": {"type": "standings", "year": 2022}}))
    async with interpreter(server, clock) as llm:
        followed = await llm.interpret("and in 2022?", previous)
    assert followed == ChampionshipStandingsQuery(year=2022)
    user = server.requests[0].body["messages"][1]["content"]
    assert user == (
        'Previous question\'s query: {"type":"standings","year":2021,"championship":"drivers",'
        '"after_round":null}\nFollow-up question: and in 2022?'
    )
    assert (
        "A follow-up question comes with the previous"
        in (server.requests[0].body["messages"][0]["content"])
    )
    server.enqueue(ScriptedReply(status=500))
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback, max_retries=0) as llm:
        await llm.interpret("and in 2022?", previous)
    assert fallback.contexts == [previous]


async def test_the_summary_kinds_are_offered_and_their_tool_calls_accepted(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    args = {
        "query": {
            "type": "driver-session-summary",
            "year": 2018,
            "event": "Azerbaijan Grand Prix",
            "session": "R",
            "drivers": ["BOT"],
        }
    }
    server.enqueue(tool_call_reply(QUERY_TOOL, args))
    async with interpreter(server, clock) as llm:
        query = await llm.interpret("what happened to Bottas in Baku 2018?")
    assert query == DriverSessionSummaryQuery(
        year=2018, event="Azerbaijan Grand Prix", session=SessionKind.RACE, drivers=("BOT",)
    )
    [request] = server.requests
    system = request.body["messages"][0]["content"]
    assert "- race-summary: What happened: winner, podium, pole" in system
    assert "- driver-session-summary: How a driver's session went" in system
    defs = request.body["tools"][0]["function"]["parameters"]["$defs"]
    assert {"RaceSummaryQuery", "DriverSessionSummaryQuery"} <= set(defs)


async def test_archive_query_with_nulls_and_no_wrapper_is_accepted(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    # A local model that forgot the {"query": ...} wrapper still yields a validated query.
    args = {"type": "standings", "year": 2021, "championship": "drivers", "after_round": None}
    server.enqueue(tool_call_reply(QUERY_TOOL, args))
    async with interpreter(server, clock) as llm:
        assert await llm.interpret("2021 standings") == ChampionshipStandingsQuery(year=2021)


@pytest.mark.parametrize(
    ("question", "query"),
    [
        (
            "who led the most laps in baku 2018",
            LapsLedQuery(year=2018, event="Baku", session=SessionKind.RACE),
        ),
        (
            "who topped fp2 at monza 2021",
            PracticeOrderQuery(year=2021, event="Monza", session=SessionKind.FP2),
        ),
        (
            "when did hamilton pit in baku 2018",
            DriverPitStopsQuery(
                year=2018, event="Baku", session=SessionKind.RACE, drivers=("HAM",)
            ),
        ),
        (
            "who started on softs in baku 2018",
            StartingTyresQuery(year=2018, event="Baku", session=SessionKind.RACE),
        ),
        (
            "biggest movers in the 2023 baku sprint",
            BiggestMoversQuery(year=2023, event="Baku", session=SessionKind.SPRINT),
        ),
    ],
)
async def test_the_new_session_kinds_are_offered_and_their_tool_calls_accepted(
    server: FakeChatCompletionsServer, clock: FakeClock, question: str, query: Query
) -> None:
    server.enqueue(tool_call_reply(QUERY_TOOL, {"query": msgspec.to_builtins(query)}))
    async with interpreter(server, clock) as llm:
        assert await llm.interpret(question) == query
    [request] = server.requests
    system = request.body["messages"][0]["content"]
    name = query.__struct_config__.tag
    assert f"- {name}: " in system
    assert any(
        ref == {"$ref": f"#/$defs/{type(query).__name__}"}
        for ref in request.body["tools"][0]["function"]["parameters"]["properties"]["query"][
            "anyOf"
        ]
    )


async def test_refuse_tool_becomes_a_refusal(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(
        tool_call_reply(
            REFUSE_TOOL,
            {
                "reason": "Which session: qualifying or the race?",
                "kind": "ambiguous",
                "suggestions": ["fastest lap 2024 spanish gp qualifying"],
            },
        )
    )
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback) as llm:
        result = await llm.interpret("fastest lap 2024 spain")
    assert result == Refusal(
        reason="Which session: qualifying or the race?",
        kind="ambiguous",
        suggestions=("fastest lap 2024 spanish gp qualifying",),
    )
    # A deliberate refusal is the model's answer: the fallback is not asked to overrule it.
    assert fallback.questions == []


@pytest.mark.parametrize(
    "reply",
    [
        tool_call_reply(QUERY_TOOL, '{"query": {"type": "fastest-lap", "year": 2024,'),
        tool_call_reply(
            QUERY_TOOL,
            {"query": {**NOR_POLE_ARGS["query"], "drivers": ["Norris"]}},
        ),
        tool_call_reply(QUERY_TOOL, {"query": {"type": "lap-chart", "year": 2024}}),
        tool_call_reply("search_web", {"q": "spanish gp"}),
        tool_call_reply(REFUSE_TOOL, {"reason": "  ", "kind": "ambiguous", "suggestions": []}),
        text_reply("Lando Norris took pole with a 1:11.383."),
    ],
    ids=[
        "truncated-json",
        "bad-driver-code",
        "unknown-type",
        "unknown-tool",
        "empty-refusal",
        "no-tool-call",
    ],
)
async def test_unusable_reply_goes_to_the_fallback(
    server: FakeChatCompletionsServer, clock: FakeClock, reply: ScriptedReply
) -> None:
    server.enqueue(reply)
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback) as llm:
        assert await llm.interpret(QUESTION) == OFFLINE_READING
    assert fallback.questions == [QUESTION]
    assert len(server.requests) == 1  # a bad reply is not retried: the model chose it


async def test_unusable_reply_without_fallback_is_an_actionable_refusal(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(
        tool_call_reply(QUERY_TOOL, {"query": {**NOR_POLE_ARGS["query"], "drivers": ["Norris"]}})
    )
    async with interpreter(server, clock) as llm:
        result = await llm.interpret(QUESTION)
    assert isinstance(result, Refusal)
    assert result.kind == "unsupported"
    assert result.reason.startswith("The language model could not interpret the question")
    # The cause names the field msgspec rejected, so the log and the user see what broke.
    assert "$.drivers[0]" in result.reason
    assert "rephrase it naming the season, event and session" in result.reason


async def test_future_season_is_refused_even_when_the_model_answers(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(
        tool_call_reply(QUERY_TOOL, {"query": {"type": "podium", "year": 2031, "event": "Monza"}})
    )
    async with interpreter(server, clock) as llm:
        result = await llm.interpret("podium monza 2031")
    assert result == Refusal(
        reason="The 2031 season has not happened yet (it is 2025 now).", kind="future"
    )


async def test_429_is_retried_honouring_retry_after_then_succeeds(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(error_reply(429, retry_after_ms=300), tool_call_reply(QUERY_TOOL, NOR_POLE_ARGS))
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    started = time.perf_counter()
    async with interpreter(server, clock, fallback=fallback) as llm:
        assert await llm.interpret(QUESTION) == NOR_POLE
    elapsed = time.perf_counter() - started
    assert fallback.questions == []
    assert [r.headers["x-stainless-retry-count"] for r in server.requests] == ["0", "1"]
    assert elapsed >= 0.3  # the client waited as the server asked


async def test_persistent_500_exhausts_retries_then_falls_back(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(*[error_reply(500)] * 3)
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback, max_retries=2) as llm:
        assert await llm.interpret(QUESTION) == OFFLINE_READING
    assert len(server.requests) == 3  # one try and max_retries=2 retries, no more
    assert fallback.questions == [QUESTION]


async def test_500_without_fallback_names_the_status(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(error_reply(500))
    async with interpreter(server, clock, max_retries=0) as llm:
        result = await llm.interpret(QUESTION)
    assert isinstance(result, Refusal)
    assert "(the server answered HTTP 500)" in result.reason


async def test_401_is_not_retried_and_falls_back(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(error_reply(401))
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback) as llm:
        assert await llm.interpret(QUESTION) == OFFLINE_READING
    assert len(server.requests) == 1


async def test_slow_server_falls_back_within_the_timeout(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    # Every attempt would hang for 5 s; the whole call, retries included, is bounded.
    server.enqueue(*[ScriptedReply(body={}, delay_s=5)] * 3)
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    async with interpreter(server, clock, fallback=fallback, timeout_s=0.5) as llm:
        assert await llm.interpret(QUESTION) == OFFLINE_READING
    # The deadline covers the whole call: the hung attempt is not retried (a per-attempt
    # timeout would have sent all three). How long it took is the bench's business.
    assert len(server.requests) == 1
    assert fallback.questions == [QUESTION]


async def test_slow_server_without_fallback_says_it_timed_out(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(ScriptedReply(body={}, delay_s=5))
    async with interpreter(server, clock, timeout_s=0.3) as llm:
        result = await llm.interpret(QUESTION)
    assert isinstance(result, Refusal)
    assert "(no reply within 0.3 s)" in result.reason


async def test_unreachable_server_falls_back(clock: FakeClock) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fallback = FakeQueryInterpreter(default=OFFLINE_READING)
    llm = OpenAIQueryInterpreter(
        api_key="sk-test",
        model="gpt-test-mini",
        base_url=f"http://127.0.0.1:{port}/v1",
        timeout_s=2,
        max_retries=0,
        fallback=fallback,
        clock=clock,
    )
    async with llm:
        assert await llm.interpret(QUESTION) == OFFLINE_READING


async def test_local_server_needs_no_api_key(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(tool_call_reply(QUERY_TOOL, NOR_POLE_ARGS))
    llm = OpenAIQueryInterpreter(api_key=None, model="llama3.1", base_url=server.base_url)
    async with llm:
        assert await llm.interpret(QUESTION) == NOR_POLE
    assert server.requests[0].headers["authorization"] == "Bearer not-needed"


def test_no_key_and_no_server_is_a_configuration_error() -> None:
    with pytest.raises(F1Error, match="needs OPENAI_API_KEY, or OPENAI_BASE_URL"):
        OpenAIQueryInterpreter(api_key=None, model="gpt-4o-mini")


async def test_non_strict_mode_sends_msgspecs_schema_and_no_temperature(
    server: FakeChatCompletionsServer, clock: FakeClock
) -> None:
    server.enqueue(
        tool_call_reply(QUERY_TOOL, {"query": {"type": "podium", "year": 2019, "event": "Monza"}})
    )
    llm = OpenAIQueryInterpreter(
        "sk-test", "o4-mini", server.base_url, strict=False, temperature=None, clock=clock
    )
    async with llm:
        await llm.interpret("podium monza 2019")
    body = server.requests[0].body
    assert "temperature" not in body
    # (through JSON: msgspec writes the `drivers` default as a tuple)
    assert body["tools"] == json.loads(json.dumps(tool_definitions(strict=False)))
    assert body["tools"][0]["function"]["strict"] is False


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"type": "archive-stat", "metric": "wins", "aggregation": "most", "rank": 3},
            ArchiveStatQuery(metric="wins", aggregation="most", rank=3),
        ),
        (
            {"type": "historic-race", "year": 1988, "event": "Monaco"},
            HistoricRaceQuery(year=1988, event="Monaco"),
        ),
        (
            {"type": "teammate-head-to-head", "year": 2016, "team": "Mercedes"},
            TeammateHeadToHeadQuery(year=2016, team="Mercedes"),
        ),
    ],
    ids=["archive-stat", "historic-race", "teammate-head-to-head"],
)
async def test_the_new_archive_kinds_come_through_the_tool_and_the_prompt(
    server: FakeChatCompletionsServer, clock: FakeClock, args: dict[str, object], expected: object
) -> None:
    server.enqueue(tool_call_reply(QUERY_TOOL, {"query": args}))
    async with interpreter(server, clock) as llm:
        assert await llm.interpret("a question") == expected
    system = server.requests[0].body["messages"][0]["content"]
    assert f"- {args['type']}: " in system
