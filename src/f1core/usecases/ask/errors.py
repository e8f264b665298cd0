"""Errors of the question-answering use cases."""

from __future__ import annotations

from f1core.errors import F1Error
from f1core.query import Refusal


class QuestionRefusedError(F1Error):
    """The interpreter would not turn the question into a query; ``refusal`` says why.

    The message is the refusal's reason plus its suggestions, so a driver can show it as
    is ("Which session: qualifying or the race? Try: ...").
    """

    kind = "refused"
    http_status = 422

    def __init__(self, refusal: Refusal) -> None:
        message = refusal.reason.strip() or "That question cannot be answered."
        if refusal.suggestions:
            end = "" if message[-1] in ".?!" else "."
            message = f"{message}{end} Try: " + "; ".join(refusal.suggestions)
        super().__init__(message)
        self.refusal = refusal
