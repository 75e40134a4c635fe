"""Coverage of the whole plan: accounts per territory, unassigned accounts, and what the
last evaluation found (overlapping rules, ties). Each section says so plainly when it
has nothing to report."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services import territories as svc
from salesdesk.storage.rows import CoverageCounts, TerritoryRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.accounts_model import AccountFilter, PagedAccountsModel
from salesdesk.ui.models.coverage_model import (
    CoverageLine,
    RowsModel,
    coverage_model,
    overlaps_model,
    ties_model,
)
from salesdesk.ui.models.territory_tree_model import path
from salesdesk.ui.territory_accounts import accounts_table, compact

if TYPE_CHECKING:
    import sqlalchemy as sa

MUTED = "color: #5f6b7a;"
WARN = "color: #8a5300;"


def _coverage_counts(conn: sa.Connection) -> CoverageCounts:
    from salesdesk.storage import queries  # on the worker, where SQLAlchemy is imported

    return queries.coverage_counts(conn)


def summary_text(counts: CoverageCounts, ties: int) -> str:
    return tr("{0} accounts: {1} landed, {2} unassigned, {3} ties").format(
        f"{counts.accounts:,}", f"{counts.landed:,}", f"{counts.unassigned:,}", f"{ties:,}")


def _when(moment: datetime) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, "d MMM yyyy, HH:mm")


class _Section(QWidget):
    """A titled table that shows a sentence instead when it has no rows."""

    def __init__(self, title: str, table: QTableView):
        super().__init__()
        self.title = QLabel(f"<b>{title}</b>")
        self.table = table
        self.empty = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet(MUTED + " padding: 6px 2px;")
        self.caption = QLabel(wordWrap=True)
        self.caption.setStyleSheet(MUTED)
        self.caption.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.show()

    def set_title(self, title: str) -> None:
        self.title.setText(f"<b>{title}</b>")

    def show_rows(self, count: int, empty_text: str) -> None:
        self.empty.setText(empty_text)
        self.stack.setCurrentWidget(self.table if count else self.empty)


def _small_table(model: RowsModel, stretch: int = 0, sort_by: int = 0,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTableView:
    table = QTableView(sortingEnabled=True, alternatingRowColors=True, wordWrap=False,
                       selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows)
    table.setModel(model)
    compact(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setSortIndicator(sort_by, order)
    return table


def _fill(table: QTableView, model: RowsModel, rows: list[Any]) -> None:
    """Replace the rows, sorted as the header says."""
    model.set_rows(rows)
    header = table.horizontalHeader()
    model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


class CoveragePanel(QWidget):
    sig_territory_activated = Signal(str)
    """A territory was double-clicked in the coverage table; carries its id."""
    sig_summary_changed = Signal(str)
    """The one-line summary changed; carries it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._counts: CoverageCounts | None = None
        self._last: svc.LastEvaluation | None = None
        self._generation = 0
        self.summary = QLabel(objectName="coverageSummary")
        self.summary.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.evaluation_label = QLabel(wordWrap=True)
        self.territories = coverage_model(self)
        self.unassigned = PagedAccountsModel(lambda q, done: ctx.read(q, done, self),
                                             parent=self)
        self.overlaps, self.ties = overlaps_model(self), ties_model(self)
        self.per_territory = _Section(tr("Accounts per territory"),
                                      _small_table(self.territories))
        unassigned_table = accounts_table(self.unassigned)
        for column in (3, 4, 5):
            unassigned_table.hideColumn(column)
        self.unassigned_section = _Section(tr("Unassigned accounts"), unassigned_table)
        self.overlap_section = _Section(tr("Overlapping rules"), _small_table(
            self.overlaps, sort_by=2, order=Qt.SortOrder.DescendingOrder))
        self.overlap_section.set_caption(tr(
            "Accounts matched by two territories in different branches of the tree. The more "
            "specific territory takes them; equal ones tie."))
        self.tie_section = _Section(tr("Ties"), _small_table(self.ties, stretch=1))
        self.per_territory.table.doubleClicked.connect(self._activated)
        self.unassigned.sig_total_changed.connect(self._unassigned_arrived)
        self._layout()

    def _layout(self) -> None:
        right = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        for section in (self.unassigned_section, self.overlap_section, self.tie_section):
            right.addWidget(section)
        right.setSizes([300, 200, 160])
        body = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        body.addWidget(self.per_territory)
        body.addWidget(right)
        body.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.evaluation_label)
        layout.addWidget(body, 1)

    # --- loading ---------------------------------------------------------------------
    def load(self, rows: list[TerritoryRow]) -> None:
        """Show coverage for these territories and read the rest from the workspace."""
        self._generation += 1
        generation = self._generation
        total = sum(r.accounts for r in rows)
        _fill(self.per_territory.table, self.territories,
              [CoverageLine(r, path(rows, r), r.accounts / total if total else 0.0)
               for r in rows])
        self.per_territory.show_rows(len(rows), tr(
            "No territories yet. Use “Add territory…” to draw the first one."))
        self.unassigned.set_filter(AccountFilter(unassigned=True))
        self._ctx.read(_coverage_counts, lambda c: self._counts_arrived(generation, c), self)
        uow = self._ctx.uow
        self._ctx.ops.run(lambda _job: svc.last_evaluation(uow),
                          on_done=lambda last: self._evaluation_arrived(generation, last),
                          parent_widget=self)

    def _counts_arrived(self, generation: int, counts: CoverageCounts) -> None:
        if generation == self._generation:
            self._counts = counts
            self._update_summary()
            self._show_unassigned()

    def _unassigned_arrived(self, _count: int) -> None:
        self._show_unassigned()

    def _show_unassigned(self) -> None:
        count = self.unassigned.total
        self.unassigned_section.set_title(tr("Unassigned accounts ({0})").format(f"{count:,}"))
        no_accounts = self._counts is not None and self._counts.accounts == 0
        self.unassigned_section.show_rows(count, tr("No accounts in this workspace yet.")
                                          if no_accounts else
                                          tr("None: every account landed in a territory."))

    def _evaluation_arrived(self, generation: int, last: svc.LastEvaluation | None) -> None:
        if generation != self._generation:
            return
        self._last = last
        _fill(self.overlap_section.table, self.overlaps, list(last.overlaps) if last else [])
        _fill(self.tie_section.table, self.ties, list(last.ties) if last else [])
        self._show_evaluation(last)
        self._update_summary()

    def _show_evaluation(self, last: svc.LastEvaluation | None) -> None:
        if last is None:
            self.evaluation_label.setText(tr(
                "The rules have not been evaluated in this workspace yet. “Re-evaluate "
                "rules” lands every account and reports overlaps and ties here."))
            self.evaluation_label.setStyleSheet(WARN)
            never = tr("Not known until the rules are evaluated.")
            self.overlap_section.show_rows(0, never)
            self.tie_section.show_rows(0, never)
            return
        text = tr("Overlaps and ties from the evaluation of {0}.").format(
            _when(last.evaluated_at))
        if last.rules_changed_since:
            text += " " + tr("Rules changed since: accounts stay where they are until you "
                             "re-evaluate.")
        self.evaluation_label.setText(text)
        self.evaluation_label.setStyleSheet(WARN if last.rules_changed_since else MUTED)
        self.overlap_section.show_rows(len(last.overlaps), tr(
            "None: no account matched two territories outside one branch of the tree."))
        self.tie_section.show_rows(last.tie_count, tr(
            "None: no account was matched equally by several territories."))
        self.overlap_section.set_title(tr("Overlapping rules ({0})").format(len(last.overlaps)))
        self.tie_section.set_title(
            tr("Ties ({0})").format(last.tie_count) if last.tie_count <= len(last.ties)
            else tr("Ties ({0}; the first {1} are listed)").format(last.tie_count,
                                                                     len(last.ties)))

    def _update_summary(self) -> None:
        if self._counts is None:
            return
        ties = self._last.tie_count if self._last else 0
        text = summary_text(self._counts, ties)
        if self._counts.accounts == 0:
            text = tr("No accounts yet: import accounts to see how the territories cover "
                      "them.")
        self.summary.setText(text)
        self.sig_summary_changed.emit(text)

    def _activated(self, index: QModelIndex) -> None:
        line: Any = self.territories.row_at(index.row())
        if line is not None:
            self.sig_territory_activated.emit(line.row.id)

    @property
    def counts(self) -> CoverageCounts | None:
        return self._counts
