"""A plain table: the shape every analysis result can be shown in (CLI, notebook, web)."""

from __future__ import annotations

import msgspec

Cell = str | int | float | bool | None


class Table(msgspec.Struct, frozen=True, gc=False):
    """Columns and rows of display-ready cells (times already formatted)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


class ExcludedLap(msgspec.Struct, frozen=True, gc=False):
    """A lap an analysis left out, and why ("pit in lap", "safety car", "deleted: track limits")."""

    driver: str
    lap: int
    reason: str
