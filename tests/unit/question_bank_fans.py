"""A third batch for the tuned bank: fans' phrasings, weighted to the kinds with few entries.

Written from the user's side before the interpreter was run on them: typos, nicknames,
lower case, no punctuation, slang, British and American spelling, "GP", cities for
countries, rambling. Each expectation is what the question means, in the conventions of
``question_bank`` (a Grand Prix by its name, a circuit or city as said, a country that held
several races in a season as the country, e.g. "Italy" in 2020, for the session loader to
ask which). The interpreter runs with ``current_year=2026`` and data up to 2025.

``tests/unit/test_rules_interpreter.py`` checks them with the rest of the bank.
"""

from __future__ import annotations

from tests.unit.question_bank import AZE, ESP, FP1, FP2, FP3, SQ, Q, R, RefusalKind, S

from f1core.kinds.archive_career_stat import CareerStatQuery
from f1core.kinds.archive_champion import ChampionQuery
from f1core.kinds.archive_head_to_head import SeasonHeadToHeadQuery
from f1core.kinds.archive_most_wins import MostWinsQuery
from f1core.kinds.archive_podium import PodiumQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.archive_standings import ChampionshipStandingsQuery
from f1core.kinds.archive_stat import ArchiveStatQuery
from f1core.kinds.archive_wins_at_circuit import WinsAtCircuitQuery
from f1core.kinds.best_laps import BestLapsQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.degradation import DegradationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.gaps import GapsQuery
from f1core.kinds.grid_vs_finish import GridVsFinishQuery
from f1core.kinds.laps_completed import LapsCompletedQuery
from f1core.kinds.long_runs import LongRunsQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.positions import PositionsQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.sectors import SectorsQuery
from f1core.kinds.speed_traps import SpeedTrapsQuery
from f1core.kinds.strategy import StrategyQuery
from f1core.kinds.teammates import TeammatesQuery
from f1core.kinds.theoretical_best import TheoreticalBestQuery
from f1core.kinds.weather import WeatherQuery
from f1core.query import Query

CHN = "Chinese Grand Prix"
HUN = "Hungarian Grand Prix"
GBR = "British Grand Prix"
KSA = "Saudi Arabian Grand Prix"
SEVENTY = "70th Anniversary Grand Prix"
MEX = "Mexico City"

