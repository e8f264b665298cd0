"""AnswerQuery and AskQuestion over fakes: routing, caching, history, phrasing."""

from __future__ import annotations

import msgspec
import pytest
from tests.ergast_mini import mini_dump_dir
from tests.fakes import (
    FakeAnswerPhraser,
    FakeQueryInterpreter,
    FakeSessionSource,
    FakeUnitOfWork,
    InMemoryAnswerCache,
    InMemoryHistoricalArchive,
    InMemorySnapshotStore,
    make_event,
    make_lap,
    make_session,
)

from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.domain.answer import Answer
from f1core.domain.history import (
    MAX_SUMMARY_LENGTH,
    QueryStatus,
    RecordNotFoundError,
    summarize,
)
from f1core.domain.session import SessionKind
from f1core.errors import (
    DataUnavailableError,
    InvalidRequestError,
    SessionNotFoundError,
    UnknownDriverError,
    UnprocessableRequestError,
)
from f1core.kinds.archive_champion import ChampionQuery
from f1core.kinds.archive_most_wins import MostWinsQuery
from f1core.kinds.archive_podium import PodiumQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.best_laps import BestLapsQuery
from f1core.kinds.classification import ClassificationQuery
from f1core.kinds.fastest_lap import FastestLapQuery
from f1core.kinds.race_pace import RacePaceQuery
from f1core.kinds.strategy import StrategyQuery
from f1core.query import (
    Refusal,
)
from f1core.usecases.ask import AnswerQuery, AskQuestion, QuestionRefusedError
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.history.save_history_answer import SaveHistoryAnswer
from f1core.usecases.load_session import SessionLoader

MINI_DUMP = mini_dump_dir()
SPAIN = make_event(2024, 10, "Spanish Grand Prix", "Spain", "Barcelona")
SPAIN_Q = make_session(
    SPAIN,
    SessionKind.QUALIFYING,
    (
        make_lap("NOR", 1, 71_383),
        make_lap("VER", 1, 71_403),
        make_lap("HAM", 1, 71_701),
        make_lap("NOR", 2, 72_000),
    ),
)
SPAIN_R = make_session(
    SPAIN,
    SessionKind.RACE,
    tuple(
        make_lap(code, n, 80_000 + i * 300 + n)
        for i, code in enumerate(("VER", "NOR"))
        for n in range(1, 6)
    ),
)
POLE = FastestLapQuery(year=2024, event="Spanish GP", session=SessionKind.QUALIFYING)


class World:
    def __init__(self) -> None:
        self.source = FakeSessionSource({2024: (SPAIN,)}, (SPAIN_Q, SPAIN_R))
        self.loader = SessionLoader(self.source, InMemorySnapshotStore())
        self.archive = InMemoryHistoricalArchive()
        self.cache = InMemoryAnswerCache()
        self.uow = FakeUnitOfWork()
        self.answer_query = AnswerQuery(
            self.loader, self.archive, self.cache, session_data_version="test-v1"
        )

    def ask(
        self, interpreter: FakeQueryInterpreter, phraser: FakeAnswerPhraser | None = None
    ) -> AskQuestion:
        return AskQuestion(interpreter, self.answer_query, RecordQuestion(self.uow), phraser)

    def history(self) -> list[tuple[str, QueryStatus, str]]:
        return [
            (e.question, e.status, e.answer_summary)
            for e in sorted(self.uow.state.history.values(), key=lambda e: e.id)
        ]


@pytest.fixture
def world() -> World:
    return World()


async def test_session_query_answers_with_paragraph_table_chart_and_timings(world: World) -> None:
    answer = await world.answer_query.execute(POLE, question="pole?")
    assert answer.text == (
        "Nor (NOR) set the fastest lap of the 2024 Spanish Grand Prix Qualifying: 1:11.383 "
        "(lap 1, soft tyres), 0.020 s ahead of Ver (VER)."
    )
    assert answer.table.rows[0][:2] == ("NOR", "Nor")
    assert answer.chart is not None and answer.chart["mark"]["type"] == "bar"
    assert [v["gap_s"] for v in answer.chart["data"]["values"]] == [0.0, 0.02, 0.318]
    assert answer.source == "FastF1 live timing (recorded)"
    assert answer.data_version.startswith("session:test-v1:2024/Spanish Grand Prix/Q:")
    assert {"load_ms", "analysis_ms", "total_ms"} <= answer.timings_ms.keys()
    assert answer.question == "pole?" and answer.cached is False


