"""Practice order on recorded practice sessions: each driver's best valid lap, ranked.

The expected order is computed with pandas from FastF1's laps: the quickest lap with a
time that was not deleted, per driver, fastest first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.integration.analyze import analyze

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.errors import InvalidRequestError
from f1core.kinds import practice_order as kind

PRACTICE = [
    (SessionRef(2020, "Hungarian Grand Prix", SessionKind.FP2), "FP2"),
    (SessionRef(2020, "70th Anniversary Grand Prix", SessionKind.FP2), "FP2"),
    (SessionRef(2021, "Italian Grand Prix", SessionKind.FP2), "FP2"),
    (SessionRef(2022, "British Grand Prix", SessionKind.FP1), "FP1"),
    (SessionRef(2024, "British Grand Prix", SessionKind.FP1), "FP1"),
]


def _order_by_pandas(ff1: Any) -> list[tuple[str, int]]:
    """(driver, best lap ms) fastest first, from laps with a time that were not deleted."""
    laps = ff1.laps
    timed = laps[laps["LapTime"].notna() & (laps["Deleted"] != True)]  # noqa: E712
    best = timed.groupby("DriverNumber")["LapTime"].min().sort_values()
    codes = _codes(ff1)
    return [(codes[str(number)], round(t.total_seconds() * 1000)) for number, t in best.items()]


def _codes(ff1: Any) -> dict[str, str]:
    """Car number -> the code drivers go by (the number when the timing names no one, as
    in the 2020 70th Anniversary FP2 recording)."""
    results = ff1.results
    return {
        str(n): str(code) or str(n)
        for n, code in zip(results["DriverNumber"], results["Abbreviation"], strict=True)
    }


def _answer(session: Session, *drivers: str) -> tuple[kind.PracticeOrder, str]:
    return analyze(kind.KIND, session, *drivers)


@pytest.mark.parametrize(("ref", "name"), PRACTICE, ids=[str(ref) for ref, _ in PRACTICE])
def test_the_order_is_every_drivers_best_valid_lap_ranked(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
    ref: SessionRef,
    name: str,
) -> None:
    ff1 = raw_fastf1(ref.year, ref.event, name)
    expected = _order_by_pandas(ff1)
    result, text = _answer(load_recorded(ref))
    assert [(r.driver, r.time_ms) for r in result.rows] == expected
    assert [r.gap_ms for r in result.rows] == [t - expected[0][1] for _, t in expected]
    assert text.startswith(f"{result.rows[0].full_name} ({expected[0][0]}) topped the ")
    assert result.rows[0].driver == expected[0][0]
    # Everyone entered is listed: the timed by rank, then those without a time.
    entered = set(_codes(ff1).values())
    assert {r.driver for r in result.rows} | {d.driver for d in result.no_time} == entered
    laps_run = ff1.laps.groupby("DriverNumber").size()
    codes = _codes(ff1)
    assert result.laps_run == {codes[str(number)]: int(n) for number, n in laps_run.items()}


def test_one_drivers_place_and_gap_and_separately_who_topped_it(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    expected = _order_by_pandas(raw_fastf1(2024, "British Grand Prix", "FP1"))
    place = [code for code, _ in expected].index("HAM") + 1
    gap = dict(expected)["HAM"] - expected[0][1]
    assert (place, gap, expected[0][0]) == (7, 438, "NOR")
    _, text = _answer(load_recorded(PRACTICE[4][0]), "HAM")
    assert text == (
        "In the 2024 British Grand Prix Practice 1, Lewis Hamilton (HAM) was P7 of 20 with "
        "1:27.858 on the medium tyre, 0.438 s off the top. Lando Norris (NOR) topped the 2024 "
        "British Grand Prix Practice 1 with 1:27.420 on the soft tyre; Lance Stroll (STR) P2, "
        "0.134 s behind, Oscar Piastri (PIA) P3, 0.211 s behind (20 drivers set a time)."
    )


def test_the_chart_is_the_gap_to_the_top_in_team_colours(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    result, _ = _answer(load_recorded(PRACTICE[2][0]))
    spec = kind.KIND.chart(
        result, kind.PracticeOrderQuery(year=2021, event="Monza", session=SessionKind.FP2)
    )
    assert spec is not None
    values = spec["data"]["values"]
    assert [v["driver"] for v in values] == [r.driver for r in result.rows]
    assert values[0]["gap_s"] == 0
    assert len(spec["encoding"]["color"]["scale"]["range"]) == len(values)


@pytest.mark.parametrize(
    ("question", "drivers"),
    [
        ("who topped fp2 at monza 2021", ()),
        ("fp1 results silverstone 2024", ()),
        ("who won fp2 at the 2020 hungarian grand prix", ()),
        ("where did hamilton finish in fp1 at silverstone 2024", ("HAM",)),
    ],
)
def test_practice_results_are_its_order_not_a_refusal(
    question: str, drivers: tuple[str, ...]
) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(question)
    assert isinstance(query, kind.PracticeOrderQuery) and query.drivers == drivers


def test_practice_order_needs_a_practice_session(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING))
    with pytest.raises(InvalidRequestError, match="practice order needs a practice session"):
        kind.KIND.query_for(session, (), {})
