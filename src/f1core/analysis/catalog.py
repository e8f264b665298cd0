"""The registry of analyses: the one door the CLI, the notebook and the query language use.

Each analysis is named in kebab-case, says which session kinds it applies to and whether
it takes driver codes; ``run_analysis`` checks all of that and raises errors a person can
act on before running the pure function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import msgspec

from f1core.domain.session import Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.errors import InvalidRequestError
from f1core.kinds import best_laps as best_laps_kind
from f1core.kinds import classification as classification_kind
from f1core.kinds import degradation as degradation_kind
from f1core.kinds import fastest_lap as fastest_lap_kind
from f1core.kinds import gaps as gaps_kind
from f1core.kinds import grid_vs_finish as grid_vs_finish_kind
from f1core.kinds import long_runs as long_runs_kind
from f1core.kinds import pit_stops as pit_stops_kind
from f1core.kinds import positions as positions_kind
from f1core.kinds import race_pace as race_pace_kind
from f1core.kinds import sectors as sectors_kind
from f1core.kinds import speed_traps as speed_traps_kind
from f1core.kinds import strategy as strategy_kind
from f1core.kinds import teammates as teammates_kind
from f1core.kinds import theoretical_best as theoretical_best_kind
from f1core.kinds import weather as weather_kind
from f1core.kinds.base import (
    KIND_NOUNS,
    Option,
    SessionQuestion,
)


class AnalysisResult(Protocol):
    """What every analysis returns: a frozen struct that can show itself."""

    @property
    def session(self) -> str:
        """The session's title ("2024 Spanish Grand Prix Qualifying")."""
        ...

    @property
    def excluded(self) -> tuple[ExcludedLap, ...]:
        """The laps left out, each with a short reason."""
        ...

    def table(self) -> Table:
        """Display-ready columns and rows."""
        ...

    def summary(self) -> str:
        """One line in plain English."""
        ...


@dataclass(frozen=True, slots=True)
class AnalysisSpec:
    """One analysis: its name, what it does and where it applies.

    ``needs`` completes "<title> needs ..." in the error for a session it does not apply to.
    """

    name: str
    title: str
    description: str
    function: Callable[..., AnalysisResult]
    takes_drivers: bool
    session_kinds: tuple[SessionKind, ...]
    needs: str
    options: tuple[Option, ...] = field(default=())

    def applies_to(self, kind: SessionKind) -> bool:
        """True when the analysis makes sense for this kind of session."""
        return kind in self.session_kinds


_SPECS: tuple[AnalysisSpec | SessionQuestion[Any, Any], ...] = (
    classification_kind.KIND,
    fastest_lap_kind.KIND,
    best_laps_kind.KIND,
    theoretical_best_kind.KIND,
    sectors_kind.KIND,
    speed_traps_kind.KIND,
    race_pace_kind.KIND,
    strategy_kind.KIND,
    degradation_kind.KIND,
    positions_kind.KIND,
    grid_vs_finish_kind.KIND,
    gaps_kind.KIND,
    teammates_kind.KIND,
    long_runs_kind.KIND,
    pit_stops_kind.KIND,
    weather_kind.KIND,
)

CATALOG: Mapping[str, AnalysisSpec | SessionQuestion[Any, Any]] = {
    spec.name: spec for spec in _SPECS
}
"""Every analysis by name, in the order they are listed to users."""


def get_spec(name: str) -> AnalysisSpec | SessionQuestion[Any, Any]:
    """The analysis called ``name`` (case and spaces forgiven: "Race pace" -> race-pace).

    Raises ``InvalidRequestError`` listing the known names.
    """
    key = "-".join(name.strip().lower().replace("_", " ").split())
    spec = CATALOG.get(key)
    if spec is None:
        raise InvalidRequestError(f"unknown analysis {name!r}: choose from {', '.join(CATALOG)}")
    return spec


def run_analysis(
    name: str,
    session: Session,
    drivers: Sequence[str] | None = None,
    **options: Any,
) -> AnalysisResult:
    """Run the analysis ``name`` on ``session``, after checking the request makes sense.

    Raises ``InvalidRequestError`` for an unknown analysis, a session kind it does not
    apply to, drivers given to an analysis that compares everyone, or an unknown or
    malformed option; ``UnknownDriverError`` for a driver not in the session. Options set
    to None are treated as not given.
    """
    result: AnalysisResult = run_analysis_with_text(name, session, drivers, **options)[0]
    return result


def run_analysis_with_text(
    name: str,
    session: Session,
    drivers: Sequence[str] | None = None,
    **options: Any,
) -> tuple[Any, str]:
    """``run_analysis`` and the paragraph that describes its result."""
    spec = get_spec(name)
    if isinstance(spec, SessionQuestion):
        query = spec.query_for(session, drivers, options)
        result = spec.answer(session, query)
        return result, spec.paragraph(result, query)
    kind = session.ref.kind
    if not spec.applies_to(kind):
        raise InvalidRequestError(
            f"{spec.title.lower()} needs {spec.needs}; {session.title} is {KIND_NOUNS[kind]}"
        )
    codes: list[str] | None = None
    if drivers:
        codes = [session.driver(code.strip().upper()).code for code in drivers]
        if not spec.takes_drivers:
            raise InvalidRequestError(
                f"{spec.name} covers every driver and takes no driver codes; run it without drivers"
            )
    kwargs = _options(spec, options)
    out = (
        spec.function(session, codes, **kwargs)
        if spec.takes_drivers
        else spec.function(session, **kwargs)
    )
    return out, out.summary()


def _options(spec: AnalysisSpec, given: Mapping[str, Any]) -> dict[str, Any]:
    known = {option.name: option for option in spec.options}
    converted: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        option = known.get(key)
        if option is None:
            accepted = ", ".join(known) if known else "none"
            raise InvalidRequestError(f"{spec.name} has no option {key!r} (options: {accepted})")
        try:
            converted[key] = msgspec.convert(value, option.type, strict=False)
        except msgspec.ValidationError:
            raise InvalidRequestError(
                f"{spec.name} option {key} must be a {option.type.__name__}, got {value!r}"
            ) from None
    return converted
