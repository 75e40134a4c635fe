"""The Territories tab: the territory tree, the rules of the selected territory with a live
preview, its reps and accounts, coverage of the whole plan, and re-evaluation on demand.

Every database call runs on the worker (UiContext.read / edit / ops); every edit is
undoable through the main window's undo stack. Evaluating the rules over all accounts
shows progress when it takes a while and can be cancelled: a cancelled run writes nothing.
Nothing is read until the tab is first shown: the first screen does not need it.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.territories import Criterion
from salesdesk.services import territories as svc
from salesdesk.services.common import OpChanges
from salesdesk.storage.rows import RuleValues, TerritoryRow
from salesdesk.ui import territory_edits as edits
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.territory_dialog import TerritoryDialog
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.territory_tree_model import (
    TerritoryTreeModel,
    ancestors,
    path,
)
from salesdesk.ui.ops import user_message
from salesdesk.ui.territory_accounts import AccountsPanel
from salesdesk.ui.territory_coverage import CoveragePanel
from salesdesk.ui.territory_preview import RulePreview
from salesdesk.ui.territory_reps import RepsPanel
from salesdesk.ui.territory_rules import RuleEditor, RuleProblem

if TYPE_CHECKING:
    import sqlalchemy as sa

SPLITTER_KEY = "territories/main"
NOTICE = {"info": "color: #1f3b5c;", "warn": "color: #8a5300;"}


def load_territories(conn: sa.Connection) -> tuple[list[TerritoryRow], RuleValues]:
    """Read side of the tab (runs on the worker, where SQLAlchemy is imported)."""
    from salesdesk.storage import queries

    return queries.territories(conn), queries.rule_values(conn)


class TerritoriesTab(QWidget):
    sig_territories_loaded = Signal()
    """The tree was (re)loaded from the workspace."""
    sig_evaluation_finished = Signal(object)
    """A re-evaluation ended (done or cancelled); carries its EvaluationResult."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[TerritoryRow] = []
        self._current: TerritoryRow | None = None
        self._select_next: str | None = None
        self._rules_version: int | None = None  # the version the rule draft started from
        self._generation = 0
        self._loaded_once = False
        self._wanted = False  # shown at least once: from then on it loads and follows changes
        self._restoring = False
        self.evaluation_job: Any = None
        self._build()

    # --- building --------------------------------------------------------------------
    def _build(self) -> None:
        self.tree_model = TerritoryTreeModel(self)
        self.tree = QTreeView(uniformRowHeights=True, alternatingRowColors=True,
                              allColumnsShowFocus=True, expandsOnDoubleClick=False)
        self.tree.setModel(self.tree_model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(lambda _i: self.edit_territory())
        self.rule_editor, self.preview = RuleEditor(), RulePreview(self.ctx)
        self.reps, self.accounts = RepsPanel(self.ctx), AccountsPanel(self.ctx)
        self.coverage = CoveragePanel(self.ctx)
        self.rule_editor.sig_draft_changed.connect(self._draft_changed)
        self.rule_editor.sig_apply_requested.connect(self.apply_rules)
        self.coverage.sig_territory_activated.connect(self.select_territory)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        self.splitter.addWidget(self._left())
        self.splitter.addWidget(self._right())
        self.splitter.setStretchFactor(1, 1)
        saved = self.ctx.settings.splitter(SPLITTER_KEY)
        if saved is None or not self.splitter.restoreState(saved):
            self.splitter.setSizes([380, 1020])
        self.splitter.splitterMoved.connect(lambda *_a: self.ctx.settings.set_splitter(
            SPLITTER_KEY, self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.splitter, 1)
        self._shortcuts()
        self._update_buttons()

    def _toolbar(self) -> QHBoxLayout:
        self.add_button = QPushButton(tr("Add territory…"))
        self.add_sub_button = QPushButton(tr("Add sub-territory…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.delete_button = QPushButton(tr("Delete"))
        self.evaluate_button = QPushButton(tr("Re-evaluate rules"), toolTip=tr(
            "Land every account in the most specific territory whose rules it matches"))
        self.notice = QLabel(wordWrap=True)
        self.add_button.clicked.connect(lambda: self.add_territory(None))
        self.add_sub_button.clicked.connect(
            lambda: self.add_territory(self._current.id if self._current else None))
        self.edit_button.clicked.connect(self.edit_territory)
        self.delete_button.clicked.connect(self.delete_territory)
        self.evaluate_button.clicked.connect(self.evaluate)
        row = QHBoxLayout()
        for button in (self.add_button, self.add_sub_button, self.edit_button,
                       self.delete_button):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.notice, 1)
        row.addWidget(self.evaluate_button)
        return row

    def _left(self) -> QWidget:
        self.summary_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.summary_label.linkActivated.connect(
            lambda _link: self.details.setCurrentWidget(self.coverage))
        self.coverage.sig_summary_changed.connect(lambda text: self.summary_label.setText(
            f'<a href="coverage">{escape(text)}</a>'))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        return box

    def _right(self) -> QWidget:
        self.heading = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        rules = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        rules.addWidget(_padded(self.rule_editor))
        rules.addWidget(_padded(self.preview))
        rules.setSizes([600, 400])
        self.details = QTabWidget()
        self.details.addTab(rules, tr("Rules"))
        self.details.addTab(self.reps, tr("Reps"))
        self.details.addTab(self.accounts, tr("Accounts"))
        self.details.addTab(self.coverage, tr("Coverage (all territories)"))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        return box

    def _shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_territory),
                           (QKeySequence(Qt.Key.Key_F2), self.edit_territory)):
            action = QAction(self.tree)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)

    # --- loading ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Load on first show, or when the main window makes this its current tab."""
        if not self._wanted:
            self._wanted = True
            self.refresh()

    def on_changes(self, changes: OpChanges) -> None:
        if self._wanted and (changes.territories or changes.accounts or changes.members):
            self.refresh()

    def refresh(self) -> None:
        """Reload the tree (and what the selected territory shows) from the workspace."""
        self._generation += 1
        generation = self._generation
        self.ctx.read(load_territories, lambda result: self._loaded(generation, *result), self)

    def _loaded(self, generation: int, rows: list[TerritoryRow], values: RuleValues) -> None:
        if generation != self._generation:
            return
        keep = self._select_next or (self._current.id if self._current else None)
        self._select_next = None
        self._rows = rows
        self.rule_editor.set_known_values(values)
        self._restoring = True
        self.tree_model.set_rows(rows)
        self.tree.expandAll()
        index = self.tree_model.index_for_id(keep)
        if not index.isValid() and not self._loaded_once:
            index = self.tree_model.first_with_rules()
        self.tree.setCurrentIndex(index)
        self._restoring = False
        self._loaded_once = True
        self._show(self.tree_model.row_at(index))
        self.coverage.load(rows)
        self.sig_territories_loaded.emit()

    def territory_rows(self) -> list[TerritoryRow]:
        return list(self._rows)

    @property
    def current(self) -> TerritoryRow | None:
        return self._current

    def select_territory(self, territory_id: str) -> None:
        index = self.tree_model.index_for_id(territory_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        row = self.tree_model.row_at(current)
        leaving = self._current is not None and (row is None or row.id != self._current.id)
        if leaving and self.rule_editor.is_dirty() and not self._discard_draft():
            previous = self._current.id if self._current else ""
            QTimer.singleShot(0, lambda: self.select_territory(previous))
            return
        self._show(row)

    def _discard_draft(self) -> bool:
        name = self._current.name if self._current else ""
        answer = QMessageBox.question(
            self, tr("Unapplied rules"),
            tr("The rules of {0} were edited but not applied. Discard the changes?")
            .format(name), QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _show(self, row: TerritoryRow | None) -> None:
        same = row is not None and self._current is not None and row.id == self._current.id
        self._current = row
        self._update_buttons()
        if row is None:
            self.heading.setText(tr("<b>No territory selected</b>"))
            self.rule_editor.load([], [], enabled=False)
            self.preview.clear()
            self.reps.load(None)
            self.accounts.load(None)
            self.details.setCurrentWidget(self.coverage)
            return
        self.heading.setText(self._heading(row))
        above = list(reversed(ancestors(self._rows, row.id)))
        inherited = [(a.name, c) for a in above for c in a.criteria]
        names = [a.name for a in above]
        editor = self.rule_editor
        if same and editor.is_dirty():  # keep the user's draft
            if editor.saved != tuple(row.criteria):
                editor.mark_saved(row.criteria)  # Revert shows the rules as they are now
                self._set_notice(tr("The rules of {0} were changed elsewhere while you edited "
                                    "them: Apply will be refused; Revert shows them.")
                                 .format(row.name), "warn")
            editor.set_inherited(inherited, names)
        elif same and editor.saved == tuple(row.criteria):
            editor.set_inherited(inherited, names)
        else:
            editor.load(row.criteria, inherited, ancestors=names)
        if not editor.is_dirty():
            self._rules_version = row.version
        self._request_preview(at_once=True)
        self.reps.load(row)
        self.accounts.load(row, keep_place=same)
        self.details.setTabText(1, tr("Reps ({0})").format(len(row.reps)))
        self.details.setTabText(2, tr("Accounts ({0:,})").format(row.accounts))

    def _heading(self, row: TerritoryRow) -> str:
        where = path(self._rows, row) if row.parent_id else tr("top level")
        n = len(row.criteria)
        kind = tr("container") if not n else tr("1 criterion of its own") if n == 1 else \
            tr("{0} criteria of its own").format(n)
        return (f'<span style="font-size: 15px; font-weight: 600;">{escape(row.name)}</span>'
                f'&nbsp;&nbsp;<span style="color: #5f6b7a;">{escape(where)} · {kind}</span>')

    def _update_buttons(self) -> None:
        row = self._current
        self.add_sub_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None)
        has_children = row is not None and any(r.parent_id == row.id for r in self._rows)
        self.delete_button.setEnabled(row is not None and not has_children)
        self.delete_button.setToolTip(
            tr("Delete or move its sub-territories first") if has_children else "")

    def _draft_changed(self) -> None:
        if self._current is not None and not self.rule_editor.is_dirty():
            self._rules_version = self._current.version  # e.g. after Revert
        self._request_preview()

    def _request_preview(self, at_once: bool = False) -> None:
        row = self._current
        if row is None:
            return
        criteria: list[Criterion] | str
        try:
            criteria = self.rule_editor.draft()
        except RuleProblem as problem:
            criteria = str(problem)
        self.preview.request(row.name, row.parent_id, criteria, at_once=at_once)

    def _set_notice(self, text: str, kind: str = "info") -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(NOTICE[kind])

    # --- edits (each undoable, see territory_edits) ----------------------------------
    def add_territory(self, parent_id: str | None) -> None:
        value = TerritoryDialog.ask(self, parents=self._rows, parent_id=parent_id)
        if value is not None:
            edits.add_territory(self.ctx, self, value["name"], value["parent_id"],
                                on_done=self._select_after_refresh)

    def edit_territory(self) -> None:
        row = self._current
        value = TerritoryDialog.ask(self, territory=row, parents=self._rows) if row else None
        if row is None or value is None:
            return
        changes = {k: value[k] for k, old in (("name", row.name), ("parent_id", row.parent_id))
                   if value[k] != old}
        if changes:
            edits.edit_territory(self.ctx, self, row, tr("Edit territory {0}").format(row.name),
                                 changes)

    def apply_rules(self, criteria: list[Criterion]) -> None:
        row, new = self._current, list(criteria)
        if row is not None:
            edits.edit_territory(self.ctx, self, row,
                                 tr("Edit the rules of {0}").format(row.name),
                                 {"criteria": new}, version=self._rules_version,
                                 on_done=lambda _r: self._rules_applied(new))

    def _rules_applied(self, criteria: list[Criterion]) -> None:
        self.rule_editor.mark_saved(criteria)
        self._set_notice(tr("Rules saved. Accounts move when you re-evaluate the rules."),
                         "warn")

    def delete_territory(self) -> None:
        row = self._current
        if row is None or not self.delete_button.isEnabled():
            return
        edits.delete_territory(self.ctx, self, row, on_done=lambda _r: self._set_notice(tr(
            "{0} deleted. Its accounts count as unassigned until you re-evaluate the "
            "rules.").format(row.name), "warn"))

    def _select_after_refresh(self, result: Any) -> None:
        self._select_next = result.territory_id

    # --- evaluation ------------------------------------------------------------------
    def evaluate(self) -> None:
        """Evaluate the rules over every account on the worker (cancellable)."""
        uow = self.ctx.uow
        self.evaluate_button.setEnabled(False)
        self._set_notice(tr("Evaluating the rules…"))
        self.evaluation_job = self.ctx.ops.run(
            lambda job: svc.evaluate_territories(uow, progress=job.progress),
            label=tr("Evaluating the territory rules over every account…"), cancellable=True,
            on_done=self._evaluated, on_error=self._evaluation_failed, parent_widget=self)

    def _evaluated(self, result: svc.EvaluationResult) -> None:
        self.evaluate_button.setEnabled(True)
        if result.cancelled:
            self._set_notice(tr("Re-evaluation cancelled: nothing was changed."), "warn")
        else:
            text = tr("Rules evaluated: {0:,} of {1:,} accounts landed, {2:,} moved.").format(
                result.landed, result.accounts, result.moved)
            if self.rule_editor.is_dirty():
                text += " " + tr("Your unapplied rule changes were not included.")
            self._set_notice(text, "warn" if self.rule_editor.is_dirty() else "info")
        self.sig_evaluation_finished.emit(result)

    def _evaluation_failed(self, exc: BaseException) -> None:
        self.evaluate_button.setEnabled(True)
        self._set_notice(tr("Re-evaluation failed: nothing was changed."), "warn")
        QMessageBox.warning(self, tr("Re-evaluate rules"), user_message(exc))


def _padded(widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(widget)
    return box
