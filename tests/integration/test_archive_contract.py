"""HistoricalArchive + ArchiveImporter contract: the in-memory fake, SQLite and PostgreSQL.

Every backend imports the hand-made dump in tests/ergast_mini.py (see its docstring for
what it holds) and must give the same answers. PostgreSQL runs in its own schema on
127.0.0.1:5432/test and never skips.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from tests.ergast_mini import mini_dump_dir
from tests.fakes import InMemoryHistoricalArchive

from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from adapters.sql.archive_tables import archive_metadata
from adapters.sql.engine import make_engine
from f1core.domain.archive import ArchiveImportError
from f1core.errors import (
    AmbiguousReferenceError,
    DataUnavailableError,
    InvalidRequestError,
    SessionNotFoundError,
)
from f1core.ports.archive import ArchiveImporter, HistoricalArchive

pytestmark = pytest.mark.asyncio(loop_scope="session")

MINI = mini_dump_dir()
PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
BACKENDS = ["in-memory", "sqlite", "postgresql"]


async def make_archive_engine(backend: str, where: Path, schema: str) -> AsyncEngine:
    """A fresh engine with empty archive tables: a SQLite file, or a PostgreSQL schema."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite+aiosqlite:///{where / 'archive.sqlite3'}")
    else:
        admin = create_async_engine(PG_URL)
        async with admin.begin() as conn:
            await conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            await conn.execute(text(f"CREATE SCHEMA {schema}"))
        await admin.dispose()
        engine = create_async_engine(
            PG_URL, connect_args={"server_settings": {"search_path": schema}}
        )
    async with engine.begin() as conn:
        await conn.run_sync(archive_metadata.create_all)
    return engine


class Pair:
    """One backend's archive and importer (the fake is both)."""

    def __init__(self, archive: HistoricalArchive, importer: ArchiveImporter) -> None:
        self.archive = archive
        self.importer = importer


async def make_pair(
    backend: str, where: Path, schema: str
) -> tuple[Pair, Callable[[], Awaitable[None]]]:
    if backend == "in-memory":
        fake = InMemoryHistoricalArchive()

        async def nothing() -> None:
            return None

        return Pair(fake, fake), nothing
    engine = await make_archive_engine(backend, where, schema)
    return Pair(SqlHistoricalArchive(engine), SqlArchiveImporter(engine)), engine.dispose


@pytest_asyncio.fixture(scope="session", loop_scope="session", params=BACKENDS)
async def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[HistoricalArchive]:
    """The mini dump imported once per backend; tests only read it."""
    pair, close = await make_pair(
        request.param, tmp_path_factory.mktemp("mini"), "archive_contract_loaded"
    )
    await pair.importer.import_dump(MINI)
    yield pair.archive
    await close()


@pytest_asyncio.fixture(loop_scope="session", params=BACKENDS)
async def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Pair]:
    """An empty archive per test, for import behaviour."""
    pair, close = await make_pair(request.param, tmp_path, "archive_contract_fresh")
    yield pair
    await close()


# --- races ------------------------------------------------------------------------------------


async def test_winner_and_podium_by_race_name(loaded: HistoricalArchive) -> None:
    result = await loaded.race_result(2021, "Abu Dhabi")
    assert result.winner.code == "VER"
    assert [e.driver for e in result.podium] == ["Max Verstappen", "Lewis Hamilton", "Sergio Pérez"]
    assert [e.points for e in result.podium] == [25.0, 18.0, 15.0]
    assert result.winner.time == "1:30:17.345"
    assert (result.race.round, result.race.circuit, result.race.country) == (
        4,
        "Yas Marina Circuit",
        "UAE",
    )
    assert result.source == "Ergast archive"
    assert result.table().rows[0][:3] == ("1", "Max Verstappen", "Red Bull")


async def test_full_classification_keeps_retirements_last(loaded: HistoricalArchive) -> None:
    result = await loaded.race_result(2021, "round 3", top=10)
    assert result.race.name == "British Grand Prix"
    last = result.entries[-1]
    assert (last.driver_ref, last.position, last.position_text, last.status) == (
        "max_verstappen",
        None,
        "R",
        "Engine",
    )
    assert len(result.entries) == 4


@pytest.mark.parametrize(
    ("event", "winner"),
    [
        ("styrian gp", "Lewis Hamilton"),
        ("Silverstone", "Lewis Hamilton"),
        ("UK", "Lewis Hamilton"),
        ("2", "Lewis Hamilton"),
    ],
)
async def test_event_names_resolve(loaded: HistoricalArchive, event: str, winner: str) -> None:
    assert (await loaded.race_result(2021, event)).winner.driver == winner


