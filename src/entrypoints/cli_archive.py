"""``f1 archive``: import an Ergast CSV dump and ask the archive's quick questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import msgspec

from entrypoints.cli_support import CliApp, pass_app
from f1core.domain.archive import ArchiveImport, RaceResult, SeasonChampions, Standings
from f1core.domain.archive_feed import ArchiveUpdate
from f1core.ports.archive import ArchiveImporter, HistoricalArchive
from f1core.usecases.archive.update_archive import UpdateArchive


@click.group()
def archive() -> None:
    """The historical archive (Ergast-format results, 1950 on)."""


@archive.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@pass_app
def import_(app: CliApp, directory: Path) -> None:
    """Replace the archive with the Ergast CSV dump in DIRECTORY (all or nothing)."""

    async def work() -> ArchiveImport:
        importer: ArchiveImporter = await _resolve(_wiring(app).importer())
        return await importer.import_dump(directory)

    record = app.run(work)
    total = sum(record.row_counts.values())
    app.emit(
        msgspec.to_builtins(record),
        f"imported {total} rows from {record.source_dir} in {record.duration_s:.2f} s "
        f"(checksum {record.checksum[:12]})",
    )


@archive.command()
@click.option(
    "--season",
    type=click.IntRange(1950, 2100),
    default=None,
    help="Fetch every round of this season again (results get corrected after races).",
)
@pass_app
def update(app: CliApp, season: int | None) -> None:
    """Fetch what is missing since the last imported round from the Jolpica API.

    Everything is fetched first and then written in one transaction: an interrupted run
    leaves the archive as it was, and a second run changes nothing.
    """

    async def work() -> ArchiveUpdate:
        use_case: UpdateArchive = await _resolve(_wiring(app).update_archive())
        return await use_case.execute(season=season)

    done = app.run(work)
    if not done.changed:
        text = "the archive is up to date: nothing changed"
    else:
        total = sum(done.row_counts.values())
        text = f"wrote {total} rows for {len(done.rounds)} round(s) ({', '.join(done.rounds)})"
    app.emit(msgspec.to_builtins(done), text)


@archive.command()
@click.argument("year", type=int)
@click.argument("event")
@click.option("--top", default=3, show_default=True, help="How many finishers to show.")
@pass_app
def winner(app: CliApp, year: int, event: str, top: int) -> None:
    """Winner and podium of the YEAR race EVENT (name, place, circuit or round)."""

    async def work() -> RaceResult:
        return await (await _archive(app)).race_result(year, event, top=top)

    result = app.run(work)
    app.emit(msgspec.to_builtins(result), result.table())


@archive.command()
@click.argument("year", type=int)
@click.option("--after-round", type=int, default=None, help="Standings after this round.")
@click.option("--constructors", is_flag=True, help="The constructors' championship.")
@pass_app
def standings(app: CliApp, year: int, after_round: int | None, constructors: bool) -> None:
    """Championship standings of YEAR (final, or after a round)."""

    async def work() -> Standings:
        return await (await _archive(app)).standings(
            year, after_round=after_round, constructors=constructors
        )

    table = app.run(work)
    app.emit(msgspec.to_builtins(table), table.table())


@archive.command()
@click.argument("year", type=int)
@pass_app
def champions(app: CliApp, year: int) -> None:
    """Champion and runner-up of YEAR, drivers and constructors."""

    async def work() -> SeasonChampions:
        return await (await _archive(app)).champions(year)

    result = app.run(work)
    app.emit(msgspec.to_builtins(result), result.table())


async def _archive(app: CliApp) -> HistoricalArchive:
    found: HistoricalArchive = await _resolve(_wiring(app).historical_archive())
    return found


def _wiring(app: CliApp) -> Any:
    # the root container's ``archive`` sub-container (ArchiveContainer)
    return app.container.archive


async def _resolve(provided: Any) -> Any:
    # providers built on the async engine Resource hand back awaitables
    if hasattr(provided, "__await__"):
        return await provided
    return provided
