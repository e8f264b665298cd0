"""Confusable skeletons (Unicode TR39, section 4) for names that imitate Latin letters.

The table (``confusables_latin.txt``) is the part of Unicode's confusables.txt whose
prototypes are ASCII letters and digits: Cyrillic and Greek look-alikes, Cherokee, Lisu,
"I" and "1" for "l", "0" for "O", "m" for "rn". Full-width forms need no entry: NFKC,
which every username goes through first, has already made them ASCII.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources


def skeleton(text: str) -> str:
    """TR39's ``skeleton(text)``: NFD, each character replaced by its prototype, NFD again.

    Two strings with the same skeleton look alike: ``skeleton("\u0430lice")`` (a Cyrillic
    "a") is ``"alice"``. Characters without a Latin prototype are kept as they are.
    """
    table = _prototypes()
    mapped = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


@cache
def _prototypes() -> dict[str, str]:
    text = resources.files(__package__).joinpath("confusables_latin.txt").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            source, prototype = line.split("\t")
            table[chr(int(source, 16))] = prototype
    return table
