"""What the two leaderboard kinds (most wins, wins at a circuit) share: the sentence and bars."""

from __future__ import annotations

from f1core.answers import charts
from f1core.domain.archive import Leaderboard
from f1core.domain.team_colours import team_liveries
from f1core.kinds.base import Spec


def leaderboard_sentence(result: Leaderboard) -> str:
    """Who has the most (ties named together) and who comes next."""
    if not result.rows:
        return f"{result.title}: nobody in the archive."
    top = result.rows[0]
    tied = [r.name for r in result.rows if r.rank == top.rank]
    verb = "share" if len(tied) > 1 else "has"
    text = f"{result.title}: {' and '.join(tied)} {verb} the most, {top.count}"
    if len(result.rows) > len(tied):
        nxt = result.rows[len(tied)]
        text += f"; next is {nxt.name} with {nxt.count}"
    return text + "."


def leaderboard_chart(result: Leaderboard) -> Spec | None:
    """Wins of each on the board, as horizontal bars (none for a single row); teams in
    their colours (a season's, or the latest the table knows for an all-time ranking)."""
    if len(result.rows) <= 1:
        return None
    names = [r.name for r in result.rows]
    # A driver's row has no team in the archive's ranking: those bars keep one colour.
    colours = team_liveries(names, result.year) if result.kind == "team" else ()
    return charts.bar(
        result.title,
        [{"name": r.name, "wins": r.count} for r in result.rows],
        category="name",
        category_title="Driver" if result.kind == "driver" else "Constructor",
        value="wins",
        value_title="Wins",
        horizontal=True,
        liveries=colours,
    )
