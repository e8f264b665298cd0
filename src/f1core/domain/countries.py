"""Countries as people and sources spell them: "UK", "Great Britain", "United Kingdom".

FastF1's calendars say "Great Britain" until 2023 and "United Kingdom" after, "Abu Dhabi"
or "United Arab Emirates"; the Ergast archive says "UK", "USA" or "United States", "UAE".
``country_key`` folds every spelling onto one key, so the session loader and the archive
agree on which events a country held.

A country that held more than one Grand Prix in a season does not name one of them: "Bahrain
2020" is the Bahrain or the Sakhir Grand Prix, "Britain 2020" the British or the 70th
Anniversary. Both resolvers ask back instead of picking the race that carries the country's
name.
"""

from __future__ import annotations

from f1core.text import words

# Every spelling -> one key (compared after ``words``). Countries whose spellings agree
# everywhere ("Italy", "Bahrain") need no entry.
_SYNONYMS: dict[str, str] = {
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "england": "united kingdom",
    "usa": "united states",
    "united states of america": "united states",
    "uae": "united arab emirates",
}


def country_key(text: str) -> str:
    """The one key for a country however it is spelt ("UK", "Great Britain" -> the same)."""
    key = words(text)
    return _SYNONYMS.get(key, key)
