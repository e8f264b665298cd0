"""Every archive query of the question bank resolves in the real Ergast archive.

The interpreter hands names on as strings ("Monza", "Spanish Grand Prix", "Lewis
Hamilton", "senna"); this checks that the archive's own name resolution accepts each one,
on the recorded Ergast dump, through the in-memory archive (same resolver as SQL).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tests.fakes import InMemoryHistoricalArchive
from tests.unit.question_bank import QUERY_BANK

from f1core.errors import AmbiguousReferenceError
from f1core.kinds import archive_stat
from f1core.kinds.archive_career_stat import CareerStatQuery
from f1core.kinds.archive_champion import ChampionQuery
from f1core.kinds.archive_head_to_head import SeasonHeadToHeadQuery
from f1core.kinds.archive_historic_race import HistoricRaceQuery
from f1core.kinds.archive_most_wins import MostWinsQuery
from f1core.kinds.archive_podium import PodiumQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.archive_standings import ChampionshipStandingsQuery
from f1core.kinds.archive_stat import ArchiveStatQuery
from f1core.kinds.archive_teammate_head_to_head import TeammateHeadToHeadQuery
from f1core.kinds.archive_wins_at_circuit import WinsAtCircuitQuery
from f1core.query import (
    Query,
)

DUMP = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ergast-csv"

# A surname several champions share, or a country that held several races that season, is
# passed on as said: the archive must ask which (question -> a candidate it must name).
AMBIGUOUS_ON_PURPOSE = {
    "how many wins did schumacher have": "Michael Schumacher",
    "how many times did schumacher win at suzuka": "Michael Schumacher",
    "how many world titles does schumacher have": "Michael Schumacher",
    "who took the win in bahrain in 2020": "Sakhir Grand Prix",
    "usa 2023 race winner": "Las Vegas Grand Prix",
}


@pytest.fixture(scope="module")
def archive() -> InMemoryHistoricalArchive:
    # imported once per module: the in-memory archive holds no event-loop state
    archive = InMemoryHistoricalArchive()
    asyncio.run(archive.import_dump(DUMP))
    return archive


async def _run(archive: InMemoryHistoricalArchive, query: Query) -> object:
    match query:
        case RaceWinnerQuery(year=year, event=event):
            return await archive.race_result(year, event, top=1)
        case PodiumQuery(year=year, event=event):
            return await archive.race_result(year, event, top=3)
        case ChampionshipStandingsQuery():
            return await archive.standings(
                query.year,
                after_round=query.after_round,
                constructors=query.championship == "constructors",
            )
        case ChampionQuery(year=year):
            return await archive.champions(year)
        case CareerStatQuery():
            return await archive.tally(query.subject, kind=query.subject_kind, year=query.year)
        case MostWinsQuery():
            return await archive.most_wins(kind=query.subject_kind, year=query.year)
        case WinsAtCircuitQuery():
            return await archive.wins_at_circuit(query.circuit, driver=query.driver)
        case SeasonHeadToHeadQuery():
            return await archive.head_to_head(query.year, query.driver_a, query.driver_b)
        case HistoricRaceQuery(year=year, event=event):
            return await archive.historic_race(year, event)
        case TeammateHeadToHeadQuery(year=year, team=team):
            drivers = tuple(d for d in (query.driver_a, query.driver_b) if d)
            return await archive.teammates(year, team=team, drivers=drivers)
        case ArchiveStatQuery():
            return await archive_stat.KIND.compute(archive, query)
    raise AssertionError(f"not an archive query: {query!r}")


ARCHIVE_CASES = [
    (q, expected)
    for q, expected in QUERY_BANK
    if not hasattr(expected, "session") and q not in AMBIGUOUS_ON_PURPOSE
]


async def test_bank_archive_names_resolve(archive: InMemoryHistoricalArchive) -> None:
    failures = []
    for question, query in ARCHIVE_CASES:
        try:
            await _run(archive, query)
        except Exception as exc:
            failures.append(f"{question!r} -> {query!r}: {exc}")
    assert len(ARCHIVE_CASES) > 60
    assert not failures, "\n".join(failures)


async def test_shared_names_make_the_archive_ask(archive: InMemoryHistoricalArchive) -> None:
    bank = dict(QUERY_BANK)
    for question, candidate in AMBIGUOUS_ON_PURPOSE.items():
        with pytest.raises(AmbiguousReferenceError, match=candidate):
            await _run(archive, bank[question])


async def test_who_won_2018_baku_is_hamilton(archive: InMemoryHistoricalArchive) -> None:
    from adapters.rules import RuleBasedQueryInterpreter

    query = RuleBasedQueryInterpreter(current_year=2026).interpret_now(
        "who won the 2018 azerbaijan grand prix"
    )
    assert isinstance(query, RaceWinnerQuery)
    result = await archive.race_result(query.year, query.event, top=1)
    assert result.entries[0].code == "HAM"
