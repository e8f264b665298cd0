"""Pure archive rules: name normalization and tie-sharing rankings."""

from __future__ import annotations

from f1core.domain.archive_counting import rank_leaders
from f1core.domain.archive_names import normalize


def test_normalize_strips_accents_case_and_punctuation() -> None:
    assert normalize("  São Paulo  Grand-Prix ") == "sao paulo grand prix"
    assert normalize("Räikkönen") == "raikkonen"
    assert normalize("max_verstappen") == "max verstappen"


def test_ties_share_a_rank_and_a_tie_at_the_cut_stays_whole() -> None:
    names = {1: ("Ann", "a"), 2: ("Bob", "b"), 3: ("Cat", "c"), 4: ("Dan", "d")}
    rows = rank_leaders({1: 5, 2: 3, 3: 3, 4: 0}, names, limit=2)
    assert [(r.rank, r.name, r.count) for r in rows] == [
        (1, "Ann", 5),
        (2, "Bob", 3),
        (2, "Cat", 3),
    ]
    assert [r.name for r in rank_leaders({1: 5, 2: 3, 3: 3}, names, limit=1)] == ["Ann"]
