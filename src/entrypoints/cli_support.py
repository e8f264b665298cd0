"""What every CLI command shares: the container, ``--json`` output, one-line errors.

Command groups live in their own modules (``cli.py``, ``cli_db.py``, ``cli_archive.py``) and
use ``pass_app``; the root group in ``cli.py`` builds ``CliApp`` once per invocation and
imports a command's module only when that command runs.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import click
import msgspec

from f1core.domain.table import Table
from f1core.errors import F1Error

if TYPE_CHECKING:
    from entrypoints.composition import Container
    from entrypoints.composition.oneshot import OneShot
    from entrypoints.settings import Settings

T = TypeVar("T")


class CliApp:
    """Per-invocation state: settings, the lazily built wiring and the output mode.

    ``oneshot`` serves the commands that need no database (sessions, analyses, questions)
    without importing dependency-injector or SQLAlchemy; ``container`` is the full
    composition root, built only for a command (or question) that needs the database.
    """

    def __init__(self, *, json_output: bool) -> None:
        self.json_output = json_output
        self._settings: Settings | None = None
        self._container: Container | None = None
        self._oneshot: OneShot | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from entrypoints.settings import Settings

            self._settings = Settings.from_env()
        return self._settings

    @property
    def container(self) -> Container:
        if self._container is None:
            # Imported on the first command that needs it: ``f1 --help`` and argument
            # errors never pay for SQLAlchemy, Alembic and every adapter.
            from entrypoints.composition import bootstrap

            self._container = bootstrap(self.settings)
        return self._container

    @property
    def oneshot(self) -> OneShot:
        if self._oneshot is None:
            from entrypoints.composition.oneshot import OneShot

            self._oneshot = OneShot(
                self.settings,
                open_archive=lambda: self.container.archive.historical_archive(),
                announce=_progress_line if sys.stderr.isatty() else None,
            )
        return self._oneshot

    def run(self, work: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """Run async ``work`` to completion, then release the container's resources."""

        async def _main() -> T:
            try:
                return await work()
            finally:
                if self._oneshot is not None:
                    self._oneshot.close()
                if self._container is not None:
                    shutdown = self._container.shutdown_resources()
                    if isinstance(shutdown, Awaitable):
                        await shutdown

        return asyncio.run(_main())

    def emit(self, data: Any, text: str | Table) -> None:
        """Print ``data`` as one JSON document with ``--json``, else the human ``text``."""
        if self.json_output:
            click.echo(msgspec.json.encode(data).decode())
        elif isinstance(text, Table):
            click.echo(render_table(text))
        else:
            click.echo(text)


pass_app = click.make_pass_decorator(CliApp)


def _progress_line(what: str) -> None:
    """Say on the terminal why the next few seconds are slow (never into a pipe)."""
    click.echo(f"{what}...", err=True)


def render_table(table: Table) -> str:
    """A plain-text table with aligned columns (numbers right-aligned)."""
    cells = [[_cell(c) for c in row] for row in table.rows]
    widths = [len(c) for c in table.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in table.rows)
        for i in range(len(table.columns))
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    out = [line(list(table.columns)), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def fail(error: F1Error, *, json_output: bool) -> None:
    """Report a domain error as one readable line (or a JSON error object) and exit 2."""
    if json_output:
        payload = {"error": {"kind": error.kind, "message": error.message}}
        click.echo(msgspec.json.encode(payload).decode())
    else:
        click.echo(f"error: {error.message}", err=True)
    sys.exit(2)