async def test_second_identical_query_comes_from_the_cache(world: World) -> None:
    first = await world.answer_query.execute(POLE)
    second = await world.answer_query.execute(POLE, question="again")
    assert second.cached is True
    assert second.text == first.text and second.chart == first.chart
    assert second.question == "again"
    assert second.timings_ms["load_ms"] == 0.0
    # a cache hit still resolves the session (calendar) but never loads or analyses it
    assert world.source.load_calls == [SPAIN_Q.ref]


async def test_unreadable_cache_entry_is_recomputed_and_replaced(world: World) -> None:
    await world.answer_query.execute(POLE)
    key = next(iter(world.cache._entries))
    world.cache._entries[key] = b'{"not": "an answer"}'
    again = await world.answer_query.execute(POLE)
    assert again.cached is False
    assert msgspec.json.decode(world.cache._entries[key], type=Answer).text == again.text


async def test_drivers_narrow_a_driver_analysis(world: World) -> None:
    query = BestLapsQuery(
        year=2024, event="Spain", session=SessionKind.QUALIFYING, drivers=("VER", "HAM")
    )
    answer = await world.answer_query.execute(query)
    assert [row[1] for row in answer.table.rows] == ["VER", "HAM"]
    assert "Ver (VER) set the best lap" in answer.text
    assert answer.text.endswith("1:11.403; Ham (HAM) 0.298 s slower.")


async def test_drivers_of_an_everyone_analysis_steer_the_paragraph(world: World) -> None:
    query = ClassificationQuery(
        year=2024, event="Spain", session=SessionKind.QUALIFYING, drivers=("HAM",)
    )
    answer = await world.answer_query.execute(query)
    assert len(answer.table.rows) == 3  # the full classification stays in the table
    assert answer.text.endswith("Ham (HAM) qualified P3 with 1:11.701.")


async def test_unknown_driver_is_named(world: World) -> None:
    query = StrategyQuery(year=2024, event="Spain", session=SessionKind.RACE, drivers=("ALO",))
    with pytest.raises(UnknownDriverError, match="ALO did not take part"):
        await world.answer_query.execute(query)


async def test_analysis_that_does_not_fit_the_session_says_what_it_needs(world: World) -> None:
    query = RacePaceQuery(year=2024, event="Spain", session=SessionKind.QUALIFYING)
    with pytest.raises(InvalidRequestError, match="race pace needs a race or sprint"):
        await world.answer_query.execute(query)


async def test_session_the_event_did_not_hold(world: World) -> None:
    query = FastestLapQuery(year=2024, event="Spain", session=SessionKind.SPRINT)
    with pytest.raises(SessionNotFoundError, match="had no Sprint"):
        await world.answer_query.execute(query)


async def test_archive_query_before_any_import_says_how_to_import(world: World) -> None:
    with pytest.raises(DataUnavailableError, match="f1 archive import"):
        await world.answer_query.execute(RaceWinnerQuery(year=2021, event="Austria"))


