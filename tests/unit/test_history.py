"""History and saved-answer use cases on fakes: scoping, pagination, sharing, cache keys."""

from __future__ import annotations

from typing import Any

import pytest
from tests.fakes import FakeClock, FakeUnitOfWork

from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.domain.history import QueryStatus, RecordNotFoundError, answer_cache_key
from f1core.errors import InvalidRequestError
from f1core.usecases.history.delete_history_item import DeleteHistoryItem
from f1core.usecases.history.delete_saved_answer import DeleteSavedAnswer
from f1core.usecases.history.get_history_item import GetHistoryItem
from f1core.usecases.history.get_shared_answer import GetSharedAnswer
from f1core.usecases.history.list_history import ListHistory
from f1core.usecases.history.list_saved_answers import ListSavedAnswers
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.history.save_answer import SaveAnswer

ANA, BOB = 1, 2
QUERY = {"kind": "race_winner", "year": 2021, "event": "Abu Dhabi"}
ANSWER = {"text": "Max Verstappen won", "table": {"columns": ["driver"], "rows": [["VER"]]}}


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


async def ask(
    uow: FakeUnitOfWork,
    user: int,
    question: str,
    status: QueryStatus = QueryStatus.ANSWERED,
    **kw: Any,
) -> int:
    entry = await RecordQuestion(uow, FakeClock()).execute(user, question, status, **kw)
    return entry.id


async def test_record_and_read_back(uow: FakeUnitOfWork) -> None:
    entry_id = await ask(
        uow,
        ANA,
        "  Who won Abu Dhabi 2021? ",
        interpreted_query=QUERY,
        answer_summary="VER",
        timings_ms={"interpret": 812.5, "compute": 40.0},
    )
    entry = await GetHistoryItem(uow).execute(ANA, entry_id)
    assert entry.question == "Who won Abu Dhabi 2021?"
    assert entry.interpreted_query == QUERY
    assert entry.timings_ms == {"interpret": 812.5, "compute": 40.0}
    assert entry.status is QueryStatus.ANSWERED


async def test_refused_and_failed_are_recorded(uow: FakeUnitOfWork) -> None:
    await ask(uow, ANA, "Tell me a joke", status=QueryStatus.REFUSED)
    await ask(uow, ANA, "Who won 2030?", status=QueryStatus.FAILED, answer_summary="no data")
    page = await ListHistory(uow).execute(ANA)
    assert [(e.question, e.status) for e in page.items] == [
        ("Who won 2030?", QueryStatus.FAILED),
        ("Tell me a joke", QueryStatus.REFUSED),
    ]


@pytest.mark.parametrize("question", ["", "   ", "x" * (MAX_QUESTION_LENGTH + 1)])
async def test_bad_questions(uow: FakeUnitOfWork, question: str) -> None:
    with pytest.raises(InvalidRequestError):
        await ask(uow, ANA, question)


async def test_pagination_newest_first(uow: FakeUnitOfWork) -> None:
    ids = [await ask(uow, ANA, f"q{i}") for i in range(5)]
    await ask(uow, BOB, "bob's")
    first = await ListHistory(uow).execute(ANA, limit=2)
    assert [e.question for e in first.items] == ["q4", "q3"]
    second = await ListHistory(uow).execute(ANA, limit=2, before_id=first.next_before_id)
    assert [e.question for e in second.items] == ["q2", "q1"]
    third = await ListHistory(uow).execute(ANA, limit=2, before_id=second.next_before_id)
    assert [e.id for e in third.items] == [ids[0]]
    assert third.next_before_id is None
    with pytest.raises(InvalidRequestError):
        await ListHistory(uow).execute(ANA, limit=0)


async def test_one_user_cannot_touch_anothers_history(uow: FakeUnitOfWork) -> None:
    anas = await ask(uow, ANA, "mine")
    with pytest.raises(RecordNotFoundError) as foreign:
        await GetHistoryItem(uow).execute(BOB, anas)
    with pytest.raises(RecordNotFoundError) as missing:
        await GetHistoryItem(uow).execute(BOB, 999)
    # A foreign id and a missing one are indistinguishable.
    assert foreign.value.message.replace(str(anas), "N") == missing.value.message.replace(
        "999", "N"
    )
    with pytest.raises(RecordNotFoundError):
        await DeleteHistoryItem(uow).execute(BOB, anas)
    with pytest.raises(RecordNotFoundError):
        await SaveAnswer(uow).execute(BOB, ANSWER, "VER", history_id=anas)
    assert (await ListHistory(uow).execute(BOB)).items == ()
    assert (await GetHistoryItem(uow).execute(ANA, anas)).question == "mine"


async def test_delete_own(uow: FakeUnitOfWork) -> None:
    entry_id = await ask(uow, ANA, "mine")
    await DeleteHistoryItem(uow).execute(ANA, entry_id)
    with pytest.raises(RecordNotFoundError):
        await GetHistoryItem(uow).execute(ANA, entry_id)
    with pytest.raises(RecordNotFoundError):
        await DeleteHistoryItem(uow).execute(ANA, entry_id)


async def test_save_and_share(uow: FakeUnitOfWork) -> None:
    entry_id = await ask(uow, ANA, "Who won Abu Dhabi 2021?")
    saved = await SaveAnswer(uow).execute(ANA, ANSWER, "VER won", history_id=entry_id)
    assert saved.question == "Who won Abu Dhabi 2021?"
    assert len(saved.share_token) == 43  # 32 random bytes, base64url
    shared = await GetSharedAnswer(uow).execute(saved.share_token)
    assert (shared.question, shared.summary, shared.answer) == (
        "Who won Abu Dhabi 2021?",
        "VER won",
        ANSWER,
    )
    assert not hasattr(shared, "user_id")
    # Deleting the history entry keeps the saved copy and its link.
    await DeleteHistoryItem(uow).execute(ANA, entry_id)
    assert (await GetSharedAnswer(uow).execute(saved.share_token)).summary == "VER won"
    other = await SaveAnswer(uow).execute(ANA, ANSWER, "again", question="Q")
    assert other.share_token != saved.share_token
    assert [s.summary for s in await ListSavedAnswers(uow).execute(ANA)] == ["again", "VER won"]
    assert await ListSavedAnswers(uow).execute(BOB) == ()
    with pytest.raises(RecordNotFoundError):
        await DeleteSavedAnswer(uow).execute(BOB, saved.id)
    await DeleteSavedAnswer(uow).execute(ANA, saved.id)
    with pytest.raises(RecordNotFoundError, match="does not exist"):
        await GetSharedAnswer(uow).execute(saved.share_token)


async def test_save_needs_a_question(uow: FakeUnitOfWork) -> None:
    with pytest.raises(InvalidRequestError):
        await SaveAnswer(uow).execute(ANA, ANSWER, "VER")


def test_answer_cache_key_is_canonical_and_versioned() -> None:
    reordered = {"event": "Abu Dhabi", "year": 2021, "kind": "race_winner"}
    assert answer_cache_key(QUERY, "v1") == answer_cache_key(reordered, "v1")
    assert answer_cache_key(QUERY, "v1") != answer_cache_key(QUERY, "v2")
    assert answer_cache_key(QUERY, "v1") != answer_cache_key({**QUERY, "year": 2022}, "v1")
    assert len(answer_cache_key(QUERY, "v1")) == 64
