"""What ``f1 analyze`` does with a kind, for the kinds' integration tests."""

from __future__ import annotations

from typing import Any

from f1core.domain.session import Session
from f1core.kinds.base import SessionQuestion


def analyze(kind: SessionQuestion[Any, Any], session: Session, *drivers: str) -> tuple[Any, str]:
    """The result ``kind`` computes for ``session`` (about ``drivers``) and its paragraph."""
    query = kind.query_for(session, drivers, {})
    result = kind.answer(session, query)
    return result, kind.paragraph(result, query)
