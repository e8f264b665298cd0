"""OpenAIAnswerPhraser: the real openai client against a scripted server on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import pytest
from tests.fake_openai_server import (
    FakeChatCompletionsServer,
    ScriptedReply,
    error_reply,
    text_reply,
    tool_call_reply,
)

from adapters.openai import OpenAIAnswerPhraser
from f1core.domain.answer import Answer
from f1core.domain.session import SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.kinds.fastest_lap import FastestLapQuery

ANSWER = Answer(
    question="fastest lap 2024 spanish gp qualifying",
    query=FastestLapQuery(year=2024, event="Spanish GP", session=SessionKind.QUALIFYING),
    text=(
        "The fastest lap of the 2024 Spanish Grand Prix Qualifying was 1:11.383, "
        "by NOR (Lando Norris, McLaren)."
    ),
    table=Table(
        columns=("Driver", "Team", "Lap", "Time"),
        rows=(("NOR", "McLaren", 17, "1:11.383"),),
    ),
    chart=None,
    excluded=(ExcludedLap("VER", 3, "deleted: track limits"),),
    source="FastF1 live timing",
    data_version="2024-06-22",
    timings_ms={"analysis": 1.0},
)
PHRASED = "Lando Norris (NOR) put his McLaren on top in Spanish Grand Prix Qualifying: 1:11.383."


@pytest.fixture(scope="module")
def running_server() -> Iterator[FakeChatCompletionsServer]:
    with FakeChatCompletionsServer() as server:
        yield server


@pytest.fixture
def server(running_server: FakeChatCompletionsServer) -> FakeChatCompletionsServer:
    running_server.reset()
    return running_server


def phraser(server: FakeChatCompletionsServer, timeout_s: float = 5) -> OpenAIAnswerPhraser:
    return OpenAIAnswerPhraser("sk-test", "gpt-test-mini", server.base_url, timeout_s=timeout_s)


async def test_phrasing_is_returned_and_the_prompt_carries_the_facts(
    server: FakeChatCompletionsServer,
) -> None:
    server.enqueue(text_reply(f"  {PHRASED}\n"))
    async with phraser(server) as llm:
        assert await llm.phrase(ANSWER) == PHRASED

    [request] = server.requests
    body = request.body
    assert body["model"] == "gpt-test-mini"
    assert "tools" not in body
    system, user = body["messages"]
    assert "Copy every number" in system["content"]
    prompt = user["content"]
    assert "Question: fastest lap 2024 spanish gp qualifying" in prompt
    assert f"Answer: {ANSWER.text}" in prompt
    assert "Driver | Team | Lap | Time\nNOR | McLaren | 17 | 1:11.383" in prompt
    assert '"type":"fastest-lap"' in prompt
    assert "Laps left out: 1" in prompt


async def test_a_long_table_is_cut_to_its_head(server: FakeChatCompletionsServer) -> None:
    rows = tuple((f"D{i:02d}", "Team", i, f"1:{20 + i}.000") for i in range(25))
    answer = msgspec.structs.replace(ANSWER, table=Table(ANSWER.table.columns, rows))
    server.enqueue(text_reply(PHRASED))
    async with phraser(server) as llm:
        await llm.phrase(answer)
    prompt = server.requests[0].body["messages"][1]["content"]
    assert "D19 | Team | 19 | 1:39.000" in prompt
    assert "D20" not in prompt
    assert "(5 more rows)" in prompt


@pytest.mark.parametrize(
    "reply",
    [
        text_reply(""),
        text_reply("Lando Norris took pole with a lap of", finish_reason="length"),
        text_reply("x " * 700),
        tool_call_reply("answer_query", {"query": {}}),
        error_reply(400),
    ],
    ids=["empty", "cut-off", "too-long", "tool-call", "http-400"],
)
async def test_unusable_reply_keeps_the_computed_text(
    server: FakeChatCompletionsServer, reply: ScriptedReply
) -> None:
    server.enqueue(reply)
    async with phraser(server) as llm:
        assert await llm.phrase(ANSWER) is None


async def test_server_errors_are_retried_once_then_give_up(
    server: FakeChatCompletionsServer,
) -> None:
    server.enqueue(error_reply(503), error_reply(503))
    async with phraser(server) as llm:
        assert await llm.phrase(ANSWER) is None
    assert len(server.requests) == 2  # the phraser's default: one retry


async def test_slow_server_keeps_the_computed_text_within_the_timeout(
    server: FakeChatCompletionsServer,
) -> None:
    server.enqueue(ScriptedReply(body={}, delay_s=5), ScriptedReply(body={}, delay_s=5))
    async with phraser(server, timeout_s=0.3) as llm:
        assert await llm.phrase(ANSWER) is None
    # The deadline covers the whole call: the hung attempt is not retried (a per-attempt
    # timeout would have sent both). How long it took is the bench's business.
    assert len(server.requests) == 1
