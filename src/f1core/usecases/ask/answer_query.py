"""Use case: answer one typed query (session analysis or archive question) as an ``Answer``."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

import msgspec

from f1core.domain.answer import Answer
from f1core.domain.history import answer_cache_key
from f1core.domain.session import SessionRef
from f1core.errors import DataUnavailableError, F1Error
from f1core.kinds.archive_fallback import archive_fallback
from f1core.kinds.base import (
    ANSWER_FORMAT_VERSION,
    ArchiveQuestion,
    ComposedAnswer,
    QueryBase,
    SessionQuery,
    SessionQuestion,
)
from f1core.kinds.registry import kind_of
from f1core.ports.answer_cache import AnswerCache
from f1core.ports.archive import HistoricalArchive
from f1core.query import Query
from f1core.usecases.load_session import SessionLoader

logger = logging.getLogger(__name__)

_ANSWER_DECODER = msgspec.json.Decoder(Answer)


# A warm answer is the same cached bytes again and again (the memory cache hands back the
# same object, whose hash Python keeps): decoding them (a quarter of a millisecond, more
# than the rest of a cache hit) is done once. Answers are frozen, so sharing one is safe.
@functools.lru_cache(maxsize=256)
def _decode_cached(data: bytes) -> Answer:
    return _ANSWER_DECODER.decode(data)


Timer = Callable[[], float]


def _ms(start: float, end: float) -> float:
    return round((end - start) * 1000.0, 3)


class AnswerQuery:
    """Run a query against sessions or the archive, compose the answer, cache it.

    ``session_data_version`` names the form sessions are stored in (the snapshot schema):
    with the session and the answer format it keys the cache, so a re-recorded session or
    a new paragraph style misses instead of serving a stale answer. Archive answers are
    keyed on the import checksum. A cache that fails is logged and skipped: an answer
    never fails because its cache did.
    """

    def __init__(
        self,
        loader: SessionLoader,
        archive: HistoricalArchive | None = None,
        cache: AnswerCache | None = None,
        *,
        session_data_version: str = "snapshot",
        timer: Timer = time.perf_counter,
    ) -> None:
        self._loader = loader
        self._archive = archive
        self._cache = cache
        self._session_version = session_data_version
        self._timer = timer

    async def execute(self, query: Query, *, question: str | None = None) -> Answer:
        """The answer to ``query``; ``cached`` is True when it came from the answer cache.

        Raises ``F1Error`` subclasses: ``SessionNotFoundError`` / ``AmbiguousReferenceError``
        for a session or race that cannot be pinned down, ``DataUnavailableError`` when its
        data was not recorded or the archive is empty, ``InvalidRequestError`` for an
        analysis that does not fit the session, ``UnknownDriverError``.
        """
        kind = kind_of(query)
        if isinstance(kind, SessionQuestion):
            assert isinstance(query, SessionQuery)
            return await self._session_answer(kind, query, question)
        return await self._archive_answer(kind, query, question)

    # --- sessions ---------------------------------------------------------------------------

    async def _session_answer(
        self, kind: SessionQuestion[Any, Any], query: SessionQuery, question: str | None
    ) -> Answer:
        start = self._timer()
        ref = await self._loader.resolve(query.year, query.event, query.session)
        version = f"session:{self._session_version}:{_ref_key(ref)}:{ANSWER_FORMAT_VERSION}"
        key = answer_cache_key(msgspec.to_builtins(query), version)
        hit = await self._cached(key, question, start)
        if hit is not None:
            return hit
        try:
            session = await self._loader.load(ref, weather=kind.uses_weather)
        except DataUnavailableError as missing:
            fallback = archive_fallback(query) if self._archive is not None else None
            if fallback is None:
                raise
            try:
                return await self._from_archive_instead(fallback, ref, question)
            except F1Error:
                raise missing from None  # the archive cannot stand in: the timing is missing
        loaded = self._timer()
        result = kind.answer(session, query)
        analysed = self._timer()
        composed = kind.compose(result, query)
        answer = self._answer(
            query,
            question,
            composed,
            version,
            {"load_ms": _ms(start, loaded), "analysis_ms": _ms(loaded, analysed)},
            start,
        )
        await self._store(key, answer)
        return answer

    async def _from_archive_instead(
        self, query: QueryBase, ref: SessionRef, question: str | None
    ) -> Answer:
        """The archive's answer for a session whose timing is not recorded, saying so."""
        kind = kind_of(query)
        assert isinstance(kind, ArchiveQuestion)
        answer = await self._archive_answer(kind, query, question)
        note = (
            f"FastF1 timing of the {ref} is not recorded; this comes from the archive's results. "
        )
        return msgspec.structs.replace(answer, text=note + answer.text)

    # --- archive ----------------------------------------------------------------------------

    async def _archive_answer(
        self, kind: ArchiveQuestion[Any, Any], query: Query, question: str | None
    ) -> Answer:
        start = self._timer()
        archive = self._archive
        if archive is None:
            raise DataUnavailableError(
                "the historical archive is not configured here; session questions still work"
            )
        imported = await archive.data_version()
        if imported is None:
            raise DataUnavailableError(
                "the historical archive is empty: load it with `f1 archive import DIR` "
                "(an Ergast-format CSV dump)"
            )
        version = f"archive:{imported.checksum}:{ANSWER_FORMAT_VERSION}"
        key = answer_cache_key(msgspec.to_builtins(query), version)
        hit = await self._cached(key, question, start)
        if hit is not None:
            return hit
        looked_up = self._timer()
        result = await kind.compute(archive, query)
        queried = self._timer()
        composed = kind.compose(result, query, imported.checksum)
        answer = self._answer(
            query,
            question,
            composed,
            version,
            {"load_ms": _ms(start, looked_up), "analysis_ms": _ms(looked_up, queried)},
            start,
        )
        await self._store(key, answer)
        return answer

    # --- shared -----------------------------------------------------------------------------

    def _answer(
        self,
        query: Query,
        question: str | None,
        composed: ComposedAnswer,
        version: str,
        timings: dict[str, float],
        start: float,
    ) -> Answer:
        return Answer(
            question=question,
            query=query,
            text=composed.text,
            table=composed.table,
            chart=composed.chart,
            excluded=composed.excluded,
            source=composed.source,
            data_version=version,
            timings_ms={**timings, "total_ms": _ms(start, self._timer())},
        )

    async def _cached(self, key: str, question: str | None, start: float) -> Answer | None:
        if self._cache is None:
            return None
        try:
            data = await self._cache.get(key)
        except Exception:
            logger.warning("answer cache lookup failed; computing the answer", exc_info=True)
            return None
        if data is None:
            return None
        try:
            stored = _decode_cached(data)
        except msgspec.DecodeError:
            # Written by an older Answer shape: recompute and overwrite.
            logger.info("unreadable cached answer %s; recomputing", key[:12])
            return None
        elapsed = _ms(start, self._timer())
        return msgspec.structs.replace(
            stored,
            question=question,
            cached=True,
            timings_ms={"load_ms": 0.0, "analysis_ms": 0.0, "total_ms": elapsed},
        )

    async def _store(self, key: str, answer: Answer) -> None:
        if self._cache is None:
            return
        try:
            await self._cache.put(key, msgspec.json.encode(answer))
        except Exception:
            logger.warning("could not store the answer in the cache", exc_info=True)


def _ref_key(ref: SessionRef) -> str:
    return f"{ref.year}/{ref.event}/{ref.kind.value}"
