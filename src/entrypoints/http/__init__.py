"""The HTTP driver: a Litestar API over the same use cases as the CLI and the notebook.

``create_app(container=None)`` builds the app; ``f1 serve`` runs it under uvicorn.
"""

from entrypoints.http.app import create_app

__all__ = ["create_app"]
