"""Opening a workspace at start-up: cheap when it is current (no alembic), clear when it is
not a workspace, safe when two clients upgrade one shared database, and the network-share
check on macOS."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk.storage import workspace as workspace_module
from salesdesk.storage.network import filesystem_type, network_share_reason
from salesdesk.storage.workspace import (
    SCHEMA_HEAD,
    Workspace,
    WorkspaceError,
    current_revision,
    head_revision,
    is_empty,
    open_workspace,
)

OpenWs = Callable[..., Workspace]

# Revision 0002 for the concurrency test: it records each run in `settings`, so a second
# run would fail on the primary key (and on the column that exists already).
COUNTED_REVISION = f'''"""teams get a colour; each run is recorded"""
import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{SCHEMA_HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teams") as batch_op:
        batch_op.add_column(sa.Column("colour", sa.String(20), nullable=True))
    op.execute("INSERT INTO settings (key, value) VALUES ('migrated-0002', 'once')")


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("colour")
'''


def test_schema_head_is_the_head_of_the_shipped_migrations() -> None:
    assert workspace_module.MIGRATIONS == workspace_module._SHIPPED_MIGRATIONS
    assert head_revision() == SCHEMA_HEAD


def test_opening_a_current_workspace_does_not_import_alembic(tmp_path: Path) -> None:
    target = tmp_path / "workspace.sqlite"
    open_workspace(target).close()
    code = ("import sys\n"
            "from salesdesk.storage.workspace import open_workspace\n"
            f"open_workspace({str(target)!r}, create=False).close()\n"
            "print(sorted(m for m in ('alembic', 'mako', 'pygments') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.strip() == "[]"


def test_the_revision_is_read_with_plain_sql(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    try:
        assert current_revision(engine) is None  # no alembic_version table
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        assert current_revision(engine) is None  # an empty stamp
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('0001')")
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("just some text, not a database")

    with pytest.raises(WorkspaceError) as caught:
        open_workspace(notes, create=False)

    assert str(caught.value) == (f"{notes} is not a SalesDesk workspace, or it is damaged; "
                                 "it was left untouched.")
    assert notes.read_text() == "just some text, not a database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]  # no backup, no WAL


def test_the_empty_check_asks_exists_and_counts_nothing(workspace: Workspace) -> None:
    statements: list[str] = []

    def checked(conn: sa.Connection) -> bool:
        statements.clear()
        sa.event.listen(conn, "before_cursor_execute", record)
        try:
            return is_empty(conn)
        finally:
            sa.event.remove(conn, "before_cursor_execute", record)

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.lower())

    with workspace.engine.connect() as conn:
        assert checked(conn) is True
        assert len(statements) == 1 and "exists" in statements[0]
        assert "count(" not in statements[0]
        conn.exec_driver_sql(
            "INSERT INTO accounts (id, name, created_at, updated_at, updated_by) "
            "VALUES ('a1', 'Acme', '2026-01-01', '2026-01-01', 'test')")
        assert checked(conn) is False
        conn.rollback()


def _migrations_with_counted_0002(tmp_path: Path) -> Path:
    copy = tmp_path / "migrations"
    shutil.copytree(workspace_module.MIGRATIONS, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / "9002_counted.py").write_text(COUNTED_REVISION)
    return copy


def test_two_clients_opening_an_old_workspace_together_upgrade_it_once(
        open_ws: OpenWs, workspace_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_ws().close()  # a workspace at the shipped head
    monkeypatch.setattr(workspace_module, "MIGRATIONS", _migrations_with_counted_0002(tmp_path))
    # Both clients read the old stamp before either upgrades: without the lock and the second
    # look at the stamp, both would run 0002 and the second would fail.
    both_read_the_stamp = threading.Barrier(2, timeout=60)
    real_upgrade = workspace_module._upgrade

    def upgrade_together(engine: sa.Engine, url: Any) -> None:
        both_read_the_stamp.wait()
        real_upgrade(engine, url)

    monkeypatch.setattr(workspace_module, "_upgrade", upgrade_together)
    opened, failures = _open_from_two_threads(workspace_url)
    try:
        assert failures == [] and len(opened) == 2
        with opened[0].engine.connect() as conn:
            assert current_revision(conn) == "9002"
            runs = conn.exec_driver_sql(
                "SELECT count(*) FROM settings WHERE key = 'migrated-0002'").scalar()
        assert runs == 1
    finally:
        for ws in opened:
            ws.close()


# PostgreSQL only: it is where several clients share one database. On SQLite, two
# processes creating the same new file at the same instant still fail now and then with
# "database is locked" (seen in about one full run in three): not yet solved, so it is
# not asserted here rather than left flaky.
@pytest.mark.parametrize("workspace_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_two_clients_creating_a_workspace_together_create_it_once(
        workspace_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both find no schema; the second must not then take the first one's tables for
    # "tables that are not a SalesDesk workspace".
    both_found_nothing = threading.Barrier(2, timeout=60)
    real_upgrade = workspace_module._upgrade

    def upgrade_together(engine: sa.Engine, url: Any) -> None:
        both_found_nothing.wait()
        real_upgrade(engine, url)

    monkeypatch.setattr(workspace_module, "_upgrade", upgrade_together)
    opened, failures = _open_from_two_threads(workspace_url)
    try:
        assert failures == [] and len(opened) == 2
        assert current_revision(opened[0].engine) == SCHEMA_HEAD
    finally:
        for ws in opened:
            ws.close()


def _open_from_two_threads(target: str) -> tuple[list[Workspace], list[BaseException]]:
    opened: list[Workspace] = []
    failures: list[BaseException] = []

    def client() -> None:
        try:
            opened.append(open_workspace(target))
        except BaseException as exc:  # reported by the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=client) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return opened, failures


@pytest.mark.parametrize("workspace_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_postgresql_upgrades_take_the_advisory_lock(
        open_ws: OpenWs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_ws().close()
    monkeypatch.setattr(workspace_module, "MIGRATIONS", _migrations_with_counted_0002(tmp_path))
    statements: list[str] = []
    real_create = sa.create_engine

    def recording_engine(*args: Any, **kwargs: Any) -> sa.Engine:
        engine = real_create(*args, **kwargs)
        sa.event.listen(engine, "before_cursor_execute",
                        lambda _c, _cur, statement, *_a: statements.append(statement))
        return engine

    monkeypatch.setattr(sa, "create_engine", recording_engine)
    open_ws().close()
    locks = [i for i, s in enumerate(statements) if "pg_advisory_xact_lock" in s]
    assert len(locks) == 1
    assert any("alembic_version" in s for s in statements[locks[0]:])


# --- network shares on macOS (the output of /sbin/mount) -----------------------------
DARWIN_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)
//alice@nas.local/Sales on /Volumes/Sales (smbfs, nodev, nosuid, mounted by alice)
//alice@nas.local/Sales%20Team on /Volumes/Sales Team (smbfs, nodev, nosuid, mounted by alice)
afp_2bXk9Q0000@fileserver on /Volumes/Archive (afpfs, nodev, nosuid, mounted by alice)
https://dav.example.com/webdav/ on /Volumes/dav.example.com (webdav, nodev, noexec, nosuid, \
mounted by alice)
fileserver:/export/home on /Volumes/Backup (2) (nfs, nodev, nosuid, mounted by alice)
/dev/disk4s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(("path", "fs_type"), [
    ("/Volumes/Sales/workspace.sqlite", "smbfs"),
    ("/Volumes/Sales Team/deep/er/workspace.sqlite", "smbfs"),
    ("/Volumes/Archive/workspace.sqlite", "afpfs"),
    ("/Volumes/dav.example.com/workspace.sqlite", "webdav"),
    ("/Volumes/Backup (2)/workspace.sqlite", "nfs"),
])
def test_macos_network_shares_are_detected(path: str, fs_type: str) -> None:
    reason = network_share_reason(Path(path), DARWIN_MOUNT, platform="darwin")
    assert reason == f"it is on a network file system ({fs_type})"


@pytest.mark.parametrize("path", [
    "/Users/alice/Library/Application Support/SalesDesk/workspace.sqlite",  # apfs root
    "/Volumes/USB Stick/workspace.sqlite",                                   # local msdos
    "/Volumes/SalesX/workspace.sqlite",               # a name that only starts like a share
])
def test_macos_local_disks_are_not(path: str) -> None:
    assert network_share_reason(Path(path), DARWIN_MOUNT, platform="darwin") is None


def test_macos_mount_lines_give_the_mount_point_and_type() -> None:
    assert filesystem_type(Path("/Volumes/Backup (2)/x"), DARWIN_MOUNT, "darwin") == "nfs"
    assert filesystem_type(Path("/System/Volumes/Data/home/alice"), DARWIN_MOUNT,
                           "darwin") == "autofs"
    assert filesystem_type(Path("/Volumes/Sales"), "", "darwin") is None


@pytest.mark.skipif(sys.platform != "darwin", reason="runs /sbin/mount on macOS")
def test_macos_mount_is_read_on_a_mac() -> None:
    assert filesystem_type(Path(os.path.expanduser("~")), platform="darwin") is not None
