"""The main window: tabs, menus, status bar, undo stack, and workspace switching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk import __version__
from salesdesk.services.common import OpChanges
from salesdesk.storage.workspace import Workspace
from salesdesk.ui import actions
from salesdesk.ui.context import UiContext
from salesdesk.ui.empty_state import EmptyStateTab
from salesdesk.ui.ops import Ops
from salesdesk.ui.settings import UiSettings

TAB_NAMES = ("team", "territories", "leads", "pipeline", "forecast")


class MainWindow(QMainWindow):
    sig_workspace_opened = Signal(str)
    """A workspace is open in this window; carries its label."""

    def __init__(self, workspace: Workspace, settings: UiSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("SalesDesk"))
        self.settings = settings or UiSettings()
        self.ops = Ops(self)
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget(documentMode=True)
        self.banner = self._make_banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.workspace_label = QLabel()
        self.statusBar().addPermanentWidget(self.workspace_label)
        self._build_menus()
        self.ops.changes_did_happen.connect(self._on_changes)
        self.ctx: UiContext | None = None
        self.set_workspace(workspace)
        self._restore()
        self.tabs.currentChanged.connect(self._remember_tab)

    # --- workspace -------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        """Show `workspace` in this window (closing the previous one)."""
        previous = self.ctx.workspace if self.ctx else None
        self.ops.wait_for_done()
        self.undo_stack.clear()
        self.ctx = UiContext(workspace, self.ops, self.undo_stack, self.settings)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # rebuilding is not the user changing tabs
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        for name, widget in self._make_tabs(self.ctx):
            self.tabs.addTab(widget, name)
        self.tabs.setCurrentIndex(max(current, 0))
        self.tabs.blockSignals(False)
        kind = self.tr("shared PostgreSQL database") if workspace.shared else \
            self.tr("local workspace")
        self.workspace_label.setText(self.tr("{0}: {1}").format(kind, workspace.label))
        self.setWindowTitle(self.tr("SalesDesk — {0}").format(Path(workspace.label).name
                                                              if not workspace.shared
                                                              else workspace.label))
        if previous is not None and previous is not workspace:
            previous.close()
        self._check_empty()
        self.sig_workspace_opened.emit(workspace.label)

    def _make_tabs(self, ctx: UiContext) -> list[tuple[str, QWidget]]:
        from salesdesk.ui.team_tab import TeamTab
        from salesdesk.ui.territories_tab import TerritoriesTab

        self.team_tab = TeamTab(ctx)
        self.territories_tab = TerritoriesTab(ctx)
        return [
            (self.tr("Team"), self.team_tab),
            (self.tr("Territories"), self.territories_tab),
            (self.tr("Leads"), EmptyStateTab(self.tr("Lead board — not yet"), self.tr(
                "Leads will arrive here: import from marketing, sort into segments, score, "
                "and route each lead to the rep whose skills fit it. This part of SalesDesk "
                "has not been built yet."))),
            (self.tr("Pipeline"), EmptyStateTab(self.tr("Pipeline — not yet"), self.tr(
                "Deals will move through stages on a kanban board here, with stale deals, "
                "wins and losses. This part of SalesDesk has not been built yet."))),
            (self.tr("Forecast"), EmptyStateTab(self.tr("Forecast — not yet"), self.tr(
                "Forecasts for the week, month and quarter, their history and accuracy, and "
                "the analysis that finds where deals leak will live here. This part of "
                "SalesDesk has not been built yet."))),
        ]

    def tab_widget(self, name: str) -> QWidget:
        widget = self.tabs.widget(TAB_NAMES.index(name))
        assert widget is not None
        return widget

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    # --- empty workspace offer ---------------------------------------------------------
    def _make_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("emptyBanner")
        banner.setStyleSheet("#emptyBanner { background: #eef5ff; border-bottom: 1px solid "
                             "#c9dcf5; } QLabel { color: #1f3b5c; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 10, 16, 10)
        text = QLabel(self.tr("This workspace is empty. Start from the sample company (35 reps, "
                              "85 accounts) or import your own team."), wordWrap=True)
        self.sample_button = QPushButton(self.tr("Open the sample company"))
        self.sample_button.clicked.connect(lambda: actions.open_sample_company(self))
        import_button = QPushButton(self.tr("Import team…"))
        import_button.clicked.connect(lambda: actions.import_file(self, "team"))
        row.addWidget(text, 1)
        row.addWidget(import_button)
        row.addWidget(self.sample_button)
        banner.hide()
        return banner

    def _check_empty(self) -> None:
        from salesdesk.storage import queries

        assert self.ctx is not None
        self.ctx.read(queries.counts, lambda c: self.banner.setVisible(
            c["members"] == 0 and c["accounts"] == 0), self)

    # --- menus -------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(self.tr("&File"))
        keys = QKeySequence.StandardKey
        file_menu.addAction(self._action(self.tr("&New workspace…"),
                                         lambda: actions.new_workspace(self), keys.New))
        file_menu.addAction(self._action(self.tr("&Open workspace…"),
                                         lambda: actions.open_workspace_file(self),
                                         QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action(self.tr("Open &shared database…"),
                                         lambda: actions.open_shared(self)))
        file_menu.addAction(self._action(self.tr("Open the sample &company"),
                                         lambda: actions.open_sample_company(self)))
        file_menu.addAction(self._action(self.tr("Workspace &settings…"),
                                         lambda: actions.workspace_settings(self)))
        file_menu.addSeparator()
        imports = file_menu.addMenu(self.tr("&Import"))
        for kind, label in (("team", self.tr("Team members…")),
                            ("accounts", self.tr("Accounts…")),
                            ("products", self.tr("Products…"))):
            imports.addAction(self._action(label, lambda _=False, k=kind:
                                           actions.import_file(self, k)))
        exports = file_menu.addMenu(self.tr("&Export"))
        exports.addAction(self._action(self.tr("Team roster…"),
                                       lambda: actions.export_team(self)))
        exports.addAction(self._action(self.tr("Accounts and territories…"),
                                       lambda: actions.export_accounts(self)))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, keys.Quit))
        self.edit_menu = edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About SalesDesk"), self._about))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About SalesDesk"), self.tr(
            "<h3>SalesDesk {0}</h3><p>Team, territories, leads, pipeline and forecast for "
            "sales managers — on your laptop, offline included.</p>").format(__version__))

    # --- events ------------------------------------------------------------------------
    def _on_changes(self, changes: OpChanges) -> None:
        for i in range(self.tabs.count()):
            handler = getattr(self.tabs.widget(i), "on_changes", None)
            if handler is not None:
                handler(changes)
        if changes.summary:
            self.statusBar().showMessage(changes.summary, 8000)
        if changes.members or changes.accounts:
            self._check_empty()

    def _remember_tab(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES):
            self.settings.set_current_tab(TAB_NAMES[index])

    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        name = self.settings.current_tab()
        if name in TAB_NAMES:
            self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def settle(self, timeout_ms: int = 30_000) -> None:
        """Wait until queued jobs ran and their results were delivered (screenshots, tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            self.ops.wait_for_done(max(1, int(deadline.remainingTime())))
            QCoreApplication.processEvents()
            if not self.ops.busy:
                QCoreApplication.processEvents()
                if not self.ops.busy:
                    return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self.ops.shutdown()
        if self.ctx is not None:
            self.ctx.workspace.close()
        super().closeEvent(event)


