"""The admins' status page: the dashboard's headline figures from the service's metrics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.unit.test_http_app import PASSWORD, bearer, make_admin, make_client, register_and_login

from entrypoints.http.controllers.status import read_status


def test_admins_see_the_headline_figures_and_others_do_not(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        register_and_login(client, "root")
        make_admin(tmp_path, "root")
        login = client.post("/api/v1/auth/login", json={"username": "root", "password": PASSWORD})
        admin = bearer(login.json())
        viewer = bearer(register_and_login(client, "ana"))
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
        assert client.get("/nowhere").status_code == 404

        refused = client.get("/api/v1/admin/status", headers=viewer)
        status = client.get("/api/v1/admin/status", headers=admin)
        page = client.get("/status")

    assert refused.status_code == 403
    assert status.status_code == 200, status.text
    figures = status.json()
    assert figures["ready"] is True
    # 2 registers + 3 logins (one repeated), 3 health checks, one 404, the refused status
    assert figures["requests"] >= 9
    assert figures["server_errors"] == 0
    assert figures["error_rate"] == 0.0
    assert figures["latency_p50_s"] is not None and figures["latency_p50_s"] > 0
    assert figures["archive_latest_race"] is None  # empty archive
    assert page.status_code == 200
    assert "status.js" in page.text or 'data-page="status"' in page.text


EXPOSITION = """\
# TYPE f1_http_requests_total counter
f1_http_requests_total{route="/a",method="GET",status="200"} 90.0
f1_http_requests_total{route="/a",method="GET",status="503"} 10.0
# TYPE f1_http_request_duration_seconds histogram
f1_http_request_duration_seconds_bucket{route="/a",status="200",le="0.1"} 50.0
f1_http_request_duration_seconds_bucket{route="/a",status="200",le="1.0"} 100.0
f1_http_request_duration_seconds_bucket{route="/a",status="200",le="+Inf"} 100.0
f1_http_request_duration_seconds_count{route="/a",status="200"} 100.0
f1_http_request_duration_seconds_sum{route="/a",status="200"} 20.0
# TYPE f1_answer_cache_total counter
f1_answer_cache_total{result="hit"} 3.0
f1_answer_cache_total{result="miss"} 1.0
# TYPE f1_ready gauge
f1_ready 1.0
# TYPE f1_archive_latest_race_timestamp_seconds gauge
f1_archive_latest_race_timestamp_seconds 1.7647488e+09
"""


def test_figures_are_read_like_prometheus_would() -> None:
    status = read_status(EXPOSITION, dt.date(2025, 12, 13))
    assert (status.requests, status.server_errors, status.error_rate) == (100, 10, 0.1)
    assert status.latency_p50_s == 0.1  # half the requests within the first bucket
    assert status.latency_p99_s is not None and 0.9 < status.latency_p99_s <= 1.0
    assert status.answer_cache_hit_rate == 0.75
    assert status.archive_latest_race == "2025-12-03"
    assert status.archive_age_days == 10.0
