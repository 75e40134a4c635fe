"""Storage tests run against a real SQLite file and a real PostgreSQL server, never a mock.

`postgres_server` (session) starts a throwaway PostgreSQL (see pgserver.py) and always
stops it and deletes its folder at the end. Without the binaries the PostgreSQL tests are
skipped, except under CI=true, where they fail: CI never silently drops a backend.

`workspace_url` is parametrized over both backends and gives each test a fresh, empty
workspace target: a file path under tmp_path, or a postgresql:// URL of a database
created for the test and dropped after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from salesdesk.storage.workspace import Workspace, open_workspace

from .pgserver import PostgresServer, running_server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    with running_server() as server:
        yield server


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def workspace_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty workspace target: a SQLite path, or a postgresql:// URL of a new
    database (dropped after the test, even if a connection was left open)."""
    if request.param == "sqlite":
        yield str(tmp_path / "workspace.sqlite")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"ws_{uuid.uuid4().hex[:16]}"
    server.admin(f'CREATE DATABASE "{name}"')
    try:
        yield server.url_for(name)
    finally:
        server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def backend(workspace_url: str) -> str:
    """'sqlite' or 'postgresql': which backend this run of the test is on."""
    return "postgresql" if "://" in workspace_url else "sqlite"


@pytest.fixture
def open_ws(workspace_url: str) -> Iterator[Callable[..., Workspace]]:
    """open_workspace(workspace_url) (or another target). Every workspace opened is closed
    at teardown, before the test database is dropped."""
    opened: list[Workspace] = []

    def _open(target: Any = None, **kwargs: Any) -> Workspace:
        ws = open_workspace(workspace_url if target is None else target, **kwargs)
        opened.append(ws)
        return ws

    yield _open
    for ws in opened:
        ws.close()


@pytest.fixture
def workspace(open_ws: Callable[..., Workspace]) -> Workspace:
    """A new workspace at the newest schema, on this run's backend."""
    return open_ws()
