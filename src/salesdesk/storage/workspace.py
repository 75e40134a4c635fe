"""Opening a workspace: create, refuse, back up, migrate and check, in that order.

- A new (empty) workspace is created at the newest schema.
- A workspace made by a newer SalesDesk is refused and left untouched.
- An older workspace is upgraded after a backup copy (SQLite: VACUUM INTO beside the
  file); integrity is checked after. PostgreSQL upgrades run in one transaction (its DDL
  is transactional), so a failed upgrade leaves the shared database as it was.
- A SQLite file on a network share is refused: its locking is unreliable there.
- A file that is not a database (or is damaged) is refused and left untouched.

Opening a workspace that is already at SCHEMA_HEAD reads its stamp with plain SQL and
never imports alembic (with mako and pygments, ~130 ms at every start): alembic is loaded
only to create or upgrade a workspace, or to tell "made by a newer SalesDesk" apart.
On PostgreSQL, the upgrade holds a transaction-scoped advisory lock and reads the stamp
again once it has it, so two clients opening an old shared database migrate it once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from salesdesk.storage import checkpoints
from salesdesk.storage import tables as t
from salesdesk.storage.engine import (
    WorkspaceLocationError,
    build_engine,
    describe,
    is_shared,
    workspace_url,
)
from salesdesk.storage.network import network_share_reason
from salesdesk.storage.uow import SqlUnitOfWork, make_session_factory

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_SHIPPED_MIGRATIONS = MIGRATIONS
SCHEMA_HEAD = "0006"
MIGRATION_WAIT_MS = 60_000
"""The head of the shipped migrations (a test keeps the two equal). Add a migration:
raise this with it."""
MIGRATION_LOCK = 0x5A1E5DE5C0DE
"""pg_advisory_xact_lock key held while a shared database is created or upgraded."""


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
        if self.engine.dialect.name == "sqlite":
            checkpoints.wait(self.engine.url.database or "")
        self.engine.dispose()


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _scripts() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The head of the migration scripts, asked of alembic (tests, benchmarks)."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def _expected_head() -> str:
    """SCHEMA_HEAD for the shipped migrations; a test that points MIGRATIONS at another
    folder gets that folder's head."""
    return SCHEMA_HEAD if MIGRATIONS == _SHIPPED_MIGRATIONS else head_revision()


def current_revision(bind: sa.Engine | sa.Connection) -> str | None:
    """The schema revision stamped in the workspace, None when it has no alembic_version
    table (or an empty one). Plain SQL: no alembic."""
    if isinstance(bind, sa.Engine):
        with bind.connect() as conn:
            return current_revision(conn)
    if not sa.inspect(bind).has_table("alembic_version"):
        return None
    stamps = bind.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    # SalesDesk's migrations never branch: several stamps can only come from elsewhere,
    # and as an unknown revision they are refused.
    return ",".join(sorted(stamps)) or None


def _refuse_foreign(conn: sa.Connection, url: URL, current: str | None) -> None:
    """Refuse, before anything is written, a database this SalesDesk must not touch."""
    if current is None:
        if sa.inspect(conn).get_table_names():
            raise WorkspaceError(f"{describe(url)} holds tables that are not a SalesDesk "
                                 "workspace; it was left untouched.")
        return
    if current not in {s.revision for s in _scripts().walk_revisions()}:
        raise WorkspaceTooNewError(
            f"The workspace {describe(url)} was made by a newer SalesDesk (schema "
            f"{current}). Update SalesDesk to open it; it was left untouched.")


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
    # Another client may be creating or upgrading the same file: wait for it (an upgrade
    # of a big workspace can take a while) rather than fail on its lock.
    migrate = sa.create_engine(engine.url, poolclass=sa.pool.NullPool,
                               connect_args={"timeout": MIGRATION_WAIT_MS / 1000})

    @sa.event.listens_for(migrate, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")

    @sa.event.listens_for(migrate, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return migrate


def _upgrade(engine: sa.Engine, url: URL) -> None:
    """Create or upgrade the schema in one transaction that first locks out other clients
    (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE), then reads the stamp again:
    another client may have created or upgraded the schema while this one waited."""
    from alembic import command

    cfg = alembic_config()
    migrate = _migration_engine(engine)
    try:
        with migrate.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": MIGRATION_LOCK})
            current = current_revision(conn)
            if current == _expected_head():
                return
            _refuse_foreign(conn, url, current)
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
    except sa.exc.OperationalError as exc:  # unreachable server, locked or unreadable file
        engine.dispose()
        raise WorkspaceError(f"Cannot open the workspace {describe(url)}: "
                             f"{str(exc.orig).strip() or exc}") from exc
    except sa.exc.DatabaseError as exc:  # "file is not a database", a damaged file
        engine.dispose()
        raise WorkspaceError(f"{describe(url)} is not a SalesDesk workspace, or it is "
                             "damaged; it was left untouched.") from exc
    except Exception:
        engine.dispose()
        raise
    return Workspace(url, engine, make_session_factory(engine), backup)


def is_empty(conn: sa.Connection) -> bool:
    """No members and no accounts (the empty-workspace offer). Two EXISTS probes: the cost
    does not grow with the workspace, unlike counting its rows."""
    live = [sa.exists().where(table.c.deleted_at.is_(None)) for table in (t.members, t.accounts)]
    return not conn.execute(sa.select(sa.or_(*live))).scalar()


def _migrate(engine: sa.Engine, url: URL) -> Path | None:
    current = current_revision(engine)
    if current == _expected_head():
        return None
    backup = None
    if current is not None and engine.dialect.name == "sqlite":
        with engine.connect() as conn:  # a refused file gets no copy beside it
            _refuse_foreign(conn, url, current)
        backup = _backup_sqlite(engine, url, current)
    try:
        _upgrade(engine, url)
    except WorkspaceError:
        raise
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
