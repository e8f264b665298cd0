"""The OpenAPI page under /schema works under the service's own CSP, from its own files."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.browser


def test_schema_page_lists_the_operations_without_leaving_the_origin(
    new_page: Any, server: Server
) -> None:
    page: Page = new_page()
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((server.base_url, "data:")) else elsewhere.append(r.url),
    )
    page.goto("/schema")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("F1 analysis API")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/ask").first).to_be_visible()
    assert page.locator(".opblock").count() > 20
    screenshot(page, "openapi")
    assert elsewhere == []
    # new_page's fixture fails the test on any console error or CSP violation.
