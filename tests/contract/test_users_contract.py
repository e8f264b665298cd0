"""UserRepository and UnitOfWork contract: fake, SQLite and PostgreSQL behave alike."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from tests.contract.conftest import Backend

from f1core.domain.accounts import NewUser, Role, UsernameTakenError

T0 = datetime(2025, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)


def new_user(name: str, role: Role = Role.VIEWER) -> NewUser:
    return NewUser(username=name, password_hash=f"hash-of-{name}", role=role, created_at=T0)


async def test_add_and_get(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        ana = await uow.users.add(new_user("Ana", Role.ANALYST))
        await uow.commit()
    async with accounts_backend.uow as uow:
        by_id = await uow.users.get(ana.id)
        by_name = await uow.users.get_by_username("aNa")
        assert await uow.users.get(ana.id + 1000) is None
        assert await uow.users.get_by_username("bob") is None
    assert by_id == by_name == ana
    assert (ana.username, ana.role, ana.disabled, ana.tokens_valid_after) == (
        "Ana",
        Role.ANALYST,
        False,
        None,
    )
    assert ana.password_hash == "hash-of-Ana"
    assert ana.created_at == T0 and ana.created_at.tzinfo is not None


async def test_public_ids_are_random_uuids_and_find_their_user(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        ana = await uow.users.add(new_user("ana"))
        bob = await uow.users.add(new_user("bob"))
        await uow.commit()
    assert ana.public_id != bob.public_id
    assert uuid.UUID(ana.public_id).version == 4 and str(uuid.UUID(ana.public_id)) == ana.public_id
    async with accounts_backend.uow as uow:
        assert await uow.users.get_by_public_id(bob.public_id) == bob
        assert await uow.users.get_by_public_id(str(uuid.uuid4())) is None
        assert await uow.users.get_by_public_id(str(bob.id)) is None


async def test_usernames_unique_case_insensitively(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        await uow.users.add(new_user("Ana"))
        await uow.commit()
    async with accounts_backend.uow as uow:
        with pytest.raises(UsernameTakenError, match="taken"):
            await uow.users.add(new_user("ANA"))
    async with accounts_backend.uow as uow:
        assert await uow.users.count() == 1


async def test_look_alike_usernames_are_taken(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        await uow.users.add(new_user("alice"))
        await uow.commit()
    for look_alike in ("\uff41\uff4c\uff49\uff43\uff45", "\u0430lice", "AIice"):
        async with accounts_backend.uow as uow:
            with pytest.raises(UsernameTakenError, match="taken"):
                await uow.users.add(new_user(look_alike))
    async with accounts_backend.uow as uow:
        assert [u.username for u in await uow.users.list()] == ["alice"]


async def test_list_count_and_setters(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        a = await uow.users.add(new_user("a-user"))
        b = await uow.users.add(new_user("b-user"))
        await uow.commit()
    # Any offset in, UTC out.
    cutoff = datetime(2025, 3, 1, 14, 30, 0, 500, tzinfo=timezone(timedelta(hours=2)))
    async with accounts_backend.uow as uow:
        await uow.users.set_role(b.id, Role.ADMIN)
        await uow.users.set_disabled(b.id, True)
        await uow.users.set_password_hash(b.id, "new-hash")
        await uow.users.set_tokens_valid_after(b.id, cutoff)
        await uow.commit()
    async with accounts_backend.uow as uow:
        listed = await uow.users.list()
        assert await uow.users.count() == 2
    assert [u.id for u in listed] == [a.id, b.id]
    changed = listed[1]
    assert (changed.role, changed.disabled, changed.password_hash) == (Role.ADMIN, True, "new-hash")
    assert changed.tokens_valid_after == cutoff
    assert changed.tokens_valid_after is not None
    assert changed.tokens_valid_after.utcoffset() == timedelta(0)
    assert listed[0].role is Role.VIEWER and not listed[0].disabled


async def test_uncommitted_work_is_rolled_back(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        await uow.users.add(new_user("ghost"))
    async with accounts_backend.uow as uow:
        await uow.users.add(new_user("ghost2"))
        await uow.rollback()
    with pytest.raises(RuntimeError, match="boom"):
        async with accounts_backend.uow as uow:
            await uow.users.add(new_user("ghost3"))
            raise RuntimeError("boom")
    async with accounts_backend.uow as uow:
        assert await uow.users.count() == 0


async def test_reads_after_commit_in_the_same_unit(accounts_backend: Backend) -> None:
    async with accounts_backend.uow as uow:
        user = await uow.users.add(new_user("ana"))
        await uow.commit()
        await uow.users.set_role(user.id, Role.ADMIN)
        await uow.commit()
        reread = await uow.users.get(user.id)
    assert reread is not None and reread.role is Role.ADMIN
