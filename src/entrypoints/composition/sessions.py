"""Wiring for sessions: FastF1 source, snapshot store, the cached loader, analyses."""

from __future__ import annotations

from dependency_injector import containers, providers

from entrypoints.settings import Settings


class SessionsContainer(containers.DeclarativeContainer):
    """Filled in with the FastF1 adapter, the snapshot store and the session loader."""

    settings = providers.Dependency(instance_of=Settings)
