"""Port: optional prose for an answer (an LLM may phrase it; the facts stay computed)."""

from __future__ import annotations

from typing import Protocol

from f1core.domain.answer import Answer


class AnswerPhraser(Protocol):
    """Rewrites an answer's paragraph. Returns None to keep the plain, computed text."""

    async def phrase(self, answer: Answer) -> str | None:
        """A better-worded paragraph stating only facts found in ``answer``, or None."""
        ...
