"""Laps completed, on recorded sessions: the official count in a race, timing elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import laps_completed as kind
from f1core.query import Refusal

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)


def _answer(session: Session, *drivers: str) -> tuple[kind.LapsCompleted, str]:
    query = kind.KIND.query_for(session, drivers, {})
    result = kind.KIND.answer(session, query)
    return result, kind.KIND.paragraph(result, query)


@pytest.mark.parametrize(
    ("ref", "driver", "laps", "text"),
    [
        # Hulkenberg hit the wall on lap 11: the classification counts 10 completed laps.
        (
            BAKU_2018_R,
            "HUL",
            10,
            "In the 2018 Azerbaijan Grand Prix Race, Nico Hulkenberg (HUL) completed 10 laps "
            "of 51 (Accident).",
        ),
        (
            MONZA_2019_Q,
            "SAI",
            20,
            "In the 2019 Italian Grand Prix Qualifying, Carlos Sainz (SAI) completed 20 laps.",
        ),
    ],
)
def test_a_drivers_laps_are_the_official_count_in_a_race_and_timing_elsewhere(
    load_recorded: Callable[[SessionRef], Session],
    ref: SessionRef,
    driver: str,
    laps: int,
    text: str,
) -> None:
    result, paragraph = _answer(load_recorded(ref), driver)
    assert {d.driver: d.laps for d in result.drivers}[driver] == laps
    assert paragraph == text
    assert result.official is ref.kind.is_race_like


def test_the_race_paragraph_counts_the_finishers_and_names_the_fewest(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    result, paragraph = _answer(load_recorded(BAKU_2018_R))
    assert result.drivers[0].laps == 51
    assert paragraph.startswith("In the 2018 Azerbaijan Grand Prix Race, ")
    assert "drivers completed 51 laps of 51; the fewest: " in paragraph
    assert result.drivers[-1].laps == 0 and result.drivers[-1].status == "Collision"


@pytest.mark.parametrize(
    ("question", "driver", "session"),
    [
        ("How many laps did Sainz do in Monza qualifying 2019", "SAI", SessionKind.QUALIFYING),
        (
            "How many laps did Kimi do in second practice at the Hungaroring in 2020",
            "RAI",
            SessionKind.FP2,
        ),
        ("how many laps did alonso complete in the miami sprint 2025", "ALO", SessionKind.SPRINT),
    ],
)
def test_the_interpreter_routes_laps_questions_to_the_kind(
    question: str, driver: str, session: SessionKind
) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(question)
    assert isinstance(query, kind.LapsCompletedQuery)
    assert query.drivers == (driver,) and query.session is session


@pytest.mark.parametrize(
    "question",
    ["how many laps did hamilton lead in baku 2018 race", "who led the most laps in baku 2018"],
)
def test_laps_led_is_refused_not_answered_with_the_winner_or_laps_completed(question: str) -> None:
    refusal = RuleBasedQueryInterpreter().interpret_now(question)
    assert isinstance(refusal, Refusal)
    assert "laps led" in refusal.reason


def test_who_did_the_most_laps_names_the_tied_drivers(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    """Silverstone FP1 2024: the most laps, counted here from the recorded laps, is shared."""
    session = load_recorded(SessionRef(2024, "British Grand Prix", SessionKind.FP1))
    counts: dict[str, int] = {}
    for lap in session.laps:
        counts[lap.driver] = max(counts.get(lap.driver, 0), lap.number)
    most = max(counts.values())
    leaders = sorted(code for code, laps in counts.items() if laps == most)
    assert (most, leaders) == (27, ["ALO", "SAI"])
    _, paragraph = _answer(session)
    assert paragraph.startswith(
        "In the 2024 British Grand Prix Practice 1, Fernando Alonso (ALO) and Carlos Sainz "
        "(SAI) completed 27 laps, the most; the fewest: Yuki Tsunoda (TSU) completed 5 laps."
    )
