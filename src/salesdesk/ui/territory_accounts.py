"""Accounts landed in the selected territory, paged and sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.storage.rows import TerritoryRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.accounts_model import AccountFilter, PagedAccountsModel

SEARCH_DELAY_MS = 250


def compact(table: QTableView) -> QTableView:
    """Rows as tall as the text needs (the style's default leaves gaps), no row numbers."""
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setStyleSheet("QTableView::item { padding: 0px 10px 0px 4px; }")
    return table


def accounts_table(model: PagedAccountsModel) -> QTableView:
    """A table over the paged model: headers sort in SQL, scrolling fetches more."""
    table = QTableView(alternatingRowColors=True,
                       selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                       wordWrap=False)
    table.setModel(model)
    compact(table)
    header = table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    for column, width in ((1, 150), (2, 130), (3, 110), (4, 100), (5, 110)):
        header.resizeSection(column, width)
    table.setSortingEnabled(True)
    return table


class AccountsPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._territory: TerritoryRow | None = None
        self.model = PagedAccountsModel(lambda query, done: ctx.read(query, done, self),
                                        parent=self)
        self.table = accounts_table(self.model)
        self.heading = QLabel(wordWrap=True)
        self.search_edit = QLineEdit(placeholderText=tr("Find an account…"),
                                     clearButtonEnabled=True)
        self.search_edit.setMaximumWidth(280)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.model.sig_total_changed.connect(lambda _n: self._update_heading())
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.search_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._update_heading()

    def load(self, territory: TerritoryRow | None, *, keep_place: bool = False) -> None:
        same = territory is not None and self._territory is not None and \
            territory.id == self._territory.id
        self._territory = territory
        if same and keep_place:
            self.model.reload(keep_loaded=True)
        else:
            self._apply_filter()
        self._update_heading()

    def _apply_filter(self) -> None:
        tid = self._territory.id if self._territory else None
        self.model.set_filter(AccountFilter(territory_id=tid,
                                            search=self.search_edit.text().strip()))

    def _update_heading(self) -> None:
        t = self._territory
        if t is None:
            text = tr("Select a territory to see the accounts landed in it.")
        elif not t.criteria:
            text = tr("{0} is a container: accounts land in its sub-territories, never "
                      "here.").format(t.name)
        elif self.search_edit.text().strip():
            text = tr("{0:,} of {1:,} accounts in {2} match the search.").format(
                self.model.total, t.accounts, t.name)
        else:
            text = tr("{0:,} accounts landed in {1} at the last evaluation.").format(
                t.accounts, t.name)
        self.heading.setText(text)
