"""The notebook facade: one import, one call, then analyses as methods.

    from entrypoints.notebook import connect
    f1 = connect()
    quali = f1.session(2024, "Spanish GP", "Q")
    quali.fastest_lap()                # renders as an HTML table in Jupyter
    quali.best_laps().to_pandas()      # a DataFrame, on request

Jupyter already runs an event loop in the kernel's thread, so the facade owns a private
loop on a background thread and submits the async use cases to it.
"""

from __future__ import annotations

import asyncio
import html
import threading
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import msgspec

from entrypoints.composition import Container, bootstrap
from entrypoints.settings import Settings
from f1core.answers.svg import render_svg
from f1core.domain.answer import Answer
from f1core.domain.session import Session, SessionKind
from f1core.domain.table import Table
from f1core.kinds.registry import SESSION_QUESTION_BY_NAME, session_question
from f1core.query import Query

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


class NotebookResult:
    """An analysis result that renders itself in Jupyter and converts to pandas."""

    def __init__(
        self, name: str, result: Any, text: str, chart: dict[str, Any] | None = None
    ) -> None:
        self.name = name
        self.result = result
        self.text = text
        self.chart = chart

    @property
    def table(self) -> Table:
        """The result's table (columns and display-ready rows)."""
        table: Table = self.result.table()
        return table

    @property
    def excluded(self) -> Any:
        """The laps the analysis left out, with the reason for each."""
        return self.result.excluded

    def to_pandas(self) -> pd.DataFrame:
        """The table as a pandas DataFrame (pandas is imported only here)."""
        import pandas as pd

        table = self.table
        return pd.DataFrame(list(table.rows), columns=list(table.columns))

    def to_dict(self) -> Any:
        """The full typed result as plain Python data (JSON-ready)."""
        return msgspec.to_builtins(self.result)

    def _repr_html_(self) -> str:
        return self._heading() + _chart_html(self.chart) + self._body()

    def _heading(self) -> str:
        return f"<p><b>{html.escape(self.text)}</b></p>"

    def _body(self) -> str:
        table = self.table
        head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
            for row in table.rows
        )
        note = f"<p><small>{len(self.excluded)} laps excluded</small></p>" if self.excluded else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"

    def __repr__(self) -> str:
        from entrypoints.cli_support import render_table

        return render_table(self.table)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return _bundle(self.chart, self._repr_html_(), repr(self))

    def _ipython_display_(self) -> None:
        _show(self.chart, self.text, self._heading(), self._body(), repr(self))


VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


def _bundle(chart: dict[str, Any] | None, page: str, text: str) -> dict[str, Any]:
    """Every form of an answer in one bundle: the Vega-Lite chart, the HTML page, text."""
    bundle: dict[str, Any] = {"text/html": page, "text/plain": text}
    if chart is not None:
        bundle[VEGA_LITE_MIME] = chart
    return bundle


def _show(chart: dict[str, Any] | None, paragraph: str, heading: str, body: str, text: str) -> None:
    """Display an answer in IPython: the paragraph, the chart, then the table.

    JupyterLab prefers text/html (rank 50) to Vega-Lite (57) within one bundle, so a
    chart sharing a bundle with the HTML page would never be drawn natively. The chart
    goes out on its own instead: Vega-Lite where the front end draws it (JupyterLab,
    VS Code), else the SVG drawing (bar and line charts), else its title as text.
    """
    import IPython.display

    # IPython's display() is untyped: give it the type it has
    display = cast(Callable[..., None], IPython.display.display)
    if chart is None:
        display({"text/html": heading + body, "text/plain": text}, raw=True)
        return
    drawn: dict[str, Any] = {VEGA_LITE_MIME: chart, "text/plain": str(chart.get("title", ""))}
    svg = render_svg(chart)
    if svg is not None:
        drawn["image/svg+xml"] = svg
    display({"text/html": heading, "text/plain": paragraph}, raw=True)
    display(drawn, raw=True)
    display({"text/html": body, "text/plain": text}, raw=True)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


