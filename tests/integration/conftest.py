"""Fixtures for integration tests on the recorded FastF1 data (../shared/data).

The recorded data must be there: a missing folder fails the run rather than skipping it,
so a broken checkout cannot pass silently.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.contract.sql_backends import BACKENDS, Database, each_backend, emptied_engine

from adapters.fastf1 import FastF1SessionSource
from f1core.domain.session import Session, SessionRef

REPO_ROOT = Path(__file__).parents[2]


def recorded_replay_dir() -> Path:
    """The recorded FastF1 responses: F1_FASTF1_REPLAY_DIR, else ../shared/data/...."""
    configured = os.environ.get("F1_FASTF1_REPLAY_DIR")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared/data/fastf1-http-cache"
    if not path.is_dir():
        pytest.fail(f"recorded FastF1 data not found at {path}; set F1_FASTF1_REPLAY_DIR")
    return path


def embedded_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of an embedded ``f1`` (SQLite under ``data_dir``, offline
    interpreter, recorded FastF1 data, JSON logs), whatever the caller's shell set; then
    ``extra``."""
    env = {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        "F1_INTERPRETER": "offline",
        "F1_LOG_FORMAT": "json",
    }
    for name in (
        "OPENAI_API_KEY",
        "F1_REDIS_URL",
        "F1_DATABASE_URL",
        "F1_DATABASE_SCHEMA",
        "PROMETHEUS_MULTIPROC_DIR",
    ):
        env.pop(name, None)
    return env | extra


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The usual umask, 022: what a process creates is readable by all unless it says not."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture(scope="session")
def replay_dir() -> Path:
    return recorded_replay_dir()


@pytest.fixture(scope="module")
def fastf1_source(
    replay_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FastF1SessionSource]:
    """One FastF1 source per module, with its own (initially empty) parsed-data cache."""
    source = FastF1SessionSource(tmp_path_factory.mktemp("fastf1-cache"), replay_dir)
    yield source
    source.close()


@pytest.fixture(scope="module")
def load_recorded(fastf1_source: FastF1SessionSource) -> Callable[[SessionRef], Session]:
    """Load a recorded session once per module, however many tests ask for it."""
    loaded: dict[SessionRef, Session] = {}

    def load(ref: SessionRef) -> Session:
        if ref not in loaded:
            loaded[ref] = asyncio.run(fastf1_source.load(ref))
        return loaded[ref]

    return load


@pytest.fixture(scope="module")
def raw_fastf1(replay_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """FastF1's own session object (laps, results, race control; no telemetry), recorded.

    For expected values computed straight from FastF1's DataFrames with pandas, so a bug
    in the project's mapping or analysis cannot hide behind a value it computed itself.
    """
    import fastf1

    from adapters.fastf1.replay import configure_fastf1

    cache_dir = tmp_path_factory.mktemp("raw-fastf1")
    loaded: dict[tuple[int, str, str], Any] = {}

    def load(year: int, event: str, session: str) -> Any:
        key = (year, event, session)
        if key not in loaded:
            configure_fastf1(cache_dir, replay_dir)
            ff1 = fastf1.get_session(year, event, session)
            ff1.load(laps=True, telemetry=False, weather=False, messages=True)
            loaded[key] = ff1
        return loaded[key]

    return load


@pytest.fixture(scope="module", params=BACKENDS)
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A migrated database for the module, on SQLite and then on PostgreSQL."""
    yield from each_backend(request, tmp_path_factory, "sql")


@pytest.fixture
async def engine(database: Database) -> AsyncIterator[AsyncEngine]:
    """An engine on ``database`` with empty account tables."""
    async for emptied in emptied_engine(database):
        yield emptied
