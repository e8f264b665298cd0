"""The table module's pure parts in Chromium: sort keys and the CSV it downloads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import Server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def table_page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(base_url=server.base_url)
    page = context.new_page()
    page.goto("/login")
    yield page
    context.close()


def test_table_sort_keys_read_times_and_gaps(table_page: Page) -> None:
    result = table_page.evaluate(
        """async () => {
          const { sortKey, compareCells } = await import('/static/js/table.js');
          const cells = ['1:12.001', '+0.214', null, '1:11.383', 'DNF', '59.9', ''];
          return { keys: cells.map(sortKey), sorted: [...cells].sort(compareCells) };
        }"""
    )
    assert result["keys"] == [72.001, 0.214, None, 71.383, None, 59.9, None]
    assert result["sorted"] == ["+0.214", "59.9", "1:11.383", "1:12.001", "DNF", None, ""]


def test_csv_quotes_what_needs_it_and_defuses_formulas(table_page: Page) -> None:
    csv = table_page.evaluate(
        """async () => {
          const { toCsv } = await import('/static/js/table.js');
          return toCsv(['Driver', 'Note', 'Gap'], [
            ['PER', 'Pérez, "Checo"', '+0.214'],
            ['HUL', '=HYPERLINK("x")', -1.5],
            ['ALO', null, true],
          ]);
        }"""
    )
    assert csv == (
        "Driver,Note,Gap\r\n"
        'PER,"Pérez, ""Checo""",+0.214\r\n'
        'HUL,"\'=HYPERLINK(""x"")",-1.5\r\n'
        "ALO,,yes\r\n"
    )
