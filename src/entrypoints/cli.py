"""The ``f1`` command line: sessions, session summaries and analyses (``--json`` everywhere).

Errors are one readable line on stderr and exit code 2; with ``--json`` they are an object
``{"error": {"kind": ..., "message": ...}}`` on stdout. Never a traceback (set ``F1_DEBUG=1``
to see one for an unexpected failure).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, ClassVar

import click

from entrypoints.cli_support import CliApp, fail, pass_app, render_table
from f1core.domain.session import SessionKind
from f1core.errors import F1Error, InvalidRequestError


def _kind(value: str) -> SessionKind:
    try:
        return SessionKind.parse(value)
    except InvalidRequestError as exc:
        raise click.BadParameter(exc.message) from exc


class LazyGroup(click.Group):
    """A group whose other commands live in their own modules, imported when one runs.

    ``f1 ask`` then never imports the modules of ``f1 db``, ``f1 user``, ``f1 archive``
    and ``f1 serve`` (nor what they import); ``f1 --help`` imports them all to list them.
    """

    lazy: ClassVar[dict[str, str]] = {
        "archive": "entrypoints.cli_archive:archive",
        "ask": "entrypoints.cli_ask:ask",
        "chat": "entrypoints.cli_ask:chat",
        "db": "entrypoints.cli_db:db",
        "serve": "entrypoints.cli_serve:serve",
        "user": "entrypoints.cli_db:user",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, name = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module), name)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup)
@click.option(
    "--json",
    "json_output",
    is_flag=True,
    help="Print results as one JSON document (anywhere on the line).",
)
@click.version_option(package_name="f1-analysis")
@click.pass_context
def cli(ctx: click.Context, json_output: bool) -> None:
    """Answers about Formula 1 from real timing data and the historical archive."""
    ctx.obj = CliApp(json_output=json_output)


@cli.command()
@click.argument("year", type=int)
@pass_app
def sessions(app: CliApp, year: int) -> None:
    """List a season's events and sessions: which are cached, which have data to load."""
    loader = app.oneshot.loader
    listing = app.run(lambda: loader.available(year))
    lines = []
    for item in listing:
        kinds = " ".join(
            kind.value + _availability_mark(kind, item.cached, item.loadable)
            for kind in item.event.sessions
        )
        lines.append(f"{item.event.round:>2}  {item.event.date}  {item.event.name:<32} {kinds}")
    lines.append("(* = cached snapshot: loads instantly, without FastF1)")
    if any(item.loadable is not None for item in listing):
        lines.append("(+ = timing data available: loads from FastF1 in a few seconds)")
        lines.append("(no mark = no timing data: cannot be loaded)")
    else:
        # Live FastF1 cannot tell which sessions have timing data without loading them.
        lines.append("(other sessions load from FastF1 if their timing data exists)")
    app.emit(listing, "\n".join(lines))


def _availability_mark(
    kind: SessionKind, cached: tuple[SessionKind, ...], loadable: tuple[SessionKind, ...] | None
) -> str:
    if kind in cached:
        return "*"
    return "+" if loadable is not None and kind in loadable else ""


@cli.group()
def session() -> None:
    """Look at one session."""


@session.command("show")
@click.argument("year", type=int)
@click.argument("event")
@click.argument("kind", metavar="SESSION")
@pass_app
def session_show(app: CliApp, year: int, event: str, kind: str) -> None:
    """Summarise a session: e.g. ``f1 session show 2018 Baku R``."""
    show = app.oneshot.show_session()
    summary = app.run(lambda: show.execute(year, event, _kind(kind)))
    head = (
        f"{summary.title} (round {summary.round}, {summary.date})\n"
        f"{len(summary.drivers)} drivers, {summary.lap_count} laps, "
        f"{summary.weather_samples} weather samples, "
        f"{summary.race_control_messages} race-control messages\n"
        f"source: {summary.source}\n"
    )
    app.emit(summary, head + "\n" + render_table(summary.classification))


@cli.command()
@click.argument("analysis")
@click.argument("year", type=int)
@click.argument("event")
@click.argument("kind", metavar="SESSION")
@click.option(
    "--drivers",
    "-d",
    multiple=True,
    help="Driver codes, repeated or comma-separated (VER,PER).",
)
@click.option(
    "--fuel-correction",
    type=float,
    default=None,
    help="Race pace and degradation: seconds per lap of fuel burn to correct for (e.g. 0.03).",
)
@pass_app
def analyze(
    app: CliApp,
    analysis: str,
    year: int,
    event: str,
    kind: str,
    drivers: tuple[str, ...],
    fuel_correction: float | None,
) -> None:
    """Run an analysis: e.g. ``f1 analyze fastest-lap 2024 "Spanish GP" Q``.

    ANALYSIS is one of the names ``f1 analyses`` lists.
    """
    codes = [c.strip() for d in drivers for c in d.split(",") if c.strip()] or None
    options: dict[str, Any] = {}
    if fuel_correction is not None:
        options["fuel_correction_s_per_lap"] = fuel_correction
    run = app.oneshot.run_analysis()
    done = app.run(lambda: run.execute(analysis, year, event, _kind(kind), codes, **options))
    result = done.result
    text = f"{done.text}\n\n{render_table(result.table())}"
    if result.excluded:
        text += f"\n\n{len(result.excluded)} laps excluded (use --json to see which and why)"
    app.emit(result, text)


@cli.command()
@pass_app
def analyses(app: CliApp) -> None:
    """List the analyses ``f1 analyze`` can run."""
    from f1core.kinds.registry import SESSION_QUESTIONS

    specs = [
        {
            "name": spec.name,
            "description": spec.description,
            "sessions": [k.value for k in spec.session_kinds],
        }
        for spec in SESSION_QUESTIONS
    ]
    text = "\n".join(f"{s['name']:<18} {s['description']}" for s in specs)
    app.emit(specs, text)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry: run the CLI, turning every failure into one line."""
    args = list(sys.argv[1:] if argv is None else argv)
    # ``--json`` is a root option, accepted anywhere on the line: ``f1 sessions 2024 --json``.
    json_output = "--json" in args
    if json_output:
        args = ["--json", *(a for a in args if a != "--json")]
    try:
        cli.main(args=args, prog_name="f1", standalone_mode=False)
    except F1Error as exc:
        fail(exc, json_output=json_output)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except Exception as exc:
        if os.environ.get("F1_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (F1_DEBUG=1 shows more)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