class NotebookAnswer:
    """An answer to a question, shown inline: paragraph, chart, table, source.

    No CDN is reachable, so the chart is drawn as SVG here for bar and line charts; the
    Vega-Lite spec is embedded as JSON either way (``<script type="application/json">``)
    for a front end that has vega-embed, and available as ``.chart``.
    """

    def __init__(self, answer: Answer) -> None:
        self.answer = answer

    @property
    def text(self) -> str:
        """The paragraph."""
        return self.answer.text

    @property
    def table(self) -> Table:
        """The answer's table."""
        return self.answer.table

    @property
    def chart(self) -> dict[str, Any] | None:
        """The Vega-Lite v5 spec (data inline), or None."""
        return self.answer.chart

    def to_pandas(self) -> pd.DataFrame:
        """The table as a pandas DataFrame (pandas is imported only here)."""
        import pandas as pd

        return pd.DataFrame(list(self.table.rows), columns=list(self.table.columns))

    def to_dict(self) -> Any:
        """The whole answer as plain Python data (JSON-ready)."""
        return msgspec.to_builtins(self.answer)

    def _repr_html_(self) -> str:
        return self._heading() + _chart_html(self.answer.chart) + self._body()

    def _heading(self) -> str:
        return f"<p>{html.escape(self.answer.text)}</p>"

    def _body(self) -> str:
        a = self.answer
        head = "".join(f"<th>{html.escape(c)}</th>" for c in a.table.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
            for row in a.table.rows
        )
        note = f"{len(a.excluded)} laps excluded; " if a.excluded else ""
        cached = ", cached" if a.cached else ""
        return (
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p><small>{note}source: {html.escape(a.source)}"
            f" ({a.timings_ms.get('total_ms', 0.0):.0f} ms{cached})</small></p>"
        )

    def __repr__(self) -> str:
        from entrypoints.cli_ask import format_answer

        return format_answer(self.answer)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return _bundle(self.answer.chart, self._repr_html_(), repr(self))

    def _ipython_display_(self) -> None:
        _show(self.answer.chart, self.answer.text, self._heading(), self._body(), repr(self))


def _chart_html(chart: dict[str, Any] | None) -> str:
    """The chart inside an HTML page: an SVG drawing where possible, and the spec as JSON
    (``<script type="application/json">``) for a page that has vega-embed."""
    if chart is None:
        return ""
    parts = []
    svg = render_svg(chart)
    parts.append(f"<div class='f1-chart'>{svg or ''}</div>")
    spec = msgspec.json.encode(chart).decode().replace("</", "<\\/")
    parts.append(f"<script type='application/json' class='vega-lite-spec'>{spec}</script>")
    return "".join(parts)


class NotebookSession:
    """One loaded session; each session kind of the registry is a method (``fastest_lap()``)."""

    def __init__(self, f1: F1, session: Session) -> None:
        self._f1 = f1
        self.session = session

    @property
    def title(self) -> str:
        """The session named in full."""
        return self.session.title

    def analyze(self, name: str, drivers: Sequence[str] | None = None, **options: Any) -> Any:
        """Run analysis ``name`` ("race-pace", "fastest-lap", ...) on this session."""
        kind = session_question(name)
        query = kind.query_for(self.session, drivers, options)
        result = kind.answer(self.session, query)
        composed = kind.compose(result, query)
        return NotebookResult(kind.name, result, composed.text, composed.chart)

    def __getattr__(self, attr: str) -> Any:
        name = attr.replace("_", "-")
        kind = SESSION_QUESTION_BY_NAME.get(name)
        if kind is None:
            raise AttributeError(attr)

        def method(drivers: Sequence[str] | None = None, **options: Any) -> NotebookResult:
            result: NotebookResult = self.analyze(name, drivers, **options)
            return result

        method.__doc__ = kind.description
        return method

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *(n.replace("-", "_") for n in SESSION_QUESTION_BY_NAME)]

    def _repr_html_(self) -> str:
        return f"<p><b>{html.escape(self.title)}</b>: {len(self.session.laps)} laps</p>"


class F1:
    """The facade over the container's use cases, usable from synchronous notebook code."""

    def __init__(self, container: Container) -> None:
        self._container = container
        self._last_query: Query | None = None  # what ``ask(..., follow_up=True)`` follows
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def session(self, year: int, event: str, kind: str | SessionKind) -> NotebookSession:
        """Load a session named as people name it: ``session(2018, "Baku", "R")``."""
        loader = self._container.sessions.loader()

        async def load() -> Session:
            ref = await loader.resolve(year, event, kind)
            session: Session = await loader.load(ref)
            return session

        return NotebookSession(self, self._run(load()))

    def analyze(
        self,
        name: str,
        year: int,
        event: str,
        kind: str | SessionKind,
        drivers: Sequence[str] | None = None,
        **options: Any,
    ) -> NotebookResult:
        """Load the session and run one analysis on it."""
        result: NotebookResult = self.session(year, event, kind).analyze(name, drivers, **options)
        return result

    def ask(self, question: str, *, follow_up: bool = False) -> NotebookAnswer:
        """Answer a question in plain English: ``f1.ask("who won the 1988 title")``.

        With ``follow_up=True`` the question is read against the previous ``ask``:
        ``f1.ask("and in 1989?", follow_up=True)``.
        """
        context = self._last_query if follow_up else None

        async def answer() -> Answer:
            use_case = await self._container.ask.ask_question()
            result: Answer = await use_case.execute(question, context=context)
            return result

        result = self._run(answer())
        self._last_query = result.query
        return NotebookAnswer(result)

    @staticmethod
    def analyses() -> list[str]:
        """The names of the analyses."""
        return list(SESSION_QUESTION_BY_NAME)

    def close(self) -> None:
        """Stop the background loop."""
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


def connect(settings: Settings | None = None) -> F1:
    """The one call a notebook makes: build the container and return the facade."""
    return F1(bootstrap(settings))
