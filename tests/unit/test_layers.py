"""Imports flow one way: ui -> services -> domain <- storage (STYLE.md)."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import salesdesk

PACKAGE = Path(salesdesk.__file__).resolve().parent
DOMAIN_EXTRA = {"numpy"}
SERVICES_FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "psycopg",
                      "pyqtgraph", "salesdesk.ui", "salesdesk.storage")


def imported_modules(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import, at any depth, relative ones resolved,
    plus importlib.import_module("...") / __import__("...") with a literal name."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            yield node.lineno, name
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ast.unparse(node.func) in ("importlib.import_module", "import_module",
                                             "__import__")):
            yield node.lineno, node.args[0].value


def modules_under(folder: str) -> list[tuple[str, Path]]:
    root = PACKAGE / folder
    return [(f"salesdesk.{folder}." + ".".join(p.relative_to(root).with_suffix("").parts), p)
            for p in sorted(root.rglob("*.py"))]


def domain_violations(source: str, module: str) -> list[str]:
    bad = []
    for line, name in imported_modules(source, module):
        top = name.split(".")[0]
        if top == "salesdesk":
            if not (name == "salesdesk.domain" or name.startswith("salesdesk.domain.")):
                bad.append(f"{module}:{line} imports {name}")
        elif top not in sys.stdlib_module_names and top not in DOMAIN_EXTRA:
            bad.append(f"{module}:{line} imports {name}")
    return bad


def services_violations(source: str, module: str) -> list[str]:
    return [f"{module}:{line} imports {name}" for line, name in imported_modules(source, module)
            if any(name == f or name.startswith(f + ".") for f in SERVICES_FORBIDDEN)]


def test_the_walk_sees_the_modules() -> None:
    names = {m for m, _ in modules_under("domain")}
    assert {"salesdesk.domain.members", "salesdesk.domain.territories"} <= names
    assert "salesdesk.services.team" in {m for m, _ in modules_under("services")}


@pytest.mark.parametrize("source", [
    "import PySide6.QtCore",
    "from sqlalchemy import select",
    "def f():\n    import openpyxl",
    "from pyqtgraph import PlotWidget",
    "import alembic",
    "from psycopg import sql",
    "from rapidfuzz import fuzz",
    "from ..storage import files",
    "from salesdesk.services.common import OpChanges",
    "import importlib\nimportlib.import_module('PySide6')",
])
def test_the_checker_catches_forbidden_imports(source: str) -> None:
    assert domain_violations(source, "salesdesk.domain.example")


@pytest.mark.parametrize("source", [
    "import re\nfrom decimal import Decimal", "import numpy as np",
    "from .errors import ValidationError", "from salesdesk.domain.entity import Entity",
    "from __future__ import annotations",
])
def test_the_checker_allows_stdlib_numpy_and_domain(source: str) -> None:
    assert domain_violations(source, "salesdesk.domain.example") == []


def test_domain_imports_only_the_standard_library_and_numpy() -> None:
    bad = [v for module, path in modules_under("domain")
           for v in domain_violations(path.read_text(encoding="utf-8"), module)]
    assert bad == []


def test_services_import_neither_qt_nor_the_database() -> None:
    assert services_violations("from PySide6.QtCore import QObject", "salesdesk.services.x")
    assert services_violations("from ..storage.uow import SqlUnitOfWork", "salesdesk.services.x")
    bad = [v for module, path in modules_under("services")
           for v in services_violations(path.read_text(encoding="utf-8"), module)]
    assert bad == []
