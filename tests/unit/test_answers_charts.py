"""Compound colours per era: what fans know from the sidewalls and FastF1's plots."""

from __future__ import annotations

import pytest

from f1core.answers.charts import compound_colors


@pytest.mark.parametrize("year", [2014, 2018, 2019, 2024])
def test_every_compound_of_an_era_has_its_own_colour(year: int) -> None:
    colours = compound_colors(year)
    assert len(set(colours.values())) == len(colours)


def test_the_2018_soft_was_yellow_and_the_2019_soft_red() -> None:
    assert compound_colors(2018)["SOFT"] == "#ffd318"
    assert compound_colors(2018)["SUPERSOFT"] == "#fc2b2a"
    assert compound_colors(2018)["ULTRASOFT"] == "#b24ba7"
    assert compound_colors(2018)["HYPERSOFT"] == "#feb1c1"
    assert compound_colors(2019)["SOFT"] == "#da291c"
    assert "SUPERSOFT" not in compound_colors(2019)
