"""Sessions in the browser: where a login leads, and several tabs sharing one login."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
from playwright.sync_api import Page, Route

from tests.e2e.conftest import PASSWORD, Server

pytestmark = pytest.mark.browser


def register(server: Server, username: str) -> None:
    response = httpx.post(
        f"{server.base_url}/api/v1/auth/register",
        json={"username": username, "password": PASSWORD},
    )
    assert response.status_code in (200, 201), response.text


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def log_in_with_next(page: Page, server: Server, username: str, next_value: str) -> list[str]:
    """Log in from ``/login?next=<next_value>``; the off-origin requests the page then made."""
    elsewhere: list[str] = []

    def stay_home(route: Route) -> None:
        # Another host is answered here, never over the network, and remembered.
        elsewhere.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<h1>pwned</h1>")

    page.context.route(lambda url: origin(url) != server.base_url, stay_home)
    page.goto(f"/login?next={quote(next_value, safe='')}")
    page.wait_for_selector("body[data-ready=true]")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: urlsplit(url).path != "/login")
    page.wait_for_load_state()
    return elsewhere


CRAFTED = {
    "backslash": "/\\127.0.0.2:{port}/pwned",
    "tab": "/\t/evil.example",
    "newline": "/\n/evil.example",
    "protocol-relative": "//evil.example",
    "absolute": "https://evil.example",
    "javascript": "javascript:alert(1)",
}


def test_safe_next_keeps_only_same_origin_paths(new_page: Any, server: Server) -> None:
    page: Page = new_page()
    page.goto("/login")
    page.wait_for_selector("body[data-ready=true]")
    port = str(urlsplit(server.base_url).port)
    searches = {k: "?next=" + quote(v.format(port=port), safe="") for k, v in CRAFTED.items()}
    searches["same-site"] = "?next=" + quote("/history?x=1#top", safe="")
    searches["same-origin absolute"] = "?next=" + quote(server.base_url + "/browse", safe="")
    searches["none"] = ""
    chosen = page.evaluate(
        """async (searches) => {
             const main = document.querySelector("script[type=module]").src;
             const { safeNext } = await import(main.replace(/main\\.js$/, "pages/login.js"));
             return Object.fromEntries(
               Object.entries(searches).map(([k, search]) => [k, safeNext(search)]));
           }""",
        searches,
    )
    assert chosen == {
        **dict.fromkeys(CRAFTED, "/ask"),
        "same-site": "/history?x=1#top",
        "same-origin absolute": "/browse",
        "none": "/ask",
    }


# The server refuses a control character in a query (400) before the page loads, so the
# TAB and newline forms are proven above, on the function itself.
@pytest.mark.parametrize("case", ["backslash", "protocol-relative", "absolute", "javascript"])
def test_a_crafted_next_never_leaves_the_site(new_page: Any, server: Server, case: str) -> None:
    username = f"redirect-{case}"
    register(server, username)
    page: Page = new_page()
    port = str(urlsplit(server.base_url).port)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    elsewhere = log_in_with_next(page, server, username, CRAFTED[case].format(port=port))
    assert elsewhere == []
    assert dialogs == []
    assert origin(page.url) == server.base_url
    assert urlsplit(page.url).path == "/ask"


def test_a_same_site_next_is_followed_with_its_query(new_page: Any, server: Server) -> None:
    register(server, "redirect-home")
    page: Page = new_page()
    elsewhere = log_in_with_next(page, server, "redirect-home", "/history?x=1")
    assert elsewhere == []
    assert page.url == f"{server.base_url}/history?x=1"
