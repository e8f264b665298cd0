"""``f1 ask`` end to end for archive statistics: the offline interpreter, the real archive
(the full Ergast dump in SQLite) and the CLI. Expected values come from pandas on the CSVs.
"""

from __future__ import annotations

import pandas as pd
import pytest
from tests.integration.test_ask_e2e import ERGAST, Harness, _cli, cli_env, env, harness

__all__ = ["cli_env", "env", "harness"]  # fixtures shared with test_ask_e2e


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(ERGAST / name, na_values="\\N", keep_default_na=False)


def _final(table: str) -> pd.DataFrame:
    races = _csv("races.csv")
    s = _csv(table).merge(races[["raceId", "year", "round"]])
    return s[s["round"] == s.groupby("year")["round"].transform("max")]


def test_fourth_in_the_1998_championship(harness: Harness) -> None:
    s = _final("driver_standings.csv")
    row = s[(s.year == 1998) & (s.position == 4)].iloc[0]
    d = _csv("drivers.csv").set_index("driverId")
    name = f"{d.forename[row.driverId]} {d.surname[row.driverId]}"
    answer = harness.run(harness.question("who finished fourth in the 1998 championship"))
    assert type(answer.query).__name__ == "ArchiveStatQuery"
    assert answer.text == f"P4 in the championship in 1998: {name} (1998, {row.points:g} points)."


def test_second_in_the_2008_constructors_standings_is_not_the_leader(harness: Harness) -> None:
    s = _final("constructor_standings.csv")
    teams = _csv("constructors.csv").set_index("constructorId")["name"]
    second = teams[s[(s.year == 2008) & (s.position == 2)].constructorId.iloc[0]]
    leader = teams[s[(s.year == 2008) & (s.position == 1)].constructorId.iloc[0]]
    answer = harness.run(harness.question("2008 constructors standings, who came second"))
    assert second in answer.text and leader not in answer.text


def test_first_grand_prix_at_suzuka(harness: Harness) -> None:
    races = _csv("races.csv")
    suzuka = _csv("circuits.csv").query("circuitRef == 'suzuka'").circuitId.iloc[0]
    first = races[races.circuitId == suzuka].sort_values("date").iloc[0]
    answer = harness.run(harness.question("the first Grand Prix held at Suzuka"))
    assert f"{first.year} {first['name']} ({first.date})" in answer.text


@pytest.mark.parametrize(
    ("question", "driver_ref", "grid"),
    [("how many times has Hamilton won from pole", "hamilton", 1)],
)
def test_cli_wins_from_pole(
    cli_env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    question: str,
    driver_ref: str,
    grid: int,
) -> None:
    r = _csv("results.csv").merge(_csv("drivers.csv")[["driverId", "driverRef"]])
    n = r[(r.driverRef == driver_ref) & (r.grid == grid) & (r.position == 1)].raceId.nunique()
    code, out, err = _cli(["ask", question], capsys)
    assert code == 0, err
    assert out.startswith(f"Wins by Lewis Hamilton from pole all time: {n} wins.")


def test_cli_a_qualifier_it_cannot_honour_is_refused(
    cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _cli(["ask", "most podiums without a win"], capsys)
    assert code == 2 and out == ""
    assert "'without'" in err


def test_winning_margin_is_the_official_gap(harness: Harness) -> None:
    races = _csv("races.csv")
    race = races[(races.year == 2010) & (races.name == "Abu Dhabi Grand Prix")].raceId.iloc[0]
    res = _csv("results.csv")
    second = res[(res.raceId == race) & (res.positionOrder == 2)].time.iloc[0]
    answer = harness.run(harness.question("what was the winning margin at the 2010 Abu Dhabi GP"))
    assert type(answer.query).__name__ == "HistoricRaceQuery"
    assert f"{second.removeprefix('+')} s ahead of Lewis Hamilton" in answer.text


def test_teammates_2016_mercedes(harness: Harness) -> None:
    races = _csv("races.csv")
    res = _csv("results.csv").merge(races[["raceId", "year"]])
    merc = _csv("constructors.csv").query("constructorRef == 'mercedes'").constructorId.iloc[0]
    team = res[(res.year == 2016) & (res.constructorId == merc)]
    ham = team[team.driverId == 1].set_index("raceId").positionOrder
    ros = team[team.driverId != 1].set_index("raceId").positionOrder
    ahead = int((ham < ros).sum())
    answer = harness.run(harness.question("mercedes teammate head to head 2016"))
    assert f"ahead at the flag {ahead}-{len(ham) - ahead} of the {len(ham)}" in answer.text


def test_unrecorded_race_fastest_lap_comes_from_the_archive(harness: Harness) -> None:
    from f1core.domain.session import SessionKind
    from f1core.kinds.fastest_lap import FastestLapQuery

    races = _csv("races.csv")
    race = races[(races.year == 2024) & (races.name == "Spanish Grand Prix")].raceId.iloc[0]
    res = _csv("results.csv")
    best = res[(res.raceId == race) & (res["rank"] == 1)].fastestLapTime.iloc[0]

    async def unrecorded() -> str:
        use_case = await harness.ask.answer_query()
        query = FastestLapQuery(year=2024, event="Spanish Grand Prix", session=SessionKind.RACE)
        return (await use_case.execute(query)).text

    text = harness.run(unrecorded())
    assert text.startswith("FastF1 timing of the 2024 Spanish Grand Prix Race is not recorded")
    assert f", {best} on lap" in text
