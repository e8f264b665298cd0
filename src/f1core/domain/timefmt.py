"""Lap and gap times as people read them: ``1:11.383``, ``+0.214``, ``1:43:44.291``."""

from __future__ import annotations

import re

from f1core.errors import InvalidRequestError


def format_sector(ms: int | None) -> str:
    """A sector time as timing screens show it: ``SS.mmm`` under a minute, else a lap time."""
    if ms is not None and 0 <= ms < 60_000:
        return f"{ms // 1000}.{ms % 1000:03d}"
    return format_laptime(ms)


def format_laptime(ms: int | None) -> str:
    """Format milliseconds as ``M:SS.mmm`` (``H:MM:SS.mmm`` from one hour); ``-`` for None."""
    if ms is None:
        return "-"
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
    return f"{sign}{minutes}:{seconds:02d}.{millis:03d}"


def format_gap(ms: int | None) -> str:
    """Format a gap as ``+S.mmm`` (``+M:SS.mmm`` past a minute); ``-`` for None."""
    if ms is None:
        return "-"
    sign = "-" if ms < 0 else "+"
    ms = abs(ms)
    if ms >= 60_000:
        return sign + format_laptime(ms)
    seconds, millis = divmod(ms, 1000)
    return f"{sign}{seconds}.{millis:03d}"


_TIME_RE = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:\.(\d{1,3}))?$")


def parse_laptime(text: str) -> int:
    """Parse ``1:11.383``, ``71.383`` or ``1:02:03.4`` into milliseconds."""
    m = _TIME_RE.match(text.strip())
    if m is None:
        raise InvalidRequestError(f"not a lap time: {text!r} (expected M:SS.mmm)")
    hours, minutes, seconds, frac = m.groups()
    millis = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + millis
