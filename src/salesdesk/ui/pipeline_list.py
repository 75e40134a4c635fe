"""The list view of the pipeline: the board's deals as a table, paged and sorted in SQL."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.storage.rows import DealCard, StageRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.deal_list_model import CARD_ROLE, DealListModel, DealQuery

WIDTHS = ((0, 220), (2, 170), (3, 200), (4, 120), (5, 90), (6, 120), (7, 110))


class DealTable(QTableView):
    """Enter opens the current deal, as a double-click does."""

    sig_open_requested = Signal(str)
    """Carries the id of the deal to open."""

    def __init__(self, model: DealListModel, parent: QWidget | None = None):
        super().__init__(parent, alternatingRowColors=True, wordWrap=False,
                         selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                         selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
                         editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setModel(model)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setStyleSheet("QTableView::item { padding: 0px 10px 0px 4px; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in WIDTHS:
            header.resizeSection(column, width)
        header.setSortIndicator(6, Qt.SortOrder.AscendingOrder)  # the model's first order
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        card = index.siblingAtColumn(0).data(CARD_ROLE)
        if isinstance(card, DealCard):
            self.sig_open_requested.emit(card.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.currentIndex().isValid():
            self._open(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class DealListPanel(QWidget):
    """The table and a line saying how many deals match."""

    sig_open_requested = Signal(str)
    """The user opened a deal (double-click, Enter); carries its id."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DealListModel(lambda query, done: ctx.read(query, done, self),
                                   parent=self)
        self.table = DealTable(self.model)
        self.table.sig_open_requested.connect(self.sig_open_requested)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #5f6b7a;")
        self.model.sig_total_changed.connect(self._show_total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def load(self, query: DealQuery, stages: Mapping[str, StageRow], currency: str) -> None:
        """Show the deals `query` selects; the same query again (after a change) keeps the
        rows loaded so far, so the table keeps its place."""
        if query == self.model.query and self.model.rowCount():
            self.model.set_stages(stages, currency)
            self.model.reload()
        else:
            self.model.set_query(query, stages, currency)

    def reload(self) -> None:
        self.model.reload()

    def _show_total(self, total: int) -> None:
        self.count_label.setText(tr("No deal matches these filters.") if not total else
                                 tr("1 deal") if total == 1 else
                                 tr("{0:,} deals").format(total))
