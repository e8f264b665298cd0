"""An answer as every driver shows it: a paragraph, a table, a chart and where it came from."""

from __future__ import annotations

from typing import Any

import msgspec

from f1core.domain.table import ExcludedLap, Table
from f1core.query import Query


class Answer(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to one question or query.

    ``chart`` is a Vega-Lite v5 specification with its data inline, so a browser and a
    notebook render the same thing; None when a chart would say nothing (one number).
    """

    question: str | None
    query: Query
    text: str
    table: Table
    chart: dict[str, Any] | None
    excluded: tuple[ExcludedLap, ...]
    source: str
    data_version: str
    timings_ms: dict[str, float]
    cached: bool = False
