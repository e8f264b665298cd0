"""/api/v1/admin: users, roles, disabling (admins only)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, put
from litestar.di import NamedDependency
from litestar.params import JSONBody, PathParameter

from entrypoints.http.schemas import BEARER, MAX_ID, DisabledBody, RoleBody
from f1core.domain.accounts import UserProfile
from f1core.usecases.accounts.change_role import ChangeRole
from f1core.usecases.accounts.disable_user import DisableUser
from f1core.usecases.accounts.list_users import ListUsers

# Bounded like every id in the API: a huge number is a 400, not a database overflow.
UserId = Annotated[int, PathParameter(ge=1, le=MAX_ID)]


class AdminController(Controller):
    path = "/api/v1/admin"
    tags = ("admin",)
    security = BEARER

    @get("/users")
    async def users(
        self, admin: NamedDependency[UserProfile], list_users: NamedDependency[ListUsers]
    ) -> list[UserProfile]:
        """Every user, in id order."""
        return list(await list_users.execute(admin))

    @put("/users/{user_id:int}/role")
    async def set_role(
        self,
        user_id: UserId,
        data: JSONBody[RoleBody],
        admin: NamedDependency[UserProfile],
        change_role: NamedDependency[ChangeRole],
    ) -> UserProfile:
        """Change a user's role; the last active admin cannot be demoted."""
        return await change_role.execute(admin, user_id, data.role)

    @put("/users/{user_id:int}/disabled")
    async def set_disabled(
        self,
        user_id: UserId,
        data: JSONBody[DisabledBody],
        admin: NamedDependency[UserProfile],
        disable_user: NamedDependency[DisableUser],
    ) -> UserProfile:
        """Disable or re-enable an account (its tokens stop within F1_AUTH_CACHE_SECONDS)."""
        return await disable_user.execute(admin, user_id, disabled=data.disabled)
