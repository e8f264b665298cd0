"""``archive-stat`` on the real Ergast dump: SQLite and PostgreSQL, and the in-memory fake.

Every expected value is computed here with pandas straight from the CSVs, not from the
code under test; and for every spec the SQL adapters and the fake must give the very same
answer (the contract: they share only the finishing rules, not the counting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pandas as pd
import pytest
import pytest_asyncio
from tests.fakes import InMemoryHistoricalArchive
from tests.integration.test_archive_full import archive, ergast_dir

from adapters.sql.archive_queries import SqlHistoricalArchive
from f1core.domain.archive_stat import StatSpec
from f1core.errors import SessionNotFoundError, UnprocessableRequestError

pytestmark = pytest.mark.asyncio(loop_scope="session")

__all__ = ["archive"]  # the session fixture: the full dump on SQLite and PostgreSQL


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(ergast_dir() / name, na_values="\\N", keep_default_na=False)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def fake() -> AsyncIterator[InMemoryHistoricalArchive]:
    archive = InMemoryHistoricalArchive()
    await archive.import_dump(ergast_dir())
    yield archive


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    races = _csv("races.csv")
    results = _csv("results.csv").merge(races[["raceId", "year", "name", "date", "circuitId"]])
    drivers = _csv("drivers.csv")
    results = results.merge(drivers[["driverId", "driverRef", "dob", "nationality"]])
    return {"races": races, "results": results, "drivers": drivers}


def _final_standings(table: str, key: str) -> pd.DataFrame:
    races = _csv("races.csv")
    s = _csv(table).merge(races[["raceId", "year", "round"]])
    last = s.groupby("year")["round"].transform("max")
    s = s[s["round"] == last]
    season_len = races.groupby("year")["round"].max()
    complete = s["year"].map(season_len) == s["round"]
    return s.assign(complete=complete)[[key, "year", "position", "points", "complete"]]


def _id(frame: pd.DataFrame, col: str, ref: str, value: str) -> int:
    return int(frame.loc[frame[ref] == value, col].iloc[0])


async def _both(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, spec: StatSpec
) -> Any:
    sql = await archive.stat(spec)
    assert sql == await fake.stat(spec), "the fake and the SQL adapter disagree"
    return sql


async def test_schumacher_has_seven_titles_and_ferrari_most_constructors_titles(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive
) -> None:
    ds = _final_standings("driver_standings.csv", "driverId")
    drivers = _csv("drivers.csv")
    msc = _id(drivers, "driverId", "driverRef", "michael_schumacher")
    expected = int(((ds.driverId == msc) & (ds.position == 1) & ds.complete).sum())
    assert expected == 7
    got = await _both(archive, fake, StatSpec(metric="titles", driver="michael_schumacher"))
    assert got.value == expected

    cs = _final_standings("constructor_standings.csv", "constructorId")
    titles = cs[(cs.position == 1) & cs.complete].groupby("constructorId").size()
    teams = _csv("constructors.csv").set_index("constructorId")["name"]
    best = teams[titles.idxmax()]
    got = await _both(archive, fake, StatSpec(metric="titles", subject="team", aggregation="most"))
    assert [(r.name, r.value) for r in got.answer] == [(best, float(titles.max()))]
    assert best == "Ferrari"


async def test_senna_poles_at_mclaren_and_hamilton_wins_from_pole(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    teams = _csv("constructors.csv")
    mclaren = _id(teams, "constructorId", "constructorRef", "mclaren")
    senna = r[(r.driverRef == "senna") & (r.constructorId == mclaren) & (r.grid == 1)]
    got = await _both(archive, fake, StatSpec(metric="poles", driver="senna", team="mclaren"))
    assert got.value == senna.raceId.nunique()
    ham = r[(r.driverRef == "hamilton") & (r.grid == 1) & (r.position == 1)]
    got = await _both(archive, fake, StatSpec(metric="wins", driver="hamilton", grid=1))
    assert got.value == ham.raceId.nunique()


async def test_most_poles_in_2023_and_ferrari_wins_and_podiums_in_2004(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    poles = r[(r.year == 2023) & (r.grid == 1)].groupby("driverRef").raceId.nunique()
    got = await _both(
        archive,
        fake,
        StatSpec(metric="poles", aggregation="most", year_from=2023, year_to=2023),
    )
    assert [(x.ref, x.value) for x in got.answer] == [(poles.idxmax(), float(poles.max()))]
    ferrari = _id(_csv("constructors.csv"), "constructorId", "constructorRef", "ferrari")
    f04 = r[(r.year == 2004) & (r.constructorId == ferrari)]
    spec = StatSpec(metric="wins", subject="team", team="ferrari", year_from=2004, year_to=2004)
    assert (await _both(archive, fake, spec)).value == (f04.position == 1).sum() == 15
    spec = StatSpec(metric="podiums", subject="team", team="ferrari", year_from=2004, year_to=2004)
    assert (await _both(archive, fake, spec)).value == (f04.position <= 3).sum()


async def test_first_and_last_wins(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    for ref, agg, pick in (("alonso", "first", "min"), ("button", "last", "max")):
        wins = r[(r.driverRef == ref) & (r.position == 1)]
        row = wins.loc[getattr(wins.date, f"idx{pick}")()]
        got = await _both(archive, fake, StatSpec(metric="wins", driver=ref, aggregation=agg))
        assert [(x.year, x.race) for x in got.answer] == [(int(row.year), row["name"])]


async def test_youngest_and_oldest_winner(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    wins = r[r.position == 1].copy()
    wins["age"] = pd.to_datetime(wins.date) - pd.to_datetime(wins.dob)
    young = wins.loc[wins.age.idxmin()]
    got = await _both(archive, fake, StatSpec(metric="wins", aggregation="youngest"))
    assert [(x.ref, x.year, x.race) for x in got.answer] == [
        (young.driverRef, int(young.year), young["name"])
    ]
    assert got.answer[0].age_days == young.age.days
    old = wins.loc[wins.age.idxmax()]
    got = await _both(archive, fake, StatSpec(metric="wins", aggregation="oldest"))
    assert got.answer[0].ref == old.driverRef
    assert got.answer[0].age_days == old.age.days


async def test_fourth_in_the_1998_championship_and_second_constructor_2008(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive
) -> None:
    ds = _final_standings("driver_standings.csv", "driverId")
    drivers = _csv("drivers.csv").set_index("driverId")
    fourth = ds[(ds.year == 1998) & (ds.position == 4)]
    names = [f"{drivers.forename[i]} {drivers.surname[i]}" for i in fourth.driverId]
    spec = StatSpec(
        metric="championship_position",
        aggregation="list",
        position=4,
        year_from=1998,
        year_to=1998,
    )
    got = await _both(archive, fake, spec)
    assert [x.name for x in got.rows] == names == ["Eddie Irvine"]
    cs = _final_standings("constructor_standings.csv", "constructorId")
    second = cs[(cs.year == 2008) & (cs.position == 2)].constructorId
    teams = _csv("constructors.csv").set_index("constructorId")["name"]
    spec = StatSpec(
        metric="championship_position",
        subject="team",
        aggregation="list",
        position=2,
        year_from=2008,
        year_to=2008,
    )
    got = await _both(archive, fake, spec)
    assert [x.name for x in got.rows] == [teams[i] for i in second]


async def test_first_grand_prix_at_suzuka(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive
) -> None:
    races = _csv("races.csv")
    circuits = _csv("circuits.csv")
    suzuka = _id(circuits, "circuitId", "circuitRef", "suzuka")
    first = races[races.circuitId == suzuka].sort_values("date").iloc[0]
    got = await _both(
        archive, fake, StatSpec(metric="races", circuit="suzuka", aggregation="first")
    )
    assert [(x.year, x.race, x.date) for x in got.answer] == [
        (int(first.year), first["name"], dt.date.fromisoformat(first.date))
    ]


async def test_distinct_winners_and_ties_are_reported_as_ties(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    w12 = r[(r.year == 2012) & (r.position == 1)].groupby("driverRef").raceId.nunique()
    spec = StatSpec(metric="wins", aggregation="count_distinct", year_from=2012, year_to=2012)
    got = await _both(archive, fake, spec)
    assert got.value == len(w12) == 8
    # third most wins in 2012: a tie (Alonso and Button on 3)
    third_value = sorted(w12.values, reverse=True)[2]
    tied = sorted(w12[w12 == third_value].index)
    spec = StatSpec(metric="wins", aggregation="most", rank=3, year_from=2012, year_to=2012)
    got = await _both(archive, fake, spec)
    assert sorted(x.ref for x in got.answer) == tied
    assert len(tied) > 1


async def test_third_on_the_all_time_wins_list(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    wins = r[r.position == 1].groupby("driverRef").raceId.nunique().sort_values(ascending=False)
    got = await _both(archive, fake, StatSpec(metric="wins", aggregation="most", rank=3))
    assert [(x.ref, x.value, x.rank) for x in got.answer] == [
        (wins.index[2], float(wins.iloc[2]), 3)
    ]


async def test_points_fastest_laps_dnfs_starts_per_season(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    ham = r[r.driverRef == "hamilton"]
    assert (
        await _both(archive, fake, StatSpec(metric="fastest_laps", driver="hamilton"))
    ).value == (ham["rank"] == 1).sum()
    assert (await _both(archive, fake, StatSpec(metric="dnfs", driver="hamilton"))).value == (
        ham.positionText == "R"
    ).sum()
    no_start = ham.positionText.isin(["F", "W"]) | ((ham.positionText == "E") & (ham.grid == 0))
    starts = ham[~no_start].raceId.nunique()
    assert (
        await _both(archive, fake, StatSpec(metric="starts", driver="hamilton"))
    ).value == starts
    per = ham[ham.position == 1].groupby("year").raceId.nunique()
    got = await _both(
        archive, fake, StatSpec(metric="wins", driver="hamilton", aggregation="per_season")
    )
    assert {x.year: x.value for x in got.rows if x.value} == {
        int(y): float(v) for y, v in per.items()
    }
    sprints = _csv("sprint_results.csv").merge(_csv("races.csv")[["raceId", "year"]])
    nor = _id(_csv("drivers.csv"), "driverId", "driverRef", "norris")
    expected = (
        r[(r.driverRef == "norris") & (r.year == 2024)].points.sum()
        + sprints[(sprints.driverId == nor) & (sprints.year == 2024)].points.sum()
    )
    spec = StatSpec(metric="points", driver="norris", year_from=2024, year_to=2024)
    assert (await _both(archive, fake, spec)).value == expected
    # British drivers' wins, a nationality filter
    brit = r[(r.nationality == "British") & (r.position == 1)].raceId.nunique()
    spec = StatSpec(metric="wins", nationality="British")
    assert (await _both(archive, fake, spec)).value == brit


async def test_combinations_without_an_honest_answer_are_refused(
    archive: SqlHistoricalArchive,
) -> None:
    # schema-valid queries the rules cannot answer: 422, not a malformed request
    with pytest.raises(UnprocessableRequestError, match="no birthday"):
        await archive.stat(StatSpec(metric="wins", subject="team", aggregation="youngest"))
    with pytest.raises(UnprocessableRequestError, match="no circuit"):
        await archive.stat(StatSpec(metric="titles", circuit="monza"))


@pytest.mark.parametrize(
    ("year", "event"), [(2021, "Abu Dhabi"), (1988, "Monaco"), (2005, "Suzuka")]
)
async def test_historic_race_facts_are_the_official_ones(
    archive: SqlHistoricalArchive,
    fake: InMemoryHistoricalArchive,
    data: dict[str, Any],
    year: int,
    event: str,
) -> None:
    got = await archive.historic_race(year, event)
    assert got == await fake.historic_race(year, event)
    r = data["results"]
    race = r[(r.year == year) & (r.name == got.race.name)].sort_values("positionOrder")
    drivers = _csv("drivers.csv").set_index("driverId")

    def name(driver_id: int) -> str:
        return f"{drivers.forename[driver_id]} {drivers.surname[driver_id]}"

    assert [c.driver for c in got.podium] == [name(i) for i in race.driverId[:3]]
    second = race.iloc[1]
    assert got.margin == second.time  # the official gap, e.g. "+2.256"
    quali = _csv("qualifying.csv")
    pole = quali[(quali.raceId == race.raceId.iloc[0]) & (quali.position == 1)]
    assert got.pole is not None
    if len(pole):
        assert (got.pole.driver, got.pole_source) == (name(pole.driverId.iloc[0]), "qualifying")
    else:
        assert (got.pole.driver, got.pole_source) == (
            name(race[race.grid == 1].driverId.iloc[0]),
            "grid",
        )
    fl = race[race["rank"] == 1]
    if len(fl):
        assert got.fastest_lap is not None
        assert (got.fastest_lap.driver, got.fastest_lap.detail) == (
            name(fl.driverId.iloc[0]),
            fl.fastestLapTime.iloc[0],
        )
    else:
        assert got.fastest_lap is None


@pytest.mark.parametrize(
    ("year", "team"), [(2016, "mercedes"), (2019, "red_bull"), (1988, "mclaren")]
)
async def test_teammates_against_pandas(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, year: int, team: str
) -> None:
    got = await archive.teammates(year, team=team)
    assert got == await fake.teammates(year, team=team)
    races = _csv("races.csv")
    team_id = _id(_csv("constructors.csv"), "constructorId", "constructorRef", team)
    res = _csv("results.csv").merge(races[["raceId", "year"]])
    res = res[(res.year == year) & (res.constructorId == team_id)]
    quali = _csv("qualifying.csv")
    quali = quali[quali.raceId.isin(res.raceId) & (quali.constructorId == team_id)]
    drivers = _csv("drivers.csv").set_index("driverId")
    ids = {f"{drivers.forename[i]} {drivers.surname[i]}": i for i in res.driverId.unique()}
    for p in got.pairs:
        a, b = ids[p.driver_a], ids[p.driver_b]
        ra = res[res.driverId == a].set_index("raceId")
        rb = res[res.driverId == b].set_index("raceId")
        both = ra.index.intersection(rb.index)
        assert p.rounds == len(both)

        def began(row: pd.Series) -> bool:
            text = row.positionText
            return text not in ("F", "W") and not (text == "E" and row.grid == 0)

        started = [r for r in both if began(ra.loc[r]) and began(rb.loc[r])]
        ahead = sum(ra.positionOrder[r] < rb.positionOrder[r] for r in started)
        assert (p.races, p.race_ahead_a, p.race_ahead_b) == (
            len(started),
            ahead,
            len(started) - ahead,
        )
        if len(quali):
            qa = quali[quali.driverId == a].set_index("raceId").position
            qb = quali[quali.driverId == b].set_index("raceId").position
            common = [r for r in both if r in qa.index and r in qb.index]
            assert p.quali_source == "qualifying"
            assert (p.quali_ahead_a, p.quali_ahead_b) == (
                sum(qa[r] < qb[r] for r in common),
                sum(qa[r] > qb[r] for r in common),
            )
        else:
            assert p.quali_source == "grid"


@pytest.mark.parametrize(
    ("year", "event"), [(2019, "Monza"), (2005, "Suzuka"), (2023, "Las Vegas")]
)
async def test_qualifying_result_and_its_fastest_official_lap(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive, year: int, event: str
) -> None:
    got = await archive.qualifying_result(year, event)
    assert got == await fake.qualifying_result(year, event)
    races = _csv("races.csv")
    race_id = races[(races.year == year) & (races.name == got.race.name)].raceId.iloc[0]
    q = _csv("qualifying.csv")
    q = q[q.raceId == race_id].sort_values("position")
    drivers = _csv("drivers.csv").set_index("driverId")
    assert [x.driver for x in got.lines] == [
        f"{drivers.forename[i]} {drivers.surname[i]}" for i in q.driverId
    ]
    times = q.melt(value_vars=["q1", "q2", "q3"]).dropna().value

    def seconds(text: str) -> float:
        minutes, _, rest = text.rpartition(":")
        return (int(minutes) * 60 if minutes else 0) + float(rest)

    best = min((t for t in times if t), key=seconds)
    fastest = got.fastest()
    assert fastest is not None and fastest[1] == best


async def test_pit_stops_of_a_race_and_of_one_driver(
    archive: SqlHistoricalArchive, fake: InMemoryHistoricalArchive
) -> None:
    got = await archive.pit_stops(2018, "Baku", drivers=("hamilton",))
    assert got == await fake.pit_stops(2018, "Baku", drivers=("hamilton",))
    races = _csv("races.csv")
    race_id = races[(races.year == 2018) & (races.name == got.race.name)].raceId.iloc[0]
    stops = _csv("pit_stops.csv")
    ham = _id(_csv("drivers.csv"), "driverId", "driverRef", "hamilton")
    mine = stops[(stops.raceId == race_id) & (stops.driverId == ham)].sort_values("lap")
    assert [(s.lap, s.duration) for s in got.stops] == [
        (int(r.lap), str(r.duration)) for r in mine.itertuples()
    ]
    everyone = await archive.pit_stops(2018, "Baku")
    assert len(everyone.stops) == int((stops.raceId == race_id).sum())
    with pytest.raises(SessionNotFoundError, match="from 2011"):
        await archive.pit_stops(2005, "Suzuka")


async def test_starters_leave_out_non_qualifiers_and_pre_race_exclusions(
    archive: SqlHistoricalArchive, data: dict[str, Any]
) -> None:
    r = data["results"]
    race = r[(r.year == 1988) & (r.name == "Monaco Grand Prix")]
    began = ~race.positionText.isin(["F", "W"]) & ~((race.positionText == "E") & (race.grid == 0))
    got = await archive.historic_race(1988, "Monaco")
    assert (got.starters, got.classified) == (int(began.sum()), int(race.position.notna().sum()))
    assert got.starters == 26  # 31 entries: four did not qualify, one excluded beforehand
