"""Token lifecycle and attacks, with the real PyJWT issuer over the fake unit of work."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta

import jwt
import msgspec
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from tests.fakes import (
    FakeClock,
    FakeCommonPasswords,
    FakePasswordHasher,
    FakeUnitOfWork,
    InMemoryLoginFailureStore,
)

from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from f1core.domain.accounts import (
    LOCAL_OPERATOR,
    AuthenticationError,
    Role,
    TokenPair,
)
from f1core.errors import ConfigurationError
from f1core.usecases.accounts._tokens import hash_refresh_token
from f1core.usecases.accounts.authenticate import Authenticate
from f1core.usecases.accounts.disable_user import DisableUser
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.log_out import LogOut
from f1core.usecases.accounts.log_out_everywhere import LogOutEverywhere
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser

SECRET = "k" * 40
PASSWORD = "correct horse battery"


class World:
    def __init__(self) -> None:
        self.uow = FakeUnitOfWork()
        self.clock = FakeClock()
        self.hasher = FakePasswordHasher()
        self.issuer = PyJwtTokenIssuer(SECRET)
        self.user_id = 0
        self.public_id = ""

    async def user(self, name: str = "ana", role: Role = Role.ANALYST) -> int:
        profile = await RegisterUser(self.uow, self.hasher, FakeCommonPasswords()).execute(
            name, PASSWORD, role
        )
        self.user_id = profile.id
        async with self.uow as uow:
            stored = await uow.users.get(profile.id)
        assert stored is not None
        self.public_id = stored.public_id
        return profile.id

    async def login(self, name: str = "ana") -> TokenPair:
        return await LogIn(
            self.uow, self.hasher, self.issuer, self.clock, failures=InMemoryLoginFailureStore()
        ).execute(name, PASSWORD, "local")

    async def auth(self, token: str) -> int:
        return (await Authenticate(self.uow, self.issuer, self.clock).execute(token)).id

    async def refresh(self, token: str) -> TokenPair:
        return await Refresh(self.uow, self.issuer, self.clock).execute(token)

    def claims(self) -> dict[str, object]:
        now = self.clock().timestamp()
        return {
            "iss": "f1-analysis",
            "aud": "f1-analysis",
            "sub": self.public_id,
            "iat": now,
            "exp": now + 600,
            "jti": "j",
            "typ": "access",
        }


@pytest.fixture
async def world() -> World:
    w = World()
    await w.user()
    return w


async def test_valid_access_token_authenticates(world: World) -> None:
    pair = await world.login()
    assert await world.auth(pair.access_token) == world.user_id
    assert pair.access_expires_at - world.clock() == timedelta(minutes=15)
    # A well-formed token crafted with the real secret passes too: the helpers below differ
    # from it in exactly one respect.
    assert await world.auth(jwt.encode(world.claims(), SECRET, algorithm="HS256")) == 1


async def test_alg_none_rejected(world: World) -> None:
    token = jwt.encode(world.claims(), "", algorithm="none")
    with pytest.raises(AuthenticationError):
        await world.auth(token)


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


async def test_rs256_token_rejected(world: World, rsa_key: rsa.RSAPrivateKey) -> None:
    token = jwt.encode(world.claims(), rsa_key, algorithm="RS256")
    with pytest.raises(AuthenticationError):
        await world.auth(token)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


async def test_hs256_signed_with_public_key_rejected(
    world: World, rsa_key: rsa.RSAPrivateKey
) -> None:
    # The classic confusion attack: the public key (known to all) used as the HMAC secret.
    # PyJWT refuses to sign with a PEM key, so the token is assembled by hand.
    public_pem = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_input = (
        _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        + "."
        + _b64(json.dumps(world.claims()).encode())
    )
    signature = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    with pytest.raises(AuthenticationError):
        await world.auth(signing_input + "." + _b64(signature))


async def test_expired_access_token_rejected(world: World) -> None:
    pair = await world.login()
    world.clock.advance(minutes=15)
    with pytest.raises(AuthenticationError, match="expired"):
        await world.auth(pair.access_token)


@pytest.mark.parametrize(
    ("claim", "value"),
    [("aud", "someone-else"), ("iss", "evil"), ("typ", "refresh"), ("sub", "not-a-uuid")],
)
async def test_wrong_claims_rejected(world: World, claim: str, value: str) -> None:
    token = jwt.encode({**world.claims(), claim: value}, SECRET, algorithm="HS256")
    with pytest.raises(AuthenticationError):
        await world.auth(token)


# Validly signed, so only the subject can be wrong: each must be a plain refusal, never a
# database error (10**30 overflowed the integer column: a 500, issue 9 item 10).
@pytest.mark.parametrize(
    "subject",
    [
        str(10**30),
        "1",  # the user's integer id, as tokens said before public ids
        "-1",
        "abc",
        "",
        10**30,
        1,
        None,
        ["1"],
        "00000000-0000-4000-8000-000000000000",  # a well-formed id nobody has
        "{00000000-0000-4000-8000-000000000000}",
        "00000000000040008000000000000000",
    ],
)
async def test_token_with_a_malformed_or_unknown_subject_is_refused(
    world: World, subject: object
) -> None:
    token = jwt.encode({**world.claims(), "sub": subject}, SECRET, algorithm="HS256")
    with pytest.raises(AuthenticationError):
        await world.auth(token)


async def test_token_subject_must_be_the_canonical_public_id(world: World) -> None:
    upper = jwt.encode({**world.claims(), "sub": world.public_id.upper()}, SECRET, "HS256")
    with pytest.raises(AuthenticationError):
        await world.auth(upper)
    exact = jwt.encode(world.claims(), SECRET, algorithm="HS256")
    assert await world.auth(exact) == world.user_id


@pytest.mark.parametrize("missing", ["exp", "iat", "sub", "aud", "iss", "jti", "typ"])
async def test_missing_required_claim_rejected(world: World, missing: str) -> None:
    claims = world.claims()
    del claims[missing]
    with pytest.raises(AuthenticationError):
        await world.auth(jwt.encode(claims, SECRET, algorithm="HS256"))


async def test_bad_signature_rejected(world: World) -> None:
    with pytest.raises(AuthenticationError):
        await world.auth(jwt.encode(world.claims(), "x" * 40, algorithm="HS256"))
    pair = await world.login()
    header, payload, signature = pair.access_token.split(".")
    tampered = json.loads(base64.urlsafe_b64decode(payload + "=="))
    tampered["sub"] = "00000000-0000-4000-8000-000000000002"
    forged = f"{header}.{_b64(json.dumps(tampered).encode())}.{signature}"
    with pytest.raises(AuthenticationError):
        await world.auth(forged)


async def test_token_issued_in_the_future_rejected(world: World) -> None:
    claims = {**world.claims(), "iat": world.clock().timestamp() + 3600}
    with pytest.raises(AuthenticationError):
        await world.auth(jwt.encode(claims, SECRET, algorithm="HS256"))


async def test_refresh_token_is_not_an_access_token_and_vice_versa(world: World) -> None:
    pair = await world.login()
    with pytest.raises(AuthenticationError):
        await world.auth(pair.refresh_token)
    with pytest.raises(AuthenticationError):
        await world.refresh(pair.access_token)


async def test_refresh_rotates(world: World) -> None:
    first = await world.login()
    world.clock.advance(minutes=1)
    second = await world.refresh(first.refresh_token)
    assert second.refresh_token != first.refresh_token
    assert await world.auth(second.access_token) == world.user_id
    third = await world.refresh(second.refresh_token)
    assert await world.auth(third.access_token) == world.user_id
    families = {r.family_id for r in world.uow.state.refresh_tokens.values()}
    assert len(families) == 1
    assert len(world.uow.state.refresh_tokens) == 3


async def test_reused_refresh_token_revokes_the_family(world: World) -> None:
    first = await world.login()
    other_login = await world.login()
    second = await world.refresh(first.refresh_token)
    world.clock.advance(seconds=6)  # past the grace window for tabs refreshing at once
    with pytest.raises(AuthenticationError, match="already used"):
        await world.refresh(first.refresh_token)
    # The thief's replay also killed the legitimate holder's newer token ...
    with pytest.raises(AuthenticationError):
        await world.refresh(second.refresh_token)
    # ... but not another login's family.
    assert (await world.refresh(other_login.refresh_token)).refresh_token


def live_tokens(world: World) -> int:
    return sum(r.revoked_at is None for r in world.uow.state.refresh_tokens.values())


async def test_reuse_within_the_grace_window_gets_the_same_pair(world: World) -> None:
    first = await world.login()
    second = await world.refresh(first.refresh_token)
    world.clock.advance(seconds=5)  # the window's last instant
    again = await world.refresh(first.refresh_token)
    assert again.refresh_token == second.refresh_token
    assert again.refresh_expires_at == second.refresh_expires_at
    assert await world.auth(again.access_token) == world.user_id
    assert live_tokens(world) == 2  # nothing revoked: the family is alive
    third = await world.refresh(second.refresh_token)
    assert await world.auth(third.access_token) == world.user_id


async def test_reuse_after_the_grace_window_revokes_the_family(world: World) -> None:
    first = await world.login()
    second = await world.refresh(first.refresh_token)
    world.clock.advance(seconds=5, microseconds=1)
    with pytest.raises(AuthenticationError, match="already used"):
        await world.refresh(first.refresh_token)
    with pytest.raises(AuthenticationError):
        await world.refresh(second.refresh_token)
    assert live_tokens(world) == 0


async def test_no_grace_once_the_successor_was_used_itself(world: World) -> None:
    first = await world.login()
    second = await world.refresh(first.refresh_token)
    third = await world.refresh(second.refresh_token)
    with pytest.raises(AuthenticationError, match="already used"):
        await world.refresh(first.refresh_token)
    with pytest.raises(AuthenticationError):
        await world.refresh(third.refresh_token)


async def test_the_stored_successor_is_sealed_under_the_server_key(world: World) -> None:
    first = await world.login()
    second = await world.refresh(first.refresh_token)
    stored = repr(list(world.uow.state.refresh_tokens.values()))
    assert second.refresh_token not in stored and first.refresh_token not in stored
    spent = world.uow.state.refresh_tokens[hash_refresh_token(first.refresh_token)]
    assert spent.sealed_successor is not None
    sealed = spent.sealed_successor
    # Only this server's key together with the spent token opens it; tampering shows.
    assert world.issuer.open_successor(sealed, first.refresh_token) == second.refresh_token
    other = PyJwtTokenIssuer("another-server-secret-of-at-least-32-bytes")
    assert other.open_successor(sealed, first.refresh_token) is None
    assert world.issuer.open_successor(sealed, second.refresh_token) is None
    assert world.issuer.open_successor(sealed[:-4] + "AAAA", first.refresh_token) is None
    # A seal that does not open makes the reuse count as one: the family ends.
    world.uow.state.refresh_tokens[spent.token_hash] = msgspec.structs.replace(
        spent, sealed_successor=other.seal_successor(second.refresh_token, first.refresh_token)
    )
    with pytest.raises(AuthenticationError, match="already used"):
        await world.refresh(first.refresh_token)
    assert live_tokens(world) == 0


async def test_logout_revokes_the_refresh_token(world: World) -> None:
    pair = await world.login()
    await LogOut(world.uow, world.issuer, world.clock).execute(pair.refresh_token)
    await LogOut(world.uow, world.issuer, world.clock).execute(pair.refresh_token)  # idempotent
    with pytest.raises(AuthenticationError, match="revoked"):
        await world.refresh(pair.refresh_token)


async def test_log_out_everywhere(world: World) -> None:
    a = await world.login()
    b = await world.login()
    world.clock.advance(seconds=0.2)
    await LogOutEverywhere(world.uow, world.clock).execute(world.user_id)
    for pair in (a, b):
        with pytest.raises(AuthenticationError):
            await world.auth(pair.access_token)
        with pytest.raises(AuthenticationError):
            await world.refresh(pair.refresh_token)
    # A login a fraction of a second later works (iat is sub-second).
    world.clock.advance(seconds=0.2)
    fresh = await world.login()
    assert await world.auth(fresh.access_token) == world.user_id


async def test_disabled_users_tokens_stop_working(world: World) -> None:
    pair = await world.login()
    await DisableUser(world.uow, world.clock).execute(LOCAL_OPERATOR, world.user_id)
    with pytest.raises(AuthenticationError):
        await world.auth(pair.access_token)
    with pytest.raises(AuthenticationError):
        await world.refresh(pair.refresh_token)
    # Re-enabling does not resurrect the old tokens.
    await DisableUser(world.uow, world.clock).execute(LOCAL_OPERATOR, world.user_id, disabled=False)
    with pytest.raises(AuthenticationError):
        await world.auth(pair.access_token)


async def test_expired_refresh_token_rejected(world: World) -> None:
    pair = await world.login()
    world.clock.advance(days=14, seconds=1)
    with pytest.raises(AuthenticationError, match="expired"):
        await world.refresh(pair.refresh_token)


@pytest.mark.parametrize("secret", [None, "", "short-secret-31-bytes-long-xxxx"])
def test_weak_or_missing_secret_is_a_clear_error(secret: str | None) -> None:
    with pytest.raises(ConfigurationError, match="F1_JWT_SECRET"):
        PyJwtTokenIssuer(secret)