FAN_QUERIES: list[tuple[str, Query]] = [
    # --- laps completed --------------------------------------------------------------------
    (
        "how many laps did hartley complete in the 2018 azerbaijan gp",
        LapsCompletedQuery(year=2018, event=AZE, session=R, drivers=("HAR",)),
    ),
    (
        "laps completed by each driver fp1 silverstone 2024",
        LapsCompletedQuery(year=2024, event="Silverstone", session=FP1),
    ),
    (
        "who did the most laps in fp2 at the 2020 hungarian gp",
        LapsCompletedQuery(year=2020, event=HUN, session=FP2),
    ),
    (
        "how many laps did stroll do in qualifying at monza 2019",
        LapsCompletedQuery(year=2019, event="Monza", session=Q, drivers=("STR",)),
    ),
    (
        "lap count per driver 2023 baku sprint",
        LapsCompletedQuery(year=2023, event="Baku", session=S),
    ),
    (
        "how many laps did vettel manage in the baku race 2018",
        LapsCompletedQuery(year=2018, event="Baku", session=R, drivers=("VET",)),
    ),
    (
        "laps covered in fp2 70th anniversary 2020",
        LapsCompletedQuery(year=2020, event=SEVENTY, session=FP2),
    ),
    (
        "how many laps did sainz get through in fp2 monza 2021",
        LapsCompletedQuery(year=2021, event="Monza", session=FP2, drivers=("SAI",)),
    ),
    (
        "How many laps did Norris complete in the 2025 Miami sprint?",
        LapsCompletedQuery(year=2025, event="Miami", session=S, drivers=("NOR",)),
    ),
    (
        "number of laps each driver did in qualifying jeddah 2022",
        LapsCompletedQuery(year=2022, event="Jeddah", session=Q),
    ),
    (
        "who ran the fewest laps in fp1 at the 2022 british grand prix",
        LapsCompletedQuery(year=2022, event=GBR, session=FP1),
    ),
    (
        "mileage for everyone in fp1 silverstone 2024",
        LapsCompletedQuery(year=2024, event="Silverstone", session=FP1),
    ),
    (
        "how many laps did perez do in the baku sprint shootout 2023",
        LapsCompletedQuery(year=2023, event="Baku", session=SQ, drivers=("PER",)),
    ),
    (
        "how many laps did leclerc rack up in fp2 monza 2021",
        LapsCompletedQuery(year=2021, event="Monza", session=FP2, drivers=("LEC",)),
    ),
    (
        "laps completed china 2024 sprint quali",
        LapsCompletedQuery(year=2024, event=CHN, session=SQ),
    ),
    (
        "how many laps did magnussen finish in the 2018 azerbaijan race",
        LapsCompletedQuery(year=2018, event=AZE, session=R, drivers=("MAG",)),
    ),
    (
        "how many laps did hamilton and russell complete in fp1 at silverstone 2024",
        LapsCompletedQuery(year=2024, event="Silverstone", session=FP1, drivers=("HAM", "RUS")),
    ),
    # --- positions ---------------------------------------------------------------------------
    ("lap chart 2025 miami sprint", PositionsQuery(year=2025, event="Miami", session=S)),
    (
        "running order lap by lap in the 2018 azerbaijan gp",
        PositionsQuery(year=2018, event=AZE, session=R),
    ),
    (
        "how did the positions change through the 2023 baku sprint",
        PositionsQuery(year=2023, event="Baku", session=S),
    ),
    (
        "hamilton's position on every lap baku 2018",
        PositionsQuery(year=2018, event="Baku", session=R, drivers=("HAM",)),
    ),
    (
        "position chart for vettel and bottas 2018 baku",
        PositionsQuery(year=2018, event="Baku", session=R, drivers=("VET", "BOT")),
    ),
    (
        "plot the positions in the miami sprint 2025",
        PositionsQuery(year=2025, event="Miami", session=S),
    ),
    (
        "where was everyone running each lap in baku 2018",
        PositionsQuery(year=2018, event="Baku", session=R),
    ),
    (
        "positions lap by lap 2024 chinese sprint",
        PositionsQuery(year=2024, event=CHN, session=S),
    ),
    (
        "position changes for leclerc in the 2023 azerbaijan sprint",
        PositionsQuery(year=2023, event=AZE, session=S, drivers=("LEC",)),
    ),
    (
        "lap-by-lap position graph 2018 azerbaijan grand prix",
        PositionsQuery(year=2018, event=AZE, session=R),
    ),
    (
        "who was where on each lap of the 2025 miami sprint",
        PositionsQuery(year=2025, event="Miami", session=S),
    ),
    (
        "russell position every lap miami sprint 2025",
        PositionsQuery(year=2025, event="Miami", session=S, drivers=("RUS",)),
    ),
    # --- grid vs finish ------------------------------------------------------------------------
    (
        "grid vs finishing positions 2025 miami sprint",
        GridVsFinishQuery(year=2025, event="Miami", session=S),
    ),
    (
        "starting position vs finishing position baku 2018",
        GridVsFinishQuery(year=2018, event="Baku", session=R),
    ),
    (
        "places gained and lost in the 2018 azerbaijan gp",
        GridVsFinishQuery(year=2018, event=AZE, session=R),
    ),
    (
        "how many places did sainz make up in the 2018 azerbaijan gp",
        GridVsFinishQuery(year=2018, event=AZE, session=R, drivers=("SAI",)),
    ),
    (
        "where did everyone start and finish in the 2023 baku sprint",
        GridVsFinishQuery(year=2023, event="Baku", session=S),
    ),
    (
        "grid to flag positions 2018 baku",
        GridVsFinishQuery(year=2018, event="Baku", session=R),
    ),
    (
        "positions gained by perez in the 2023 baku sprint",
        GridVsFinishQuery(year=2023, event="Baku", session=S, drivers=("PER",)),
    ),
    (
        "did stroll make up places in the baku race 2018",
        GridVsFinishQuery(year=2018, event="Baku", session=R, drivers=("STR",)),
    ),
    (
        "grid versus result miami sprint 2025",
        GridVsFinishQuery(year=2025, event="Miami", session=S),
    ),
    (
        "hamilton grid vs finish 2018 azerbaijan",
        GridVsFinishQuery(year=2018, event=AZE, session=R, drivers=("HAM",)),
    ),
    (
        "positions lost or gained 2024 china sprint",
        GridVsFinishQuery(year=2024, event=CHN, session=S),
    ),
    (
        "how many spots did ricciardo lose in baku 2018",
        GridVsFinishQuery(year=2018, event="Baku", session=R, drivers=("RIC",)),
    ),
    # --- gaps --------------------------------------------------------------------------------
    (
        "gap to leader every lap 2025 miami sprint",
        GapsQuery(year=2025, event="Miami", session=S),
    ),
    (
        "interval to the car in front baku 2018",
        GapsQuery(year=2018, event="Baku", session=R),
    ),
    ("race trace 2023 baku sprint", GapsQuery(year=2023, event="Baku", session=S)),
    (
        "how far behind the leader was bottas during the 2018 baku race",
        GapsQuery(year=2018, event="Baku", session=R, drivers=("BOT",)),
    ),
    (
        "gaps between verstappen and perez through the 2023 baku sprint",
        GapsQuery(year=2023, event="Baku", session=S, drivers=("VER", "PER")),
    ),
    (
        "time gaps lap by lap 2018 azerbaijan",
        GapsQuery(year=2018, event=AZE, session=R),
    ),
    (
        "show the gap between norris and piastri in the 2025 miami sprint",
        GapsQuery(year=2025, event="Miami", session=S, drivers=("NOR", "PIA")),
    ),
    ("intervals 2024 chinese sprint", GapsQuery(year=2024, event=CHN, session=S)),
    (
        "how big was the gap between raikkonen and vettel in the 2018 baku race",
        GapsQuery(year=2018, event="Baku", session=R, drivers=("RAI", "VET")),
    ),
    (
        "race trace for hamilton 2018 azerbaijan gp",
        GapsQuery(year=2018, event=AZE, session=R, drivers=("HAM",)),
    ),
    (
        "delta to the leader 2025 miami sprint",
        GapsQuery(year=2025, event="Miami", session=S),
    ),
    ("gap to p1 lap by lap baku 2018", GapsQuery(year=2018, event="Baku", session=R)),
    # --- sectors -----------------------------------------------------------------------------
    (
        "best sector times monza 2019 qualifying",
        SectorsQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "who was purple in sector 3 jeddah quali 2022",
        SectorsQuery(year=2022, event="Jeddah", session=Q),
    ),
    (
        "sector 1 times 2021 mexico qualifying",
        SectorsQuery(year=2021, event=MEX, session=Q),
    ),
    (
        "norris and piastri sectors spanish gp 2024 quali",
        SectorsQuery(year=2024, event=ESP, session=Q, drivers=("NOR", "PIA")),
    ),
    (
        "where was hamilton losing time sector by sector in qualifying at the 2024 spanish gp",
        SectorsQuery(year=2024, event=ESP, session=Q, drivers=("HAM",)),
    ),
    ("sector breakdown fp2 monza 2021", SectorsQuery(year=2021, event="Monza", session=FP2)),
    (
        "first sector fastest 2023 baku quali",
        SectorsQuery(year=2023, event="Baku", session=Q),
    ),
    (
        "S2 times china sprint qualifying 2024",
        SectorsQuery(year=2024, event=CHN, session=SQ),
    ),
    (
        "verstappen vs leclerc sector times saudi 2022 quali",
        SectorsQuery(year=2022, event=KSA, session=Q, drivers=("VER", "LEC")),
    ),
    (
        "sector times fp1 silverstone 2024",
        SectorsQuery(year=2024, event="Silverstone", session=FP1),
    ),
    ("best sectors in the 2023 baku sprint", SectorsQuery(year=2023, event="Baku", session=S)),
    (
        "who was quickest through the middle sector in qualifying at the 2024 spanish gp",
        SectorsQuery(year=2024, event=ESP, session=Q),
    ),
    # --- theoretical best --------------------------------------------------------------------
    ("ultimate lap 2022 jeddah quali", TheoreticalBestQuery(year=2022, event="Jeddah", session=Q)),
    (
        "best possible lap for leclerc monza qualifying 2019",
        TheoreticalBestQuery(year=2019, event="Monza", session=Q, drivers=("LEC",)),
    ),
    (
        "theoretical best lap times 2021 mexico qualifying",
        TheoreticalBestQuery(year=2021, event=MEX, session=Q),
    ),
    (
        "ideal laps in sprint shootout baku 2023",
        TheoreticalBestQuery(year=2023, event="Baku", session=SQ),
    ),
    (
        "theoretical fastest lap norris 2024 spanish gp qualifying",
        TheoreticalBestQuery(year=2024, event=ESP, session=Q, drivers=("NOR",)),
    ),
    (
        "if you put everyone's best sectors together who's fastest, 2024 spanish gp qualifying",
        TheoreticalBestQuery(year=2024, event=ESP, session=Q),
    ),
    (
        "optimal lap hamilton russell fp1 silverstone 2024",
        TheoreticalBestQuery(year=2024, event="Silverstone", session=FP1, drivers=("HAM", "RUS")),
    ),
    (
        "theoretical best fp2 hungary 2020",
        TheoreticalBestQuery(year=2020, event=HUN, session=FP2),
    ),
    (
        "perfect lap verstappen baku quali 2023",
        TheoreticalBestQuery(year=2023, event="Baku", session=Q, drivers=("VER",)),
    ),
    (
        "what was the theoretical quickest lap in china sprint qualifying 2024",
        TheoreticalBestQuery(year=2024, event=CHN, session=SQ),
    ),
    (
        "potential lap time piastri 2024 spain qualy",
        TheoreticalBestQuery(year=2024, event=ESP, session=Q, drivers=("PIA",)),
    ),
    (
        "theoretical best vs actual best saudi arabian gp 2022 qualifying",
        TheoreticalBestQuery(year=2022, event=KSA, session=Q),
    ),
    # --- podium ------------------------------------------------------------------------------
    (
        "who was on the podium at the 1998 monaco grand prix",
        PodiumQuery(year=1998, event="Monaco Grand Prix"),
    ),
    ("top three in the 2011 canadian gp", PodiumQuery(year=2011, event="Canadian Grand Prix")),
    ("podium at suzuka 2000", PodiumQuery(year=2000, event="Suzuka")),
    ("2016 spain podium", PodiumQuery(year=2016, event=ESP)),
    ("who stood on the rostrum at monza in 1988", PodiumQuery(year=1988, event="Monza")),
    ("podium finishers abu dhabi 2021", PodiumQuery(year=2021, event="Abu Dhabi")),
    (
        "who finished in the top 3 at the 2019 german gp",
        PodiumQuery(year=2019, event="German Grand Prix"),
    ),
    ("podium of the 2020 sakhir gp", PodiumQuery(year=2020, event="Sakhir Grand Prix")),
    ("who got on the podium in monaco 2024", PodiumQuery(year=2024, event="Monaco")),
    (
        "podium places at the 2022 us grand prix",
        PodiumQuery(year=2022, event="United States Grand Prix"),
    ),
    ("top 3 finishers 2017 azerbaijan gp", PodiumQuery(year=2017, event=AZE)),
    ("the podium in hungary 2021", PodiumQuery(year=2021, event=HUN)),
    ("podium 1976 japanese grand prix", PodiumQuery(year=1976, event="Japanese Grand Prix")),
    # --- teammates -----------------------------------------------------------------------------
    ("teammate battles in fp2 monza 2021", TeammatesQuery(year=2021, event="Monza", session=FP2)),
    (
        "norris vs his teammate 2024 spanish gp qualifying",
        TeammatesQuery(year=2024, event=ESP, session=Q, drivers=("NOR",)),
    ),
    (
        "intra-team qualifying gaps 2021 mexico",
        TeammatesQuery(year=2021, event=MEX, session=Q),
    ),
    (
        "team mate comparison 2023 baku qualifying",
        TeammatesQuery(year=2023, event="Baku", session=Q),
    ),
    (
        "did alonso beat his teammate in the 2023 baku sprint",
        TeammatesQuery(year=2023, event="Baku", session=S, drivers=("ALO",)),
    ),
    (
        "teammate head to head 2025 miami sprint",
        TeammatesQuery(year=2025, event="Miami", session=S),
    ),
    (
        "who beat their teammate in qualifying at monza 2019",
        TeammatesQuery(year=2019, event="Monza", session=Q),
    ),
    (
        "teammates gap saudi arabian gp 2022 quali",
        TeammatesQuery(year=2022, event=KSA, session=Q),
    ),
    (
        "hamilton vs his team-mate fp1 silverstone 2024",
        TeammatesQuery(year=2024, event="Silverstone", session=FP1, drivers=("HAM",)),
    ),
    (
        "teammate battle china sprint shootout 2024",
        TeammatesQuery(year=2024, event=CHN, session=SQ),
    ),
    ("teammate duels 2018 azerbaijan gp race", TeammatesQuery(year=2018, event=AZE, session=R)),
    (
        "did piastri outqualify his teammate in barcelona 2024",
        TeammatesQuery(year=2024, event="Barcelona", session=Q, drivers=("PIA",)),
    ),
    (
        "teammate comparison fp2 hungaroring 2020",
        TeammatesQuery(year=2020, event="Hungaroring", session=FP2),
    ),
    # --- pit stops ---------------------------------------------------------------------------
    ("pit stop durations baku 2018", PitStopsQuery(year=2018, event="Baku", session=R)),
    ("fastest pit stop of the 2018 azerbaijan gp", PitStopsQuery(year=2018, event=AZE, session=R)),
    (
        "how long did the stops take in the 2018 baku race",
        PitStopsQuery(year=2018, event="Baku", session=R),
    ),
    ("pit lane times 2018 baku", PitStopsQuery(year=2018, event="Baku", session=R)),
    ("who had the slowest pitstop in baku 2018", PitStopsQuery(year=2018, event="Baku", session=R)),
    (
        "pitstops 2021 abu dhabi gp",
        PitStopsQuery(year=2021, event="Abu Dhabi Grand Prix", session=R),
    ),
    (
        "when did everyone pit in the 2018 azerbaijan grand prix",
        PitStopsQuery(year=2018, event=AZE, session=R),
    ),
    ("time lost in the pits baku 2018", PitStopsQuery(year=2018, event="Baku", session=R)),
    ("box box: all pit stops 2023 british gp", PitStopsQuery(year=2023, event=GBR, session=R)),
    ("list of pit stops monza 2020", PitStopsQuery(year=2020, event="Monza", session=R)),
    ("longest pit stop 2018 baku", PitStopsQuery(year=2018, event="Baku", session=R)),
    (
        "pit stop analysis 2019 german gp",
        PitStopsQuery(year=2019, event="German Grand Prix", session=R),
    ),
    (
        "how quick were the pit stops at silverstone 2024",
        PitStopsQuery(year=2024, event="Silverstone", session=R),
    ),
    # --- degradation -------------------------------------------------------------------------
    ("tyre deg 2018 azerbaijan gp", DegradationQuery(year=2018, event=AZE, session=R)),
    (
        "tire degradation in the 2025 miami sprint",
        DegradationQuery(year=2025, event="Miami", session=S),
    ),
    (
        "which compound degraded the most baku 2018",
        DegradationQuery(year=2018, event="Baku", session=R),
    ),
    ("deg rates fp2 monza 2021", DegradationQuery(year=2021, event="Monza", session=FP2)),
    (
        "how fast did the tyres drop off in the 2023 baku sprint",
        DegradationQuery(year=2023, event="Baku", session=S),
    ),
    (
        "verstappen tyre wear miami sprint 2025",
        DegradationQuery(year=2025, event="Miami", session=S, drivers=("VER",)),
    ),
    (
        "degradation per stint 2018 baku race",
        DegradationQuery(year=2018, event="Baku", session=R),
    ),
    (
        "who looked after their tyres best in baku 2018",
        DegradationQuery(year=2018, event="Baku", session=R),
    ),
    (
        "tyre drop-off hamilton vs bottas baku 2018",
        DegradationQuery(year=2018, event="Baku", session=R, drivers=("HAM", "BOT")),
    ),
    (
        "deg in fp2 at the 2020 hungarian grand prix",
        DegradationQuery(year=2020, event=HUN, session=FP2),
    ),
    (
        "tyre wear rates 70th anniversary gp fp2 2020",
        DegradationQuery(year=2020, event=SEVENTY, session=FP2),
    ),
    ("degradation 2024 chinese sprint", DegradationQuery(year=2024, event=CHN, session=S)),
    (
        "sainz degradation baku sprint 2023",
        DegradationQuery(year=2023, event="Baku", session=S, drivers=("SAI",)),
    ),
    # --- long runs ---------------------------------------------------------------------------
    ("long run pace fp2 hungary 2020", LongRunsQuery(year=2020, event=HUN, session=FP2)),
    (
        "who was quickest on the long runs in fp2 at the 70th anniversary gp",
        LongRunsQuery(year=2020, event=SEVENTY, session=FP2),
    ),
    ("race simulation fp2 monza 2021", LongRunsQuery(year=2021, event="Monza", session=FP2)),
    (
        "high fuel runs in practice 2 monza 2021",
        LongRunsQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "leclerc long runs fp2 2021 italian gp",
        LongRunsQuery(year=2021, event="Italian Grand Prix", session=FP2, drivers=("LEC",)),
    ),
    (
        "long stints in fp1 at silverstone 2024",
        LongRunsQuery(year=2024, event="Silverstone", session=FP1),
    ),
    (
        "race sim pace verstappen hamilton fp2 hungary 2020",
        LongRunsQuery(year=2020, event=HUN, session=FP2, drivers=("VER", "HAM")),
    ),
    ("longrun comparison fp1 2022 british gp", LongRunsQuery(year=2022, event=GBR, session=FP1)),
    (
        "fp2 long runs 70th anniversary grand prix 2020",
        LongRunsQuery(year=2020, event=SEVENTY, session=FP2),
    ),
    (
        "who had the best race sims in free practice 2 at monza 2021",
        LongRunsQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "mercedes long runs fp2 silverstone 2020",
        LongRunsQuery(year=2020, event="Silverstone", session=FP2, drivers=("BOT", "HAM")),
    ),
    ("long run averages fp3 spa 2022", LongRunsQuery(year=2022, event="Spa", session=FP3)),
    # --- strategy ----------------------------------------------------------------------------
    (
        "what tyres did everyone use in the 2018 azerbaijan gp",
        StrategyQuery(year=2018, event=AZE, session=R),
    ),
    ("one stop or two stop baku 2018", StrategyQuery(year=2018, event="Baku", session=R)),
    ("tyre strategies 2025 miami sprint", StrategyQuery(year=2025, event="Miami", session=S)),
    (
        "compound choices for perez 2023 baku sprint",
        StrategyQuery(year=2023, event="Baku", session=S, drivers=("PER",)),
    ),
    ("stint lengths 2018 baku race", StrategyQuery(year=2018, event="Baku", session=R)),
    (
        "what tyres did norris run in the 2025 miami sprint",
        StrategyQuery(year=2025, event="Miami", session=S, drivers=("NOR",)),
    ),
    (
        "tire strategy for verstappen at the 2021 abu dhabi gp",
        StrategyQuery(year=2021, event="Abu Dhabi Grand Prix", session=R, drivers=("VER",)),
    ),
    (
        "strategy breakdown silverstone 2023",
        StrategyQuery(year=2023, event="Silverstone", session=R),
    ),
    (
        "softs mediums hards who used what baku 2018",
        StrategyQuery(year=2018, event="Baku", session=R),
    ),
    (
        "how many laps on each compound did hamilton do baku 2018",
        StrategyQuery(year=2018, event="Baku", session=R, drivers=("HAM",)),
    ),
    (
        "ferrari tyre strategy 2018 baku",
        StrategyQuery(year=2018, event="Baku", session=R, drivers=("RAI", "VET")),
    ),
    ("stints and compounds 2024 chinese sprint", StrategyQuery(year=2024, event=CHN, session=S)),
    ("tyre strategy italy 2020", StrategyQuery(year=2020, event="Italy", session=R)),
    # --- speed traps -------------------------------------------------------------------------
    (
        "speedtrap numbers 2021 monza fp2",
        SpeedTrapsQuery(year=2021, event="Monza", session=FP2),
    ),
    ("top speeds baku 2018 race", SpeedTrapsQuery(year=2018, event="Baku", session=R)),
    ("vmax jeddah quali 2022", SpeedTrapsQuery(year=2022, event="Jeddah", session=Q)),
    (
        "who was fastest on the straight in the 2023 baku sprint",
        SpeedTrapsQuery(year=2023, event="Baku", session=S),
    ),
    (
        "leclerc top speed 2022 saudi arabia qualifying",
        SpeedTrapsQuery(year=2022, event=KSA, session=Q, drivers=("LEC",)),
    ),
    (
        "highest speed recorded 2025 miami sprint",
        SpeedTrapsQuery(year=2025, event="Miami", session=S),
    ),
    (
        "speed trap hamilton vs verstappen 2018 baku race",
        SpeedTrapsQuery(year=2018, event="Baku", session=R, drivers=("HAM", "VER")),
    ),
    (
        "trap speeds fp1 silverstone 2024",
        SpeedTrapsQuery(year=2024, event="Silverstone", session=FP1),
    ),
    (
        "max speed 2019 italian gp qualifying",
        SpeedTrapsQuery(year=2019, event="Italian Grand Prix", session=Q),
    ),
    (
        "how fast was alonso through the speed trap in baku quali 2023",
        SpeedTrapsQuery(year=2023, event="Baku", session=Q, drivers=("ALO",)),
    ),
    (
        "fastest top speed china sprint qualifying 2024",
        SpeedTrapsQuery(year=2024, event=CHN, session=SQ),
    ),
    (
        "top speed km/h 2024 spanish gp qualifying",
        SpeedTrapsQuery(year=2024, event=ESP, session=Q),
    ),
    (
        "who hit the highest top speed in mph 2021 mexico quali",
        SpeedTrapsQuery(year=2021, event=MEX, session=Q),
    ),
    # --- weather -----------------------------------------------------------------------------
    ("track temperature 2023 baku sprint", WeatherQuery(year=2023, event="Baku", session=S)),
    ("was it wet in fp2 at hungary 2020", WeatherQuery(year=2020, event=HUN, session=FP2)),
    (
        "air and track temps 2022 jeddah qualifying",
        WeatherQuery(year=2022, event="Jeddah", session=Q),
    ),
    ("humidity in qualifying monza 2019", WeatherQuery(year=2019, event="Monza", session=Q)),
    ("how hot was it in the 2018 baku race", WeatherQuery(year=2018, event="Baku", session=R)),
    ("wind speed fp1 silverstone 2024", WeatherQuery(year=2024, event="Silverstone", session=FP1)),
    (
        "weather conditions 2024 chinese sprint qualifying",
        WeatherQuery(year=2024, event=CHN, session=SQ),
    ),
    (
        "did it rain during fp1 at the 2022 british grand prix",
        WeatherQuery(year=2022, event=GBR, session=FP1),
    ),
    ("rainfall 2025 miami sprint", WeatherQuery(year=2025, event="Miami", session=S)),
    (
        "temperature of the track during fp2 monza 2021",
        WeatherQuery(year=2021, event="Monza", session=FP2),
    ),
    (
        "what was the weather like in quali at the 2021 mexico city gp",
        WeatherQuery(year=2021, event=MEX, session=Q),
    ),
    (
        "was it cold in fp2 at the 70th anniversary gp",
        WeatherQuery(year=2020, event=SEVENTY, session=FP2),
    ),
    (
        "weather at the 2021 belgian gp",
        WeatherQuery(year=2021, event="Belgian Grand Prix", session=R),
    ),
    # --- most wins ---------------------------------------------------------------------------
    ("who won the most grands prix in 2016", MostWinsQuery(year=2016)),
    ("most race wins ever", MostWinsQuery()),
    ("driver with the most victories all time", MostWinsQuery()),
    ("which team won the most races in 1988", MostWinsQuery(subject_kind="team", year=1988)),
    ("most wins by a constructor in 2023", MostWinsQuery(subject_kind="team", year=2023)),
    ("who had the most wins in 2012", MostWinsQuery(year=2012)),
    ("winningest driver in f1 history", MostWinsQuery()),
    ("which constructor has the most victories", MostWinsQuery(subject_kind="team")),
    ("who won most gps in 2019", MostWinsQuery(year=2019)),
    ("most successful team in 2004", MostWinsQuery(subject_kind="team", year=2004)),
    ("who was the winningest driver of 2021", MostWinsQuery(year=2021)),
    # --- wins at a circuit -------------------------------------------------------------------
    ("who has won the most at suzuka", WinsAtCircuitQuery(circuit="Suzuka")),
    ("most wins at the hungaroring", WinsAtCircuitQuery(circuit="Hungaroring")),
    (
        "how many times has verstappen won at spa",
        WinsAtCircuitQuery(circuit="Spa", driver="Max Verstappen"),
    ),
    (
        "how many times did senna win in monaco",
        WinsAtCircuitQuery(circuit="Monaco", driver="senna"),
    ),
    ("most monza wins", WinsAtCircuitQuery(circuit="Monza")),
    (
        "how many wins does alonso have at barcelona",
        WinsAtCircuitQuery(circuit="Barcelona", driver="Fernando Alonso"),
    ),
    ("who has the most victories at albert park", WinsAtCircuitQuery(circuit="Albert Park")),
    (
        "how often has leclerc won in monaco",
        WinsAtCircuitQuery(circuit="Monaco", driver="Charles Leclerc"),
    ),
    (
        "hamilton wins at montreal",
        WinsAtCircuitQuery(circuit="Montreal", driver="Lewis Hamilton"),
    ),
    ("most successful driver at zandvoort", WinsAtCircuitQuery(circuit="Zandvoort")),
    ("who has won the british gp the most", WinsAtCircuitQuery(circuit=GBR)),
    # --- fastest lap / pole ------------------------------------------------------------------
    (
        "who got pole at the 2023 japanese gp",
        FastestLapQuery(year=2023, event="Japanese Grand Prix", session=Q),
    ),
    ("polesitter zandvoort 2022", FastestLapQuery(year=2022, event="Zandvoort", session=Q)),
    (
        "fastest lap of the race abu dhabi 2021",
        FastestLapQuery(year=2021, event="Abu Dhabi", session=R),
    ),
    ("who grabbed pole in vegas 2023", FastestLapQuery(year=2023, event="Vegas", session=Q)),
    (
        "what was norris's best lap in qualy at the 2024 spanish grand prix",
        FastestLapQuery(year=2024, event=ESP, session=Q, drivers=("NOR",)),
    ),
    ("sprint pole 2023 austria", FastestLapQuery(year=2023, event="Austria", session=SQ)),
    (
        "fastest lap in the sprint at interlagos 2024",
        FastestLapQuery(year=2024, event="Interlagos", session=S),
    ),
    ("who was on pole in italy 2020", FastestLapQuery(year=2020, event="Italy", session=Q)),
    # --- best laps ---------------------------------------------------------------------------
    (
        "quali times for everyone at suzuka 2024",
        BestLapsQuery(year=2024, event="Suzuka", session=Q),
    ),
    (
        "how far off pole was lewis in jeddah 2022",
        BestLapsQuery(year=2022, event="Jeddah", session=Q, drivers=("HAM",)),
    ),
    (
        "Sainz v Leclerc fp2 monza 2021",
        BestLapsQuery(year=2021, event="Monza", session=FP2, drivers=("SAI", "LEC")),
    ),
    (
        "how much quicker was russell than hamilton in quali at silverstone 2022",
        BestLapsQuery(year=2022, event="Silverstone", session=Q, drivers=("RUS", "HAM")),
    ),
    ("fp3 timesheet spa 2022", BestLapsQuery(year=2022, event="Spa", session=FP3)),
    (
        "pérez vs verstappen qualifying gap mexico 2021",
        BestLapsQuery(year=2021, event=MEX, session=Q, drivers=("PER", "VER")),
    ),
    # --- race pace ---------------------------------------------------------------------------
    (
        "who was quickest on average in the 2018 baku race",
        RacePaceQuery(year=2018, event="Baku", session=R),
    ),
    (
        "race pace comparison ferrari mercedes 2018 baku",
        RacePaceQuery(year=2018, event="Baku", session=R, drivers=("RAI", "VET", "BOT", "HAM")),
    ),
    (
        "how consistent was alonso in the 2023 baku sprint",
        RacePaceQuery(year=2023, event="Baku", session=S, drivers=("ALO",)),
    ),
    ("median lap times 2025 miami sprint", RacePaceQuery(year=2025, event="Miami", session=S)),
    (
        "lando vs oscar pace miami sprint '25",
        RacePaceQuery(year=2025, event="Miami", session=S, drivers=("NOR", "PIA")),
    ),
    ("race pace austria 2021", RacePaceQuery(year=2021, event="Austria", session=R)),
    # --- classification ----------------------------------------------------------------------
    (
        "full results of the 2021 abu dhabi gp",
        ClassificationQuery(year=2021, event="Abu Dhabi Grand Prix", session=R),
    ),
    (
        "where did albon finish at the 2023 british gp",
        ClassificationQuery(year=2023, event=GBR, session=R, drivers=("ALB",)),
    ),
    ("qualifying order monza 2019", ClassificationQuery(year=2019, event="Monza", session=Q)),
    ("who qualified p3 in jeddah 2022", ClassificationQuery(year=2022, event="Jeddah", session=Q)),
    ("shootout order baku 2023", ClassificationQuery(year=2023, event="Baku", session=SQ)),
    ("top ten in the 2024 chinese sprint", ClassificationQuery(year=2024, event=CHN, session=S)),
    # --- race winner -------------------------------------------------------------------------
    ("who won the 2005 japanese gp", RaceWinnerQuery(year=2005, event="Japanese Grand Prix")),
    ("winner at imola 2005", RaceWinnerQuery(year=2005, event="Imola")),
    ("who took the chequered flag in monaco 1996", RaceWinnerQuery(year=1996, event="Monaco")),
    ("2011 canadian grand prix winner", RaceWinnerQuery(year=2011, event="Canadian Grand Prix")),
    ("who won in budapest in 2006", RaceWinnerQuery(year=2006, event="Budapest")),
    ("who won at the nurburgring in 1976", RaceWinnerQuery(year=1976, event="Nürburgring")),
    ("who won the race at spa in 1998", RaceWinnerQuery(year=1998, event="Spa")),
    # --- standings ---------------------------------------------------------------------------
    ("drivers championship standings 2007", ChampionshipStandingsQuery(year=2007)),
    (
        "constructors table after round 8 2021",
        ChampionshipStandingsQuery(year=2021, championship="constructors", after_round=8),
    ),
    ("wdc standings after race 12 of 2021", ChampionshipStandingsQuery(year=2021, after_round=12)),
    ("final wcc table 2016", ChampionshipStandingsQuery(year=2016, championship="constructors")),
    # --- champion ----------------------------------------------------------------------------
    ("who won the drivers title in 1992", ChampionQuery(year=1992)),
    ("world champion 2003", ChampionQuery(year=2003)),
    (
        "which team were constructors champions in 1998",
        ChampionQuery(year=1998, championship="constructors"),
    ),
    ("who came second in the 2010 championship", ChampionQuery(year=2010, runner_up=True)),
    # --- career and season counts ------------------------------------------------------------
    (
        "how many grand prix starts has raikkonen made",
        # issue 11: starts leave out "failed to qualify" and "withdrawn"; entries do not
        ArchiveStatQuery(metric="starts", driver="Kimi Raikkonen"),
    ),
    (
        "how many poles did lewis get in 2020",
        CareerStatQuery(subject="Lewis Hamilton", stat="poles", year=2020),
    ),
    (
        "how many podiums did mclaren get in 2023",
        CareerStatQuery(subject="McLaren", subject_kind="team", stat="podiums", year=2023),
    ),
    (
        "total points for leclerc in 2022",
        CareerStatQuery(subject="Charles Leclerc", stat="points", year=2022),
    ),
    ("how many races did lauda win", CareerStatQuery(subject="lauda", stat="wins")),
    # --- season head-to-head -----------------------------------------------------------------
    (
        "button vs hamilton 2011",
        SeasonHeadToHeadQuery(year=2011, driver_a="button", driver_b="Lewis Hamilton"),
    ),
    (
        "who was better in 2019, verstappen or leclerc",
        SeasonHeadToHeadQuery(year=2019, driver_a="Max Verstappen", driver_b="Charles Leclerc"),
    ),
    (
        "piastri v norris 2025 season",
        SeasonHeadToHeadQuery(year=2025, driver_a="Oscar Piastri", driver_b="Lando Norris"),
    ),
    (
        "hamilton vs alonso 2007 head to head",
        SeasonHeadToHeadQuery(year=2007, driver_a="Lewis Hamilton", driver_b="Fernando Alonso"),
    ),
]