@pytest.mark.parametrize("place", ["Spielberg", "Austria"])
async def test_two_races_at_one_circuit_are_ambiguous(
    loaded: HistoricalArchive, place: str
) -> None:
    """A circuit or a country that held two races in the season asks which one."""
    with pytest.raises(AmbiguousReferenceError) as caught:
        await loaded.race_result(2021, place)
    assert caught.value.candidates == (
        "Austrian Grand Prix (round 1)",
        "Styrian Grand Prix (round 2)",
    )


@pytest.mark.parametrize(
    ("year", "event", "message"),
    [
        (2021, "Monaco", "no 2021 race matches 'Monaco'"),
        (2021, "Italian", "has no results in the archive yet"),
        (1999, "Italian", "no 1999 season"),
        (2021, "round 9", "2021 had 5 rounds"),
    ],
)
async def test_unknown_races_say_why(
    loaded: HistoricalArchive, year: int, event: str, message: str
) -> None:
    with pytest.raises(SessionNotFoundError, match=message):
        await loaded.race_result(year, event)


# --- standings and champions -----------------------------------------------------------------


async def test_latest_standings_of_a_running_season(loaded: HistoricalArchive) -> None:
    table = await loaded.standings(2021)
    assert (table.after_round, table.final, table.kind) == (4, False, "drivers")
    assert [(r.code, r.points, r.wins) for r in table.rows] == [
        ("HAM", 85.0, 2),
        ("VER", 71.0, 2),
        ("PER", 54.0, 0),
        ("BOT", 52.0, 0),
    ]
    assert table.rows[0].teams == ("Mercedes",)


async def test_standings_after_a_round_include_sprint_points(loaded: HistoricalArchive) -> None:
    table = await loaded.standings(2021, after_round=3)
    ver = next(r for r in table.rows if r.code == "VER")
    # 25 + 18 + 0 in races, + 3 for winning the sprint: results alone would say 43
    assert (ver.position, ver.points) == (3, 46.0)
    assert table.round_name == "British Grand Prix"


async def test_standings_of_a_round_not_yet_run(loaded: HistoricalArchive) -> None:
    with pytest.raises(SessionNotFoundError, match="latest is round 4"):
        await loaded.standings(2021, after_round=5)
    with pytest.raises(SessionNotFoundError, match="2021 had 5 rounds, not 6"):
        await loaded.standings(2021, after_round=6)


async def test_constructors_standings(loaded: HistoricalArchive) -> None:
    table = await loaded.standings(2021, constructors=True)
    assert [(r.name, r.points, r.wins) for r in table.rows] == [
        ("Mercedes", 137.0, 2),
        ("Red Bull", 125.0, 2),
    ]
    with pytest.raises(SessionNotFoundError, match="began in 1958"):
        await loaded.standings(1957, constructors=True)


async def test_champions(loaded: HistoricalArchive) -> None:
    c2001 = await loaded.champions(2001)
    assert c2001.complete
    assert (c2001.champion.name, c2001.champion.points) == ("Michael Schumacher", 16.0)
    assert c2001.runner_up is not None and c2001.runner_up.name == "Ralf Schumacher"
    assert c2001.constructors_champion is not None
    assert c2001.constructors_champion.name == "Ferrari"
    c2021 = await loaded.champions(2021)
    assert (c2021.complete, c2021.after_round, c2021.champion.code) == (False, 4, "HAM")
    c1957 = await loaded.champions(1957)
    assert (c1957.champion.name, c1957.constructors_champion) == ("Juan Fangio", None)


# --- tallies ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["hamilton", "HAM", "Lewis Hamilton", "lewis hamilton"])
async def test_driver_career_tally(loaded: HistoricalArchive, name: str) -> None:
    t = await loaded.tally(name, kind="driver")
    assert (t.name, t.entries, t.wins, t.poles, t.podiums) == ("Lewis Hamilton", 4, 2, 0, 4)
    # 2021 is still running, so leading it is no title
    assert (t.points, t.titles, t.year) == (85.0, 0, None)


async def test_driver_season_tally(loaded: HistoricalArchive) -> None:
    t = await loaded.tally("michael_schumacher", kind="driver", year=2001)
    assert (t.entries, t.wins, t.poles, t.podiums, t.points) == (2, 1, 1, 2, 16.0)
    assert (t.championship_position, t.titles) == (1, 1)


