"""The admins' status page in Chromium: the headline figures read from /metrics."""

from __future__ import annotations

import datetime as dt
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.conftest import Server, screenshot
from tests.e2e.test_web_app import ready, set_role, sign_up

pytestmark = pytest.mark.browser


def scrape(server: Server) -> dict[str, float]:
    """Sum of every sample of each metric family of the service's own /metrics."""
    with urllib.request.urlopen(server.base_url + "/metrics", timeout=30) as response:
        text = response.read().decode()
    sums: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "f1_http_requests_total" and sample.labels["status"][0] == "5":
                sums["server_errors"] = sums.get("server_errors", 0.0) + sample.value
            sums[sample.name] = sums.get(sample.name, 0.0) + sample.value
    return sums


def figures(page: Page) -> dict[str, str]:
    table = page.locator("#status-table")
    expect(table).to_be_visible()
    names = table.locator("tbody th").all_inner_texts()
    values = table.locator("tbody td").all_inner_texts()
    return dict(zip(names, values, strict=True))


def test_an_admin_sees_the_services_own_figures(new_page: Any, server: Server) -> None:
    page: Page = new_page()
    sign_up(page, "wolff")
    set_role(server, "wolff", "admin")
    page.goto("/status")
    ready(page)
    shown = figures(page)
    metrics = scrape(server)  # read after the page: counters can only have grown
    screenshot(page, "status")

    assert metrics["f1_ready"] == 1.0
    assert shown["Ready (database answers)"] == "yes"
    requests = int(shown["Requests"])
    assert 1 <= requests <= metrics["f1_http_requests_total"]
    errors = int(metrics.get("server_errors", 0.0))
    assert shown["Server errors (5xx)"].startswith(f"{errors} (")
    race_ts = metrics.get("f1_archive_latest_race_timestamp_seconds", 0.0)
    if race_ts:
        race = dt.datetime.fromtimestamp(race_ts, dt.UTC).date().isoformat()
        assert shown["Archive: latest race"].startswith(race + " (")
    else:
        assert shown["Archive: latest race"] == "-"
    assert set(shown) >= {
        "Latency p50 / p99",
        "Answers by outcome",
        "Answer cache hit rate",
        "FastF1 session loads (mean)",
        "Database pool in use / size",
    }


def test_a_non_admin_is_refused_the_status_page(new_page: Any, server: Server) -> None:
    page: Page = new_page()
    sign_up(page, "button")  # a plain viewer
    page.goto("/status")
    ready(page)
    expect(page.locator("#status-error")).to_have_text(
        "This needs the admin role; button is viewer. Ask an admin."
    )
    expect(page.locator("#status-table")).to_be_hidden()
