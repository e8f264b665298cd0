"""Every domain error declares how it reaches an HTTP client: its status and problem type."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import adapters
import entrypoints
import f1core
from entrypoints.http.problems import TITLES
from f1core.errors import F1Error

SRC = Path(__file__).resolve().parents[2] / "src"


def _every_error_class() -> list[type[F1Error]]:
    # Import every module first: an error class defined in a module nothing imported yet
    # would otherwise escape the check.
    for package in (f1core, adapters, entrypoints):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            # Alembic's scripts run only inside alembic (they read its context on import).
            if ".migrations" not in module.name:
                importlib.import_module(module.name)
    found: list[type[F1Error]] = []
    pending = list(F1Error.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


ERRORS = _every_error_class()


def _declares(cls: type[F1Error], name: str) -> bool:
    # Declared by the class itself or by a domain error between it and the base; the
    # base's own value is the fallback for a bare F1Error, not a declaration.
    return any(name in vars(k) for k in cls.__mro__ if k is not F1Error and issubclass(k, F1Error))


def test_the_enumeration_finds_the_errors_of_every_layer() -> None:
    modules = {cls.__module__.split(".")[0] for cls in ERRORS}
    assert {"f1core", "entrypoints"} <= modules
    assert len(ERRORS) >= 15


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__qualname__)
def test_every_error_declares_its_http_status_and_problem_type(cls: type[F1Error]) -> None:
    assert _declares(cls, "http_status"), f"{cls.__qualname__} declares no http_status"
    assert _declares(cls, "kind"), f"{cls.__qualname__} declares no kind"
    assert cls.http_status in TITLES and 400 <= cls.http_status < 600
    assert cls.kind.replace("_", "").isalpha() and cls.kind.islower()


def test_no_code_raises_the_bare_base_error() -> None:
    # A bare F1Error has no problem type of its own; raise the subclass that says what failed.
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name)
                and node.exc.func.id == "F1Error"
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []
