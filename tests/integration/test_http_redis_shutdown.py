"""The app closes its Redis connections when it shuts down (real Redis on loopback)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import redis
from litestar.testing import TestClient
from tests.unit.test_http_app import SECRET

from entrypoints.composition import bootstrap
from entrypoints.http import create_app
from entrypoints.http.config import HttpConfig
from entrypoints.settings import Settings

REDIS_URL = os.environ.get("F1_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def named_clients(name: str) -> int:
    """How many connections Redis holds open under the client name ``name``."""
    with redis.Redis.from_url(REDIS_URL) as admin:
        return sum(1 for c in admin.client_list() if c.get("name") == name)


def test_the_login_failure_store_is_closed_at_shutdown(tmp_path: Path) -> None:
    name = f"f1-test-{secrets.token_hex(4)}"
    settings = Settings.from_env(
        {
            "F1_DATA_DIR": str(tmp_path),
            "F1_JWT_SECRET": SECRET,
            "F1_ARCHIVE_DIR": "",
            "F1_REDIS_URL": REDIS_URL,
            "F1_REDIS_KEY_PREFIX": name,  # the store names its connections after it
        }
    )
    container = bootstrap(settings)
    app = create_app(container, HttpConfig(rate_limit="1000/minute"))
    with TestClient(app) as client:
        # A failed login counts a failure in Redis: the store's pool opens a connection.
        response = client.post(
            "/api/v1/auth/login", json={"username": "nobody", "password": "wrong password"}
        )
        assert response.status_code == 401, response.text
        assert named_clients(f"{name}:login-failures") >= 1
    assert named_clients(f"{name}:login-failures") == 0
