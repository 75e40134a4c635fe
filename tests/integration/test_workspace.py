"""Opening a workspace: create at head, SQLite pragmas, refusals, backup before upgrade."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.services.team import add_team
from salesdesk.storage import workspace as workspace_module
from salesdesk.storage.engine import BUSY_TIMEOUT_MS, WorkspaceLocationError
from salesdesk.storage.engine import workspace_url as to_url
from salesdesk.storage.workspace import (
    SCHEMA_HEAD,
    Workspace,
    WorkspaceError,
    WorkspaceTooNewError,
    current_revision,
    head_revision,
    open_workspace,
)

OpenWs = Callable[..., Workspace]
NEXT = "9002"  # the test revision added on top of the shipped ones

SECOND_REVISION = f'''"""teams get a colour"""
import sqlalchemy as sa
from alembic import op

revision = "{NEXT}"
down_revision = "{SCHEMA_HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teams") as batch_op:
        batch_op.add_column(sa.Column("colour", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("colour")
'''


def _raw_engine(target: str) -> sa.Engine:
    """An engine without SalesDesk's checks, to set a database up as a test needs it."""
    return sa.create_engine(to_url(target))


def _execute(target: str, *statements: str) -> None:
    engine = _raw_engine(target)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _tables(target: str) -> set[str]:
    engine = _raw_engine(target)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _folder_digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_new_workspace_is_created_at_the_newest_schema(workspace: Workspace) -> None:
    assert current_revision(workspace.engine) == head_revision()
    assert {"members", "teams", "accounts", "products", "change_log"} <= set(
        sa.inspect(workspace.engine).get_table_names())
    assert workspace.backup is None


def test_reopening_a_current_workspace_changes_nothing(open_ws: OpenWs) -> None:
    open_ws().close()
    again = open_ws()
    assert current_revision(again.engine) == head_revision()
    assert again.backup is None


def test_sqlite_connections_get_wal_normal_sync_foreign_keys_and_busy_timeout(
        tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "workspace.sqlite")
    try:
        ws.engine.dispose()  # the pragmas must hold on every new connection, not the first
        with ws.engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 1  # NORMAL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    finally:
        ws.close()


def test_a_workspace_from_a_newer_salesdesk_is_refused_and_untouched(
        open_ws: OpenWs, workspace_url: str, backend: str) -> None:
    open_ws().close()
    _execute(workspace_url, "UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    folder = Path(workspace_url).parent
    before = _folder_digest(folder) if backend == "sqlite" else _tables(workspace_url)

    with pytest.raises(WorkspaceTooNewError, match="newer SalesDesk"):
        open_ws()

    after = _folder_digest(folder) if backend == "sqlite" else _tables(workspace_url)
    assert after == before  # same bytes (SQLite), no backup beside it, same tables
    engine = _raw_engine(workspace_url)
    try:
        assert current_revision(engine) == "f00dcafe9999"
    finally:
        engine.dispose()


def test_a_database_of_another_application_is_refused_and_untouched(
        open_ws: OpenWs, workspace_url: str) -> None:
    _execute(workspace_url, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)",
             "INSERT INTO invoices (id, total) VALUES (1, 100)")

    with pytest.raises(WorkspaceError, match="not a SalesDesk workspace"):
        open_ws()

    assert _tables(workspace_url) == {"invoices"}


def test_opening_a_missing_sqlite_file_without_create_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "workspace.sqlite"
    with pytest.raises(WorkspaceLocationError, match="no workspace"):
        open_workspace(target, create=False)
    assert not target.parent.exists()


@pytest.fixture
def migrations_with_next(tmp_path: Path) -> Path:
    """A copy of the real migrations plus a revision NEXT that adds teams.colour. Point
    workspace.MIGRATIONS at it (monkeypatch) to make NEXT the newest schema."""
    return _migrations_with(tmp_path, SECOND_REVISION)


def _migrations_with(tmp_path: Path, next_revision: str) -> Path:
    copy = tmp_path / "migrations"
    shutil.copytree(workspace_module.MIGRATIONS, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / f"{NEXT}_next.py").write_text(next_revision)
    return copy


