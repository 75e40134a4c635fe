"""Opening a workspace: create, refuse, back up, migrate and check, in that order.

- A new (empty) workspace is created at the newest schema.
- A workspace made by a newer SalesDesk is refused and left untouched.
- An older workspace is upgraded after a backup copy (SQLite: VACUUM INTO beside the
  file); integrity is checked after. PostgreSQL upgrades run in one transaction (its DDL
  is transactional), so a failed upgrade leaves the shared database as it was.
- A SQLite file on a network share is refused: its locking is unreliable there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from salesdesk.storage.engine import (
    WorkspaceLocationError,
    build_engine,
    describe,
    is_shared,
    workspace_url,
)
from salesdesk.storage.network import network_share_reason
from salesdesk.storage.uow import SqlUnitOfWork, make_session_factory

MIGRATIONS = Path(__file__).with_name("migrations")


class WorkspaceError(Exception):
    """The workspace cannot be opened; the message says why and what to do."""


class WorkspaceTooNewError(WorkspaceError):
    pass


@dataclass
class Workspace:
    url: URL
    engine: sa.Engine
    session_factory: sessionmaker[Session]
    backup: Path | None = None  # the copy taken before an upgrade, if one was

    @property
    def label(self) -> str:
        return describe(self.url)

    @property
    def shared(self) -> bool:
        return is_shared(self.url)

    def uow(self, actor: str | None = None) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.session_factory, actor)

    def close(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_location(url: URL, create: bool) -> None:
    if is_shared(url):
        return
    path = Path(url.database or "")
    reason = network_share_reason(path)
    if reason:
        raise WorkspaceLocationError(
            f"The workspace {path} cannot be used: {reason}. SQLite's file locking is "
            "unreliable on network shares and could corrupt it. Keep the workspace on this "
            "computer, or use a shared PostgreSQL database for the team (--db postgresql://...).")
    if not path.exists():
        if not create:
            raise WorkspaceLocationError(f"There is no workspace at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceLocationError(f"Cannot create the folder {path.parent}: "
                                         f"{exc.strerror}.") from exc
    elif not os.access(path, os.R_OK | os.W_OK):
        raise WorkspaceLocationError(f"The workspace {path} is not readable and writable.")


def _backup_sqlite(engine: sa.Engine, url: URL, revision: str) -> Path:
    source = Path(url.database or "")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = source.with_name(f"{source.stem}.backup-{revision}-{stamp}{source.suffix}")
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM INTO ?", (str(target),))
    return target


def _check_integrity(engine: sa.Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        broken_keys = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if result != "ok" or broken_keys:
        raise WorkspaceError(f"The workspace failed its integrity check after the upgrade "
                             f"({result}; {len(broken_keys)} broken references).")


def _migration_engine(engine: sa.Engine) -> sa.Engine:
    """SQLite: an engine whose transactions really cover DDL (pysqlite would otherwise
    commit schema changes one by one, so a failed upgrade could leave half a schema).
    Foreign keys are off while tables are rebuilt and checked after (_check_integrity)."""
    if engine.dialect.name != "sqlite":
        return engine
    migrate = sa.create_engine(engine.url, poolclass=sa.pool.NullPool)

    @sa.event.listens_for(migrate, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA busy_timeout=5000")

    @sa.event.listens_for(migrate, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return migrate


def _upgrade(engine: sa.Engine) -> None:
    cfg = alembic_config()
    migrate = _migration_engine(engine)
    try:
        with migrate.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        if migrate is not engine:
            migrate.dispose()


def open_workspace(target: str | os.PathLike[str] | URL, *, create: bool = True) -> Workspace:
    """Open (and if needed create or upgrade) a workspace. Raises WorkspaceError or
    WorkspaceLocationError with a message meant for the user."""
    url = target if isinstance(target, URL) else workspace_url(target)
    _check_location(url, create)
    engine = build_engine(url)
    try:
        backup = _migrate(engine, url)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise WorkspaceError(f"Cannot open the workspace {describe(url)}: "
                             f"{str(exc.orig).strip() or exc}") from exc
    except Exception:
        engine.dispose()
        raise
    return Workspace(url, engine, make_session_factory(engine), backup)


def _migrate(engine: sa.Engine, url: URL) -> Path | None:
    current, head = current_revision(engine), head_revision()
    if current == head:
        return None
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise WorkspaceTooNewError(
            f"The workspace {describe(url)} was made by a newer SalesDesk (schema "
            f"{current}). Update SalesDesk to open it; it was left untouched.")
    if current is None and sa.inspect(engine).get_table_names():
        raise WorkspaceError(f"{describe(url)} holds tables that are not a SalesDesk "
                             "workspace; it was left untouched.")
    backup = None
    if current is not None and engine.dialect.name == "sqlite":
        backup = _backup_sqlite(engine, url, current)
    try:
        _upgrade(engine)
    except Exception as exc:
        kept = f" A copy taken before the upgrade is at {backup}." if backup else ""
        raise WorkspaceError(
            f"Upgrading the workspace {describe(url)} failed ({exc}); it was left at its "
            f"previous version.{kept}") from exc
    try:
        _check_integrity(engine)
    except WorkspaceError as exc:
        if backup:
            raise WorkspaceError(f"{exc} The copy taken before the upgrade is at {backup}.") \
                from exc
        raise
    return backup
