"""Sessions in the browser: where a login leads, and several tabs sharing one login."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route

from tests.e2e.conftest import PASSWORD, PageProblems, Server

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


# Start an API call in a tab without waiting for it: the page's own api.js module.
START_CALL = """() => {
  const main = document.querySelector("script[type=module]").src;
  window.__call = import(main.replace(/main\\.js$/, "api.js"))
    .then((m) => m.api("/auth/me"))
    .then((me) => me.username, (err) => "failed: " + err.message);
}"""
EXPIRE_ACCESS = """() => { const t = JSON.parse(localStorage.getItem('f1.tokens'));
  t.access_token = 'expired.' + t.access_token;
  localStorage.setItem('f1.tokens', JSON.stringify(t)); return t.refresh_token; }"""
TOKENS = "() => JSON.parse(localStorage.getItem('f1.tokens'))"
WAITING_FOR_LOCK = "async () => (await navigator.locks.query()).pending.length"


def two_tabs(browser: Browser, server: Server, username: str, *, locks: bool) -> list[Page]:
    """Two pages of one browser profile (shared storage), logged in as ``username``."""
    context = browser.new_context(base_url=server.base_url)
    if not locks:
        context.add_init_script("Object.defineProperty(navigator, 'locks', {value: undefined})")
    register(server, username)
    tabs = [context.new_page(), context.new_page()]
    for tab in tabs:
        tab.set_default_timeout(30_000)
    log_in_with_next(tabs[0], server, username, "/history")
    for tab in tabs:
        tab.goto("/history")
        tab.wait_for_selector("body[data-ready=true]")
    return tabs


def refresh_at_once(tabs: list[Page], *, until: Callable[[list[Route]], bool]) -> list[Route]:
    """Both tabs call the API with an expired access token; their refresh requests are
    held until ``until(held)``, then let through together. Returns the held requests."""
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        # Held until the release; a later one (a tab that read the other's new tokens
        # late: localStorage reaches other tabs asynchronously) goes straight through.
        held.append(route)
        if released:
            route.continue_()

    tabs[0].context.route("**/api/v1/auth/refresh", hold)
    for tab in tabs:
        tab.evaluate(START_CALL)
    deadline = time.monotonic() + 30
    while not until(held):
        if time.monotonic() > deadline:
            pytest.fail(f"the tabs never reached the expected state; held: {len(held)}")
        tabs[0].wait_for_timeout(20)
    released = True
    for route in list(held):
        route.continue_()
    return held


def test_two_tabs_refreshing_at_once_take_turns_and_stay_logged_in(
    browser: Browser, server: Server
) -> None:
    tabs = two_tabs(browser, server, "two-tabs", locks=True)
    try:
        problems = [PageProblems(tab) for tab in tabs]
        spent = tabs[0].evaluate(EXPIRE_ACCESS)
        # Release only when one tab's refresh is in flight and the other waits for the lock
        # (without the lock, both refreshes would be held here: two requests).
        held = refresh_at_once(
            tabs,
            until=lambda held: (
                len(held) == 2 or (len(held) == 1 and tabs[1].evaluate(WAITING_FOR_LOCK) == 1)
            ),
        )
        assert [tab.evaluate("() => window.__call") for tab in tabs] == ["two-tabs"] * 2
        # The lock serialised the refreshes: at release only one was in flight. The second
        # tab usually finds the tokens replaced; when the other tab's write reaches its
        # localStorage late it refreshes too, after the first, and the grace window
        # hands it the same successor.
        assert 1 <= len(held) <= 2
        tokens = [tab.evaluate(TOKENS) for tab in tabs]
        assert tokens[0]["refresh_token"] == tokens[1]["refresh_token"] != spent
        assert not tokens[1]["access_token"].startswith("exp")
        assert [p.messages for p in problems] == [[], []]
    finally:
        tabs[0].context.close()


def test_two_tabs_without_web_locks_stay_logged_in_too(browser: Browser, server: Server) -> None:
    tabs = two_tabs(browser, server, "two-tabs-no-locks", locks=False)
    try:
        spent = tabs[0].evaluate(EXPIRE_ACCESS)
        held = refresh_at_once(tabs, until=lambda held: len(held) == 2)
        assert [tab.evaluate("() => window.__call") for tab in tabs] == ["two-tabs-no-locks"] * 2
        # Both spent the same token at once; the server's grace gave both the same successor.
        assert [json.loads(r.request.post_data or "{}")["refresh_token"] for r in held] == [
            spent,
            spent,
        ]
        tokens = tabs[0].evaluate(TOKENS)
        assert tokens["refresh_token"] != spent
        response = httpx.post(
            f"{server.base_url}/api/v1/auth/refresh",
            json={"refresh_token": tokens["refresh_token"]},
        )
        assert response.status_code == 200, response.text  # the family is alive
    finally:
        tabs[0].context.close()
