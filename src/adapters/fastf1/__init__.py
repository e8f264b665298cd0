"""FastF1 adapter: sessions and calendars from FastF1, optionally replayed offline."""

from adapters.fastf1.source import FastF1SessionSource

__all__ = ["FastF1SessionSource"]
