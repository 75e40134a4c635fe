"""File-menu actions of the main window: workspaces, sample company, import, export.

Workspaces open on the worker (opening may back up and upgrade one, or wait for a
server), never on the UI thread; the window shows the new workspace once it is open.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message

if TYPE_CHECKING:
    import sqlalchemy as sa

    from salesdesk.storage.workspace import Workspace
    from salesdesk.ui.main_window import MainWindow

WORKSPACE_FILTER = "SalesDesk workspace (*.sqlite *.salesdesk *.db);;All files (*)"
TABLE_FILTER = "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"
SAMPLE_WORKSPACE = "sample-company.sqlite"


def target_label(target: str | os.PathLike[str]) -> str:
    """What the window names while `target` opens (before the database layer is loaded):
    the file's full path, or the URL without its password."""
    text = os.fspath(target)
    if "://" not in text:
        return str(Path(text).expanduser().resolve())
    parts = urlsplit(text)
    if parts.password is None:
        return text
    host = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=f"{parts.username or ''}:***@{host}").geturl()


def workspace_is_empty(conn: sa.Connection) -> bool:
    """Read for ctx.read: no members and no accounts (runs on the worker)."""
    from salesdesk.storage.workspace import is_empty

    return is_empty(conn)


def open_at_start(window: MainWindow, target: str | os.PathLike[str]) -> None:
    """Open the workspace SalesDesk starts on, on the worker, once the window has been
    painted. If it cannot be opened the window stays, says why and offers the ways out."""
    window.show_opening(target_label(target))

    def open_now() -> None:
        if window.ctx is None and not window.ops.busy:  # else the user chose one meanwhile
            _open(window, target, create=True, label="",
                  on_error=lambda exc: window.show_open_failed(user_message(exc)))

    window.run_after_first_paint(open_now)


def _switch(window: MainWindow, target: str | os.PathLike[str], *, create: bool,
            then: Callable[[], None] | None = None) -> bool:
    """Open `target` on the worker and show it (then call `then`); on failure a message
    says why and the window keeps what it showed. Refused while the worker is busy: the
    current workspace must not close under a job. Returns whether opening started."""
    if window.ops.busy:
        QMessageBox.information(window, tr("Open workspace"), tr(
            "SalesDesk is still working on the current workspace. Open the other one when "
            "it has finished."))
        return False
    if window.ctx is None:
        window.show_opening(target_label(target))

    def failed(exc: BaseException) -> None:
        message = user_message(exc)
        window.show_open_failed(message)  # only changes the window while none is open
        QMessageBox.warning(window, tr("Open workspace"), message)

    _open(window, target, create=create, on_error=failed, then=then,
          label=tr("Opening the workspace… An older workspace is backed up and upgraded "
                   "first."))
    return True


def _open(window: MainWindow, target: str | os.PathLike[str], *, create: bool, label: str,
          on_error: Callable[[BaseException], None],
          then: Callable[[], None] | None = None) -> None:
    def job(_job: Any) -> Workspace:
        from salesdesk.storage.workspace import open_workspace

        return open_workspace(target, create=create)

    def opened(workspace: Workspace) -> None:
        if window.closed:  # the window closed while the workspace was opening
            workspace.close()
            return
        window.set_workspace(workspace)
        if workspace.backup is not None:
            window.statusBar().showMessage(tr("Workspace upgraded; the previous version was "
                                              "kept in {0}").format(workspace.backup), 15000)
        if then is not None:
            then()

    window.ops.run(job, label=label, parent_widget=window, on_done=opened, on_error=on_error)


def new_workspace(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, tr("New workspace"),
                                          str(Path.home() / "workspace.sqlite"),
                                          tr(WORKSPACE_FILTER))
    if not path:
        return
    if Path(path).exists():
        QMessageBox.warning(window, tr("New workspace"),
                            tr("{0} exists already. Use File > Open to open it.").format(path))
        return
    _switch(window, path, create=True)


def open_workspace_file(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, tr("Open workspace"), str(Path.home()),
                                          tr(WORKSPACE_FILTER))
    if path:
        _switch(window, path, create=False)


def open_shared(window: MainWindow) -> None:
    url, ok = QInputDialog.getText(
        window, tr("Open shared database"),
        tr("PostgreSQL URL (postgresql://user@server/database):"), QLineEdit.EchoMode.Normal,
        "postgresql://")
    if ok and url.strip():
        _switch(window, url.strip(), create=True)


