"""Use case: keep a full answer and make it shareable through an unguessable link."""

from __future__ import annotations

import secrets

from f1core.domain.history import JsonObject, NewSavedAnswer, RecordNotFoundError, SavedAnswer
from f1core.errors import InvalidRequestError
from f1core.ports.clock import Clock, system_clock
from f1core.ports.unit_of_work import UnitOfWork


class SaveAnswer:
    """Store the answer with a 256-bit share token (``secrets.token_urlsafe(32)``)."""

    def __init__(self, uow: UnitOfWork, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(
        self,
        user_id: int,
        answer: JsonObject,
        summary: str,
        *,
        history_id: int | None = None,
        question: str | None = None,
    ) -> SavedAnswer:
        """The saved answer with its ``share_token``.

        With ``history_id`` the entry must be the user's own (else ``RecordNotFoundError``)
        and its question is used when ``question`` is not given.
        """
        async with self._uow as uow:
            if history_id is not None:
                entry = await uow.history.get(user_id, history_id)
                if entry is None:
                    raise RecordNotFoundError(
                        f"There is no history entry {history_id} in your history."
                    )
                question = question or entry.question
            if not question:
                raise InvalidRequestError("Say which question the answer belongs to.")
            saved = await uow.saved_answers.add(
                NewSavedAnswer(
                    user_id=user_id,
                    history_id=history_id,
                    question=question,
                    summary=summary,
                    answer=answer,
                    share_token=secrets.token_urlsafe(32),
                    created_at=self._clock(),
                )
            )
            await uow.commit()
        return saved
