"""The registry of session kinds: names, where each applies, the checks ``query_for`` makes."""

from __future__ import annotations

import msgspec
import pytest
from tests.unit.laps_factory import lap, result, run, session, weather_sample

from f1core.analysis.pace import RacePace
from f1core.domain.session import Lap, Session, SessionKind
from f1core.errors import DataUnavailableError, InvalidRequestError, UnknownDriverError
from f1core.kinds.registry import SESSION_QUESTION_BY_NAME as CATALOG
from f1core.kinds.registry import session_question


def run_analysis_with_text(name, s, drivers=None, **options):  # type: ignore[no-untyped-def]
    """What ``f1 analyze`` does: find the kind, build its query, answer, write the paragraph."""
    kind = session_question(name)
    query = kind.query_for(s, drivers, options)
    result = kind.answer(s, query)
    return result, kind.paragraph(result, query)


def run_analysis(name, s, drivers=None, **options):  # type: ignore[no-untyped-def]
    return run_analysis_with_text(name, s, drivers, **options)[0]


EXPECTED_NAMES = [
    "classification",
    "fastest-lap",
    "best-laps",
    "theoretical-best",
    "sectors",
    "speed-traps",
    "race-pace",
    "strategy",
    "degradation",
    "positions",
    "grid-vs-finish",
    "gaps",
    "teammates",
    "long-runs",
    "pit-stops",
    "weather",
    "laps-completed",
    "laps-led",
    "practice-order",
    "driver-pit-stops",
    "starting-tyres",
    "biggest-movers",
    "race-summary",
    "driver-session-summary",
]


def _busy_session(kind: SessionKind) -> Session:
    laps: list[Lap] = []
    for code, base in (("VER", 90_000), ("PER", 90_300), ("NOR", 90_100)):
        laps += run(
            code,
            [base + 10_000, *[base + 50 * n for n in range(2, 9)]],
            speed_st=320.0,
            position=1 + len(laps) // 8,
        )
    # One stop for NOR: in on lap 4, out on lap 5.
    laps[-5] = msgspec.structs.replace(laps[-5], pit_in_at_ms=laps[-5].end_at_ms)
    laps[-4] = msgspec.structs.replace(laps[-4], pit_out_at_ms=laps[-4].start_at_ms, stint=2)
    return session(
        laps,
        kind=kind,
        results=[
            result("VER", 1, grid=2, q=(72_000, 71_500, 71_000)),
            result("NOR", 2, grid=1),
            result("PER", 3, grid=3),
        ],
        weather=[weather_sample(0, 35.0)],
        total_laps=8,
    )


def test_catalog_names_in_order() -> None:
    assert list(CATALOG) == EXPECTED_NAMES
    assert all(spec.name == name for name, spec in CATALOG.items())


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_every_analysis_runs_where_it_applies(name: str) -> None:
    spec = CATALOG[name]
    for kind in spec.session_kinds:
        s = _busy_session(kind)
        out, text = run_analysis_with_text(name, s)
        assert out.session == s.title
        table = out.table()
        assert table.rows, f"{name} on {kind} produced an empty table"
        assert all(len(row) == len(table.columns) for row in table.rows)
        assert text.endswith(".")
        # Results are plain data: they serialise for --json and the HTTP API.
        assert msgspec.json.decode(msgspec.json.encode(out))["session"] == s.title


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_only_kinds_that_say_so_read_the_weather(name: str) -> None:
    # The loader skips the weather for kinds with uses_weather False: their answers must
    # not change when the session comes without it.
    spec = CATALOG[name]
    for kind in spec.session_kinds:
        whole = _busy_session(kind)
        whole = msgspec.structs.replace(
            whole, weather=tuple(weather_sample(60_000 * i, 30.0 + i) for i in range(12))
        )
        bare = msgspec.structs.replace(whole, weather=(), weather_loaded=False)
        if spec.uses_weather:
            with pytest.raises(DataUnavailableError):
                run_analysis(name, bare)
        else:
            assert run_analysis_with_text(name, bare) == run_analysis_with_text(name, whole)


def test_unknown_analysis_lists_the_names() -> None:
    with pytest.raises(InvalidRequestError) as err:
        run_analysis("lap-chart", _busy_session(SessionKind.RACE))
    assert (
        err.value.message
        == f"unknown analysis 'lap-chart': choose from {', '.join(EXPECTED_NAMES)}"
    )


def test_names_are_forgiving() -> None:
    assert session_question("Race pace").name == "race-pace"
    assert session_question("fastest_lap").name == "fastest-lap"


def test_wrong_session_kind_says_what_is_needed() -> None:
    s = _busy_session(SessionKind.QUALIFYING)
    with pytest.raises(InvalidRequestError) as err:
        run_analysis("race-pace", s)
    assert err.value.message == (
        "race pace needs a race or sprint; 2024 Spanish Grand Prix Qualifying is a "
        "qualifying session"
    )
    with pytest.raises(
        InvalidRequestError, match=r"long runs needs a practice session; .* is a race"
    ):
        run_analysis("long-runs", _busy_session(SessionKind.RACE))


def test_unknown_driver() -> None:
    with pytest.raises(UnknownDriverError) as err:
        run_analysis("fastest-lap", _busy_session(SessionKind.RACE), ["VER", "ALO"])
    assert err.value.message == (
        "ALO did not take part in the 2024 Spanish Grand Prix Race; drivers: VER, PER, NOR"
    )


def test_drivers_given_to_an_analysis_of_everyone() -> None:
    with pytest.raises(InvalidRequestError, match="strategy covers every driver"):
        run_analysis("strategy", _busy_session(SessionKind.RACE), ["VER"])


def test_drivers_and_options_are_passed_on() -> None:
    out = run_analysis(
        "race-pace",
        _busy_session(SessionKind.RACE),
        ["ver", "NOR"],
        fuel_correction_s_per_lap="0.03",
    )
    assert isinstance(out, RacePace)
    assert [r.key for r in out.drivers] == ["VER", "NOR"]
    assert out.fuel_correction_s_per_lap == 0.03
    # None means "not given": the CLI passes options it did not receive that way.
    plain = run_analysis(
        "race-pace", _busy_session(SessionKind.RACE), fuel_correction_s_per_lap=None
    )
    assert isinstance(plain, RacePace) and plain.fuel_correction_s_per_lap is None


def test_bad_options() -> None:
    s = _busy_session(SessionKind.RACE)
    with pytest.raises(InvalidRequestError) as err:
        run_analysis("fastest-lap", s, fuel_correction_s_per_lap=0.03)
    assert (
        err.value.message == "fastest-lap has no option 'fuel_correction_s_per_lap' (options: none)"
    )
    with pytest.raises(InvalidRequestError) as err:
        run_analysis("race-pace", s, fuel_correction_s_per_lap="lots")
    assert (
        err.value.message
        == "race-pace option fuel_correction_s_per_lap must be a float, got 'lots'"
    )


def test_a_single_lap_session_does_not_break_any_analysis() -> None:
    """Every analysis answers, or says the data is missing (weather: none recorded)."""
    for name, spec in CATALOG.items():
        for kind in spec.session_kinds:
            try:
                _, text = run_analysis_with_text(name, session([lap("VER", 1, None)], kind=kind))
            except DataUnavailableError as missing:
                assert name == "weather" and "no weather data was recorded" in missing.message
                continue
            assert text
