"""The web app: static pages and assets served by the HTTP service (see ``router``)."""

from entrypoints.web.router import WebAssets, create_web_router

__all__ = ["WebAssets", "create_web_router"]
