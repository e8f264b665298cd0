"""Domain errors. Each carries a message a person can act on; drivers show it as is.

Each class declares its problem type (``kind``, stable and machine-readable: the HTTP
problem's ``urn:f1:problem:<kind>``) and the HTTP status it is answered with, so drivers
map errors by class, never by matching names or messages.
"""

from __future__ import annotations

from typing import ClassVar


class F1Error(Exception):
    """Base of every error the core raises on purpose; raise a subclass, never this.

    A bare ``F1Error`` would say nothing about whose fault it is, hence the 500.
    """

    kind: ClassVar[str] = "error"
    http_status: ClassVar[int] = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRequestError(F1Error):
    """The request itself is malformed (bad session kind, unknown analysis, bad option)."""

    kind = "invalid_request"
    http_status = 400


class UnprocessableRequestError(F1Error):
    """The request is well-formed but the domain refuses it as asked (a username its
    rules forbid, an entry with nothing to answer): 422, not 400."""

    kind = "unprocessable"
    http_status = 422


class ConfigurationError(F1Error):
    """The system is set up wrongly (a JWT secret too short, no model server configured)."""

    kind = "configuration"
    http_status = 500


class SessionNotFoundError(F1Error):
    """No such event or session: unknown event name, year out of range, session not held."""

    kind = "not_found"
    http_status = 404


class AmbiguousReferenceError(F1Error):
    """A name matches several things; the message lists them so the user can pick."""

    kind = "ambiguous"
    http_status = 409

    def __init__(self, what: str, text: str, candidates: tuple[str, ...]) -> None:
        listed = ", ".join(candidates)
        super().__init__(f"{what} {text!r} is ambiguous: it could be {listed}")
        self.candidates = candidates


class DataUnavailableError(F1Error):
    """The session exists but its timing data cannot be had (not recorded, offline)."""

    kind = "data_unavailable"
    http_status = 503


class UnknownDriverError(F1Error):
    """A driver code that did not take part in the session."""

    kind = "unknown_driver"
    http_status = 422

    def __init__(self, code: str, session: str, known: tuple[str, ...]) -> None:
        super().__init__(f"{code} did not take part in the {session}; drivers: {', '.join(known)}")
        self.code = code
