"""The web app's pages and static assets as one Litestar ``Router``.

Everything is read into memory once when the router is built (the whole app is a few tens
of kilobytes), so a request is a dictionary lookup. Assets are addressed two ways:

- ``/static/v-<digest>/<path>``: the digest covers every asset, so these URLs never change
  meaning and are cached for a year (``immutable``). Pages link here, and the ES modules'
  relative imports inherit the versioned prefix, so one deploy never mixes old and new files.
- ``/static/<path>``: always the current file, revalidated with its ``ETag`` each time.

Text assets are sent brotli- or gzip-compressed when the browser accepts it, each encoding
compressed once on first request and kept (the chart bundle is 900 KB raw, 260 KB as
brotli); every encoding has its own ETag, as RFC 9110 asks of a strong validator.

Pages are one HTML shell per route; ``main.js`` loads the page's own module. No inline
script or style anywhere, so the service's ``default-src 'self'`` CSP holds.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from collections.abc import Awaitable, Callable, Mapping
from html import escape
from pathlib import Path
from typing import Any, Final

import brotli
import msgspec
from litestar import Request, Response, Router, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Redirect

from f1core.kinds.registry import SESSION_QUESTIONS

_HERE: Final = Path(__file__).parent
STATIC_DIR: Final = _HERE / "static"
PAGES_DIR: Final = _HERE / "pages"

SKIP_COMPRESSION: Final = "skip_compression"
"""Route ``opt`` key: the app's compression middleware leaves the response alone."""
_SHARE_TOKEN_LENGTH: Final = (16, 128)  # as the API's /api/v1/shared/{token} accepts
IMMUTABLE: Final = "public, max-age=31536000, immutable"
REVALIDATE: Final = "no-cache"

# Litestar appends "; charset=utf-8" to every text/* media type itself: naming it here too
# sent it twice.
_TYPES: Final[Mapping[str, str]] = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".html": "text/html",
    ".json": "application/json",
    ".ico": "image/x-icon",
    ".png": "image/png",
}


_COMPRESSIBLE: Final = ("text/", "application/json", "image/svg+xml")
# Below this, compressing costs more than it saves (and Litestar's middleware agrees).
_MIN_COMPRESS: Final = 500
# Brotli's best quality takes ~2.5 s per MB: worth it once for assets up to this size.
_BROTLI_MAX_QUALITY_BYTES: Final = 256 * 1024


class Asset(msgspec.Struct, frozen=True):
    """One file as served: its bytes, content type, strong ETag and content coding."""

    body: bytes
    content_type: str
    etag: str
    encoding: str | None = None


def accepted_encodings(header: str) -> set[str]:
    """The content codings an ``Accept-Encoding`` header allows (``q=0`` refuses one)."""
    accepted: set[str] = set()
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            weight = float(q)
        except ValueError:
            weight = 0.0
        if name and weight > 0:
            accepted.add(name.strip())
    return accepted


def _compress(asset: Asset, encoding: str) -> Asset:
    if encoding == "br":
        quality = 11 if len(asset.body) <= _BROTLI_MAX_QUALITY_BYTES else 9
        body = brotli.compress(asset.body, quality=quality, mode=brotli.MODE_TEXT)
    else:
        body = gzip.compress(asset.body, compresslevel=9, mtime=0)
    suffix = "-br" if encoding == "br" else "-gz"
    return Asset(body, asset.content_type, asset.etag[:-1] + suffix + '"', encoding)


class SharedPreview(msgspec.Struct, frozen=True):
    """What a link preview shows of a shared answer: the question and the answer's words."""

    title: str
    description: str


SharedLookup = Callable[[Any, str], Awaitable[SharedPreview | None]]
"""``(app state, share token)`` to the answer's preview, or None for an unknown link."""

_DESCRIPTION_CHARS: Final = 300


