"""A sample of the question bank checked for the computed value, not only the query.

Each question is a bank entry (the tuned split); it goes through the composition root as
``f1 ask`` sends it, and its answer must state the value computed here, independently of
the code under test: pandas on the Ergast CSV for archive questions, the session's
official results (FastF1's classification and Q1/Q2/Q3 times) for session questions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pytest
from tests.unit.question_bank import QUERY_BANK

from entrypoints.composition import bootstrap
from entrypoints.settings import Settings
from f1core.domain.answer import Answer
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.domain.timefmt import format_laptime

T = TypeVar("T")
ERGAST = Path(__file__).parents[2].parent / "shared" / "data" / "ergast-csv"
BANK = {question for question, _ in QUERY_BANK}


@pytest.fixture(scope="module")
def csv() -> Callable[[str], pd.DataFrame]:
    if not ERGAST.is_dir():
        pytest.fail(f"recorded Ergast archive not found at {ERGAST}")
    cache: dict[str, pd.DataFrame] = {}

    def read(name: str) -> pd.DataFrame:
        if name not in cache:
            cache[name] = pd.read_csv(ERGAST / f"{name}.csv", na_values=["\\N"])
        return cache[name]

    return read


class _Asker:
    def __init__(self, settings: Settings) -> None:
        self.loop = asyncio.new_event_loop()
        self.root = bootstrap(settings)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    def ask(self, question: str) -> Answer:
        assert question in BANK, f"{question!r} is not a bank question"

        async def work() -> Answer:
            use_case = await self.root.ask.ask_question()
            answer: Answer = await use_case.execute(question)
            return answer

        return self.run(work())


@pytest.fixture(scope="module")
def asker(replay_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Asker]:
    data = tmp_path_factory.mktemp("bank-values")
    env = {
        "F1_DATA_DIR": str(data),
        "F1_FASTF1_REPLAY_DIR": str(replay_dir),
        "F1_DATABASE_URL": f"sqlite+aiosqlite:///{data / 'f1.sqlite3'}",
        "F1_INTERPRETER": "offline",
    }
    asker = _Asker(Settings.from_env(env))

    async def load_archive() -> None:
        importer = await asker.root.archive.importer()
        await importer.import_dump(ERGAST)

    asker.run(load_archive())
    yield asker
    asker.run(asker.root.shutdown_resources())
    asker.loop.close()


def _full_name(drivers: pd.DataFrame, driver_id: int) -> str:
    row = drivers.loc[drivers.driverId == driver_id].iloc[0]
    return f"{row.forename} {row.surname}"


def _race_id(csv: Callable[[str], pd.DataFrame], year: int, name: str) -> int:
    races = csv("races")
    return int(races.loc[(races.year == year) & (races.name == name), "raceId"].iloc[0])


# --- archive: pandas on the CSV ---------------------------------------------------------

RACE_WINNERS = [
    ("who won the 2018 azerbaijan grand prix", 2018, "Azerbaijan Grand Prix"),
    ("winner of the 1988 monaco gp", 1988, "Monaco Grand Prix"),
    ("who won the sakhir gp", 2020, "Sakhir Grand Prix"),
    ("winner of the tuscan grand prix", 2020, "Tuscan Grand Prix"),
    ("who won the dallas gp", 1984, "Dallas Grand Prix"),
    ("winner of the 2021 abu dabi gp", 2021, "Abu Dhabi Grand Prix"),
]


@pytest.mark.parametrize(("question", "year", "race"), RACE_WINNERS)
def test_a_race_winner_is_the_archives_first_place(
    asker: _Asker, csv: Callable[[str], pd.DataFrame], question: str, year: int, race: str
) -> None:
    results = csv("results")
    race_id = _race_id(csv, year, race)
    winner = results.loc[(results.raceId == race_id) & (results.positionOrder == 1)].iloc[0]
    name = _full_name(csv("drivers"), int(winner.driverId))
    answer = asker.ask(question)
    assert answer.text.startswith(name), (name, answer.text)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("who won the 1988 title", 1988),
        ("Who won the 2021 drivers' championship?", 2021),
        ("wdc 1976", 1976),
        ("who was crowned champion in '98", 1998),
    ],
)
def test_a_champion_leads_the_final_standings(
    asker: _Asker, csv: Callable[[str], pd.DataFrame], question: str, year: int
) -> None:
    races = csv("races")
    last = races.loc[races.year == year].sort_values("round").iloc[-1]
    standings = csv("driver_standings")
    top = standings.loc[(standings.raceId == last.raceId) & (standings.position == 1)].iloc[0]
    name = _full_name(csv("drivers"), int(top.driverId))
    answer = asker.ask(question)
    assert answer.text.startswith(name)
    assert f"won the {year} drivers' championship with {top.points:g} points" in answer.text


@pytest.mark.parametrize(
    ("question", "surname", "year"),
    [
        ("How many wins does Hamilton have?", "Hamilton", None),
        ("how many wins does senna have", "Senna", None),
        ("how many races has checo won", "Pérez", None),
        ("how many victories does prost have", "Prost", None),
    ],
)
def test_a_career_count_is_the_archives_count(
    asker: _Asker,
    csv: Callable[[str], pd.DataFrame],
    question: str,
    surname: str,
    year: int | None,
) -> None:
    drivers = csv("drivers")
    driver_id = int(drivers.loc[drivers.surname == surname, "driverId"].iloc[0])
    results = csv("results")
    wins = int(((results.driverId == driver_id) & (results.positionOrder == 1)).sum())
    answer = asker.ask(question)
    assert f"scored {wins} wins" in answer.text, (wins, answer.text)


def test_ferrari_wins_in_2004_from_a_misspelt_name(
    asker: _Asker, csv: Callable[[str], pd.DataFrame]
) -> None:
    races = csv("races")
    results = csv("results").merge(races[["raceId", "year"]], on="raceId")
    constructors = csv("constructors")
    ferrari = int(constructors.loc[constructors.name == "Ferrari", "constructorId"].iloc[0])
    wins = int(
        (
            (results.year == 2004)
            & (results.constructorId == ferrari)
            & (results.positionOrder == 1)
        ).sum()
    )
    assert wins == 15
    answer = asker.ask("how many wins did ferari get in 2004")
    assert answer.text.startswith(f"Ferrari scored {wins} wins in 2004")


# --- sessions: the official results ------------------------------------------------------

_Q = SessionKind.QUALIFYING


@pytest.mark.parametrize(
    ("question", "ref"),
    [
        ("Who was on pole at Monza in 2019?", SessionRef(2019, "Italian Grand Prix", _Q)),
        ("who got pole in barcelona 2024", SessionRef(2024, "Spanish Grand Prix", _Q)),
        ("pole position 2022 jeddah", SessionRef(2022, "Saudi Arabian Grand Prix", _Q)),
        ("pole time mexico 2021", SessionRef(2021, "Mexico City Grand Prix", _Q)),
        ("pole at monzza 2019", SessionRef(2019, "Italian Grand Prix", _Q)),
    ],
)
def test_pole_is_the_best_official_qualifying_time(
    asker: _Asker, load_recorded: Callable[[SessionRef], Session], question: str, ref: SessionRef
) -> None:
    session = load_recorded(ref)
    best = {
        row.driver: min(t for t in (row.q1_ms, row.q2_ms, row.q3_ms) if t)
        for row in session.results
        if any((row.q1_ms, row.q2_ms, row.q3_ms))
    }
    driver, time_ms = min(best.items(), key=lambda item: item[1])
    answer = asker.ask(question)
    assert f"({driver})" in answer.text.split(".")[0] and format_laptime(time_ms) in answer.text


_R = SessionKind.RACE
_S = SessionKind.SPRINT


@pytest.mark.parametrize(
    ("question", "ref"),
    [
        (
            "what happened in the 2018 azerbaijan grand prix",
            SessionRef(2018, "Azerbaijan Grand Prix", _R),
        ),
        ("tell me about the 2025 miami sprint", SessionRef(2025, "Miami Grand Prix", _S)),
        ("give me a recap of the 2023 baku sprint", SessionRef(2023, "Azerbaijan Grand Prix", _S)),
    ],
)
def test_a_race_summary_states_the_official_winner_and_margin(
    asker: _Asker, load_recorded: Callable[[SessionRef], Session], question: str, ref: SessionRef
) -> None:
    ranked = sorted(
        (r for r in load_recorded(ref).results if r.position), key=lambda r: r.position or 0
    )
    winner, second = ranked[0], ranked[1]
    assert second.time_ms is not None  # the results give P2 its gap to the winner
    answer = asker.ask(question)
    first = answer.text.split(" (official result).")[0]
    assert first.startswith(f"{winner.full_name} ({winner.driver}) won the ")
    assert f"{second.time_ms / 1000:.3f} s ahead of {second.full_name} ({second.driver})" in first


@pytest.mark.parametrize(
    ("question", "ref", "code"),
    [
        (
            "what happened to Bottas in Baku 2018",
            SessionRef(2018, "Azerbaijan Grand Prix", _R),
            "BOT",
        ),
        ("how did kimi fare in baku 2018", SessionRef(2018, "Azerbaijan Grand Prix", _R), "RAI"),
        (
            "what happened to Leclerc in the 2025 miami sprint",
            SessionRef(2025, "Miami Grand Prix", _S),
            "LEC",
        ),
    ],
)
def test_a_driver_summary_states_his_official_result(
    asker: _Asker,
    load_recorded: Callable[[SessionRef], Session],
    question: str,
    ref: SessionRef,
    code: str,
) -> None:
    row = next(r for r in load_recorded(ref).results if r.driver == code)
    answer = asker.ask(question)
    if row.classified.isdigit():
        assert f"({code}) finished P{row.position} from P{row.grid} on the grid" in answer.text
    else:
        assert f"did not finish: {row.status} after {row.laps} lap" in answer.text