async def test_team_tally(loaded: HistoricalArchive) -> None:
    merc = await loaded.tally("mercedes", kind="team")
    assert (merc.entries, merc.wins, merc.poles, merc.podiums, merc.points) == (4, 2, 0, 7, 137.0)
    rbr = await loaded.tally("redbull", kind="team", year=2021)
    assert (rbr.name, rbr.wins, rbr.poles, rbr.championship_position) == ("Red Bull", 2, 4, 2)


async def test_shared_surname_asks_which(loaded: HistoricalArchive) -> None:
    with pytest.raises(AmbiguousReferenceError) as caught:
        await loaded.tally("schumacher", kind="driver")
    assert caught.value.candidates == (
        "Michael Schumacher (michael_schumacher)",
        "Ralf Schumacher (ralf_schumacher)",
    )
    # both raced in 2001, so the season does not help
    with pytest.raises(AmbiguousReferenceError):
        await loaded.tally("schumacher", kind="driver", year=2001)


async def test_season_picks_the_driver_of_that_year(loaded: HistoricalArchive) -> None:
    # Lewis (4 starts) outweighs Duncan (1) in general, but 1957 only had Duncan
    assert (await loaded.tally("hamilton", kind="driver", year=1957)).name == "Duncan Hamilton"
    assert (await loaded.tally("perez", kind="driver")).name == "Sergio Pérez"
    with pytest.raises(SessionNotFoundError, match="did not race in 2001"):
        await loaded.tally("VER", kind="driver", year=2001)
    with pytest.raises(SessionNotFoundError, match="no driver called 'nobody'"):
        await loaded.tally("nobody", kind="driver")


# --- rankings ---------------------------------------------------------------------------------


async def test_most_wins_all_time_shares_ranks(loaded: HistoricalArchive) -> None:
    board = await loaded.most_wins(limit=3)
    assert [(r.rank, r.name, r.count) for r in board.rows] == [
        (1, "Lewis Hamilton", 2),
        (1, "Max Verstappen", 2),
        (3, "Juan Fangio", 1),
        (3, "Michael Schumacher", 1),
        (3, "Ralf Schumacher", 1),
    ]
    assert len((await loaded.most_wins(limit=2)).rows) == 2


async def test_most_wins_of_a_season_by_team(loaded: HistoricalArchive) -> None:
    board = await loaded.most_wins(kind="team", year=2001)
    assert [(r.rank, r.name, r.count) for r in board.rows] == [
        (1, "Ferrari", 1),
        (1, "Williams", 1),
    ]


async def test_wins_at_a_circuit(loaded: HistoricalArchive) -> None:
    monza = await loaded.wins_at_circuit("Monza")
    assert monza.circuit == "Autodromo Nazionale di Monza"
    assert [(r.name, r.count) for r in monza.rows] == [("Juan Fangio", 1), ("Ralf Schumacher", 1)]
    assert [(r.name, r.count) for r in (await loaded.wins_at_circuit("italy")).rows] == [
        ("Juan Fangio", 1),
        ("Ralf Schumacher", 1),
    ]
    ham = await loaded.wins_at_circuit("silverstone", driver="HAM")
    assert [(r.rank, r.count) for r in ham.rows] == [(1, 1)]
    never = await loaded.wins_at_circuit("monza", driver="hamilton")
    assert [(r.rank, r.name, r.count) for r in never.rows] == [(3, "Lewis Hamilton", 0)]
    with pytest.raises(SessionNotFoundError, match="no circuit matches"):
        await loaded.wins_at_circuit("Nowhere Ring")


# --- head to head -----------------------------------------------------------------------------


async def test_head_to_head_uses_qualifying_not_grid(loaded: HistoricalArchive) -> None:
    h = await loaded.head_to_head(2021, "hamilton", "verstappen")
    assert (h.driver_a, h.driver_b) == ("Lewis Hamilton", "Max Verstappen")
    assert (h.races, h.race_ahead_a, h.race_ahead_b) == (4, 2, 2)
    assert (h.both_finished, h.finished_ahead_a, h.finished_ahead_b) == (3, 1, 2)
    # Silverstone: Hamilton topped qualifying but Verstappen started from pole (sprint)
    assert (h.qualifying, h.quali_ahead_a, h.quali_ahead_b) == (4, 1, 3)
    assert (h.points_a, h.points_b) == (85.0, 71.0)


