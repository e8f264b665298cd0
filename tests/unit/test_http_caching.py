"""Edge caching: data answers carry Cache-Control and a strong ETag, and a matching
If-None-Match gets a bodiless 304; per-user answers say private."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_http_app import bearer, make_client, register_and_login

from entrypoints.http.caching import matches, strong_etag


def test_data_answers_are_revalidated_with_a_strong_etag_and_304(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        auth = bearer(register_and_login(client, "ana"))
        first = client.get("/api/v1/seasons", headers=auth)
        assert first.status_code == 200
        assert first.headers["cache-control"] == "no-cache, public"
        etag = first.headers["etag"]
        assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
        again = client.get("/api/v1/seasons", headers=auth)
        assert again.headers["etag"] == etag  # the same data, the same tag

        not_modified = client.get("/api/v1/seasons", headers={**auth, "If-None-Match": etag})
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert not_modified.headers["etag"] == etag
        assert not_modified.headers["cache-control"] == "no-cache, public"

        other = client.get("/api/v1/seasons", headers={**auth, "If-None-Match": '"stale"'})
        assert other.status_code == 200
        assert other.json() == first.json()

        # the login is still checked before any 304
        anonymous = client.get("/api/v1/seasons", headers={"If-None-Match": etag})
        assert anonymous.status_code == 401


def test_per_user_answers_are_private(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        auth = bearer(register_and_login(client, "ana"))
        history = client.get("/api/v1/history", headers=auth)
        assert history.status_code == 200
        assert history.headers["cache-control"] == "private, no-cache"
        me = client.get("/api/v1/auth/me", headers=auth)
        assert me.headers["cache-control"] == "private, no-cache"
        # without credentials nothing is marked (the shell pages set their own)
        assert "cache-control" not in client.get("/healthz").headers


def test_the_etag_ignores_how_long_an_answer_took() -> None:
    a = {"text": "VER won", "timings_ms": {"load_ms": 1.0}, "cached": False}
    b = {"text": "VER won", "timings_ms": {"load_ms": 9.0}, "cached": True}
    assert strong_etag(a) == strong_etag(b)
    assert strong_etag(a) != strong_etag({**a, "text": "HAM won"})
    assert matches('"x", "y"', '"y"') and matches("*", '"y"') and not matches('"x"', '"y"')