def open_sample_company(window: MainWindow) -> None:
    """Import the sample into the current workspace when it is empty, otherwise (or when
    none is open) into a workspace of its own beside the default one, so it never mixes
    with real data."""
    if window.ctx is None:
        _open_sample_workspace(window)
        return
    window.ctx.read(workspace_is_empty, lambda empty: _import_sample(window) if empty
                    else _open_sample_workspace(window), window)


def _open_sample_workspace(window: MainWindow) -> None:
    from salesdesk.config import default_workspace

    def fill_if_new() -> None:  # an existing sample workspace is simply opened
        assert window.ctx is not None
        window.ctx.read(workspace_is_empty,
                        lambda empty: _import_sample(window) if empty else None, window)

    _switch(window, default_workspace().with_name(SAMPLE_WORKSPACE), create=True,
            then=fill_if_new)


def _import_sample(window: MainWindow) -> None:
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage.sample import sample_tables

    assert window.ctx is not None
    uow = window.ctx.uow
    window.ops.run(lambda _job: create_sample_company(uow, sample_tables()),
                   label=tr("Opening the sample company…"), parent_widget=window)


def import_file(window: MainWindow, kind: str) -> None:
    from salesdesk.ui.dialogs.import_report_dialog import ImportReportDialog

    path, _ = QFileDialog.getOpenFileName(window, tr("Import {0}").format(tr(kind)),
                                          str(Path.home()), tr(TABLE_FILTER))
    if not path:
        return
    assert window.ctx is not None
    uow = window.ctx.uow

    def job(_job: Any) -> Any:
        from salesdesk.services.import_catalog import import_accounts, import_products
        from salesdesk.services.import_deals import import_deals
        from salesdesk.services.import_team import import_team
        from salesdesk.storage.files import read_table

        run = {"team": import_team, "accounts": import_accounts, "products": import_products,
               "deals": import_deals}
        return run[kind](uow, read_table(path), progress=_job.progress)

    def failed(exc: BaseException) -> None:
        from salesdesk.services.imports import ImportCancelled

        if isinstance(exc, ImportCancelled):
            window.statusBar().showMessage(str(exc), 8000)
        else:
            ImportReportDialog.refused(window, Path(path).name, exc)

    window.ops.run(job, label=tr("Importing {0}…").format(Path(path).name),
                   parent_widget=window, cancellable=True,
                   on_done=lambda report: ImportReportDialog.ask(window, report),
                   on_error=failed)


def _export(window: MainWindow, title: str, default: str, writer: Any) -> None:
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path.home() / default),
                                          tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
    if not path:
        return
    assert window.ctx is not None
    engine = window.ctx.workspace.engine
    window.ops.run(lambda _job: writer(engine, Path(path)), label=tr("Exporting…"),
                   parent_widget=window,
                   on_done=lambda n: window.statusBar().showMessage(
                       tr("Exported {0} rows to {1}").format(n, path), 8000))


def export_team(window: MainWindow) -> None:
    from salesdesk.storage.export import export_team as writer

    _export(window, tr("Export team roster"), "team.xlsx", writer)


def export_accounts(window: MainWindow) -> None:
    from salesdesk.storage.export import export_accounts as writer

    _export(window, tr("Export accounts"), "accounts.xlsx", writer)


def workspace_settings(window: MainWindow) -> None:
    """Read the currency and the fiscal calendar, ask for new ones, save what changed (the
    reads and the saves on the worker)."""
    from salesdesk.services import workspace_settings as service
    from salesdesk.services.common import OpChanges
    from salesdesk.ui.dialogs.workspace_settings_dialog import (
        WorkspaceChoice,
        WorkspaceSettingsDialog,
    )

    assert window.ctx is not None
    uow = window.ctx.uow

    def save(old: WorkspaceChoice, new: WorkspaceChoice) -> OpChanges:
        changes = OpChanges()
        if new.currency != old.currency:
            changes |= service.set_currency(uow, new.currency)
        if new.calendar != old.calendar:
            c = new.calendar
            changes |= service.set_calendar(uow, c.fiscal_start, c.working_days, c.holidays)
        return changes

    def chosen(current: WorkspaceChoice) -> None:
        answer = WorkspaceSettingsDialog.ask(window, current.currency,
                                             service.known_currencies(), current.calendar)
        if answer is not None and answer != current:
            window.ops.run(lambda _job: save(current, answer), parent_widget=window)

    window.ops.run(lambda _job: WorkspaceChoice(service.currency(uow), service.calendar(uow)),
                   on_done=chosen, parent_widget=window)