def test_an_older_workspace_is_backed_up_upgraded_and_checked(
        open_ws: OpenWs, workspace_url: str, backend: str, migrations_with_next: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    old = open_ws()
    assert current_revision(old.engine) == SCHEMA_HEAD
    with old.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('currency', 'EUR')")
    old.close()
    monkeypatch.setattr(workspace_module, "MIGRATIONS", migrations_with_next)

    ws = open_ws()

    assert head_revision() == NEXT
    assert current_revision(ws.engine) == NEXT
    columns = {c["name"] for c in sa.inspect(ws.engine).get_columns("teams")}
    assert "colour" in columns
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM settings").scalar() == "EUR"
    if backend == "postgresql":
        assert ws.backup is None  # upgrades run in one transaction instead
        return
    assert ws.backup is not None and ws.backup.exists()
    assert ws.backup.parent == Path(workspace_url).parent
    assert ws.backup.name.startswith(f"workspace.backup-{SCHEMA_HEAD}-")
    _assert_valid_sqlite_at_head(ws.backup)


def _assert_valid_sqlite_at_head(path: Path, settings: list[tuple[str]] | None = None) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stamp = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        assert stamp == [(SCHEMA_HEAD,)]
        expected = [("EUR",)] if settings is None else settings
        assert conn.execute("SELECT value FROM settings").fetchall() == expected
        columns = {row[1] for row in conn.execute("PRAGMA table_info(teams)")}
        assert "colour" not in columns
    finally:
        conn.close()


def test_a_failed_upgrade_leaves_the_workspace_as_it_was(
        open_ws: OpenWs, workspace_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Both backends run the whole upgrade in one transaction (SQLite through an explicit
    # BEGIN IMMEDIATE on the migration connection), so a failing step undoes the others.
    open_ws().close()
    failing = SECOND_REVISION.replace(
        'batch_op.add_column(sa.Column("colour", sa.String(20), nullable=True))',
        'batch_op.add_column(sa.Column("colour", sa.String(20), nullable=True))\n'
        '    raise RuntimeError("migration bug")')
    monkeypatch.setattr(workspace_module, "MIGRATIONS", _migrations_with(tmp_path, failing))

    with pytest.raises(WorkspaceError, match="migration bug.*left at its previous version"):
        open_ws()

    engine = _raw_engine(workspace_url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
        assert "colour" not in {c["name"] for c in sa.inspect(engine).get_columns("teams")}
    finally:
        engine.dispose()


def test_an_upgrade_that_finds_broken_references_is_reported_and_backed_up(
        tmp_path: Path, migrations_with_next: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "workspace.sqlite"
    open_workspace(target).close()
    conn = sqlite3.connect(target)  # foreign keys off: as a crash or an old bug could leave it
    with conn:
        conn.execute("INSERT INTO members (id, name, role, team_id, capacity, skills, "
                     "created_at, updated_at, updated_by) VALUES ('m1', 'Ann', 'rep', "
                     "'no-such-team', 40, '{}', '2026-01-01', '2026-01-01', 'x')")
    conn.close()
    monkeypatch.setattr(workspace_module, "MIGRATIONS", migrations_with_next)

    with pytest.raises(WorkspaceError, match="integrity check.*1 broken reference"):
        open_workspace(target)

    backups = list(tmp_path.glob(f"workspace.backup-{SCHEMA_HEAD}-*.sqlite"))
    assert len(backups) == 1
    _assert_valid_sqlite_at_head(backups[0], settings=[])


def test_a_sqlite_file_on_a_network_share_is_refused(
        open_ws: OpenWs, workspace_url: str, backend: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Path] = []

    def on_nfs(path: Path, mounts_text: str | None = None) -> str:
        seen.append(path)
        return "it is on a network file system (nfs4)"

    monkeypatch.setattr(workspace_module, "network_share_reason", on_nfs)
    if backend == "postgresql":
        ws = open_ws()  # a server database is shared by design: no file-system check
        assert current_revision(ws.engine) == head_revision()
        assert seen == []
        return

    with pytest.raises(WorkspaceLocationError) as caught:
        open_ws()

    message = str(caught.value)
    assert "network share" in message and "nfs4" in message
    assert "PostgreSQL" in message
    assert seen == [Path(workspace_url)]
    assert not Path(workspace_url).exists()


def test_a_workspace_made_at_0001_upgrades_to_the_lead_index(
        open_ws: OpenWs, workspace_url: str, backend: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The real upgrade from 0001 to the head: data kept, index replaced, SQLite backup
    taken."""
    only_0001 = tmp_path / "migrations-0001"
    later = [f"{n:04d}_*" for n in range(2, 100)]
    shutil.copytree(workspace_module.MIGRATIONS, only_0001,
                    ignore=shutil.ignore_patterns("__pycache__", *later))
    monkeypatch.setattr(workspace_module, "MIGRATIONS", only_0001)
    old = open_ws()
    assert current_revision(old.engine) == "0001"
    add_team(old.uow, "Central")
    old.close()
    monkeypatch.undo()

    ws = open_ws()
    assert current_revision(ws.engine) == SCHEMA_HEAD
    indexes = {i["name"] for i in sa.inspect(ws.engine).get_indexes("leads")}
    assert "ix_leads_owner_status" in indexes and "ix_leads_owner" not in indexes
    with ws.uow() as uow:
        assert [t.name for t in uow.teams.list()] == ["Central"]
    assert (ws.backup is not None) == (backend == "sqlite")
