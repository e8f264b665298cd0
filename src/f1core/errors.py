"""Domain errors. Each carries a message a person can act on; drivers show it as is."""

from __future__ import annotations


class F1Error(Exception):
    """Base of every error the core raises on purpose."""

    kind = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRequestError(F1Error):
    """The request itself is malformed (bad session kind, unknown analysis, bad option)."""

    kind = "invalid_request"


class SessionNotFoundError(F1Error):
    """No such event or session: unknown event name, year out of range, session not held."""

    kind = "not_found"


class AmbiguousReferenceError(F1Error):
    """A name matches several things; the message lists them so the user can pick."""

    kind = "ambiguous"

    def __init__(self, what: str, text: str, candidates: tuple[str, ...]) -> None:
        listed = ", ".join(candidates)
        super().__init__(f"{what} {text!r} is ambiguous: it could be {listed}")
        self.candidates = candidates


class DataUnavailableError(F1Error):
    """The session exists but its timing data cannot be had (not recorded, offline)."""

    kind = "data_unavailable"


class UnknownDriverError(F1Error):
    """A driver code that did not take part in the session."""

    kind = "unknown_driver"

    def __init__(self, code: str, session: str, known: tuple[str, ...]) -> None:
        super().__init__(f"{code} did not take part in the {session}; drivers: {', '.join(known)}")
        self.code = code
