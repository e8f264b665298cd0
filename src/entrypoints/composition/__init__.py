"""The composition root: the only place that imports adapters and wires them to use cases.

Each part of the system has its own sub-container module; ``Container`` (in ``root``)
composes them around one ``Settings`` object. Drivers (HTTP, notebook, the CLI's database
commands) call ``bootstrap()`` and then ask the container for use cases; tests
``override()`` providers with fakes. One-shot commands that need no database (``f1 ask``,
``f1 sessions``, ...) use ``oneshot`` instead, which imports neither dependency-injector
nor SQLAlchemy.

``Container`` and ``bootstrap`` are loaded on first access, so importing a sub-module
(``entrypoints.composition.oneshot``) does not pay for the whole root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entrypoints.composition.root import Container, bootstrap

__all__ = ["Container", "bootstrap"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from entrypoints.composition import root

        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
