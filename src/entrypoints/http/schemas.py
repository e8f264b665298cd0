"""Request and response bodies of the API that are not domain types already (msgspec)."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.domain.accounts import Role
from f1core.errors import F1Error
from f1core.query import Query
from f1core.usecases.accounts.password_policy import MAX_PASSWORD_LENGTH

# No request nests deeper than a query in a body (3 levels); msgspec decodes recursively
# and fails with RecursionError a few hundred levels down, so the edge refuses deeper.
MAX_JSON_DEPTH = 32
# Control characters (C0, DEL, C1) in request text: PostgreSQL cannot store NUL, and none
# of them means anything in a name, a token or a path. A question may keep tabs and line
# breaks (pasted text); ``strict.py`` enforces both on every body, path and query string.
CONTROL_CHARACTERS = r"[\x00-\x1f\x7f-\x9f]"
TEXT_CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
MULTILINE_FIELDS = frozenset({"question"})
# The same rules as JSON Schema patterns, so the OpenAPI document states them.
PLAIN_TEXT = r"^[^\x00-\x1f\x7f-\x9f]*$"
# Blanks, then one non-blank character, then any text: linear to match (no backtracking).
QUESTION_TEXT = (
    r"^[^\S\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f]"
    r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
)

# 3..254 as the register use case requires; login shares it (no shorter name exists).
Username = Annotated[str, msgspec.Meta(min_length=3, max_length=254, pattern=PLAIN_TEXT)]
# The policy's upper bound, so the document and the server agree; the use case says why a
# shorter password is refused (too short, too common).
Password = Annotated[
    str, msgspec.Meta(min_length=1, max_length=MAX_PASSWORD_LENGTH, pattern=PLAIN_TEXT)
]
Token = Annotated[str, msgspec.Meta(min_length=1, max_length=4096, pattern=PLAIN_TEXT)]
# The largest id the API accepts (ids are BIGINT). 2**53 - 1 is exact as a JSON number in
# every client and as the float Litestar writes for path-parameter bounds in OpenAPI; a
# larger bound would be rounded there and the schema would allow ids the server refuses.
MAX_ID = 2**53 - 1
# The OpenAPI security requirement of routes that need an access token.
BEARER: list[dict[str, list[str]]] = [{"BearerToken": []}]

# At least one non-blank character: a blank question is malformed, not unanswerable.
Question = Annotated[
    str, msgspec.Meta(min_length=1, max_length=MAX_QUESTION_LENGTH, pattern=QUESTION_TEXT)
]


class Credentials(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Username and password for register and login."""

    username: Username
    password: Password


class RefreshTokenBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A refresh token, for refresh and logout."""

    refresh_token: Token


class RoleBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The new role of a user."""

    role: Role


class DisabledBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Disable (true) or re-enable (false) an account."""

    disabled: bool


class AskBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A question in plain words; ``context``, the previous answer's query, for a follow-up."""

    question: Question
    context: Query | None = None


class QueryBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A typed query (see the ``Query`` schema); ``question`` is kept with the answer."""

    query: Query
    question: Question | None = None


class Seasons(msgspec.Struct, frozen=True, kw_only=True):
    """Which seasons each source covers."""

    timing: list[int]
    archive_first: int
    note: str


class SavedLink(msgspec.Struct, frozen=True, kw_only=True):
    """A saved answer and the public path that shows it without logging in."""

    id: int
    share_token: str
    share_path: str
    question: str
    summary: str


class Health(msgspec.Struct, frozen=True, kw_only=True):
    """Liveness and readiness."""

    status: str
    checks: dict[str, Any] = msgspec.field(default_factory=dict)


class RateLimitedError(F1Error):
    """Too many attempts for one account; ``retry_after`` is in seconds."""

    kind = "rate_limited"
    http_status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
