"""The Leads tab: the lead board.

A table of every lead matching the filter bar (queues, chips, search), paged and sorted in
SQL by LeadTableModel, so it stays fast at a million leads; a bulk bar for the selection;
the selected lead's details beside it. Actions (import, routing, rules, bulk edits, saved
views) live in lead_board_actions.py.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.common import OpChanges
from salesdesk.storage.lead_queries import SortKey
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_board_actions import LeadBoardActions
from salesdesk.ui.lead_detail_panel import LeadDetailPanel
from salesdesk.ui.lead_filters import LeadFilterBar
from salesdesk.ui.models.lead_table_model import COLUMNS, LeadQuery, LeadTableModel

if TYPE_CHECKING:
    import sqlalchemy as sa

WIDTHS = (150, 160, 90, 170, 55, 150, 130, 120, 90, 125)
BULK_STYLE = "#bulkBar { background: #eef5ff; border: 1px solid #c9dcf5; border-radius: 4px; }"
COUNT_STYLE = "color: #5f6b7a;"


def _board_setup(uow_factory: Any, engine: sa.Engine) -> tuple[Any, Any]:
    """Business hours (for ageing) and the chips' choices, read together on the worker."""
    from salesdesk.services import lead_settings
    from salesdesk.storage.lead_choices import lead_choices

    with uow_factory() as uow:
        hours = lead_settings.business_hours(uow)
    with engine.connect() as conn:
        return hours, lead_choices(conn)


class LeadTable(QTableView):
    def __init__(self, model: LeadTableModel, parent: QWidget | None = None):
        super().__init__(parent, alternatingRowColors=True, wordWrap=False,
                         selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                         selectionMode=QAbstractItemView.SelectionMode.ExtendedSelection,
                         editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers,
                         verticalScrollMode=QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setModel(model)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setStyleSheet("QTableView::item { padding: 0px 8px 0px 4px; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_indicator)

    def _keep_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A column SQL cannot sort keeps the indicator where the rows are sorted."""
        model = self.model()
        if isinstance(model, LeadTableModel) and COLUMNS[column][1] is None:
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder
                                    if model.query.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)


class LeadBoardTab(QWidget):
    sig_first_page_shown = Signal(float)
    """The first page of a query is on screen; carries seconds since it was asked for."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._asked_at = 0.0
        self._shown_id: str | None = None
        self.model = LeadTableModel(lambda query, done: ctx.read(query, done, self),
                                    parent=self)
        self.filters = LeadFilterBar()
        self.table = LeadTable(self.model)
        self.detail = LeadDetailPanel(ctx)
        self.board_actions = LeadBoardActions(self)
        self._make_header()
        self._make_bulk_bar()
        self._lay_out()
        self._connect()

    # --- construction ------------------------------------------------------------------
    def _make_header(self) -> None:
        self.title = QLabel(tr("Leads"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(COUNT_STYLE)
        self.import_button = QPushButton(tr("Import leads…"))
        self.route_button = QPushButton(tr("Route leads…"))
        self.route_button.setToolTip(tr("Propose an owner for every open unassigned lead, "
                                        "with the reasons, before anything is applied"))
        self.rules_button = QPushButton(tr("Segments, score and SLA…"))
        self.speed_button = QPushButton(tr("Speed to lead…"))
        self.views_button = QToolButton(
            text=tr("Saved views"), popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Export the leads this view shows to Excel"))

    def _make_bulk_bar(self) -> None:
        self.bulk_bar = QFrame(objectName="bulkBar")
        self.bulk_bar.setStyleSheet(BULK_STYLE)
        self.selected_label = QLabel()
        self.assign_button = QPushButton(tr("Assign to…"))
        self.status_button = QPushButton(tr("Change status…"))
        self.segment_button = QPushButton(tr("Segment…"))
        row = QHBoxLayout(self.bulk_bar)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.selected_label)
        row.addStretch(1)
        for button in (self.assign_button, self.status_button, self.segment_button):
            row.addWidget(button)
        self.bulk_bar.setVisible(False)

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(8)
        header.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        for widget in (self.views_button, self.rules_button, self.speed_button,
                       self.export_button, self.import_button, self.route_button):
            header.addWidget(widget)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bulk_bar)
        column.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.filters.sig_filter_changed.connect(self.refresh)
        self.model.sig_total_changed.connect(self._show_total)
        self.model.sig_first_page.connect(self._first_page)
        self.model.modelReset.connect(lambda: self.bulk_bar.setVisible(False))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.board_actions.connect_buttons()

    # --- loading -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """On first show: business hours and chip choices, and the first page at once."""
        if self.loaded:
            return
        self.loaded = True
        self.refresh()
        self.reload_setup()

    def reload_setup(self) -> None:
        uow, engine = self.ctx.uow, self.ctx.workspace.engine
        self.ctx.ops.run(lambda _job: _board_setup(uow, engine), on_done=self._setup_arrived,
                         parent_widget=self)

    def _setup_arrived(self, setup: tuple[Any, Any]) -> None:
        hours, choices = setup
        self.model.set_hours(hours)
        self.filters.set_choices(choices)
        self.board_actions.choices = choices
        self.table.viewport().update()

    def refresh(self) -> None:
        """Ask again for the filter bar's leads, from the first page."""
        self._asked_at = time.perf_counter()
        self.count_label.setText(tr("counting…"))
        self.model.set_query(LeadQuery(self.filters.lead_filter(), self.model.query.sort,
                                       self.model.query.descending))

    def set_order(self, sort: SortKey, descending: bool) -> None:
        """Sort the next query by `sort` and show it on the header (no query yet)."""
        self.model.set_order(sort, descending)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder
                                if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def on_changes(self, changes: OpChanges) -> None:
        if not self.loaded:
            return
        if changes.members or changes.territories:
            self.reload_setup()
        if changes.leads or changes.members or changes.territories:
            self.model.reload()
            if changes.leads and not changes.members:
                self.reload_setup()  # a new source or segment may have appeared

    def _first_page(self) -> None:
        self.sig_first_page_shown.emit(time.perf_counter() - self._asked_at)
        current = self._shown_id
        row = self.model.row_of(current) if current else None
        if row is not None:
            self.table.selectRow(row)

    def _show_total(self, total: int) -> None:
        self.count_label.setText(tr("No lead matches this view.") if not total else
                                 tr("1 lead") if total == 1 else
                                 tr("{0:,} leads").format(total))

    # --- selection ---------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.ids_of(rows)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._selection_changed()

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.bulk_bar.setVisible(len(ids) > 1)
        self.selected_label.setText(tr("{0:,} leads selected").format(len(ids)))
        current = self.table.currentIndex()
        row = self.model.row_at(current.row()) if current.isValid() else None
        shown = ids[0] if len(ids) == 1 else row.id if row is not None and row.id in ids \
            else None if not ids else self._shown_id
        if shown != self._shown_id:
            self._shown_id = shown
            self.detail.show_lead(shown)
