"""Project tasks: ``nox -s lint tests`` is what CI runs; ``nox -s bench`` prints figures."""

from __future__ import annotations

import os
from pathlib import Path

import nox

ROOT = Path(__file__).parent
SHARED_DATA = (ROOT.parent / "shared" / "data").resolve()
PYPROJECT = nox.project.load_toml("pyproject.toml")

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests"]
PYTHON = "3.11"


def _data_env(session: nox.Session) -> dict[str, str]:
    """Point the code at the recorded data and a scratch data dir inside the session."""
    data_dir = Path(session.create_tmp()) / "f1-data"
    return {
        "F1_FASTF1_REPLAY_DIR": str(SHARED_DATA / "fastf1-http-cache"),
        "F1_ERGAST_DIR": str(SHARED_DATA / "ergast-csv"),
        "F1_DATA_DIR": str(data_dir),
    }


def _install(session: nox.Session, *groups: str) -> None:
    deps = [d for g in groups for d in nox.project.dependency_groups(PYPROJECT, g)]
    session.install("-e", ".", *deps)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Unit, contract and integration tests (real FastF1 replay, SQLite, PostgreSQL)."""
    _install(session, "test")
    env = _data_env(session)
    if session.posargs:
        session.run("pytest", *session.posargs, env=env)
        return
    # The browser tests run in their own process: Playwright's sync API keeps an event
    # loop running in the main thread, which pytest-asyncio's tests cannot share.
    session.run("pytest", "-p", "no:cacheprovider", "--ignore=tests/e2e", env=env)
    session.run("pytest", "-p", "no:cacheprovider", "tests/e2e", env=env)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint + format), import-linter contracts, mypy --strict, vulture (dead code)."""
    _install(session, "lint", "test")
    session.run("ruff", "check", "src", "tests", "bench", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "bench", "noxfile.py")
    session.run("lint-imports")
    session.run("mypy")
    session.run("vulture")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks: one JSON line per case, with the comparison measured in the same run."""
    _install(session, "test")
    env = _data_env(session)
    session.run("python", "bench/bench_cli.py", env=env)
    session.run("python", "bench/bench_sessions.py", env=env)
    session.run("python", "bench/bench_archive.py", "--dump", env["F1_ERGAST_DIR"], env=env)
    session.run("python", "bench/bench_ask.py", "--dump", env["F1_ERGAST_DIR"], env=env)
    session.run("python", "bench/bench_http.py", env=env)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The main job on the embedded defaults: analyse a recorded session offline."""
    _install(session)
    env = {**_data_env(session), "F1_DATA_DIR": os.environ.get("F1_DATA_DIR", ".data")}
    session.run("f1", "session", "show", "2018", "Baku", "R", env=env)
    session.run("f1", "analyze", "fastest-lap", "2024", "Spanish GP", "Q", env=env)


@nox.session(python=False)
def vendor(session: nox.Session) -> None:
    """Rebuild the vendored browser bundles from web-build/'s lock; fail if they differ.

    The built files are committed (the service needs no npm); this proves they are what
    the lock builds. Needs node and npm.
    """
    with session.chdir(ROOT / "web-build"):
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        session.run("npm", "run", "build", external=True)
    session.run(
        "git", "diff", "--exit-code", "--", "src/entrypoints/web/static/vendor", external=True
    )