def preview_tags(preview: SharedPreview, url: str) -> str:
    """Open Graph and Twitter card tags (escaped) for a shared answer at ``url``."""
    description = preview.description
    if len(description) > _DESCRIPTION_CHARS:
        description = description[: _DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
    tags = {
        ("property", "og:type"): "article",
        ("property", "og:site_name"): "F1 analysis",
        ("property", "og:title"): preview.title,
        ("property", "og:description"): description,
        ("property", "og:url"): url,
        ("name", "twitter:card"): "summary",
        ("name", "description"): description,
    }
    lines = [f'<meta {kind}="{name}" content="{escape(v)}">\n' for (kind, name), v in tags.items()]
    return "".join(lines)


class Page(msgspec.Struct, frozen=True):
    """One page of the app: its route, the shell's title and its ``main`` fragment file."""

    name: str
    title: str
    needs_login: bool


PAGES: Final[tuple[Page, ...]] = (
    Page("ask", "Ask", needs_login=True),
    Page("login", "Log in", needs_login=False),
    Page("signup", "Sign up", needs_login=False),
    Page("history", "History", needs_login=True),
    Page("browse", "Browse", needs_login=True),
    Page("admin", "Admin", needs_login=True),
    Page("status", "Service status", needs_login=True),
    Page("shared", "Shared answer", needs_login=False),
)


def analyses_attribute() -> str:
    """The session kinds as Browse needs them (name, title, description, session kinds),
    as escaped JSON for a ``data-`` attribute: one list, the registry's, not a copy in JS."""
    catalog = [
        {
            "name": spec.name,
            "title": spec.title,
            "description": spec.description,
            "kinds": [str(kind) for kind in spec.session_kinds],
        }
        for spec in SESSION_QUESTIONS
    ]
    return escape(msgspec.json.encode(catalog).decode(), quote=True)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _content_type(path: Path) -> str:
    return (
        _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


class WebAssets:
    """The app's files, loaded and rendered once: static assets and the page shells."""

    def __init__(self, static_dir: Path = STATIC_DIR, pages_dir: Path = PAGES_DIR) -> None:
        self.static: dict[str, Asset] = {}
        self._encoded: dict[tuple[str, str], Asset] = {}
        self._lock = threading.Lock()
        for path in sorted(static_dir.rglob("*")):
            if path.is_file():
                body = path.read_bytes()
                rel = path.relative_to(static_dir).as_posix()
                self.static[rel] = Asset(body, _content_type(path), _etag(body))
        digest = hashlib.sha256()
        for rel, asset in self.static.items():
            digest.update(rel.encode() + b"\0" + asset.etag.encode())
        self.version = "v-" + digest.hexdigest()[:12]
        shell = (pages_dir / "_shell.html").read_text(encoding="utf-8")
        self.pages: dict[str, Asset] = {}
        self.shared_template = ""
        for page in PAGES:
            main = (pages_dir / f"{page.name}.html").read_text(encoding="utf-8")
            html = (
                shell.replace("{{title}}", page.title)
                .replace("{{page}}", page.name)
                .replace("{{needs_login}}", "true" if page.needs_login else "false")
                .replace("{{static}}", f"/static/{self.version}")
                .replace("{{main}}", main)
                .replace("{{analyses}}", analyses_attribute())
            )
            if page.name == "shared":
                self.shared_template = html
            body = html.replace("{{head}}", "").encode()
            self.pages[page.name] = Asset(body, _TYPES[".html"], _etag(body))

    def shared_page(self, preview: SharedPreview | None, url: str) -> Asset:
        """The shared-answer page, with link-preview tags when the answer exists."""
        head = preview_tags(preview, url) if preview else '<meta name="robots" content="noindex">\n'
        body = self.shared_template.replace("{{head}}", head).encode()
        return Asset(body, _TYPES[".html"], _etag(body))

    def encoded(self, asset: Asset, accept_encoding: str) -> Asset:
        """``asset`` in the best coding the client accepts (brotli, gzip), or as it is."""
        if len(asset.body) < _MIN_COMPRESS or not asset.content_type.startswith(_COMPRESSIBLE):
            return asset
        accepted = accepted_encodings(accept_encoding)
        encoding = "br" if "br" in accepted else "gzip" if "gzip" in accepted else None
        if encoding is None:
            return asset
        key = (asset.etag, encoding)
        with self._lock:  # one compression per asset and coding, however many ask at once
            found = self._encoded.get(key)
            if found is None:
                found = self._encoded[key] = _compress(asset, encoding)
        return found

    def lookup(self, path: str) -> tuple[Asset, str]:
        """The asset at ``path`` (with or without a version prefix) and its Cache-Control.

        Raises Litestar's ``NotFoundException`` for anything not in the bundle, which also
        answers any ``..`` trick: only names loaded at start-up can ever be served.
        """
        rel = path.lstrip("/")
        cache_control = REVALIDATE
        head, _, rest = rel.partition("/")
        if head.startswith("v-") and rest:
            rel = rest
            # An old page may ask for an old version: serve today's file, but don't let
            # a cache keep it under the old name for a year.
            cache_control = IMMUTABLE if head == self.version else REVALIDATE
        asset = self.static.get(rel)
        if asset is None:
            raise NotFoundException(f"no static file {path!r}")
        return asset, cache_control


def _respond(
    request: Request[Any, Any, Any],
    asset: Asset,
    cache_control: str,
    bundle: WebAssets,
    status: int = 200,
) -> Response[bytes]:
    original = asset
    asset = bundle.encoded(asset, request.headers.get("accept-encoding", ""))
    headers = {"ETag": asset.etag, "Cache-Control": cache_control}
    if asset.content_type.startswith(_COMPRESSIBLE) and len(original.body) >= _MIN_COMPRESS:
        headers["Vary"] = "Accept-Encoding"
    if asset.encoding:
        headers["Content-Encoding"] = asset.encoding
    if_none_match = request.headers.get("if-none-match", "")
    if asset.etag in {tag.strip() for tag in if_none_match.split(",")} or if_none_match == "*":
        return Response(b"", status_code=304, headers=headers)
    return Response(asset.body, status_code=status, media_type=asset.content_type, headers=headers)


def create_web_router(
    assets: WebAssets | None = None, *, path: str = "/", shared_lookup: SharedLookup | None = None
) -> Router:
    """The web app as a Router to mount in the app factory (``route_handlers=[...]``).

    Serves ``/`` (redirects to ``/ask``), one route per page, ``/shared/{token}`` and
    ``/static/...``. Pages that need a login check it in the browser, since the tokens
    live there; the API enforces access either way. ``shared_lookup`` finds a shared
    answer so its page carries Open Graph tags (link previews) and an unknown link is a
    404; without it every token gets the plain page.
    """
    bundle = assets or WebAssets()

    @get("/", include_in_schema=False, sync_to_thread=False)
    def index() -> Redirect:
        return Redirect("/ask", status_code=302)

    def page_handler(name: str) -> object:
        @get(f"/{name}", include_in_schema=False, sync_to_thread=False, name=f"web-{name}")
        def handler(request: Request[Any, Any, Any]) -> Response[bytes]:
            return _respond(request, bundle.pages[name], REVALIDATE, bundle)

        return handler

    @get("/shared/{token:str}", include_in_schema=False)
    async def shared(request: Request[Any, Any, Any], token: FromPath[str]) -> Response[bytes]:
        # The page's script reads the token from its own URL and fetches the answer.
        if shared_lookup is None:
            return _respond(request, bundle.pages["shared"], REVALIDATE, bundle)
        preview = None
        if _SHARE_TOKEN_LENGTH[0] <= len(token) <= _SHARE_TOKEN_LENGTH[1]:
            preview = await shared_lookup(request.app.state, token)
        url = str(request.base_url).rstrip("/") + "/shared/" + token
        # An unknown link is a 404, but still the page: it explains, in words.
        status = 200 if preview else 404
        return _respond(request, bundle.shared_page(preview, url), REVALIDATE, bundle, status)

    @get("/static/{file_path:path}", include_in_schema=False, sync_to_thread=False)
    def static(request: Request[Any, Any, Any], file_path: FromPath[str]) -> Response[bytes]:
        asset, cache_control = bundle.lookup(file_path)
        return _respond(request, asset, cache_control, bundle)

    handlers = [page_handler(p.name) for p in PAGES if p.name != "shared"]
    return Router(
        path=path,
        route_handlers=[index, shared, static, *handlers],  # type: ignore[list-item]
        # These responses come compressed already (``WebAssets.encoded``).
        opt={SKIP_COMPRESSION: True},
    )
