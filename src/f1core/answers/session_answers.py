"""Paragraph, table and chart for a session query's analysis result.

The paragraph leads with the fact asked for, names drivers as "Full Name (CODE)" and
the session in full; the table is the result's own ``table()``; the chart is the one
picture that fits the result (``f1core.answers.charts``). Pure: the session is passed
in only to name drivers and to draw points the result does not keep (weather samples,
degradation laps).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from f1core.analysis.catalog import AnalysisResult
from f1core.domain.session import Session
from f1core.kinds.base import SessionQuery

Spec = dict[str, Any]


def session_paragraph(query: SessionQuery, result: AnalysisResult, session: Session) -> str:
    """One paragraph answering ``query`` from ``result``, drivers named in full."""
    return name_drivers(result.summary(), session)


def session_chart(result: AnalysisResult, session: Session, query: SessionQuery) -> Spec | None:
    """The chart that fits ``result``, or None when a picture would add nothing."""
    draw = _CHARTS.get(type(result))
    if draw is None:
        return None
    return draw(result, session, query)


# --- driver names ---------------------------------------------------------------------------

_CODE_THEN_NAME = re.compile(r"\b([A-Z]{3}) \(([^()]+)\)")


def name_drivers(text: str, session: Session) -> str:
    """Write each driver of ``session`` as "Full Name (CODE)" on first mention.

    Analyses write "NOR (Lando Norris)"; people read the name first. Later mentions of a
    driver keep the bare code, which is short and unambiguous once introduced.
    """
    names = {d.code: d.full_name for d in session.drivers if d.full_name}
    seen: set[str] = set()

    def flip(match: re.Match[str]) -> str:
        code, name = match.group(1), match.group(2)
        if code not in names or code in seen:
            return match.group(0) if code not in names else code
        seen.add(code)
        return f"{name} ({code})"

    text = _CODE_THEN_NAME.sub(flip, text)

    def introduce(match: re.Match[str]) -> str:
        code = match.group(0)
        if code not in names or code in seen:
            return code
        seen.add(code)
        return f"{names[code]} ({code})"

    return re.sub(r"(?<!\()\b[A-Z]{3}\b(?!\))", introduce, text)


# --- charts ---------------------------------------------------------------------------------


_CHARTS: dict[type, Callable[[Any, Session, SessionQuery], Spec | None]] = {}
