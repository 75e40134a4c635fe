"""File-menu actions of the main window: workspaces, sample company, import, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow

WORKSPACE_FILTER = "SalesDesk workspace (*.sqlite *.salesdesk *.db);;All files (*)"
TABLE_FILTER = "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"


def _switch(window: MainWindow, target: Any, *, create: bool) -> bool:
    from salesdesk.storage.workspace import open_workspace

    try:
        workspace = open_workspace(target, create=create)
    except Exception as exc:  # shown as words, never a traceback
        QMessageBox.warning(window, tr("Open workspace"), user_message(exc))
        return False
    window.set_workspace(workspace)
    if workspace.backup is not None:
        window.statusBar().showMessage(tr("Workspace upgraded; the previous version was kept "
                                          "in {0}").format(workspace.backup), 15000)
    return True


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
    """Import the sample into the current workspace when it is empty, otherwise into a
    workspace of its own beside the default one (it never mixes with real data)."""
    from salesdesk.config import default_workspace
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage import queries
    from salesdesk.storage.sample import sample_tables

    assert window.ctx is not None
    with window.ctx.workspace.engine.connect() as conn:
        counts = queries.counts(conn)
    if counts["members"] or counts["accounts"]:
        target = default_workspace().with_name("sample-company.sqlite")
        if not _switch(window, target, create=True):
            return
        with window.ctx.workspace.engine.connect() as conn:
            if queries.counts(conn)["members"]:
                return  # the sample workspace exists already: it is now open
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
        from salesdesk.services.import_team import import_team
        from salesdesk.storage.files import read_table

        run = {"team": import_team, "accounts": import_accounts, "products": import_products}
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
    from salesdesk.services import workspace_settings as service
    from salesdesk.ui.dialogs.workspace_settings_dialog import WorkspaceSettingsDialog

    assert window.ctx is not None
    uow = window.ctx.uow

    def chosen(current: str) -> None:
        code = WorkspaceSettingsDialog.ask(window, current, service.known_currencies())
        if code and code != current:
            window.ops.run(lambda _job: service.set_currency(uow, code), parent_widget=window)

    window.ops.run(lambda _job: service.currency(uow), on_done=chosen, parent_widget=window)
