"""Port: the counts of failed logins that throttle the next attempts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from f1core.domain.login_throttle import FailureCount

Change = Callable[[FailureCount | None], FailureCount | None]


class LoginFailureStore(Protocol):
    """Failure counts by key (see ``f1core.domain.login_throttle``).

    Shared by every worker of a deployment. A store may forget a count once its
    ``forget_at_ms`` has passed (and a bounded one may forget the oldest counts early).
    """

    async def get(self, key: str) -> FailureCount | None:
        """The count under ``key``, or None."""
        ...

    async def update(self, key: str, change: Change) -> FailureCount | None:
        """Replace the count by ``change(current)`` atomically and return it.

        Concurrent updates of one key never lose each other (the change may be called
        again with the newer count); a None result removes the count.
        """
        ...

    async def delete(self, key: str) -> None:
        """Forget the count under ``key`` (a successful login)."""
        ...