async def test_head_to_head_of_brothers(loaded: HistoricalArchive) -> None:
    h = await loaded.head_to_head(2001, "MSC", "SCH")
    assert (h.race_ahead_a, h.race_ahead_b, h.finished_ahead_b, h.both_finished) == (1, 1, 1, 1)
    assert (h.quali_ahead_a, h.quali_ahead_b) == (1, 1)


async def test_head_to_head_before_qualifying_data_uses_grid(loaded: HistoricalArchive) -> None:
    h = await loaded.head_to_head(1957, "fangio", "hamilton")
    assert (h.driver_b, h.race_ahead_a, h.quali_ahead_b, h.qualifying) == (
        "Duncan Hamilton",
        1,
        1,
        1,
    )


async def test_head_to_head_needs_two_drivers_of_the_season(loaded: HistoricalArchive) -> None:
    with pytest.raises(InvalidRequestError, match="two drivers"):
        await loaded.head_to_head(2021, "HAM", "hamilton")
    with pytest.raises(SessionNotFoundError, match="did not race in 2021"):
        await loaded.head_to_head(2021, "HAM", "fangio")


async def test_data_version(loaded: HistoricalArchive) -> None:
    version = await loaded.data_version()
    assert version is not None
    assert version.row_counts["archive_results"] == 22
    assert version.row_counts["archive_sprint_results"] == 4
    assert len(version.checksum) == 64


# --- importing --------------------------------------------------------------------------------


async def _fingerprint(archive: HistoricalArchive) -> tuple[Any, ...]:
    return (
        (await archive.standings(2021)).rows,
        (await archive.most_wins()).rows,
        (await archive.race_result(2001, "British", top=5)).entries,
    )


async def test_empty_archive_says_how_to_fill_it(fresh: Pair) -> None:
    assert await fresh.archive.data_version() is None
    with pytest.raises(DataUnavailableError, match="f1 archive import"):
        await fresh.archive.most_wins()


async def test_importing_twice_changes_nothing(fresh: Pair) -> None:
    first = await fresh.importer.import_dump(MINI)
    before = await _fingerprint(fresh.archive)
    second = await fresh.importer.import_dump(MINI)
    assert second.checksum == first.checksum
    assert second.row_counts == first.row_counts
    assert await _fingerprint(fresh.archive) == before
    latest = await fresh.archive.data_version()
    assert latest is not None and latest.id == second.id > first.id


def _copy_mini(tmp_path: Path) -> Path:
    target = tmp_path / "dump"
    shutil.copytree(MINI, target)
    return target


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "results.csv").unlink(), "results.csv is missing"),
        (
            lambda d: (d / "results.csv").write_text(
                (d / "results.csv").read_text().replace("statusId", "state")
            ),
            "lacks column.*statusId",
        ),
        (
            lambda d: (d / "qualifying.csv").write_text(
                (d / "qualifying.csv").read_text().replace("1,201,1,1,1,1,", "1,201,1,1,one,1,")
            ),
            r"qualifying.csv line 2",
        ),
    ],
    ids=["missing-file", "missing-column", "bad-value"],
)
async def test_failed_import_leaves_the_previous_archive(
    fresh: Pair, tmp_path: Path, damage: Callable[[Path], object], message: str
) -> None:
    first = await fresh.importer.import_dump(MINI)
    before = await _fingerprint(fresh.archive)
    broken = _copy_mini(tmp_path)
    # a different dump that would replace everything, had it been readable
    (broken / "results.csv").write_text(
        "\n".join((broken / "results.csv").read_text().splitlines()[:5]) + "\n"
    )
    damage(broken)
    with pytest.raises(ArchiveImportError, match=message):
        await fresh.importer.import_dump(broken)
    assert await _fingerprint(fresh.archive) == before
    assert await fresh.archive.data_version() == first


