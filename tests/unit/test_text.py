"""The one text normaliser (f1core.text): examples and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from f1core.text import fold, strip_accents, words


@pytest.mark.parametrize(
    ("text", "stripped", "folded", "joined"),
    [
        ("Pérez", "Perez", "perez", "perez"),
        ("São Paulo GP", "Sao Paulo GP", "sao paulo gp", "sao paulo gp"),
        ("Nürburgring", "Nurburgring", "nurburgring", "nurburgring"),
        ("Räikkönen's #7", "Raikkonen's #7", "raikkonen's #7", "raikkonen s 7"),
        ("  Emilia-Romagna  ", "  Emilia-Romagna  ", "  emilia-romagna  ", "emilia romagna"),
        ("İstanbul Park", "Istanbul Park", "istanbul park", "istanbul park"),
        ("ﬁnal", "final", "final", "final"),
    ],
)
def test_examples(text: str, stripped: str, folded: str, joined: str) -> None:
    assert strip_accents(text) == stripped
    assert fold(text) == folded
    assert words(text) == joined


@given(st.text())
def test_each_step_is_idempotent(text: str) -> None:
    assert strip_accents(strip_accents(text)) == strip_accents(text)
    assert words(words(text)) == words(text)


@given(st.text())
def test_words_are_lower_case_ascii_runs_joined_by_single_spaces(text: str) -> None:
    joined = words(text)
    assert joined == joined.strip() and "  " not in joined
    assert set(joined) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ")


# Latin script: elsewhere case is not a bijection (Turkish dotless "ı" upper-cases to "I").
@given(st.text(st.characters(codec="latin-1")))
def test_case_and_accents_never_tell_two_latin_texts_apart(text: str) -> None:
    assert words(text.upper()) == words(text.lower()) == words(strip_accents(text))
