"""The history insert on every answer, group-committed.

Each answered question writes one history row, and a 2xx must mean the row is stored.
One transaction per row cost a busy worker most of its time (a pooled connection, BEGIN,
INSERT, COMMIT and the pool's reset: a thread hand-off each on aiosqlite) and on SQLite the
rows queued behind one another. Here every row that arrives while a batch is being written
waits for the next batch: one multi-row INSERT, then one COMMIT for all of them, on one
connection; a request's ``commit()`` returns only once its batch's COMMIT has.

A unit of work's promise holds: leaving without ``commit()`` rolls the row back (the batch
deletes it before its COMMIT). A row the database refuses (its user was deleted meanwhile)
fails alone: the batch is retried one row per transaction.
"""

from __future__ import annotations

import asyncio
import contextvars
from types import TracebackType
from typing import Any, Self

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql.history_repository import SqlHistoryRepository, entry_from_row, history_values
from adapters.sql.tables import query_history
from f1core.domain.history import HistoryEntry, NewHistoryEntry

_h = query_history.c
# Rows per statement: well under SQLite's bound parameters (7 per row, 32766 at most).
_MAX_BATCH = 512
# A member that neither commits nor rolls back within this time is rolled back, so one
# stuck request cannot hold its batch (and everyone in it) for ever.
_DECISION_TIMEOUT_S = 10.0


def _retrieved(future: asyncio.Future[Any]) -> None:
    # The member that waits on it sees the error; one that left already does not need it.
    if not future.cancelled():
        future.exception()


class _Ticket:
    """One row on its way: inserted (its id known), decided by its member, committed."""

    __slots__ = ("committed", "decision", "entry", "inserted")

    def __init__(self, entry: NewHistoryEntry, loop: asyncio.AbstractEventLoop) -> None:
        self.entry = entry
        self.inserted: asyncio.Future[HistoryEntry] = loop.create_future()
        self.decision: asyncio.Future[bool] = loop.create_future()  # True: commit
        self.committed: asyncio.Future[None] = loop.create_future()
        for future in (self.inserted, self.committed):
            future.add_done_callback(_retrieved)

    def decide(self, commit: bool) -> None:
        if not self.decision.done():
            self.decision.set_result(commit)

    def wants_commit(self) -> bool:
        return self.decision.done() and self.decision.result()

    def fail(self, exc: BaseException) -> None:
        for future in (self.inserted, self.committed):
            if not future.done():
                future.set_exception(exc)

    def settle(self) -> None:
        if not self.committed.done():
            self.committed.set_result(None)


