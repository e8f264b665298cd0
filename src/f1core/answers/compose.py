"""Answer composition for the kinds still answered through the analysis catalog.

``compose_session_answer`` and ``compose_archive_answer`` are pure; the use cases in
``f1core.usecases.ask`` add the question, timings and data version around them.
"""

from __future__ import annotations

from f1core.analysis.catalog import AnalysisResult
from f1core.answers.archive_answers import (
    ArchiveResult,
    archive_chart,
    archive_paragraph,
    archive_source,
)
from f1core.answers.session_answers import session_chart, session_paragraph
from f1core.domain.session import Session
from f1core.kinds.base import SESSION_SOURCE, ComposedAnswer, SessionQuery
from f1core.query import (
    Query,
)


def compose_session_answer(
    query: SessionQuery, result: AnalysisResult, session: Session
) -> ComposedAnswer:
    """Paragraph, table, chart, excluded laps and source for a session query's result."""
    return ComposedAnswer(
        text=session_paragraph(query, result, session),
        table=result.table(),
        chart=session_chart(result, session, query),
        excluded=tuple(result.excluded),
        source=SESSION_SOURCE,
    )


def compose_archive_answer(query: Query, result: ArchiveResult, checksum: str) -> ComposedAnswer:
    """Paragraph, table, chart and source for an archive query's result."""
    return ComposedAnswer(
        text=archive_paragraph(query, result),
        table=result.table(),
        chart=archive_chart(query, result),
        excluded=(),
        source=archive_source(checksum),
    )
