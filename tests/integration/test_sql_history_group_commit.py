"""The group-committed history writer on real SQLite and PostgreSQL.

Concurrent requests' rows go to the database together (fewer INSERT statements than
rows), every committed entry is stored with the id it was given, a member that leaves
without committing is rolled back, and a row the database refuses fails alone.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.security.argon2_password_hasher import Argon2PasswordHasher
from adapters.security.bundled_common_passwords import BundledCommonPasswords
from adapters.sql.history_group_commit import SqlGroupCommitUnitOfWork, SqlHistoryGroupCommit
from adapters.sql.tables import query_history
from adapters.sql.tables import users as users_table
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.domain.history import HistoryEntry, NewHistoryEntry, QueryStatus
from f1core.usecases.accounts.register_user import RegisterUser
from f1core.usecases.history.record_question import RecordQuestion

PASSWORD = "correct horse battery"
HASHER = Argon2PasswordHasher(memory_cost_kib=1024, time_cost=1)


def count_inserts(engine: AsyncEngine) -> list[str]:
    """Every INSERT INTO query_history the engine sends from now on."""
    seen: list[str] = []

    def before(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO QUERY_HISTORY"):
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    return seen


async def users(engine: AsyncEngine, *names: str) -> list[int]:
    register = RegisterUser(SqlUnitOfWork(engine), HASHER, BundledCommonPasswords())
    return [(await register.execute(name, PASSWORD)).id for name in names]


def new_entry(user_id: int, question: str) -> NewHistoryEntry:
    return NewHistoryEntry(
        user_id=user_id,
        question=question,
        status=QueryStatus.ANSWERED,
        interpreted_query={"type": "fastest-lap", "year": 2024},
        answer_summary="Norris",
        timings_ms={"total_ms": 2.5},
        created_at=datetime.now(UTC),
    )


async def stored(engine: AsyncEngine) -> dict[int, tuple[int, str]]:
    """Every history row, read on a connection of its own: id -> (user id, question)."""
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(query_history.c.id, query_history.c.user_id, query_history.c.question)
        )
        return {row.id: (row.user_id, row.question) for row in rows}


async def test_concurrent_records_share_statements_and_keep_their_ids(
    engine: AsyncEngine,
) -> None:
    ana, bob = await users(engine, "ana", "bob")
    inserts = count_inserts(engine)
    # One use case, one unit of work, many concurrent requests (as the HTTP app shares it).
    record = RecordQuestion(SqlGroupCommitUnitOfWork(SqlHistoryGroupCommit(engine)))
    asked = [(ana if i % 3 else bob, f"question {i}") for i in range(60)]
    entries: list[HistoryEntry] = await asyncio.gather(
        *(record.execute(user, text, QueryStatus.ANSWERED) for user, text in asked)
    )

    assert [(e.user_id, e.question) for e in entries] == asked
    assert len({e.id for e in entries}) == 60
    # Stored as answered, under the ids handed back.
    assert await stored(engine) == {e.id: (e.user_id, e.question) for e in entries}
    assert 1 <= len(inserts) < 60, "concurrent rows must share INSERT statements"


async def test_a_member_that_does_not_commit_is_rolled_back_alone(engine: AsyncEngine) -> None:
    (ana,) = await users(engine, "ana")
    uow = SqlGroupCommitUnitOfWork(SqlHistoryGroupCommit(engine))

    async def add(question: str, commit: bool) -> int:
        async with uow:
            entry = await uow.history.add(new_entry(ana, question))
            if commit:
                await uow.commit()
            return entry.id

    kept, dropped, also_kept = await asyncio.gather(
        add("kept", True), add("dropped", False), add("also kept", True)
    )
    rows = await stored(engine)
    assert rows == {kept: (ana, "kept"), also_kept: (ana, "also kept")}
    assert dropped not in rows


async def test_a_refused_row_fails_alone_and_the_others_are_stored(engine: AsyncEngine) -> None:
    (ana,) = await users(engine, "ana")
    async with engine.connect() as connection:
        newest = (await connection.execute(select(func.max(users_table.c.id)))).scalar_one()
    missing = int(newest) + 1000  # no such user: the foreign key refuses the row
    record = RecordQuestion(SqlGroupCommitUnitOfWork(SqlHistoryGroupCommit(engine)))
    results = await asyncio.gather(
        record.execute(ana, "first", QueryStatus.ANSWERED),
        record.execute(missing, "nobody asked this", QueryStatus.ANSWERED),
        record.execute(ana, "last", QueryStatus.ANSWERED),
        return_exceptions=True,
    )
    first, refused, last = results
    assert isinstance(refused, IntegrityError)
    assert isinstance(first, HistoryEntry) and isinstance(last, HistoryEntry)
    assert await stored(engine) == {first.id: (ana, "first"), last.id: (ana, "last")}


async def test_units_of_work_do_not_nest_within_a_task(engine: AsyncEngine) -> None:
    uow = SqlGroupCommitUnitOfWork(SqlHistoryGroupCommit(engine))
    async with uow:
        with pytest.raises(RuntimeError, match="do not nest"):
            async with uow:
                pass
    with pytest.raises(RuntimeError, match="only adds history entries"):
        _ = uow.users
