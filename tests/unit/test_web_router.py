"""The web router: pages and assets served with ETags, caching, no inline code, in budget."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from entrypoints.web import WebAssets, create_web_router
from entrypoints.web.router import (
    IMMUTABLE,
    PAGES,
    REVALIDATE,
    STATIC_DIR,
    SharedPreview,
    accepted_encodings,
)

# The ask page's first load must stay under 200 KB of JavaScript and CSS (issue 6).
ASK_PAGE_BUDGET = 200 * 1024


@pytest.fixture(scope="module")
def assets() -> WebAssets:
    return WebAssets()


@pytest.fixture(scope="module")
def client(assets: WebAssets) -> Iterator[TestClient[Litestar]]:
    app = Litestar(route_handlers=[create_web_router(assets)])
    with TestClient(app) as test_client:
        yield test_client


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text += data


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("name", [p.name for p in PAGES if p.name != "shared"])
def test_every_page_is_html_with_its_name_and_no_inline_code(
    client: TestClient[Litestar], name: str
) -> None:
    response = client.get(f"/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == REVALIDATE
    html = response.text
    assert f'data-page="{name}"' in html
    tags = _parse(html)
    # The service's CSP is default-src 'self': inline scripts, styles and handlers would be
    # blocked, so none may exist.
    assert tags.script_text.strip() == ""
    assert all(tag != "style" for tag, _ in tags.tags)
    for _, attrs in tags.tags:
        assert "style" not in attrs
        assert not any(key.startswith("on") for key in attrs)
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http:", "https:", "//")), f"external {key}: {value}"


def test_every_form_control_has_a_label(client: TestClient[Litestar]) -> None:
    for page in PAGES:
        tags = _parse(client.get(f"/{page.name}" if page.name != "shared" else "/shared/x").text)
        labelled = {attrs.get("for") for tag, attrs in tags.tags if tag == "label"}
        for tag, attrs in tags.tags:
            if tag in {"input", "select", "textarea"}:
                assert attrs.get("id") in labelled or attrs.get("aria-label"), (page.name, attrs)


def test_root_redirects_to_ask(client: TestClient[Litestar]) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/ask"


def test_shared_page_is_served_for_any_token(client: TestClient[Litestar]) -> None:
    response = client.get("/shared/abc123")
    assert response.status_code == 200
    assert 'data-page="shared"' in response.text


def test_versioned_assets_are_immutable_and_plain_ones_revalidate(
    client: TestClient[Litestar], assets: WebAssets
) -> None:
    versioned = client.get(f"/static/{assets.version}/js/vega-chart.js")
    assert versioned.status_code == 200
    assert versioned.headers["cache-control"] == IMMUTABLE
    assert versioned.headers["content-type"].startswith("text/javascript")
    assert versioned.content == (STATIC_DIR / "js" / "vega-chart.js").read_bytes()
    plain = client.get("/static/app.css")
    assert plain.headers["cache-control"] == REVALIDATE
    assert plain.headers["content-type"].startswith("text/css")
    assert plain.headers["etag"] == client.get(f"/static/{assets.version}/app.css").headers["etag"]
    # An outdated version prefix still gets today's file, but not for a year.
    stale = client.get("/static/v-000000000000/app.css")
    assert stale.status_code == 200
    assert stale.headers["cache-control"] == REVALIDATE


def test_etag_revalidation_answers_304_without_a_body(client: TestClient[Litestar]) -> None:
    first = client.get("/static/js/api.js")
    etag = first.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}(-br|-gz)?"', etag)
    again = client.get("/static/js/api.js", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    other = client.get("/static/js/api.js", headers={"If-None-Match": '"nope"'})
    assert other.status_code == 200
    page = client.get("/ask")
    assert client.get("/ask", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


@pytest.mark.parametrize(
    "path", ["/static/nope.js", "/static/../router.py", "/static/%2e%2e/router.py", "/static/js"]
)
def test_unknown_and_traversing_asset_paths_are_404(
    client: TestClient[Litestar], path: str
) -> None:
    assert client.get(path).status_code == 404


def test_version_changes_when_an_asset_changes(tmp_path: Path, assets: WebAssets) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "a.js").write_text("export const a = 1;\n")
    pages = Path(__file__).parents[2] / "src" / "entrypoints" / "web" / "pages"
    before = WebAssets(static, pages).version
    (static / "a.js").write_text("export const a = 2;\n")
    after = WebAssets(static, pages)
    assert before != after.version
    assert f"/static/{after.version}/app.css" in after.pages["ask"].body.decode()


# Static imports only: what a page needs before it runs. ``import("...")`` loads later.
_IMPORT = re.compile(r"""(?:import|from)\s*["'](\.{1,2}/[^"']+)["']""")
_DYNAMIC_IMPORT = re.compile(r"""import\(\s*["'](\.{1,2}/[^"']+)["']\s*\)""")


def _module_closure(entry: str, assets: WebAssets) -> set[str]:
    seen: set[str] = set()
    todo = [entry]
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        text = assets.static[rel].body.decode()
        base = Path(rel).parent
        for spec in _IMPORT.findall(text):
            todo.append((base / spec).as_posix().replace("js/pages/../", "js/"))
    return {str(Path(p)) for p in seen}


def test_ask_page_first_load_is_under_the_budget(assets: WebAssets) -> None:
    html = assets.pages["ask"].body.decode()
    refs = re.findall(r'(?:href|src)="/static/' + assets.version + r'/([^"]+)"', html)
    files = {r for r in refs if r.endswith((".js", ".css"))}
    for ref in list(files):
        if ref.endswith(".js"):
            files |= {str(Path(p)) for p in _module_closure(ref, assets)}
    files.add("js/pages/ask.js")
    files |= _module_closure("js/pages/ask.js", assets)
    total = sum(len(assets.static[f].body) for f in files)
    print(f"ask page first load: {total} bytes of JS+CSS in {len(files)} files")
    assert {"app.css", "js/main.js", "js/vega-chart.js", "js/pages/ask.js"} <= files
    assert not any(f.startswith("vendor/") for f in files)
    assert total < ASK_PAGE_BUDGET


def test_the_chart_library_loads_only_when_a_chart_is_drawn(assets: WebAssets) -> None:
    chart = assets.static["js/vega-chart.js"].body.decode()
    assert _DYNAMIC_IMPORT.findall(chart) == ["../vendor/vega.js"]
    assert '"../vendor/vega.css"' in chart
    for rel, asset in assets.static.items():
        if rel.endswith(".js") and not rel.startswith("vendor/"):
            assert "vendor/" not in "".join(_IMPORT.findall(asset.body.decode())), rel
    # Big enough to be the real thing, and worth keeping off the first load.
    assert len(assets.static["vendor/vega.js"].body) > ASK_PAGE_BUDGET


def test_no_asset_refers_to_another_host(assets: WebAssets) -> None:
    for rel, asset in assets.static.items():
        if rel.endswith((".js", ".css")):
            text = asset.body.decode()
            assert not re.search(r"""(?:import|url\()\s*\(?["']?(?:https?:)?//""", text), rel
            if not rel.startswith("vendor/"):  # third-party code is checked in the browser
                assert "innerHTML" not in text, f"{rel}: build DOM nodes, never HTML strings"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/ask", "text/html; charset=utf-8"),
        ("/shared/abc123", "text/html; charset=utf-8"),
        ("/static/js/vega-chart.js", "text/javascript; charset=utf-8"),
        ("/static/app.css", "text/css; charset=utf-8"),
    ],
)
def test_text_responses_name_their_charset_once(
    client: TestClient[Litestar], path: str, content_type: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers.get_list("content-type") == [content_type]


def test_text_assets_are_sent_compressed_with_their_own_etags(
    client: TestClient[Litestar], assets: WebAssets
) -> None:
    path = f"/static/{assets.version}/vendor/vega.js"
    raw = (STATIC_DIR / "vendor" / "vega.js").read_bytes()
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    br = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    gz = client.get(path, headers={"Accept-Encoding": "gzip;q=1, br;q=0"})
    assert "content-encoding" not in plain.headers
    assert br.headers["content-encoding"] == "br"
    assert gz.headers["content-encoding"] == "gzip"
    # httpx decodes both: the same bytes arrive, in a third of the size or less.
    assert plain.content == br.content == gz.content == raw
    assert int(br.headers["content-length"]) < len(raw) / 3
    assert all(r.headers["vary"] == "Accept-Encoding" for r in (plain, br, gz))
    etags = {r.headers["etag"] for r in (plain, br, gz)}
    assert len(etags) == 3
    again = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": br.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["content-encoding"] == "br"
    # A page is compressed too; a tiny file is not worth it.
    assert client.get("/ask", headers={"Accept-Encoding": "br"}).headers["content-encoding"]
    favicon = client.get("/static/favicon.svg", headers={"Accept-Encoding": "br"})
    assert "content-encoding" not in favicon.headers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip;q=0.5", {"gzip"}),
        ("GZIP ; q=1", {"gzip"}),
        ("br;q=nonsense", set()),
        ("", set()),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, expected: set[str]) -> None:
    assert accepted_encodings(header) == expected


