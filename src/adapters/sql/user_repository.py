"""Users on SQL."""

from __future__ import annotations

import uuid
import weakref
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql.tables import users
from f1core.domain.accounts import (
    NewUser,
    Role,
    User,
    UsernameTakenError,
    normalize_username,
    username_skeleton,
)


class UserChangeListener(Protocol):
    """Told when this process changes a user (a cache of user state drops its entry)."""

    def forget_user_id(self, user_id: int) -> None: ...


# Weak: a listener lives as long as its container, not as long as the process.
_LISTENERS: weakref.WeakSet[UserChangeListener] = weakref.WeakSet()


def listen_to_user_changes(listener: UserChangeListener) -> None:
    """Tell ``listener`` about every user this process changes from now on."""
    _LISTENERS.add(listener)


class SqlUserRepository:
    """``UserRepository`` on one connection of a ``SqlUnitOfWork``."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._c = connection

    async def add(self, user: NewUser) -> User:
        key = normalize_username(user.username)
        skeleton = username_skeleton(user.username)
        taken = UsernameTakenError(
            f"The username {user.username!r} is taken "
            "(names ignore letter case and look-alike letters)."
        )
        # Checked first so the common case does not poison a PostgreSQL transaction;
        # the unique indexes still decide a race between two registrations.
        clash = select(users.c.id).where(
            or_(users.c.username_key == key, users.c.username_skeleton == skeleton)
        )
        if (await self._c.execute(clash)).first() is not None:
            raise taken
        try:
            result = await self._c.execute(
                insert(users)
                .values(
                    public_id=str(uuid.uuid4()),
                    username=user.username,
                    username_key=key,
                    username_skeleton=skeleton,
                    password_hash=user.password_hash,
                    role=user.role.value,
                    disabled=False,
                    created_at=user.created_at,
                )
                .returning(*users.c)
            )
        except IntegrityError as error:
            raise taken from error
        return user_from_row(result.one()._mapping)

    async def get(self, user_id: int) -> User | None:
        row = (await self._c.execute(select(users).where(users.c.id == user_id))).first()
        return None if row is None else user_from_row(row._mapping)

    async def get_by_public_id(self, public_id: str) -> User | None:
        row = (await self._c.execute(select(users).where(users.c.public_id == public_id))).first()
        return None if row is None else user_from_row(row._mapping)

    async def get_by_username(self, username: str) -> User | None:
        query = select(users).where(users.c.username_key == normalize_username(username))
        row = (await self._c.execute(query)).first()
        return None if row is None else user_from_row(row._mapping)

    async def list(self) -> tuple[User, ...]:
        rows = await self._c.execute(select(users).order_by(users.c.id))
        return tuple(user_from_row(r._mapping) for r in rows)

    async def count(self) -> int:
        return int((await self._c.execute(select(func.count()).select_from(users))).scalar_one())

    async def _set(self, user_id: int, **values: Any) -> None:
        await self._c.execute(update(users).where(users.c.id == user_id).values(**values))
        for listener in list(_LISTENERS):
            listener.forget_user_id(user_id)

    async def set_password_hash(self, user_id: int, password_hash: str) -> None:
        await self._set(user_id, password_hash=password_hash)

    async def set_role(self, user_id: int, role: Role) -> None:
        await self._set(user_id, role=role.value)

    async def set_disabled(self, user_id: int, disabled: bool) -> None:
        await self._set(user_id, disabled=disabled)

    async def set_tokens_valid_after(self, user_id: int, at: datetime) -> None:
        await self._set(user_id, tokens_valid_after=at)


def user_from_row(row: Any) -> User:
    """A ``User`` from a row of the users table."""
    return User(
        id=row["id"],
        public_id=row["public_id"],
        username=row["username"],
        password_hash=row["password_hash"],
        role=Role(row["role"]),
        disabled=bool(row["disabled"]),
        created_at=row["created_at"],
        tokens_valid_after=row["tokens_valid_after"],
    )
