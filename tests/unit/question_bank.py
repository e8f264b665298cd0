"""Questions as people type them, each with the one query it asks (or the refusal it gets).

Written from the user's side: paraphrases, lower case, missing punctuation, typos,
nicknames, circuit and city names. Events are expected in the form the interpreter hands
on: a Grand Prix by its name ("Spanish Grand Prix"), a circuit or city as said ("Monza").
The interpreter runs with ``current_year=2026`` and data up to 2025.
"""

from __future__ import annotations

from typing import Literal

from f1core.domain.session import SessionKind
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
from f1core.kinds.best_laps import BestLapsQuery
from f1core.kinds.biggest_movers import BiggestMoversQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.degradation import DegradationQuery
from f1core.kinds.driver_pit_stops import DriverPitStopsQuery
from f1core.kinds.driver_session_summary import DriverSessionSummaryQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.gaps import GapsQuery
from f1core.kinds.grid_vs_finish import GridVsFinishQuery
from f1core.kinds.laps_completed import LapsCompletedQuery
from f1core.kinds.laps_led import LapsLedQuery
from f1core.kinds.long_runs import LongRunsQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.positions import PositionsQuery
from f1core.kinds.practice_order import PracticeOrderQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.race_summary import RaceSummaryQuery
from f1core.kinds.sectors import SectorsQuery
from f1core.kinds.speed_traps import SpeedTrapsQuery
from f1core.kinds.starting_tyres import StartingTyresQuery
from f1core.kinds.strategy import StrategyQuery
from f1core.kinds.teammates import TeammatesQuery
from f1core.kinds.theoretical_best import TheoreticalBestQuery
from f1core.kinds.weather import WeatherQuery
from f1core.query import (
    Query,
)

R = SessionKind.RACE
Q = SessionKind.QUALIFYING
S = SessionKind.SPRINT
SQ = SessionKind.SPRINT_QUALIFYING
FP1 = SessionKind.FP1
FP2 = SessionKind.FP2
FP3 = SessionKind.FP3

ESP = "Spanish Grand Prix"
AS = ArchiveStatQuery


def TM(  # noqa: N802 (reads like a query)
    year: int, *, team: str | None = None, a: str | None = None, b: str | None = None
) -> TeammateHeadToHeadQuery:
    """Team-mates' season head-to-head."""
    return TeammateHeadToHeadQuery(year=year, team=team, driver_a=a, driver_b=b)


def HR(year: int, event: str) -> HistoricRaceQuery:  # noqa: N802 (reads like a query)
    """A historic race's facts."""
    return HistoricRaceQuery(year=year, event=event)


def Y(year: int) -> dict[str, int]:  # noqa: N802 (reads like a slot)
    """One season as an archive-stat range."""
    return {"year_from": year, "year_to": year}


def CP(place: int, year: int, *, team: bool = False) -> ArchiveStatQuery:  # noqa: N802
    """Who finished ``place`` in ``year``'s drivers' (or constructors') championship."""
    return ArchiveStatQuery(
        metric="championship_position",
        aggregation="list",
        subject_kind="team" if team else "driver",
        position=place,
        **Y(year),
    )


AZE = "Azerbaijan Grand Prix"

