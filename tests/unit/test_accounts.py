"""Accounts use cases on fakes: registration policy, login, no enumeration, rehash, admin."""

from __future__ import annotations

import pytest
from tests.fakes import (
    FakeClock,
    FakeCommonPasswords,
    FakePasswordHasher,
    FakeUnitOfWork,
    InMemoryLoginFailureStore,
)

from adapters.security.bundled_common_passwords import BundledCommonPasswords
from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from f1core.domain.accounts import (
    LOCAL_OPERATOR,
    AuthenticationError,
    PasswordPolicyError,
    PermissionDeniedError,
    Role,
    UsernameTakenError,
    UserNotFoundError,
    username_skeleton,
)
from f1core.domain.confusables import skeleton
from f1core.errors import InvalidRequestError, UnprocessableRequestError
from f1core.usecases.accounts.change_role import ChangeRole
from f1core.usecases.accounts.disable_user import DisableUser
from f1core.usecases.accounts.list_users import ListUsers
from f1core.usecases.accounts.log_in import LOGIN_FAILED, LogIn
from f1core.usecases.accounts.password_policy import check_password
from f1core.usecases.accounts.register_user import RegisterUser

SECRET = "s" * 32
GOOD = "correct horse battery"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def hasher() -> FakePasswordHasher:
    return FakePasswordHasher()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def register(uow: FakeUnitOfWork, hasher: FakePasswordHasher) -> RegisterUser:
    return RegisterUser(uow, hasher, FakeCommonPasswords())


def log_in(uow: FakeUnitOfWork, hasher: FakePasswordHasher, clock: FakeClock) -> LogIn:
    return LogIn(uow, hasher, PyJwtTokenIssuer(SECRET), clock, failures=InMemoryLoginFailureStore())


async def test_register_stores_a_viewer_with_a_hashed_password(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    profile = await register(uow, hasher).execute("  Ana ", GOOD)
    assert (profile.username, profile.role, profile.disabled) == ("Ana", Role.VIEWER, False)
    stored = uow.state.users[profile.id]
    assert stored.password_hash == f"fake$v1${GOOD}"


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short12", "too short"),
        ("x" * 129, "too long"),
        ("Password123", "most commonly used"),
        ("ana-the-user", "must not be the username"),
    ],
)
async def test_password_policy_refuses(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher, password: str, why: str
) -> None:
    with pytest.raises(PasswordPolicyError, match=why):
        await register(uow, hasher).execute("ana-the-user", password)
    assert uow.state.users == {}


@pytest.mark.parametrize(
    "password",
    ["39481726", "exactly8", "alllowercaseletters", "日本語のパスワードです", "y" * 64, "z" * 128],
)
async def test_password_policy_allows_without_composition_rules(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher, password: str
) -> None:
    # No character-class rules: digits only, lowercase only, any script, long passphrases.
    profile = await register(uow, hasher).execute("ana", password)
    assert uow.state.users[profile.id].password_hash == f"fake$v1${password}"


# Each of these got through before the check looked past spaces, case, repetition and
# decoration (issue 9, item 6), for the user "ana-the-user".
@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("12345678 ", "commonly used"),
        (" password", "commonly used"),
        (" " * 8, "too short"),
        ("\t password \u3000", "commonly used"),
        ("passwordpassword", "commonly used"),
        ("password password", "commonly used"),
        ("Password123!", "commonly used"),
        ("!!iloveyou2024", "commonly used"),
        ("Password1Password1", "commonly used"),
        ("ana-the-user1", "must not be the username"),
        ("ANA-THE-USER 2024!", "must not be the username"),
        ("ana-the-userana-the-user", "must not be the username"),
    ],
)
def test_password_policy_sees_through_disguises(password: str, why: str) -> None:
    with pytest.raises(PasswordPolicyError, match=why):
        check_password(password, username="ana-the-user", common=BundledCommonPasswords())


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "  two  spaces  inside  ",
        "monaco 1988 rain",
        "ana-the-user's dog",
    ],
)
def test_password_policy_keeps_spaces_and_passphrases(password: str) -> None:
    check_password(password, username="ana-the-user", common=BundledCommonPasswords())


def test_bundled_common_password_list_is_loaded() -> None:
    common = BundledCommonPasswords()
    assert len(common) > 8000
    assert common.contains("password")
    assert common.contains("PASSWORD")  # compared case-insensitively
    assert common.contains("iloveyou")
    assert not common.contains("correct horse battery")


