"""``f1 archive update`` against the real recorded Jolpica answers, on SQLite and PostgreSQL.

The recorded answers (../shared/data/fastf1-http-cache) are served from a loopback HTTP
server; the archive is a copy of the real Ergast dump without 2024 from round 2 on and
without what was run in 2025 (its calendar stays, as in Ergast's dumps), so the update
must bring back the rounds the recording holds: 2024 rounds 2 and 12 (race), 10
(qualifying); 2025 rounds 1, 4, 12, 16 (race) and 6 (sprint). What it writes must be the
dump's rows, value for value, except where Jolpica today says something else than the
dump did (``JOLPICA_DIFFERS``, checked too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.archive_dumps import ArchiveView, trim_dump
from tests.integration.test_archive_contract import make_archive_engine
from tests.integration.test_archive_full import ergast_dir
from tests.jolpica_replay import RecordedJolpica, serve_recorded

from adapters.jolpica import JolpicaArchiveFeed, PoliteJsonClient
from adapters.sql.archive_importer import SqlArchiveImporter
from adapters.sql.archive_queries import SqlHistoricalArchive
from adapters.sql.archive_updater import SqlArchiveUpdateWriter
from f1core.domain.archive_feed import ArchiveFeedError
from f1core.usecases.archive.update_archive import UpdateArchive

pytestmark = pytest.mark.asyncio(loop_scope="session")

RECORDED_AT = dt.datetime(2026, 8, 20, 12, tzinfo=dt.UTC)  # when the answers were recorded
ROUNDS = {
    "results": [(2024, 2), (2024, 12), (2025, 1), (2025, 4), (2025, 12), (2025, 16)],
    "qualifying": [(2024, 10)],
    "sprint_results": [(2025, 6)],
}
# (table, year, round, driver) -> {column: (the dump's value, Jolpica's value)}
_RETIRED = "Retired"
JOLPICA_DIFFERS: dict[tuple[str, int, int, str], dict[str, tuple[Any, Any]]] = {
    # Jolpica now names no cause for a retirement ("Retired", "Did not start")
    ("results", 2024, 2, "gasly"): {"rank": (0, None), "status_id": ("Gearbox", _RETIRED)},
    ("results", 2024, 2, "stroll"): {"status_id": ("Accident", _RETIRED)},
    # ... has corrected 2024 Saudi Arabia's fastest laps and dropped their speeds
    ("results", 2024, 2, "norris"): {"fastest_lap": (1, 40), "fastest_lap_speed": (241.738, None)},
    ("results", 2024, 2, "piastri"): {
        "fastest_lap": (1, 45),
        "fastest_lap_speed": (240.779, None),
    },
    ("results", 2024, 2, "sargeant"): {
        "fastest_lap": (44, 49),
        "rank": (18, 15),
        "fastest_lap_time": ("1:33.523", "1:33.026"),
        "fastest_lap_speed": (237.657, None),
    },
    ("results", 2024, 2, "tsunoda"): {
        "fastest_lap": (49, 44),
        "rank": (15, 18),
        "fastest_lap_time": ("1:33.026", "1:33.523"),
        "fastest_lap_speed": (238.926, None),
    },
    ("results", 2024, 12, "gasly"): {"rank": (0, None), "status_id": ("Gearbox", "Did not start")},
    # ... gives the pit-lane starter his slot on the grid, where Ergast wrote 0
    ("results", 2024, 12, "perez"): {"grid": (0, 20)},
    ("results", 2024, 12, "russell"): {"status_id": ("Water pressure", _RETIRED)},
    # the dump's 2025 rows keep a position for the unclassified (positionText R);
    # Ergast's older rows, and ours, have none
    **{
        ("results", 2025, 1, ref): {"position": (pos, None), "status_id": ("Accident", _RETIRED)}
        for ref, pos in (
            ("alonso", 17),
            ("bortoleto", 16),
            ("doohan", 19),
            ("hadjar", 20),
            ("lawson", 15),
            ("sainz", 18),
        )
    },
    ("results", 2025, 4, "hulkenberg"): {"position": (20, None)},
    ("results", 2025, 4, "sainz"): {
        "position": (19, None),
        "status_id": ("Collision damage", _RETIRED),
    },
    ("sprint_results", 2025, 6, "alonso"): {"position": (18, None)},
    ("sprint_results", 2025, 6, "leclerc"): {"position": (20, None)},
    ("sprint_results", 2025, 6, "sainz"): {"position": (19, None)},
    ("results", 2025, 12, "antonelli"): {
        "position": (16, None),
        "status_id": ("Collision damage", _RETIRED),
    },
    ("results", 2025, 12, "bortoleto"): {
        "position": (18, None),
        "status_id": ("Accident", _RETIRED),
    },
    ("results", 2025, 12, "colapinto"): {
        "position": (20, None),
        "status_id": ("Gearbox", "Did not start"),
    },
    ("results", 2025, 12, "hadjar"): {"position": (17, None), "status_id": ("Collision", _RETIRED)},
    ("results", 2025, 12, "lawson"): {"position": (19, None), "status_id": ("Collision", _RETIRED)},
    ("results", 2025, 16, "alonso"): {
        "position": (19, None),
        "status_id": ("Suspension", _RETIRED),
    },
    ("results", 2025, 16, "hulkenberg"): {
        "position": (20, None),
        "status_id": ("Gearbox", "Did not start"),
    },
}
NEW_DRIVERS = ("bearman", "colapinto", "doohan", "antonelli", "bortoleto", "hadjar")
# Jolpica gives today's permanent numbers and its own spelling
DRIVER_DIFFERS = {
    "bearman": {"number": (38, 87)},
    "doohan": {"number": (61, 7)},
    "colapinto": {"nationality": ("Argentinian ", "Argentine")},
}
# the 2024 Qatar race started at 16:00 UTC; the dump says 17:00
RACE_DIFFERS = {(2024, 23): {"time": ("17:00:00", "16:00:00")}}


@pytest.fixture(scope="module")
def trimmed_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("trimmed") / "dump"
    trim_dump(
        ergast_dir(),
        target,
        drop_race=lambda year, round_: year == 2024 and round_ >= 2,
        drop_rows=lambda year, round_: year == 2025,
    )
    return target


@pytest.fixture(scope="module")
def dump_view() -> ArchiveView:
    return ArchiveView.of_dump(ergast_dir())


@pytest.fixture
def jolpica(replay_dir: Path) -> Iterator[RecordedJolpica]:
    yield from serve_recorded(replay_dir)


@pytest_asyncio.fixture(loop_scope="session", params=["sqlite", "postgresql"])
async def engine(
    request: pytest.FixtureRequest, tmp_path: Path, trimmed_dump: Path
) -> AsyncIterator[AsyncEngine]:
    engine = await make_archive_engine(request.param, tmp_path, "archive_update")
    await SqlArchiveImporter(engine).import_dump(trimmed_dump)
    yield engine
    await engine.dispose()


def update_archive(engine: AsyncEngine, server: RecordedJolpica, **client: Any) -> UpdateArchive:
    feed = JolpicaArchiveFeed(PoliteJsonClient(server.url, min_interval_s=0, backoff_s=0, **client))
    return UpdateArchive(
        feed, SqlArchiveUpdateWriter(engine), source=server.url, clock=lambda: RECORDED_AT
    )


def differences(expected: dict[str, Any], written: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (v, written.get(k)) for k, v in expected.items() if written.get(k) != v}


async def test_update_writes_the_dumps_rows_for_the_recorded_rounds(
    engine: AsyncEngine, jolpica: RecordedJolpica, dump_view: ArchiveView
) -> None:
    done = await update_archive(engine, jolpica).execute()

    assert done.changed
    assert done.rounds == (
        "2024/2",
        "2024/10",
        "2024/12",
        "2025/1",
        "2025/4",
        "2025/6",
        "2025/12",
        "2025/16",
    )
    assert done.row_counts["archive_results"] == 6 * 20
    assert done.row_counts["archive_drivers"] == len(NEW_DRIVERS)
    written = await ArchiveView.of_database(engine)
    for table, rounds in ROUNDS.items():
        for year, round_ in rounds:
            expected = dump_view.rows(table, year, round_)
            got = written.rows(table, year, round_)
            assert len(got) == len(expected) == 20, (table, year, round_)
            for want, row in zip(expected, got, strict=True):
                assert row["driver_id"] == want["driver_id"]
                diff = differences(want, row)
                assert diff == JOLPICA_DIFFERS.get((table, year, round_, want["driver_id"]), {}), (
                    table,
                    year,
                    round_,
                    want["driver_id"],
                )
    # the 2024 calendar came from the feed: every race as the dump has it
    for round_ in range(2, 25):
        want, got = dump_view.race(2024, round_), written.race(2024, round_)
        assert want is not None and got is not None
        assert differences(want, got) == RACE_DIFFERS.get((2024, round_), {}), round_
    for ref in NEW_DRIVERS:
        want, got = dump_view.entity("drivers", ref), written.entity("drivers", ref)
        assert want is not None and got is not None
        assert differences(want, got) == DRIVER_DIFFERS.get(ref, {}), ref

    # the archive answers from the new rows (its name index rebuilt for the new version)
    archive = SqlHistoricalArchive(engine)
    british = await archive.race_result(2024, "British")
    assert (british.winner.code, british.winner.driver) == ("HAM", "Lewis Hamilton")
    monza = await archive.race_result(2025, "Monza")
    assert [e.code for e in monza.podium] == ["VER", "NOR", "PIA"]
    assert (await archive.data_version()) is not None


async def test_a_second_run_changes_nothing(engine: AsyncEngine, jolpica: RecordedJolpica) -> None:
    await update_archive(engine, jolpica).execute()
    before = await ArchiveView.of_database(engine)
    version = await SqlHistoricalArchive(engine).data_version()

    again = await update_archive(engine, jolpica, page_size=7).execute()

    assert not again.changed
    assert (again.rounds, again.row_counts) == ((), {})
    after = await ArchiveView.of_database(engine)
    assert after.tables == before.tables
    assert await SqlHistoricalArchive(engine).data_version() == version


async def test_paging_reads_every_page(engine: AsyncEngine, jolpica: RecordedJolpica) -> None:
    # 7 rows a page: a round's 20 results take three requests
    done = await update_archive(engine, jolpica, page_size=7).execute()
    assert done.row_counts["archive_results"] == 120
    assert "/ergast/f1/2024/12/results.json?limit=7&offset=14" in jolpica.requests
    written = await ArchiveView.of_database(engine)
    assert [r["driver_id"] for r in written.rows("results", 2024, 12) if r["position"] == 1] == [
        "hamilton"
    ]


@pytest.mark.parametrize("answered", [0, 250])
async def test_a_server_dying_midway_leaves_the_archive_as_it_was(
    engine: AsyncEngine, jolpica: RecordedJolpica, answered: int
) -> None:
    before = await ArchiveView.of_database(engine)
    version = await SqlHistoricalArchive(engine).data_version()
    jolpica.die_after(answered)

    with pytest.raises(ArchiveFeedError, match="cannot read the results feed"):
        await update_archive(engine, jolpica, attempts=2).execute()

    after = await ArchiveView.of_database(engine)
    assert after.tables == before.tables
    assert await SqlHistoricalArchive(engine).data_version() == version


async def test_season_resync_restores_corrected_results(
    engine: AsyncEngine, jolpica: RecordedJolpica, dump_view: ArchiveView
) -> None:
    await update_archive(engine, jolpica).execute()
    # someone (or a wrong first publication) swapped the 2024 British winner
    writer = SqlArchiveUpdateWriter(engine)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE archive_results SET points = 0 WHERE race_id = "
                "(SELECT id FROM archive_races WHERE year = 2024 AND round = 12) AND position = 1"
            )
        )
    assert await writer.last_round() == (2025, 16)
    nothing = await update_archive(engine, jolpica).execute()
    assert not nothing.changed  # the incremental run does not look back

    done = await update_archive(engine, jolpica).execute(season=2024)

    assert done.rounds == ("2024/12",)
    assert done.row_counts == {"archive_results": 20}
    written = await ArchiveView.of_database(engine)
    winner = next(r for r in written.rows("results", 2024, 12) if r["position"] == 1)
    assert (winner["driver_id"], winner["points"]) == ("hamilton", 25.0)


async def test_trimmed_copy_lacks_the_rounds(trimmed_dump: Path) -> None:
    view = ArchiveView.of_dump(trimmed_dump)
    assert view.race(2024, 2) is None
    assert view.race(2025, 16) is not None
    assert view.rows("results", 2025, 1) == []
    assert view.entity("drivers", "bearman") is None
