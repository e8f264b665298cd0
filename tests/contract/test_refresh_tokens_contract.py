"""RefreshTokenRepository contract."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
from tests.contract.conftest import Backend

from f1core.domain.accounts import NewUser, RefreshTokenRecord, Role

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def _users(accounts_backend: Backend) -> tuple[int, int]:
    async with accounts_backend.uow as uow:
        ids = []
        for name in ("ana", "bob"):
            user = await uow.users.add(
                NewUser(username=name, password_hash="h", role=Role.VIEWER, created_at=T0)
            )
            ids.append(user.id)
        await uow.commit()
    return ids[0], ids[1]


def record(token_hash: str, family: str, user_id: int) -> RefreshTokenRecord:
    return RefreshTokenRecord(
        token_hash=token_hash,
        family_id=family,
        user_id=user_id,
        issued_at=T0,
        expires_at=T0 + timedelta(days=14),
    )


async def test_add_get_rotate_revoke(accounts_backend: Backend) -> None:
    ana, bob = await _users(accounts_backend)
    async with accounts_backend.uow as uow:
        for h, fam, user in [("a1", "fa", ana), ("a2", "fa", ana), ("a3", "fb", ana)]:
            await uow.refresh_tokens.add(record(h, fam, user))
        await uow.refresh_tokens.add(record("b1", "fc", bob))
        await uow.commit()
    later = T0 + timedelta(minutes=5)
    async with accounts_backend.uow as uow:
        assert await uow.refresh_tokens.get("a1") == record("a1", "fa", ana)
        assert await uow.refresh_tokens.get("missing") is None
        assert await uow.refresh_tokens.mark_rotated("a1", later) is True
        assert await uow.refresh_tokens.mark_rotated("a1", later) is False
        assert await uow.refresh_tokens.mark_rotated("missing", later) is False
        await uow.commit()
    async with accounts_backend.uow as uow:
        rotated = await uow.refresh_tokens.get("a1")
        assert rotated is not None and rotated.rotated_at == later and rotated.revoked_at is None
        assert await uow.refresh_tokens.revoke_family("fa", later) == 2
        assert await uow.refresh_tokens.revoke_family("fa", later) == 0
        assert await uow.refresh_tokens.mark_rotated("a2", later) is False  # revoked
        await uow.refresh_tokens.revoke("b1", later)
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert (await uow.refresh_tokens.get("a2")).revoked_at == later  # type: ignore[union-attr]
        assert (await uow.refresh_tokens.get("a3")).revoked_at is None  # type: ignore[union-attr]
        assert (await uow.refresh_tokens.get("b1")).revoked_at == later  # type: ignore[union-attr]
        assert await uow.refresh_tokens.revoke_all_for_user(ana, later) == 1  # only a3 was live
        assert await uow.refresh_tokens.revoke_all_for_user(bob, later) == 0
        await uow.commit()


async def test_set_successor_is_read_back_and_survives_revocation(
    accounts_backend: Backend,
) -> None:
    ana, _ = await _users(accounts_backend)
    later = T0 + timedelta(minutes=5)
    async with accounts_backend.uow as uow:
        await uow.refresh_tokens.add(record("a1", "fa", ana))
        await uow.refresh_tokens.add(record("a2", "fa", ana))
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert await uow.refresh_tokens.mark_rotated("a1", later) is True
        await uow.refresh_tokens.set_successor("a1", "a2", "c2VhbGVk" * 40)
        await uow.commit()
    async with accounts_backend.uow as uow:
        assert await uow.refresh_tokens.get("a1") == msgspec.structs.replace(
            record("a1", "fa", ana),
            rotated_at=later,
            replaced_by="a2",
            sealed_successor="c2VhbGVk" * 40,
        )
        assert await uow.refresh_tokens.get("a2") == record("a2", "fa", ana)
        assert await uow.refresh_tokens.revoke_family("fa", later) == 2
        await uow.commit()
    async with accounts_backend.uow as uow:
        revoked = await uow.refresh_tokens.get("a1")
        assert revoked is not None
        assert (revoked.revoked_at, revoked.replaced_by) == (later, "a2")
