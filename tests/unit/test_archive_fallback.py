"""A race whose FastF1 timing is not recorded is answered from the archive, saying so."""

from __future__ import annotations

import pytest
from tests.ergast_mini import mini_dump_dir
from tests.fakes import (
    FakeSessionSource,
    InMemoryHistoricalArchive,
    InMemorySnapshotStore,
    make_event,
)

from f1core.domain.session import SessionKind
from f1core.errors import DataUnavailableError
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.sectors import SectorsQuery
from f1core.usecases.ask import AnswerQuery
from f1core.usecases.load_session import SessionLoader

pytestmark = pytest.mark.asyncio

ABU_DHABI = make_event(2021, 4, "Abu Dhabi Grand Prix", "UAE", "Yas Marina")
MONZA_57 = make_event(1957, 1, "Italian Grand Prix", "Italy", "Monza")
R = SessionKind.RACE


async def _answer_query() -> AnswerQuery:
    # the calendar knows the race, but no session of it is recorded
    source = FakeSessionSource({2021: (ABU_DHABI,), 1957: (MONZA_57,)})
    archive = InMemoryHistoricalArchive()
    await archive.import_dump(mini_dump_dir())
    return AnswerQuery(SessionLoader(source, InMemorySnapshotStore()), archive)


async def test_race_classification_comes_from_the_archive() -> None:
    aq = await _answer_query()
    answer = await aq.execute(ClassificationQuery(year=2021, event="Abu Dhabi", session=R))
    assert answer.text.startswith(
        "FastF1 timing of the 2021 Abu Dhabi Grand Prix Race is not recorded; this comes "
        "from the archive's results. Max Verstappen (VER, Red Bull) won the 2021 Abu Dhabi"
    )
    assert answer.source.startswith("Ergast archive")
    # the mini dump's four cars, in the official order, Bottas retired last
    assert [row[1] for row in answer.table.rows] == [
        "Max Verstappen",
        "Lewis Hamilton",
        "Sergio Pérez",
        "Valtteri Bottas",
    ]


async def test_race_fastest_lap_comes_from_the_archive() -> None:
    aq = await _answer_query()
    answer = await aq.execute(FastestLapQuery(year=2021, event="Abu Dhabi", session=R))
    assert "Fastest lap: Max Verstappen (VER), 1:26.103 on lap 39." in answer.text


async def test_what_the_archive_does_not_hold_stays_not_recorded() -> None:
    aq = await _answer_query()
    with pytest.raises(DataUnavailableError):
        await aq.execute(SectorsQuery(year=2021, event="Abu Dhabi", session=R))
    with pytest.raises(DataUnavailableError):  # the mini dump holds no pit stops
        await aq.execute(PitStopsQuery(year=2021, event="Abu Dhabi", session=R))
    with pytest.raises(DataUnavailableError):  # one driver's fastest lap: lap timing only
        await aq.execute(FastestLapQuery(year=2021, event="Abu Dhabi", session=R, drivers=("HAM",)))


async def test_qualifying_order_and_pole_come_from_the_archive() -> None:
    aq = await _answer_query()
    q = SessionKind.QUALIFYING
    answer = await aq.execute(FastestLapQuery(year=2021, event="Abu Dhabi", session=q))
    assert answer.text.endswith(
        "Max Verstappen (VER, Red Bull) took pole for the 2021 Abu Dhabi Grand Prix with 1:22.109."
    )
    assert answer.table.rows[1] == (
        2,
        "Lewis Hamilton",
        "Mercedes",
        "1:23.100",
        "1:22.600",
        "1:22.480",
    )


async def test_when_the_archive_lacks_it_too_the_missing_timing_is_the_error() -> None:
    aq = await _answer_query()
    q = SessionKind.QUALIFYING
    with pytest.raises(DataUnavailableError, match="timing data for the 1957"):
        await aq.execute(FastestLapQuery(year=1957, event="Monza", session=q))


async def test_sprint_classification_comes_from_the_archive() -> None:
    source = FakeSessionSource(
        {
            2021: (
                make_event(
                    2021,
                    3,
                    "British Grand Prix",
                    "UK",
                    "Silverstone",
                    sessions=(SessionKind.FP1, SessionKind.QUALIFYING, SessionKind.SPRINT, R),
                ),
            )
        }
    )
    archive = InMemoryHistoricalArchive()
    await archive.import_dump(mini_dump_dir())
    aq = AnswerQuery(SessionLoader(source, InMemorySnapshotStore()), archive)
    s = SessionKind.SPRINT
    answer = await aq.execute(ClassificationQuery(year=2021, event="British", session=s))
    assert "Max Verstappen (VER, Red Bull) won the 2021 British Grand Prix sprint" in answer.text
