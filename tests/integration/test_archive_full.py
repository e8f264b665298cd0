"""The real Ergast dump (../shared/data/ergast-csv) on SQLite and PostgreSQL.

Imported once per backend per test session; the import time is printed (run with -s).
The recorded data must be there: a missing folder fails, it never skips.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from tests.integration.test_archive_contract import make_archive_engine

from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from f1core.errors import AmbiguousReferenceError

pytestmark = pytest.mark.asyncio(loop_scope="session")


def ergast_dir() -> Path:
    configured = os.environ.get("F1_ERGAST_DIR")
    path = Path(configured) if configured else Path(__file__).parents[3] / "shared/data/ergast-csv"
    if not path.is_dir():
        pytest.fail(f"recorded Ergast dump not found at {path}; set F1_ERGAST_DIR")
    return path


@pytest_asyncio.fixture(scope="session", loop_scope="session", params=["sqlite", "postgresql"])
async def archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SqlHistoricalArchive]:
    engine = await make_archive_engine(
        request.param, tmp_path_factory.mktemp("full"), "archive_full"
    )
    record = await SqlArchiveImporter(engine).import_dump(ergast_dir())
    print(f"\nfull Ergast import on {request.param}: {record.duration_s:.2f} s")
    assert record.row_counts["archive_results"] == 27118
    yield SqlHistoricalArchive(engine)
    await engine.dispose()


async def test_1988_champions(archive: SqlHistoricalArchive) -> None:
    c = await archive.champions(1988)
    assert c.complete
    assert (c.champion.name, c.champion.points) == ("Ayrton Senna", 90.0)
    # Prost scored 105 but only his best 11 results counted: the standings say 87
    assert c.runner_up is not None
    assert (c.runner_up.name, c.runner_up.points) == ("Alain Prost", 87.0)
    assert c.constructors_champion is not None
    assert c.constructors_champion.name == "McLaren"


async def test_2021_abu_dhabi_winner(archive: SqlHistoricalArchive) -> None:
    result = await archive.race_result(2021, "Abu Dhabi")
    assert result.winner.code == "VER"
    assert [e.code for e in result.podium] == ["VER", "HAM", "SAI"]


@pytest.mark.parametrize(
    ("year", "said", "races"),
    [
        (2020, "Bahrain", {"Bahrain Grand Prix", "Sakhir Grand Prix"}),
        (2020, "Britain", {"British Grand Prix", "70th Anniversary Grand Prix"}),
        (2020, "UK", {"British Grand Prix", "70th Anniversary Grand Prix"}),
        (2023, "USA", {"Miami Grand Prix", "United States Grand Prix", "Las Vegas Grand Prix"}),
    ],
)
async def test_a_bare_country_that_held_two_races_asks_which(
    archive: SqlHistoricalArchive, year: int, said: str, races: set[str]
) -> None:
    with pytest.raises(AmbiguousReferenceError) as caught:
        await archive.race_result(year, said)
    assert {c.split(" (round")[0] for c in caught.value.candidates} == races


@pytest.mark.parametrize(
    ("year", "said", "race", "winner"),
    [
        (2020, "Bahrain Grand Prix", "Bahrain Grand Prix", "Lewis Hamilton"),
        (2019, "Bahrain", "Bahrain Grand Prix", "Lewis Hamilton"),
        (2019, "UK", "British Grand Prix", "Lewis Hamilton"),
        # San Marino at Imola and the European GP at the Nürburgring were named elsewhere
        (2005, "Italy", "Italian Grand Prix", "Juan Pablo Montoya"),
        (1999, "Germany", "German Grand Prix", "Eddie Irvine"),
    ],
)
async def test_a_country_names_its_own_race(
    archive: SqlHistoricalArchive, year: int, said: str, race: str, winner: str
) -> None:
    result = await archive.race_result(year, said)
    assert (result.race.name, result.winner.driver) == (race, winner)


async def test_career_wins(archive: SqlHistoricalArchive) -> None:
    assert (await archive.tally("hamilton", kind="driver")).wins == 105
    assert (await archive.tally("HAM", kind="driver")).poles == 104
    assert (await archive.tally("michael_schumacher", kind="driver")).wins == 91
    with pytest.raises(AmbiguousReferenceError, match="Ralf Schumacher"):
        await archive.tally("schumacher", kind="driver")
    # only Michael raced in 2012
    assert (await archive.tally("schumacher", kind="driver", year=2012)).name == (
        "Michael Schumacher"
    )
    board = await archive.most_wins(limit=2)
    assert [(r.name, r.count) for r in board.rows] == [
        ("Lewis Hamilton", 105),
        ("Michael Schumacher", 91),
    ]


async def test_2024_final_standings_include_sprints(archive: SqlHistoricalArchive) -> None:
    table = await archive.standings(2024)
    assert table.final and table.after_round == 24
    top = table.rows[0]
    assert (top.code, top.points, top.wins) == ("VER", 437.0, 9)
    assert table.rows[1].code == "NOR"
    after5 = await archive.standings(2024, after_round=5)
    assert (after5.round_name, after5.rows[0].code, after5.rows[0].points) == (
        "Chinese Grand Prix",
        "VER",
        110.0,
    )
    teams = await archive.standings(2024, constructors=True)
    assert (teams.rows[0].name, teams.rows[0].points) == ("McLaren", 666.0)


async def test_wins_at_monaco_and_head_to_head(archive: SqlHistoricalArchive) -> None:
    monaco = await archive.wins_at_circuit("Monaco", limit=1)
    assert [(r.name, r.count) for r in monaco.rows] == [("Ayrton Senna", 6)]
    h = await archive.head_to_head(1988, "senna", "prost")
    assert (h.races, h.race_ahead_a + h.race_ahead_b) == (16, 16)
    assert (h.points_a, h.points_b) == (90.0, 87.0)


async def test_2024_standings_charts_draw_each_team_in_its_colour(
    archive: SqlHistoricalArchive,
) -> None:
    from f1core.domain.team_colours import team_colour
    from f1core.kinds import archive_standings

    query = archive_standings.ChampionshipStandingsQuery(year=2024)
    spec = archive_standings.chart(await archive.standings(2024), query)
    assert spec is not None
    scale = spec["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"], strict=True))
    papaya = team_colour("McLaren", 2024)
    assert papaya is not None
    assert colour["Lando Norris"] == colour["Oscar Piastri"] == papaya
    assert colour["Max Verstappen"] == team_colour("Red Bull", 2024) != papaya
    assert colour["Charles Leclerc"] == team_colour("Ferrari", 2024)
    teams = await archive.standings(2024, constructors=True)
    spec = archive_standings.chart(
        teams, archive_standings.ChampionshipStandingsQuery(year=2024, championship="constructors")
    )
    assert spec is not None
    scale = spec["encoding"]["color"]["scale"]
    assert len(set(scale["range"])) == len(scale["domain"]) == 10  # ten teams, ten colours
