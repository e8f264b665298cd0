"""``f1 ask "QUESTION"``: a question in plain English, answered from the data.

Prints the paragraph and the table (the chart spec comes with ``--json``). A refusal or
missing data is one line on stderr (``{"error": ...}`` with ``--json``) and exit code 2,
through the root command's error handling. ``f1 ask --follow-up`` reads the question
against the previous ``f1 ask``; ``f1 chat`` is a conversation, one question per line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import msgspec

from entrypoints.cli_support import CliApp, pass_app, render_table
from f1core.domain.answer import Answer
from f1core.errors import F1Error, InvalidRequestError
from f1core.query import Query, decode_query, encode_query

if TYPE_CHECKING:
    from f1core.usecases.history.record_question import RecordQuestion


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
@click.option(
    "--follow-up",
    is_flag=True,
    help="Read QUESTION against the previous `f1 ask` (e.g. 'and in the race?').",
)
@pass_app
def ask(app: CliApp, question: str, username: str | None, follow_up: bool) -> None:
    """Answer QUESTION, e.g. ``f1 ask "fastest lap 2024 spanish gp qualifying"``."""
    conversation = _Conversation.of(app)
    context = conversation.last() if follow_up else None
    if follow_up and context is None:
        raise InvalidRequestError("there is no previous question to follow up; ask one first")

    async def work() -> Answer:
        # Only a named user's history needs the database here; a session question is
        # answered from its snapshot, and the archive is opened by the first archive
        # question (``OneShot``).
        user_id, record = await _history(app, username)
        use_case = app.oneshot.ask_question(record)
        answer: Answer = await use_case.execute(question, user_id=user_id, context=context)
        return answer

    answer = app.run(work)
    conversation.remember(answer)
    app.emit(msgspec.to_builtins(answer), format_answer(answer))


@click.command()
@click.option("--user", "username", default=None, help="Record the questions in USER's history.")
@pass_app
def chat(app: CliApp, username: str | None) -> None:
    """Ask questions one per line; each can follow up the last ("and in 2019?").

    An empty line, ``quit`` or end of input ends the conversation. A refused question is
    one line on stderr and the conversation goes on.
    """
    interactive = sys.stdin.isatty()

    async def work() -> None:
        user_id, record = await _history(app, username)
        use_case = app.oneshot.ask_question(record)
        context: Query | None = None
        while True:
            if interactive:
                click.echo("f1> ", nl=False)
            line = sys.stdin.readline()
            question = line.strip()
            if not question or question.lower() in ("quit", "exit"):
                return
            try:
                answer: Answer = await use_case.execute(question, user_id=user_id, context=context)
            except F1Error as exc:
                click.echo(f"error: {exc.message}", err=True)
                continue
            context = answer.query
            app.emit(msgspec.to_builtins(answer), format_answer(answer))

    app.run(work)


class _Conversation:
    """The last answered query of ``f1 ask``, kept in the data directory for ``--follow-up``."""

    def __init__(self, path: Path) -> None:
        self._path = path

    @classmethod
    def of(cls, app: CliApp) -> _Conversation:
        return cls(app.settings.data_dir / "cli-last-query.json")

    def last(self) -> Query | None:
        try:
            return decode_query(self._path.read_bytes())
        except (OSError, InvalidRequestError):
            return None

    def remember(self, answer: Answer) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._path.write_bytes(encode_query(answer.query))
        except OSError:
            pass  # a follow-up later says there is nothing to follow; the answer stands


async def _user_id(app: CliApp, username: str) -> int:
    # The CLI is the local operator: naming a user is enough to write to their history.
    from f1core.domain.accounts import normalize_username  # its tables cost ~5 ms to load

    uow = await app.container.accounts.uow()
    async with uow:
        user = await uow.users.get_by_username(normalize_username(username))
    if user is None:
        raise InvalidRequestError(f"no user named {username!r}; create one with `f1 user create`")
    user_id: int = user.id
    return user_id


async def _history(app: CliApp, username: str | None) -> tuple[int | None, RecordQuestion | None]:
    """The user whose history records the questions, and the recorder; none without one."""
    if not username:
        return None, None
    user_id = await _user_id(app, username)
    record: RecordQuestion = await app.container.accounts.record_question()
    return user_id, record
