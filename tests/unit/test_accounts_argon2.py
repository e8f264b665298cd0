"""The argon2id hasher: OWASP defaults, verification, rehash detection, off-loop work."""

from __future__ import annotations

import asyncio
import time

import argon2

from adapters.security.argon2_password_hasher import Argon2PasswordHasher

CHEAP = {"memory_cost_kib": 256, "time_cost": 1}


async def test_default_parameters_are_owasp_argon2id() -> None:
    hasher = Argon2PasswordHasher()
    started = time.perf_counter()
    digest = await hasher.hash("correct horse battery")
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert digest.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert elapsed_ms > 5  # real work, not a no-op (about 36 ms on this machine)
    assert await hasher.verify(digest, "correct horse battery")
    assert not hasher.needs_rehash(digest)


async def test_verify_rejects_wrong_and_malformed() -> None:
    hasher = Argon2PasswordHasher(**CHEAP)
    digest = await hasher.hash("correct horse battery")
    assert await hasher.verify(digest, "correct horse battery")
    assert not await hasher.verify(digest, "correct horse batterY")
    assert not await hasher.verify("not-a-hash", "correct horse battery")
    assert not await hasher.verify("", "")
    assert hasher.needs_rehash("not-a-hash")


async def test_salted_hashes_differ() -> None:
    hasher = Argon2PasswordHasher(**CHEAP)
    assert await hasher.hash("same password") != await hasher.hash("same password")


async def test_parameter_change_needs_rehash() -> None:
    old = Argon2PasswordHasher(**CHEAP)
    digest = await old.hash("correct horse battery")
    stronger = Argon2PasswordHasher(memory_cost_kib=512, time_cost=2)
    assert stronger.needs_rehash(digest)
    # The old hash still verifies under new parameters, so login can rehash it.
    assert await stronger.verify(digest, "correct horse battery")
    assert not stronger.needs_rehash(await stronger.hash("correct horse battery"))


async def test_hashing_runs_off_the_event_loop() -> None:
    hasher = Argon2PasswordHasher(memory_cost_kib=19456, time_cost=4)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.001)

    task = asyncio.create_task(ticker())
    await hasher.hash("correct horse battery")
    task.cancel()
    # If the hash blocked the loop, the ticker could not have run during it.
    assert ticks >= 5


async def test_dummy_verify_costs_like_a_real_one() -> None:
    """The dummy is a real argon2id verify of a hash made with the same parameters.

    Checked by structure, not by the clock (a timed ratio flakes on a busy machine): the
    same memory, time and parallelism costs are what make the two take the same time.
    """
    hasher = Argon2PasswordHasher()
    digest = await hasher.hash("correct horse battery")
    verified: list[str] = []
    real_verify = hasher.verify

    async def spy(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return await real_verify(password_hash, password)

    hasher.verify = spy  # type: ignore[method-assign]
    await hasher.verify_dummy("wrong")
    [dummy_hash] = verified
    assert dummy_hash != digest
    assert argon2.extract_parameters(dummy_hash) == argon2.extract_parameters(digest)
    assert argon2.extract_parameters(dummy_hash).type is argon2.Type.ID
