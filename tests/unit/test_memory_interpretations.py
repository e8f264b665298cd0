"""The kept readings in front of the offline rules: same reading, read once, bounded."""

from __future__ import annotations

from adapters.memory.interpretations import RememberingQueryInterpreter
from adapters.rules import RuleBasedQueryInterpreter
from f1core.query import Interpretation, Query, Refusal


class CountingInterpreter:
    def __init__(self) -> None:
        self.rules = RuleBasedQueryInterpreter(current_year=2025)
        self.calls: list[str] = []

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        self.calls.append(question)
        return await self.rules.interpret(question, context)


async def test_a_question_is_read_once_and_answered_the_same() -> None:
    inner = CountingInterpreter()
    kept = RememberingQueryInterpreter(inner)
    question = "fastest lap 2024 spanish gp qualifying"
    first = await kept.interpret(question)
    again = await kept.interpret(question)
    assert again == first == inner.rules.interpret_now(question)
    refusal = await kept.interpret("who won the 2031 abu dhabi gp")
    assert refusal == await kept.interpret("who won the 2031 abu dhabi gp")
    assert inner.calls == [question, "who won the 2031 abu dhabi gp"]


async def test_only_the_most_recent_questions_are_kept() -> None:
    inner = CountingInterpreter()
    kept = RememberingQueryInterpreter(inner, max_entries=2)
    for year in (2021, 2022, 2023):
        await kept.interpret(f"who won the {year} italian gp")
    await kept.interpret("who won the 2023 italian gp")  # kept
    await kept.interpret("who won the 2021 italian gp")  # evicted: read again
    assert inner.calls.count("who won the 2021 italian gp") == 2
    assert inner.calls.count("who won the 2023 italian gp") == 1


async def test_a_follow_up_is_read_afresh_against_its_context() -> None:
    inner = CountingInterpreter()
    kept = RememberingQueryInterpreter(inner)
    first = await kept.interpret("fastest lap 2024 spanish gp qualifying")
    assert not isinstance(first, Refusal)
    follow_up = "and in the race?"
    for _ in range(2):
        reading = await kept.interpret(follow_up, first)
        assert reading == inner.rules.interpret_now(follow_up, first)
    assert inner.calls.count(follow_up) == 2
