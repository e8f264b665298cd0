"""Laps led on recorded races: laps whose end-of-lap position is 1, counted with pandas."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.integration.analyze import analyze

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.analysis.leaders import LapsLed, lap_ranges
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import laps_led as kind

RACES = [
    (SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE), "R"),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT), "Sprint"),
    (SessionRef(2025, "Miami Grand Prix", SessionKind.SPRINT), "Sprint"),
]


def _led_by_pandas(ff1: Any) -> dict[str, list[int]]:
    """Each driver's laps with Position == 1, straight from FastF1's laps frame."""
    laps = ff1.laps
    leading = laps[laps["Position"] == 1]
    return {
        str(driver): sorted(int(n) for n in group["LapNumber"])
        for driver, group in leading.groupby("Driver")
    }


def _answer(session: Session, *drivers: str) -> tuple[LapsLed, str]:
    return analyze(kind.KIND, session, *drivers)


@pytest.mark.parametrize(("ref", "name"), RACES, ids=[str(ref) for ref, _ in RACES])
def test_laps_led_and_ranges_are_the_laps_ended_in_first_place(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
    ref: SessionRef,
    name: str,
) -> None:
    expected = _led_by_pandas(raw_fastf1(ref.year, ref.event, name))
    result, _ = _answer(load_recorded(ref))
    assert {d.driver: d.laps for d in result.drivers} == {
        code: len(laps) for code, laps in expected.items()
    }
    assert {d.driver: d.ranges for d in result.drivers} == {
        code: lap_ranges(laps) for code, laps in expected.items()
    }
    assert result.drivers[0].laps == max(len(laps) for laps in expected.values())
    assert sum(d.laps for d in result.drivers) == result.led_laps


def test_baku_2018_vettel_led_most_though_hamilton_won(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2018, "Azerbaijan Grand Prix", "R")
    led = _led_by_pandas(ff1)
    winner = ff1.results.loc[ff1.results["Position"] == 1, "Abbreviation"].item()
    assert (led["VET"][0], led["VET"][-1], len(led["VET"])) == (1, 30, 30)
    assert (len(led["BOT"]), len(led["HAM"]), winner) == (18, 3, "HAM")
    session = load_recorded(RACES[0][0])
    _, text = _answer(session)
    assert text == (
        "In the 2018 Azerbaijan Grand Prix Race, Sebastian Vettel (VET) led the most laps, "
        "30 of 51 (laps 1-30); then Valtteri Bottas (BOT) 18 (laps 31-48) and Lewis "
        "Hamilton (HAM) 3 (laps 49-51); the lead changed hands 2 times."
    )
    _, about_ham = _answer(session, "HAM")
    # The winner's own laps first, with the rank computed among those who led; then the
    # session's leader, never the winner as if he had led the most.
    assert about_ham.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, Lewis Hamilton (HAM) led 3 of 51 laps "
        "(laps 49-51), 3rd of the 3 drivers who led. Sebastian Vettel (VET) led the most laps"
    )
    _, about_ric = _answer(session, "RIC")
    assert about_ric.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, Daniel Ricciardo (RIC) led no laps. "
    )


def test_the_chart_colours_each_lap_by_its_leader(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(RACES[2][0])
    result, _ = _answer(session)
    spec = kind.KIND.chart(
        result, kind.LapsLedQuery(year=2025, event="Miami", session=SessionKind.SPRINT)
    )
    assert spec is not None
    assert len(spec["data"]["values"]) == result.led_laps
    colour = spec["encoding"]["color"]["scale"]
    assert set(colour["domain"]) == {d.driver for d in result.drivers}
    assert all(c.startswith("#") for c in colour["range"])


@pytest.mark.parametrize(
    ("question", "drivers", "session"),
    [
        ("who led the most laps in baku 2018", (), SessionKind.RACE),
        ("how many laps did Vettel lead in the 2018 Azerbaijan GP", ("VET",), SessionKind.RACE),
        ("laps led by piastri in the miami sprint 2025", ("PIA",), SessionKind.SPRINT),
        ("how many laps did the winner lead in the 2018 azerbaijan gp", (), SessionKind.RACE),
    ],
)
def test_laps_led_questions_reach_the_kind_not_the_winner(
    question: str, drivers: tuple[str, ...], session: SessionKind
) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(question)
    assert isinstance(query, kind.LapsLedQuery)
    assert (query.drivers, query.session) == (drivers, session)


def test_laps_led_needs_a_race(load_recorded: Callable[[SessionRef], Session]) -> None:
    from f1core.errors import InvalidRequestError

    session = load_recorded(SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING))
    with pytest.raises(InvalidRequestError, match="laps led needs a race or sprint"):
        kind.KIND.query_for(session, (), {})