QUERY_BANK: list[tuple[str, Query]] = [
    # --- fastest lap / pole ---------------------------------------------------------------
    ("fastest lap 2024 spanish gp qualifying", FastestLapQuery(year=2024, event=ESP, session=Q)),
    (
        "What was the fastest lap in qualifying at the 2024 Spanish Grand Prix?",
        FastestLapQuery(year=2024, event=ESP, session=Q),
    ),
    # A country is handed on as the country: the season's calendar decides (Italy 2020
    # held three Grands Prix, so the session loader asks which).
    ("fastest lap in italy 2020 qualifying", FastestLapQuery(year=2020, event="Italy", session=Q)),
    ("pole in austria 2020", FastestLapQuery(year=2020, event="Austria", session=Q)),
    ("who took the win in bahrain in 2020", RaceWinnerQuery(year=2020, event="Bahrain")),
    ("bahrain gp 2020 winner", RaceWinnerQuery(year=2020, event="Bahrain Grand Prix")),
    (
        "fastest lap in the uk 2020 race",
        FastestLapQuery(year=2020, event="United Kingdom", session=R),
    ),
    ("usa 2023 race winner", RaceWinnerQuery(year=2023, event="United States")),
    ("who won the us gp in 2023", RaceWinnerQuery(year=2023, event="United States Grand Prix")),
    ("who got pole in barcelona 2024", FastestLapQuery(year=2024, event="Barcelona", session=Q)),
    ("Who was on pole at Monza in 2019?", FastestLapQuery(year=2019, event="Monza", session=Q)),
    ("pole position 2022 jeddah", FastestLapQuery(year=2022, event="Jeddah", session=Q)),
    (
        "who took pole for the 2022 Saudi Arabian GP",
        FastestLapQuery(year=2022, event="Saudi Arabian Grand Prix", session=Q),
    ),
    ("pole time mexico 2021", FastestLapQuery(year=2021, event="Mexico City", session=Q)),
    (
        "who was fastest in FP2 at the 2020 Hungarian GP",
        FastestLapQuery(year=2020, event="Hungarian Grand Prix", session=FP2),
    ),
    (
        "quickest lap in second practice hungary 2020",
        FastestLapQuery(year=2020, event="Hungarian Grand Prix", session=FP2),
    ),
    ("fastest lap of the 2018 baku race", FastestLapQuery(year=2018, event="Baku", session=R)),
    (
        "who set the fastest lap in the 2018 Azerbaijan GP race",
        FastestLapQuery(year=2018, event=AZE, session=R),
    ),
    (
        "Fastest lap in the 2023 Baku sprint shootout?",
        FastestLapQuery(year=2023, event="Baku", session=SQ),
    ),
    ("sprint pole china 2024", FastestLapQuery(year=2024, event="Chinese Grand Prix", session=SQ)),
    (
        "who was on pole for the sprint in China 2024",
        FastestLapQuery(year=2024, event="Chinese Grand Prix", session=SQ),
    ),
    (
        "who was quickest in sprint qualifying in shanghai 2024",
        FastestLapQuery(year=2024, event="Shanghai", session=SQ),
    ),
    ("fastest lap 2025 miami sprint", FastestLapQuery(year=2025, event="Miami", session=S)),
    (
        "what was leclerc's best lap in quali at monza 2019",
        FastestLapQuery(year=2019, event="Monza", session=Q, drivers=("LEC",)),
    ),
    (
        "Verstappen fastest lap 2023 azerbaijan qualifying",
        FastestLapQuery(year=2023, event=AZE, session=Q, drivers=("VER",)),
    ),
    ("pole at the 2021 mexico city gp", FastestLapQuery(year=2021, event="Mexico City", session=Q)),
    (
        "who was on pole for the 2023 azerbaijan gp",
        FastestLapQuery(year=2023, event=AZE, session=Q),
    ),
    ("fastest in fp3 spa 2022", FastestLapQuery(year=2022, event="Spa", session=FP3)),
    (
        "who was fastest in the first practice at the 2022 british gp",
        FastestLapQuery(year=2022, event="British Grand Prix", session=FP1),
    ),
    (
        "best lap time in free practice 2 monza 2021",
        FastestLapQuery(year=2021, event="Monza", session=FP2),
    ),
    ("Who set pole in '24 at the Spanish GP?", FastestLapQuery(year=2024, event=ESP, session=Q)),
    (
        "pole sitter 2019 italian gp",
        FastestLapQuery(year=2019, event="Italian Grand Prix", session=Q),
    ),
    (
        "hamiltons fastest lap in 2019 monza quali",
        FastestLapQuery(year=2019, event="Monza", session=Q, drivers=("HAM",)),
    ),
    # --- best laps / gaps in qualifying and practice --------------------------------------
    (
        "gap between norris and verstappen in 2024 spanish gp qualifying",
        BestLapsQuery(year=2024, event=ESP, session=Q, drivers=("NOR", "VER")),
    ),
    (
        "How far was Hamilton off pole in Barcelona quali 2024?",
        BestLapsQuery(year=2024, event="Barcelona", session=Q, drivers=("HAM",)),
    ),
    (
        "compare VER and LEC in 2019 monza qualifying",
        BestLapsQuery(year=2019, event="Monza", session=Q, drivers=("VER", "LEC")),
    ),
    (
        "Verstapen vs Leclrec 2022 Jeddah quali",
        BestLapsQuery(year=2022, event="Jeddah", session=Q, drivers=("VER", "LEC")),
    ),
    ("qualifying lap times 2021 mexico", BestLapsQuery(year=2021, event="Mexico City", session=Q)),
    (
        "best laps of every driver in fp2 at the 2021 italian gp",
        BestLapsQuery(year=2021, event="Italian Grand Prix", session=FP2),
    ),
    (
        "who was faster in quali, checo or max, jeddah 2022",
        BestLapsQuery(year=2022, event="Jeddah", session=Q, drivers=("PER", "VER")),
    ),
    (
        "perez vs leclerc saudi 2022 qualifying",
        BestLapsQuery(
            year=2022, event="Saudi Arabian Grand Prix", session=Q, drivers=("PER", "LEC")
        ),
    ),
    (
        "how much faster was norris than piastri in qualifying at the 2024 spanish gp",
        BestLapsQuery(year=2024, event=ESP, session=Q, drivers=("NOR", "PIA")),
    ),
    (
        "the margin between Leclerc and Sainz in quali baku 2023",
        BestLapsQuery(year=2023, event="Baku", session=Q, drivers=("LEC", "SAI")),
    ),
    (
        "Ferrari vs Red Bull quali 2023 baku",
        BestLapsQuery(year=2023, event="Baku", session=Q, drivers=("LEC", "SAI", "PER", "VER")),
    ),
    ("fp1 times silverstone 2024", BestLapsQuery(year=2024, event="Silverstone", session=FP1)),
    (
        "timesheet fp2 70th anniversary gp 2020",
        BestLapsQuery(year=2020, event="70th Anniversary Grand Prix", session=FP2),
    ),
    (
        "compare alonso and stroll in sprint shootout 2023 baku",
        BestLapsQuery(year=2023, event="Baku", session=SQ, drivers=("ALO", "STR")),
    ),
    (
        "delta between #44 and #63 in 2024 british gp fp1",
        BestLapsQuery(year=2024, event="British Grand Prix", session=FP1, drivers=("HAM", "RUS")),
    ),
    (
        "Bottas v Hamilton qualifying Monza 2019",
        BestLapsQuery(year=2019, event="Monza", session=Q, drivers=("BOT", "HAM")),
    ),
    # --- race pace / compare in races and sprints -----------------------------------------
    (
        "compare VER and PER pace in the 2023 Baku sprint",
        RacePaceQuery(year=2023, event="Baku", session=S, drivers=("VER", "PER")),
    ),
    ("race pace 2018 azerbaijan gp", RacePaceQuery(year=2018, event=AZE, session=R)),
    ("Who had the best race pace in Baku 2018?", RacePaceQuery(year=2018, event="Baku", session=R)),
    (
        "hamilton vs vettel race pace baku 2018",
        RacePaceQuery(year=2018, event="Baku", session=R, drivers=("HAM", "VET")),
    ),
    (
        "was bottas quicker than raikkonen in the 2018 azerbaijan race",
        RacePaceQuery(year=2018, event=AZE, session=R, drivers=("BOT", "RAI")),
    ),
    (
        "compare the iceman and seb in the race at baku 2018",
        RacePaceQuery(year=2018, event="Baku", session=R, drivers=("RAI", "VET")),
    ),
    (
        "Max vs Checo sprint Azerbaijan 2023",
        RacePaceQuery(year=2023, event=AZE, session=S, drivers=("VER", "PER")),
    ),
    ("pace in the 2025 miami sprint", RacePaceQuery(year=2025, event="Miami", session=S)),
    (
        "norris vs piastri 2025 miami sprint race",
        RacePaceQuery(year=2025, event="Miami", session=S, drivers=("NOR", "PIA")),
    ),
    (
        "average lap times in the 2023 baku sprint",
        RacePaceQuery(year=2023, event="Baku", session=S),
    ),
    (
        "mclaren vs mercedes pace in the 2025 miami sprint",
        RacePaceQuery(year=2025, event="Miami", session=S, drivers=("NOR", "PIA", "ANT", "RUS")),
    ),
    (
        "leclerc v sainz 2023 baku sprint pace",
        RacePaceQuery(year=2023, event="Baku", session=S, drivers=("LEC", "SAI")),
    ),
    # --- long runs in practice -------------------------------------------------------------
    ("long runs fp2 monza 2021", LongRunsQuery(year=2021, event="Monza", session=FP2)),
    (
        "Who looked best on the long runs in second practice at Monza 2021?",
        LongRunsQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "race sims in FP2 hungary 2020",
        LongRunsQuery(year=2020, event="Hungarian Grand Prix", session=FP2),
    ),
    (
        "hamilton long run pace fp2 2020 70th anniversary",
        LongRunsQuery(
            year=2020, event="70th Anniversary Grand Prix", session=FP2, drivers=("HAM",)
        ),
    ),
    (
        "pace in fp1 at the 2024 british grand prix",
        LongRunsQuery(year=2024, event="British Grand Prix", session=FP1),
    ),
    (
        "verstappen long runs italian gp 2021 fp2",
        LongRunsQuery(year=2021, event="Italian Grand Prix", session=FP2, drivers=("VER",)),
    ),
    # --- results / classification ---------------------------------------------------------
    ("results of the 2023 baku sprint", ClassificationQuery(year=2023, event="Baku", session=S)),
    ("who won the sprint in Baku 2023", ClassificationQuery(year=2023, event="Baku", session=S)),
    ("2025 miami sprint results", ClassificationQuery(year=2025, event="Miami", session=S)),
    (
        "where did Hamilton finish in the 2018 Azerbaijan GP",
        ClassificationQuery(year=2018, event=AZE, session=R, drivers=("HAM",)),
    ),
    ("classification 2018 baku race", ClassificationQuery(year=2018, event="Baku", session=R)),
    ("sprint podium miami 2025", ClassificationQuery(year=2025, event="Miami", session=S)),
    (
        "top 10 in qualifying for the 2021 mexico city gp",
        ClassificationQuery(year=2021, event="Mexico City", session=Q),
    ),
    (
        "qualifying results 2022 saudi arabia",
        ClassificationQuery(year=2022, event="Saudi Arabian Grand Prix", session=Q),
    ),
    (
        "how did Perez do in the 2023 baku sprint",
        DriverSessionSummaryQuery(year=2023, event="Baku", session=S, drivers=("PER",)),
    ),
    (
        "final classification of the sprint shootout azerbaijan 2023",
        ClassificationQuery(year=2023, event=AZE, session=SQ),
    ),
    (
        "where did lance stroll qualify in 2022 jeddah",
        ClassificationQuery(year=2022, event="Jeddah", session=Q, drivers=("STR",)),
    ),
    ("2024 spanish gp quali results", ClassificationQuery(year=2024, event=ESP, session=Q)),
    ("who won the 2025 Miami sprint?", ClassificationQuery(year=2025, event="Miami", session=S)),
    (
        "ocon 2018 baku race result",
        ClassificationQuery(year=2018, event="Baku", session=R, drivers=("OCO",)),
    ),
    # --- race winner / podium (archive) ---------------------------------------------------
    # how far behind someone finished: the official classification's gap
    (
        "by how much did bottas trail hamilton at the finish in baku 2018",
        ClassificationQuery(year=2018, event="Baku", session=R, drivers=("BOT", "HAM")),
    ),
    # archive statistics: a team is a filter when a driver is asked for; people are counted
    (
        "which driver won the most grands prix for lotus",
        AS(metric="wins", aggregation="most", team="Lotus"),
    ),
    (
        "how many german drivers have won a race",
        AS(metric="wins", aggregation="count_distinct", nationality="German"),
    ),
    (
        "how many grands prix did alonso win for renault",
        AS(metric="wins", driver="Fernando Alonso", team="Renault"),
    ),
    # historic circuits and nicknames, wins at a circuit without a season
    ("who won at estoril in 1985", RaceWinnerQuery(year=1985, event="Estoril")),
    ("prost wins at jerez", WinsAtCircuitQuery(circuit="Jerez", driver="prost")),
    ("how many wins did schumi get", CareerStatQuery(subject="Michael Schumacher", stat="wins")),
    (
        "where did perez qualify for the sprint in baku 2023",
        ClassificationQuery(year=2023, event="Baku", session=SQ, drivers=("PER",)),
    ),
    # misspelt places and teams, one-season events without a year
    ("who won at silverston in 2024", RaceWinnerQuery(year=2024, event="Silverstone")),
    ("winner of the 2021 abu dabi gp", RaceWinnerQuery(year=2021, event="Abu Dhabi")),
    ("pole at monzza 2019", FastestLapQuery(year=2019, event="Monza", session=Q)),
    (
        "quickest lap in the 2024 spansh gp qualifying",
        FastestLapQuery(year=2024, event="Spanish Grand Prix", session=Q),
    ),
    (
        "how many wins did ferari get in 2004",
        CareerStatQuery(subject="Ferrari", subject_kind="team", stat="wins", year=2004),
    ),
    ("who won the sakhir gp", RaceWinnerQuery(year=2020, event="Sakhir Grand Prix")),
    ("winner of the tuscan grand prix", RaceWinnerQuery(year=2020, event="Tuscan Grand Prix")),
    ("who won the dallas gp", RaceWinnerQuery(year=1984, event="Dallas Grand Prix")),
    ("who won the 2018 azerbaijan grand prix", RaceWinnerQuery(year=2018, event=AZE)),
    (
        "Who won the 2021 Abu Dhabi Grand Prix?",
        RaceWinnerQuery(year=2021, event="Abu Dhabi Grand Prix"),
    ),
    ("winner of the 1988 monaco gp", RaceWinnerQuery(year=1988, event="Monaco Grand Prix")),
    ("who won at monza in 2020", RaceWinnerQuery(year=2020, event="Monza")),
    ("2019 brazilian gp winner", RaceWinnerQuery(year=2019, event="São Paulo")),
    ("who won in interlagos 2016", RaceWinnerQuery(year=2016, event="Interlagos")),
    ("who won the race at silverstone in 2008", RaceWinnerQuery(year=2008, event="Silverstone")),
    ("who won the 1976 japanese gp", RaceWinnerQuery(year=1976, event="Japanese Grand Prix")),
    ("did Leclerc win the 2019 Italian GP", RaceWinnerQuery(year=2019, event="Italian Grand Prix")),
    ("1994 san marino winner", RaceWinnerQuery(year=1994, event="San Marino Grand Prix")),
    ("who won spa 2021", RaceWinnerQuery(year=2021, event="Spa")),
    ("Who won the Belgian GP in 2021?", RaceWinnerQuery(year=2021, event="Belgian Grand Prix")),
    (
        "who won the 2024 las vegas grand prix",
        RaceWinnerQuery(year=2024, event="Las Vegas Grand Prix"),
    ),
    ("podium of the 2018 azerbaijan gp", PodiumQuery(year=2018, event=AZE)),
    (
        "who was on the podium at the 2021 dutch gp",
        PodiumQuery(year=2021, event="Dutch Grand Prix"),
    ),
    ("podium finishers singapore 2019", PodiumQuery(year=2019, event="Singapore")),
    ("top 3 at cota 2022", PodiumQuery(year=2022, event="COTA")),
    ("2008 brazilian gp podium", PodiumQuery(year=2008, event="São Paulo")),
    (
        "who finished on the podium in the 2020 turkish grand prix",
        PodiumQuery(year=2020, event="Turkish Grand Prix"),
    ),
    ("podium at suzuka 2005", PodiumQuery(year=2005, event="Suzuka")),
    ("who won the 2012 us gp", RaceWinnerQuery(year=2012, event="United States Grand Prix")),
    ("winner montreal 1999", RaceWinnerQuery(year=1999, event="Montreal")),
    ("who won the race in jeddah 2021", RaceWinnerQuery(year=2021, event="Jeddah")),
    # --- strategy, tyres, pit stops, degradation ------------------------------------------
    ("tyre strategy baku 2018", StrategyQuery(year=2018, event="Baku", session=R)),
    (
        "What strategies did the teams use in the 2018 Azerbaijan GP?",
        StrategyQuery(year=2018, event=AZE, session=R),
    ),
    (
        "hamilton tyres 2018 baku",
        StrategyQuery(year=2018, event="Baku", session=R, drivers=("HAM",)),
    ),
    ("stints in the 2023 baku sprint", StrategyQuery(year=2023, event="Baku", session=S)),
    (
        "which compounds did verstappen use in the 2025 miami sprint",
        StrategyQuery(year=2025, event="Miami", session=S, drivers=("VER",)),
    ),
    ("tire strategy azerbaijan 2018 race", StrategyQuery(year=2018, event=AZE, session=R)),
    ("pit stops 2018 baku", PitStopsQuery(year=2018, event="Baku", session=R)),
    (
        "How long were the pit stops in the 2018 Azerbaijan Grand Prix?",
        PitStopsQuery(year=2018, event=AZE, session=R),
    ),
    ("pitstop times 2018 azerbaijan gp", PitStopsQuery(year=2018, event=AZE, session=R)),
    ("tyre degradation 2018 baku", DegradationQuery(year=2018, event="Baku", session=R)),
    ("deg in the 2023 baku sprint", DegradationQuery(year=2023, event="Baku", session=S)),
    (
        "who had the worst tyre wear in the 2018 azerbaijan gp",
        DegradationQuery(year=2018, event=AZE, session=R),
    ),
    ("degradation fp2 monza 2021", DegradationQuery(year=2021, event="Monza", session=FP2)),
    (
        "Ricciardo tyre degradation Baku 2018",
        DegradationQuery(year=2018, event="Baku", session=R, drivers=("RIC",)),
    ),
    # --- speed traps, sectors, theoretical best -------------------------------------------
    ("speed trap 2019 monza qualifying", SpeedTrapsQuery(year=2019, event="Monza", session=Q)),
    ("top speeds in quali at monza 2019", SpeedTrapsQuery(year=2019, event="Monza", session=Q)),
    (
        "who was fastest through the speed trap in fp2 at monza 2021",
        SpeedTrapsQuery(year=2021, event="Monza", session=FP2),
    ),
    ("max speed baku 2023 quali", SpeedTrapsQuery(year=2023, event="Baku", session=Q)),
    (
        "what was the top speed of VER in the 2023 baku sprint",
        SpeedTrapsQuery(year=2023, event="Baku", session=S, drivers=("VER",)),
    ),
    (
        "straight line speed jeddah 2022 qualifying",
        SpeedTrapsQuery(year=2022, event="Jeddah", session=Q),
    ),
    ("sector times 2024 spanish gp qualifying", SectorsQuery(year=2024, event=ESP, session=Q)),
    (
        "who was fastest in sector 2 in barcelona quali 2024",
        SectorsQuery(year=2024, event="Barcelona", session=Q),
    ),
    (
        "compare sectors norris verstappen 2024 spain qualifying",
        SectorsQuery(year=2024, event=ESP, session=Q, drivers=("NOR", "VER")),
    ),
    ("sectors in the sprint shootout baku 2023", SectorsQuery(year=2023, event="Baku", session=SQ)),
    (
        "theoretical best lap 2024 spanish gp qualifying",
        TheoreticalBestQuery(year=2024, event=ESP, session=Q),
    ),
    (
        "ideal lap for verstappen in 2023 baku quali",
        TheoreticalBestQuery(year=2023, event="Baku", session=Q, drivers=("VER",)),
    ),
    (
        "What was the theoretical best in qualifying at Jeddah 2022?",
        TheoreticalBestQuery(year=2022, event="Jeddah", session=Q),
    ),
    (
        "optimal lap china 2024 sprint qualifying",
        TheoreticalBestQuery(year=2024, event="Chinese Grand Prix", session=SQ),
    ),
    # --- positions, gaps, grid vs finish ---------------------------------------------------
    ("position changes in the 2018 baku race", PositionsQuery(year=2018, event="Baku", session=R)),
    ("lap by lap positions 2023 baku sprint", PositionsQuery(year=2023, event="Baku", session=S)),
    ("positions chart 2018 azerbaijan gp", PositionsQuery(year=2018, event=AZE, session=R)),
    (
        "show me the race trace for the 2018 azerbaijan gp",
        GapsQuery(year=2018, event=AZE, session=R),
    ),
    ("gap to the leader baku 2018", GapsQuery(year=2018, event="Baku", session=R)),
    ("intervals in the 2025 miami sprint", GapsQuery(year=2025, event="Miami", session=S)),
    (
        "gap between hamilton and vettel in the 2018 baku race",
        GapsQuery(year=2018, event="Baku", session=R, drivers=("HAM", "VET")),
    ),
    ("grid vs finish baku 2018", GridVsFinishQuery(year=2018, event="Baku", session=R)),
    ("positions gained 2023 baku sprint", GridVsFinishQuery(year=2023, event="Baku", session=S)),
    # --- teammates --------------------------------------------------------------------------
    (
        "teammate battles 2024 spanish gp qualifying",
        TeammatesQuery(year=2024, event=ESP, session=Q),
    ),
    (
        "how did the teammates compare in quali at monza 2019",
        TeammatesQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "leclerc vs his teammate 2022 jeddah qualifying",
        TeammatesQuery(year=2022, event="Jeddah", session=Q, drivers=("LEC",)),
    ),
    ("team mate head to head 2018 baku race", TeammatesQuery(year=2018, event="Baku", session=R)),
    (
        "teammate comparison in the 2023 azerbaijan sprint",
        TeammatesQuery(year=2023, event=AZE, session=S),
    ),
    # --- weather ---------------------------------------------------------------------------
    ("weather 2018 baku race", WeatherQuery(year=2018, event="Baku", session=R)),
    (
        "what was the track temperature in 2024 spanish gp qualifying",
        WeatherQuery(year=2024, event=ESP, session=Q),
    ),
    (
        "did it rain in fp1 at silverstone 2024",
        WeatherQuery(year=2024, event="Silverstone", session=FP1),
    ),
    ("track temp monza qualifying 2019", WeatherQuery(year=2019, event="Monza", session=Q)),
    ("air temperature 2025 miami sprint", WeatherQuery(year=2025, event="Miami", session=S)),
    (
        "conditions during the 2021 mexico quali",
        WeatherQuery(year=2021, event="Mexico City", session=Q),
    ),
    # --- standings ---------------------------------------------------------------------------
    ("2021 drivers standings", ChampionshipStandingsQuery(year=2021)),
    (
        "championship standings after round 10 2023",
        ChampionshipStandingsQuery(year=2023, after_round=10),
    ),
    (
        "constructors standings 2019",
        ChampionshipStandingsQuery(year=2019, championship="constructors"),
    ),
    (
        "What did the championship table look like after round 5 in 2022?",
        ChampionshipStandingsQuery(year=2022, after_round=5),
    ),
    (
        "who was leading the championship after 12 races in 2012",
        ChampionshipStandingsQuery(year=2012, after_round=12),
    ),
    ("wcc standings 2024", ChampionshipStandingsQuery(year=2024, championship="constructors")),
    ("final standings 1994", ChampionshipStandingsQuery(year=1994)),
    ("points table last year", ChampionshipStandingsQuery(year=2025)),
    (
        "team standings 2025 after round 18",
        ChampionshipStandingsQuery(year=2025, championship="constructors", after_round=18),
    ),
    # --- champion / runner-up ---------------------------------------------------------------
    ("who won the 1988 title", ChampionQuery(year=1988)),
    ("who was world champion in 2016", ChampionQuery(year=2016)),
    ("2009 champion", ChampionQuery(year=2009)),
    ("Who won the 2021 drivers' championship?", ChampionQuery(year=2021)),
    (
        "who won the constructors championship in 2018",
        ChampionQuery(year=2018, championship="constructors"),
    ),
    ("which team won the title in 2009", ChampionQuery(year=2009, championship="constructors")),
    ("who was runner-up in 2021", ChampionQuery(year=2021, runner_up=True)),
    ("runner up of the 2007 championship", ChampionQuery(year=2007, runner_up=True)),
    ("who finished second in the championship in 1986", ChampionQuery(year=1986, runner_up=True)),
    ("wdc 1976", ChampionQuery(year=1976)),
    ("who was crowned champion in '98", ChampionQuery(year=1998)),
    ("who won the championship last year", ChampionQuery(year=2025)),
    # --- career and season counts ------------------------------------------------------------
    ("how many wins does senna have", CareerStatQuery(subject="senna", stat="wins")),
    ("How many wins does Hamilton have?", CareerStatQuery(subject="Lewis Hamilton", stat="wins")),
    (
        "how many poles did verstappen get in 2023",
        CareerStatQuery(subject="Max Verstappen", stat="poles", year=2023),
    ),
    ("how many podiums has alonso", CareerStatQuery(subject="Fernando Alonso", stat="podiums")),
    (
        "how many points did norris score in 2024",
        CareerStatQuery(subject="Lando Norris", stat="points", year=2024),
    ),
    ("how many races has checo won", CareerStatQuery(subject="Sergio Perez", stat="wins")),
    (
        "how many wins does Michael Schumacher have",
        CareerStatQuery(subject="Michael Schumacher", stat="wins"),
    ),
    (
        "number of pole positions for Leclerc",
        CareerStatQuery(subject="Charles Leclerc", stat="poles"),
    ),
    (
        "how many wins did ferrari have in 2022",
        CareerStatQuery(subject="Ferrari", subject_kind="team", stat="wins", year=2022),
    ),
    (
        "how many points did red bull get in 2023",
        CareerStatQuery(subject="Red Bull", subject_kind="team", stat="points", year=2023),
    ),
    (
        "how many races has alonso started",
        ArchiveStatQuery(metric="starts", driver="Fernando Alonso"),
    ),
    ("how many victories does prost have", CareerStatQuery(subject="prost", stat="wins")),
    (
        "how many podiums did russell get in 2022",
        CareerStatQuery(subject="George Russell", stat="podiums", year=2022),
    ),
    (
        "how many times has mclaren won",
        CareerStatQuery(subject="McLaren", subject_kind="team", stat="wins"),
    ),
    (
        "how many grand prix wins does Vettel have",
        CareerStatQuery(subject="Sebastian Vettel", stat="wins"),
    ),
    ("how many poles has lewis got", CareerStatQuery(subject="Lewis Hamilton", stat="poles")),
    (
        "how many wins did Piastri get in 2025",
        CareerStatQuery(subject="Oscar Piastri", stat="wins", year=2025),
    ),
    (
        "how many points did Kimi Raikkonen score in 2018",
        CareerStatQuery(subject="Kimi Raikkonen", stat="points", year=2018),
    ),
    ("how many wins did schumacher have", CareerStatQuery(subject="schumacher", stat="wins")),
    (
        "how many poles does Ayrton Senna have",
        CareerStatQuery(subject="Ayrton Senna", stat="poles"),
    ),
    # --- most wins, wins at a circuit ----------------------------------------------------------
    ("who has the most wins", MostWinsQuery()),
    ("who won the most races in 2023", MostWinsQuery(year=2023)),
    ("most wins 1988", MostWinsQuery(year=1988)),
    ("which team has the most wins", MostWinsQuery(subject_kind="team")),
    ("most successful driver of all time", MostWinsQuery()),
    ("which constructor won the most races in 2014", MostWinsQuery(subject_kind="team", year=2014)),
    ("most wins at monza", WinsAtCircuitQuery(circuit="Monza")),
    ("who has won the most at monaco", WinsAtCircuitQuery(circuit="Monaco")),
    (
        "how many times has hamilton won at silverstone",
        WinsAtCircuitQuery(circuit="Silverstone", driver="Lewis Hamilton"),
    ),
    (
        "how many wins does senna have at monaco",
        WinsAtCircuitQuery(circuit="Monaco", driver="senna"),
    ),
    ("most victories at spa", WinsAtCircuitQuery(circuit="Spa")),
    (
        "how many times did schumacher win at suzuka",
        WinsAtCircuitQuery(circuit="Suzuka", driver="schumacher"),
    ),
    (
        "verstappen wins at zandvoort how many",
        WinsAtCircuitQuery(circuit="Zandvoort", driver="Max Verstappen"),
    ),
    ("who has the most wins at interlagos", WinsAtCircuitQuery(circuit="Interlagos")),
    # --- season head-to-head -------------------------------------------------------------------
    (
        "hamilton vs rosberg 2016",
        SeasonHeadToHeadQuery(year=2016, driver_a="Lewis Hamilton", driver_b="rosberg"),
    ),
    (
        "head to head norris piastri 2024",
        SeasonHeadToHeadQuery(year=2024, driver_a="Lando Norris", driver_b="Oscar Piastri"),
    ),
    ("Senna vs Prost 1988", SeasonHeadToHeadQuery(year=1988, driver_a="Senna", driver_b="Prost")),
    (
        "compare leclerc and sainz over the 2022 season",
        SeasonHeadToHeadQuery(year=2022, driver_a="Charles Leclerc", driver_b="Carlos Sainz"),
    ),
    (
        "max vs checo 2023 season head to head",
        SeasonHeadToHeadQuery(year=2023, driver_a="Max Verstappen", driver_b="Sergio Perez"),
    ),
    (
        "who beat who in 2021, bottas or hamilton",
        SeasonHeadToHeadQuery(year=2021, driver_a="Valtteri Bottas", driver_b="Lewis Hamilton"),
    ),
    (
        "alonso v ocon 2022",
        SeasonHeadToHeadQuery(year=2022, driver_a="Fernando Alonso", driver_b="Esteban Ocon"),
    ),
    (
        "russell vs hamilton in 2023",
        SeasonHeadToHeadQuery(year=2023, driver_a="George Russell", driver_b="Lewis Hamilton"),
    ),
    # --- second batch, written after the interpreter existed, measured before any fix ----
    ("whats the pole time for baku 2023", FastestLapQuery(year=2023, event="Baku", session=Q)),
    (
        "Who was quickest in Q at Jeddah in 2022?",
        FastestLapQuery(year=2022, event="Jeddah", session=Q),
    ),
    (
        "leclerc sector times monza quali 2019",
        SectorsQuery(year=2019, event="Monza", session=Q, drivers=("LEC",)),
    ),
    (
        "show me the positions lap by lap for the 2018 baku gp",
        PositionsQuery(year=2018, event="Baku", session=R),
    ),
    ("who won the 2023 dutch gp", RaceWinnerQuery(year=2023, event="Dutch Grand Prix")),
    ("2010 abu dhabi winner", RaceWinnerQuery(year=2010, event="Abu Dhabi")),
    ("who won the 2019 austrian gp", RaceWinnerQuery(year=2019, event="Austrian Grand Prix")),
    ("podium at the 2021 british grand prix", PodiumQuery(year=2021, event="British Grand Prix")),
    ("2005 constructors champion", ChampionQuery(year=2005, championship="constructors")),
    ("who won the title in 2008", ChampionQuery(year=2008)),
    ("how many pole positions does Senna have", CareerStatQuery(subject="Senna", stat="poles")),
    (
        "how many podiums did Ferrari get in 2024",
        CareerStatQuery(subject="Ferrari", subject_kind="team", stat="podiums", year=2024),
    ),
    (
        "how many races did max win in 2023",
        CareerStatQuery(subject="Max Verstappen", stat="wins", year=2023),
    ),
    (
        "norris wins in 2024 how many",
        CareerStatQuery(subject="Lando Norris", stat="wins", year=2024),
    ),
    ("who won most races in 2021", MostWinsQuery(year=2021)),
    ("most wins at silverstone", WinsAtCircuitQuery(circuit="Silverstone")),
    (
        "vettel vs webber 2010",
        SeasonHeadToHeadQuery(year=2010, driver_a="Sebastian Vettel", driver_b="webber"),
    ),
    (
        "Gasly vs Ocon 2023 season",
        SeasonHeadToHeadQuery(year=2023, driver_a="Pierre Gasly", driver_b="Esteban Ocon"),
    ),
    ("standings after race 3 2024", ChampionshipStandingsQuery(year=2024, after_round=3)),
    (
        "what were the constructors standings in 2021",
        ChampionshipStandingsQuery(year=2021, championship="constructors"),
    ),
    (
        "tyre strategy for hamilton and bottas baku 2018",
        StrategyQuery(year=2018, event="Baku", session=R, drivers=("HAM", "BOT")),
    ),
    (
        "compare russell and hamilton in fp1 at silverstone 2024",
        BestLapsQuery(year=2024, event="Silverstone", session=FP1, drivers=("RUS", "HAM")),
    ),
    (
        "sainz vs leclerc 2022 saudi quali gap",
        BestLapsQuery(
            year=2022, event="Saudi Arabian Grand Prix", session=Q, drivers=("SAI", "LEC")
        ),
    ),
    (
        "hulk top speed monza 2019 qualifying",
        SpeedTrapsQuery(year=2019, event="Monza", session=Q, drivers=("HUL",)),
    ),
    (
        "weather during fp2 at the 2020 hungarian gp",
        WeatherQuery(year=2020, event="Hungarian Grand Prix", session=FP2),
    ),
    ("teammate gap in qualifying baku 2023", TeammatesQuery(year=2023, event="Baku", session=Q)),
    (
        "who had the most degradation in the 2025 miami sprint",
        DegradationQuery(year=2025, event="Miami", session=S),
    ),
    ("race trace miami sprint 2025", GapsQuery(year=2025, event="Miami", session=S)),
    (
        "theoretical best sprint shootout baku 2023",
        TheoreticalBestQuery(year=2023, event="Baku", session=SQ),
    ),  # --- race summary: open questions about a whole session (issue 11) -----------------
    (
        "what happened in the 2018 azerbaijan grand prix",
        RaceSummaryQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
    ),
    ("what happened at baku in 2018", RaceSummaryQuery(year=2018, event="Baku", session=R)),
    ("tell me about the 2025 miami sprint", RaceSummaryQuery(year=2025, event="Miami", session=S)),
    (
        "give me a recap of the 2023 baku sprint",
        RaceSummaryQuery(year=2023, event="Baku", session=S),
    ),
    ("summary of the 2018 baku race", RaceSummaryQuery(year=2018, event="Baku", session=R)),
    (
        "how did the 2018 azerbaijan gp go",
        RaceSummaryQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
    ),
    (
        "what were the highlights of the 2025 miami sprint race",
        RaceSummaryQuery(year=2025, event="Miami", session=S),
    ),
    (
        "quick rundown of the baku 2018 race please",
        RaceSummaryQuery(year=2018, event="Baku", session=R),
    ),
    (
        "talk me through the 2018 azerbaijan grand prix",
        RaceSummaryQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
    ),
    (
        "what went on in the 2023 azerbaijan sprint",
        RaceSummaryQuery(year=2023, event="Azerbaijan Grand Prix", session=S),
    ),
    (
        "what happened in qualifying at monza 2019",
        RaceSummaryQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "tell me about 2022 saudi arabia qualifying",
        RaceSummaryQuery(year=2022, event="Saudi Arabian Grand Prix", session=Q),
    ),
    (
        "what happened in the sprint shootout at baku 2023",
        RaceSummaryQuery(year=2023, event="Baku", session=SQ),
    ),
    ("what happened in fp2 at monza 2021", RaceSummaryQuery(year=2021, event="Monza", session=FP2)),
    (
        "overview of the 2024 china sprint qualifying",
        RaceSummaryQuery(year=2024, event="Chinese Grand Prix", session=SQ),
    ),
    (
        "how was the 2019 italian gp qualifying",
        RaceSummaryQuery(year=2019, event="Italian Grand Prix", session=Q),
    ),
    (
        "sum up the 2018 azerbaijan gp for me",
        RaceSummaryQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
    ),
    # --- driver session summary: how one driver's session went ------------------------
    (
        "how was Alonso's qualifying at the 2019 italian gp",
        DriverSessionSummaryQuery(
            year=2019, event="Italian Grand Prix", session=Q, drivers=("ALO",)
        ),
    ),
    (
        "what happened to Bottas in Baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("BOT",)),
    ),
    (
        "how did Norris do in the 2025 miami sprint",
        DriverSessionSummaryQuery(year=2025, event="Miami", session=S, drivers=("NOR",)),
    ),
    (
        "how was Leclerc's race in baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("LEC",)),
    ),
    (
        "tell me about Hulkenberg's 2018 azerbaijan gp",
        DriverSessionSummaryQuery(
            year=2018, event="Azerbaijan Grand Prix", session=R, drivers=("HUL",)
        ),
    ),
    (
        "how did Verstappen get on in monza qualifying 2019",
        DriverSessionSummaryQuery(year=2019, event="Monza", session=Q, drivers=("VER",)),
    ),
    (
        "how did kimi fare in baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("RAI",)),
    ),
    (
        "what went wrong for Ricciardo in Baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("RIC",)),
    ),
    (
        "how was Hamilton's sprint in Miami 2025",
        DriverSessionSummaryQuery(year=2025, event="Miami", session=S, drivers=("HAM",)),
    ),
    (
        "how did Perez go in the 2023 baku sprint shootout",
        DriverSessionSummaryQuery(year=2023, event="Baku", session=SQ, drivers=("PER",)),
    ),
    (
        "summary of Sainz's qualifying at monza 2019",
        DriverSessionSummaryQuery(year=2019, event="Monza", session=Q, drivers=("SAI",)),
    ),
    (
        "how was Russell's FP2 at monza 2021",
        DriverSessionSummaryQuery(year=2021, event="Monza", session=FP2, drivers=("RUS",)),
    ),
    (
        "what happened to Leclerc in the 2025 miami sprint",
        DriverSessionSummaryQuery(year=2025, event="Miami", session=S, drivers=("LEC",)),
    ),
    (
        "recap of Tsunoda's 2025 miami sprint",
        DriverSessionSummaryQuery(year=2025, event="Miami", session=S, drivers=("TSU",)),
    ),
    (
        "how did Stroll perform in the 2023 baku sprint",
        DriverSessionSummaryQuery(year=2023, event="Baku", session=S, drivers=("STR",)),
    ),
    (
        "how did the red bulls do in baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("RIC", "VER")),
    ),
    (
        "how did Ferrari do in the 2018 azerbaijan grand prix",
        DriverSessionSummaryQuery(
            year=2018, event="Azerbaijan Grand Prix", session=R, drivers=("RAI", "VET")
        ),
    ),
    (
        "how was Norris's 2024 spanish gp qualifying",
        DriverSessionSummaryQuery(
            year=2024, event="Spanish Grand Prix", session=Q, drivers=("NOR",)
        ),
    ),
    (
        "how did Vettel's race go in baku 2018",
        DriverSessionSummaryQuery(year=2018, event="Baku", session=R, drivers=("VET",)),
    ),
    (
        "how s ocon s sprint at baku 2023 been",
        DriverSessionSummaryQuery(year=2023, event="Baku", session=S, drivers=("OCO",)),
    ),
    # --- near neighbours of the summaries: precise questions keep their kinds ----------
    (
        "where did Bottas finish in the 2018 baku race",
        ClassificationQuery(year=2018, event="Baku", session=R, drivers=("BOT",)),
    ),
    (
        "what was the winning margin in the 2018 baku race",
        GapsQuery(year=2018, event="Baku", session=R),
    ),
    (
        "what tyres did Norris use in the 2025 miami sprint",
        StrategyQuery(year=2025, event="Miami", session=S, drivers=("NOR",)),
    ),
    (
        "how was Alonso's pace in the 2018 baku race",
        RacePaceQuery(year=2018, event="Baku", session=R, drivers=("ALO",)),
    ),
    ("who won the 2025 miami sprint", ClassificationQuery(year=2025, event="Miami", session=S)),
    (
        "how was the weather in the 2025 miami sprint",
        WeatherQuery(year=2025, event="Miami", session=S),
    ),
    (
        "how were the pit stops in the 2018 azerbaijan grand prix",
        PitStopsQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
    ),
    # --- laps led (end-of-lap position 1), never the winner -------------------------------
    ("who led the most laps at baku in 2018", LapsLedQuery(year=2018, event="Baku", session=R)),
    (
        "how many laps did Vettel lead in the 2018 Azerbaijan Grand Prix?",
        LapsLedQuery(year=2018, event=AZE, session=R, drivers=("VET",)),
    ),
    (
        "laps led by bottas baku 2018",
        LapsLedQuery(year=2018, event="Baku", session=R, drivers=("BOT",)),
    ),
    ("laps in the lead miami sprint 2025", LapsLedQuery(year=2025, event="Miami", session=S)),
    (
        "did norris lead any laps in the 2025 miami sprint",
        LapsLedQuery(year=2025, event="Miami", session=S, drivers=("NOR",)),
    ),
    (
        "how many laps has piastri led in the miami sprint 2025",
        LapsLedQuery(year=2025, event="Miami", session=S, drivers=("PIA",)),
    ),
    ("most laps led baku sprint 2023", LapsLedQuery(year=2023, event="Baku", session=S)),
    (
        "who was in the lead for longest at the 2018 azerbaijan gp",
        LapsLedQuery(year=2018, event=AZE, session=R),
    ),
    (
        "which laps did hamilton lead at baku 2018",
        LapsLedQuery(year=2018, event="Baku", session=R, drivers=("HAM",)),
    ),
    ("lap leaders 2018 baku race", LapsLedQuery(year=2018, event="Baku", session=R)),
    (
        "for how many laps did leclerc lead the 2023 azerbaijan sprint",
        LapsLedQuery(year=2023, event=AZE, session=S, drivers=("LEC",)),
    ),
    (
        "Kimi Antonelli laps led Miami sprint 2025",
        LapsLedQuery(year=2025, event="Miami", session=S, drivers=("ANT",)),
    ),
    (
        "who was leading the race most of the time in baku 2018",
        LapsLedQuery(year=2018, event="Baku", session=R),
    ),
    (
        "how many laps did the winner lead in the 2018 azerbaijan grand prix",
        LapsLedQuery(year=2018, event=AZE, session=R),
    ),
    ("laps led in baku 2018", LapsLedQuery(year=2018, event="Baku", session=R)),
    ("who led the 2023 baku sprint", LapsLedQuery(year=2023, event="Baku", session=S)),
    # once refused (no laps-led kind): the laps led answer it
    (
        "what happened with the laps led in baku 2018",
        LapsLedQuery(year=2018, event="Baku", session=R),
    ),
    # near neighbours: the winner, laps completed, positions, the championship leader
    (
        "who led the championship in 2021",
        ChampionshipStandingsQuery(year=2021, championship="drivers"),
    ),
    (
        "who won the sprint in baku 2023",
        ClassificationQuery(year=2023, event="Baku", session=S),
    ),
    (
        "how many laps did vettel complete in the 2018 baku race",
        LapsCompletedQuery(year=2018, event="Baku", session=R, drivers=("VET",)),
    ),
    ("lap chart baku 2018", PositionsQuery(year=2018, event="Baku", session=R)),
    # --- practice order: who topped it, the timesheet by best valid lap -------------------
    (
        "who topped fp1 at silverstone 2024",
        PracticeOrderQuery(year=2024, event="Silverstone", session=FP1),
    ),
    (
        "who was top of the timesheets in fp2 at monza 2021",
        PracticeOrderQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "fp2 results hungary 2020",
        PracticeOrderQuery(year=2020, event="Hungarian Grand Prix", session=FP2),
    ),
    (
        "order of fp1 at the 2022 british grand prix",
        PracticeOrderQuery(year=2022, event="British Grand Prix", session=FP1),
    ),
    (
        "where did hamilton finish in fp1 at silverstone 2024",
        PracticeOrderQuery(year=2024, event="Silverstone", session=FP1, drivers=("HAM",)),
    ),
    (
        "who won second practice at the 70th anniversary gp 2020",
        PracticeOrderQuery(year=2020, event="70th Anniversary Grand Prix", session=FP2),
    ),
    (
        "fp2 classification monza 2021",
        PracticeOrderQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "where was verstappen in the fp2 order at monza 2021",
        PracticeOrderQuery(year=2021, event="Monza", session=FP2, drivers=("VER",)),
    ),
    (
        "who topped the times in first practice silverstone 2022",
        PracticeOrderQuery(year=2022, event="Silverstone", session=FP1),
    ),
    (
        "final order free practice 2 hungaroring 2020",
        PracticeOrderQuery(year=2020, event="Hungaroring", session=FP2),
    ),
    (
        "where did leclerc end up in fp1 at the 2024 british gp",
        PracticeOrderQuery(year=2024, event="British Grand Prix", session=FP1, drivers=("LEC",)),
    ),
    (
        "top 10 in fp2 at the 2021 italian grand prix",
        PracticeOrderQuery(year=2021, event="Italian Grand Prix", session=FP2),
    ),
    (
        "where did russell end up in practice 1 silverstone 2024",
        PracticeOrderQuery(year=2024, event="Silverstone", session=FP1, drivers=("RUS",)),
    ),
    (
        "who headed the timesheets in fp2 at silverstone 2020",
        PracticeOrderQuery(year=2020, event="Silverstone", session=FP2),
    ),
    (
        "fp1 finishing order 2022 silverstone",
        PracticeOrderQuery(year=2022, event="Silverstone", session=FP1),
    ),
    # near neighbours: qualifying's order is its classification; one lap is fastest-lap
    (
        "who topped qualifying at monza 2019",
        FastestLapQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "qualifying results monza 2019",
        ClassificationQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "fastest lap in fp2 monza 2021",
        FastestLapQuery(year=2021, event="Monza", session=FP2),
    ),
    # --- one driver's pit stops: his stops, never the session's total ---------------------
    (
        "when did vettel pit in baku 2018",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("VET",)),
    ),
    (
        "how many times did bottas pit in the 2018 baku race",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("BOT",)),
    ),
    (
        "how long was perez's pit stop in baku 2018",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("PER",)),
    ),
    (
        "How many pit stops did Hamilton make in the 2018 Azerbaijan GP?",
        DriverPitStopsQuery(year=2018, event=AZE, session=R, drivers=("HAM",)),
    ),
    (
        "ocon pit stops baku sprint 2023",
        DriverPitStopsQuery(year=2023, event="Baku", session=S, drivers=("OCO",)),
    ),
    (
        "when did sainz stop in the 2025 miami sprint",
        DriverPitStopsQuery(year=2025, event="Miami", session=S, drivers=("SAI",)),
    ),
    (
        "vandoorne's stops in the 2018 azerbaijan race",
        DriverPitStopsQuery(year=2018, event=AZE, session=R, drivers=("VAN",)),
    ),
    (
        "on which lap did raikkonen pit at baku 2018",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("RAI",)),
    ),
    (
        "ericsson pitstops 2018 azerbaijan gp",
        DriverPitStopsQuery(year=2018, event=AZE, session=R, drivers=("ERI",)),
    ),
    (
        "did norris pit in the baku sprint 2023",
        DriverPitStopsQuery(year=2023, event="Baku", session=S, drivers=("NOR",)),
    ),
    (
        "how many stops did antonelli make in the miami sprint 2025",
        DriverPitStopsQuery(year=2025, event="Miami", session=S, drivers=("ANT",)),
    ),
    (
        "pit stops of leclerc and ericsson baku 2018",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("LEC", "ERI")),
    ),
    (
        "hartley pit lane times 2018 baku",
        DriverPitStopsQuery(year=2018, event="Baku", session=R, drivers=("HAR",)),
    ),
    (
        "what tyres did gasly pit for in the 2018 azerbaijan race",
        DriverPitStopsQuery(year=2018, event=AZE, session=R, drivers=("GAS",)),
    ),
    (
        "when did verstappen pit in the 2018 azerbaijan grand prix",
        DriverPitStopsQuery(year=2018, event=AZE, session=R, drivers=("VER",)),
    ),
    # near neighbours: the session's stops are pit-stops
    ("total pit stops baku 2018", PitStopsQuery(year=2018, event="Baku", session=R)),
    (
        "how many pit stops were made in the 2025 miami sprint",
        PitStopsQuery(year=2025, event="Miami", session=S),
    ),
    ("fastest pit stop 2018 baku", PitStopsQuery(year=2018, event="Baku", session=R)),
    # --- starting tyres --------------------------------------------------------------------
    (
        "who started on softs in baku 2018",
        StartingTyresQuery(year=2018, event="Baku", session=R),
    ),
    (
        "which tyre did hamilton start on in the 2018 azerbaijan gp",
        StartingTyresQuery(year=2018, event=AZE, session=R, drivers=("HAM",)),
    ),
    (
        "starting tyres baku sprint 2023",
        StartingTyresQuery(year=2023, event="Baku", session=S),
    ),
    (
        "what compound did norris start the 2023 azerbaijan sprint on",
        StartingTyresQuery(year=2023, event=AZE, session=S, drivers=("NOR",)),
    ),
    (
        "did anyone start on the hards in the miami sprint 2025",
        StartingTyresQuery(year=2025, event="Miami", session=S),
    ),
    (
        "who started the race on ultrasofts at baku 2018",
        StartingTyresQuery(year=2018, event="Baku", session=R),
    ),
    (
        "what tyres were they on at the start of the 2025 miami sprint",
        StartingTyresQuery(year=2025, event="Miami", session=S),
    ),
    (
        "starting compound of raikkonen baku 2018",
        StartingTyresQuery(year=2018, event="Baku", session=R, drivers=("RAI",)),
    ),
    (
        "which drivers started on mediums in the baku sprint 2023",
        StartingTyresQuery(year=2023, event="Baku", session=S),
    ),
    (
        "did bottas start on the soft in the 2023 azerbaijan sprint",
        StartingTyresQuery(year=2023, event=AZE, session=S, drivers=("BOT",)),
    ),
    (
        "tyres at the start baku 2018",
        StartingTyresQuery(year=2018, event="Baku", session=R),
    ),
    (
        "hartley started on which tyres in the 2018 azerbaijan race",
        StartingTyresQuery(year=2018, event=AZE, session=R, drivers=("HAR",)),
    ),
    (
        "how long was vettel's first stint in baku 2018",
        StartingTyresQuery(year=2018, event="Baku", session=R, drivers=("VET",)),
    ),
    (
        "who began on intermediates in the 2025 miami sprint",
        StartingTyresQuery(year=2025, event="Miami", session=S),
    ),
    (
        "start tyres everyone 2018 azerbaijan grand prix",
        StartingTyresQuery(year=2018, event=AZE, session=R),
    ),
    # near neighbours: starting on pole is the grid; the whole race is the strategy
    (
        "who started on pole in baku 2018",
        FastestLapQuery(year=2018, event="Baku", session=Q),
    ),
    (
        "hamilton tyre strategy baku 2018",
        StrategyQuery(year=2018, event="Baku", session=R, drivers=("HAM",)),
    ),
    # --- biggest movers: gainers and losers, grid to classified finish -------------------
    (
        "who gained the most places in the 2018 azerbaijan gp",
        BiggestMoversQuery(year=2018, event=AZE, session=R),
    ),
    (
        "biggest movers in the 2023 baku sprint",
        BiggestMoversQuery(year=2023, event="Baku", session=S),
    ),
    (
        "who lost the most places in the miami sprint 2025",
        BiggestMoversQuery(year=2025, event="Miami", session=S),
    ),
    (
        "biggest gainers and losers baku 2018",
        BiggestMoversQuery(year=2018, event="Baku", session=R),
    ),
    (
        "who climbed the most positions at the 2025 miami sprint",
        BiggestMoversQuery(year=2025, event="Miami", session=S),
    ),
    (
        "did tsunoda gain the most places in the miami sprint 2025",
        BiggestMoversQuery(year=2025, event="Miami", session=S, drivers=("TSU",)),
    ),
    (
        "who made up the most places at baku in 2018",
        BiggestMoversQuery(year=2018, event="Baku", session=R),
    ),
    (
        "who dropped the most positions in the 2023 azerbaijan sprint",
        BiggestMoversQuery(year=2023, event=AZE, session=S),
    ),
    (
        "biggest climber 2018 baku race",
        BiggestMoversQuery(year=2018, event="Baku", session=R),
    ),
    (
        "most places lost baku sprint 2023",
        BiggestMoversQuery(year=2023, event="Baku", session=S),
    ),
    (
        "was stroll the biggest gainer in the 2025 miami sprint",
        BiggestMoversQuery(year=2025, event="Miami", session=S, drivers=("STR",)),
    ),
    (
        "who moved up the most from the grid in baku 2018",
        BiggestMoversQuery(year=2018, event="Baku", session=R),
    ),
    (
        "biggest losers 2025 miami sprint",
        BiggestMoversQuery(year=2025, event="Miami", session=S),
    ),
    (
        "who fell the most places in the 2018 azerbaijan race",
        BiggestMoversQuery(year=2018, event=AZE, session=R),
    ),
    (
        "most positions gained 2023 baku sprint",
        BiggestMoversQuery(year=2023, event="Baku", session=S),
    ),
    # near neighbours: one driver from grid to flag is grid-vs-finish
    (
        "how many places did leclerc gain in the 2018 baku race",
        GridVsFinishQuery(year=2018, event="Baku", session=R, drivers=("LEC",)),
    ),
    ("grid vs finish miami sprint 2025", GridVsFinishQuery(year=2025, event="Miami", session=S)),
    # --- archive statistics (issue 11), written before the rules for them ---------------
    ("how many world titles does schumacher have", AS(metric="titles", driver="schumacher")),
    ("how many championships did lewis hamilton win", AS(metric="titles", driver="Lewis Hamilton")),
    ("who took the most pole positions in 2023", AS(metric="poles", aggregation="most", **Y(2023))),
    ("most poles 1988", AS(metric="poles", aggregation="most", **Y(1988))),
    (
        "how many races did ferrari win in 2004",
        CareerStatQuery(subject="Ferrari", subject_kind="team", stat="wins", year=2004),
    ),
    ("mclaren podiums 1988", AS(metric="podiums", subject_kind="team", team="McLaren", **Y(1988))),
    (
        "when was alonso's first grand prix win",
        AS(metric="wins", aggregation="first", driver="Fernando Alonso"),
    ),
    ("jenson button's last victory", AS(metric="wins", aggregation="last", driver="jenson button")),
    ("who is the youngest ever race winner", AS(metric="wins", aggregation="youngest")),
    ("oldest driver to win a grand prix", AS(metric="wins", aggregation="oldest")),
    ("youngest world champion", AS(metric="titles", aggregation="youngest")),
    ("who was the youngest pole sitter", AS(metric="poles", aggregation="youngest")),
    ("who finished 4th in the 1998 drivers championship", CP(4, 1998)),
    ("who was third in the 2016 standings", CP(3, 2016)),
    ("2008 constructors standings who came second", CP(2, 2008, team=True)),
    ("which team finished third in the constructors championship in 2019", CP(3, 2019, team=True)),
    ("first race held at suzuka", AS(metric="races", aggregation="first", circuit="Suzuka")),
    (
        "when was the first grand prix at monza",
        AS(metric="races", aggregation="first", circuit="Monza"),
    ),
    (
        "most recent grand prix held at imola",
        AS(metric="races", aggregation="last", circuit="Imola"),
    ),
    (
        "how many times has hamilton won from pole",
        AS(metric="wins", driver="Lewis Hamilton", grid=1),
    ),
    ("how many wins from pole did senna get", AS(metric="wins", driver="senna", grid=1)),
    (
        "which constructor has won the most constructors titles",
        AS(metric="titles", aggregation="most", subject_kind="team"),
    ),
    ("which driver has the most titles", AS(metric="titles", aggregation="most")),
    (
        "how many different race winners were there in 2012",
        AS(metric="wins", aggregation="count_distinct", **Y(2012)),
    ),
    (
        "how many different pole sitters in 2024",
        AS(metric="poles", aggregation="count_distinct", **Y(2024)),
    ),
    ("who is third on the all time wins list", AS(metric="wins", aggregation="most", rank=3)),
    ("who has the second most poles ever", AS(metric="poles", aggregation="most", rank=2)),
    ("senna poles at mclaren", AS(metric="poles", driver="senna", team="McLaren")),
    (
        "how many wins did hamilton get with mercedes",
        AS(metric="wins", driver="Lewis Hamilton", team="Mercedes"),
    ),
    ("how many fastest laps has hamilton set", AS(metric="fastest_laps", driver="Lewis Hamilton")),
    (
        "how many dnfs did verstappen have in 2022",
        AS(metric="dnfs", driver="Max Verstappen", **Y(2022)),
    ),
    ("how many retirements has alonso had", AS(metric="dnfs", driver="Fernando Alonso")),
    ("most podiums in 2021", AS(metric="podiums", aggregation="most", **Y(2021))),
    ("who scored the most points in 2023", AS(metric="points", aggregation="most", **Y(2023))),
    (
        "most wins between 2010 and 2013",
        AS(metric="wins", aggregation="most", year_from=2010, year_to=2013),
    ),
    ("how many wins have british drivers had", AS(metric="wins", nationality="British")),
    ("most wins by a finnish driver", AS(metric="wins", aggregation="most", nationality="Finnish")),
    (
        "hamilton wins per season",
        AS(metric="wins", aggregation="per_season", driver="Lewis Hamilton"),
    ),
    (
        "ferrari poles each season since 2015",
        AS(
            metric="poles",
            aggregation="per_season",
            subject_kind="team",
            team="Ferrari",
            year_from=2015,
        ),
    ),
    (
        "how many times did alonso finish second",
        AS(metric="starts", driver="Fernando Alonso", position=2),
    ),
    ("fewest points in 2023", AS(metric="points", aggregation="fewest", **Y(2023))),
    ("who has the most starts", AS(metric="starts", aggregation="most")),
    (
        "who won the most titles in the 2000s",
        AS(metric="titles", aggregation="most", year_from=2000, year_to=2009),
    ),
    (
        "how many wins did mclaren have in the 1980s",
        AS(metric="wins", subject_kind="team", team="McLaren", year_from=1980, year_to=1989),
    ),
    ("most poles in the 90s", AS(metric="poles", aggregation="most", year_from=1990, year_to=1999)),
    (
        "how many poles did hamilton get at monza",
        AS(metric="poles", driver="Lewis Hamilton", circuit="Monza"),
    ),
    ("verstappen's first pole", AS(metric="poles", aggregation="first", driver="Max Verstappen")),
    # a historic race from the official results
    ("what was the winning margin in the 2010 abu dhabi gp", HR(2010, "Abu Dhabi Grand Prix")),
    ("how much did hamilton win by at silverstone 2008", HR(2008, "Silverstone")),
    ("who was on pole for the 1988 monaco grand prix", HR(1988, "Monaco Grand Prix")),
    ("fastest lap of the 2010 abu dhabi gp", HR(2010, "Abu Dhabi Grand Prix")),
    ("what happened at the 1998 belgian grand prix", HR(1998, "Belgian Grand Prix")),
    ("podium pole and fastest lap of the 2005 japanese gp", HR(2005, "Japanese Grand Prix")),
    # team-mates over a season, only the rounds both drove for the team
    ("mercedes teammate head to head 2016", TM(2016, team="Mercedes")),
    ("who won the teammate battle at red bull in 2019", TM(2019, team="Red Bull")),
    ("how did alonso do against his teammate in 2023", TM(2023, a="Fernando Alonso")),
    ("hamilton vs rosberg as teammates in 2016", TM(2016, a="Lewis Hamilton", b="rosberg")),
    ("senna vs prost teammate battle 1988", TM(1988, a="senna", b="prost")),
    # near neighbours the older kinds still answer exactly
    (
        "how many poles does max have in 2023",
        CareerStatQuery(subject="Max Verstappen", stat="poles", year=2023),
    ),
    ("who won the most races in 2016", MostWinsQuery(year=2016)),
    ("who was runner up in the 2016 championship", ChampionQuery(year=2016, runner_up=True)),
    (
        "how many times has senna won at monaco",
        WinsAtCircuitQuery(circuit="Monaco", driver="senna"),
    ),
    ("who won the 2012 brazilian gp", RaceWinnerQuery(year=2012, event="São Paulo")),
    (
        "2008 constructors standings",
        ChampionshipStandingsQuery(year=2008, championship="constructors"),
    ),
]