def test_a_shared_answer_page_carries_its_link_preview(assets: WebAssets) -> None:
    known = "k" * 20

    async def lookup(state: object, token: str) -> SharedPreview | None:
        del state
        if token != known:
            return None
        return SharedPreview(
            title='Who won "Baku" <2018>?', description="Lewis Hamilton won. " + "x " * 200
        )

    app = Litestar(route_handlers=[create_web_router(assets, shared_lookup=lookup)])
    with TestClient(app) as test_client:
        page = test_client.get(f"/shared/{known}")
        unknown = test_client.get(f"/shared/{'u' * 20}")
        short = test_client.get("/shared/abc")
    assert page.status_code == 200
    metas = {
        attrs.get("property") or attrs.get("name"): attrs.get("content")
        for tag, attrs in _parse(page.text).tags
        if tag == "meta"
    }
    assert metas["og:title"] == 'Who won "Baku" <2018>?'  # escaped in the HTML, read back whole
    assert "<2018>" not in page.text
    assert metas["og:description"].startswith("Lewis Hamilton won.")
    assert metas["og:description"].endswith("…") and len(metas["og:description"]) <= 300
    assert metas["og:url"] == f"http://testserver.local/shared/{known}"
    assert metas["og:type"] == "article" and metas["twitter:card"] == "summary"
    assert "{{head}}" not in page.text
    for missing in (unknown, short):
        assert missing.status_code == 404
        assert 'data-page="shared"' in missing.text  # the page explains, in words
        assert 'name="robots" content="noindex"' in missing.text
        assert "og:title" not in missing.text
