"""Engine construction from configuration (never at import time)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url

from salesdesk.storage import checkpoints
from salesdesk.storage.mapping import start_mappers

BUSY_TIMEOUT_MS = 5000


class WorkspaceLocationError(Exception):
    """The workspace location is unusable (bad URL, network share, unreadable folder)."""


def workspace_url(target: str | os.PathLike[str]) -> URL:
    """A SQLite path or a postgresql:// URL -> SQLAlchemy URL with our drivers."""
    text = os.fspath(target)
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as exc:
        raise WorkspaceLocationError(f"'{text}' is neither a file path nor a database URL") \
            from exc
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite+pysqlite")
    raise WorkspaceLocationError(
        f"unsupported database '{backend}': use a SQLite file path or a postgresql:// URL")


def describe(url: URL) -> str:
    """What the status bar shows: file path, or server/database without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def is_shared(url: URL) -> bool:
    return url.get_backend_name() != "sqlite"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: switching to WAL locks
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # SQLite's own lower() folds ASCII only, so 'ÉQUIPE NORD' and 'équipe nord' differed
    # in name lookups, search and sort while PostgreSQL (with a UTF-8 LC_CTYPE) agreed.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _lower(value: str | bytes | int | float | None) -> str | bytes | None:
    """lower() for SQLite: Unicode case folding of text; NULL stays NULL, numbers become
    their text as with the built-in, blobs are left alone."""
    if value is None or isinstance(value, bytes):
        return value
    return str(value).casefold()


def build_engine(url: URL, *, echo: bool = False) -> sa.Engine:
    start_mappers()
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, echo=echo,
                                  connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        path = url.database or ""
        event.listen(engine, "checkin",
                     lambda dbapi_connection, _record: checkpoints.restore(
                         dbapi_connection, path))
        return engine
    return sa.create_engine(url, echo=echo, pool_pre_ping=True,
                            connect_args={"connect_timeout": 10})
