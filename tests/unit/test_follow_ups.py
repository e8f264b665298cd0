"""Follow-up questions, read against the previous question's query by the offline interpreter."""

from __future__ import annotations

import pytest

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import SessionKind
from f1core.kinds.archive_career_stat import CareerStatQuery
from f1core.kinds.archive_champion import ChampionQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.pit_stops import PitStopsQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.sectors import SectorsQuery
from f1core.query import Query, Refusal

Q, R, S = SessionKind.QUALIFYING, SessionKind.RACE, SessionKind.SPRINT
POLE_MONZA = FastestLapQuery(year=2019, event="Monza", session=Q)
PACE_BAKU = RacePaceQuery(year=2018, event="Baku", session=R, drivers=("HAM", "BOT"))
SENNA_WINS = CareerStatQuery(subject="Ayrton Senna", stat="wins")


@pytest.fixture(scope="module")
def interpreter() -> RuleBasedQueryInterpreter:
    return RuleBasedQueryInterpreter(current_year=2026)


@pytest.mark.parametrize(
    ("context", "question", "expected"),
    [
        # only slots change: the previous kind is asked again with them
        (POLE_MONZA, "and in 2020?", FastestLapQuery(year=2020, event="Monza", session=Q)),
        (POLE_MONZA, "and in the race?", FastestLapQuery(year=2019, event="Monza", session=R)),
        (
            POLE_MONZA,
            "what about Hamilton?",
            FastestLapQuery(year=2019, event="Monza", session=Q, drivers=("HAM",)),
        ),
        (
            POLE_MONZA,
            "how about at Baku 2018",
            FastestLapQuery(year=2018, event="Baku", session=Q),
        ),
        (
            PACE_BAKU,
            "and in the sprint?",
            RacePaceQuery(year=2018, event="Baku", session=S, drivers=("HAM", "BOT")),
        ),
        (ChampionQuery(year=1988), "and in 1989?", ChampionQuery(year=1989)),
        # a historic driver is handed on as said; the archive resolves the name
        (SENNA_WINS, "what about prost", CareerStatQuery(subject="prost", stat="wins")),
        (
            SENNA_WINS,
            "and in 1988?",
            CareerStatQuery(subject="Ayrton Senna", stat="wins", year=1988),
        ),
        # words of its own: its own kind, with the season, event and session inherited
        (
            POLE_MONZA,
            "and the sectors?",
            SectorsQuery(year=2019, event="Monza", session=Q),
        ),
        (
            FastestLapQuery(year=2019, event="Monza", session=Q, drivers=("HAM",)),
            "and his sectors?",
            SectorsQuery(year=2019, event="Monza", session=Q, drivers=("HAM",)),
        ),
        (
            RaceWinnerQuery(year=2018, event="Azerbaijan Grand Prix"),
            "and the pit stops?",
            PitStopsQuery(year=2018, event="Azerbaijan Grand Prix", session=R),
        ),
        # a whole question stands on its own, whatever came before
        (POLE_MONZA, "who won the 1988 title", ChampionQuery(year=1988)),
        (
            ChampionQuery(year=1988),
            "fastest lap 2024 spanish gp qualifying",
            FastestLapQuery(year=2024, event="Spanish Grand Prix", session=Q),
        ),
        (
            ClassificationQuery(year=2018, event="Baku", session=R),
            "who won?",
            RaceWinnerQuery(year=2018, event="Baku"),
        ),
    ],
)
def test_a_follow_up_is_read_against_the_previous_query(
    interpreter: RuleBasedQueryInterpreter, context: Query, question: str, expected: Query
) -> None:
    assert interpreter.interpret_now(question, context) == expected


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (POLE_MONZA, "and?"),
        (POLE_MONZA, "and what is the capital of France?"),
        (POLE_MONZA, "what about Ferrari?"),  # a team where the query has no team
        (ChampionQuery(year=1988), "what about Hamilton?"),  # no driver slot to change
        (SENNA_WINS, "and Prost and Lauda?"),  # one subject at a time
    ],
)
def test_a_follow_up_that_cannot_be_resolved_is_refused(
    interpreter: RuleBasedQueryInterpreter, context: Query, question: str
) -> None:
    assert isinstance(interpreter.interpret_now(question, context), Refusal)


def test_without_context_a_follow_up_is_refused_as_unclear(
    interpreter: RuleBasedQueryInterpreter,
) -> None:
    assert isinstance(interpreter.interpret_now("and in the race?"), Refusal)
    assert isinstance(interpreter.interpret_now("what about Bottas?"), Refusal)