async def test_archive_queries_route_to_the_archive_and_key_on_the_checksum(world: World) -> None:
    imported = await world.archive.import_dump(MINI_DUMP)
    winner = await world.answer_query.execute(RaceWinnerQuery(year=2021, event="Austrian"))
    assert winner.text.startswith("Max Verstappen (VER) won the 2021 Austrian Grand Prix")
    assert len(winner.table.rows) == 1
    assert winner.source == f"Ergast archive, import {imported.checksum[:12]}"
    assert winner.data_version.startswith(f"archive:{imported.checksum}:")
    assert winner.chart is None

    podium = await world.answer_query.execute(PodiumQuery(year=2021, event="Austrian"))
    assert [row[1] for row in podium.table.rows] == [
        "Max Verstappen",
        "Valtteri Bottas",
        "Lewis Hamilton",
    ]
    assert "Valtteri Bottas (BOT) (Mercedes) P2" in podium.text

    champion = await world.answer_query.execute(ChampionQuery(year=2021))
    assert champion.text.startswith("Lewis Hamilton (HAM) leads (after round 4)")

    board = await world.answer_query.execute(MostWinsQuery())
    assert board.chart is not None and board.chart["encoding"]["y"]["field"] == "name"
    assert "Lewis Hamilton and Max Verstappen share the most, 2" in board.text

    again = await world.answer_query.execute(RaceWinnerQuery(year=2021, event="Austrian"))
    assert again.cached is True


async def test_ask_records_an_answered_question(world: World) -> None:
    ask = world.ask(FakeQueryInterpreter({"who was on pole": POLE}))
    answer = await ask.execute("  who was on pole ", user_id=7)
    assert answer.question == "who was on pole"
    assert {"interpret_ms", "load_ms", "analysis_ms", "total_ms"} <= answer.timings_ms.keys()
    [(question, status, summary)] = world.history()
    assert (question, status) == ("who was on pole", QueryStatus.ANSWERED)
    assert summary == answer.text
    entry = next(iter(world.uow.state.history.values()))
    assert entry.interpreted_query == {
        "type": "fastest-lap",
        "year": 2024,
        "event": "Spanish GP",
        "session": "Q",
        "drivers": [],
    }


async def test_refusal_raises_and_is_recorded(world: World) -> None:
    refusal = Refusal(
        reason="Which session: qualifying or the race?",
        kind="ambiguous",
        suggestions=("fastest lap 2024 spanish gp qualifying",),
    )
    ask = world.ask(FakeQueryInterpreter({"fastest lap spain": refusal}))
    with pytest.raises(QuestionRefusedError) as caught:
        await ask.execute("fastest lap spain", user_id=1)
    assert caught.value.kind == "refused"
    assert caught.value.refusal is refusal
    assert caught.value.message == (
        "Which session: qualifying or the race? Try: fastest lap 2024 spanish gp qualifying"
    )
    assert world.history() == [("fastest lap spain", QueryStatus.REFUSED, caught.value.message)]


async def test_missing_data_fails_and_is_recorded(world: World) -> None:
    world.source.failures[SPAIN_Q.ref] = DataUnavailableError("not recorded")
    ask = world.ask(FakeQueryInterpreter(default=POLE))
    with pytest.raises(DataUnavailableError):
        await ask.execute("pole spain 2024", user_id=1)
    [(_, status, summary)] = world.history()
    assert (status, summary) == (QueryStatus.FAILED, "not recorded")


async def _storage_down() -> None:
    raise ConnectionError("the database went away")


