"""The phrasing checker: every number and name in a rewording must be in the answer."""

from __future__ import annotations

import pytest

from f1core.answers.facts import is_faithful, unsupported_facts
from f1core.domain.answer import Answer
from f1core.domain.session import SessionKind
from f1core.domain.table import Table
from f1core.kinds.classification import ClassificationQuery

ANSWER = Answer(
    question="who took pole in spain 2024",
    query=ClassificationQuery(year=2024, event="Spanish GP", session=SessionKind.QUALIFYING),
    text=(
        "Lando Norris (NOR) took pole in the 2024 Spanish Grand Prix Qualifying with "
        "1:11.383, 0.020 s ahead of Max Verstappen (VER)."
    ),
    table=Table(
        columns=("Pos", "Driver", "Name", "Team", "Q3"),
        rows=(
            ("1", "NOR", "Lando Norris", "McLaren", "1:11.383"),
            ("2", "VER", "Max Verstappen", "Red Bull Racing", "1:11.403"),
            ("3", "HAM", "Lewis Hamilton", "Mercedes", "1:11.701"),
        ),
    ),
    chart=None,
    excluded=(),
    source="FastF1 live timing (recorded)",
    data_version="x",
    timings_ms={},
)


@pytest.mark.parametrize(
    "text",
    [
        "Pole went to Norris with a 1:11.383, just 0.020 s clear of Verstappen.",
        "In Spanish Grand Prix qualifying, NOR beat VER by 0.02 s; Hamilton was third in 1:11.701.",
        "McLaren's Lando Norris took pole at the 2024 Spanish Grand Prix.",
        "Max Verstappen's Red Bull Racing car was 2nd.",
    ],
)
def test_rewordings_that_add_nothing_pass(text: str) -> None:
    assert unsupported_facts(text, ANSWER) == ()
    assert is_faithful(text, ANSWER)


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("Norris took pole with 1:11.283.", ("1:11.283",)),
        ("Norris beat Verstappen by 0.2 s.", ("0.2",)),
        ("Norris took his 3rd pole of 2023.", ("2023",)),
        ("Norris beat Leclerc to pole.", ("Leclerc",)),
        ("Ferrari were nowhere; Norris took pole.", ("Ferrari",)),
        ("NOR beat PER.", ("PER",)),
        ("Sergio Pérez was fourth.", ("Sergio", "Pérez")),
    ],
)
def test_rewordings_that_add_a_fact_fail(text: str, problems: tuple[str, ...]) -> None:
    assert unsupported_facts(text, ANSWER) == problems
    assert not is_faithful(text, ANSWER)


def test_accents_are_compared_loosely() -> None:
    # sources differ on accents (Pérez / Perez); a name is the same name either way
    assert is_faithful("Lándo Nórris took pole.", ANSWER)


def test_empty_text_is_not_faithful() -> None:
    assert not is_faithful("   ", ANSWER)


def test_float_cells_match_how_people_write_them() -> None:
    points = Answer(
        question=None,
        query=ANSWER.query,
        text="Lewis Hamilton led.",
        table=Table(columns=("driver", "points"), rows=(("Lewis Hamilton", 387.5),)),
        chart=None,
        excluded=(),
        source="Ergast archive, import abc",
        data_version="x",
        timings_ms={},
    )
    assert is_faithful("Hamilton led on 387.5 points.", points)
    assert not is_faithful("Hamilton led on 388 points.", points)
