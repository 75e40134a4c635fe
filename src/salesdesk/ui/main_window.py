"""The main window: tabs, menus, status bar, undo stack, and workspace switching.

The window can exist before its workspace: it is shown (and painted) at once with its tabs
in an "Opening workspace…" state while the workspace opens on the worker (actions.
open_at_start), so nothing imported before the first paint loads the database layer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
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
from salesdesk.ui import actions
from salesdesk.ui.context import UiContext
from salesdesk.ui.empty_state import EmptyStateTab
from salesdesk.ui.ops import Ops, user_message
from salesdesk.ui.settings import UiSettings
from salesdesk.ui.tab_names import TAB_NAMES
from salesdesk.ui.workspace_state import WorkspaceStateTab

if TYPE_CHECKING:
    from salesdesk.services.common import OpChanges
    from salesdesk.storage.workspace import Workspace

FIRST_PAINT_FALLBACK_MS = 1000
"""run_after_first_paint waits no longer than this for a paint (a hidden window gets none)."""


class MainWindow(QMainWindow):
    sig_workspace_opened = Signal(str)
    """A workspace is open in this window; carries its label."""
    sig_workspace_failed = Signal(str)
    """The workspace the window started on could not be opened; carries the message."""

    def __init__(self, workspace: Workspace | None = None, settings: UiSettings | None = None):
        """Without `workspace`, the tabs say "Opening workspace…" until set_workspace (or
        show_open_failed) is called."""
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
        self.state_tabs: list[WorkspaceStateTab] = []
        self._painted = self.closed = False
        self._after_paint: list[Callable[[], None]] = []
        if workspace is None:
            self._show_without_workspace()
        else:
            self.set_workspace(workspace)
        self._restore()
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # --- workspace -------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        """Show `workspace` in this window (closing the previous one)."""
        previous = self.ctx.workspace if self.ctx else None
        self.ops.wait_for_done()
        self.undo_stack.clear()
        self.ctx = UiContext(workspace, self.ops, self.undo_stack, self.settings)
        self._replace_tabs(self._make_tabs(self.ctx))
        self.state_tabs = []
        for action in self._workspace_actions:
            action.setEnabled(True)
        kind = self.tr("shared PostgreSQL database") if workspace.shared else \
            self.tr("local workspace")
        self.workspace_label.setText(self.tr("{0}: {1}").format(kind, workspace.label))
        self.setWindowTitle(self.tr("SalesDesk — {0}").format(Path(workspace.label).name
                                                              if not workspace.shared
                                                              else workspace.label))
        if previous is not None and previous is not workspace:
            previous.close()
        self._check_empty()
        self._load_current_tab()
        self._freeze_forecasts(workspace)
        self.sig_workspace_opened.emit(workspace.label)

    def _freeze_forecasts(self, workspace: Workspace) -> None:
        """Freeze the forecasts of periods that started since the workspace was last
        open (services.forecast.freeze_due_snapshots), after the first tab's read; once
        per period, so usually one query."""
        def job(_job: Any) -> Any:
            from salesdesk.services.forecast import freeze_due_snapshots
            from salesdesk.storage.forecast_queries import SqlForecastSource

            return freeze_due_snapshots(SqlForecastSource(workspace.engine))

        self.ops.run(job, on_done=lambda _result: None,
                     on_error=lambda exc: self.statusBar().showMessage(
                         self.tr("Forecast snapshots were not frozen: {0}").format(
                             user_message(exc)), 8000))

    def _replace_tabs(self, tabs: list[tuple[str, QWidget]]) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # rebuilding is not the user changing tabs
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        for name, widget in tabs:
            self.tabs.addTab(widget, name)
        self.tabs.setCurrentIndex(max(current, 0))
        self.tabs.blockSignals(False)

    def _show_without_workspace(self) -> None:
        self.state_tabs = [WorkspaceStateTab() for _name in ("team", "territories",
                                                            "pipeline")]
        for state in self.state_tabs:
            state.open_button.clicked.connect(lambda: actions.open_workspace_file(self))
            state.new_button.clicked.connect(lambda: actions.new_workspace(self))
            state.sample_button.clicked.connect(lambda: actions.open_sample_company(self))
        team, territories, pipeline = self.state_tabs
        self._replace_tabs([(self.tr("Team"), team), (self.tr("Territories"), territories),
                            self._leads_tab(), (self.tr("Pipeline"), pipeline),
                            self._forecast_tab()])
        for action in self._workspace_actions:
            action.setEnabled(False)
        self.show_opening("")

    def show_opening(self, label: str) -> None:
        """While no workspace is open: say that `label` is being opened."""
        for state in self.state_tabs:
            state.show_opening(label)
        self.workspace_label.setText(self.tr("Opening workspace {0}…").format(label) if label
                                     else self.tr("Opening workspace…"))

    def show_open_failed(self, message: str) -> None:
        """While no workspace is open: say why it could not be opened and offer the ways
        out (open another, a new one, the sample company). The window stays open."""
        if self.ctx is not None:
            return
        for state in self.state_tabs:
            state.show_failed(message)
        self.workspace_label.setText(self.tr("No workspace is open"))
        if self.tabs.currentWidget() not in self.state_tabs:
            self.tabs.blockSignals(True)  # not the user's choice: the saved tab stays
            self.tabs.setCurrentIndex(0)
            self.tabs.blockSignals(False)
        self.sig_workspace_failed.emit(message)

    def _make_tabs(self, ctx: UiContext) -> list[tuple[str, QWidget]]:
        from salesdesk.ui.forecast_tab import ForecastTab
        from salesdesk.ui.lead_board_tab import LeadBoardTab
        from salesdesk.ui.pipeline_tab import PipelineTab
        from salesdesk.ui.team_tab import TeamTab
        from salesdesk.ui.territories_tab import TerritoriesTab

        self.team_tab = TeamTab(ctx)
        self.territories_tab = TerritoriesTab(ctx)
        self.lead_board_tab = LeadBoardTab(ctx)
        self.pipeline_tab = PipelineTab(ctx)
        self.forecast_tab = ForecastTab(ctx)
        return [(self.tr("Team"), self.team_tab),
                (self.tr("Territories"), self.territories_tab),
                (self.tr("Leads"), self.lead_board_tab),
                (self.tr("Pipeline"), self.pipeline_tab),
                (self.tr("Forecast"), self.forecast_tab)]

    def _leads_tab(self) -> tuple[str, QWidget]:
        """While no workspace is open (the LeadBoardTab needs one)."""
        return (self.tr("Leads"), EmptyStateTab(self.tr("Leads"), self.tr(
            "Open a workspace to import leads from marketing, sort them into segments, "
            "score them and route each lead to the rep whose skills fit it.")))

    def _forecast_tab(self) -> tuple[str, QWidget]:
        """While no workspace is open (the ForecastTab needs one)."""
        return (self.tr("Forecast"), EmptyStateTab(self.tr("Forecast"), self.tr(
            "Open a workspace to see what will close this week, month and quarter, how "
            "past forecasts compared with what was won, and where deals leak.")))

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
        assert self.ctx is not None
        self.ctx.read(actions.workspace_is_empty, self.banner.setVisible, self)

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
        settings_action = self._action(self.tr("Workspace &settings…"),
                                       lambda: actions.workspace_settings(self))
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        imports = file_menu.addMenu(self.tr("&Import"))
        for kind, label in (("team", self.tr("Team members…")),
                            ("accounts", self.tr("Accounts…")),
                            ("products", self.tr("Products…")),
                            ("deals", self.tr("Deals…"))):
            imports.addAction(self._action(label, lambda _=False, k=kind:
                                           actions.import_file(self, k)))
        exports = file_menu.addMenu(self.tr("&Export"))
        exports.addAction(self._action(self.tr("Team roster…"),
                                       lambda: actions.export_team(self)))
        exports.addAction(self._action(self.tr("Accounts and territories…"),
                                       lambda: actions.export_accounts(self)))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, keys.Quit))
        # What needs an open workspace: disabled while none is.
        self._workspace_actions = [settings_action, imports.menuAction(), exports.menuAction()]
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

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES):
            self.settings.set_current_tab(TAB_NAMES[index])
        self._load_current_tab()

    def _load_current_tab(self) -> None:
        """Tabs that load on first show (the Territories tab) load when they become
        current, even in a window that is not visible yet (tests, screenshots)."""
        load = getattr(self.tabs.currentWidget(), "ensure_loaded", None)
        if load is not None:
            load()

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
        self._load_current_tab()

    # --- first paint -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)  # once this paint is done

    def run_after_first_paint(self, fn: Callable[[], None]) -> None:
        """Call `fn` once the window has been painted for the first time, so the user
        sees it before slow work starts; after FIRST_PAINT_FALLBACK_MS at the latest."""
        self._after_paint.append(fn)
        QTimer.singleShot(0 if self._painted else FIRST_PAINT_FALLBACK_MS, self,
                          self._after_first_paint)

    def _after_first_paint(self) -> None:
        pending, self._after_paint = self._after_paint, []
        for fn in pending:
            if not self.closed:
                fn()

    def settle(self, timeout_ms: int = 30_000) -> None:
        """Wait until work waiting for the first paint started, queued jobs ran and their
        results were delivered (screenshots, tests, benchmarks)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        def pending() -> bool:
            return self.ops.busy or bool(self._after_paint)

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            self.ops.wait_for_done(max(1, int(deadline.remainingTime())))
            QCoreApplication.processEvents()
            if not pending():
                QCoreApplication.processEvents()
                if not pending():
                    return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.closed = True
        self._after_paint.clear()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self.ops.shutdown()
        if self.ctx is not None:
            self.ctx.workspace.close()
        super().closeEvent(event)