async def test_an_answer_whose_history_cannot_be_recorded_is_not_given(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every answer a user got is in their history: a lost line would be an answer that
    # the history, the saved answers and their counts never heard of.
    monkeypatch.setattr(world.uow, "commit", _storage_down)
    ask = world.ask(FakeQueryInterpreter(default=POLE))
    with pytest.raises(ConnectionError, match="went away"):
        await ask.execute("pole spain 2024", user_id=1)
    assert world.history() == []


async def test_a_failure_whose_history_cannot_be_recorded_keeps_its_own_error(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(world.uow, "commit", _storage_down)
    world.source.failures[SPAIN_Q.ref] = DataUnavailableError("not recorded")
    ask = world.ask(FakeQueryInterpreter(default=POLE))
    with pytest.raises(DataUnavailableError, match="not recorded"):
        await ask.execute("pole spain 2024", user_id=1)


async def test_no_user_means_no_history(world: World) -> None:
    await world.ask(FakeQueryInterpreter(default=POLE)).execute("pole")
    assert world.history() == []


async def test_empty_question_is_rejected_before_interpreting(world: World) -> None:
    interpreter = FakeQueryInterpreter(default=POLE)
    with pytest.raises(InvalidRequestError, match="The question is empty"):
        await world.ask(interpreter).execute("   ")
    too_long = "x" * (MAX_QUESTION_LENGTH + 1)
    with pytest.raises(
        InvalidRequestError,
        match=f"1 to {MAX_QUESTION_LENGTH} characters; got {MAX_QUESTION_LENGTH + 1}",
    ):
        await world.ask(interpreter).execute(too_long)
    assert interpreter.questions == []


async def test_the_longest_question_is_interpreted_and_recorded(world: World) -> None:
    interpreter = FakeQueryInterpreter(default=POLE)
    longest = "x" * MAX_QUESTION_LENGTH
    await world.ask(interpreter).execute(longest, user_id=1)
    assert interpreter.questions == [longest]
    assert [(question, status) for question, status, _ in world.history()] == [
        (longest, QueryStatus.ANSWERED)
    ]


async def test_faithful_phrasing_replaces_the_paragraph(world: World) -> None:
    phrased = (
        "Nor (NOR) was quickest in Spanish Grand Prix Qualifying at 1:11.383, 0.020 s up on VER."
    )
    ask = world.ask(FakeQueryInterpreter(default=POLE), FakeAnswerPhraser(phrased))
    answer = await ask.execute("pole")
    assert answer.text == phrased
    assert "phrase_ms" in answer.timings_ms


async def test_phrasing_with_an_invented_number_keeps_the_computed_text(world: World) -> None:
    phraser = FakeAnswerPhraser("Nor (NOR) took pole with 1:11.283, a new lap record.")
    answer = await world.ask(FakeQueryInterpreter(default=POLE), phraser).execute("pole")
    assert answer.text.startswith("Nor (NOR) set the fastest lap")
    assert phraser.seen == [answer.text]


async def test_failing_phraser_keeps_the_computed_text(world: World) -> None:
    phraser = FakeAnswerPhraser(error=TimeoutError("llm down"))
    answer = await world.ask(FakeQueryInterpreter(default=POLE), phraser).execute("pole")
    assert answer.text.startswith("Nor (NOR) set the fastest lap")


async def test_an_answer_whose_history_row_fails_is_not_returned(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refuse() -> None:
        raise ConnectionError("the database went away")

    monkeypatch.setattr(world.uow, "commit", refuse)
    with pytest.raises(ConnectionError):
        await world.ask(FakeQueryInterpreter(default=POLE)).execute("pole", user_id=1)
    assert world.history() == []


async def test_saving_a_history_entry_recomputes_its_answer_under_its_question(
    world: World,
) -> None:
    ask = world.ask(FakeQueryInterpreter({"who was on pole": POLE}))
    answer = await ask.execute("who was on pole", user_id=1)
    [entry_id] = world.uow.state.history
    saved = await SaveHistoryAnswer(world.uow, world.answer_query).execute(1, entry_id)
    assert (saved.user_id, saved.history_id, saved.question) == (1, entry_id, "who was on pole")
    assert saved.summary == answer.text
    assert saved.answer["text"] == answer.text
    assert saved.answer["query"] == msgspec.to_builtins(POLE)
    assert world.uow.state.saved_answers[saved.id] == saved
    # Another user's entry is missing to them; a refused entry has no answer to keep.
    with pytest.raises(RecordNotFoundError):
        await SaveHistoryAnswer(world.uow, world.answer_query).execute(2, entry_id)
    with pytest.raises(QuestionRefusedError):
        await world.ask(FakeQueryInterpreter()).execute("tell me a joke", user_id=1)
    refused_id = max(world.uow.state.history)
    with pytest.raises(UnprocessableRequestError, match="was not answered"):
        await SaveHistoryAnswer(world.uow, world.answer_query).execute(1, refused_id)
    assert len(world.uow.state.saved_answers) == 1


def test_a_long_answer_is_summarised_at_a_word() -> None:
    text = "Verstappen " * 100
    summary = summarize(text)
    assert len(summary) <= MAX_SUMMARY_LENGTH and summary.endswith("Verstappen…")
    assert summarize("  short answer ") == "short answer"
