"""Biggest movers on recorded races: official grid against classified finish, with pandas.

Only classified finishers are ranked; a retirement is named apart; a pit-lane start
(GridPosition 0) counts as the last of the cars that took the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.integration.analyze import analyze

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.analysis.movers import Movers, movers
from f1core.analysis.positions import grid_vs_finish
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import biggest_movers as kind
from f1core.kinds.registry import kind_of

RACES = [
    (SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE), "R"),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT), "Sprint"),
    (SessionRef(2025, "Miami Grand Prix", SessionKind.SPRINT), "Sprint"),
]


def _gains_by_pandas(ff1: Any) -> tuple[dict[str, int], set[str]]:
    """Places gained by each classified finisher, and the starters not classified."""
    results = ff1.results
    started = results[results["GridPosition"].notna()]
    last = len(started)
    gains: dict[str, int] = {}
    retired: set[str] = set()
    for row in started.itertuples():
        if not str(row.ClassifiedPosition).isdigit():
            retired.add(str(row.Abbreviation))
            continue
        grid = int(row.GridPosition) or last
        gains[str(row.Abbreviation)] = grid - int(row.Position)
    return gains, retired


def _answer(session: Session, *drivers: str) -> tuple[Movers, str]:
    return analyze(kind.KIND, session, *drivers)


@pytest.mark.parametrize(("ref", "name"), RACES, ids=[str(ref) for ref, _ in RACES])
def test_places_gained_are_grid_minus_classified_finish(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
    ref: SessionRef,
    name: str,
) -> None:
    gains, retired = _gains_by_pandas(raw_fastf1(ref.year, ref.event, name))
    result, text = _answer(load_recorded(ref))
    assert {m.driver: m.gained for m in result.finishers} == gains
    assert {m.driver for m in result.retired} == retired
    best = max(gains.values())
    assert [m.driver for m in result.finishers if m.gained == best] == [
        m.driver for m in result.finishers[: sum(1 for g in gains.values() if g == best)]
    ]
    top = result.finishers[0]
    assert gains[top.driver] == best
    assert f"biggest gainers: {top.full_name} ({top.driver})" in text


def test_baku_2018_hartley_gained_most_vettel_lost_most_retirements_apart(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    gains, retired = _gains_by_pandas(raw_fastf1(2018, "Azerbaijan Grand Prix", "R"))
    assert (max(gains, key=lambda c: gains[c]), gains["HAR"]) == ("HAR", 9)
    assert (min(gains, key=lambda c: gains[c]), gains["VET"]) == ("VET", -3)
    assert len(retired) == 7
    _, text = _answer(load_recorded(RACES[0][0]))
    assert text.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, biggest gainers: Brendon Hartley (HAR) P19 "
        "to P10 (+9), Charles Leclerc (LEC) P13 to P6 (+7), Stoffel Vandoorne (VAN) P16 to P9 "
        "(+7), Marcus Ericsson (ERI) P18 to P11 (+7); biggest loser: Sebastian Vettel (VET) "
        "P1 to P4 (-3). Not ranked (not classified): BOT (from P3, puncture), "
    )
    _, about_lec = _answer(load_recorded(RACES[0][0]), "LEC")
    # Three drivers gained 7: Leclerc's rank is shared, and the paragraph says so.
    assert sorted(c for c, g in gains.items() if g == 7) == ["ERI", "LEC", "VAN"]
    assert about_lec.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, Charles Leclerc (LEC) went from P13 to P6 "
        "(+7), the joint 2nd biggest gain of the 13 classified finishers. The biggest gainers: "
    )
    _, about_bot = _answer(load_recorded(RACES[0][0]), "BOT")
    assert about_bot.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, Valtteri Bottas (BOT) started from P3 and "
        "retired (Puncture). "
    )


def test_a_pit_lane_start_counts_as_the_last_of_the_starters(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2023, "Azerbaijan Grand Prix", "Sprint")
    results = ff1.results
    ocon = results[results["Abbreviation"] == "OCO"].iloc[0]
    starters = int(results["GridPosition"].notna().sum())
    assert (int(ocon["GridPosition"]), int(ocon["Position"]), starters) == (0, 18, 19)
    result, text = _answer(load_recorded(RACES[1][0]), "OCO")
    (move,) = [m for m in result.finishers if m.driver == "OCO"]
    assert (move.start, move.gained) == (19, 1)
    assert text.startswith(
        "In the 2023 Azerbaijan Grand Prix Sprint, Esteban Ocon (OCO) went from the pit "
        "lane to P18 (+1)"
    )
    assert text.endswith("A pit-lane start counts as P19, the last of the 19 starters.")


def test_grid_vs_finish_counts_the_pit_lane_start_the_same_way(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(RACES[1][0])
    grid = {r.driver: r.gained for r in grid_vs_finish(session).rows}
    assert all(grid[m.driver] == m.gained for m in movers(session).finishers)
    assert grid["OCO"] == 1


def test_the_chart_is_places_gained_by_classified_finishers(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    result, _ = _answer(load_recorded(RACES[2][0]))
    spec = kind.KIND.chart(
        result, kind.BiggestMoversQuery(year=2025, event="Miami", session=SessionKind.SPRINT)
    )
    assert spec is not None
    assert [v["gained"] for v in spec["data"]["values"]] == [m.gained for m in result.finishers]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who gained the most places in baku 2018", "biggest-movers"),
        ("biggest losers in the 2025 miami sprint", "biggest-movers"),
        ("how many places did leclerc gain in the 2018 baku race", "grid-vs-finish"),
        ("who won the 2023 baku sprint", "classification"),
    ],
)
def test_movers_questions_and_their_neighbours(question: str, expected: str) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(question)
    assert kind_of(query).name == expected  # type: ignore[arg-type]
