"""Browser tests: the real service on loopback, driven by Debian's Chromium via Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium (``apt-get install
chromium``). A missing browser fails the run instead of skipping, like missing data does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.serving import serve

REPO_ROOT = Path(__file__).parents[2]
CHROMIUM = Path(os.environ.get("F1_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "pit-wall-2024!"


def _replay_dir() -> Path:
    path = Path(
        os.environ.get("F1_FASTF1_REPLAY_DIR", REPO_ROOT.parent / "shared/data/fastf1-http-cache")
    )
    if not path.is_dir():
        pytest.fail(f"recorded FastF1 data not found at {path}; set F1_FASTF1_REPLAY_DIR")
    return path


class Server:
    """A running service: its base URL and its SQLite file (to make the first admin)."""

    def __init__(self, base_url: str, database: Path) -> None:
        self.base_url = base_url
        self.database = database


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("f1-web-data")
    env = {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_FASTF1_REPLAY_DIR": str(_replay_dir()),
        "F1_JWT_SECRET": "web-e2e-" + "x" * 40,
        "F1_INTERPRETER": "offline",
        "F1_LOG_FORMAT": "json",
        # The browser tests register and log in several users from one address.
        "F1_HTTP_AUTH_RATE_LIMIT": "1000/minute",
        "F1_HTTP_REGISTER_RATE_LIMIT": "1000/minute",
        "F1_HTTP_ACCOUNT_RATE_LIMIT": "1000/minute",
        "F1_HTTP_RATE_LIMIT": "5000/minute",
    }
    env.pop("OPENAI_API_KEY", None)
    env.pop("F1_REDIS_URL", None)
    with serve(env, data_dir / "server.log", ready="/healthz") as running:
        yield Server(running.url, data_dir / "f1.sqlite3")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (or set F1_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class PageProblems:
    """Console errors and CSP violations seen on a page; a test ends with none."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.messages.append(f"page error: {exc}"))

    def _console(self, message: ConsoleMessage) -> None:
        text = message.text
        # A 4xx the page shows as a message (wrong password, 403 for a viewer) is expected;
        # the browser logs the failed fetch as a console error, which is not a page fault.
        if message.type == "error" and "Failed to load resource" not in text:
            self.messages.append(text)


@pytest.fixture
def new_page(browser: Browser, server: Server) -> Iterator[object]:
    """A factory of pages in fresh contexts (separate storage: separate users)."""
    contexts = []
    problems: list[PageProblems] = []

    def make(width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(
            base_url=server.base_url, viewport={"width": width, "height": height}
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        problems.append(PageProblems(page))
        return page

    yield make
    for context in contexts:
        context.close()
    seen = [m for p in problems for m in p.messages]
    assert not seen, f"console errors or CSP violations: {seen}"


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