RefusalKind = Literal["ambiguous", "off_topic", "future", "unknown_name", "unsupported"]

REFUSAL_BANK: list[tuple[str, RefusalKind]] = [
    # not about F1
    ("what's the weather in Paris tomorrow", "off_topic"),
    ("write me a poem", "off_topic"),
    ("write a poem about Max Verstappen", "off_topic"),
    ("tell me a joke", "off_topic"),
    ("what is the capital of australia", "off_topic"),
    ("how do I bake sourdough bread", "off_topic"),
    ("bitcoin price", "off_topic"),
    ("who is the president of france", "off_topic"),
    ("translate hello into spanish", "off_topic"),
    ("will it rain in london this weekend", "off_topic"),
    ("recommend a good movie", "off_topic"),
    ("hello", "off_topic"),
    # future seasons
    ("who will win the 2027 championship", "future"),
    ("who won the 2026 abu dhabi gp", "future"),
    ("2030 standings", "future"),
    ("fastest lap 2026 monza qualifying", "future"),
    ("who won the title this year", "future"),
    ("how many wins does norris have in 2026", "future"),
    ("next year's champion", "future"),
    # cannot pin it down
    ("who won the monaco grand prix", "ambiguous"),
    ("fastest lap at monza 2019", "ambiguous"),
    ("sector times barcelona 2024", "ambiguous"),
    ("compare verstappen and perez in 2023 baku", "ambiguous"),
    ("who won the championship", "ambiguous"),
    ("standings after round 5", "ambiguous"),
    ("who was on pole", "ambiguous"),
    ("long runs monza 2021", "ambiguous"),
    ("practice times silverstone 2024", "ambiguous"),
    ("who won the last race", "ambiguous"),
    ("who won the race this weekend", "ambiguous"),
    ("compare 2023 and 2024 baku qualifying", "ambiguous"),
    ("fastest lap in quali", "ambiguous"),
    ("pit stops in 2018", "ambiguous"),
    ("how many wins", "ambiguous"),
    ("who won in monza and spa in 2020", "ambiguous"),
    ("kimi fastest lap monza quali", "ambiguous"),
    # unknown people
    ("How did Smith do in the 2024 Spanish GP qualifying?", "unknown_name"),
    ("compare verstappen and jones in 2023 baku quali", "unknown_name"),
    ("how many wins does Smith have", "unknown_name"),
    ("what was Bloggs's fastest lap in 2019 Monza qualifying", "unknown_name"),
    ("car 99 fastest lap 2024 spanish gp qualifying", "unknown_name"),
    # archive statistics with a qualifier they cannot honour, or missing a season
    ("most podiums without a win", "unsupported"),
    ("longest winning streak in f1", "unsupported"),
    ("how many consecutive wins did verstappen have", "unsupported"),
    ("what is hamilton's pole to win conversion rate", "unsupported"),
    ("who finished fourth in the championship", "ambiguous"),
    ("youngest team to win a race", "unsupported"),
    ("how many laps has hamilton led in his career", "unsupported"),
    ("average points per race for norris in 2024", "unsupported"),
    ("teammate battle at ferrari", "ambiguous"),
    ("which driver won the most races in one season", "unsupported"),
    ("who was the first driver to win 100 races", "unsupported"),
    ("who finished third in the championship", "ambiguous"),
    # summaries never answer what they cannot honour
    ("what happened to Smith in the 2018 baku race", "unknown_name"),
    ("tell me what happened in the race", "ambiguous"),
    ("what happened on the opening lap of the 2018 baku race", "unsupported"),
    ("tell me about the start of the 2025 miami sprint", "unsupported"),
    ("what happened in the final laps of baku 2018", "unsupported"),
    ("tell me about the crash in the 2018 azerbaijan gp", "unsupported"),
    ("how did the rookies get on in the 2025 miami sprint", "unknown_name"),
    ("what happened to the backmarkers in baku 2018", "unknown_name"),
]