async def test_a_smaller_dump_replaces_everything(fresh: Pair, tmp_path: Path) -> None:
    await fresh.importer.import_dump(MINI)
    smaller = _copy_mini(tmp_path)
    lines = (smaller / "results.csv").read_text().splitlines()
    (smaller / "results.csv").write_text("\n".join(lines[:7]) + "\n")  # 1957 and 2001 only
    record = await fresh.importer.import_dump(smaller)
    assert record.row_counts["archive_results"] == 6
    board = await fresh.archive.most_wins()
    assert [r.name for r in board.rows] == ["Juan Fangio", "Michael Schumacher", "Ralf Schumacher"]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_database_error_mid_import_rolls_back(backend: str, tmp_path: Path) -> None:
    # parses fine, but a result points at a driver the dump does not have: the foreign
    # key fails inside the transaction, after several tables were already replaced
    engine = await make_archive_engine(backend, tmp_path, "archive_contract_fk")
    try:
        importer, archive = SqlArchiveImporter(engine), SqlHistoricalArchive(engine)
        first = await importer.import_dump(MINI)
        before = await _fingerprint(archive)
        broken = _copy_mini(tmp_path)
        (broken / "results.csv").write_text(
            (broken / "results.csv").read_text()
            + '23,304,99,4,1,6,4,"4",5,0,1,\\N,\\N,\\N,\\N,\\N,\\N,1\n'
        )
        with pytest.raises(ArchiveImportError, match="previous archive is unchanged"):
            await importer.import_dump(broken)
        assert await _fingerprint(archive) == before
        assert await archive.data_version() == first
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_interrupted_import_rolls_back(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = await make_archive_engine(backend, tmp_path, "archive_contract_cut")
    try:
        importer, archive = SqlArchiveImporter(engine), SqlHistoricalArchive(engine)
        first = await importer.import_dump(MINI)
        before = await _fingerprint(archive)
        real_load = SqlArchiveImporter._load
        loaded_tables: list[str] = []

        async def load_then_die(self: SqlArchiveImporter, conn: Any, spec: Any, dump: Any) -> None:
            if spec.table.name == "archive_qualifying":
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C half-way
            loaded_tables.append(spec.table.name)
            await real_load(self, conn, spec, dump)

        monkeypatch.setattr(SqlArchiveImporter, "_load", load_then_die)
        with pytest.raises(KeyboardInterrupt):
            await importer.import_dump(MINI)
        assert "archive_results" in loaded_tables  # the cut came after real work
        monkeypatch.undo()
        assert await _fingerprint(archive) == before
        assert await archive.data_version() == first
    finally:
        await engine.dispose()


# --- the compositional statistic -----------------------------------------------------------


async def test_stat_ties_share_first_place(loaded: HistoricalArchive) -> None:
    from f1core.domain.archive_stat import StatSpec

    got = await loaded.stat(
        StatSpec(metric="wins", aggregation="most", year_from=2021, year_to=2021)
    )
    assert [(r.rank, r.name, r.value) for r in got.answer] == [
        (1, "Lewis Hamilton", 2.0),
        (1, "Max Verstappen", 2.0),
    ]


async def test_stat_counts_points_with_sprints_titles_and_retirements(
    loaded: HistoricalArchive,
) -> None:
    from f1core.domain.archive_stat import StatSpec

    # 25 + 18 + 0 + 25 in races and 3 for the sprint
    spec = StatSpec(metric="points", driver="max_verstappen", year_from=2021, year_to=2021)
    assert (await loaded.stat(spec)).value == 71.0
    # 2021 is still running: no title yet; 1957 and 2001 are complete
    titles = await loaded.stat(StatSpec(metric="titles", aggregation="count_distinct"))
    assert (titles.value, [r.name for r in titles.answer]) == (
        2.0,
        ["Juan Fangio", "Michael Schumacher"],
    )
    assert (await loaded.stat(StatSpec(metric="dnfs", driver="max_verstappen"))).value == 1.0
    team = StatSpec(metric="starts", subject="team", team="red_bull", year_from=2021)
    assert (await loaded.stat(team)).value == 4.0


async def test_stat_first_win_and_youngest_winner(loaded: HistoricalArchive) -> None:
    from f1core.domain.archive_stat import StatSpec

    first = await loaded.stat(StatSpec(metric="wins", driver="hamilton", aggregation="first"))
    # round 2 (Styrian) ran a week before round 1 (Austrian): dates decide, not rounds
    assert [(r.name, r.race, r.year) for r in first.answer] == [
        ("Lewis Hamilton", "Styrian Grand Prix", 2021)
    ]
    young = await loaded.stat(StatSpec(metric="wins", aggregation="youngest"))
    top = young.answer[0]
    assert (top.name, top.race, top.age) == (
        "Max Verstappen",
        "Austrian Grand Prix",
        "23 years 277 days",
    )


# --- a historic race ---------------------------------------------------------------------------


async def test_historic_race_from_the_official_results(loaded: HistoricalArchive) -> None:
    race = await loaded.historic_race(2021, "Abu Dhabi")
    assert [c.driver for c in race.podium] == ["Max Verstappen", "Lewis Hamilton", "Sergio Pérez"]
    assert (race.winner_time, race.margin) == ("1:30:17.345", "+2.256")
    assert race.pole is not None and race.pole_source == "qualifying"
    assert (race.pole.driver, race.pole.detail) == ("Max Verstappen", "1:22.109")
    assert race.fastest_lap is not None
    assert (race.fastest_lap.driver, race.fastest_lap.detail, race.fastest_lap_number) == (
        "Max Verstappen",
        "1:26.103",
        39,
    )
    # 1957 has no qualifying table: pole is whoever started first, and no fastest lap
    old = await loaded.historic_race(1957, "Italian")
    assert old.pole is not None
    assert (old.pole.driver, old.pole_source) == ("Duncan Hamilton", "grid")
    assert old.fastest_lap is None
    assert old.margin == "+1 Lap"  # the runner-up was lapped: the status says so


# --- team-mates ------------------------------------------------------------------------------


async def test_teammates_count_only_rounds_both_drove_for_the_team(
    loaded: HistoricalArchive,
) -> None:
    battle = await loaded.teammates(2021, team="mercedes")
    (p,) = battle.pairs
    # Hamilton is listed first: the pair is in id order, and his id is lower
    assert (p.driver_a, p.driver_b, p.rounds, p.races) == (
        "Lewis Hamilton",
        "Valtteri Bottas",
        4,
        4,
    )
    assert (p.race_ahead_a, p.race_ahead_b) == (3, 1)
    assert (p.both_classified, p.classified_ahead_a, p.classified_ahead_b) == (3, 2, 1)
    assert (p.quali_source, p.quali_ahead_a, p.quali_ahead_b) == ("qualifying", 3, 1)
    assert (p.points_a, p.points_b) == (83.0, 51.0)
    named = await loaded.teammates(2021, drivers=("bottas",))
    assert (named.pairs[0].driver_a, named.pairs[0].race_ahead_a) == ("Valtteri Bottas", 1)
    with pytest.raises(SessionNotFoundError, match="no rounds as team-mates"):
        await loaded.teammates(2021, drivers=("hamilton", "max_verstappen"))


async def test_qualifying_result_keeps_q1_to_q3(loaded: HistoricalArchive) -> None:
    q = await loaded.qualifying_result(2021, "British")
    assert [(x.position, x.driver, x.q3) for x in q.lines[:2]] == [
        (1, "Lewis Hamilton", "1:26.134"),
        (2, "Max Verstappen", "1:26.209"),
    ]
    # the quickest official lap was Hamilton's Q2 time, not his pole lap
    assert q.fastest() == (q.lines[0], "1:25.500", "Q2")
    with pytest.raises(SessionNotFoundError, match="no qualifying results"):
        await loaded.qualifying_result(1957, "Italian")


async def test_sprint_result_is_the_sprint_not_the_race(loaded: HistoricalArchive) -> None:
    sprint = await loaded.sprint_result(2021, "British")
    assert [(e.driver, e.points) for e in sprint.entries] == [
        ("Max Verstappen", 3.0),
        ("Lewis Hamilton", 2.0),
        ("Valtteri Bottas", 1.0),
        ("Sergio Pérez", 0.0),
    ]
    with pytest.raises(SessionNotFoundError, match="no sprint results"):
        await loaded.sprint_result(2021, "Abu Dhabi")


_CATALOG = text(
    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE connamespace = current_schema()::regnamespace "
    "UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes "
    "WHERE schemaname = current_schema()"
)


async def test_postgres_import_puts_back_every_constraint_and_index(tmp_path: Path) -> None:
    # The PostgreSQL import drops foreign keys and secondary indexes while it copies.
    engine = await make_archive_engine("postgresql", tmp_path, "archive_contract_catalog")
    try:
        async with engine.connect() as conn:
            before = sorted((await conn.execute(_CATALOG)).all())
        assert any(name.startswith("ix_archive_results") for _, name, _ in before)
        assert any("FOREIGN KEY" in definition for _, _, definition in before)
        await SqlArchiveImporter(engine).import_dump(MINI)
        await SqlArchiveImporter(engine).import_dump(MINI)
        async with engine.connect() as conn:
            assert sorted((await conn.execute(_CATALOG)).all()) == before
    finally:
        await engine.dispose()