FAN_REFUSALS: list[tuple[str, RefusalKind]] = [
    # not about F1
    ("whats the best pizza topping", "off_topic"),
    ("how tall is mount everest", "off_topic"),
    ("who won the world cup in 2022", "off_topic"),
    ("can you help me with my maths homework", "off_topic"),
    ("what time is it in tokyo", "off_topic"),
    ("play some music", "off_topic"),
    ("who is taylor swift", "off_topic"),
    ("how do i change a car tyre", "off_topic"),
    ("good morning", "off_topic"),
    ("recommend a laptop under 1000 dollars", "off_topic"),
    ("who won the super bowl in 2020", "off_topic"),
    # future seasons
    ("who will win the 2026 monaco gp", "future"),
    ("2027 drivers standings", "future"),
    ("fastest lap in 2028 silverstone qualifying", "future"),
    ("how many poles does verstappen have this season", "future"),
    ("predict the 2026 champion", "future"),
    ("who's on pole for the 2030 british gp", "future"),
    ("next season's constructors champion", "future"),
    ("race results from the 2026 australian grand prix", "future"),
    ("who is going to win the title in 2029", "future"),
    # cannot pin it down
    ("who won in brazil", "ambiguous"),
    ("pole at silverstone", "ambiguous"),
    ("compare hamilton and russell at silverstone 2024", "ambiguous"),
    ("fastest lap spa 2022", "ambiguous"),
    ("who won the british gp and the italian gp in 2019", "ambiguous"),
    ("practice times monza 2021", "ambiguous"),
    ("weather at monza 2019", "ambiguous"),
    ("qualifying results", "ambiguous"),
    ("standings after round 7", "ambiguous"),
    ("who won the title", "ambiguous"),
    ("teammate battles 2023", "ambiguous"),
    ("speed traps 2019 and 2021 monza qualifying", "ambiguous"),
    ("who was fastest at silverstone last weekend", "ambiguous"),
    ("podium in monaco", "ambiguous"),
    ("how many podiums has kimi got", "ambiguous"),
    ("sector times 2024 qualifying", "ambiguous"),
    ("qualifying and race results baku 2018", "ambiguous"),
    # unknown people
    ("Johnson fastest lap 2023 baku qualifying", "unknown_name"),
    ("compare norris and Mcintosh in 2024 spanish gp qualifying", "unknown_name"),
    ("how many wins does Brown have", "unknown_name"),
    ("top speed of Kowalski in monza 2019 qualifying", "unknown_name"),
    ("car 77 fastest lap 2025 miami sprint", "unknown_name"),
    ("Zhang's strategy in the 2018 baku race", "unknown_name"),
    ("sector times for Miller baku 2023 quali", "unknown_name"),
    ("car 99 top speed 2024 monza qualifying", "unknown_name"),
    ("how many podiums has Jimenez got", "unknown_name"),
    # about F1, but nothing here answers it
    ("what engine does mclaren use in 2024", "unsupported"),
    ("tyre pressures at spa 2023", "unsupported"),
    ("how many penalties did magnussen get in 2022", "unsupported"),
    ("who got a grid penalty at monza 2019", "unsupported"),
    ("what fuel load did ferrari start baku 2018 with", "unsupported"),
    ("how much downforce did red bull run at monza 2019", "unsupported"),
    ("verstappen salary 2024", "unsupported"),
    ("attendance at silverstone 2023", "unsupported"),
    ("who finished last in the 2018 azerbaijan gp", "unsupported"),
    ("slowest lap of the 2023 baku sprint", "unsupported"),
    ("average speed of the 2019 italian gp", "unsupported"),
    ("what power unit did williams have in 2022", "unsupported"),
    ("peak g forces silverstone 2024", "unsupported"),
    ("most wins in a single season", "unsupported"),
    # other series (grouped with the facets no kind answers)
    ("who won the 2024 indy 500", "off_topic"),
    ("formula e results 2023 monaco", "off_topic"),
    ("motogp standings 2024", "off_topic"),
    ("who won the 2023 f2 title", "off_topic"),
    ("who won le mans in 2019", "off_topic"),
    ("wec standings 2023", "off_topic"),
]
