"""HistoryRepository and SavedAnswerRepository contract."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.contract.conftest import Backend

from f1core.domain.accounts import NewUser, Role
from f1core.domain.history import NewHistoryEntry, NewSavedAnswer, QueryStatus

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
QUERY = {"kind": "standings", "year": 1988, "drivers": ["SEN", "PRO"], "after_round": None}
ANSWER = {
    "summary": "Senna 90 – Prost 87 ✓",
    "table": {"columns": ["pos", "driver", "points"], "rows": [[1, "SEN", 90.0], [2, "PRO", 87]]},
    "nested": {"ok": True, "none": None, "pi": 3.14159},
}


async def _users(accounts_backend: Backend) -> tuple[int, int]:
    async with accounts_backend.uow as uow:
        ids = [
            (
                await uow.users.add(
                    NewUser(username=n, password_hash="h", role=Role.VIEWER, created_at=T0)
                )
            ).id
            for n in ("ana", "bob")
        ]
        await uow.commit()
    return ids[0], ids[1]


def entry(user: int, question: str, minutes: int = 0) -> NewHistoryEntry:
    return NewHistoryEntry(
        user_id=user,
        question=question,
        status=QueryStatus.ANSWERED,
        interpreted_query=QUERY,
        answer_summary="Senna",
        timings_ms={"interpret": 812.25, "compute": 3.0},
        created_at=T0 + timedelta(minutes=minutes),
    )


async def test_history_round_trip_and_scoping(accounts_backend: Backend) -> None:
    ana, bob = await _users(accounts_backend)
    async with accounts_backend.uow as uow:
        added = [await uow.history.add(entry(ana, f"q{i}", i)) for i in range(5)]
        bobs = await uow.history.add(
            NewHistoryEntry(
                user_id=bob,
                question="refused one",
                status=QueryStatus.REFUSED,
                created_at=T0,
            )
        )
        await uow.commit()
    async with accounts_backend.uow as uow:
        got = await uow.history.get(ana, added[2].id)
        assert got == added[2]
        assert got is not None
        assert (got.question, got.interpreted_query, got.timings_ms) == (
            "q2",
            QUERY,
            {"interpret": 812.25, "compute": 3.0},
        )
        assert got.created_at == T0 + timedelta(minutes=2)
        assert await uow.history.get(bob, added[2].id) is None  # foreign id = missing
        refused = await uow.history.get(bob, bobs.id)
        assert refused is not None
        assert (refused.status, refused.interpreted_query, refused.timings_ms) == (
            QueryStatus.REFUSED,
            None,
            {},
        )
        first = await uow.history.list(ana, limit=2)
        assert [e.question for e in first] == ["q4", "q3"]
        rest = await uow.history.list(ana, limit=10, before_id=first[-1].id)
        assert [e.question for e in rest] == ["q2", "q1", "q0"]
        assert [e.id for e in await uow.history.list(bob, limit=10)] == [bobs.id]
        assert await uow.history.delete(bob, added[0].id) is False
        assert await uow.history.delete(ana, added[0].id) is True
        assert await uow.history.delete(ana, added[0].id) is False
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert len(await uow.history.list(ana, limit=10)) == 4


async def test_saved_answers(accounts_backend: Backend) -> None:
    ana, bob = await _users(accounts_backend)
    async with accounts_backend.uow as uow:
        source = await uow.history.add(entry(ana, "Who won 1988?"))
        saved = await uow.saved_answers.add(
            NewSavedAnswer(
                user_id=ana,
                history_id=source.id,
                question="Who won 1988?",
                summary="Senna",
                answer=ANSWER,
                share_token="tok-1",
                created_at=T0,
            )
        )
        second = await uow.saved_answers.add(
            NewSavedAnswer(
                user_id=ana,
                history_id=None,
                question="Q2",
                summary="S2",
                answer={"x": 1},
                share_token="tok-2",
                created_at=T0,
            )
        )
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert await uow.saved_answers.get(ana, saved.id) == saved
        assert saved.answer == ANSWER
        assert await uow.saved_answers.get(bob, saved.id) is None
        assert await uow.saved_answers.get_by_share_token("tok-1") == saved
        assert await uow.saved_answers.get_by_share_token("tok-x") is None
        assert [s.id for s in await uow.saved_answers.list(ana)] == [second.id, saved.id]
        assert await uow.saved_answers.list(bob) == ()
        # Deleting the history entry unlinks, but keeps, the saved copy.
        assert await uow.history.delete(ana, source.id)
        await uow.commit()
    async with accounts_backend.uow as uow:
        kept = await uow.saved_answers.get_by_share_token("tok-1")
        assert kept is not None and kept.history_id is None and kept.summary == "Senna"
        assert await uow.saved_answers.delete(bob, saved.id) is False
        assert await uow.saved_answers.delete(ana, saved.id) is True
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert await uow.saved_answers.get_by_share_token("tok-1") is None