async def test_username_taken_case_insensitively(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    await register(uow, hasher).execute("Ana", GOOD)
    with pytest.raises(UsernameTakenError):
        await register(uow, hasher).execute("aNA", GOOD)


@pytest.mark.parametrize(
    ("first", "look_alike"),
    [
        ("alice", "\uff41\uff4c\uff49\uff43\uff45"),  # full width
        ("alice", "\u0430lice"),  # Cyrillic a
        ("alice", "\u0430l\u0456\u0441\u0435"),  # Cyrillic but for the l
        ("Alice", "AIice"),  # capital i for l
        ("bob", "b0b"),
        ("paypal", "p\u0430yp\u0430l"),
        ("omega", "\u03bfmega"),  # Greek omicron
        ("\u0430lice", "alice"),  # whichever came first
    ],
)
async def test_look_alike_usernames_are_taken(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher, first: str, look_alike: str
) -> None:
    await register(uow, hasher).execute(first, GOOD)
    with pytest.raises(UsernameTakenError):
        await register(uow, hasher).execute(look_alike, GOOD)


def test_skeletons_of_look_alikes_agree_and_of_different_names_differ() -> None:
    assert skeleton("\u0430lice") == skeleton("alice") == "alice"
    assert skeleton("AIice") == "Alice"
    assert skeleton("modern") == "rnodern" == skeleton("rnodern")
    assert username_skeleton(" \uff21lice ") == username_skeleton("alice")
    assert len({username_skeleton(n) for n in ("alice", "alicia", "bob", "\u043a\u0430te")}) == 4


async def test_usernames_are_stored_in_nfkc(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    profile = await register(uow, hasher).execute("\uff21na\u00a0\u2168", GOOD)
    assert profile.username == "Ana IX"
    with pytest.raises(UnprocessableRequestError):  # 254 characters, 508 once case-folded
        await register(uow, hasher).execute("\u00df" * 254, GOOD)


@pytest.mark.parametrize("name", ["ab", "  a  ", "bad\tname", "zero\u200bwidth"])
async def test_bad_usernames(uow: FakeUnitOfWork, hasher: FakePasswordHasher, name: str) -> None:
    with pytest.raises(UnprocessableRequestError):
        await register(uow, hasher).execute(name, GOOD)


async def test_login_returns_tokens_for_the_right_user(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher, clock: FakeClock
) -> None:
    profile = await register(uow, hasher).execute("ana", GOOD)
    pair = await log_in(uow, hasher, clock).execute("ANA", GOOD, "local")
    claims = PyJwtTokenIssuer(SECRET).verify_access(pair.access_token, clock())
    assert claims.subject == uow.state.users[profile.id].public_id
    assert len(uow.state.refresh_tokens) == 1
    (record,) = uow.state.refresh_tokens.values()
    assert pair.refresh_token not in record.token_hash  # only the hash is stored
    assert len(record.token_hash) == 64


async def test_no_account_enumeration(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher, clock: FakeClock
) -> None:
    await register(uow, hasher).execute("ana", GOOD)
    await register(uow, hasher).execute("bob", GOOD)
    await DisableUser(uow).execute(LOCAL_OPERATOR, "bob")
    errors = []
    for username, password in [("ana", "wrong password"), ("nobody", GOOD), ("bob", GOOD)]:
        before = hasher.verifications
        with pytest.raises(AuthenticationError) as caught:
            await log_in(uow, hasher, clock).execute(username, password, "local")
        # Unknown users cost one (dummy) verification too.
        assert hasher.verifications == before + 1
        errors.append((type(caught.value), caught.value.message, caught.value.kind))
    assert errors == [(AuthenticationError, LOGIN_FAILED, "unauthenticated")] * 3


async def test_login_rehashes_when_parameters_changed(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    old = FakePasswordHasher(version=1)
    profile = await register(uow, old).execute("ana", GOOD)
    new = FakePasswordHasher(version=2)
    await log_in(uow, new, clock).execute("ana", GOOD, "local")
    assert uow.state.users[profile.id].password_hash == f"fake$v2${GOOD}"
    # A failed login does not rehash.
    profile2 = await register(uow, old).execute("bob", GOOD)
    with pytest.raises(AuthenticationError):
        await log_in(uow, new, clock).execute("bob", "not the password", "local")
    assert uow.state.users[profile2.id].password_hash == f"fake$v1${GOOD}"


async def test_admin_lists_changes_roles_and_disables(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    admin = await register(uow, hasher).execute("root", GOOD, role=Role.ADMIN)
    ana = await register(uow, hasher).execute("ana", GOOD)
    listed = await ListUsers(uow).execute(admin)
    assert [(u.username, u.role) for u in listed] == [("root", Role.ADMIN), ("ana", Role.VIEWER)]
    changed = await ChangeRole(uow).execute(admin, ana.id, Role.ANALYST)
    assert changed.role is Role.ANALYST
    disabled = await DisableUser(uow).execute(admin, "ANA")
    assert disabled.disabled
    enabled = await DisableUser(uow).execute(admin, ana.id, disabled=False)
    assert not enabled.disabled


async def test_non_admins_cannot_administer(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    await register(uow, hasher).execute("root", GOOD, role=Role.ADMIN)
    analyst = await register(uow, hasher).execute("ana", GOOD, role=Role.ANALYST)
    with pytest.raises(PermissionDeniedError, match="admin"):
        await ListUsers(uow).execute(analyst)
    with pytest.raises(PermissionDeniedError):
        await ChangeRole(uow).execute(analyst, analyst.id, Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        await DisableUser(uow).execute(analyst, "root")
    assert uow.state.users[analyst.id].role is Role.ANALYST


async def test_last_active_admin_is_protected(
    uow: FakeUnitOfWork, hasher: FakePasswordHasher
) -> None:
    root = await register(uow, hasher).execute("root", GOOD, role=Role.ADMIN)
    with pytest.raises(InvalidRequestError, match="last active admin"):
        await ChangeRole(uow).execute(root, root.id, Role.VIEWER)
    with pytest.raises(InvalidRequestError, match="last active admin"):
        await DisableUser(uow).execute(root, root.id)
    second = await register(uow, hasher).execute("second", GOOD, role=Role.ADMIN)
    await DisableUser(uow).execute(second, root.id)
    assert uow.state.users[root.id].disabled


async def test_unknown_target_user(uow: FakeUnitOfWork, hasher: FakePasswordHasher) -> None:
    with pytest.raises(UserNotFoundError, match="f1 user list"):
        await ChangeRole(uow).execute(LOCAL_OPERATOR, "ghost", Role.ADMIN)
