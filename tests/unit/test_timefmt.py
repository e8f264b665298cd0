"""Times as people read them, and session kinds as people write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from f1core.domain.session import SessionKind
from f1core.domain.timefmt import format_gap, format_laptime, parse_laptime
from f1core.errors import InvalidRequestError


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (71_383, "1:11.383"),
        (79_307, "1:19.307"),
        (9_005, "0:09.005"),
        (6_224_291, "1:43:44.291"),
        (None, "-"),
    ],
)
def test_format_laptime(ms: int | None, text: str) -> None:
    assert format_laptime(ms) == text


@pytest.mark.parametrize(
    ("ms", "text"), [(214, "+0.214"), (2_460, "+2.460"), (61_000, "+1:01.000"), (-5, "-0.005")]
)
def test_format_gap(ms: int, text: str) -> None:
    assert format_gap(ms) == text


@given(st.integers(min_value=0, max_value=10 * 3_600_000))
def test_parse_inverts_format(ms: int) -> None:
    assert parse_laptime(format_laptime(ms)) == ms


def test_parse_accepts_seconds_and_short_fractions() -> None:
    assert parse_laptime("71.383") == 71_383
    assert parse_laptime("1:02:03.4") == 3_723_400


def test_parse_rejects_garbage_with_the_expected_form() -> None:
    with pytest.raises(InvalidRequestError, match=r"M:SS\.mmm"):
        parse_laptime("fast")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("quali", SessionKind.QUALIFYING),
        ("Q", SessionKind.QUALIFYING),
        ("FP2", SessionKind.FP2),
        ("second practice", SessionKind.FP2),
        ("Sprint Shootout", SessionKind.SPRINT_QUALIFYING),
        ("sprint-qualifying", SessionKind.SPRINT_QUALIFYING),
        ("sprint", SessionKind.SPRINT),
        ("GP", SessionKind.RACE),
        ("R", SessionKind.RACE),
    ],
)
def test_session_kind_parse(text: str, kind: SessionKind) -> None:
    assert SessionKind.parse(text) is kind


def test_session_kind_parse_names_the_accepted_forms() -> None:
    with pytest.raises(InvalidRequestError, match="use FP1, FP2, FP3, Q, SQ, Sprint or Race"):
        SessionKind.parse("warm-up")