class SqlHistoryGroupCommit:
    """The process's history writer: one task drains the staged rows batch by batch.

    The task starts with the first staged row and ends when nothing is left, so there is
    nothing to start or stop with the app (and no loop to outlive).
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._pending: list[_Ticket] = []
        self._writer: asyncio.Task[None] | None = None

    def stage(self, entry: NewHistoryEntry) -> _Ticket:
        loop = asyncio.get_running_loop()
        ticket = _Ticket(entry, loop)
        writer = self._writer
        if writer is not None and not writer.done() and writer.get_loop() is not loop:
            # The last writer's loop was closed under it (a test client's portal): rows
            # staged on it have nobody left to answer them.
            self._pending = [t for t in self._pending if t.inserted.get_loop() is loop]
            writer = None
        self._pending.append(ticket)
        if writer is None or writer.done():
            self._writer = loop.create_task(self._drain())
        return ticket

    async def _drain(self) -> None:
        while self._pending:
            batch = self._pending[:_MAX_BATCH]
            del self._pending[:_MAX_BATCH]
            try:
                await self._write(batch)
            except Exception as exc:
                for ticket in batch:
                    ticket.fail(exc)
            except BaseException as exc:  # cancelled (the loop is closing): fail them all
                for ticket in batch + self._pending:
                    ticket.fail(exc)
                self._pending.clear()
                raise

    async def _write(self, batch: list[_Ticket]) -> None:
        for ticket in batch:
            if ticket.decision.done():  # its member left before the row was written
                ticket.settle()
        batch = [t for t in batch if not t.decision.done()]
        if not batch:
            return
        async with self._engine.connect() as connection:
            try:
                entries = await _insert(connection, batch)
            except IntegrityError:
                entries = None
            if entries is None:  # refused, or the rows could not be told apart
                await connection.rollback()
                for ticket in batch:
                    await self._write_alone(connection, ticket)
                return
            for ticket, entry in zip(batch, entries, strict=True):
                if not ticket.inserted.done():
                    ticket.inserted.set_result(entry)
            await self._finish(connection, batch, [entry.id for entry in entries])

    async def _write_alone(self, connection: AsyncConnection, ticket: _Ticket) -> None:
        try:
            entry = await SqlHistoryRepository(connection).add(ticket.entry)
        except IntegrityError as exc:
            await connection.rollback()
            ticket.fail(exc)
            return
        if not ticket.inserted.done():
            ticket.inserted.set_result(entry)
        await self._finish(connection, [ticket], [entry.id])

    async def _finish(
        self, connection: AsyncConnection, batch: list[_Ticket], ids: list[int]
    ) -> None:
        # Members commit (or roll back) as soon as their row's id is known.
        await asyncio.wait([t.decision for t in batch], timeout=_DECISION_TIMEOUT_S)
        dropped = [i for t, i in zip(batch, ids, strict=True) if not t.wants_commit()]
        if dropped:
            await connection.execute(delete(query_history).where(_h.id.in_(dropped)))
        await connection.commit()
        for ticket in batch:
            ticket.decide(False)  # a member that never decided was rolled back
            ticket.settle()


async def _insert(connection: AsyncConnection, batch: list[_Ticket]) -> list[HistoryEntry] | None:
    """The batch's rows in one statement, as entries in the batch's order (None when the
    returned rows do not line up with it)."""
    # Ids are handed out in the order of the VALUES rows (one writer inside one statement),
    # whatever the order RETURNING reports them in. SQLAlchemy's own ordering
    # (sort_by_parameter_order) would run one statement per row on SQLite.
    result = await connection.execute(
        insert(query_history).returning(*_h), [history_values(t.entry) for t in batch]
    )
    entries = sorted((entry_from_row(row._mapping) for row in result), key=lambda e: e.id)
    lined_up = len(entries) == len(batch) and all(
        (e.user_id, e.question, e.created_at)
        == (t.entry.user_id, t.entry.question, t.entry.created_at)
        for e, t in zip(entries, batch, strict=False)
    )
    return entries if lined_up else None


class _GroupCommitHistory:
    def __init__(self, uow: SqlGroupCommitUnitOfWork) -> None:
        self._uow = uow

    async def add(self, entry: NewHistoryEntry) -> HistoryEntry:
        return await self._uow.stage(entry)

    async def get(self, user_id: int, entry_id: int) -> HistoryEntry | None:
        raise _only_add()

    async def list(
        self, user_id: int, *, limit: int, before_id: int | None = None
    ) -> tuple[HistoryEntry, ...]:
        raise _only_add()

    async def delete(self, user_id: int, entry_id: int) -> bool:
        raise _only_add()


def _only_add() -> RuntimeError:
    return RuntimeError("the group-committed unit of work only adds history entries")


class SqlGroupCommitUnitOfWork:
    """``UnitOfWork`` for the history recorder: ``history.add`` joins the writer's next
    batch; ``commit()`` waits for that batch's COMMIT. Holds no connection of its own.

    Only ``history.add`` is offered (the other repositories raise): it is what recording
    a question needs, and what is group-committed. Its transaction is kept per asyncio
    task (a context variable), so one instance serves concurrent requests, each in its
    own task; within a task, units of work still do not nest.
    """

    def __init__(self, writer: SqlHistoryGroupCommit) -> None:
        self._writer = writer
        self._state: contextvars.ContextVar[list[_Ticket] | None] = contextvars.ContextVar(
            f"history-uow-{id(self)}", default=None
        )
        self._history = _GroupCommitHistory(self)

    @property
    def history(self) -> _GroupCommitHistory:
        return self._history

    @property
    def users(self) -> Any:
        raise _only_add()

    @property
    def refresh_tokens(self) -> Any:
        raise _only_add()

    @property
    def saved_answers(self) -> Any:
        raise _only_add()

    async def stage(self, entry: NewHistoryEntry) -> HistoryEntry:
        ticket = self._writer.stage(entry)
        self._live().append(ticket)
        return await asyncio.shield(ticket.inserted)

    async def __aenter__(self) -> Self:
        if self._state.get() is not None:
            raise RuntimeError("the unit of work is already in use; units of work do not nest")
        self._state.set([])
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        tickets = self._state.get() or []
        self._state.set(None)
        for ticket in tickets:
            ticket.decide(False)

    async def commit(self) -> None:
        tickets = self._live()
        for ticket in tickets:
            ticket.decide(True)
        tickets_now = list(tickets)
        tickets.clear()
        for ticket in tickets_now:
            await asyncio.shield(ticket.committed)
            if not ticket.decision.result():  # the writer gave up waiting and rolled it back
                raise RuntimeError("the history entry was rolled back: committed too late")

    async def rollback(self) -> None:
        tickets = self._live()
        for ticket in tickets:
            ticket.decide(False)
        tickets.clear()

    def _live(self) -> list[_Ticket]:
        tickets = self._state.get()
        if tickets is None:
            raise RuntimeError("use the unit of work inside `async with`")
        return tickets
