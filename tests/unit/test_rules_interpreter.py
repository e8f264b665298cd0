"""The offline interpreter against the question bank, plus targeted and property tests."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit import question_bank, question_bank_fans

from adapters.rules import RuleBasedQueryInterpreter
from f1core.domain.session import SessionKind
from f1core.kinds.best_laps import BestLapsQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.query import (
    Query,
    QueryEnvelope,
    Refusal,
    decode_query,
    encode_query,
)

# The tuned bank: the hand-written entries and the fans' batch (written before the
# interpreter was run on it).
QUERY_BANK = question_bank.QUERY_BANK + question_bank_fans.FAN_QUERIES
REFUSAL_BANK = question_bank.REFUSAL_BANK + question_bank_fans.FAN_REFUSALS

INTERPRETER = RuleBasedQueryInterpreter(current_year=2026, last_season=2025)


def test_bank_is_big_enough() -> None:
    assert len(QUERY_BANK) + len(REFUSAL_BANK) >= 600
    assert len({q for q, _ in QUERY_BANK} | {q for q, _ in REFUSAL_BANK}) == len(QUERY_BANK) + len(
        REFUSAL_BANK
    ), "duplicate questions in the bank"


def test_query_bank_accuracy() -> None:
    misses = []
    for question, expected in QUERY_BANK:
        got = INTERPRETER.interpret_now(question)
        if got != expected:
            misses.append(f"{question!r}\n   expected {expected!r}\n   got      {got!r}")
    accuracy = 1 - len(misses) / len(QUERY_BANK)
    print(
        f"\nrule interpreter accuracy: {accuracy:.1%} ({len(QUERY_BANK) - len(misses)}"
        f"/{len(QUERY_BANK)})"
    )
    for miss in misses:
        print(" MISS", miss)
    assert accuracy >= 0.95


@pytest.mark.parametrize(("question", "kind"), REFUSAL_BANK, ids=[q for q, _ in REFUSAL_BANK])
def test_refusal_bank(question: str, kind: str) -> None:
    got = INTERPRETER.interpret_now(question)
    assert isinstance(got, Refusal), f"{question!r} was answered as {got!r}"
    assert got.kind == kind, got.reason
    assert got.reason.endswith((".", "?")) and len(got.reason) > 20


async def test_interpret_is_async_and_matches_sync() -> None:
    got = await INTERPRETER.interpret("fastest lap 2024 spanish gp qualifying")
    assert got == FastestLapQuery(
        year=2024, event="Spanish Grand Prix", session=SessionKind.QUALIFYING
    )


def test_refusal_reasons_name_what_is_missing() -> None:
    unknown = INTERPRETER.interpret_now("How did Smith do in the 2024 Spanish GP qualifying?")
    assert isinstance(unknown, Refusal)
    assert "Smith" in unknown.reason
    session = INTERPRETER.interpret_now("fastest lap at monza 2019")
    assert isinstance(session, Refusal)
    assert session.reason.startswith("Which session: qualifying or the race?")
    future = INTERPRETER.interpret_now("who won the 2026 abu dhabi gp")
    assert isinstance(future, Refusal)
    assert "2025" in future.reason


def test_relative_years_follow_the_clock() -> None:
    in_2025 = RuleBasedQueryInterpreter(current_year=2025, last_season=2025)
    assert in_2025.interpret_now("who won the championship last year") == decode_query(
        b'{"type":"champion","year":2024}'
    )
    assert isinstance(in_2025.interpret_now("who won the 2026 title"), Refusal)


def test_ambiguous_first_name_is_pinned_by_the_season() -> None:
    assert INTERPRETER.interpret_now("kimi fastest lap monza 2019 quali") == FastestLapQuery(
        year=2019,
        event="Monza",
        session=SessionKind.QUALIFYING,
        drivers=("RAI",),
    )
    got = INTERPRETER.interpret_now("compare kimi and george 2025 miami sprint")
    assert isinstance(got, RacePaceQuery)
    assert got.drivers == ("ANT", "RUS")


def test_typos_only_on_long_words() -> None:
    got = INTERPRETER.interpret_now("Hamiltn vs Russel 2024 silverstone fp1 times")
    assert got == BestLapsQuery(
        year=2024,
        event="Silverstone",
        session=SessionKind.FP1,
        drivers=("HAM", "RUS"),
    )


def test_every_bank_query_round_trips_through_the_schema() -> None:
    for _, expected in QUERY_BANK:
        assert decode_query(encode_query(expected)) == expected


_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'#?!.,-éüß")
)


def _word_list(text: str) -> list[str]:
    return text.split()


_WORDS = st.sampled_from(
    _word_list(
        """
    who won fastest lap pole 2024 2019 '21 monza baku spanish gp quali fp2 sprint race
    vs verstappen VER checo kimi #44 car 1 standings after round 3 how many wins most at
    champion runner-up teammate tyres pit stops weather this year smith head to head
    constructors podium 1988 2031 sector speed trap theoretical best gap compare and
    ferrari red bull ring
    """
    )
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=120),
        st.text(_ALPHABET, max_size=120),
        st.lists(_WORDS, max_size=12).map(" ".join),
    )
)
def test_interpret_never_raises_and_returns_valid_queries(question: str) -> None:
    got = INTERPRETER.interpret_now(question)
    if isinstance(got, Refusal):
        assert got.reason
        return
    # every query the interpreter builds must survive the wire schema unchanged
    envelope = msgspec.json.encode(QueryEnvelope(query=got))
    assert msgspec.json.decode(envelope, type=QueryEnvelope).query == got
    assert msgspec.convert(msgspec.to_builtins(got), type=Query) == got
