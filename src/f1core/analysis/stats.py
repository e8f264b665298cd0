"""Small statistics the analyses share (stdlib only: the core does not import numpy)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import msgspec


class LinearFit(msgspec.Struct, frozen=True, gc=False):
    """A least-squares line ``y = intercept + slope * x`` and how well it explains y."""

    slope: float
    intercept: float
    r2: float
    n: int


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> LinearFit | None:
    """Ordinary least squares of ys on xs; None with fewer than 2 points or constant xs.

    r² is 1.0 when ys are constant: the flat line explains them completely.
    """
    n = len(xs)
    if n != len(ys):
        raise ValueError("xs and ys differ in length")
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    ss_tot = sum((y - mean_y) ** 2 for y in ys)
    ss_res = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    r2 = 1.0 if ss_tot == 0 else max(0.0, 1.0 - ss_res / ss_tot)
    return LinearFit(slope=slope, intercept=intercept, r2=r2, n=n)


class Spread(msgspec.Struct, frozen=True, gc=False):
    """Centre and spread of a set of lap times in ms (stdev and IQR need 2+ laps)."""

    laps: int
    median_ms: float
    mean_ms: float
    stdev_ms: float | None
    iqr_ms: float | None


def spread(values: Sequence[float]) -> Spread:
    """Median, mean, sample standard deviation and interquartile range of ``values``."""
    if not values:
        raise ValueError("spread of no values")
    stdev = statistics.stdev(values) if len(values) >= 2 else None
    iqr: float | None = None
    if len(values) >= 2:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
        iqr = q3 - q1
    return Spread(
        laps=len(values),
        median_ms=float(statistics.median(values)),
        mean_ms=statistics.fmean(values),
        stdev_ms=stdev,
        iqr_ms=iqr,
    )


def fmt_ms(value: float | None, digits: int = 3) -> str:
    """A float of milliseconds shown as seconds ("0.214 s" style without the unit)."""
    if value is None:
        return "-"
    return f"{value / 1000:.{digits}f}"


def fmt_float(value: float | None, digits: int = 3) -> str:
    """A float with fixed digits, "-" for None."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def counted(n: int, noun: str) -> str:
    """ "1 pit stop", "2 pit stops": a count with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
