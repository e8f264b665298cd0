"""The interpreter's intent table is read from the kinds' cues: complete and unambiguous."""

from __future__ import annotations

from typing import get_args

from adapters.rules.interpreter import _ANSWERING, _IMPLIED
from f1core.domain.session import SessionKind
from f1core.kinds.cues import INTENT_WORDS, Intent
from f1core.kinds.registry import SESSION_QUESTION_BY_NAME, SESSION_QUESTIONS


def test_every_intent_is_answered_by_exactly_one_kind_in_every_session() -> None:
    # ``_answering`` raises at import when two kinds claim one (intent, session) pair.
    for intent in get_args(Intent):
        for session in SessionKind:
            assert (intent, session) in _ANSWERING, (intent, session)


def test_every_session_kind_has_a_cue_and_every_worded_intent_is_typed() -> None:
    assert all(kind.cues for kind in SESSION_QUESTIONS)
    assert {intent for intent, _ in INTENT_WORDS} <= set(get_args(Intent))


def test_the_same_words_ask_different_kinds_by_session() -> None:
    by_name = SESSION_QUESTION_BY_NAME
    assert _ANSWERING["pace", SessionKind.RACE] is by_name["race-pace"]
    assert _ANSWERING["pace", SessionKind.FP2] is by_name["long-runs"]
    assert _ANSWERING["pace", SessionKind.QUALIFYING] is by_name["best-laps"]
    assert _ANSWERING["won", SessionKind.QUALIFYING] is by_name["fastest-lap"]
    assert _ANSWERING["won", SessionKind.SPRINT] is by_name["classification"]
    assert _IMPLIED["pole"] is SessionKind.QUALIFYING
    assert _IMPLIED["strategy"] is SessionKind.RACE
    assert _IMPLIED["long_runs"] == "practice"
