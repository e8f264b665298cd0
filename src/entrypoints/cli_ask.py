"""``f1 ask "QUESTION"``: a question in plain English, answered from the data.

Prints the paragraph and the table (the chart spec comes with ``--json``). A refusal or
missing data is one line on stderr (``{"error": ...}`` with ``--json``) and exit code 2,
through the root command's error handling.
"""

from __future__ import annotations

from typing import Any

import click
import msgspec

from entrypoints.cli_support import CliApp, pass_app, render_table
from f1core.domain.accounts import normalize_username
from f1core.domain.answer import Answer
from f1core.errors import InvalidRequestError


def format_answer(answer: Answer) -> str:
    """The human form of an answer: paragraph, table, excluded laps, chart hint, source."""
    parts = [answer.text]
    if answer.table.rows:
        parts.append(render_table(answer.table))
    footer: list[str] = []
    if answer.excluded:
        footer.append(f"{len(answer.excluded)} laps excluded (use --json to see which and why)")
    if answer.chart is not None:
        footer.append(f"chart: {_mark(answer.chart)} spec available with --json")
    cached = ", cached" if answer.cached else ""
    footer.append(
        f"source: {answer.source} ({answer.timings_ms.get('total_ms', 0):.0f} ms{cached})"
    )
    parts.append("\n".join(footer))
    return "\n\n".join(parts)


def _mark(chart: dict[str, Any]) -> str:
    layers = chart.get("layer")
    marks = (
        [layer.get("mark") for layer in layers] if isinstance(layers, list) else [chart.get("mark")]
    )
    names = [m.get("type") if isinstance(m, dict) else m for m in marks]
    return "+".join(str(n) for n in names if n)


@click.command()
@click.argument("question")
@click.option("--user", "username", default=None, help="Record the question in USER's history.")
@pass_app
def ask(app: CliApp, question: str, username: str | None) -> None:
    """Answer QUESTION, e.g. ``f1 ask "fastest lap 2024 spanish gp qualifying"``."""

    async def work() -> Answer:
        user_id = await _user_id(app, username) if username else None
        use_case = await app.container.ask.ask_question()
        answer: Answer = await use_case.execute(question, user_id=user_id)
        return answer

    answer = app.run(work)
    app.emit(msgspec.to_builtins(answer), format_answer(answer))


async def _user_id(app: CliApp, username: str) -> int:
    # The CLI is the local operator: naming a user is enough to write to their history.
    uow = await app.container.accounts.uow()
    async with uow:
        user = await uow.users.get_by_username(normalize_username(username))
    if user is None:
        raise InvalidRequestError(f"no user named {username!r}; create one with `f1 user create`")
    user_id: int = user.id
    return user_id


def register(cli: click.Group) -> None:
    """Attach ``f1 ask`` to the root CLI group."""
    cli.add_command(ask)
