"""The one text normaliser: how names and questions are compared across the project.

Sources spell the same name differently ("Pérez"/"Perez", "São Paulo GP"/"Sao Paulo
Grand Prix"); everything that matches names folds both sides with these functions, so
the interpreter, the archive and the answer checks agree on what "the same" means.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def strip_accents(text: str) -> str:
    """``text`` without accents, letter case kept ("Pérez" -> "Perez").

    Compatibility decomposition also spells out ligatures and wide forms ("ﬁ" -> "fi").
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` without accents and case-folded, punctuation kept ("Pérez's" -> "perez's")."""
    return strip_accents(text).casefold()


def words(text: str) -> str:
    """The ASCII letter and digit runs of the folded text, joined by single spaces.

    ``"São Paulo, GP!"`` -> ``"sao paulo gp"``; anything else (punctuation, other scripts)
    separates words.
    """
    return " ".join(_WORD.findall(fold(text)))
