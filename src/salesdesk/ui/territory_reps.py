"""The reps assigned to one territory: who covers it, from when, until when.

Assigning and removing are undoable edits (ui.undo); the lists come from the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services import territories as svc
from salesdesk.storage.rows import AssignmentRow, MemberRow, TerritoryRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.assign_rep_dialog import AssignRepDialog
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.coverage_model import assignments_model
from salesdesk.ui.territory_accounts import compact

MUTED = "color: #5f6b7a;"


class RepsPanel(QWidget):
    sig_assignments_loaded = Signal(int)
    """The assignments of the shown territory arrived; carries how many."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._territory: TerritoryRow | None = None
        self._generation = 0
        self.model = assignments_model(parent=self)
        self.table = QTableView(sortingEnabled=True, alternatingRowColors=True,
                                selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                                selectionMode=QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setModel(self.model)
        compact(self.table)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(110)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(MUTED)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.assign_button = QPushButton(tr("Assign rep…"), enabled=False)
        self.remove_button = QPushButton(tr("Remove"), enabled=False,
                                         toolTip=tr("Take the selected rep off this territory"))
        self.assign_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)

    def load(self, territory: TerritoryRow | None) -> None:
        """Show who covers `territory` (None: nothing selected)."""
        self._territory = territory
        self._generation += 1
        generation = self._generation
        self.assign_button.setEnabled(territory is not None)
        if territory is None:
            self._show([])
            return
        from salesdesk.storage import queries  # loaded by then: the workspace is open

        tid = territory.id
        self._ctx.read(lambda conn: queries.assignments(conn, tid),
                       lambda rows: self._arrived(generation, rows), self)

    def _arrived(self, generation: int, rows: list[AssignmentRow]) -> None:
        if generation == self._generation:
            self._show(rows)

    def _show(self, rows: list[AssignmentRow]) -> None:
        header = self.table.horizontalHeader()
        self.model.set_rows(rows)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        name = self._territory.name if self._territory else ""
        self.empty_label.setText(tr("Nobody covers {0} yet. Use “Assign rep…” to give it a "
                                    "rep.").format(name) if self._territory else
                                 tr("Select a territory to see its reps."))
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.sig_assignments_loaded.emit(len(rows))

    def selected(self) -> AssignmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    # --- edits -----------------------------------------------------------------------
    def assign(self) -> None:
        if self._territory is None:
            return
        from salesdesk.storage import queries

        territory = self._territory
        self._ctx.read(queries.members, lambda members: self._ask(territory, members), self)

    def _ask(self, territory: TerritoryRow, members: list[MemberRow]) -> None:
        value = AssignRepDialog.ask(self, territory=territory.name, members=members)
        if value is None:
            return
        names = {m.id: m.name for m in members}
        self.assign_rep(territory, value["member_id"], value["start"], value["end"],
                        names.get(value["member_id"], ""))

    def assign_rep(self, territory: TerritoryRow, member_id: str, start: Any, end: Any,
                   member_name: str = "") -> None:
        """Undoable: undo removes the assignment, redo restores it."""
        uow, tid = self._ctx.uow, territory.id
        self._ctx.edit(
            tr("Assign {0} to {1}").format(member_name, territory.name),
            lambda: svc.assign_rep(uow, tid, member_id, start, end),
            lambda result: lambda _v: svc.remove_assignment(uow, result.ids[0]),
            lambda result: lambda _v: svc.restore_assignment(uow, result.ids[0]),
            parent_widget=self)

    def remove_selected(self) -> None:
        assignment, territory = self.selected(), self._territory
        if assignment is None or territory is None:
            return
        uow, aid = self._ctx.uow, assignment.id
        self._ctx.edit(
            tr("Remove {0} from {1}").format(assignment.member, territory.name),
            lambda: svc.remove_assignment(uow, aid),
            lambda _result: lambda _v: svc.restore_assignment(uow, aid),
            lambda _result: lambda _v: svc.remove_assignment(uow, aid),
            parent_widget=self)
