"""Small helpers the paragraph writers share: naming drivers, writing seconds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class DriverNames:
    """Names a driver "Full Name (CODE)" on first mention and by the bare code after.

    People read the name first; once introduced, the code is short and unambiguous. A
    code without a known full name is written as the code alone.
    """

    def __init__(self, names: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        pairs = names.items() if isinstance(names, Mapping) else names
        self._names = {code: name for code, name in pairs if name and name != code}
        self._seen: set[str] = set()

    def __call__(self, code: str) -> str:
        """``code`` as it reads at this point of the paragraph."""
        name = self._names.get(code)
        if name is None or code in self._seen:
            return code
        self._seen.add(code)
        return f"{name} ({code})"

    def all(self, codes: Iterable[str]) -> list[str]:
        """Each of ``codes`` named in order."""
        return [self(code) for code in codes]


def secs(ms: float) -> str:
    """A gap as people say it: "0.288 s" (the sign is in the words around it)."""
    return f"{abs(ms) / 1000:.3f} s"


def and_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def ordinal(n: int) -> str:
    """ "1st", "2nd", "3rd", "11th", "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def points(value: float) -> str:
    """Championship points as printed: 25, 12.5 (never 25.0)."""
    return f"{value:g}"


def with_team(name: str, code: str | None, team: str) -> str:
    """An archive driver with their team: "Max Verstappen (VER, Red Bull)"."""
    return f"{name} ({code}, {team})" if code else f"{name} ({team})"


def named(name: str, code: str | None) -> str:
    """An archive driver as "Full Name (CODE)", or the name alone when there is no code."""
    return f"{name} ({code})" if code else name
