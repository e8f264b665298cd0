"""The OpenAPI page under ``/schema``: Swagger UI from the app's own vendored files.

Litestar's render plugins load their UI from a CDN and start it with an inline script,
both of which the service's CSP (``script-src 'self'``) refuses, so the page was blank.
This one links ``vendor/swagger-ui.{js,css}`` and ``js/openapi.js`` under the versioned
static prefix; the document's URL travels in a data attribute.
"""

from __future__ import annotations

from html import escape
from typing import Any

from litestar import Request
from litestar.openapi.plugins import OpenAPIRenderPlugin


class SelfHostedSwaggerPlugin(OpenAPIRenderPlugin):
    """Swagger UI with no inline code and no request outside the origin."""

    def __init__(self, *, static_prefix: str, title: str, path: str = "/") -> None:
        super().__init__(path=path, favicon="", style="")
        self.static_prefix = static_prefix
        self.title = title

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        """The page; the browser fetches the document itself (``openapi.json``)."""
        static = escape(self.static_prefix)
        spec_url = escape(self.get_openapi_json_route(request))
        return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(self.title)}</title>
<link rel="icon" href="{static}/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{static}/vendor/swagger-ui.css">
<script src="{static}/vendor/swagger-ui.js" defer></script>
<script src="{static}/js/openapi.js" defer></script>
</head>
<body>
<div id="swagger-ui" data-spec-url="{spec_url}"></div>
</body>
</html>
""".encode()
