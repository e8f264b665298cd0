"""Query history, saved (shareable) answers and the answer cache key.

Answers are produced by the question-answering layer; here they are opaque JSON
objects plus a one-line summary, so storage does not depend on the Answer type.
"""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import datetime
from typing import Any

import msgspec

from f1core.errors import F1Error

JsonObject = dict[str, Any]


class QueryStatus(enum.StrEnum):
    """How a question ended."""

    ANSWERED = "answered"
    REFUSED = "refused"
    FAILED = "failed"


# Longest stored summary of an answer, in characters: a list shows the first lines only.
MAX_SUMMARY_LENGTH = 500


def summarize(text: str) -> str:
    """``text`` cut to ``MAX_SUMMARY_LENGTH`` characters, at a word with an ellipsis when cut."""
    text = text.strip()
    if len(text) <= MAX_SUMMARY_LENGTH:
        return text
    cut = text[: MAX_SUMMARY_LENGTH - 1]
    head, space, _ = cut.rpartition(" ")
    return (head if space and head else cut).rstrip() + "…"


class NewHistoryEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One asked question, as the asking driver reports it."""

    user_id: int
    question: str
    status: QueryStatus
    interpreted_query: JsonObject | None = None
    answer_summary: str = ""
    # Named phases in milliseconds, e.g. {"interpret": 812.0, "compute": 40.5}.
    timings_ms: dict[str, float] = msgspec.field(default_factory=dict)
    created_at: datetime


class HistoryEntry(msgspec.Struct, frozen=True, kw_only=True):
    """A stored history entry."""

    id: int
    user_id: int
    question: str
    status: QueryStatus
    interpreted_query: JsonObject | None
    answer_summary: str
    timings_ms: dict[str, float]
    created_at: datetime


class HistoryPage(msgspec.Struct, frozen=True, kw_only=True):
    """Newest first; pass ``next_before_id`` as ``before_id`` to get the next page."""

    items: tuple[HistoryEntry, ...]
    next_before_id: int | None


class NewSavedAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """A full answer a user chose to keep, with its share token."""

    user_id: int
    history_id: int | None
    question: str
    summary: str
    answer: JsonObject
    share_token: str
    created_at: datetime


class SavedAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """A stored saved answer (owner's view)."""

    id: int
    user_id: int
    history_id: int | None
    question: str
    summary: str
    answer: JsonObject
    share_token: str
    created_at: datetime

    def shared(self) -> SharedAnswer:
        """What anyone holding the share link sees: no owner, no ids."""
        return SharedAnswer(
            question=self.question,
            summary=self.summary,
            answer=self.answer,
            created_at=self.created_at,
        )


class SharedAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """The read-only public view of a saved answer."""

    question: str
    summary: str
    answer: JsonObject
    created_at: datetime


class RecordNotFoundError(F1Error):
    """No such history entry or saved answer for this user (or no such share link)."""

    kind = "not_found"
    http_status = 404


def answer_cache_key(query: JsonObject, data_version: str) -> str:
    """The cache key of an answer: a SHA-256 of the canonical query JSON and the data version.

    Canonical means sorted keys and no whitespace, so two equal queries written in a
    different key order share one entry; the data version makes a new import or a
    re-recorded session miss the cache instead of serving a stale answer.
    """
    canonical = json.dumps(query, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256()
    digest.update(canonical.encode())
    digest.update(b"\x00")
    digest.update(data_version.encode())
    return digest.hexdigest()
