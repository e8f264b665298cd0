"""What the admin use cases share: finding the target user and keeping one admin active."""

from __future__ import annotations

from f1core.domain.accounts import Role, User, UserNotFoundError
from f1core.errors import InvalidRequestError
from f1core.ports.unit_of_work import UnitOfWork


async def find_user(uow: UnitOfWork, user: int | str) -> User:
    """The user with this id (int) or username (str), or ``UserNotFoundError``."""
    found = await (
        uow.users.get(user) if isinstance(user, int) else uow.users.get_by_username(user)
    )
    if found is None:
        raise UserNotFoundError(f"There is no user {user!r}; `f1 user list` shows them all.")
    return found


async def ensure_other_active_admin(uow: UnitOfWork, target: User) -> None:
    """Refuse to demote or disable the last active admin, which would lock everyone out."""
    if target.role is not Role.ADMIN or target.disabled:
        return
    others = [
        u
        for u in await uow.users.list()
        if u.role is Role.ADMIN and not u.disabled and u.id != target.id
    ]
    if not others:
        raise InvalidRequestError(
            f"{target.username} is the last active admin; make another user admin first."
        )
