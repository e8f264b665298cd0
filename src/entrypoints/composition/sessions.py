"""Wiring for sessions: FastF1 source, snapshot store, the cached loader, analyses."""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.fastf1 import FastF1SessionSource
from adapters.snapshot import MsgpackSnapshotStore
from entrypoints.settings import Settings
from f1core.usecases.load_session import SessionLoader
from f1core.usecases.run_analysis import RunAnalysis
from f1core.usecases.session_summary import ShowSession


class SessionsContainer(containers.DeclarativeContainer):
    """The FastF1 adapter, the snapshot store and the session loader.

    ``source`` and ``loader`` are singletons: the source owns the one thread FastF1 may
    run in, and the loader's LRU and single-flight table only work if shared. Building
    the source imports neither FastF1 nor pandas; that happens on its first load.
    """

    settings = providers.Dependency(instance_of=Settings)

    source = providers.Singleton(
        FastF1SessionSource,
        cache_dir=settings.provided.fastf1_cache_dir,
        replay_dir=settings.provided.fastf1_replay_dir,
    )
    snapshots = providers.Singleton(MsgpackSnapshotStore, root=settings.provided.data_dir)
    loader = providers.Singleton(
        SessionLoader,
        source=source,
        snapshots=snapshots,
        lru_size=settings.provided.session_lru_size,
    )

    show_session = providers.Factory(ShowSession, loader=loader)
    run_analysis = providers.Factory(RunAnalysis, loader=loader)
