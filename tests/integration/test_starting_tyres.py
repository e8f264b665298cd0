"""Starting tyres on recorded races: the compound of each driver's first stint.

Computed with pandas from FastF1's laps: the first compound recorded on a driver's
laps before their first pit stop (lap 1 often has none in 2018).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.integration.analyze import analyze

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import starting_tyres as kind

RACES = [
    (SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE), "R"),
    (SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT), "Sprint"),
    (SessionRef(2025, "Miami Grand Prix", SessionKind.SPRINT), "Sprint"),
]


def _starting_by_pandas(ff1: Any) -> dict[str, str]:
    """Each driver's first known compound on the laps up to their first pit-in."""
    out: dict[str, str] = {}
    for driver, laps in ff1.laps.sort_values("LapNumber").groupby("Driver"):
        pitted = laps[laps["PitInTime"].notna()]
        first_in = int(pitted["LapNumber"].min()) if len(pitted) else 10_000
        first_stint = laps[(laps["LapNumber"] <= first_in) & laps["Compound"].notna()]
        first_stint = first_stint[first_stint["Compound"] != "nan"]
        if len(first_stint):
            out[str(driver)] = str(first_stint["Compound"].iloc[0])
    return out


def _answer(session: Session, *drivers: str) -> tuple[kind.StartingTyres, str]:
    return analyze(kind.KIND, session, *drivers)


@pytest.mark.parametrize(("ref", "name"), RACES, ids=[str(ref) for ref, _ in RACES])
def test_each_driver_started_on_the_compound_of_the_first_stint(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
    ref: SessionRef,
    name: str,
) -> None:
    ff1 = raw_fastf1(ref.year, ref.event, name)
    expected = _starting_by_pandas(ff1)
    result, _ = _answer(load_recorded(ref))
    assert {r.driver: r.compound for r in result.rows} == expected
    grid = {
        str(code): int(g)
        for code, g in zip(ff1.results["Abbreviation"], ff1.results["GridPosition"], strict=True)
        if g == g  # not NaN: the car took the start
    }
    assert {r.driver: r.grid for r in result.rows} == {c: grid[c] for c in expected}


def test_who_started_on_softs_in_baku_2018_lists_every_compound_and_its_drivers(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    expected = _starting_by_pandas(raw_fastf1(2018, "Azerbaijan Grand Prix", "R"))
    softs = sorted(code for code, c in expected.items() if c == "SOFT")
    counts = {c: sum(1 for v in expected.values() if v == c) for c in set(expected.values())}
    assert (softs, counts) == (["GRO", "HAR"], {"SUPERSOFT": 12, "ULTRASOFT": 6, "SOFT": 2})
    query = RuleBasedQueryInterpreter().interpret_now("who started on softs in baku 2018")
    assert isinstance(query, kind.StartingTyresQuery)
    session = load_recorded(RACES[0][0])
    result = kind.KIND.answer(session, query)
    text = kind.KIND.paragraph(result, query)
    assert text.startswith(
        "In the 2018 Azerbaijan Grand Prix Race, the 20 starters started 12 on supersoft ("
    )
    assert text.endswith(
        "; 6 on ultrasoft (RAI, OCO, PER, SAI, HUL and GAS); 2 on soft (HAR and GRO)."
    )


def test_one_drivers_start_and_separately_the_field(
    load_recorded: Callable[[SessionRef], Session],
    raw_fastf1: Callable[..., Any],
) -> None:
    ff1 = raw_fastf1(2023, "Azerbaijan Grand Prix", "Sprint")
    expected = _starting_by_pandas(ff1)
    assert (expected["NOR"], sorted(c for c, v in expected.items() if v == "SOFT")) == (
        "SOFT",
        ["BOT", "NOR"],
    )
    _, text = _answer(load_recorded(RACES[1][0]), "NOR")
    assert text.startswith(
        "In the 2023 Azerbaijan Grand Prix Sprint, Lando Norris (NOR) started on soft (a used "
        "set, 3 laps old) from P10 and ran it for 10 laps. In all, the 19 starters started 17 "
        "on medium ("
    )
    assert text.endswith("; 2 on soft (NOR and BOT).")
    _, ocon = _answer(load_recorded(RACES[1][0]), "OCO")
    assert "Esteban Ocon (OCO) started on medium (a used set, 5 laps old) from the pit lane" in ocon


def test_the_chart_colours_each_first_stint_by_compound(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    result, _ = _answer(load_recorded(RACES[2][0]))
    spec = kind.KIND.chart(
        result, kind.StartingTyresQuery(year=2025, event="Miami", session=SessionKind.SPRINT)
    )
    assert spec is not None
    assert {v["compound"] for v in spec["data"]["values"]} == {"INTERMEDIATE"}
    assert spec["encoding"]["color"]["scale"]["range"] == ["#43b02a"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what tyres did hamilton start the 2018 baku race on", "starting-tyres"),
        ("who started on the supersoft in baku 2018", "starting-tyres"),
        ("who started on pole in baku 2018", "fastest-lap"),
        ("which tyres did verstappen finish the 2018 baku race on", "strategy"),
    ],
)
def test_starting_tyre_questions_and_their_neighbours(question: str, expected: str) -> None:
    from f1core.kinds.registry import kind_of

    assert kind_of(RuleBasedQueryInterpreter().interpret_now(question)).name == expected  # type: ignore[arg-type]
