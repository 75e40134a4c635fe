"""The Team tab: members table, manager hierarchy and skills matrix over one filter.

All database work goes through ctx.read / ctx.edit / ctx.ops (the serial worker); the
tab only shows rows and asks for edits, which land on the main window's undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.members import Role
from salesdesk.services import team
from salesdesk.services.common import OpChanges
from salesdesk.storage.rows import MemberRow, TeamRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.member_dialog import LeaveDialog, MemberDialog
from salesdesk.ui.dialogs.team_dialog import SkillColumnDialog, TeamDialog
from salesdesk.ui.models.hierarchy_model import HierarchyModel
from salesdesk.ui.models.members_model import (
    ID_ROLE,
    Column,
    MemberFilter,
    MemberFilterProxy,
    MembersModel,
)
from salesdesk.ui.models.skills_model import SkillsModel
from salesdesk.ui.quota_view import QuotaView
from salesdesk.ui.team_edits import TeamEdits
from salesdesk.ui.team_format import count_text, empty_text
from salesdesk.ui.team_views import DetailPanel, MessageStack, SkillsPage, fit_columns

if TYPE_CHECKING:
    import sqlalchemy as sa


@dataclass(frozen=True)
class TeamData:
    members: list[MemberRow]
    teams: list[TeamRow]


def load_team(conn: sa.Connection) -> TeamData:
    """Read side of the tab (runs on the worker, where SQLAlchemy is imported)."""
    from salesdesk.storage import queries

    return TeamData(queries.members(conn), queries.teams(conn))


class TeamTab(QWidget):
    sig_team_loaded = Signal()
    """Freshly read members, teams and skill columns are on screen."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.edits = TeamEdits(ctx, self)
        self.teams: list[TeamRow] = []
        self.loaded = False
        self._selected_id: str | None = None
        self._skills_column = 1
        self._syncing = False
        self._loads = 0
        self._make_models()
        self._make_toolbar()
        self._make_pages()
        self._lay_out()
        self._connect()
        self._show_messages()
        self.refresh()

    # --- construction ------------------------------------------------------------------
    def _make_models(self) -> None:
        self.members_model = MembersModel(self)
        self.members_proxy = MemberFilterProxy(self)
        self.members_proxy.setSourceModel(self.members_model)
        self.hierarchy_model = HierarchyModel(self)
        self.hierarchy_proxy = MemberFilterProxy(self, recursive=True)
        self.hierarchy_proxy.setSourceModel(self.hierarchy_model)
        self.skills_model = SkillsModel(self)
        self.skills_proxy = MemberFilterProxy(self)
        self.skills_proxy.setSourceModel(self.skills_model)

    def _make_toolbar(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search name, email, team or manager"),
                                clearButtonEnabled=True)
        self.search.setMinimumWidth(240)
        self.team_filter = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.
                                     AdjustToContents)
        self.role_filter = QComboBox()
        for text, role in ((self.tr("All roles"), None), (self.tr("Reps"), Role.REP.value),
                           (self.tr("Managers"), Role.MANAGER.value),
                           (self.tr("Admins"), Role.ADMIN.value)):
            self.role_filter.addItem(text, role)
        self.show_left = QCheckBox(self.tr("Show people who left"))
        self.add_button = QPushButton(self.tr("Add member…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.active_button = QPushButton(self.tr("Deactivate…"))
        self.add_team_button = QPushButton(self.tr("Add team…"))
        self._fill_team_filter()

    def _make_pages(self) -> None:
        self.members_view = QTableView(
            sortingEnabled=True, alternatingRowColors=True, wordWrap=False,
            selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
            selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
            editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_view.setModel(self.members_proxy)
        header = self.members_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(Column.TERRITORIES, QHeaderView.ResizeMode.Stretch)
        self.members_view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.tree = QTreeView(alternatingRowColors=True, uniformRowHeights=True,
                              editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setModel(self.hierarchy_proxy)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        self.tree.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft |
                                               Qt.AlignmentFlag.AlignVCenter)
        self.skills_box = SkillsPage(self.skills_proxy)
        self.skills_view, self.skills_page = self.skills_box.view, self.skills_box.stack
        self.add_skill_button = self.skills_box.add_button
        for view in (self.members_view, self.skills_view):
            view.verticalHeader().hide()
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        self.members_page = MessageStack(self.members_view)
        self.hierarchy_page = MessageStack(self.tree)
        self.pages = QTabWidget(documentMode=True)
        self.pages.addTab(self.members_page, self.tr("Members"))
        self.pages.addTab(self.hierarchy_page, self.tr("Hierarchy"))
        self.pages.addTab(self.skills_box, self.tr("Skills"))
        self.quota_view = QuotaView(self.ctx)
        self.pages.addTab(self.quota_view, self.tr("Quotas"))
        self.detail = DetailPanel()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #5f6b7a;")

    def _lay_out(self) -> None:
        self.member_bar = QWidget()  # hidden on the Quotas page, which has its own
        bar = QHBoxLayout(self.member_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 2)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Team")))
        bar.addWidget(self.team_filter)
        bar.addWidget(QLabel(self.tr("Role")))
        bar.addWidget(self.role_filter)
        bar.addSpacing(8)
        bar.addWidget(self.show_left)
        bar.addStretch(1)
        for button in (self.add_button, self.edit_button, self.active_button,
                       self.add_team_button):
            bar.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 280])
        state = self.ctx.settings.splitter("team")
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.member_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._apply_filter)
        self.team_filter.currentIndexChanged.connect(self._apply_filter)
        self.role_filter.currentIndexChanged.connect(self._apply_filter)
        self.show_left.toggled.connect(self._apply_filter)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.add_team_button.clicked.connect(self.add_team)
        self.add_skill_button.clicked.connect(self.add_skill_column)
        self.pages.currentChanged.connect(lambda _i: self._page_changed())
        self.members_view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tree.doubleClicked.connect(lambda _index: self.edit_selected())
        self.skills_model.sig_level_edited.connect(self._on_level_edited)
        self.splitter.splitterMoved.connect(
            lambda *_: self.ctx.settings.set_splitter("team", self.splitter.saveState()))
        for view in (self.members_view, self.tree, self.skills_view):
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, v=view: self._on_current(v, current))

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> int:
        """Reload members, teams and skill columns on the worker; returns the load's
        number (sig_team_loaded follows once it is on screen)."""
        self._loads += 1
        number, uow = self._loads, self.ctx.uow
        self.ctx.read(load_team, lambda data: self._show(data, number), self)
        self.ctx.ops.run(lambda _job: team.skill_columns(uow),
                         on_done=self._show_skill_columns, parent_widget=self)
        return number

    def on_changes(self, changes: OpChanges) -> None:
        if changes.members or changes.teams or changes.territories:
            self.refresh()
        self.quota_view.on_changes(changes)

    def _page_changed(self) -> None:
        """The member filters, buttons and detail panel belong to the member pages; the
        Quotas page has its own pickers and loads when first shown."""
        quotas = self.pages.currentWidget() is self.quota_view
        for widget in (self.member_bar, self.detail, self.count_label):
            widget.setVisible(not quotas)
        if quotas:
            self.quota_view.ensure_loaded()

    def _show(self, data: TeamData, number: int) -> None:
        self.teams = list(data.teams)
        self._fill_team_filter()
        first = not self.loaded
        self.loaded = True
        self._syncing = True
        try:
            self.members_model.set_rows(data.members, date.today())
            self.hierarchy_model.set_rows(data.members)
            skills_reset = self.skills_model.set_rows(data.members, number)
        finally:
            self._syncing = False
        self._settle(fit_members=first, fit_skills=skills_reset or first)

    def _show_skill_columns(self, columns: dict[str, list[str]]) -> None:
        self._syncing = True
        try:
            reset = self.skills_model.set_extra_columns(columns)
        finally:
            self._syncing = False
        self._settle(fit_skills=reset)
        self.sig_team_loaded.emit()

    def _settle(self, *, fit_members: bool = False, fit_skills: bool = False) -> None:
        """After new rows or a new filter: expand, reselect, size, explain emptiness."""
        self.tree.expandAll()
        if fit_members and self._selected_id is None and self.members_proxy.rowCount():
            self._selected_id = self.members_proxy.index(0, 0).data(ID_ROLE)
        self._restore_selection()
        if fit_members:
            fit_columns(self.members_view)
        if fit_skills:
            self.skills_box.fit_columns()
        fit_columns(self.tree)
        self._show_messages()

    def _fill_team_filter(self) -> None:
        current = self.team_filter.currentData()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem(self.tr("All teams"), None)
        for row in self.teams:
            self.team_filter.addItem(row.name, row.id)
        self.team_filter.addItem(self.tr("No team"), "")
        self.team_filter.setCurrentIndex(max(0, self.team_filter.findData(current)))
        self.team_filter.blockSignals(False)
        if self.team_filter.currentData() != current:
            self._apply_filter()

    # --- filtering and emptiness -------------------------------------------------------
    def member_filter(self) -> MemberFilter:
        return MemberFilter(self.search.text(), self.team_filter.currentData(),
                            self.role_filter.currentData(), self.show_left.isChecked())

    def _apply_filter(self) -> None:
        member_filter = self.member_filter()
        self._syncing = True  # a row the filter hides stays selected for when it is back
        try:
            for proxy in (self.members_proxy, self.hierarchy_proxy, self.skills_proxy):
                proxy.set_filter(member_filter)
        finally:
            self._syncing = False
        self._settle()

    def _show_messages(self) -> None:
        rows = self.members_model.rows
        shown = self.members_proxy.rowCount()
        text = empty_text(self.loaded, rows, shown, self.member_filter().narrows)
        self.members_page.show_message(text)
        self.hierarchy_page.show_message(text)
        if not text and not self.skills_model.skill_columns:
            text = self.tr("No skills are recorded yet. Use “Add skill column…” to start the "
                           "matrix, for example with the languages your reps speak.")
        self.skills_page.show_message(text)
        self.count_label.setText(count_text(rows, shown, self.show_left.isChecked()))
        self._update_selection_widgets()

    # --- selection ---------------------------------------------------------------------
    def selected_member(self) -> MemberRow | None:
        """The member selected and shown under the current filter, if any."""
        index = self.members_model.index_of(self._selected_id or "")
        if not index.isValid():
            return None
        row = self.members_model.member(index.row())
        return row if self.members_proxy.member_filter.accepts(row) else None

    def select_member(self, member_id: str | None) -> None:
        self._selected_id = member_id
        self._restore_selection()
        self._update_selection_widgets()

    def _on_current(self, view: QAbstractItemView, current: QModelIndex) -> None:
        if self._syncing:
            return
        self._selected_id = current.data(ID_ROLE) if current.isValid() else None
        if view is self.skills_view and current.isValid() and current.column() > 0:
            self._skills_column = current.column()
        self._restore_selection(skip=view)
        self._update_selection_widgets()

    def _restore_selection(self, skip: QAbstractItemView | None = None) -> None:
        self._syncing = True
        try:
            for view, model in ((self.members_view, self.members_model),
                                (self.tree, self.hierarchy_model),
                                (self.skills_view, self.skills_model)):
                if view is not skip:
                    self._select_in(view, model)
        finally:
            self._syncing = False

    def _select_in(self, view: QAbstractItemView, model: Any) -> None:
        proxy, selection = view.model(), view.selectionModel()
        index = proxy.mapFromSource(model.index_of(self._selected_id or ""))  # type: ignore[attr-defined]
        if not index.isValid():
            selection.clear()
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view is self.skills_view:
            index = index.sibling(index.row(), min(self._skills_column,
                                                   proxy.columnCount() - 1))
        else:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        if selection.currentIndex() != index:
            selection.setCurrentIndex(index, flags)
        view.scrollTo(index)

    def _update_selection_widgets(self) -> None:
        row = self.selected_member()
        self.edit_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        self.active_button.setText(self.tr("Reactivate") if row is not None and not row.active
                                   else self.tr("Deactivate…"))
        work = self.members_model.workload(row.id) if row is not None else None
        self.detail.show_member(row, work)

    # --- user actions ------------------------------------------------------------------
    def add_member(self) -> None:
        fields = MemberDialog.ask(self, member=None, members=self.members_model.rows,
                                  teams=self.teams)
        if fields is not None:
            self.edits.add_member(fields, on_done=lambda saved: self.select_member(
                saved.member_id))

    def edit_selected(self) -> None:
        row = self.selected_member()
        if row is None:
            return
        fields = MemberDialog.ask(self, member=row, members=self.members_model.rows,
                                  teams=self.teams)
        if fields is None:
            return
        changes = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if changes:
            self.edits.edit_member(row, changes)

    def toggle_active(self) -> None:
        row = self.selected_member()
        if row is None:
            return
        if not row.active:
            self.edits.reactivate(row)
            return
        left_on = LeaveDialog.ask(self, member=row)
        if left_on is not None:
            self.edits.deactivate(row, left_on)

    def add_team(self) -> None:
        name = TeamDialog.ask(self, teams=self.teams)
        if name is not None:
            self.edits.add_team(name)

    def add_skill_column(self) -> None:
        columns: dict[str, list[str]] = {}
        for kind, skill in self.skills_model.skill_columns:
            columns.setdefault(kind, []).append(skill)
        choice = SkillColumnDialog.ask(self, columns=columns)
        if choice is not None:
            self.edits.add_skill_column(*choice)

    def _on_level_edited(self, member_id: str, version: int, kind: str, skill: str,
                         level: int) -> None:
        index = self.members_model.index_of(member_id)
        name = self.members_model.member(index.row()).name if index.isValid() else ""
        self.edits.set_skill(member_id, version, name, kind, skill, level)
        # Reading right after the edit settles the typed level whether it was stored or
        # refused (a refusal shows a message and must not leave the typed value on screen).
        self.skills_model.hold_until(member_id, kind, skill, self.refresh())
