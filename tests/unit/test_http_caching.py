"""Edge caching: data answers carry Cache-Control and a strong ETag, and a matching
If-None-Match gets a bodiless 304; per-user answers say private."""

from __future__ import annotations

from pathlib import Path

from dependency_injector import providers
from litestar.testing import TestClient
from tests.fakes import FakeSessionSource, make_event, make_lap, make_session
from tests.unit.test_http_app import SECRET, bearer, make_client, register_and_login

from entrypoints.composition import bootstrap
from entrypoints.http import create_app
from entrypoints.http.caching import matches, strong_etag
from entrypoints.http.config import HttpConfig
from entrypoints.settings import Settings
from f1core.domain.session import SessionKind


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


def test_each_content_coding_has_its_own_strong_etag_and_304(tmp_path: Path) -> None:
    monza = make_event(2024, 16, "Italian Grand Prix", "Italy", "Monza")
    laps = tuple(
        make_lap(code, n, 80_000 + 37 * i + n)
        for i, code in enumerate(("LEC", "NOR", "PIA", "SAI", "HAM", "RUS", "VER", "PER"))
        for n in range(1, 6)
    )
    session = make_session(monza, SessionKind.QUALIFYING, laps)
    settings = Settings.from_env(
        {"F1_DATA_DIR": str(tmp_path), "F1_JWT_SECRET": SECRET, "F1_ARCHIVE_DIR": ""}
    )
    container = bootstrap(settings)
    container.sessions.source.override(
        providers.Object(FakeSessionSource({2024: (monza,)}, (session,)))
    )
    path = "/api/v1/sessions/2024/Monza/Q"
    with TestClient(create_app(container, HttpConfig(rate_limit="1000/minute"))) as client:
        auth = bearer(register_and_login(client, "ana"))
        tags: dict[str, str] = {}
        for coding, sent in (("br", "br"), ("gzip", "gzip"), ("identity", None)):
            first = client.get(path, headers={**auth, "Accept-Encoding": coding})
            assert first.status_code == 200, first.text
            assert first.headers.get("content-encoding") == sent
            assert first.headers["vary"] == "Accept-Encoding"
            tags[coding] = first.headers["etag"]
            assert not tags[coding].startswith("W/")
            again = client.get(
                path, headers={**auth, "Accept-Encoding": coding, "If-None-Match": tags[coding]}
            )
            assert again.status_code == 304, coding
            assert again.content == b""
            assert again.headers["etag"] == tags[coding]
        base = tags["identity"][:-1]
        assert tags == {"br": base + '-br"', "gzip": base + '-gz"', "identity": base + '"'}
        # Another coding's tag names another representation: the full answer, not a 304.
        other = client.get(
            path, headers={**auth, "Accept-Encoding": "identity", "If-None-Match": tags["br"]}
        )
        assert other.status_code == 200 and other.headers.get("content-encoding") is None
