"""Race and driver summaries on recorded sessions, checked against FastF1 read directly.

Every expected value is computed here from FastF1's own tables (results, race control
messages, laps) with pandas, not from the code under test. Loading through the adapter
first configures FastF1's offline replay, which the direct reads then share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import fastf1
import pandas as pd
import pytest

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import driver_session_summary as driver_kind
from f1core.kinds import gaps as gaps_kind
from f1core.kinds import race_summary as race_kind
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.strategy import StrategyQuery
from f1core.query import Refusal

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
MIAMI_2025_S = SessionRef(2025, "Miami Grand Prix", SessionKind.SPRINT)
BAKU_2023_S = SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT)
MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)

Loader = Callable[[SessionRef], Session]
INTERPRETER = RuleBasedQueryInterpreter()


@pytest.fixture(scope="module")
def fastf1_direct(load_recorded: Loader) -> Callable[[SessionRef], Any]:
    """The same session as FastF1 itself loads it (after the adapter set up the replay)."""
    loaded: dict[SessionRef, Any] = {}

    def load(ref: SessionRef) -> Any:
        if ref not in loaded:
            load_recorded(ref)
            raw = fastf1.get_session(ref.year, ref.event, ref.kind.value)
            raw.load(laps=True, telemetry=False, weather=False, messages=True)
            loaded[ref] = raw
        return loaded[ref]

    return load


def _ms(value: Any) -> int:
    return round(pd.Timedelta(value).total_seconds() * 1000)


def _laptime(value: Any) -> str:
    total = pd.Timedelta(value).total_seconds()
    return f"{int(total // 60)}:{total % 60:06.3f}"


def _race(load_recorded: Loader, ref: SessionRef) -> tuple[race_kind.RaceSummary, str]:
    session = load_recorded(ref)
    query = race_kind.KIND.query_for(session, (), {})
    result = race_kind.KIND.answer(session, query)
    return result, race_kind.KIND.paragraph(result, query)


def _driver(load_recorded: Loader, ref: SessionRef, code: str) -> tuple[driver_kind.DriverDay, str]:
    session = load_recorded(ref)
    query = driver_kind.KIND.query_for(session, (code,), {})
    result = driver_kind.KIND.answer(session, query)
    return result.drivers[0], driver_kind.KIND.paragraph(result, query)


def _sc_periods(messages: pd.DataFrame) -> list[tuple[str, int, int]]:
    """(kind, first lap, last lap) of each safety car / VSC, read from the raw messages."""
    sc = messages[messages["Category"] == "SafetyCar"]
    periods, opened = [], {}
    for _, m in sc.iterrows():
        kind = "virtual safety car" if "VIRTUAL" in m["Message"] else "safety car"
        if "DEPLOYED" in m["Message"]:
            opened.setdefault(kind, int(m["Lap"]))
        elif ("ENDING" in m["Message"] or "IN THIS LAP" in m["Message"]) and kind in opened:
            periods.append((kind, opened.pop(kind), int(m["Lap"])))
    return periods


def _not_finished(results: pd.DataFrame) -> dict[str, str]:
    status = results.set_index("Abbreviation")["Status"]
    return {
        code: s for code, s in status.items() if s not in ("Finished", "Lapped") and s[0] != "+"
    }


@pytest.mark.parametrize("ref", [BAKU_2018_R, MIAMI_2025_S])
def test_a_race_summary_states_the_official_results_and_race_controls_periods(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any], ref: SessionRef
) -> None:
    raw = fastf1_direct(ref)
    results = raw.results.sort_values("Position")
    podium = list(results["Abbreviation"][:3])
    margin_ms = _ms(results["Time"].iloc[1])  # FastF1: P2's Time is the gap to the winner
    pole = results[results["GridPosition"] == 1]["Abbreviation"].item()
    classified = results[results["ClassifiedPosition"].astype(str).str.isdigit()]
    gained = classified["GridPosition"].where(classified["GridPosition"] > 0, len(results))
    gained = (gained - classified["Position"]).astype(int)
    gainers = list(classified["Abbreviation"][gained == gained.max()])
    losers = list(classified["Abbreviation"][gained == gained.min()])
    timed = raw.laps[raw.laps["LapTime"].notna() & ~raw.laps["Deleted"].fillna(False)]
    fastest = timed.loc[timed["LapTime"].idxmin()]
    msgs = raw.race_control_messages
    reds = [int(m) for m in msgs[(msgs["Category"] == "Flag") & (msgs["Flag"] == "RED")]["Lap"]]

    result, text = _race(load_recorded, ref)

    assert [p.driver for p in result.order[:3]] == podium
    assert result.order[1].time_ms == margin_ms
    assert result.pole is not None and result.pole.driver == pole
    assert result.fastest is not None
    assert (result.fastest.driver, result.fastest.time_ms) == (
        fastest["Driver"],
        _ms(fastest["LapTime"]),
    )
    assert {r.driver: r.status for r in result.retirements} == _not_finished(raw.results)
    assert result.periods is not None
    assert [
        (p.kind, p.first_lap, p.last_lap) for p in result.periods if p.kind != "red flag"
    ] == _sc_periods(msgs)
    assert [p.first_lap for p in result.periods if p.kind == "red flag"] == reds
    assert [m.driver for m in result.gainers] == gainers
    assert [m.driver for m in result.losers] == losers
    assert f"{margin_ms / 1000:.3f} s ahead of" in text and "(official result)" in text


def test_baku_2018_reads_as_it_happened(load_recorded: Loader) -> None:
    _, text = _race(load_recorded, BAKU_2018_R)
    assert text.startswith(
        "Lewis Hamilton (HAM) won the 2018 Azerbaijan Grand Prix Race (51 laps) for Mercedes, "
        "2.460 s ahead of Kimi Räikkönen (RAI), with Sergio Perez (PER) third (official "
        "result). Sebastian Vettel (VET) started from pole."
    )
    assert "2 safety car periods (laps 1-5 and laps 40-47), per race control." in text
    assert "Did not finish: BOT, puncture after 48 laps; Romain Grosjean (GRO), accident " in text
    assert "; Esteban Ocon (OCO) and Sergey Sirotkin (SIR), collision on lap 1." in text


def test_without_messages_the_periods_come_from_the_leaders_track_status(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    raw = fastf1_direct(BAKU_2023_S)
    with pytest.raises(fastf1.exceptions.DataNotLoadedError):
        raw.race_control_messages  # noqa: B018 - not recorded for this session
    laps = raw.laps[raw.laps["Time"].notna()]
    leader = laps.loc[laps.groupby("LapNumber")["Time"].idxmin()]
    sc = sorted(
        int(n) for n, s in zip(leader["LapNumber"], leader["TrackStatus"], strict=True) if "4" in s
    )
    vsc = sorted(
        int(n)
        for n, s in zip(leader["LapNumber"], leader["TrackStatus"], strict=True)
        if "6" in s or "7" in s
    )
    result, text = _race(load_recorded, BAKU_2023_S)
    assert result.periods is not None
    assert {(p.kind, p.source) for p in result.periods} == {
        ("safety car", "track status"),
        ("virtual safety car", "track status"),
    }
    by_kind = {p.kind: (p.first_lap, p.last_lap) for p in result.periods}
    assert by_kind["safety car"] == (sc[0], sc[-1]) and len(sc) == sc[-1] - sc[0] + 1
    assert by_kind["virtual safety car"] == (vsc[0], vsc[-1])
    assert "per track status" in text


def test_a_qualifying_summary_uses_the_official_times_and_cuts(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    raw = fastf1_direct(MONZA_2019_Q)
    results = raw.results.sort_values("Position")
    pole = results.iloc[0]
    second = results.iloc[1]
    out_q1 = tuple(results["Abbreviation"][15:])
    out_q2 = tuple(results["Abbreviation"][10:15])
    msgs = raw.race_control_messages
    reds = msgs[(msgs["Category"] == "Flag") & (msgs["Flag"] == "RED")]
    assert len(reds) == 2

    result, text = _race(load_recorded, MONZA_2019_Q)

    assert result.order[0].driver == pole["Abbreviation"]
    assert result.order[0].time_ms == _ms(pole["Q3"])
    assert result.knocked_out == (("Q1", out_q1), ("Q2", out_q2))
    gap = (_ms(second["Q3"]) - _ms(pole["Q3"])) / 1000
    assert f"with 1:19.307 in Q3, {gap:.3f} s ahead of Lewis Hamilton (HAM)" in text
    assert "2 red flags (in Q1 and Q3), per race control." in text
    rows = result.table().rows
    assert rows[:3] == tuple(
        (f"P{i + 1}", r["Abbreviation"], r["TeamName"], f"{_laptime(r['Q3'])} (Q3)")
        for i, (_, r) in enumerate(results.head(3).iterrows())
    )
    assert ("Red flag", "", "", "Q3") in rows


def test_bottas_in_baku_2018_is_his_puncture_and_the_race_is_hamiltons(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    raw = fastf1_direct(BAKU_2018_R)
    row = raw.results.set_index("Abbreviation").loc["BOT"]
    laps = raw.laps.pick_drivers("BOT").sort_values("LapNumber")
    compounds = [g["Compound"].mode()[0] for _, g in laps.groupby("Stint")]
    stops = sum(
        1
        for a, b in zip(laps.itertuples(), laps.iloc[1:].itertuples(), strict=False)
        if pd.notna(a.PitInTime) and pd.notna(b.PitOutTime)
    )
    day, text = _driver(load_recorded, BAKU_2018_R, "BOT")
    assert (day.status, day.laps, day.grid) == (row["Status"], int(row["Laps"]), 3)
    assert [s.compound for s in day.stints] == compounds
    assert day.pit_stops == stops == 1
    assert text.startswith(
        "In the 2018 Azerbaijan Grand Prix Race: Valtteri Bottas (BOT) started from P3 on the "
        "grid and did not finish: Puncture after 48 laps of 51 (official status)."
    )
    assert text.endswith("The session: Lewis Hamilton (HAM) won (official result); the "
                         "fastest lap was BOT's 1:45.149.")  # fmt: skip


def test_norris_in_the_miami_sprint_won_from_third_and_his_best_lap_is_ranked_not_claimed(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    raw = fastf1_direct(MIAMI_2025_S)
    row = raw.results.set_index("Abbreviation").loc["NOR"]
    timed = raw.laps[raw.laps["LapTime"].notna() & ~raw.laps["Deleted"].fillna(False)]
    bests = timed.groupby("Driver")["LapTime"].min().sort_values()
    rank = list(bests.index).index("NOR") + 1
    day, text = _driver(load_recorded, MIAMI_2025_S, "NOR")
    assert (day.position, day.grid, day.points) == (1, int(row["GridPosition"]), row["Points"])
    assert day.gained == int(row["GridPosition"]) - 1
    assert day.best is not None and day.best.position == rank > 1
    assert "Lando Norris (NOR) won from P3 on the grid (+2 places), scoring 8 points" in text
    gap = (bests["NOR"] - bests.iloc[0]).total_seconds()
    assert (
        f"was {rank}th of {len(bests)} best laps, {gap:.3f} s slower than Lewis Hamilton "
        "(HAM)'s 1:36.368" in text
    )
    assert "NOR won (official result)" in text


def test_sainz_in_monza_2019_qualifying_is_told_with_his_official_times(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    results = fastf1_direct(MONZA_2019_Q).results.set_index("Abbreviation")
    sai = results.loc["SAI"]
    fastest_q3 = results["Q3"].min()
    day, text = _driver(load_recorded, MONZA_2019_Q, "SAI")
    assert day.position == int(sai["Position"]) and day.part == "Q3"
    assert [p.time_ms for p in day.parts] == [_ms(sai[q]) for q in ("Q1", "Q2", "Q3")]
    gap = (sai["Q3"] - fastest_q3).total_seconds()
    assert text.startswith(
        "In the 2019 Italian Grand Prix Qualifying: Carlos Sainz (SAI) qualified P7, reaching "
        f"Q3 (Q1 1:20.413, Q2 1:20.202, Q3 1:20.455); {gap:.3f} s off the fastest Q3 time, "
        "Charles Leclerc (LEC)'s 1:19.307 (official times)."
    )
    assert "best lap" not in text  # in qualifying the official times are the laps that count


def test_the_winning_margin_is_the_official_one_not_the_lap_timing_reconstruction(
    load_recorded: Loader, fastf1_direct: Callable[[SessionRef], Any]
) -> None:
    results = fastf1_direct(BAKU_2018_R).results.sort_values("Position")
    official_ms = _ms(results["Time"].iloc[1])
    query = INTERPRETER.interpret_now("what was the winning margin in the 2018 baku race")
    assert isinstance(query, gaps_kind.GapsQuery)
    session = load_recorded(BAKU_2018_R)
    result = gaps_kind.KIND.answer(session, query)
    last = result.at_lap(51)
    timing_ms = next(r.gap_ms for r in last if r.driver == "RAI")
    assert timing_ms != official_ms  # lap end times say 2.436, the result says 2.460
    text = gaps_kind.KIND.paragraph(result, query)
    assert f"Kimi Räikkönen (RAI) +{official_ms / 1000:.3f}" in text
    assert "(official result)" in text and f"+{timing_ms / 1000:.3f}" not in text


@pytest.mark.parametrize(
    ("question", "kind", "drivers", "session"),
    [
        ("what happened in Baku 2018", race_kind.RaceSummaryQuery, (), SessionKind.RACE),
        (
            "tell me about the 2025 miami sprint",
            race_kind.RaceSummaryQuery,
            (),
            SessionKind.SPRINT,
        ),
        (
            "how was Alonso's qualifying at the 2019 italian gp",
            driver_kind.DriverSessionSummaryQuery,
            ("ALO",),
            SessionKind.QUALIFYING,
        ),
        (
            "what happened to Bottas in Baku 2018",
            driver_kind.DriverSessionSummaryQuery,
            ("BOT",),
            SessionKind.RACE,
        ),
        (
            "how did Norris do in the 2025 miami sprint",
            driver_kind.DriverSessionSummaryQuery,
            ("NOR",),
            SessionKind.SPRINT,
        ),
    ],
)
def test_open_questions_go_to_the_summaries(
    question: str, kind: type, drivers: tuple[str, ...], session: SessionKind
) -> None:
    query = INTERPRETER.interpret_now(question)
    assert isinstance(query, kind)
    assert query.drivers == drivers and query.session is session


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("where did Bottas finish in the 2018 baku race", ClassificationQuery),
        ("fastest lap in the 2018 azerbaijan grand prix", FastestLapQuery),
        ("how many pit stops did Bottas make in Baku 2018", PitStopsQuery),
        ("how was Alonso's pace in the 2018 baku race", RacePaceQuery),
        ("what tyres did Norris use in the 2025 miami sprint", StrategyQuery),
        ("what was the winning margin in the 2018 baku race", gaps_kind.GapsQuery),
    ],
)
def test_precise_questions_are_not_taken_by_the_summaries(question: str, kind: type) -> None:
    assert isinstance(INTERPRETER.interpret_now(question), kind)


def test_laps_led_is_still_refused_not_summarised() -> None:
    assert isinstance(
        INTERPRETER.interpret_now("what happened with the laps led in baku 2018"), Refusal
    )


def test_follow_ups_move_between_the_race_and_a_drivers_summary() -> None:
    race = INTERPRETER.interpret_now("what happened in Baku 2018")
    assert INTERPRETER.interpret_now("what about Bottas?", race) == (
        driver_kind.DriverSessionSummaryQuery(
            year=2018, event="Baku", session=SessionKind.RACE, drivers=("BOT",)
        )
    )
    sainz = INTERPRETER.interpret_now("how was Sainz's qualifying at monza 2019")
    assert INTERPRETER.interpret_now("and Leclerc?", sainz) == (
        driver_kind.DriverSessionSummaryQuery(
            year=2019, event="Monza", session=SessionKind.QUALIFYING, drivers=("LEC",)
        )
    )
