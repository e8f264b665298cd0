"""/api/v1/auth: register, login, refresh, logout, logout everywhere, me."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from entrypoints.http.ratelimit import RateLimiter
from entrypoints.http.schemas import BEARER, Credentials, RateLimitedError, RefreshTokenBody
from f1core.domain.accounts import TokenPair, UserProfile, normalize_username
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.log_out import LogOut
from f1core.usecases.accounts.log_out_everywhere import LogOutEverywhere
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser


async def _limit_account(limiter: NamedDependency[RateLimiter], action: str, username: str) -> None:
    # Per account name, on top of the edge's per-address limit: registering is rare, and
    # each "taken" answer tells whether a name exists. (Not on login: there it would let
    # anyone lock the owner out; failed logins are throttled per address instead.)
    wait = await limiter.hit(limiter.account, action, normalize_username(username))
    if wait is not None:
        raise RateLimitedError(
            f"Too many {action} attempts for this account; try again in {wait} s.", wait
        )


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ("auth",)

    @post("/register", status_code=HTTP_201_CREATED)
    async def register(
        self,
        data: JSONBody[Credentials],
        register_user: NamedDependency[RegisterUser],
        limiter: NamedDependency[RateLimiter],
    ) -> UserProfile:
        """Create a viewer account (8 to 128 character password, not a common one)."""
        await _limit_account(limiter, "register", data.username)
        return await register_user.execute(data.username, data.password)

    @post("/login", status_code=HTTP_200_OK)
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[Credentials],
        log_in: NamedDependency[LogIn],
    ) -> TokenPair:
        """Exchange username and password for an access and a refresh token.

        Failed logins slow down the next ones from the same address (429 with
        Retry-After, doubling from 1 s to 15 minutes); never those from elsewhere.
        """
        # The edge has already put a trusted proxy's client address here.
        address = request.client.host if request.client else "unknown"
        return await log_in.execute(data.username, data.password, address)

    @post("/refresh", status_code=HTTP_200_OK)
    async def refresh(
        self, data: JSONBody[RefreshTokenBody], refresh: NamedDependency[Refresh]
    ) -> TokenPair:
        """Trade a refresh token for a new pair; each refresh token works once.

        Presented again within F1_REFRESH_GRACE_SECONDS of its rotation (another tab
        refreshing at the same moment), it gets the same new refresh token; any later
        reuse ends every session of that login.
        """
        return await refresh.execute(data.refresh_token)

    @post("/logout", status_code=HTTP_204_NO_CONTENT)
    async def logout(
        self, data: JSONBody[RefreshTokenBody], log_out: NamedDependency[LogOut]
    ) -> None:
        """End the login this refresh token belongs to."""
        await log_out.execute(data.refresh_token)

    @post("/logout-everywhere", status_code=HTTP_204_NO_CONTENT, security=BEARER)
    async def logout_everywhere(
        self,
        viewer: NamedDependency[UserProfile],
        log_out_everywhere: NamedDependency[LogOutEverywhere],
    ) -> None:
        """End every login of the caller, on every device, at once."""
        await log_out_everywhere.execute(viewer.id)

    @get("/me", security=BEARER)
    async def me(self, viewer: NamedDependency[UserProfile]) -> UserProfile:
        """The caller's profile."""
        return viewer
